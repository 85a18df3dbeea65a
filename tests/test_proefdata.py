"""The demo, synthetic-data and benchmark app is the top layer and stays out of production."""

import ast
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

# Nothing outside proefdata imports it (the `make run` supervisor calls its demo_data command).
TOEGESTAAN: set[Path] = set()


def _importeert_proefdata(pad: Path) -> bool:
    for knoop in ast.walk(ast.parse(pad.read_text(), str(pad))):
        if isinstance(knoop, ast.Import):
            namen = [alias.name for alias in knoop.names]
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            namen = [knoop.module]
        else:
            continue
        if any(naam == "proefdata" or naam.startswith("proefdata.") for naam in namen):
            return True
    return False


def _bronbestanden(basis: Path):
    """Every module of the project's packages but proefdata and the tests, and manage.py."""
    for pakket in sorted(basis.iterdir()):
        if (pakket / "__init__.py").is_file() and pakket.name not in {"proefdata", "tests"}:
            yield from pakket.rglob("*.py")
    yield basis / "manage.py"


def test_no_app_imports_proefdata():
    basis = Path(settings.BASE_DIR)
    bestanden = [pad.relative_to(basis) for pad in _bronbestanden(basis)]
    assert Path("indicaties/models/__init__.py") in bestanden
    overtreders = [
        pad for pad in bestanden if pad not in TOEGESTAAN and _importeert_proefdata(basis / pad)
    ]
    assert overtreders == []


def test_production_configuration_has_no_demo_or_bench_commands():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SDD_PROEFDATA"))}
    env.update(DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="wmo.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "help", "--commands"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    commands = set(result.stdout.split())
    assert {"dagelijkse_taken", "toegangslog_partities"} <= commands
    assert not commands & {"bench", "bench_data", "demo_data", "demo_totp", "synthetic_ho"}
