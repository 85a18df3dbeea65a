"""The inbox (Postvak) in real Chromium: the daily job finds a decision that ends in six
weeks; the provider's employee sees the signal with an unread count, reads it, is refused
an empty closing note, closes it with one and finds it under the closed signals. Another
provider sees none of it. The consultant follows their task to the decision, extends it,
and finds the task closed by the portal; they switch off the daily e-mail. The list fits a
phone. Every page passes axe."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from bandbreedte.models import Bandbreedte, Normenkader
from indicaties.models import Beschikking
from proefdata.demo import indicaties as demo
from signalen.models import Ontvanger, Signaal, SignaalSoort
from signalen.regels import dagelijkse_taken
from tests.factories import ClientFactory, GemeenteFactory, ProductFactory

from .conftest import axe_violations, login_in_browser, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _als(browser, live_server, user, *, breedte=1280, hoogte=900):
    context = browser.new_context(locale="nl-NL", viewport={"width": breedte, "height": hoogte})
    page = context.new_page()
    page.set_default_timeout(15_000)
    # A code may be used once; a second login within 30 s needs the device to forget it.
    TOTPDevice.objects.filter(user=user).update(last_t=-1)
    device = TOTPDevice.objects.filter(user=user).first()
    login_in_browser(page, live_server, user.username, device=device)
    return context, page


def _main(page) -> str:
    return " ".join(page.locator("main").inner_text().split())


def _menu_postvak(page):
    return page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Postvak", exact=False
    )


def _d(datum: date) -> str:
    return datum.strftime("%d-%m-%Y")


def test_postvak_van_verloopsignaal_tot_gesloten_en_verlengd(
    browser,
    live_server,
    monkeypatch,
    consulent,
    medewerker_a,
    medewerker_b,
    aanbieder_a,
    aanbieder_b,
):
    # Data: a decision of last year (written as the demo does), ending 50 days from now;
    # the daily job runs for eight days from now, when the six-week mark (day 8) is due.
    ho = ProductFactory()
    dordrecht = GemeenteFactory()
    kader = Normenkader.objects.create(versie="HHM 2025 (demo)", geldig_van=date(2025, 1, 1))
    band = Bandbreedte.objects.create(
        product=ho,
        normenkader=kader,
        code="HO-B2",
        min_minuten=61,
        max_minuten=120,
        geldig_van=date(2025, 1, 1),
    )
    client = ClientFactory(gemeente=dordrecht, voornamen="Ans", achternaam="Kok")
    vandaag = timezone.localdate()
    einde = vandaag + timedelta(days=50)
    # The demo's first end date is 50 days out; with one client (of the demo's eight) its
    # withdrawal of the last decision does not apply.
    monkeypatch.setattr(demo, "LOPEND_EINDE", [50, *demo.LOPEND_EINDE[1:]])
    assert (
        demo.lopende_beschikkingen(
            clienten=[client],
            product=ho,
            band=band,
            aanbieder=aanbieder_a,
            consulent=consulent,
            medewerker=medewerker_a,
        )
        == 1
    )
    beschikking = Beschikking.objects.get(client=client)
    assert beschikking.einddatum == einde
    assert beschikking.ingangsdatum <= vandaag - timedelta(days=300)
    client.refresh_from_db()
    assert client.consulent == consulent
    dagelijkse_taken(vandaag + timedelta(days=8))
    verloop = Signaal.objects.filter(soort=SignaalSoort.VERLOOP)
    assert verloop.count() == 2
    signaal_a = verloop.get(ontvanger=Ontvanger.AANBIEDER)
    titel_a = f"Beschikking HO van Ans Kok eindigt op {_d(einde)}"
    assert signaal_a.titel == titel_a

    # 1. Provider A: the menu counts one unread signal; the list shows it as new.
    context, page = _als(browser, live_server, medewerker_a)
    menu = _menu_postvak(page)
    assert " ".join(menu.inner_text().split()) == "Postvak 1 ongelezen"  # read aloud
    assert menu.locator(".portal-count").text_content().startswith("1")
    menu.click()
    page.get_by_role("heading", name="Postvak", exact=True).wait_for()
    tabel = page.get_by_role("table", name="1 signaal")
    rij = tabel.get_by_role("row").filter(has_text="Ans Kok")
    assert rij.count() == 1
    tekst = " ".join(rij.inner_text().split())
    assert titel_a in tekst and "nieuw" in tekst, tekst
    assert "Beschikking loopt over zes weken af" in tekst and "open" in tekst, tekst
    assert axe_violations(page) == []
    screenshot(page, "postvak-aanbieder-nieuw")

    # Opening it: the text, a link to the decision; the count is gone.
    rij.get_by_role("link", name=titel_a).click()
    page.get_by_role("heading", name=titel_a).wait_for()
    assert "De cliënt krijgt een brief met het verzoek contact op te nemen" in _main(page)
    assert f"Voor {aanbieder_a.naam}" in page.locator("dl").inner_text().replace("\n", " ")
    link = page.get_by_role("link", name="Ga naar de beschikking")
    assert link.get_attribute("href") == f"/beschikkingen/{beschikking.uuid}/"
    assert _menu_postvak(page).locator(".portal-count").count() == 0
    assert " ".join(_menu_postvak(page).inner_text().split()) == "Postvak"
    assert axe_violations(page) == []
    link.click()
    page.get_by_role("heading", name="Definitieve beschikking (ondersteuningsplan) HO").wait_for()
    assert f"Einddatum {_d(einde)}" in _main(page)
    page.go_back()
    page.get_by_role("heading", name=titel_a).wait_for()

    # An empty note is refused, in Dutch, naming the field; nothing changes.
    page.get_by_role("button", name="Signaal sluiten").click()
    fout = "Schrijf kort wat u gedaan heeft; dat ziet een collega later terug."
    page.get_by_role("alert").get_by_role("link", name=f"Wat heeft u gedaan?: {fout}").wait_for()
    assert fout in page.locator("#id_notitie_error").inner_text()
    assert page.get_by_label("Wat heeft u gedaan?").input_value() == ""
    assert "Het signaal is gesloten." not in _main(page)
    signaal_a.refresh_from_db()
    assert signaal_a.status == Signaal.Status.OPEN
    assert axe_violations(page) == []
    screenshot(page, "postvak-sluiten-zonder-notitie")

    # With a note it closes; the open list is empty, the closed list has it, dated.
    page.get_by_label("Wat heeft u gedaan?").fill("Gebeld met de consulent: niets veranderd.")
    page.get_by_role("button", name="Signaal sluiten").click()
    page.get_by_text("Het signaal is gesloten.").wait_for()
    page.get_by_role("heading", name="Postvak", exact=True).wait_for()
    assert "Geen signalen die openstaan." in _main(page)
    assert axe_violations(page) == []
    page.get_by_label("Toon", exact=True).select_option(label="Gesloten")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**/postvak/?toon=gesloten*")
    rij = page.get_by_role("table", name="1 signaal").get_by_role("row").filter(has_text="Kok")
    tekst = " ".join(rij.inner_text().split())
    assert titel_a in tekst and f"gesloten {_d(vandaag)}" in tekst, tekst
    assert "nieuw" not in tekst
    assert axe_violations(page) == []
    rij.get_by_role("link", name=titel_a).click()
    page.get_by_role("heading", name="Notitie bij sluiten").wait_for()
    assert "Gebeld met de consulent: niets veranderd." in _main(page)
    assert f"gesloten op {_d(vandaag)}" in _main(page)
    assert medewerker_a.get_full_name() in _main(page)
    assert page.get_by_role("button", name="Signaal sluiten").count() == 0
    assert axe_violations(page) == []
    context.close()
    signaal_a.refresh_from_db()
    assert (signaal_a.status, signaal_a.gesloten_door) == (Signaal.Status.GESLOTEN, medewerker_a)

    # 2. Provider B: nothing in its inbox, and A's signal is not found.
    context, page = _als(browser, live_server, medewerker_b)
    assert " ".join(_menu_postvak(page).inner_text().split()) == "Postvak"
    _menu_postvak(page).click()
    page.get_by_role("heading", name="Postvak", exact=True).wait_for()
    assert "Geen signalen" in _main(page)
    assert page.get_by_role("table").count() == 0
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/postvak/?toon=alle")
    assert "Geen signalen." in _main(page)
    antwoord = page.goto(f"{live_server.url}/postvak/{signaal_a.uuid}/")
    assert antwoord.status == 404
    page.get_by_role("heading", name="Niet gevonden").wait_for()
    assert "Kok" not in page.content()
    assert axe_violations(page) == []
    context.close()

    # 3. The consultant: their task, to the decision, extended; the task closes itself.
    nieuw_einde = einde + timedelta(days=365)
    context, page = _als(browser, live_server, consulent)
    menu = _menu_postvak(page)
    assert " ".join(menu.inner_text().split()) == "Postvak 1 ongelezen"
    menu.click()
    page.get_by_role("heading", name="Postvak", exact=True).wait_for()
    taak = f"Verlengen of herindiceren: Ans Kok, beschikking HO eindigt op {_d(einde)}"
    rij = page.get_by_role("table", name="1 signaal").get_by_role("row").filter(has_text=taak)
    assert "nieuw" in rij.inner_text()
    assert axe_violations(page) == []
    rij.get_by_role("link", name=taak).click()
    page.get_by_role("heading", name=taak).wait_for()
    assert f"Voor {consulent.get_full_name()}" in page.locator("dl").inner_text().replace("\n", " ")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Ga naar de beschikking").click()
    page.get_by_role("heading", name="Definitieve beschikking (ondersteuningsplan) HO").wait_for()
    page.get_by_role("heading", name="Verlengen zonder wijzigingen").wait_for()
    assert f"Einddatum {_d(einde)}" in _main(page)
    page.get_by_label("Nieuwe einddatum").fill(nieuw_einde.isoformat())
    page.get_by_label("Toelichting: er is niets veranderd").fill(
        "Telefonisch besproken met mevrouw Kok: niets veranderd."
    )
    page.get_by_role("button", name="Verlengen", exact=True).click()
    page.get_by_text("De beschikking en de toewijzing zijn verlengd.").wait_for()
    assert f"Einddatum {_d(nieuw_einde)}" in _main(page)
    assert axe_violations(page) == []

    _menu_postvak(page).click()
    page.get_by_role("heading", name="Postvak", exact=True).wait_for()
    assert "Geen signalen die openstaan." in _main(page)
    page.get_by_label("Toon", exact=True).select_option(label="Alle")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**/postvak/?toon=alle*")
    rij = page.get_by_role("table", name="1 signaal").get_by_role("row").filter(has_text=taak)
    assert f"gesloten {_d(vandaag)}" in rij.inner_text()
    assert axe_violations(page) == []
    screenshot(page, "postvak-consulent-afgehandeld")
    rij.get_by_role("link", name=taak).click()
    page.get_by_role("heading", name="Notitie bij sluiten").wait_for()
    assert f"Verlengd tot en met {_d(nieuw_einde)}." in _main(page)
    assert f"gesloten op {_d(vandaag)}" in _main(page)
    assert axe_violations(page) == []

    # The daily e-mail can be switched off.
    _menu_postvak(page).click()
    page.get_by_role("link", name="Instellingen dagelijks overzicht").click()
    page.get_by_role("heading", name="Instellingen postvak").wait_for()
    vinkje = page.get_by_label("Dagelijks overzicht per e-mail")
    assert vinkje.is_checked()
    assert axe_violations(page) == []
    vinkje.uncheck()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Uw voorkeur is opgeslagen.").wait_for()
    assert not page.get_by_label("Dagelijks overzicht per e-mail").is_checked()
    assert axe_violations(page) == []
    context.close()
    consulent.refresh_from_db()
    assert consulent.dagoverzicht_mail is False

    # 4. On a phone, provider A's list (the closed signal and the extension) fits.
    context, page = _als(browser, live_server, medewerker_a, breedte=375, hoogte=740)
    page.goto(f"{live_server.url}/postvak/?toon=alle")
    tabel = page.get_by_role("table", name="2 signalen")
    verlengd = f"Beschikking van Ans Kok verlengd tot en met {_d(nieuw_einde)}"
    assert "nieuw" in tabel.get_by_role("row").filter(has_text=verlengd).inner_text()
    assert tabel.get_by_role("row").filter(has_text=titel_a).count() == 1
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    screenshot(page, "postvak-telefoon")
    assert overflow <= 0
    assert axe_violations(page) == []
    context.close()
