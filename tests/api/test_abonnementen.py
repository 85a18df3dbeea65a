"""Subscriptions: registration, the secret once, other organisations' 404, publishing only
what a credential may see, and signed deliveries with retries to a real HTTP receiver."""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from bandbreedte.models import Bandbreedte, Normenkader
from indicaties import services
from indicaties.models import Ondersteuningsplan, Toewijzing
from sdd_portal.api import gebeurtenissen, tasks
from sdd_portal.api.abonnementen import abonnement_registreren, ping_versturen
from sdd_portal.api.models import Abonnement, Levering
from signalen.models import Ontvanger, Signaal, SignaalSoort
from signalen.services import gebeurtenis
from tests.conftest import wacht_tot
from tests.factories import ClientFactory
from tests.indicaties.conftest import goed_plan, onderzochte_melding

URL = "/api/v1/abonnementen"


# ------------------------------------------------------------------------- the receiver


class HttpOntvanger:
    """A real HTTP server on 127.0.0.1 that records every request and answers with the
    next code of ``antwoorden`` (200 when none is left)."""

    def __init__(self):
        self.verzoeken: list[dict] = []
        self.antwoorden: list[int] = []
        ontvanger = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                lengte = int(self.headers.get("Content-Length") or 0)
                ontvanger.verzoeken.append(
                    {
                        "pad": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": self.rfile.read(lengte),
                    }
                )
                code = ontvanger.antwoorden.pop(0) if ontvanger.antwoorden else 200
                self.send_response(code)
                if 300 <= code < 400:
                    self.send_header("Location", f"{ontvanger.url}-elders")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def ontvanger(settings):
    settings.API_CALLBACK_HTTP_TOESTAAN = True
    server = HttpOntvanger()
    yield server
    server.stop()


def geldig(geheim: str, verzoek: dict) -> bool:
    headers = verzoek["headers"]
    bericht = f"{headers['sdd-timestamp']}.".encode() + verzoek["body"]
    verwacht = "v1=" + hmac.new(geheim.encode(), bericht, hashlib.sha256).hexdigest()
    return hmac.compare_digest(verwacht, headers["sdd-signature"])


def registreren(api, url, *gebeurtenissen, **extra):
    return api.post(
        URL,
        {"callbackUrl": url, "gebeurtenissen": list(gebeurtenissen), **extra},
        format="json",
    )


def due(levering: Levering) -> None:
    """Pretend the retry's wait is over."""
    Levering.objects.filter(pk=levering.pk).update(
        volgende_poging=timezone.now() - timedelta(seconds=1)
    )


# -------------------------------------------------------------------- the HO chain


@pytest.fixture
def band(ho):
    kader = Normenkader.objects.create(versie="HHM 2025 (test)", geldig_van=date(2025, 1, 1))
    return Bandbreedte.objects.create(
        product=ho,
        normenkader=kader,
        code="HO-B3",
        min_minuten=121,
        max_minuten=180,
        geldig_van=date(2025, 1, 1),
    )


@pytest.fixture
def kort_beschikken(consulent, dordrecht, ho, band, aanbieder_a, contracten):
    def _maak():
        client = ClientFactory(gemeente=dordrecht, consulent=consulent)
        melding = onderzochte_melding(consulent=consulent, client=client, product=ho, band=band)
        vandaag = timezone.localdate()
        return services.kortdurend_beschikken(
            actor=consulent,
            melding=melding,
            aanbieder=aanbieder_a,
            ingangsdatum=vandaag,
            verzenddatum=vandaag,
        )

    return _maak


@pytest.fixture
def ingediend_plan(kort_beschikken, medewerker_a, mandaat_a) -> Ondersteuningsplan:
    kort = kort_beschikken()
    toewijzing = Toewijzing.objects.get(beschikking=kort)
    return services.plan_indienen(
        actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kort, medewerker_a)
    )


