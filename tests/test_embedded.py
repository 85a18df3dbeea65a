"""The embedded PostgreSQL stops with the last process that uses it, even when an
earlier process was killed without cleaning up (regression: the server stayed up). Its
DATABASE_URL is the runtime role, the owner is apart (ADR 0012)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

SCRIPT = (
    "from sdd_portal import embedded; import psycopg; "
    "url = embedded.database_url(); "
    "print(psycopg.connect(url).execute('select current_database()').fetchone()[0]); "
    # The two roles of ADR 0012: DATABASE_URL a runtime role without superuser, the owner apart.
    "print(psycopg.connect(url).execute("
    "'select current_user, rolsuper from pg_roles where rolname = current_user').fetchone()); "
    "print(psycopg.connect(embedded.database_owner_url()).execute("
    "'select current_user').fetchone()[0])"
)


def _run(data_dir: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SDD_DATA_DIR"] = str(data_dir)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    database, rollen, eigenaar = result.stdout.strip().splitlines()
    assert (rollen, eigenaar) == ("('sdd_runtime', False)", "postgres")
    return database


def test_embedded_server_starts_creates_the_database_and_stops(tmp_path):
    assert _run(tmp_path) == "sdd_portal"
    assert not (tmp_path / "postgres" / "postmaster.pid").exists()

    # A process that was killed left its pid behind; the next one must still stop the server.
    (tmp_path / "postgres" / ".handle_pids.json").write_text(json.dumps([2**22 + 12345]))
    assert _run(tmp_path) == "sdd_portal"
    assert not (tmp_path / "postgres" / "postmaster.pid").exists()
