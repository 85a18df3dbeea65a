"""The runtime role cannot rewrite the access log (issue 17 finding 4, ADR 0012).

The tests run as the owner role (they create and migrate the test database). Each test here
opens a second connection to the test database AS THE RUNTIME ROLE, the role of the web
server, worker and beat, and tries what an attacker with the application's database
credentials would try. With a configured split (embedded database, CI) that is the role of
DATABASE_URL; with a single superuser DATABASE_URL the test creates a runtime role and grants
it what migrate grants (``rollen.rechten_toekennen``).
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from datetime import date, timedelta

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from psycopg.conninfo import conninfo_to_dict

from sdd_portal.audit import partities
from sdd_portal.audit.apps import toegangslog_beschermd
from sdd_portal.audit.models import AccessLogEntry
from sdd_portal.audit.partities import maanden_later, partitie_naam
from sdd_portal.audit.rollen import beschermingsprobleem, rechten_toekennen

TABEL = "audit_accesslogentry"
TESTROL = "sdd_runtime_test"


def _runtime_conninfo() -> dict:
    db = connection.settings_dict
    rol = settings.DATABASE_RUNTIME_ROLE
    if rol and rol != db["USER"]:
        params = conninfo_to_dict(settings.DATABASE_RUNTIME_URL)
        params["dbname"] = db["NAME"]
        return params
    # A single role configured: make a runtime role as migrate would grant it.
    wachtwoord = secrets.token_urlsafe(16)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [TESTROL])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE ROLE {TESTROL} LOGIN")
        cursor.execute(f"ALTER ROLE {TESTROL} PASSWORD %s", [wachtwoord])
    rechten_toekennen(TESTROL)
    params = {k: v for k in ("host", "port") if (v := db[k.upper()])}
    return {**params, "user": TESTROL, "password": wachtwoord, "dbname": db["NAME"]}


@pytest.fixture
def runtime(transactional_db):
    """A connection to the test database as the runtime role (autocommit, like a page)."""
    with psycopg.connect(**_runtime_conninfo(), autocommit=True) as verbinding:
        yield verbinding


def _log_regel(verbinding, username="runtime") -> int:
    return verbinding.execute(
        f"INSERT INTO {TABEL} (timestamp, username, organisatie_naam, rollen, actie, "  # noqa: S608
        "omschrijving, client_ids, pad, uitkomst) VALUES (now(), %s, 'SDD', '{}', "
        "'bekijken', 'Cliëntdossier bekeken', '{42}', '/clienten/', 'toegestaan') RETURNING id",
        [username],
    ).fetchone()[0]


def _huidige_partitie() -> str:
    return partitie_naam(partities.maand_begin(timezone.localdate()))


def test_runtime_role_is_no_superuser_and_owns_nothing(runtime):
    assert beschermingsprobleem(runtime.cursor()) is None
    rol = runtime.execute("SELECT current_user").fetchone()[0]
    eigendom = runtime.execute(
        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = %s",
        [rol],
    ).fetchone()[0]
    assert eigendom == 0


def test_runtime_role_appends_to_and_reads_the_access_log(runtime):
    pk = _log_regel(runtime)
    regel = AccessLogEntry.objects.get(pk=pk)  # what the owner (and the search page) sees
    assert (regel.username, regel.client_ids, regel.actie) == ("runtime", [42], "bekijken")
    gelezen = runtime.execute(f"SELECT count(*) FROM {TABEL} WHERE id = %s", [pk])  # noqa: S608
    assert gelezen.fetchone()[0] == 1


AANVALLEN = {
    "update": f"UPDATE {TABEL} SET username = 'iemand anders'",  # noqa: S608
    "delete": f"DELETE FROM {TABEL}",  # noqa: S608
    "delete uit partitie": "DELETE FROM {partitie}",
    "update van partitie": "UPDATE {partitie} SET client_ids = '{}'",
    "truncate": f"TRUNCATE {TABEL}",
    "truncate partitie": "TRUNCATE {partitie}",
    "trigger uitschakelen": f"ALTER TABLE {TABEL} DISABLE TRIGGER ALL",
    "trigger van partitie uitschakelen": "ALTER TABLE {partitie} DISABLE TRIGGER ALL",
    "trigger weghalen": f"DROP TRIGGER audit_accesslogentry_append_only ON {TABEL}",
    "triggerfunctie vervangen": (
        "CREATE OR REPLACE FUNCTION audit_accesslogentry_append_only() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$"
    ),
    "replicatiemodus": "SET session_replication_role = replica",
    "partitie loskoppelen": f"ALTER TABLE {TABEL} DETACH PARTITION {{partitie}}",
    "partitie verwijderen": "DROP TABLE {partitie}",
    "tabel verwijderen": f"DROP TABLE {TABEL} CASCADE",
    "eigenaar worden": f"ALTER TABLE {TABEL} OWNER TO CURRENT_USER",
    "eigen tabel maken": "CREATE TABLE public.schaduwlog (id int)",
    "ids hergebruiken": f"SELECT setval('{TABEL}_id_seq', 1)",
    "migratiehistorie wijzigen": "DELETE FROM django_migrations",
}


def _geweigerd(verbinding, sql: str) -> bool:
    try:
        verbinding.execute(sql)
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


def test_runtime_role_cannot_rewrite_the_access_log(runtime):
    """Every attack in one test (each a transactional test costs a flush of the database);
    the failure names the attacks that were not refused."""
    pk = _log_regel(runtime)
    partitie = _huidige_partitie()
    niet_geweigerd = [
        naam
        for naam, aanval in AANVALLEN.items()
        if not _geweigerd(runtime, aanval.replace("{partitie}", partitie))
    ]
    assert niet_geweigerd == []
    # Seen from the owner: the row is there unchanged, the table, partition and trigger too.
    assert runtime.execute("SHOW session_replication_role").fetchone()[0] == "origin"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT username FROM {TABEL} WHERE id = %s", [pk])  # noqa: S608
        assert cursor.fetchone() == ("runtime",)
        cursor.execute(
            "SELECT tgenabled FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
            [partitie],
        )
        assert cursor.fetchall() == [("O",)]  # the append-only trigger, enabled
    assert partitie in [p.naam for p in partities.partities()]
    assert AccessLogEntry.objects.filter(client_ids__contains=[42]).count() == 1


def test_runtime_role_works_with_the_other_tables(runtime, consulent):
    runtime.execute(
        "INSERT INTO django_session (session_key, session_data, expire_date) "
        "VALUES ('k', 'x', now() + interval '1 day')"
    )
    runtime.execute("UPDATE django_session SET session_data = 'y' WHERE session_key = 'k'")
    runtime.execute("DELETE FROM django_session WHERE session_key = 'k'")
    # Tables with an id sequence.
    runtime.execute(
        "UPDATE accounts_user SET first_name = 'Runtime' WHERE username = %s", [consulent.username]
    )
    runtime.execute(
        "INSERT INTO django_celery_beat_crontabschedule "
        "(minute, hour, day_of_week, day_of_month, month_of_year, timezone) "
        "VALUES ('0', '4', '*', '*', '*', 'Europe/Amsterdam')"
    )
    consulent.refresh_from_db()
    assert consulent.first_name == "Runtime"


def test_runtime_role_maintains_the_partitions_without_owning_them(runtime):
    vooruit = settings.TOEGANGSLOG_PARTITIES_VOORUIT + 2
    deze_maand = partities.maand_begin(timezone.localdate())
    nieuw = [
        rij[0]
        for rij in runtime.execute(
            "SELECT audit_partities_bijwerken(%s, %s)", [vooruit, deze_maand]
        ).fetchall()
    ]
    verwacht = [
        partitie_naam(maanden_later(deze_maand, n))
        for n in range(settings.TOEGANGSLOG_PARTITIES_VOORUIT + 1, vooruit + 1)
    ]
    assert nieuw == verwacht
    # The new partition got the owner's default privileges narrowed to SELECT and INSERT.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        runtime.execute(f"TRUNCATE {nieuw[-1]}")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        runtime.execute(f"DELETE FROM {nieuw[-1]}")  # noqa: S608
    # The function takes no other work: no far future, no unbounded months.
    with pytest.raises(psycopg.errors.RaiseException, match="vooruit"):
        runtime.execute("SELECT audit_partities_bijwerken(1000, %s)", [deze_maand])
    with pytest.raises(psycopg.errors.RaiseException, match="vandaag"):
        runtime.execute(
            "SELECT audit_partities_bijwerken(1, %s)", [deze_maand + timedelta(days=800)]
        )
    # Narrowing the rights is for the owner only.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        runtime.execute("SELECT audit_toegangslog_rechten_beperken()")


def test_a_role_that_owns_the_log_fails_the_check(db, settings):
    """Single role (DATABASE_URL only): the tests' own connection owns the table."""
    settings.DATABASE_ALS_EIGENAAR = False
    settings.DEBUG = False
    fouten = toegangslog_beschermd(databases=["default"])
    assert [f.id for f in fouten] == ["audit.E001"]
    assert "niet beschermd" in fouten[0].msg
    settings.DEBUG = True
    assert [f.id for f in toegangslog_beschermd(databases=["default"])] == ["audit.W001"]
    # The owner commands themselves (migrate) are not stopped by it.
    settings.DATABASE_ALS_EIGENAAR = True
    assert toegangslog_beschermd(databases=["default"]) == []


def test_retention_is_an_owner_job_with_a_configured_term(db, settings):
    partities.partities_voor_periode(date(2019, 3, 1), date(2019, 3, 1))
    settings.TOEGANGSLOG_BEWAARTERMIJN_MAANDEN = 0
    with pytest.raises(CommandError, match="niet ingesteld"):
        call_command("toegangslog_bewaren")
    settings.TOEGANGSLOG_BEWAARTERMIJN_MAANDEN = 60
    call_command("toegangslog_bewaren", "--proef")
    assert "audit_accesslogentry_p201903" in [p.naam for p in partities.partities()]
    call_command("toegangslog_bewaren")
    assert "audit_accesslogentry_p201903" not in [p.naam for p in partities.partities()]


def test_retention_refuses_to_run_as_the_runtime_role(runtime):
    params = conninfo_to_dict(runtime.info.dsn)
    params["password"] = runtime.info.password
    env = {
        **os.environ,
        "DATABASE_URL": psycopg.conninfo.make_conninfo(**params),
        "DATABASE_OWNER_URL": "",
        "TOEGANGSLOG_BEWAARTERMIJN_MAANDEN": "1",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "toegangslog_bewaren"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "alleen als de eigenaarsrol" in result.stderr