# ------------------------------------------------------------------------ registering


@pytest.mark.django_db
def test_registreren_geeft_geheim_eenmalig(api_a, ontvanger, aanbieder_a):
    antwoord = registreren(api_a, ontvanger.url, "toewijzing.nieuw", "toewijzing.nieuw")
    assert antwoord.status_code == 201, antwoord.json()
    data = antwoord.json()
    abonnement = Abonnement.objects.get(uuid=data["uuid"])
    assert data["geheim"] == abonnement.geheim and len(data["geheim"]) >= 40
    assert data["gebeurtenissen"] == ["toewijzing.nieuw"]
    assert data["callbackUrl"] == ontvanger.url and data["actief"] is True
    assert antwoord["Location"].endswith(f"{URL}/{abonnement.uuid}")
    assert abonnement.organisatie == aanbieder_a

    detail = api_a.get(f"{URL}/{abonnement.uuid}")
    assert detail.status_code == 200 and "geheim" not in detail.json()
    assert abonnement.geheim not in detail.content.decode()
    lijst = api_a.get(URL)
    assert [a["uuid"] for a in lijst.json()["results"]] == [str(abonnement.uuid)]
    assert abonnement.geheim not in lijst.content.decode()
    # The history does not keep the secret either.
    assert not hasattr(abonnement.history.first(), "geheim")


@pytest.mark.django_db
def test_http_geweigerd_als_de_instelling_uit_staat(api_a, settings):
    settings.API_CALLBACK_HTTP_TOESTAAN = False
    antwoord = registreren(api_a, "http://ontvanger.example.org/hook", "signaal.nieuw")
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == "application/problem+json"
    fout = antwoord.json()
    assert [p["name"] for p in fout["invalidParams"]] == ["callbackUrl"]
    assert "https://" in fout["invalidParams"][0]["reason"]
    assert fout["detail"].startswith("Controleer callbackUrl")
    https = registreren(api_a, "https://ontvanger.example.org/hook", "signaal.nieuw")
    assert https.status_code == 201


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "tekst"),
    [
        ("geen url", "geen geldige URL"),
        ("", "Vul de callback-URL in"),
        ("ftp://ontvanger.example.org/hook", "https://"),
        ("https://gebruiker:wachtwoord@ontvanger.example.org/hook", "gebruikersnaam of wachtwoord"),
        ("https://ontvanger.example.org:99999/hook", "geen geldige URL"),
        ("https://" + "a" * 500 + ".nl/", "te lang"),
    ],
)
def test_ongeldige_callback_url(api_a, url, tekst):
    fout = registreren(api_a, url, "signaal.nieuw").json()
    assert fout["status"] == 400
    assert [p["name"] for p in fout["invalidParams"]] == ["callbackUrl"]
    assert tekst in fout["invalidParams"][0]["reason"]
    assert not Abonnement.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "https://localhost/hook",
        "https://127.0.0.1:8443/hook",
        "https://10.1.2.3/hook",
        "https://169.254.169.254/latest",
        "https://[::1]/hook",
    ],
)
def test_intern_adres_geweigerd_buiten_ontwikkeling(api_a, settings, url):
    settings.API_CALLBACK_HTTP_TOESTAAN = False
    fout = registreren(api_a, url, "signaal.nieuw").json()
    assert [p["name"] for p in fout["invalidParams"]] == ["callbackUrl"]
    assert "intern adres" in fout["invalidParams"][0]["reason"]


