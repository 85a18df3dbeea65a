"""Journeys in real Chromium: log in with the second factor, search, open, fail safely."""

from __future__ import annotations

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from sdd_portal.audit.models import AccessLogEntry, Uitkomst
from tests.factories import PASSWORD, ClientFactory, ToewijzingFactory

from .conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, live_server, username, device=None):
    page.goto(f"{live_server.url}/account/login/")
    assert axe_violations(page) == []
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    if device is not None:
        page.get_by_text("zescijferige code").wait_for()
        assert axe_violations(page) == []
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        page.get_by_label("Token").fill(f"{code:06d}")
        page.get_by_role("button", name="Volgende").click()
    page.get_by_role("heading", name="Welkom").wait_for()


def test_consulent_logs_in_with_totp_searches_and_opens_a_client(page, live_server, consulent):
    target = ClientFactory(achternaam="Rijsdijk", voornamen="Adrianus")
    ClientFactory(achternaam="Bakker")
    device = TOTPDevice.objects.get(user=consulent)

    _login(page, live_server, "consulent", device)
    assert axe_violations(page) == []

    page.get_by_role("link", name="Cliënten", exact=True).click()
    page.get_by_label("Naam").fill("rijsdijk")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.get_by_role("heading", name="1 cliënt gevonden").wait_for()
    assert axe_violations(page) == []
    screenshot(page, "consulent-zoeken")

    page.get_by_role("link", name="Adrianus Rijsdijk").click()
    page.get_by_role("heading", name="Adrianus Rijsdijk").wait_for()
    assert target.bsn in page.content()
    assert axe_violations(page) == []
    screenshot(page, "consulent-client")
    assert AccessLogEntry.objects.filter(
        user=consulent, client_ids=[target.pk], uitkomst=Uitkomst.TOEGESTAAN
    ).exists()


def test_skip_link_and_keyboard_reach_the_content(page, live_server, medewerker_a):
    _login(page, live_server, "mw.a")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Direct naar de inhoud" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"


def test_bad_client_form_shows_dutch_errors_and_keeps_input(page, live_server, consulent):
    from tests.factories import GemeenteFactory

    GemeenteFactory()
    _login(page, live_server, "consulent", TOTPDevice.objects.get(user=consulent))
    page.goto(f"{live_server.url}/clienten/nieuw/")
    page.get_by_label("BSN").fill("123456789")
    page.get_by_label("Voornamen").fill("Geertruida")
    page.get_by_role("button", name="Registreren").click()
    page.get_by_text("voldoet niet aan de elfproef").first.wait_for()
    assert page.get_by_label("Voornamen").input_value() == "Geertruida"
    assert page.get_by_label("BSN").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
    screenshot(page, "consulent-fouten")


def test_provider_cannot_open_another_providers_client_in_the_browser(
    page, live_server, medewerker_b, aanbieder_a
):
    vreemd = ToewijzingFactory(aanbieder=aanbieder_a).client
    _login(page, live_server, "mw.b")
    response = page.goto(f"{live_server.url}/clienten/{vreemd.uuid}/")
    assert response.status == 404
    assert vreemd.achternaam not in page.content()
    assert axe_violations(page) == []
    assert AccessLogEntry.objects.filter(user=medewerker_b, uitkomst=Uitkomst.GEWEIGERD).exists()


def test_phone_width_has_no_horizontal_scroll(browser, live_server, medewerker_a, aanbieder_a):
    ToewijzingFactory(aanbieder=aanbieder_a)
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="nl-NL")
    page = context.new_page()
    _login(page, live_server, "mw.a")
    page.goto(f"{live_server.url}/clienten/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    screenshot(page, "aanbieder-telefoon")
    context.close()
    assert overflow <= 0
