"""The one visibility rule, tested from every side."""

import pytest

from indicaties.models import Client, Toewijzing
from sdd_portal.audit.models import AccessLogEntry, Uitkomst
from tests.factories import ToewijzingFactory, UserFactory


def test_consulent_sees_every_client(consulent, client_van_a, client_zonder_toewijzing):
    assert set(Client.objects.visible_to(consulent)) == {client_van_a, client_zonder_toewijzing}


def test_provider_sees_only_clients_with_an_assignment_at_that_provider(
    medewerker_a, medewerker_b, client_van_a, client_zonder_toewijzing
):
    assert list(Client.objects.visible_to(medewerker_a)) == [client_van_a]
    assert list(Client.objects.visible_to(medewerker_b)) == []


def test_ended_assignment_still_counts_as_had(medewerker_a, aanbieder_a):
    ended = ToewijzingFactory(
        aanbieder=aanbieder_a, einddatum="2020-12-31", ingangsdatum="2020-01-01"
    )
    assert ended.client in Client.objects.visible_to(medewerker_a)


def test_provider_sees_only_its_own_assignments_of_a_shared_client(
    medewerker_a, medewerker_b, aanbieder_a, aanbieder_b
):
    gedeeld = ToewijzingFactory(aanbieder=aanbieder_a).client
    ToewijzingFactory(client=gedeeld, aanbieder=aanbieder_b)
    assert gedeeld in Client.objects.visible_to(medewerker_b)
    assert {t.aanbieder for t in Toewijzing.objects.visible_to(medewerker_b)} == {aanbieder_b}


@pytest.mark.parametrize("fixture", ["contractmanager", "beheerder"])
def test_staff_roles_without_client_work_see_no_clients(request, fixture, client_van_a):
    user = request.getfixturevalue(fixture)
    assert not Client.objects.visible_to(user).exists()
    assert not Toewijzing.objects.visible_to(user).exists()


def test_inactive_user_and_anonymous_see_nothing(medewerker_a, client_van_a):
    from django.contrib.auth.models import AnonymousUser

    medewerker_a.is_active = False
    assert not Client.objects.visible_to(medewerker_a).exists()
    assert not Client.objects.visible_to(AnonymousUser()).exists()
    assert not Client.objects.visible_to(None).exists()


def test_provider_role_at_sdd_grants_nothing(sdd, client_van_a):
    """A role only counts at the right kind of organisation."""
    vreemd = UserFactory(organisatie=sdd, rollen=["aanbieder_medewerker"])
    assert not Client.objects.visible_to(vreemd).exists()


def test_other_providers_client_answers_404_and_is_logged(login, medewerker_b, client_van_a):
    http = login(medewerker_b)
    for url in (f"/clienten/{client_van_a.uuid}/", f"/clienten/{client_van_a.uuid}/wijzigen/"):
        response = http.get(url)
        assert response.status_code in (403, 404)
        assert client_van_a.achternaam not in response.content.decode()
        assert client_van_a.bsn not in response.content.decode()
    entry = AccessLogEntry.objects.filter(user=medewerker_b).first()
    assert entry.uitkomst == Uitkomst.GEWEIGERD
    assert entry.client_ids == [client_van_a.pk]
    assert entry.organisatie_naam == "Poetszorg"


def test_other_provider_cannot_find_the_client_by_bsn(login, medewerker_b, client_van_a):
    response = login(medewerker_b).get("/clienten/", {"bsn": client_van_a.bsn})
    assert response.status_code == 200
    assert "0 cliënten gevonden" in response.content.decode()
    assert client_van_a.achternaam not in response.content.decode()


def test_own_provider_opens_its_client(login, medewerker_a, client_van_a):
    response = login(medewerker_a).get(f"/clienten/{client_van_a.uuid}/")
    assert response.status_code == 200
    assert client_van_a.bsn in response.content.decode()


def test_provider_list_shows_only_own_clients(
    login, medewerker_a, client_van_a, client_zonder_toewijzing
):
    body = login(medewerker_a).get("/clienten/").content.decode()
    assert client_van_a.achternaam in body
    assert client_zonder_toewijzing.achternaam not in body


@pytest.mark.parametrize("fixture", ["contractmanager", "beheerder"])
@pytest.mark.parametrize("path", ["/clienten/", "/clienten/nieuw/", "{detail}"])
def test_staff_without_client_role_gets_403_on_client_pages(
    request, login, fixture, path, client_van_a
):
    url = path.format(detail=f"/clienten/{client_van_a.uuid}/")
    response = login(request.getfixturevalue(fixture)).get(url)
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


def test_provider_cannot_register_or_change_clients(login, medewerker_a, client_van_a):
    http = login(medewerker_a)
    assert http.get("/clienten/nieuw/").status_code == 403
    assert http.post(f"/clienten/{client_van_a.uuid}/wijzigen/", {}).status_code == 403


def test_anonymous_is_sent_to_login(client, client_van_a):
    response = client.get(f"/clienten/{client_van_a.uuid}/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


@pytest.mark.parametrize(
    ("fixture", "path", "status"),
    [
        ("medewerker_a", "/aanbieders/", 403),
        ("consulent", "/aanbieders/", 403),
        ("contractmanager", "/aanbieders/", 200),
        ("medewerker_a", "/beheer/toegangslog/", 403),
        ("consulent", "/beheer/toegangslog/", 403),
        ("contractmanager", "/beheer/toegangslog/", 403),
        ("beheerder", "/beheer/toegangslog/", 200),
        ("medewerker_a", "/admin/", 302),
        ("consulent", "/admin/", 302),
        ("beheerder", "/admin/", 200),
    ],
)
def test_role_pages_answer_only_their_roles(request, login, fixture, path, status):
    response = login(request.getfixturevalue(fixture)).get(path)
    assert response.status_code == status


def test_provider_pages_through_its_own_client_list(login, medewerker_a, aanbieder_a, settings):
    """Regression: ?pagina=2 alone was read as an empty search and showed an error."""
    settings.PAGE_SIZE = 2
    for _ in range(3):
        ToewijzingFactory(aanbieder=aanbieder_a)
    body = login(medewerker_a).get("/clienten/", {"pagina": "2"}).content.decode()
    assert "Vul minstens één zoekveld in" not in body
    assert "Pagina 2 van 2" in body
    assert "3 cliënten gevonden" in body


def test_a_role_at_the_wrong_kind_of_organisation_opens_no_page(login, aanbieder_a):
    """Bad data (a consulent role on a provider account) must not open SDD pages."""
    vreemd = UserFactory(organisatie=aanbieder_a, rollen=["consulent"])
    assert login(vreemd).get("/clienten/nieuw/").status_code == 403