@pytest.mark.django_db
def test_onbekende_of_geen_gebeurtenis(api_a):
    fout = registreren(api_a, "https://o.example.org/h", "signaal.nieuw", "plan.gelezen").json()
    assert [p["name"] for p in fout["invalidParams"]] == ["gebeurtenissen"]
    assert "Onbekende gebeurtenis(sen): plan.gelezen" in fout["invalidParams"][0]["reason"]
    fout = registreren(api_a, "https://o.example.org/h").json()
    assert fout["invalidParams"][0]["reason"] == "Kies ten minste één gebeurtenis."
    fout = api_a.post(URL, {"gebeurtenissen": ["signaal.nieuw"]}, format="json").json()
    assert [p["name"] for p in fout["invalidParams"]] == ["callbackUrl"]
    # Both fields wrong: both named at once.
    fout = registreren(api_a, "geen url", "onzin").json()
    assert {p["name"] for p in fout["invalidParams"]} == {"callbackUrl", "gebeurtenissen"}


@pytest.mark.django_db
def test_sleutel_moet_de_resource_mogen_lezen(api_als, aanbieder_a):
    api = api_als(aanbieder_a, scopes=["abonnementen:lezen", "abonnementen:schrijven"])
    fout = registreren(api, "https://o.example.org/h", "ondersteuningsplan.geaccepteerd").json()
    assert "ondersteuningsplannen:lezen ontbreekt" in fout["invalidParams"][0]["reason"]
    zonder = api_als(aanbieder_a, scopes=["signalen:lezen"])
    assert registreren(zonder, "https://o.example.org/h", "signaal.nieuw").status_code == 403


@pytest.mark.django_db
def test_andere_organisatie_krijgt_404(api_a, api_b, ontvanger):
    uuid = registreren(api_a, ontvanger.url, "signaal.nieuw").json()["uuid"]
    for methode, pad in (
        ("get", f"{URL}/{uuid}"),
        ("get", f"{URL}/{uuid}/leveringen"),
        ("delete", f"{URL}/{uuid}"),
        ("post", f"{URL}/{uuid}/test"),
    ):
        antwoord = getattr(api_b, methode)(pad)
        assert antwoord.status_code == 404, (methode, pad)
        assert antwoord["Content-Type"] == "application/problem+json"
    assert api_b.get(URL).json()["results"] == []
    assert Abonnement.objects.get(uuid=uuid).actief
    assert not Levering.objects.exists()


@pytest.mark.django_db
def test_beeindigen_bewaart_historie_en_stopt_leveringen(
    api_a, ontvanger, django_capture_on_commit_callbacks
):
    uuid = registreren(api_a, ontvanger.url, "signaal.nieuw").json()["uuid"]
    with django_capture_on_commit_callbacks(execute=False):
        assert api_a.post(f"{URL}/{uuid}/test").status_code == 202
    assert api_a.delete(f"{URL}/{uuid}").status_code == 204
    assert api_a.delete(f"{URL}/{uuid}").status_code == 204  # again: still stopped
    abonnement = Abonnement.objects.get(uuid=uuid)
    assert not abonnement.actief
    assert abonnement.history.first().history_change_reason == "Abonnement beëindigd via de API"
    assert api_a.get(f"{URL}/{uuid}").json()["actief"] is False
    # A delivery still waiting is not sent any more.
    levering = abonnement.leveringen.get()
    assert tasks.levering_versturen(levering.pk) == Levering.Status.OPGEGEVEN
    assert ontvanger.verzoeken == []
    levering.refresh_from_db()
    assert (levering.pogingen, levering.volgende_poging) == (0, None)
    # No test delivery for a stopped subscription.
    fout = api_a.post(f"{URL}/{uuid}/test").json()
    assert fout["status"] == 400 and "beëindigd" in fout["detail"]
    # And no events.
    assert list(gebeurtenissen.actieve_abonnementen("signaal.nieuw")) == []


# ------------------------------------------------------------------ the journey


