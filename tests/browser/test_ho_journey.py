"""The HO chain in real Chromium: a consultant takes a client from melding to short
decision and assignment; the provider uploads a plan with a wrong start date, gets a
precise refusal, fixes it; the consultant accepts; the timeline shows the chain; another
provider sees none of it. Every page passes the axe checks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from bandbreedte.models import Bandbreedte, Normenkader, Resultaatgebied
from contractbeheer.models import Contract, Mandaat
from indicaties.models import Beschikking, Ondersteuningsplan, Toewijzing
from tests.factories import ClientFactory, GemeenteFactory, ProductFactory

from ..indicaties.conftest import PDF
from .conftest import axe_violations, login_in_browser, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _als(browser, live_server, user):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    # A code may be used once; a second login within 30 s needs the device to forget it.
    TOTPDevice.objects.filter(user=user).update(last_t=-1)
    device = TOTPDevice.objects.filter(user=user).first()
    login_in_browser(page, live_server, user.username, device=device)
    return context, page


def test_ho_keten_van_melding_tot_definitieve_beschikking(
    browser, live_server, consulent, medewerker_a, medewerker_b, aanbieder_a, aanbieder_b
):
    ho = ProductFactory()
    dordrecht = GemeenteFactory()
    kader = Normenkader.objects.create(versie="HHM 2025 (demo)", geldig_van=date(2025, 1, 1))
    for code, lo, hi in [("HO-B2", 61, 120), ("HO-B3", 121, 180)]:
        Bandbreedte.objects.create(
            product=ho,
            normenkader=kader,
            code=code,
            min_minuten=lo,
            max_minuten=hi,
            geldig_van=date(2025, 1, 1),
        )
    Resultaatgebied.objects.create(normenkader=kader, code="schoon", naam="Schoon en leefbaar huis")
    for org in (aanbieder_a, aanbieder_b):
        Contract.objects.create(
            aanbieder=org, product=ho, ingangsdatum="2025-01-01", toetredingsdatum="2025-01-01"
        )
    mandaat = Mandaat.objects.create(
        aanbieder=aanbieder_a, medewerker=medewerker_a, geldig_van=date(2025, 1, 1)
    )
    mandaat.producten.add(ho)
    client = ClientFactory(
        gemeente=dordrecht, voornamen="Ans", achternaam="Kok", consulent=consulent
    )
    vandaag = timezone.localdate()

    # 1. The consultant: melding, onderzoek with the normenkader, short decision, assignment.
    context, page = _als(browser, live_server, consulent)
    page.goto(f"{live_server.url}/clienten/{client.uuid}/")
    page.get_by_role("link", name="Nieuwe melding").click()
    page.get_by_role("button", name="Melding registreren").click()
    page.get_by_role("heading", name="Onderzoek").wait_for()
    assert axe_violations(page) == []
    page.get_by_label("Datum gesprek").fill(vandaag.isoformat())
    page.get_by_label("Schoon en leefbaar huis (minuten per week)").fill("130,5")
    page.get_by_role("button", name="Normtijden optellen").click()
    page.get_by_text("131 minuten per week").wait_for()
    page.get_by_role("button", name="Onderzoek afronden").click()
    page.get_by_text("Vul de datum van het onderzoeksverslag in.").first.wait_for()
    assert page.get_by_label("Datum gesprek").input_value() == vandaag.isoformat()
    assert axe_violations(page) == []
    page.get_by_label("Datum onderzoeksverslag").fill(vandaag.isoformat())
    page.get_by_label("Bevindingen").fill("Kan zware schoonmaak niet meer zelf.")
    page.get_by_role("button", name="Onderzoek afronden").click()
    page.get_by_role("heading", name="Kortdurende beschikking en toewijzing").wait_for()
    assert axe_violations(page) == []
    page.get_by_label("Aanbieder", exact=True).select_option(label=aanbieder_a.naam)
    page.get_by_role("button", name="Beschikking afgeven en toewijzen").click()
    page.get_by_text("De kortdurende beschikking is afgegeven").wait_for()
    page.get_by_text("nog geen huishoudelijke ondersteuning").wait_for()
    assert "180" not in page.content()
    assert axe_violations(page) == []
    screenshot(page, "ho-kortdurende-beschikking")
    context.close()
    kort = Beschikking.objects.get()
    toewijzing = Toewijzing.objects.get(beschikking=kort)

    # 2. The provider: the assignment is in its worklist; a wrong start date is refused.
    context, page = _als(browser, live_server, medewerker_a)
    page.get_by_role("link", name="Werklijst").click()
    page.get_by_role("table", name="Nieuwe toewijzingen (1)").get_by_role(
        "link", name="Ans Kok"
    ).click()
    fout = kort.einddatum + timedelta(days=14)
    page.get_by_label("Minuten per week").fill("150")
    page.get_by_label("Ja").check()
    page.get_by_label("Ingangsdatum", exact=True).fill(fout.isoformat())
    page.get_by_label("Einddatum", exact=True).fill((fout + timedelta(days=365)).isoformat())
    page.get_by_label("Ondertekend door (ondermandaat)").select_option(index=1)
    page.get_by_label("Ondersteuningsplan (PDF)").set_input_files(
        {"name": "plan.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Plan indienen").click()
    page.get_by_text("sluit niet aan op de kortdurende beschikking").first.wait_for()
    assert page.get_by_label("Minuten per week").input_value() == "150"
    assert axe_violations(page) == []
    screenshot(page, "ho-plan-geweigerd")
    page.get_by_label("Ingangsdatum", exact=True).fill(
        (kort.einddatum + timedelta(days=1)).isoformat()
    )
    page.get_by_label("Ondersteuningsplan (PDF)").set_input_files(
        {"name": "plan.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Plan indienen").click()
    page.get_by_text("Versie 1 van het ondersteuningsplan is ingediend").wait_for()
    assert axe_violations(page) == []
    context.close()
    plan = Ondersteuningsplan.objects.get()

    # 3. The consultant accepts; the timeline shows the chain.
    context, page = _als(browser, live_server, consulent)
    page.get_by_role("link", name="Werklijst").click()
    page.get_by_role("link", name="Ans Kok").first.click()
    page.get_by_label("Accepteren").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_text("definitieve beschikking").first.wait_for()
    page.get_by_text("bezwaar maken").wait_for()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/clienten/{client.uuid}/tijdlijn/")
    tekst = page.locator("main").inner_text()
    for stap in (
        "Melding HO",
        "Onderzoek afgerond",
        "Kortdurende beschikking HO",
        "Toewijzing HO",
        "Ondersteuningsplan versie 1 ingediend",
        "Definitieve beschikking",
    ):
        assert stap in tekst, stap
    assert axe_violations(page) == []
    screenshot(page, "ho-tijdlijn")
    context.close()
    plan.refresh_from_db()
    assert plan.status == "geaccepteerd"

    # 4. Another provider sees none of it.
    context, page = _als(browser, live_server, medewerker_b)
    page.get_by_role("link", name="Werklijst").click()
    assert "Kok" not in page.content()
    antwoord = page.goto(f"{live_server.url}/toewijzingen/{toewijzing.uuid}/")
    assert antwoord.status == 404
    assert "Kok" not in page.content()
    context.close()
