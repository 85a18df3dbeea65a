"""Every read of client data is in the append-only access log."""

import pytest
from django.db import DatabaseError, transaction

from sdd_portal.audit.models import AccessLogEntry, Actie, Uitkomst
from tests.factories import ClientFactory


def test_opening_a_client_is_logged_with_who_what_where(login, consulent, client_van_a):
    login(consulent).get(f"/clienten/{client_van_a.uuid}/", REMOTE_ADDR="10.1.2.3")
    entry = AccessLogEntry.objects.get()
    assert entry.user == consulent
    assert entry.username == "consulent"
    assert entry.organisatie_naam == "Sociale Dienst Drechtsteden"
    assert entry.rollen == ["consulent"]
    assert entry.actie == Actie.BEKIJKEN
    assert entry.client_ids == [client_van_a.pk]
    assert entry.ip_adres == "10.1.2.3"
    assert entry.uitkomst == Uitkomst.TOEGESTAAN
    assert entry.pad == f"/clienten/{client_van_a.uuid}/"


def test_search_logs_exactly_the_clients_it_returned(login, consulent):
    hits = [ClientFactory(achternaam="Zoekmij"), ClientFactory(achternaam="Zoekmijook")]
    ClientFactory(achternaam="Anders")
    login(consulent).get("/clienten/", {"naam": "zoekmij"})
    entry = AccessLogEntry.objects.get(actie=Actie.ZOEKEN)
    assert sorted(entry.client_ids) == sorted(c.pk for c in hits)


def test_unknown_client_is_logged_as_not_found(login, consulent):
    response = login(consulent).get("/clienten/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert AccessLogEntry.objects.get().uitkomst == Uitkomst.NIET_GEVONDEN


def test_log_rows_cannot_be_changed_or_deleted(login, consulent, client_van_a):
    login(consulent).get(f"/clienten/{client_van_a.uuid}/")
    entry = AccessLogEntry.objects.get()
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).update(username="iemand-anders")
    with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    assert AccessLogEntry.objects.get().username == "consulent"


def test_admin_offers_no_add_change_or_delete(login, beheerder, consulent, client_van_a):
    login(consulent).get(f"/clienten/{client_van_a.uuid}/")
    entry = AccessLogEntry.objects.get()
    http = login(beheerder)
    assert http.get("/admin/audit/accesslogentry/").status_code == 200
    assert http.get("/admin/audit/accesslogentry/add/").status_code == 403
    assert (
        http.post(f"/admin/audit/accesslogentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_beheerder_finds_who_looked_at_a_client(login, beheerder, consulent, client_van_a):
    login(consulent).get(f"/clienten/{client_van_a.uuid}/")
    http = login(beheerder)
    body = http.get("/beheer/toegangslog/", {"bsn": client_van_a.bsn}).content.decode()
    assert "consulent" in body
    assert "Cliëntdossier bekeken" in body
    # The search itself names a client, so it is logged too.
    assert AccessLogEntry.objects.filter(
        user=beheerder,
        omschrijving="Toegangslog doorzocht op cliënt",
        client_ids__contains=[client_van_a.pk],
    ).exists()


def test_log_search_rejects_bad_dates_in_dutch(login, beheerder):
    response = login(beheerder).get(
        "/beheer/toegangslog/", {"van": "2026-02-01", "tot": "2026-01-01"}
    )
    assert response.status_code == 400
    assert "ligt voor" in response.content.decode()
