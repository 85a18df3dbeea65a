"""The action list of the consultation tables in real Chromium. The contract manager opens
the tables from the menu, follows the link to the action items of all tables, filters on one
table and "open", finds the open item of that table (not the done one, not the other
table's), and opens it. A table that is not in the list is refused in Dutch with the input
kept. Every page passes axe (WCAG 2.1 A/AA)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from fot import services
from fot.models import Tafel, Tafellid

from .conftest import axe_violations, login_in_browser, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _main(page) -> str:
    return " ".join(page.locator("main").inner_text().split())


def test_contractmanager_volgt_actiepunten_over_vergaderingen(
    browser, live_server, contractmanager, aanbieder_a, aanbieder_b, medewerker_a
):
    vandaag = timezone.localdate()
    ho = Tafel.objects.create(naam="HO")
    begeleiding = Tafel.objects.create(naam="Begeleiding")
    Tafellid.objects.create(tafel=ho, organisatie=aanbieder_a, lid_vanaf=vandaag - timedelta(90))
    Tafellid.objects.create(
        tafel=begeleiding, organisatie=aanbieder_b, lid_vanaf=vandaag - timedelta(90)
    )
    v_ho = services.vergadering_plannen(
        actor=contractmanager, tafel=ho, datum=vandaag - timedelta(days=21), locatie="Stadskantoor"
    )
    v_beg = services.vergadering_plannen(
        actor=contractmanager,
        tafel=begeleiding,
        datum=vandaag - timedelta(days=14),
        locatie="Stadskantoor",
    )
    termijn = vandaag + timedelta(days=7)
    open_ho = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=v_ho,
        tekst="Wachtlijstcijfers per gemeente aanleveren.",
        eigenaar_organisatie=aanbieder_a,
        termijn=termijn,
    )
    services.actie_bijwerken(
        actor=medewerker_a,
        actiepunt=open_ho,
        tekst="Dordrecht is binnen, Zwijndrecht volgt.",
        status="open",
    )
    klaar = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=v_ho,
        tekst="Presentatie normenkader delen.",
        eigenaar_alle_aanbieders=True,
        volgende_vergadering=True,
    )
    services.actie_bijwerken(
        actor=contractmanager, actiepunt=klaar, tekst="Gedeeld.", status="afgerond"
    )
    services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=v_beg,
        tekst="Wachttijden begeleiding in kaart brengen.",
        eigenaar_organisatie=aanbieder_b,
        termijn=vandaag - timedelta(days=1),
    )

    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    login_in_browser(
        page,
        live_server,
        contractmanager.username,
        device=TOTPDevice.objects.get(user=contractmanager),
    )

    # The tables from the menu, then the action items of all tables.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Overlegtafels"
    ).click()
    page.get_by_role("heading", name="Overlegtafels (FOT)").wait_for()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Actiepunten van alle tafels").click()
    page.get_by_role("heading", name="Actiepunten van de overlegtafels", level=1).wait_for()
    page.get_by_role("heading", name="2 actiepunten").wait_for()  # open by default
    assert page.get_by_label("Status").locator("option:checked").inner_text() == "open"
    tabel = page.get_by_role("table", name="2 actiepunten")
    assert tabel.get_by_role("row").count() == 3  # header and two open items
    rij = " ".join(tabel.get_by_role("row").nth(1).inner_text().split())
    assert "Wachttijden begeleiding" in rij and "verlopen" in rij, rij  # overdue comes first
    assert "Presentatie normenkader" not in _main(page)
    assert axe_violations(page) == []
    screenshot(page, "fot-actiepunten-lijst")

    # Filter on one table and open.
    page.get_by_label("Tafel").select_option(label="FOT HO")
    page.get_by_label("Status").select_option(label="open")
    page.get_by_role("button", name="Filteren").click()
    page.get_by_role("heading", name="1 actiepunt", exact=True).wait_for()
    assert page.get_by_label("Tafel").locator("option:checked").inner_text() == "FOT HO"
    tabel = page.get_by_role("table", name="1 actiepunt")
    rij = " ".join(tabel.get_by_role("row").nth(1).inner_text().split())
    assert "FOT HO" in rij and aanbieder_a.naam in rij, rij
    assert termijn.strftime("%d-%m-%Y") in rij and "open" in rij, rij
    assert f"{vandaag:%d-%m-%Y}: Dordrecht is binnen, Zwijndrecht volgt." in rij, rij
    assert "Wachttijden begeleiding" not in _main(page)
    assert axe_violations(page) == []

    # A table that is not in the list: refused in Dutch, the other choices kept.
    page.goto(f"{live_server.url}/fot/actiepunten/?tafel=onbekend&status=afgerond&verlopen=on")
    page.get_by_role("alert").get_by_role(
        "link", name="Tafel: Kies een tafel uit de lijst."
    ).wait_for()
    assert page.get_by_label("Status").locator("option:checked").inner_text() == "afgerond"
    assert page.get_by_label("Alleen verlopen").is_checked()
    assert page.get_by_role("table").count() == 0
    assert axe_violations(page) == []
    page.go_back()

    # Open the item.
    page.get_by_role("heading", name="1 actiepunt", exact=True).wait_for()
    page.get_by_role("link", name="Wachtlijstcijfers per gemeente aanleveren.").click()
    page.get_by_role("heading", name=f"Actiepunt {open_ho.nummer} van {v_ho}").wait_for()
    assert page.url.endswith(f"/fot/actiepunten/{open_ho.uuid}/")
    assert "Dordrecht is binnen, Zwijndrecht volgt." in _main(page)
    assert axe_violations(page) == []
    context.close()
