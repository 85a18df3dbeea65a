"""Fuzz sweep (issue 17, finding 8): every URL pattern of the project (pages, admin, API),
with real and bogus path values, as every role that may open it; every form field and every
query parameter gets NUL characters, 10k-character strings, non-UUIDs, impossible dates and
out-of-range numbers. Any answer 500 fails the test, naming URL, parameter and payload.

Run with ``-s`` for the figures the issue note quotes."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client
from rest_framework.test import APIClient

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.otp import inloggen_met_tweede_factor
from tests.factories import UserFactory

from .sweep import (
    BOGUS_UUID,
    GANGBARE_PARAMETERS,
    GEEN_UUID,
    LANG,
    NUL,
    PAYLOADS,
    Telling,
    formulieren,
    url_patronen,
)

pytestmark = pytest.mark.django_db

# Never POSTed by the sweep: they end the session or, in the admin, delete what the rest of
# the sweep still needs. Their GET is swept like any other page.
NIET_POSTEN = ("uitloggen/", "admin/logout/", "/delete/", "admin/password_change/")


def pagina_objecten(w) -> dict[str, str]:
    """Literal route prefix before the path value -> a real object's value (provider A's)."""
    a, fot = w.a, w.fot
    return {
        "clienten/": a.client.uuid,
        "meldingen/": a.melding.uuid,
        "toewijzingen/": a.toewijzing.uuid,
        "plannen/": a.plan.uuid,
        "beschikkingen/": a.beschikking.uuid,
        "brieven/": w.brief_a.uuid,
        "verzending/": w.verzendrun.uuid,
        "lijsten/": w.bulklijst_a.uuid,
        "lijsten/voorbeeld/": "omzetting",
        "clientenstops/": w.stop_a.uuid,
        "capaciteit/": w.capaciteit_a.uuid,
        "signalen/": w.aanbiedersignaal_a.uuid,
        "mandaatdocumenten/": w.mandaatdocument.uuid,
        "postvak/": w.postvak_a.uuid,
        "fot/vergaderingen/": fot.vergadering.uuid,
        "fot/agendapunten/": fot.agendapunt.uuid,
        "fot/bijlagen/": fot.bijlage.uuid,
        "fot/actiepunten/": fot.actiepunt.uuid,
        "openbaar/fot/": fot.vergadering.uuid,
        "beheer/vernietiging/": w.vernietigingslijst.uuid,
        "keten/berichten/": w.bericht_a.uuid,
        # API resources
        "api/v1/clienten/": a.client.uuid,
        "api/v1/meldingen/": a.melding.uuid,
        "api/v1/beschikkingen/": a.beschikking.uuid,
        "api/v1/toewijzingen/": a.toewijzing.uuid,
        "api/v1/ondersteuningsplannen/": a.plan.uuid,
        "api/v1/producten/": a.toewijzing.product.uuid,
        "api/v1/bandbreedtes/": a.beschikking.bandbreedte.uuid,
        "api/v1/aanbieders/": w.aanbieder_a.uuid,
        "api/v1/contracten/": w.aanbieder_a.contracten.first().uuid,
        "api/v1/clientenstops/": w.stop_a.uuid,
        "api/v1/capaciteit/": w.capaciteit_a.uuid,
        "api/v1/signalen/": w.postvak_a.uuid,
        "api/v1/vergaderingen/": fot.vergadering.uuid,
        "api/v1/actiepunten/": fot.actiepunt.uuid,
        "api/v1/abonnementen/": w.abonnement_a.uuid,
        "api/v1/berichten/": w.bericht_a.uuid,
    }


def _waarden(patroon, objecten, w) -> dict[str, str] | None:
    """Real values for the pattern's path parameters, or None when the world has none."""
    waarden = {}
    voor = ""
    for deel in patroon.deel:
        if isinstance(deel, str):
            voor += deel
            continue
        _, naam, _conv = deel
        if naam in ("app_label",):
            waarden[naam] = "indicaties"
        elif naam == "uidb64":
            waarden[naam] = "MQ"
        elif naam == "token":
            waarden[naam] = "set-password"
        elif naam == "content_type_id" or voor.startswith("admin/r/"):
            waarden[naam] = "1"
        elif voor.startswith("admin/") and naam in ("object_id", "pk", "id"):
            model = apps.get_model(*voor.split("/")[1:3])
            obj = model._default_manager.first()
            if obj is None:
                return None
            waarden[naam] = str(obj.pk)
        else:
            sleutel = next((k for k in objecten if voor.endswith(k) and voor == k), None)
            if sleutel is None:
                return None
            waarden[naam] = str(objecten[sleutel])
        voor += f"<{naam}>"
    return waarden


