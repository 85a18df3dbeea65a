"""Cross-tenant sweep: provider B, logged in on the portal and with its own API key, asks for
every object of provider A that a URL pattern addresses (client, melding, decision,
assignment, plan and its file, letters, stops, capacity, signals, mandate documents, bulk
lists, FOT meetings, items, attachments and action items of a table B does not sit at),
with GET, POST, PUT, PATCH and DELETE. Every attempt is refused (403/404, or 405 before the
object is looked up), no answer carries A's client (name, BSN), and nothing changes.

The patterns come from the URLconf, so a new URL with a path value joins the sweep at once;
``pagina_objecten`` must then name a row of A for it (the test says so).

Run with ``-s`` for the figures the issue note quotes."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.test import Client
from rest_framework.test import APIClient

from indicaties.models import Client as Clientmodel
from sdd_portal.accounts.otp import inloggen_met_tweede_factor

from .sweep import Telling, url_patronen
from .test_fuzz import pagina_objecten

pytestmark = pytest.mark.django_db

METHODES = ("get", "post", "put", "patch", "delete")
GEWEIGERD = {403, 404, 405}
# Reference data every organisation may read (not client data): GET is allowed there.
GEDEELD = ("api/v1/producten/", "api/v1/bandbreedtes/", "api/v1/aanbieders/")


def _stand() -> dict[str, int]:
    """Row counts of every table a request could write to (not the access log itself,
    which records the refusals, nor sessions and login bookkeeping)."""
    overslaan = {"audit", "sessions", "axes", "otp_totp", "otp_static", "django_celery_beat"}
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label not in overslaan and not m._meta.proxy
    }


def _laatste_wijziging() -> dict[str, object]:
    """Latest modification time per domain table with one (an update changes it)."""
    uit = {}
    for m in apps.get_models():
        if m._meta.app_label in ("indicaties", "fot", "contractbeheer", "signalen", "api"):
            velden = {f.name for f in m._meta.fields}
            for veld in ("modified_at", "gewijzigd_op", "updated_at"):
                if veld in velden:
                    uit[m._meta.label] = (
                        m._default_manager.order_by(f"-{veld}").values_list(veld, flat=True).first()
                    )
    return uit


@pytest.fixture
def geheim(wereld):
    """A's client gets a name no other text of the world contains."""
    Clientmodel.objects.filter(pk=wereld.a.client.pk).update(
        voornamen="Geertruida", achternaam="Vertrouwelijk-Aanbieder-A"
    )
    wereld.a.client.refresh_from_db()
    return [wereld.a.client.bsn, "Vertrouwelijk-Aanbieder-A", "Geertruida"]


def _lekken(antwoord, geheimen) -> list[str]:
    inhoud = antwoord.content.decode(errors="replace")
    return [g for g in geheimen if g in inhoud]


def test_provider_b_gets_nothing_of_provider_a(wereld, geheim, capsys):
    w = wereld
    objecten = pagina_objecten(w)
    web = Client(SERVER_NAME="127.0.0.1")
    inloggen_met_tweede_factor(web, w.medewerker_b)
    _, token = w.api_sleutel(w.aanbieder_b, naam="Koppeling B")
    api = APIClient(SERVER_NAME="127.0.0.1")
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")

    telling = Telling()
    zonder_object = []
    for patroon in url_patronen():
        if patroon.route.startswith("admin/") or patroon.parameters != ["uuid"]:
            continue
        prefix = next(
            (k for k in sorted(objecten, key=len, reverse=True) if patroon.route.startswith(k)),
            None,
        )
        if prefix is None:
            zonder_object.append(patroon.route)
            continue
        url = patroon.vul({patroon.parameters[0]: str(objecten[prefix])})
        is_api = patroon.route.startswith("api/")
        http = api if is_api else web
        telling.patronen.add(patroon.route)
        stand, gewijzigd = _stand(), _laatste_wijziging()
        for methode in METHODES:
            if is_api and methode == "get" and prefix in GEDEELD:
                continue
            telling.verzoeken["api" if is_api else "web"] += 1
            kwargs = {"format": "json"} if is_api else {}
            data = {} if methode == "get" else {"reden": "B probeert", "toelichting": "x"}
            antwoord = getattr(http, methode)(url, data, **kwargs)
            if antwoord.status_code not in GEWEIGERD:
                telling.lekken.append(f"{methode.upper()} {url} -> {antwoord.status_code}")
            if gelekt := _lekken(antwoord, geheim):
                telling.lekken.append(f"{methode.upper()} {url} shows {gelekt}")
        if _stand() != stand or _laatste_wijziging() != gewijzigd:
            telling.lekken.append(f"{patroon.route}: B's attempts changed the database")

    # B's own lists: none of A's client anywhere.
    for url in (
        "/clienten/",
        "/werklijst/",
        "/postvak/",
        "/signalen/",
        "/fot/",
        "/fot/actiepunten/",
        "/keten/berichten/",
    ):
        telling.verzoeken["web"] += 1
        antwoord = web.get(url, {"naam": "Vertrouwelijk", "q": "Vertrouwelijk"})
        if gelekt := _lekken(antwoord, geheim):
            telling.lekken.append(f"GET {url} shows {gelekt}")

    # The detector itself: provider A does see its own client on the same pages.
    eigen = Client(SERVER_NAME="127.0.0.1")
    inloggen_met_tweede_factor(eigen, w.medewerker_a)
    assert _lekken(eigen.get(f"/clienten/{w.a.client.uuid}/"), geheim)
    assert _lekken(eigen.get("/keten/berichten/"), geheim)

    with capsys.disabled():
        print()
        print(telling.samenvatting("Cross-tenant sweep (provider B on provider A's objects)"))
    assert not zonder_object, f"give these patterns a row of A in pagina_objecten: {zonder_object}"
    assert len(telling.patronen) >= 60
    assert not telling.lekken, "\n".join(telling.lekken)
