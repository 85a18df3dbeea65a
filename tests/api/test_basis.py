"""The API's conventions, seen from a client: credentials, scopes, problem+json,
API-Version, sync paging, ETags, throttling, tombstones and the access log."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from sdd_portal.accounts.models import Wijzigingsverzoek
from sdd_portal.api.models import ApiSleutel
from sdd_portal.api.services import sleutel_intrekken
from sdd_portal.api.viewsets import SleutelThrottle
from sdd_portal.audit.models import AccessLogEntry
from tests.factories import ToewijzingFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/toewijzingen"


def _problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response["API-Version"] == "1.0.0"
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body


# -- credentials -----------------------------------------------------------------------


def test_without_credential_401_problem_in_dutch():
    body = _problem(APIClient().get(URL), 401)
    assert "niet opgegeven" in body["detail"]


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer a b", "Bearer sdd_onbekend_geheim", "Bearer geenvorm", "Basic abc"],
)
def test_malformed_or_unknown_credential_is_refused(header, api_sleutel, aanbieder_a):
    api_sleutel(aanbieder_a)
    response = APIClient().get(URL, HTTP_AUTHORIZATION=header)
    _problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_wrong_secret_of_a_known_key_is_refused(api_sleutel, aanbieder_a):
    _sleutel, token = api_sleutel(aanbieder_a)
    fout = token[:-4] + ("aaaa" if not token.endswith("aaaa") else "bbbb")
    _problem(APIClient().get(URL, HTTP_AUTHORIZATION=f"Bearer {fout}"), 401)


def test_secret_is_stored_hashed_only(api_sleutel, aanbieder_a):
    sleutel, token = api_sleutel(aanbieder_a)
    geheim = token.split("_", 2)[2]
    sleutel.refresh_from_db()
    assert geheim not in sleutel.geheim_hash
    assert len(sleutel.geheim_hash) == 64
    assert not sleutel.gebruiker.has_usable_password()


def test_revoked_and_expired_keys_stop_working(api_sleutel, aanbieder_a, beheerder):
    sleutel, token = api_sleutel(aanbieder_a)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get(URL).status_code == 200
    sleutel_intrekken(actor=beheerder, sleutel=sleutel)
    assert "ingetrokken" in _problem(client.get(URL), 401)["detail"]

    sleutel2, token2 = api_sleutel(aanbieder_a)
    ApiSleutel.objects.filter(pk=sleutel2.pk).update(
        geldig_tot=timezone.localdate() - timedelta(days=1)
    )
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token2}")
    _problem(client.get(URL), 401)
    # The revocation is in history, by whom.
    assert sleutel.history.first().history_user == beheerder


def test_missing_scope_is_403_naming_the_scope(api_als, aanbieder_a):
    client = api_als(aanbieder_a, scopes=["clienten:lezen"])
    body = _problem(client.get(URL), 403)
    assert "toewijzingen:lezen" in body["detail"]


def test_ik_shows_organisation_roles_and_scopes(api_als, aanbieder_a):
    client = api_als(aanbieder_a, scopes=["toewijzingen:lezen"])
    body = client.get("/api/v1/ik").json()
    assert body["organisatieNaam"] == aanbieder_a.naam
    assert body["rollen"] == ["aanbieder_medewerker"]
    assert body["scopes"] == ["toewijzingen:lezen"]


# -- conventions -----------------------------------------------------------------------


def test_unknown_url_is_problem_json_404(api_a):
    _problem(api_a.get("/api/v1/bestaat-niet"), 404)
    _problem(api_a.get(f"{URL}/00000000-0000-0000-0000-000000000000"), 404)


def test_camel_case_fields_and_version_header(api_a, aanbieder_a):
    ToewijzingFactory(aanbieder=aanbieder_a)
    response = api_a.get(URL)
    assert response["API-Version"] == "1.0.0"
    rij = response.json()["results"][0]
    assert {"startZorg", "gezienOp", "gewijzigdOp", "aangemaaktOp"} <= set(rij)
    assert not any("_" in sleutel for sleutel in rij)


def test_no_trailing_slash(api_a):
    assert api_a.get(URL + "/").status_code == 404


# -- sync ------------------------------------------------------------------------------


def test_cursor_walk_returns_every_row_once_in_modification_order(api_a, aanbieder_a):
    rijen = [ToewijzingFactory(aanbieder=aanbieder_a) for _ in range(7)]
    gezien, url = [], f"{URL}?pageSize=3"
    pagina_s = 0
    while url:
        body = api_a.get(url).json()
        gezien += [r["uuid"] for r in body["results"]]
        url = body["next"]
        pagina_s += 1
    assert pagina_s == 3
    assert gezien == [str(t.uuid) for t in rijen]


def test_modified_since_returns_only_later_changes(api_a, aanbieder_a):
    oud = ToewijzingFactory(aanbieder=aanbieder_a)
    moment = timezone.now()
    nieuw = ToewijzingFactory(aanbieder=aanbieder_a)
    body = api_a.get(URL, {"modifiedSince": moment.isoformat()}).json()
    assert [r["uuid"] for r in body["results"]] == [str(nieuw.uuid)]
    # A later change to the old row brings it back in the next sync.
    oud.einddatum = oud.einddatum + timedelta(days=30)
    oud.save()
    body = api_a.get(URL, {"modifiedSince": moment.isoformat()}).json()
    assert [r["uuid"] for r in body["results"]] == [str(nieuw.uuid), str(oud.uuid)]


@pytest.mark.parametrize(
    ("param", "waarde", "veld"),
    [
        ("pageSize", "0", "pageSize"),
        ("pageSize", "1001", "pageSize"),
        ("pageSize", "veel", "pageSize"),
        ("cursor", "rommel", "cursor"),
        ("modifiedSince", "gisteren", "modifiedSince"),
    ],
)
def test_bad_paging_parameters_are_400_naming_the_parameter(api_a, param, waarde, veld):
    body = _problem(api_a.get(URL, {param: waarde}), 400)
    assert body["invalidParams"][0]["name"] == veld
    assert veld in body["detail"]


def test_list_query_count_does_not_grow_with_rows(api_a, aanbieder_a):
    ToewijzingFactory(aanbieder=aanbieder_a)
    api_a.get(URL)  # the first call of a key also records 'last used'
    with CaptureQueriesContext(connection) as een:
        assert api_a.get(URL).status_code == 200
    for _ in range(10):
        ToewijzingFactory(aanbieder=aanbieder_a)
    with CaptureQueriesContext(connection) as elf:
        assert len(api_a.get(URL).json()["results"]) == 11
    assert len(elf) == len(een)


def test_etag_and_if_none_match(api_a, aanbieder_a):
    toewijzing = ToewijzingFactory(aanbieder=aanbieder_a)
    url = f"{URL}/{toewijzing.uuid}"
    eerste = api_a.get(url)
    etag = eerste["ETag"]
    assert api_a.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    toewijzing.volume = 120
    toewijzing.save()
    tweede = api_a.get(url, HTTP_IF_NONE_MATCH=etag)
    assert tweede.status_code == 200
    assert tweede["ETag"] != etag


# -- visibility and access log ----------------------------------------------------------


def test_other_provider_sees_nothing_and_is_logged(api_b, aanbieder_a, aanbieder_b):
    van_a = ToewijzingFactory(aanbieder=aanbieder_a)
    assert api_b.get(URL).json()["results"] == []
    _problem(api_b.get(f"{URL}/{van_a.uuid}"), 404)
    log = AccessLogEntry.objects.filter(organisatie_id=aanbieder_b.pk).order_by("id")
    # The refusal names the object and the client that was tried (issue 17, finding 7),
    # although the answer is the same 404 as for a row that does not exist.
    assert [entry.uitkomst for entry in log] == ["toegestaan", "geweigerd"]
    assert log[1].client_ids == [van_a.client_id] and str(van_a.uuid) in log[1].omschrijving
    _problem(api_b.get(f"{URL}/00000000-0000-0000-0000-000000000000"), 404)
    assert AccessLogEntry.objects.latest("id").uitkomst == "niet_gevonden"


def test_every_read_of_client_data_is_in_the_access_log(api_a, aanbieder_a):
    toewijzingen = [ToewijzingFactory(aanbieder=aanbieder_a) for _ in range(2)]
    api_a.get(URL)
    api_a.get(f"{URL}/{toewijzingen[0].uuid}")
    lijst, detail = AccessLogEntry.objects.filter(organisatie_id=aanbieder_a.pk).order_by("id")
    assert lijst.actie == "zoeken"
    assert sorted(lijst.client_ids) == sorted(t.client_id for t in toewijzingen)
    assert detail.actie == "bekijken"
    assert detail.client_ids == [toewijzingen[0].client_id]
    assert detail.username.startswith("api-")
    assert "Testkoppeling" in detail.omschrijving


# -- throttle --------------------------------------------------------------------------


def test_throttled_client_gets_429_with_retry_after(api_a, monkeypatch):
    monkeypatch.setattr(SleutelThrottle, "rate", "2/min", raising=False)
    assert api_a.get(URL).status_code == 200
    assert api_a.get(URL).status_code == 200
    response = api_a.get(URL)
    body = _problem(response, 429)
    assert int(response["Retry-After"]) > 0
    assert "seconden" in body["detail"]


# -- tombstones ------------------------------------------------------------------------


def test_deleted_rows_appear_as_tombstones_for_those_who_could_see_them(api_a, api_b, aanbieder_a):
    moment = timezone.now()
    toewijzing = ToewijzingFactory(aanbieder=aanbieder_a)
    uuid = str(toewijzing.uuid)
    toewijzing.delete()
    body = api_a.get("/api/v1/verwijderingen", {"modifiedSince": moment.isoformat()}).json()
    assert [(r["resource"], r["uuid"]) for r in body["results"]] == [("toewijzingen", uuid)]
    assert (
        api_b.get("/api/v1/verwijderingen", {"modifiedSince": moment.isoformat()}).json()["results"]
        == []
    )
    _problem(api_a.get("/api/v1/verwijderingen"), 400)


# -- Idempotency-Key -------------------------------------------------------------------


def _stop(api, key, **kwargs):
    from tests.api.test_contractbeheer_api import stop_body

    return api.post(
        "/api/v1/clientenstops", stop_body(**kwargs), format="json", HTTP_IDEMPOTENCY_KEY=key
    )


def test_same_key_and_body_gives_the_first_answer_without_doing_it_twice(
    api_a, contracten, dordrecht
):
    from contractbeheer.models import Clientenstop

    eerste = _stop(api_a, "sleutel-1")
    assert eerste.status_code == 201, eerste.content
    tweede = _stop(api_a, "sleutel-1")
    assert tweede.status_code == 201
    assert tweede.json() == eerste.json()
    assert tweede["Location"] == eerste["Location"]
    assert tweede["Idempotent-Replayed"] == "true"
    assert Clientenstop.objects.count() == 1
    # Another key is another request.
    assert _stop(api_a, "sleutel-2").status_code == 201
    assert Clientenstop.objects.count() == 2


def test_same_key_with_another_body_is_422(api_a, contracten, dordrecht):
    from contractbeheer.models import Clientenstop

    assert _stop(api_a, "sleutel-1").status_code == 201
    body = _problem(_stop(api_a, "sleutel-1", reden="Iets anders"), 422)
    assert "Idempotency-Key" in body["detail"]
    assert Clientenstop.objects.count() == 1


def test_same_key_while_the_first_is_still_running_is_409(
    api_sleutel, aanbieder_a, contracten, dordrecht
):
    from sdd_portal.api.models import IdempotentVerzoek
    from tests.api.test_contractbeheer_api import stop_body

    sleutel, token = api_sleutel(aanbieder_a)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    # The first request's row, as it stands while its handler runs in another process.
    eerste = client.post(
        "/api/v1/clientenstops", stop_body(), format="json", HTTP_IDEMPOTENCY_KEY="k"
    )
    IdempotentVerzoek.objects.filter(sleutel=sleutel).update(status="bezig")
    tweede = client.post(
        "/api/v1/clientenstops", stop_body(), format="json", HTTP_IDEMPOTENCY_KEY="k"
    )
    assert eerste.status_code == 201
    assert "nog verwerkt" in _problem(tweede, 409)["detail"]


def test_keys_are_per_credential(api_a, api_als, aanbieder_a, contracten, dordrecht):
    from contractbeheer.models import Clientenstop

    assert _stop(api_a, "gedeeld").status_code == 201
    ander = api_als(aanbieder_a)
    assert _stop(ander, "gedeeld").status_code == 201
    assert Clientenstop.objects.count() == 2


def test_a_refused_request_is_replayed_as_refused(api_a, contracten, dordrecht):
    from contractbeheer.models import Clientenstop

    fout = _stop(api_a, "sleutel-x", reden="")
    _problem(fout, 400)
    _problem(_stop(api_a, "sleutel-x", reden=""), 400)
    assert not Clientenstop.objects.exists()


# -- issuing keys in Beheer -------------------------------------------------------------


def test_beheerder_issues_a_key_and_sees_it_once(
    login, beheerder, aanbieder_a, medewerker_a, beheerders
):
    """The token is shown once to the issuing beheerder; the key works only after a
    second beheerder approved it (docs/adr/0011)."""
    http = login(beheerder)
    url = "/admin/api/apisleutel/add/"
    assert http.get(url).status_code == 200
    antwoord = http.post(
        url,
        {
            "organisatie": aanbieder_a.pk,
            "naam": "Zorgsysteem",
            "scopes": ["toewijzingen:lezen"],
            "verantwoordelijke": medewerker_a.pk,
            "geldig_tot": (timezone.localdate() + timedelta(days=180)).isoformat(),
        },
    )
    assert antwoord.status_code == 200
    token = antwoord.context["token"]
    assert token.startswith("sdd_") and token in antwoord.content.decode()
    assert "tweede functioneel beheerder" in antwoord.content.decode()
    sleutel = ApiSleutel.objects.get(naam="Zorgsysteem")
    assert sleutel.organisatie == aanbieder_a and sleutel.verantwoordelijke == medewerker_a
    assert sleutel.history.first().history_user == beheerder
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert "goedkeuring" in _problem(api.get(URL), 401)["detail"]
    # The second beheerder approves in the list of requests; then it works.
    verzoek = Wijzigingsverzoek.objects.get(betrokkene=sleutel.gebruiker)
    tweede = login(beheerders[1])
    tweede.post(
        "/admin/accounts/wijzigingsverzoek/",
        {"action": "goedkeuren", "_selected_action": [verzoek.pk]},
    )
    assert api.get(URL).status_code == 200
    # The key's page never shows the secret again.
    pagina = tweede.get(f"/admin/api/apisleutel/{sleutel.pk}/change/").content.decode()
    assert token.split("_", 2)[2] not in pagina


def test_issuing_without_scopes_or_sdd_roles_is_refused_in_dutch(login, beheerder, sdd):
    http = login(beheerder)
    antwoord = http.post(
        "/admin/api/apisleutel/add/", {"organisatie": sdd.pk, "naam": "Backoffice", "scopes": []}
    )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Dit veld is verplicht" in tekst or "ten minste" in tekst
    antwoord = http.post(
        "/admin/api/apisleutel/add/",
        {"organisatie": sdd.pk, "naam": "Backoffice", "scopes": ["clienten:lezen"]},
    )
    assert "Kies voor een sleutel van de SDD de rol" in antwoord.content.decode()
    assert not ApiSleutel.objects.exists()


def test_contract_manager_cannot_issue_keys(login, contractmanager):
    http = login(contractmanager)
    assert http.get("/admin/api/apisleutel/add/").status_code == 403


def test_post_to_an_unknown_api_url_is_a_404_problem_not_a_csrf_page(api_a):
    _problem(api_a.post("/api/v1/beschikkingen/geen-uuid/intrekken", {}, format="json"), 404)


def test_errors_in_list_items_name_the_item(api_a):
    antwoord = api_a.post(
        "/api/v1/abonnementen",
        {"callbackUrl": "https://example.org/x", "gebeurtenissen": ["signaal.nieuw", ""]},
        format="json",
    )
    body = _problem(antwoord, 400)
    assert "gebeurtenissen.1" in {p["name"] for p in body["invalidParams"]}


def test_nul_characters_are_refused_naming_the_field(api_a, contracten, dordrecht):
    from tests.api.test_contractbeheer_api import capaciteit_body

    antwoord = api_a.post(
        "/api/v1/capaciteit", capaciteit_body(gemeenten=["05\x0005"]), format="json"
    )
    body = _problem(antwoord, 400)
    assert body["invalidParams"][0]["name"] == "gemeenten.0"
    _problem(api_a.get(URL, {"modifiedSince": "2026\x00"}), 400)


@pytest.mark.parametrize(
    "waarde", ["2026-13-01T00:00:00", "1836-07-30T06:42:43+23:34", "0001-01-01T00:00:00+01:00"]
)
def test_odd_but_iso_timestamps_are_handled(api_a, waarde):
    antwoord = api_a.get(URL, {"modifiedSince": waarde})
    assert antwoord.status_code in (200, 400), antwoord.content
