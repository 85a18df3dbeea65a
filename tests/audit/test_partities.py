"""The access log is partitioned by month and stays fast at tens of millions of rows:
partitions, their maintenance and retention, the capped search page, the generator."""

from datetime import date, datetime, timedelta
from io import StringIO

import psycopg
import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from indicaties.models import Client
from proefdata.synthetisch.toegangslog import toegangslog_genereren
from sdd_portal.accounts.models import User
from sdd_portal.audit import partities, views
from sdd_portal.audit.models import AccessLogEntry, Actie, Uitkomst
from sdd_portal.audit.partities import (
    DEFAULT,
    maanden_later,
    partitie_naam,
    partities_bijwerken,
    partities_verwijderen,
    partities_voor_periode,
)
from sdd_portal.audit.tasks import partities_bijhouden
from tests.factories import ClientFactory

AMSTERDAM = timezone.get_default_timezone()


def _partitie_van(entry_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tableoid::regclass::text FROM audit_accesslogentry WHERE id = %s", [entry_id]
        )
        return cursor.fetchone()[0]


def _regel(moment: datetime, **kwargs) -> AccessLogEntry:
    defaults = {
        "username": "iemand",
        "actie": Actie.BEKIJKEN,
        "omschrijving": "Cliëntdossier bekeken",
        "uitkomst": Uitkomst.TOEGESTAAN,
    }
    return AccessLogEntry.objects.create(timestamp=moment, **{**defaults, **kwargs})


def _deze_maand() -> date:
    return timezone.localdate().replace(day=1)


def test_access_log_is_partitioned_by_month_with_a_year_ahead_and_a_default(db):
    assert partities.is_gepartitioneerd()
    namen = [p.naam for p in partities.partities()]
    for n in range(13):
        assert partitie_naam(maanden_later(_deze_maand(), n)) in namen
    assert namen[-1] == DEFAULT


def test_a_page_view_lands_in_the_partition_of_its_month(login, consulent, client_van_a):
    login(consulent).get(f"/clienten/{client_van_a.uuid}/")
    entry = AccessLogEntry.objects.get()
    assert _partitie_van(entry.pk) == partitie_naam(timezone.localdate(entry.timestamp))


def test_month_bounds_follow_dutch_time(db):
    """Regression: 1 April 00:30 in Amsterdam is 31 March 22:30 UTC, and belongs to April."""
    partities_voor_periode(date(2021, 3, 1), date(2021, 4, 30))
    april = _regel(datetime(2021, 4, 1, 0, 30, tzinfo=AMSTERDAM))
    maart = _regel(datetime(2021, 3, 31, 23, 59, tzinfo=AMSTERDAM))
    assert _partitie_van(april.pk) == partitie_naam(date(2021, 4, 1))
    assert _partitie_van(maart.pk) == partitie_naam(date(2021, 3, 1))


def test_a_row_for_a_month_without_partition_goes_to_default(db):
    entry = _regel(datetime(2019, 3, 15, 10, tzinfo=AMSTERDAM))
    assert _partitie_van(entry.pk) == DEFAULT


def test_append_only_on_the_partitioned_table_and_on_each_partition(db):
    entry = _regel(timezone.now())
    oud = _regel(datetime(2019, 3, 15, 10, tzinfo=AMSTERDAM))  # in DEFAULT
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).update(username="iemand-anders")
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    for naam, pk in ((_partitie_van(entry.pk), entry.pk), (DEFAULT, oud.pk)):
        for sql in (
            f"UPDATE {naam} SET username = 'x' WHERE id = %s",  # noqa: S608 - test constants
            f"DELETE FROM {naam} WHERE id = %s",  # noqa: S608 - test constants
        ):
            with (
                pytest.raises(DatabaseError, match="alleen-toevoegen"),
                transaction.atomic(),
                connection.cursor() as cursor,
            ):
                cursor.execute(sql, [pk])
    assert AccessLogEntry.objects.filter(username="iemand").count() == 2


def test_maintenance_creates_months_ahead_once(db, settings):
    settings.TOEGANGSLOG_PARTITIES_VOORUIT = 15
    nieuw = partities_bijhouden()
    assert nieuw == [partitie_naam(maanden_later(_deze_maand(), n)) for n in (13, 14, 15)]
    assert partities_bijhouden() == []  # safe to run twice


def test_maintenance_moves_rows_out_of_default_into_their_new_partition(db):
    oud = _regel(datetime(2019, 3, 15, 10, tzinfo=AMSTERDAM), client_ids=[7])
    nu = _regel(timezone.now())
    assert partities_bijwerken() == [partitie_naam(date(2019, 3, 1))]
    assert _partitie_van(oud.pk) == partitie_naam(date(2019, 3, 1))
    verplaatst = AccessLogEntry.objects.get(pk=oud.pk)
    assert (verplaatst.timestamp, verplaatst.client_ids) == (oud.timestamp, [7])
    assert _partitie_van(nu.pk) == partitie_naam(timezone.localdate(nu.timestamp))
    assert AccessLogEntry.objects.count() == 2
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {DEFAULT}")  # noqa: S608 - test constant
        assert cursor.fetchone()[0] == 0
    # The new partition and the new DEFAULT carry the append-only trigger too.
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=oud.pk).delete()
    later = _regel(datetime(2018, 1, 2, tzinfo=AMSTERDAM))
    assert _partitie_van(later.pk) == DEFAULT
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=later.pk).update(username="x")