@pytest.mark.django_db
def test_plan_geaccepteerd_alleen_naar_de_eigen_aanbieder_ondertekend(
    api_a,
    api_b,
    api_consulent,
    ontvanger,
    ingediend_plan,
    consulent,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.PORTAL_BASE_URL = "https://wmo.example.org"
    soort = "ondersteuningsplan.geaccepteerd"
    a = registreren(api_a, ontvanger.url + "/a", soort).json()
    b = registreren(api_b, ontvanger.url + "/b", soort).json()
    sdd = registreren(api_consulent, ontvanger.url + "/sdd", "beschikking.gewijzigd").json()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.plan_accepteren(actor=consulent, plan=ingediend_plan)
    assert callbacks  # the sends are queued only after commit

    levering = Levering.objects.get(abonnement__uuid=a["uuid"])
    assert not Levering.objects.filter(abonnement__uuid=b["uuid"]).exists()
    # The consulent's credential sees every decision, the provider's only its own plans.
    assert Levering.objects.filter(abonnement__uuid=sdd["uuid"]).count() == 1
    assert levering.status == Levering.Status.WACHTEND

    assert tasks.levering_versturen(levering.pk) == Levering.Status.GELEVERD
    assert len(ontvanger.verzoeken) == 1
    verzoek = ontvanger.verzoeken[0]
    assert verzoek["pad"] == "/hook/a"
    assert geldig(a["geheim"], verzoek)
    assert not geldig(b["geheim"], verzoek)
    headers = verzoek["headers"]
    assert headers["content-type"] == "application/json"
    assert headers["sdd-event-id"] == str(levering.uuid)
    assert headers["sdd-event-type"] == soort
    assert abs(int(headers["sdd-timestamp"]) - time.time()) < 60
    body = json.loads(verzoek["body"])
    assert set(body) == {"id", "type", "resource", "resourceUuid", "url", "tijdstip"}
    assert body["id"] == str(levering.uuid) and body["type"] == soort
    assert body["resource"] == "ondersteuningsplannen"
    assert body["resourceUuid"] == str(ingediend_plan.uuid)
    assert (
        body["url"] == f"https://wmo.example.org/api/v1/ondersteuningsplannen/{ingediend_plan.uuid}"
    )
    naam = ingediend_plan.toewijzing.client
    for persoonsgegeven in (naam.achternaam, naam.bsn):
        assert persoonsgegeven not in verzoek["body"].decode()

    levering.refresh_from_db()
    assert levering.status == Levering.Status.GELEVERD
    assert (levering.pogingen, levering.laatste_statuscode) == (1, 200)
    assert levering.geleverd_op and levering.volgende_poging is None

    leveringen = api_a.get(f"{URL}/{a['uuid']}/leveringen").json()["results"]
    assert leveringen == [
        {
            "uuid": str(levering.uuid),
            "aangemaaktOp": leveringen[0]["aangemaaktOp"],
            "gebeurtenis": soort,
            "resource": "ondersteuningsplannen",
            "resourceUuid": str(ingediend_plan.uuid),
            "status": "geleverd",
            "pogingen": 1,
            "laatsteStatuscode": 200,
            "laatsteFout": "",
            "volgendePoging": None,
            "geleverdOp": leveringen[0]["geleverdOp"],
        }
    ]
    assert api_b.get(f"{URL}/{b['uuid']}/leveringen").json()["results"] == []

    # Delivered is never sent again, whoever queues it.
    assert tasks.levering_versturen(levering.pk) == "overgeslagen"
    due(levering)
    assert tasks.levering_versturen(levering.pk) == "overgeslagen"
    assert len(ontvanger.verzoeken) == 1


@pytest.mark.django_db
def test_hooks_van_het_hoproces(
    api_a, api_b, ontvanger, kort_beschikken, consulent, medewerker_a, mandaat_a
):
    alles = [
        "toewijzing.nieuw",
        "beschikking.gewijzigd",
        "ondersteuningsplan.geaccepteerd",
        "ondersteuningsplan.afgewezen",
    ]
    a = Abonnement.objects.get(uuid=registreren(api_a, ontvanger.url, *alles).json()["uuid"])
    b = Abonnement.objects.get(uuid=registreren(api_b, ontvanger.url, *alles).json()["uuid"])

    def soorten():
        return sorted(a.leveringen.values_list("gebeurtenis", flat=True))

    kort = kort_beschikken()
    toewijzing = Toewijzing.objects.get(beschikking=kort)
    assert soorten() == ["beschikking.gewijzigd", "toewijzing.nieuw"]
    assert a.leveringen.get(gebeurtenis="toewijzing.nieuw").resource_uuid == toewijzing.uuid

    v1 = services.plan_indienen(
        actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kort, medewerker_a)
    )
    services.plan_afwijzen(actor=consulent, plan=v1, reden="Handtekening ontbreekt.")
    assert a.leveringen.filter(gebeurtenis="ondersteuningsplan.afgewezen").get().resource_uuid == (
        v1.uuid
    )
    v2 = services.plan_indienen(
        actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kort, medewerker_a)
    )
    definitief = services.plan_accepteren(actor=consulent, plan=v2)
    gewijzigd = set(
        a.leveringen.filter(gebeurtenis="beschikking.gewijzigd").values_list(
            "resource_uuid", flat=True
        )
    )
    assert gewijzigd == {kort.uuid, definitief.uuid}

    vandaag = timezone.localdate()
    services.beschikking_verlengen(
        actor=consulent,
        beschikking=definitief,
        nieuwe_einddatum=definitief.einddatum + timedelta(days=90),
        toelichting="Telefonisch besproken: niets veranderd.",
    )
    services.beschikking_intrekken(
        actor=consulent,
        beschikking=definitief,
        per=definitief.ingangsdatum,
        reden="Cliënt is verhuisd naar een andere gemeente.",
        verzenddatum=vandaag,
    )
    assert a.leveringen.filter(resource_uuid=definitief.uuid).count() == 3
    assert soorten().count("ondersteuningsplan.geaccepteerd") == 1
    assert not b.leveringen.exists()  # provider B sees none of this


