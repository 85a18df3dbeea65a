"""Consultation tables (FOT) in real Chromium. The contract manager plans the next HO
meeting (a missing location is refused in Dutch, the typed values stay), finds the open
action items of the previous meeting on its agenda, writes minutes, records three action
items (one refused without an owner), approves the previous minutes with a change, which
then lie locked with the change as an annotation, and publishes them. The member's
employee finds their action item on the home page and records progress; another provider
sees no meetings. Without login the public page lists the minutes with organisations, not
people. Every page passes axe; the meeting page fits a phone."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.utils import dateformat, timezone, translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from fot import services
from fot.models import (
    Actiepunt,
    ActieStatus,
    Annotatie,
    Deelname,
    Tafel,
    Tafellid,
    Vergadering,
    VergaderingStatus,
)

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


def _menu(page, naam: str):
    return page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name=naam)


def _d(datum) -> str:
    return datum.strftime("%d-%m-%Y")


def _lang(datum) -> str:
    """As the pages write a date: 7 maart 2026."""
    with translation.override("nl"):
        return dateformat.format(datum, "j F Y")


def _rij(tabel, tekst: str) -> str:
    return " ".join(tabel.get_by_role("row").filter(has_text=tekst).inner_text().split())


def test_fot_van_planning_tot_openbaar_verslag(
    browser,
    live_server,
    sdd,
    contractmanager,
    medewerker_a,
    medewerker_b,
    aanbieder_a,
    aanbieder_b,
):
    # Data: table HO with provider A as member (its employee represents it); the previous
    # meeting, written through the services, waits for approval with two open items.
    vandaag = timezone.localdate()
    tafel = Tafel.objects.create(naam="HO", omschrijving="Overlegtafel huishoudelijke hulp.")
    Tafellid.objects.create(
        tafel=tafel,
        organisatie=aanbieder_a,
        vertegenwoordiger=medewerker_a,
        lid_vanaf=vandaag - timedelta(days=90),
    )
    vorige_datum = vandaag - timedelta(days=28)
    vorige = services.vergadering_plannen(
        actor=contractmanager,
        tafel=tafel,
        datum=vorige_datum,
        begintijd=time(14),
        eindtijd=time(16),
        locatie="Stadskantoor Dordrecht",
        voorzitter="Petra de Vries",
        notulist="Sanne Bakker",
    )
    Deelname.objects.create(
        vergadering=vorige,
        organisatie=sdd,
        organisatie_naam=sdd.naam,
        naam="Petra de Vries",
        rol="voorzitter",
    )
    Deelname.objects.create(
        vergadering=vorige,
        organisatie=aanbieder_a,
        organisatie_naam=aanbieder_a.naam,
        naam="Karin Jansen",
        rol="vertegenwoordiger",
    )
    thema = services.agendapunt_toevoegen(
        actor=contractmanager, vergadering=vorige, titel="Wachtlijsten HO"
    )
    services.notulen_opslaan(
        actor=contractmanager,
        agendapunt=thema,
        notulen="Karin Jansen licht toe dat de wachtlijst in Zwijndrecht oploopt.",
    )
    actie_a = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=vorige,
        agendapunt=thema,
        tekst="Wachtlijstcijfers per gemeente aanleveren.",
        eigenaar_organisatie=aanbieder_a,
        termijn=vandaag + timedelta(days=7),
    )
    services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=vorige,
        tekst="Nieuwe werkinstructie schoonmaak rondsturen.",
        eigenaar_organisatie=sdd,
        volgende_vergadering=True,
    )
    services.ter_vaststelling(actor=contractmanager, vergadering=vorige)
    vorige.refresh_from_db()
    assert vorige.status == VergaderingStatus.TER_VASTSTELLING

    nieuwe_datum = vandaag + timedelta(days=7)
    titel_nieuw = f"FOT HO, {_lang(nieuwe_datum)}"

    # 1. The contract manager plans the next meeting; a missing location is refused.
    context, page = _als(browser, live_server, contractmanager)
    _menu(page, "Overlegtafels").click()
    page.get_by_role("heading", name="Overlegtafels (FOT)").wait_for()
    assert "Openstaande actiepunten: 2" in _main(page)
    assert page.get_by_role("link", name=_lang(vorige_datum)).count() == 1
    assert axe_violations(page) == []
    page.get_by_label("Tafel").select_option(label="FOT HO")
    page.get_by_label("Datum").fill(nieuwe_datum.isoformat())
    page.get_by_label("Begintijd").fill("14:00")
    page.get_by_label("Eindtijd").fill("16:00")
    page.get_by_label("Voorzitter").fill("Petra de Vries")
    page.get_by_role("button", name="Vergadering plannen").click()
    fout = "Vul de locatie in, of kies online."
    page.get_by_role("alert").get_by_role("link", name=f"Locatie: {fout}").wait_for()
    assert fout in page.locator("#id_locatie_error").inner_text()
    assert page.get_by_label("Tafel").locator("option:checked").inner_text() == "FOT HO"
    assert page.get_by_label("Datum").input_value() == nieuwe_datum.isoformat()
    assert page.get_by_label("Begintijd").input_value() == "14:00"
    assert page.get_by_label("Eindtijd").input_value() == "16:00"
    assert page.get_by_label("Voorzitter").input_value() == "Petra de Vries"
    # The tables stay listed above the form: the error does not hide the overview.
    page.get_by_role("heading", name="FOT HO").wait_for()
    assert Vergadering.objects.count() == 1
    assert axe_violations(page) == []
    screenshot(page, "fot-plannen-zonder-locatie")
    page.get_by_label("Locatie").fill("Stadskantoor Dordrecht, zaal 3")
    page.get_by_role("button", name="Vergadering plannen").click()
    page.get_by_text("is gepland met de standaardagenda").wait_for()
    page.get_by_role("heading", name=titel_nieuw, level=1).wait_for()
    nieuw = Vergadering.objects.get(datum=nieuwe_datum)
    assert (nieuw.locatie, nieuw.begintijd, nieuw.online) == (
        "Stadskantoor Dordrecht, zaal 3",
        time(14),
        False,
    )
    tekst = _main(page)
    assert "Status gepland" in tekst and "Tijd 14:00\N{EN DASH}16:00" in tekst, tekst
    # The open items of the previous meeting are on the agenda by themselves.
    punt_open = page.locator("li", has=page.get_by_role("heading", name="Openstaande afspraken"))
    assert (
        punt_open.get_by_role("heading")
        .first.inner_text()
        .endswith("Openstaande afspraken en vervolgacties")
    )
    openstaand = punt_open.get_by_role(
        "table", name="Openstaande actiepunten van eerdere vergaderingen"
    )
    assert openstaand.get_by_role("row").count() == 3  # header and two items
    rij = _rij(openstaand, "Wachtlijstcijfers")
    assert aanbieder_a.naam in rij and _d(vandaag + timedelta(days=7)) in rij, rij
    rij = _rij(openstaand, "werkinstructie")
    assert sdd.naam in rij and "volgende vergadering" in rij, rij
    assert "Nog geen actiepunten." in _main(page)
    assert axe_violations(page) == []
    screenshot(page, "fot-nieuwe-vergadering")

    # 2. Minutes of an agenda item.
    page.get_by_role("link", name="Verslag van punt 2 schrijven").click()
    page.get_by_role("heading", name="Verslag van punt 2. Mededelingen").wait_for()
    assert page.get_by_label("Titel", exact=True).input_value() == "Mededelingen"
    assert axe_violations(page) == []
    page.get_by_label("Verslag").fill("De SDD meldt dat de nieuwe tarieven per 1 januari gelden.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het verslag van punt 2 is opgeslagen.").wait_for()
    mededelingen = page.locator("li", has=page.get_by_role("heading", name="2. Mededelingen"))
    assert "nieuwe tarieven per 1 januari" in mededelingen.inner_text()
    assert "Status verslag in concept" in _main(page)
    assert axe_violations(page) == []

    # Three action items through the form; one submitted without an owner first.
    termijn_a = nieuwe_datum + timedelta(days=30)
    page.get_by_label("Afspraak of actie").fill("Klanttevredenheid HO meten en delen.")
    page.get_by_label("Eigenaar (organisatie)").select_option(label=aanbieder_a.naam)
    page.get_by_label("Uiterlijk (niet verplicht)", exact=True).fill(termijn_a.isoformat())
    page.get_by_label("Bij agendapunt").select_option(label="2. Mededelingen")
    page.get_by_role("button", name="Actiepunt vastleggen").click()
    page.get_by_text("Actiepunt 1 is vastgelegd.").wait_for()
    assert axe_violations(page) == []

    page.get_by_label("Afspraak of actie").fill("Wachttijden per cliënt bijhouden.")
    page.get_by_label("Uiterlijk de volgende vergadering").check()
    page.get_by_role("button", name="Actiepunt vastleggen").click()
    fout = "Kies wie de actie uitvoert: een organisatie, een persoon of alle aanbieders."
    page.get_by_role("heading", name="Actiepunt vastleggen", level=1).wait_for()
    page.get_by_role("alert").get_by_role("link", name=f"Eigenaar (organisatie): {fout}").wait_for()
    assert fout in page.locator("#id_eigenaar_organisatie_error").inner_text()
    assert page.get_by_label("Afspraak of actie").input_value() == (
        "Wachttijden per cliënt bijhouden."
    )
    assert page.get_by_label("Uiterlijk de volgende vergadering").is_checked()
    assert nieuw.actiepunten.count() == 1
    assert axe_violations(page) == []
    screenshot(page, "fot-actiepunt-zonder-eigenaar")
    page.get_by_label("Alle aanbieders").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Actiepunt 2 is vastgelegd.").wait_for()

    page.get_by_label("Afspraak of actie").fill("Tarieven 2026 toelichten op de website.")
    page.get_by_label("Eigenaar (organisatie)").select_option(label=sdd.naam)
    page.get_by_label("Uiterlijk (niet verplicht)", exact=True).fill(
        (nieuwe_datum + timedelta(days=14)).isoformat()
    )
    page.get_by_role("button", name="Actiepunt vastleggen").click()
    page.get_by_text("Actiepunt 3 is vastgelegd.").wait_for()
    samenvatting = page.get_by_role("region", name="Samenvatting afspraken en vervolgacties")
    tabel = samenvatting.get_by_role("table", name="Actiepunten van deze vergadering")
    assert tabel.get_by_role("row").count() == 4
    rij = _rij(tabel, "Klanttevredenheid")
    assert aanbieder_a.naam in rij and _d(termijn_a) in rij and "open" in rij, rij
    rij = _rij(tabel, "Wachttijden per cliënt")
    assert "alle aanbieders" in rij and "volgende vergadering" in rij, rij
    rij = _rij(tabel, "Tarieven 2026")
    assert sdd.naam in rij and _d(nieuwe_datum + timedelta(days=14)) in rij, rij
    assert axe_violations(page) == []
    screenshot(page, "fot-actiepunten")

    # The meeting page on a phone: nothing sticks out sideways.
    page.set_viewport_size({"width": 375, "height": 740})
    page.reload()
    page.get_by_role("heading", name=titel_nieuw, level=1).wait_for()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    screenshot(page, "fot-vergadering-telefoon")
    assert overflow <= 0
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 900})

    # 3. Approving the previous minutes, with a change; they then lie locked.
    verslag = page.get_by_role("region", name="Verslag afronden")
    assert f"({_lang(vorige_datum)}) wordt in deze vergadering vastgesteld" in (
        " ".join(verslag.inner_text().split())
    )
    wijziging = "Bij punt 4 is de gemeente Zwijndrecht toegevoegd."
    verslag.get_by_label("Wijzigingen bij vaststelling").fill(wijziging)
    verslag.get_by_role("button", name=f"Verslag van {_d(vorige_datum)} vaststellen").click()
    melding = f"Het verslag van {_d(vorige_datum)} is vastgesteld met wijzigingen."
    page.get_by_text(melding).wait_for()
    assert f"Het verslag van de vorige vergadering ({_d(vorige_datum)}) is vastgesteld." in (
        _main(page)
    )
    assert axe_violations(page) == []

    _menu(page, "Overlegtafels").click()
    page.get_by_role("link", name=_lang(vorige_datum)).click()
    page.get_by_role("heading", name=f"FOT HO, {_lang(vorige_datum)}", level=1).wait_for()
    tekst = _main(page)
    assert f"Status verslag vastgesteld op {_d(nieuwe_datum)}, met wijzigingen" in tekst, tekst
    annotaties = page.get_by_role("region", name="Annotaties na vaststelling")
    assert f"{_d(nieuwe_datum)}: Vastgesteld met wijzigingen: {wijziging}" in " ".join(
        annotaties.inner_text().split()
    )
    assert page.get_by_role("link", name="schrijven").count() == 0
    assert page.get_by_role("button", name="Actiepunt vastleggen").count() == 0
    assert page.get_by_role("group", name="Agendapunt toevoegen").count() == 0
    assert page.get_by_text("Agendapunt toevoegen").count() == 0
    assert "Karin Jansen licht toe" in tekst  # the minutes themselves are unchanged
    assert axe_violations(page) == []
    screenshot(page, "fot-vorige-vastgesteld")
    # Writing the minutes again is no longer possible, not even by URL.
    page.goto(f"{live_server.url}/fot/agendapunten/{thema.uuid}/")
    page.get_by_role("heading", name=f"FOT HO, {_lang(vorige_datum)}", level=1).wait_for()
    assert page.get_by_label("Verslag", exact=True).count() == 0

    page.get_by_role("button", name="Publiceren op de openbare pagina").click()
    page.get_by_text("Het verslag staat op de openbare pagina.").wait_for()
    assert "gepubliceerd" in page.locator("dl").inner_text()
    assert page.get_by_role("button", name="Publiceren op de openbare pagina").count() == 0
    page.get_by_role("link", name="Openbare versie").wait_for()
    assert axe_violations(page) == []
    context.close()
    vorige.refresh_from_db()
    assert vorige.status == VergaderingStatus.VASTGESTELD
    assert vorige.vastgesteld_in == nieuw and vorige.gepubliceerd_op is not None
    assert Annotatie.objects.get(vergadering=vorige).door == contractmanager

    # 4. Provider A's employee: their action item on the home page; progress recorded.
    context, page = _als(browser, live_server, medewerker_a)
    sectie = page.get_by_role("region", name="Uw actiepunten van de overlegtafels")
    assert sectie.get_by_role("link", name=f"FOT HO {_d(vorige_datum)}, actiepunt 1").count() == 1
    lijst = " ".join(sectie.inner_text().split())
    assert "Wachtlijstcijfers per gemeente aanleveren." in lijst, lijst
    assert f"uiterlijk {_d(vandaag + timedelta(days=7))}" in lijst, lijst
    assert "werkinstructie" not in lijst  # SDD's item
    # Every item listed opens: none of a meeting whose minutes are still a draft.
    links = [a.get_attribute("href") for a in sectie.get_by_role("link").all()]
    assert links == [f"/fot/actiepunten/{actie_a.uuid}/"], links
    assert axe_violations(page) == []
    screenshot(page, "fot-home-aanbieder")
    sectie.get_by_role("link", name=f"FOT HO {_d(vorige_datum)}, actiepunt 1").click()
    page.get_by_role("heading", name=f"Actiepunt 1 van FOT HO {_d(vorige_datum)}").wait_for()
    assert "Nog geen updates." in _main(page)
    assert axe_violations(page) == []
    page.get_by_label("Stand van zaken").fill("Cijfers van Dordrecht en Zwijndrecht verzameld.")
    page.get_by_role("button", name="Stand van zaken vastleggen").click()
    page.get_by_text("De stand van zaken is vastgelegd.").wait_for()
    assert (
        f"{_d(vandaag)} ({medewerker_a.get_full_name()}): "
        "Cijfers van Dordrecht en Zwijndrecht verzameld."
    ) in _main(page)
    assert page.get_by_label("Status").locator("option:checked").inner_text() == "open"
    assert axe_violations(page) == []
    # The member sees the approved minutes of its table, not the draft of the new meeting.
    _menu(page, "Overlegtafels").click()
    page.get_by_role("heading", name="FOT HO").wait_for()
    assert page.get_by_role("link", name=_lang(vorige_datum)).count() == 1
    assert page.get_by_role("link", name=_lang(nieuwe_datum)).count() == 0
    assert page.get_by_role("heading", name="Nieuwe vergadering plannen").count() == 0
    assert axe_violations(page) == []
    context.close()
    actie_a.refresh_from_db()
    assert actie_a.status == ActieStatus.OPEN
    assert actie_a.updates.get().door == medewerker_a

    # 5. Provider B is no member: no meetings, and the meeting's address is not found.
    context, page = _als(browser, live_server, medewerker_b)
    assert page.get_by_role("region", name="Uw actiepunten van de overlegtafels").count() == 0
    _menu(page, "Overlegtafels").click()
    page.get_by_role("heading", name="Overlegtafels (FOT)").wait_for()
    assert "Er zijn nog geen vergaderingen van tafels waar u aan deelneemt." in _main(page)
    assert page.get_by_role("link", name=_lang(vorige_datum)).count() == 0
    assert axe_violations(page) == []
    for url in (
        f"/fot/vergaderingen/{vorige.uuid}/",
        f"/fot/vergaderingen/{nieuw.uuid}/",
        f"/fot/actiepunten/{actie_a.uuid}/",
    ):
        antwoord = page.goto(f"{live_server.url}{url}")
        assert antwoord.status == 404, url
        page.get_by_role("heading", name="Niet gevonden").wait_for()
        assert "Wachtlijst" not in page.content()
    assert axe_violations(page) == []
    context.close()

    # 6. Without login: the published minutes, with organisations instead of people.
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/openbaar/fot/")
    page.get_by_role("heading", name="Verslagen van de overlegtafels Wmo").wait_for()
    assert page.get_by_role("link", name=f"FOT HO, {_lang(vorige_datum)}").count() == 1
    assert page.get_by_role("link", name=f"FOT HO, {_lang(nieuwe_datum)}").count() == 0
    assert axe_violations(page) == []
    page.get_by_role("link", name=f"FOT HO, {_lang(vorige_datum)}").click()
    page.get_by_role("heading", name=f"Verslag FOT HO, {_lang(vorige_datum)}").wait_for()
    tekst = _main(page)
    assert f"Vastgesteld op {_d(nieuwe_datum)}, met wijzigingen." in tekst, tekst
    aanwezig = page.get_by_role("heading", name="Aanwezige organisaties")
    assert aanwezig.count() == 1
    assert f"{aanbieder_a.naam} (vertegenwoordiger)" in tekst, tekst
    assert f"{sdd.naam} (voorzitter)" in tekst, tekst
    assert f"[{aanbieder_a.naam}] licht toe dat de wachtlijst in Zwijndrecht oploopt." in tekst
    assert "Wachtlijstcijfers per gemeente aanleveren." in tekst
    assert f"Vastgesteld met wijzigingen: {wijziging}" in tekst
    html = page.content()
    for naam in ("Karin", "Jansen", "Petra", "Vries", "Sanne", "Bakker", "Test Gebruiker"):
        assert naam not in html, naam
    assert "Cijfers van Dordrecht" not in html  # progress notes are internal
    assert axe_violations(page) == []
    screenshot(page, "fot-openbaar-verslag")
    # The draft of the new meeting is not public.
    antwoord = page.goto(f"{live_server.url}/openbaar/fot/{nieuw.uuid}/")
    assert antwoord.status == 404
    context.close()
    assert Actiepunt.objects.filter(vergadering=nieuw).count() == 3