def test_retention_drops_whole_old_partitions_only_when_asked(db):
    partities_voor_periode(date(2019, 3, 1), date(2019, 3, 1))
    oud = _regel(datetime(2019, 3, 15, 10, tzinfo=AMSTERDAM))
    nu = _regel(timezone.now())
    call_command("toegangslog_partities", "--ouder-dan-maanden", "12", stdout=StringIO())
    assert AccessLogEntry.objects.filter(pk=oud.pk).exists()  # without --verwijderen: nothing
    assert partities_verwijderen(ouder_dan_maanden=12) == [partitie_naam(date(2019, 3, 1))]
    assert not AccessLogEntry.objects.filter(pk=oud.pk).exists()
    assert AccessLogEntry.objects.filter(pk=nu.pk).exists()
    assert partitie_naam(date(2019, 3, 1)) not in [p.naam for p in partities.partities()]
    with pytest.raises(ValueError):
        partities_verwijderen(ouder_dan_maanden=0)


def test_command_lists_partitions_and_updates(db):
    uitvoer = StringIO()
    call_command("toegangslog_partities", "--bijwerken", "--vooruit", "14", stdout=uitvoer)
    tekst = uitvoer.getvalue()
    assert f"Nieuwe partities: {partitie_naam(maanden_later(_deze_maand(), 13))}" in tekst
    assert partitie_naam(maanden_later(_deze_maand(), 14)) in tekst
    assert f"{DEFAULT} " in tekst


def _rijen(aantal: int, gebruiker: User, *, vanaf: int = 0):
    """Rows "Regel <vanaf>" to "Regel <vanaf + aantal - 1>" of ``gebruiker``, one minute
    apart, row i at i minutes ago."""
    nu = timezone.now()
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            timestamp=nu - timedelta(minutes=i),
            user=gebruiker,
            username=gebruiker.username,
            actie=Actie.BEKIJKEN,
            omschrijving=f"Regel {i}",
            uitkomst=Uitkomst.TOEGESTAAN,
        )
        for i in range(vanaf, vanaf + aantal)
    )