def _bogus(patroon) -> list[dict[str, str]]:
    if not patroon.parameters:
        return []
    return [
        dict.fromkeys(patroon.parameters, BOGUS_UUID),
        dict.fromkeys(patroon.parameters, GEEN_UUID),
        dict.fromkeys(patroon.parameters, "-" * 36),
    ]


class Fuzzer:
    def __init__(self, telling: Telling):
        self.telling = telling

    def verzoek(self, http, methode, url, data=None, *, soort, **kwargs):
        self.telling.verzoeken[soort] += 1
        try:
            antwoord = getattr(http, methode)(url, data, **kwargs)
        except Exception as exc:  # the test client re-raises what the view raised
            antwoord = None
            status = f"{type(exc).__name__}: {str(exc)[:120]}"
        else:
            status = antwoord.status_code
        if antwoord is None or antwoord.status_code >= 500:
            samenvatting = {k: (repr(v)[:30]) for k, v in (data or {}).items()}
            self.telling.fouten.append(f"{methode.upper()} {url[:120]} {samenvatting} -> {status}")
        return antwoord

    def queryparameters(self, http, url, extra: dict[str, str], *, soort="query"):
        namen = dict.fromkeys(GANGBARE_PARAMETERS) | dict.fromkeys(extra)
        for payload in PAYLOADS.values():
            self.verzoek(http, "get", url, dict.fromkeys(namen, payload), soort=soort)
        for naam in extra:
            for payload in (NUL, GEEN_UUID, "2026-02-30", "-1"):
                self.verzoek(http, "get", url, {**extra, naam: payload}, soort=soort)

    def formulier(self, http, url, form, *, per_veld=True):
        actie = form["action"] or url
        actie = urlsplit(actie).path if actie.startswith("http") else actie
        if actie.startswith("?"):
            actie = url + actie
        velden = form["velden"]
        if form["method"] == "get":
            self.queryparameters(http, actie.split("?")[0], velden)
            return
        if any(n in actie for n in NIET_POSTEN):
            return
        vast = {k: v for k, v in velden.items() if k == "csrfmiddlewaretoken"}
        te_mutieren = [k for k in velden if k not in vast]
        for payload in PAYLOADS.values():
            data = {**vast, **dict.fromkeys(te_mutieren, payload)}
            self.verzoek(http, "post", actie, data, soort="form")
        for naam in te_mutieren if per_veld else []:
            for payload in (NUL, GEEN_UUID, LANG):
                self.verzoek(http, "post", actie, {**velden, naam: payload}, soort="form")


def _staff_beheerder(w):
    return UserFactory(
        username="fb.admin",
        organisatie=w.sdd,
        rollen=[Rol.FUNCTIONEEL_BEHEERDER],
        is_staff=True,
        is_superuser=True,
    )


def _api_clients(w) -> dict[str, APIClient]:
    clients = {}
    for naam, org, rollen in (
        ("aanbieder", w.aanbieder_a, None),
        ("consulent", w.sdd, ["consulent"]),
        ("contractmanager", w.sdd, ["contractmanager"]),
    ):
        _, token = w.api_sleutel(org, naam=f"fuzz {naam}", rollen=rollen)
        client = APIClient(SERVER_NAME="127.0.0.1", raise_request_exception=True)
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
        clients[naam] = client
    return clients


