"""Bulk lists and the laundry report in real Chromium, with axe checks: a provider uploads a
list with one bad row, sees the row report, imports only the valid rows; a consultant runs
the laundry-service report."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from indicaties.models import Melding
from tests.factories import ProductFactory, ToewijzingFactory

from .conftest import axe_violations, login_in_browser, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lijst_met_een_foute_regel_en_alleen_geldige_importeren(
    browser, live_server, medewerker_a, aanbieder_a, consulent
):
    ho = ProductFactory()
    goed = [ToewijzingFactory(aanbieder=aanbieder_a, product=ho).client for _ in range(2)]
    csv = "bsn;minuten per week;was/strijk\n"
    csv += "".join(f"{c.bsn};120;ja\n" for c in goed)
    csv += "123456789;90;nee\n"  # fails the elfproef

    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    login_in_browser(page, live_server, "mw.a")
    page.get_by_role("link", name="Lijsten").click()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/lijsten/nieuw/")
    page.get_by_label("Niet-omgezette toewijzingen").check()
    page.get_by_label("Lijst (CSV of Excel)").set_input_files(
        {"name": "lijst.csv", "mimeType": "text/csv", "buffer": csv.encode()}
    )
    page.get_by_role("button", name="Lijst controleren").click()
    page.get_by_role("heading", name="Verslag van de lijst lijst.csv").wait_for()
    assert "123456789" in page.content()
    assert axe_violations(page) == []
    screenshot(page, "bulklijst-verslag")
    page.get_by_role("button", name="Alleen de 2 geldige regels importeren").click()
    page.get_by_text("Vink aan dat u alleen de geldige regels").first.wait_for()
    assert Melding.objects.count() == 0
    page.get_by_label("Ik importeer alleen de 2 goede regel(s)").check()
    page.get_by_role("button", name="Alleen de 2 geldige regels importeren").click()
    page.get_by_text("geïmporteerd").first.wait_for()
    assert axe_violations(page) == []
    context.close()
    assert Melding.objects.filter(bron="omzetting").count() == 2

    # The laundry report for a consultant.
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    login_in_browser(
        page, live_server, consulent.username, device=TOTPDevice.objects.get(user=consulent)
    )
    page.get_by_role("link", name="Wasservice").click()
    page.get_by_role("heading", name="Kandidaten voor de wasservice").wait_for()
    assert axe_violations(page) == []
    context.close()
