"""`manage.py bench` on the demo data: every figure is there, and a missed budget fails."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from proefdata.meting.sql import Opname, Statement, hoofdquery

KERNPAGINAS = {
    "Werklijst consulent",
    "Cliënt zoeken op BSN",
    "Cliënt zoeken op naam",
    "Tijdlijn cliënt",
    "Postvak aanbieder",
    "Werklijst aanbieder",
    "Dashboard contractbeheer",
}

SNEL = {  # a quick run: few rounds, no PDF, no sync
    "force": True,  # the tests run with DEBUG off
    "rounds": 2,
    "sql_rondes": 2,
    "pdf": 0,
    "sync": 0,
    "dagelijks": [1],
}


def _bench(tmp_path, **opties) -> dict:
    pad = tmp_path / "bench.json"
    call_command("bench", json_path=str(pad), **{**SNEL, **opties})
    return json.loads(pad.read_text())


# gunicorn (the load test) reads the data from its own connections: it must be committed.
@pytest.mark.django_db(transaction=True)
def test_bench_prints_pages_sql_ratio_daily_jobs_and_load_test(tmp_path):
    call_command("demo_data", clienten=60, verbosity=0)
    # A generous budget: this asserts the figures, not the speed of the test machine.
    summary = _bench(tmp_path, budget=60_000, kern=True, last_seconden=3, last_gelijktijdig=2)

    machine = summary["machine"]
    assert machine["scale"] == "demo"
    assert machine["cpu_count"] >= 1
    assert machine["postgresql"]
    assert machine["database_size_mib"] > 0
    assert machine["debug"] is False
    assert machine["rows"]["indicaties_client"] == 60
    assert "audit_accesslogentry" in machine["rows"]
    assert summary["clients"] == 60
    assert summary["bench_seconds"] > 0

    pages = {row["page"]: row for row in summary["pages"]}
    assert set(pages) >= KERNPAGINAS
    assert all(row["key_page"] for row in summary["pages"])  # --kern
    for row in summary["pages"]:
        assert row["status"] == 200, row
        assert row["queries_stable"], row
        assert row["p95_ms"] >= row["p50_ms"] > 0
    for label in KERNPAGINAS:
        row = pages[label]
        assert isinstance(row["server_sql_ratio"], float) and row["server_sql_ratio"] > 0, row
        assert row["sql_main_ms"] > 0
        assert row["main_query"].startswith("SELECT")
        assert not row["main_query"].startswith(
            ('SELECT "django_session"', 'SELECT "accounts_user"', 'SELECT "otp_')
        )
    assert pages["Cliënt zoeken op BSN"]["budget_p95_ms"] == 60_000  # --budget: every row

    last = summary["load_test"]
    assert last["requests"] > 0
    assert last["errors"] == 0, last["errors_by_kind"]
    assert last["p50_ms"] > 0 and last["p99_ms"] >= last["p95_ms"] >= last["p50_ms"]
    assert set(last["pages"]) >= KERNPAGINAS

    assert summary["dagelijks"][0]["dagen"] == 1
    assert "api_sync" not in summary and "pdf" not in summary
    assert summary["ok"] is True and summary["failures"] == []


@pytest.mark.django_db
def test_a_missed_budget_fails_after_writing_the_json(tmp_path):
    call_command("demo_data", clienten=20, verbosity=0)
    with pytest.raises(CommandError, match="niet gehaald"):
        _bench(tmp_path, budget=0.001, alleen="zoeken op BSN", last_seconden=0, dagelijks=[])
    summary = json.loads((tmp_path / "bench.json").read_text())
    assert summary["ok"] is False
    assert [row["meets_budget"] for row in summary["pages"]] == [False]
    assert "budget 0.001 ms" in summary["failures"][0]


def test_scale_budgets_and_bsn_budget():
    from proefdata.management.commands.bench import BSN_BUDGET_MS, SCHALEN

    assert SCHALEN == {"demo": 150.0, "region": 150.0, "national": 300.0}
    assert BSN_BUDGET_MS == 20.0


def test_main_query_is_the_slowest_read_of_the_page_itself():
    def statement(sql, ms, i, many=False):
        return Statement(sql=sql, params=None, many=many, ms=ms, volgnummer=i)

    opname = Opname(
        [
            statement('SELECT * FROM "django_session" WHERE session_key = %s', 50, 0),
            statement('SELECT * FROM "accounts_user" WHERE id = %s', 40, 1),
            statement('SELECT * FROM "otp_totp_totpdevice" WHERE user_id = %s', 30, 2),
            statement("SET LOCAL join_collapse_limit = 1", 20, 3),
            statement('SELECT * FROM "indicaties_client" WHERE bsn = %s', 2, 4),
            statement('SELECT * FROM "indicaties_client" WHERE id = %s FOR UPDATE', 9, 5),
            statement('INSERT INTO "audit_accesslogentry" VALUES (%s)', 60, 6),
            statement('SELECT * FROM "indicaties_toewijzing" WHERE id = %s', 3, 7, many=True),
        ]
    )
    assert hoofdquery(opname).volgnummer == 4
    assert hoofdquery(Opname(opname.statements[:4])) is None
