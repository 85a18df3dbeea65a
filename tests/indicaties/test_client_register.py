"""Registering and changing clients: bad input is refused at the field, in Dutch."""

from datetime import timedelta

import pytest
from django.utils import timezone

from indicaties.models import Client
from tests.factories import ClientFactory, GemeenteFactory

GELDIG_BSN = "999996770"


@pytest.fixture
def formulier(db):
    gemeente = GemeenteFactory()
    return {
        "bsn": GELDIG_BSN,
        "voornamen": "Hendrika",
        "voorvoegsel": "van der",
        "achternaam": "Linden",
        "geboortedatum": "1941-03-08",
        "straat": "Voorstraat",
        "huisnummer": "200",
        "huisnummertoevoeging": "a",
        "postcode": "3311 er",
        "woonplaats": "Dordrecht",
        "gemeente": str(gemeente.pk),
        "telefoon": "078 1234567",
        "email": "",
    }


def test_consulent_registers_client_with_history(login, consulent, formulier):
    response = login(consulent).post("/clienten/nieuw/", formulier)
    client = Client.objects.get(bsn=GELDIG_BSN)
    assert response.status_code == 302
    assert response["Location"] == f"/clienten/{client.uuid}/"
    assert client.postcode == "3311ER"
    assert client.consulent == consulent  # the registering consulent has the regie
    record = client.history.get()
    assert record.history_user == consulent
    assert record.history_change_reason == "Cliënt geregistreerd"


def test_change_is_in_history_with_actor_and_reason(login, consulent, formulier):
    http = login(consulent)
    http.post("/clienten/nieuw/", formulier)
    client = Client.objects.get(bsn=GELDIG_BSN)
    formulier["straat"] = "Wijnstraat"
    assert http.post(f"/clienten/{client.uuid}/wijzigen/", formulier).status_code == 302
    latest = client.history.order_by("-history_date").first()
    assert latest.straat == "Wijnstraat"
    assert latest.history_user == consulent
    assert latest.history_change_reason == "Cliëntgegevens gewijzigd"
    assert client.history.count() == 2


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("bsn", "123456789", "elfproef"),
        ("bsn", "12345", "precies 9 cijfers"),
        ("gemeente", "999999", "Drechtsteden-gemeenten"),
        ("geboortedatum", "2999-01-01", "in de toekomst"),
        ("geboortedatum", "31-02-1950", "geldige geboortedatum"),
        ("achternaam", "x" * 201, "hooguit 200 tekens"),
        ("postcode", "ABCD12", "4 cijfers en 2 letters"),
        ("huisnummer", "twaalf", "heel getal"),
        ("achternaam", "", "verplicht"),
    ],
)
def test_bad_input_is_refused_at_the_field_and_kept(
    login, consulent, formulier, field, value, message
):
    formulier[field] = value
    response = login(consulent).post("/clienten/nieuw/", formulier)
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert f'id="id_{field}_error"' in body  # the message sits at the field
    assert 'aria-invalid="true"' in body
    assert 'value="Hendrika"' in body  # what the user typed is kept
    assert not Client.objects.exists()


def test_duplicate_bsn_is_refused(login, consulent, formulier):
    ClientFactory(bsn=GELDIG_BSN)
    response = login(consulent).post("/clienten/nieuw/", formulier)
    assert response.status_code == 400
    assert "Er staat al een cliënt met dit BSN" in response.content.decode()
    assert Client.objects.count() == 1


def test_future_birth_date_tomorrow_is_refused(login, consulent, formulier):
    formulier["geboortedatum"] = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = login(consulent).post("/clienten/nieuw/", formulier)
    assert "in de toekomst" in response.content.decode()


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"bsn": "\x00" * 20, "huisnummer": "9" * 40, "geboortedatum": "0000-00-00"},
        {"gemeente": "'; DROP TABLE x; --", "email": "geen-mail"},
    ],
)
def test_garbage_never_causes_a_server_error(login, consulent, payload):
    response = login(consulent).post("/clienten/nieuw/", payload)
    assert response.status_code == 400
    assert not Client.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        {"bsn": "abc"},
        {"geboortedatum": "32-13-2020"},
        {"pagina": "x", "naam": "a"},
        {"naam": "%_\\"},
        {"pagina": "999999", "naam": "jan"},
    ],
)
def test_search_with_odd_input_answers_in_dutch_without_error(login, consulent, query):
    response = login(consulent).get("/clienten/", query)
    assert response.status_code == 200


def test_search_by_each_criterion(login, consulent):
    target = ClientFactory(
        achternaam="Hoogendoorn",
        voornamen="Cornelis",
        postcode="3351AB",
        geboortedatum="1944-04-04",
    )
    ClientFactory(achternaam="Bakker")
    http = login(consulent)
    for query in (
        {"bsn": target.bsn},
        {"naam": "hoogen"},
        {"naam": "cornelis hoogendoorn"},
        {"postcode": "3351 ab"},
        {"geboortedatum": "1944-04-04"},
    ):
        body = http.get("/clienten/", query).content.decode()
        assert "1 cliënt gevonden" in body, query
        assert "Hoogendoorn" in body


def test_empty_search_asks_for_a_criterion(login, consulent):
    body = login(consulent).get("/clienten/", {"naam": ""}).content.decode()
    assert "Vul minstens één zoekveld in" in body


def test_htmx_search_returns_only_the_results_fragment(login, consulent):
    ClientFactory(achternaam="Fragment")
    response = login(consulent).get("/clienten/", {"naam": "fragment"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "1 cliënt gevonden" in body
    assert "<html" not in body and "<form" not in body


def test_htmx_search_shows_field_errors_in_the_fragment(login, consulent):
    response = login(consulent).get("/clienten/", {"bsn": "12ab"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert 'role="alert"' in body
    assert "BSN: Een BSN bestaat uit precies 9 cijfers;" in body
    assert "bevat ook andere tekens dan cijfers, spaties en punten." in body


@pytest.mark.parametrize("telefoon", ["xx", "12", "06-1234"])
def test_phone_number_must_look_like_one(login, consulent, formulier, telefoon):
    formulier["telefoon"] = telefoon
    response = login(consulent).post("/clienten/nieuw/", formulier)
    assert response.status_code == 400
    assert "Een telefoonnummer heeft 10 cijfers" in response.content.decode()


def test_edit_heading_keeps_the_stored_name_when_input_is_wrong(login, consulent, formulier):
    http = login(consulent)
    http.post("/clienten/nieuw/", formulier)
    client = Client.objects.get(bsn=GELDIG_BSN)
    formulier["achternaam"] = ""
    body = http.post(f"/clienten/{client.uuid}/wijzigen/", formulier).content.decode()
    assert "Gegevens van Hendrika van der Linden wijzigen" in body