def _zoek(http, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = http.get("/beheer/toegangslog/", params or {})
    assert response.status_code == 200
    return response.content.decode(), len(ctx.captured_queries)


def test_search_page_counts_no_further_than_its_cap(login, beheerder, consulent, monkeypatch):
    monkeypatch.setattr(views, "MAX_REGELS", 60)  # 50 rows a page: two pages at most
    http = login(beheerder)
    _rijen(20, consulent)
    body, weinig = _zoek(http)
    assert "20 logregels gevonden" in body
    assert "Meer dan" not in body
    _rijen(200, consulent, vanaf=20)
    body, veel = _zoek(http)
    assert veel == weinig  # the queries do not grow with the rows
    assert "Meer dan 60 logregels gevonden" in body
    assert "Pagina 1 van de eerste 2" in body
    body, _ = _zoek(http, {"pagina": "99"})  # beyond the cap: the last page offered
    assert "Pagina 2 van de eerste 2" in body
    assert "Regel 59" in body
    assert "Regel 60<" not in body


def test_search_page_count_query_is_limited(login, beheerder, consulent, monkeypatch):
    monkeypatch.setattr(views, "MAX_REGELS", 60)
    http = login(beheerder)
    _rijen(5, consulent)
    with CaptureQueriesContext(connection) as ctx:
        http.get("/beheer/toegangslog/", {"gebruikersnaam": "CONSULENT"})
    tellingen = [q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"]]
    assert len(tellingen) == 1
    assert "LIMIT 61" in tellingen[0]
    assert "UPPER(" in tellingen[0]  # served by accesslog_username_ts


def test_a_search_that_takes_too_long_is_stopped_with_a_message(login, beheerder, monkeypatch):
    monkeypatch.setattr(views, "ZOEK_TIMEOUT_MS", 200)
    http = login(beheerder)
    instellingen = connection.settings_dict
    with psycopg.connect(
        dbname=instellingen["NAME"],
        user=instellingen["USER"],
        password=instellingen["PASSWORD"],
        host=instellingen["HOST"],
        port=instellingen["PORT"] or 5432,
    ) as ander:
        # Another session holds the table: the search waits for it until the timeout.
        ander.execute("SET lock_timeout = '5s'")
        ander.execute("LOCK TABLE audit_accesslogentry IN ACCESS EXCLUSIVE MODE")
        body, _ = _zoek(http)
        ander.rollback()
    assert "duurde te lang" in body
    assert "Geen logregels gevonden" not in body


def test_generator_writes_valid_rows_in_their_partitions(db, consulent, medewerker_a):
    clients = [ClientFactory() for _ in range(5)]
    resultaat = toegangslog_genereren(500, maanden=3, seed=7)
    assert resultaat["rijen"] == AccessLogEntry.objects.count() == 500
    gebruikers = {u.pk: u for u in User.objects.select_related("organisatie")}
    client_ids = {c.pk for c in clients}
    regels = list(AccessLogEntry.objects.order_by("id"))
    for regel in regels:
        gebruiker = gebruikers[regel.user_id]
        assert regel.username == gebruiker.username
        assert regel.organisatie_id == gebruiker.organisatie_id
        assert regel.organisatie_naam == gebruiker.organisatie.naam
        assert regel.rollen == gebruiker.rollen
        assert set(regel.client_ids) <= client_ids
        assert regel.client_ids == sorted(set(regel.client_ids))
        assert regel.pad.startswith("/")
        assert regel.timestamp < timezone.now()
    assert {r.user_id for r in regels} == {consulent.pk, medewerker_a.pk}
    acties = [r.actie for r in regels]
    assert acties.count(Actie.BEKIJKEN) > 400
    assert acties.count(Actie.ZOEKEN) > 15
    assert all(r.uitkomst in Uitkomst.values for r in regels)
    assert [r.timestamp for r in regels] == sorted(r.timestamp for r in regels)  # ids in time
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {DEFAULT}")  # noqa: S608 - test constant
        assert cursor.fetchone()[0] == 0
    assert Client.objects.count() == 5


def test_generator_is_deterministic_per_seed(db, consulent, medewerker_a):
    for _ in range(3):
        ClientFactory()
    vandaag = timezone.localdate()
    velden = ("timestamp", "user_id", "actie", "omschrijving", "client_ids", "uitkomst")
    toegangslog_genereren(50, maanden=2, seed=3, vandaag=vandaag)
    eerste = list(AccessLogEntry.objects.order_by("id").values_list(*velden))
    toegangslog_genereren(50, maanden=2, seed=3, vandaag=vandaag)
    tweede = list(AccessLogEntry.objects.order_by("id").values_list(*velden))[50:]
    assert tweede == eerste


def test_migration_partitions_existing_rows_and_reverses(db):
    """Migration 0004 copies the rows of the ordinary table into the monthly partitions
    (months from the oldest row) and back on reverse; ids and sequence carry on."""
    executor = MigrationExecutor(connection)
    laatste = executor.loader.graph.leaf_nodes("audit")
    executor.migrate([("audit", "0003_alter_accesslogentry_actie")])
    assert not partities.is_gepartitioneerd()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_accesslogentry (timestamp, username, organisatie_naam, rollen, "
            "actie, omschrijving, client_ids, pad, uitkomst) VALUES "
            "('2024-05-06 10:00+02', 'a', '', '{}', 'bekijken', 'x', '{1}', '', 'toegestaan'), "
            "(now(), 'b', '', '{}', 'zoeken', 'y', '{1,2}', '', 'toegestaan') RETURNING id"
        )
        ids = [row[0] for row in cursor.fetchall()]
    executor.loader.build_graph()
    executor.migrate(laatste)
    assert partities.is_gepartitioneerd()
    assert sorted(AccessLogEntry.objects.values_list("id", flat=True)) == ids
    assert _partitie_van(ids[0]) == partitie_naam(date(2024, 5, 1))
    assert _regel(timezone.now()).pk > max(ids)
    executor.loader.build_graph()
    executor.migrate([("audit", "0003_alter_accesslogentry_actie")])
    assert not partities.is_gepartitioneerd()
    assert AccessLogEntry.objects.count() == 3
    executor.loader.build_graph()
    executor.migrate(laatste)
    assert partities.is_gepartitioneerd()
    assert AccessLogEntry.objects.count() == 3


def test_admin_list_counts_no_further_than_the_cap(login, beheerder, consulent):
    """Regression: the admin's date hierarchy and full count read every row (650 ms at one
    million rows); the list now counts at most 10,001 and searches the exact username."""
    _rijen(3, consulent)
    with CaptureQueriesContext(connection) as ctx:
        response = login(beheerder).get("/admin/audit/accesslogentry/", {"q": "CONSULENT"})
    assert response.status_code == 200
    assert "Regel 2" in response.content.decode()
    sqls = [q["sql"] for q in ctx.captured_queries if "audit_accesslogentry" in q["sql"]]
    assert not any("DISTINCT" in sql for sql in sqls)
    tellingen = [sql for sql in sqls if "COUNT(" in sql]
    assert tellingen
    assert all("LIMIT 10001" in sql for sql in tellingen)
    assert all("LIKE" not in sql for sql in sqls)