@pytest.mark.django_db
def test_signalen_per_stuk_en_in_bulk_alleen_voor_wie_ze_ziet(
    api_a, api_b, ontvanger, aanbieder_a, aanbieder_b, django_assert_num_queries
):
    a = Abonnement.objects.get(
        uuid=registreren(api_a, ontvanger.url, "signaal.nieuw").json()["uuid"]
    )
    b = Abonnement.objects.get(
        uuid=registreren(api_b, ontvanger.url, "signaal.nieuw").json()["uuid"]
    )
    signaal = gebeurtenis(
        soort=SignaalSoort.PLAN_BEOORDEELD,
        onderwerp=aanbieder_a,
        ontvanger=Ontvanger.AANBIEDER,
        organisatie_id=aanbieder_a.pk,
        titel="Test",
    )
    assert [lev.resource_uuid for lev in a.leveringen.all()] == [signaal.uuid]
    assert not b.leveringen.exists()

    from django.contrib.contenttypes.models import ContentType

    type_ = ContentType.objects.get_for_model(type(aanbieder_a))
    bulk = Signaal.objects.bulk_create(
        [
            Signaal(
                soort=SignaalSoort.PLAN_BEOORDEELD,
                ontvanger=Ontvanger.AANBIEDER,
                organisatie=organisatie,
                onderwerp_type=type_,
                onderwerp_id=organisatie.pk,
                peildatum=date(2026, 1, n),
                titel=f"Bulk {n}",
            )
            for n, organisatie in enumerate([aanbieder_a, aanbieder_a, aanbieder_b], start=1)
        ]
    )
    # One query for the subscriptions, one visibility query each, one insert of the
    # deliveries and one of their tasks in the outbox (sdd_portal.wachtrij).
    with django_assert_num_queries(5):
        nieuw = gebeurtenissen.publiceren_veel("signaal.nieuw", instances=bulk)
    assert len(nieuw) == 3
    assert a.leveringen.count() == 3 and b.leveringen.count() == 1
    assert b.leveringen.get().resource_uuid == bulk[2].uuid


