"""The chain's pages in real Chromium: the consultant follows the home panel to the problem
list, opens a rejected 301 and reads its retour codes in Dutch; the provider opens its
"Berichten" page from the menu and sees only its own messages. Every page passes axe."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from indicaties.models import RedenWijziging
from tests.factories import ClientFactory, ToewijzingFactory
from tests.keten.schermdata import bericht, over_termijn, retour_met_fouten, versie

from .conftest import axe_violations, login_in_browser, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _main(page) -> str:
    return " ".join(page.locator("main").inner_text().split())


def test_probleemlijst_bericht_en_berichten_van_de_aanbieder(
    page, live_server, consulent, medewerker_a, aanbieder_a, aanbieder_b
):
    ta = ToewijzingFactory(aanbieder=aanbieder_a, client=ClientFactory(achternaam="Appel"))
    tb = ToewijzingFactory(aanbieder=aanbieder_b, client=ClientFactory(achternaam="Bes"))
    heen = bericht(aanbieder=aanbieder_a, client=ta.client)
    versie(ta, heen, nummer=5, reden=RedenWijziging.VERKORTING, volume=90)
    retour_met_fouten(heen, toewijzing=ta, nummer=5)
    te_laat = bericht(aanbieder=aanbieder_b, client=tb.client, termijn=over_termijn())

    login_in_browser(page, live_server, "consulent", TOTPDevice.objects.get(user=consulent))
    page.get_by_role("link", name="1 berichten afgekeurd of met fouten").click()
    page.get_by_role("heading", name="Ketenproblemen").wait_for()
    assert heen.identificatie in _main(page)
    assert te_laat.identificatie not in _main(page)  # only the rejected ones
    assert axe_violations(page) == []
    page.get_by_role("link", name="Alle problemen").click()
    assert te_laat.identificatie in _main(page) and "(te laat)" in _main(page)
    assert axe_violations(page) == []

    page.get_by_role("link", name=f"WMO301 toewijzing {heen.identificatie}").click()
    page.get_by_role("heading", name="Retourcodes").wait_for()
    tekst = _main(page)
    assert "Retour ontvangen met fouten" in tekst
    assert "9056: Identificatie moet uniek zijn." in tekst
    assert "Product, toewijzing 5" in tekst
    assert "Herbeoordeling: verkorting toewijzing" in tekst
    assert axe_violations(page) == []
    screenshot(page, "keten-bericht-retourcodes")

    page.context.clear_cookies()
    login_in_browser(page, live_server, "mw.a")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Berichten").click()
    page.get_by_role("heading", name="Berichten van Vlijtig Liesje").wait_for()
    tekst = _main(page)
    assert heen.identificatie in tekst and "Appel" in tekst
    assert te_laat.identificatie not in tekst and "Bes" not in tekst
    assert axe_violations(page) == []
    page.get_by_label("Status").select_option("retour_fouten")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_role("link", name=f"WMO301 toewijzing {heen.identificatie}").wait_for()
    assert axe_violations(page) == []
    screenshot(page, "keten-berichten-aanbieder")
