"""Regression tests for the 500s of finding 8 (issue 17): what an attacker sends, what the
user sees. A NUL character anywhere in a query or form is refused with a 400 naming the
field; a parent agenda item that is not a UUID is simply not found."""

from __future__ import annotations

import pytest

from fot.models import Agendapunt

pytestmark = pytest.mark.django_db


def test_nul_in_the_fot_search_answers_400_naming_the_field(login, wereld):
    antwoord = login(wereld.contractmanager).get("/fot/zoeken/", {"q": "wacht\x00lijst"})
    assert antwoord.status_code == 400
    assert "Het veld &#x27;q&#x27; bevat een ongeldig teken (NUL)" in antwoord.content.decode()


def test_nul_in_the_product_filter_of_the_assignment_page_answers_400(login, wereld):
    url = f"/clienten/{wereld.a.client.uuid}/toewijzing/"
    antwoord = login(wereld.consulent).get(url, {"product": "HO\x00"})
    assert antwoord.status_code == 400
    assert "product" in antwoord.content.decode()


def test_nul_in_a_posted_form_saves_nothing(login, wereld):
    v = wereld.fot.gepland
    voor = Agendapunt.objects.count()
    antwoord = login(wereld.contractmanager).post(
        f"/fot/vergaderingen/{v.uuid}/agendapunt/", {"titel": "Wacht\x00lijst"}
    )
    assert antwoord.status_code == 400
    assert Agendapunt.objects.count() == voor


def test_nul_in_an_api_query_is_a_problem_not_a_500(wereld, client):
    from rest_framework.test import APIClient

    api = APIClient(SERVER_NAME="127.0.0.1")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {wereld.token_a}")
    antwoord = api.get("/api/v1/clienten", {"bsn": "1\x00"})
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    assert "bsn" in antwoord.json()["detail"]


@pytest.mark.parametrize("ouder", ["niet-een-uuid", "0000-00-00", "9" * 40, "x" * 10_000])
def test_a_parent_agenda_item_that_is_no_uuid_is_not_found(login, wereld, ouder):
    v = wereld.fot.gepland
    voor = Agendapunt.objects.count()
    antwoord = login(wereld.contractmanager).post(
        f"/fot/vergaderingen/{v.uuid}/agendapunt/", {"titel": "Subpunt", "bovenliggend": ouder}
    )
    assert antwoord.status_code == 404
    assert Agendapunt.objects.count() == voor


def test_a_real_parent_still_gets_its_sub_item(login, wereld):
    v = wereld.fot.gepland
    ouder = v.agenda.filter(bovenliggend__isnull=True).first()
    antwoord = login(wereld.contractmanager).post(
        f"/fot/vergaderingen/{v.uuid}/agendapunt/", {"titel": "Subpunt", "bovenliggend": ouder.uuid}
    )
    assert antwoord.status_code == 302
    assert v.agenda.filter(bovenliggend=ouder, titel="Subpunt").exists()


def test_admin_history_of_a_non_numeric_id_is_404(client, wereld):
    from tests.factories import UserFactory

    staff = UserFactory(organisatie=wereld.sdd, is_staff=True, is_superuser=True)
    from sdd_portal.accounts.otp import inloggen_met_tweede_factor

    inloggen_met_tweede_factor(client, staff)
    assert client.get("/admin/fot/tafel/niet-een-getal/history/").status_code == 404
    assert client.get(f"/admin/fot/tafel/{wereld.fot.tafel.pk}/history/").status_code == 200