# ---------------------------------------------------------------- retries


@pytest.mark.django_db
def test_mislukt_dan_opnieuw_dan_geleverd(api_a, ontvanger, django_capture_on_commit_callbacks):
    data = registreren(api_a, ontvanger.url, "signaal.nieuw").json()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        antwoord = api_a.post(f"{URL}/{data['uuid']}/test")
    assert antwoord.status_code == 202 and len(callbacks) == 1
    assert antwoord.json()["gebeurtenis"] == "ping"
    levering = Levering.objects.get(uuid=antwoord.json()["uuid"])
    assert levering.payload["resource"] == "abonnementen"

    ontvanger.antwoorden = [500]
    voor = timezone.now()
    with django_capture_on_commit_callbacks(execute=False) as herhaling:
        assert tasks.levering_versturen(levering.pk) == Levering.Status.MISLUKT
    assert len(herhaling) == 1  # the retry is queued (after commit)
    levering.refresh_from_db()
    assert levering.status == Levering.Status.MISLUKT
    assert (levering.pogingen, levering.laatste_statuscode, levering.laatste_fout) == (
        1,
        500,
        "HTTP 500",
    )
    assert voor + timedelta(seconds=29) < levering.volgende_poging < voor + timedelta(seconds=40)
    detail = api_a.get(f"{URL}/{data['uuid']}/leveringen?status=mislukt").json()["results"][0]
    assert detail["volgendePoging"] and detail["laatsteStatuscode"] == 500

    # Not due yet: the task does nothing.
    assert tasks.levering_versturen(levering.pk) == "overgeslagen"
    assert len(ontvanger.verzoeken) == 1

    due(levering)
    assert tasks.levering_versturen(levering.pk) == Levering.Status.GELEVERD
    levering.refresh_from_db()
    assert (levering.status, levering.pogingen, levering.laatste_statuscode) == (
        "geleverd",
        2,
        200,
    )
    assert levering.laatste_fout == "" and levering.volgende_poging is None
    assert len(ontvanger.verzoeken) == 2
    assert all(geldig(data["geheim"], v) for v in ontvanger.verzoeken)
    # The same event id on both attempts: the receiver can drop duplicates.
    assert len({v["headers"]["sdd-event-id"] for v in ontvanger.verzoeken}) == 1


@pytest.mark.django_db
def test_na_het_maximum_opgegeven(api_a, ontvanger, settings):
    settings.API_CALLBACK_MAX_POGINGEN = 3
    abonnement = Abonnement.objects.get(
        uuid=registreren(api_a, ontvanger.url, "signaal.nieuw").json()["uuid"]
    )
    levering = ping_versturen(abonnement=abonnement)
    ontvanger.antwoorden = [503, 302, 500]
    uitkomsten = []
    for _ in range(3):
        due(levering)
        uitkomsten.append(tasks.levering_versturen(levering.pk))
    assert uitkomsten == ["mislukt", "mislukt", "opgegeven"]
    levering.refresh_from_db()
    assert (levering.status, levering.pogingen, levering.laatste_statuscode) == (
        "opgegeven",
        3,
        500,
    )
    assert levering.volgende_poging is None
    # The redirect was not followed: three requests, all to the callback URL.
    assert [v["pad"] for v in ontvanger.verzoeken] == ["/hook"] * 3
    due(levering)
    assert tasks.levering_versturen(levering.pk) == "overgeslagen"
    assert len(ontvanger.verzoeken) == 3