def _api_body(patroon) -> list[str]:
    """Writable field names of the serializers behind an API pattern."""
    from sdd_portal.api.urls import router

    namen: set[str] = set()
    for prefix, viewset, _ in router.registry:
        if f"api/v1/{prefix}" in patroon.route:
            serializer = viewset.serializer_class
            if serializer is not None:
                namen |= {n for n, f in serializer().fields.items() if not f.read_only}
    return sorted(namen | {"reden", "toelichting", "datum", "einddatum", "antwoord"})


def test_no_url_answers_500_to_hostile_input(wereld, capsys):
    w = wereld
    telling = Telling()
    fuzzer = Fuzzer(telling)
    objecten = pagina_objecten(w)
    staff = _staff_beheerder(w)
    rollen = {
        "anoniem": None,
        "consulent": w.consulent,
        "contractmanager": w.contractmanager,
        "beheerder": w.beheerder,
        "medewerker_a": w.medewerker_a,
    }
    http = Client(SERVER_NAME="127.0.0.1", raise_request_exception=True)
    api = _api_clients(w)
    onvervuld = []
    start = time.monotonic()
    geregistreerd = {type(m).__name__ for m in admin.site._registry.values()}
    for patroon in url_patronen():
        telling.patronen.add(patroon.route)
        waarden = _waarden(patroon, objecten, w) if patroon.parameters else {}
        if waarden is None and not patroon.route.startswith("admin/"):
            onvervuld.append(patroon.route)
        echte_url = patroon.vul(waarden) if waarden is not None else None
        bogus_urls = [patroon.vul(b) for b in _bogus(patroon)]

        if patroon.route.startswith("api/"):
            for i, client in enumerate(api.values()):
                for url in ([echte_url] if echte_url else []) + bogus_urls:
                    fuzzer.verzoek(client, "get", url, soort="api")
                if echte_url and i == 0:
                    fuzzer.queryparameters(client, echte_url, {}, soort="api")
                    for payload in PAYLOADS.values():
                        body = dict.fromkeys(_api_body(patroon), payload)
                        for methode in ("post", "put", "patch"):
                            fuzzer.verzoek(
                                client, methode, echte_url, body, format="json", soort="api"
                            )
            continue

        if patroon.route.startswith("admin/"):
            gebruikers = {"staff": staff}
            if "/history/" in patroon.route or "/delete/" in patroon.route:
                echte_url = None  # their GET is covered by the bogus values
        else:
            gebruikers = rollen
        gezien_formulieren: set = set()
        is_admin = patroon.route.startswith("admin/")
        for gebruiker in gebruikers.values():
            http.logout()
            if gebruiker is not None:
                inloggen_met_tweede_factor(http, gebruiker)
            for url in bogus_urls:
                fuzzer.verzoek(http, "get", url, soort="pad")
            if not echte_url:
                continue
            antwoord = fuzzer.verzoek(http, "get", echte_url, soort="pagina")
            if antwoord is None or antwoord.status_code != 200:
                continue
            if "html" not in antwoord.get("Content-Type", ""):
                fuzzer.queryparameters(http, echte_url, {})
                continue
            html = antwoord.content.decode()
            forms = formulieren(html)
            if not any(f["method"] == "get" for f in forms):
                fuzzer.queryparameters(http, echte_url, {})
            for form in forms:
                handtekening = (form["action"], form["method"], tuple(sorted(form["velden"])))
                if handtekening in gezien_formulieren:
                    continue
                gezien_formulieren.add(handtekening)
                fuzzer.formulier(http, echte_url, form, per_veld=not is_admin)
    duur = time.monotonic() - start
    with capsys.disabled():
        print()
        print(telling.samenvatting(f"Fuzz sweep ({duur:.0f} s)"))
        print(f"   admin models: {len(geregistreerd)}; unfilled patterns: {len(onvervuld)}")
    assert not telling.fouten, "\n".join(telling.fouten)
    assert not onvervuld, f"give these patterns a real object in pagina_objecten: {onvervuld}"
