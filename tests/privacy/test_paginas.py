"""The privacy pages from both sides: functioneel beheerders review, approve and export;
consulenten, contract managers and providers get 403 and see nothing (issue 17, 13-14)."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from sdd_portal.audit.models import AccessLogEntry, Actie, Uitkomst
from sdd_portal.privacy import services
from sdd_portal.privacy.models import Vernietigingslijst

from .conftest import ver_na_einde

S = Vernietigingslijst.Status


def spaties_en_punten(bsn: str) -> str:
    return f" {bsn[:3]}.{bsn[3:6]} {bsn[6:]} "


@pytest.fixture
def lijst(volledig_dossier):
    return services.lijst_voorstellen(peildatum=ver_na_einde())


@pytest.mark.parametrize("wie", ["consulent", "contractmanager", "medewerker_a"])
def test_anderen_dan_de_functioneel_beheerder_krijgen_403_en_zien_niets(
    wie, request, login, lijst, volledig_dossier
):
    c = login(request.getfixturevalue(wie))
    voor = AccessLogEntry.objects.filter(actie=Actie.EXPORTEREN).count()
    for url in (
        "/beheer/vernietiging/",
        f"/beheer/vernietiging/{lijst.uuid}/",
        "/beheer/inzageverzoek/",
    ):
        antwoord = c.get(url)
        assert antwoord.status_code == 403, url
        assert volledig_dossier.achternaam not in antwoord.content.decode()
    antwoord = c.post(
        "/beheer/inzageverzoek/",
        {"bsn": volledig_dossier.bsn, "kenmerk": "X-1", "formaat": "json"},
    )
    assert antwoord.status_code == 403
    assert volledig_dossier.achternaam.encode() not in antwoord.content
    antwoord = c.post(f"/beheer/vernietiging/{lijst.uuid}/", {"actie": "voordragen"})
    assert antwoord.status_code == 403
    lijst.refresh_from_db()
    assert lijst.status == S.CONCEPT
    assert AccessLogEntry.objects.filter(actie=Actie.EXPORTEREN).count() == voor
    assert "Vernietiging en inzage" not in c.get("/").content.decode()


def test_beoordelen_en_goedkeuren_met_vier_ogen_in_het_scherm(
    client,
    login,
    lijst,
    volledig_dossier,
    beheerder,
    beheerder_2,
    django_capture_on_commit_callbacks,
):
    c = login(beheerder)
    assert "Vernietiging en inzage" in c.get("/").content.decode()
    pagina = c.get(f"/beheer/vernietiging/{lijst.uuid}/").content.decode()
    assert volledig_dossier.naam in pagina
    # Showing the list is a read of those clients.
    assert (
        AccessLogEntry.objects.for_client(volledig_dossier.pk)
        .filter(omschrijving__startswith="Vernietigingslijst")
        .exists()
    )
    item = lijst.items.get()
    # An exclusion needs a reason; an empty one is refused with a Dutch message.
    antwoord = c.post(
        f"/beheer/vernietiging/{lijst.uuid}/",
        {"actie": "uitsluiten", "item": item.pk, "reden": " "},
        follow=True,
    )
    assert "Geef een reden" in antwoord.content.decode()
    item.refresh_from_db()
    assert not item.uitgesloten
    # Odd input is no 500.
    for data in ({"actie": "?"}, {}):
        assert c.post(f"/beheer/vernietiging/{lijst.uuid}/", data).status_code in (302, 404)
    # A NUL character is refused before the view, naming the field (sdd_portal/invoer.py).
    nul = c.post(f"/beheer/vernietiging/{lijst.uuid}/", {"actie": "uitsluiten", "item": "a\x00"})
    assert nul.status_code == 400 and "Het veld &#x27;item&#x27;" in nul.content.decode()

    c.post(f"/beheer/vernietiging/{lijst.uuid}/", {"actie": "voordragen"})
    antwoord = c.post(f"/beheer/vernietiging/{lijst.uuid}/", {"actie": "goedkeuren"}, follow=True)
    assert "tweede functioneel beheerder" in antwoord.content.decode()
    lijst.refresh_from_db()
    assert lijst.status == S.VOORGEDRAGEN

    c = login(beheerder_2)
    with django_capture_on_commit_callbacks() as callbacks:
        c.post(f"/beheer/vernietiging/{lijst.uuid}/", {"actie": "goedkeuren"})
    lijst.refresh_from_db()
    assert lijst.status == S.GOEDGEKEURD and lijst.beoordeeld_door == beheerder_2
    assert len(callbacks) == 1  # the destruction task is queued after commit
    redenen = list(
        lijst.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert redenen[-2:] == ["Voorgedragen ter goedkeuring", "Goedgekeurd: wordt vernietigd"]


def test_inzage_json_bevat_alle_gegevens_historie_en_wie_keek_en_is_zelf_gelogd(
    login, volledig_dossier, beheerder, consulent
):
    client = volledig_dossier
    login(consulent).get(f"/clienten/{client.uuid}/")
    c = login(beheerder)
    antwoord = c.post(
        "/beheer/inzageverzoek/",
        {"bsn": spaties_en_punten(client.bsn), "kenmerk": "AVG-2026-17", "formaat": "json"},
    )
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/json"
    assert antwoord["Cache-Control"] == "no-store"
    gegevens = json.loads(antwoord.content)
    soorten = {s["soort"]: s for s in gegevens["soorten"]}
    assert soorten["cliënten"]["gegevens"][0]["BSN"] == client.bsn
    assert len(soorten["beschikkingen"]["gegevens"]) == 2
    assert soorten["ondersteuningsplannen"]["gegevens"]
    assert soorten["signalen van aanbieders"]["gegevens"][0]["onderwerp"] == "Sleutel kwijt"
    assert soorten["beschikkingen"]["historie"][0]["reden"]
    assert any(e["gebruiker"] == "consulent" for e in gegevens["toegangslog"])
    log = AccessLogEntry.objects.for_client(client.pk).get(actie=Actie.EXPORTEREN)
    assert log.username == "fb" and "AVG-2026-17" in log.omschrijving
    assert log.uitkomst == Uitkomst.TOEGESTAAN


def test_inzage_als_pdf(login, volledig_dossier, beheerder):
    antwoord = login(beheerder).post(
        "/beheer/inzageverzoek/",
        {"bsn": volledig_dossier.bsn, "kenmerk": "AVG-1", "formaat": "pdf"},
    )
    assert antwoord["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(antwoord.content))
    tekst = " ".join(p.extract_text() for p in pdf.pages)
    assert volledig_dossier.achternaam in tekst
    assert "Wie heeft uw gegevens bekeken" in tekst
    assert "Sleutel kwijt" in tekst
    assert (
        AccessLogEntry.objects.for_client(volledig_dossier.pk)
        .filter(actie=Actie.EXPORTEREN)
        .exists()
    )


@pytest.mark.parametrize(
    ("bsn", "melding"),
    [
        ("12345", "precies 9 cijfers"),
        ("123456789", "elfproef"),
        ("111222333", "geen cliënt met dit BSN"),
        ("9" * 5000, "BSN"),
    ],
)
def test_inzage_met_fout_bsn_geeft_een_nederlandse_melding(login, beheerder, bsn, melding):
    antwoord = login(beheerder).post(
        "/beheer/inzageverzoek/", {"bsn": bsn, "kenmerk": "K", "formaat": "pdf"}
    )
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    assert not AccessLogEntry.objects.filter(actie=Actie.EXPORTEREN).exists()


def test_inzage_met_nul_in_het_bsn_wordt_geweigerd_zonder_export(login, beheerder):
    antwoord = login(beheerder).post(
        "/beheer/inzageverzoek/", {"bsn": "\x00" * 3, "kenmerk": "K", "formaat": "pdf"}
    )
    assert antwoord.status_code == 400
    assert "Het veld &#x27;bsn&#x27; bevat een ongeldig teken" in antwoord.content.decode()
    assert not AccessLogEntry.objects.filter(actie=Actie.EXPORTEREN).exists()


def test_lijstpagina_telt_geen_query_per_client(
    login, beheerder, aanbieder_a, django_assert_num_queries
):
    from datetime import date

    from tests.factories import ToewijzingFactory

    def lijst_met(aantal: int, dag: int):
        for _ in range(aantal):
            ToewijzingFactory(
                aanbieder=aanbieder_a, ingangsdatum=date(2024, 1, 1), einddatum=date(2024, 6, 30)
            )
        peildatum = ver_na_einde().replace(day=dag)
        return services.lijst_voorstellen(peildatum=peildatum)

    c = login(beheerder)
    klein = lijst_met(2, 1)
    c.get(f"/beheer/vernietiging/{klein.uuid}/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as vooraf:
        c.get(f"/beheer/vernietiging/{klein.uuid}/")
    groot = lijst_met(30, 2)
    assert groot.items.count() == 30
    with django_assert_num_queries(len(vooraf.captured_queries)):
        c.get(f"/beheer/vernietiging/{groot.uuid}/")


def test_de_bewaartermijn_staat_in_beheer_voor_de_functioneel_beheerder_alleen(
    login, beheerder, contractmanager
):
    c = login(beheerder)
    antwoord = c.get("/admin/privacy/bewaarinstellingen/add/")
    assert antwoord.status_code == 200
    assert "Illustratieve demowaarde" in antwoord.content.decode()
    c.post(
        "/admin/privacy/bewaarinstellingen/add/",
        {"bewaartermijn_jaren": "20"},
    )
    from sdd_portal.privacy.models import Bewaarinstellingen

    assert Bewaarinstellingen.huidig().bewaartermijn_jaren == 20
    assert Bewaarinstellingen.history.get().history_user == beheerder
    assert login(contractmanager).get("/admin/privacy/bewaarinstellingen/").status_code == 403


def test_de_maandelijkse_taak_staat_in_de_planning_en_stelt_de_lijst_van_vandaag_voor(db):
    from django.utils import timezone
    from django_celery_beat.models import PeriodicTask

    from sdd_portal.privacy import tasks
    from tests.factories import ClientFactory

    taak = PeriodicTask.objects.get(task="sdd_portal.privacy.vernietigingslijst_voorstellen")
    assert taak.enabled and taak.crontab.day_of_month == "1"
    assert tasks.vernietigingslijst_voorstellen.run() is None  # nothing due yet
    ClientFactory()
    assert tasks.vernietigingslijst_voorstellen.run() is None  # changed today: not due
    assert not Vernietigingslijst.objects.filter(peildatum=timezone.localdate()).exists()