@pytest.mark.django_db
def test_geen_verbinding_wordt_als_fout_vastgelegd(api_a, settings):
    settings.API_CALLBACK_HTTP_TOESTAAN = True
    with socket.socket() as s:  # a port where nothing listens
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    url = f"http://127.0.0.1:{poort}/hook"
    abonnement = Abonnement.objects.get(
        uuid=registreren(api_a, url, "signaal.nieuw").json()["uuid"]
    )
    levering = ping_versturen(abonnement=abonnement)
    assert tasks.levering_versturen(levering.pk) == Levering.Status.MISLUKT
    levering.refresh_from_db()
    assert (levering.status, levering.pogingen, levering.laatste_statuscode) == (
        "mislukt",
        1,
        None,
    )
    assert levering.laatste_fout.startswith("Verbinding mislukt (ConnectionError)")


def test_wachttijden_verdubbelen_tot_een_uur():
    assert [tasks.wachttijd(n) for n in range(1, 10)] == [
        30,
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
    ]


@pytest.mark.django_db
def test_veeg_plant_verlopen_leveringen_opnieuw_in(api_a, ontvanger):
    abonnement = Abonnement.objects.get(
        uuid=registreren(api_a, ontvanger.url, "signaal.nieuw").json()["uuid"]
    )
    _vers, oud, geleverd, later = (ping_versturen(abonnement=abonnement) for _ in range(4))
    lang_geleden = timezone.now() - timedelta(minutes=5)
    Levering.objects.filter(pk__in=[oud.pk, geleverd.pk]).update(volgende_poging=lang_geleden)
    Levering.objects.filter(pk=geleverd.pk).update(status=Levering.Status.GELEVERD)
    Levering.objects.filter(pk=later.pk).update(
        status=Levering.Status.MISLUKT, volgende_poging=timezone.now() + timedelta(minutes=5)
    )
    from sdd_portal.wachtrij.models import Opdracht

    eerder = set(Opdracht.objects.values_list("pk", flat=True))
    assert tasks.leveringen_herplannen() == 1
    ingepland = Opdracht.objects.exclude(pk__in=eerder)
    # In the task outbox: not the fresh one (its own task runs), not done, not later.
    assert [(o.taak, o.args) for o in ingepland] == [(tasks.levering_versturen.name, [oud.pk])]


# ------------------------------------------------------------- a real worker


@pytest.mark.django_db(transaction=True)
def test_echte_worker_levert_de_ping(ontvanger, celery_worker, aanbieder_a, api_sleutel):
    # ontvanger first: it allows http callbacks, which the worker process inherits.
    sleutel, _ = api_sleutel(aanbieder_a)
    abonnement = abonnement_registreren(
        sleutel=sleutel, callback_url=ontvanger.url, gebeurtenissen=["signaal.nieuw"]
    )
    levering = ping_versturen(abonnement=abonnement)  # committed: queued to the broker
    wacht_tot(
        lambda: Levering.objects.get(pk=levering.pk).status == Levering.Status.GELEVERD,
        bericht="de worker leverde de ping niet",
    )
    assert len(ontvanger.verzoeken) == 1
    assert geldig(abonnement.geheim, ontvanger.verzoeken[0])
    assert json.loads(ontvanger.verzoeken[0]["body"])["type"] == "ping"


def test_a_host_name_that_resolves_to_the_internal_network_is_not_called(
    settings, ontvanger, aanbieder_a, api_sleutel
):
    """A DNS name is checked when sending, not only the literal in the URL."""
    settings.API_CALLBACK_HTTP_TOESTAAN = True  # registration of an http URL in the test
    sleutel, _ = api_sleutel(aanbieder_a)
    poort = ontvanger.url.rsplit(":", 1)[1]
    abonnement = abonnement_registreren(
        sleutel=sleutel, callback_url=f"http://localhost:{poort}", gebeurtenissen=["signaal.nieuw"]
    )
    settings.API_CALLBACK_HTTP_TOESTAAN = False  # production
    levering = ping_versturen(abonnement=abonnement)
    tasks.levering_versturen(levering.pk)
    levering.refresh_from_db()
    assert ontvanger.verzoeken == []
    assert "intern netwerk" in levering.laatste_fout
