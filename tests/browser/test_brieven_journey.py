"""Decision letters in real Chromium with a real Celery worker: the consultant accepts a
support plan; the definitive decision letter is rendered after commit and downloads with
the minutes, the signature line and the provider's plan behind it. The consultant makes a
mailing run, watches it finish, marks it as sent; a second run finds nothing and says so.
Another provider gets neither the letter nor the mailing page. Every page passes axe."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from pypdf import PdfReader

from bandbreedte.models import Bandbreedte, Normenkader
from contractbeheer.models import Contract, Mandaat
from indicaties import services
from indicaties.brieven.inhoud import datum_nl
from indicaties.models import (
    Beschikking,
    Brief,
    BriefSoort,
    BriefStatus,
    Toewijzing,
    Verzendrun,
)
from tests.conftest import wacht_tot
from tests.factories import ClientFactory, GemeenteFactory, ProductFactory

from ..indicaties.conftest import goed_plan, onderzochte_melding
from .conftest import axe_violations, login_in_browser, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _als(browser, live_server, user):
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    # A code may be used once; a second login within 30 s needs the device to forget it.
    TOTPDevice.objects.filter(user=user).update(last_t=-1)
    device = TOTPDevice.objects.filter(user=user).first()
    login_in_browser(page, live_server, user.username, device=device)
    return context, page


def _pdf_tekst(pad: str | Path) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(Path(pad).read_bytes()))
    tekst = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    return tekst, len(reader.pages)


def _main(page) -> str:
    return " ".join(page.locator("main").inner_text().split())


def test_besluitbrief_van_plan_tot_verzonden(
    celery_worker,
    browser,
    live_server,
    consulent,
    medewerker_a,
    medewerker_b,
    aanbieder_a,
    aanbieder_b,
):
    # Data: HO with bands, contracts for both providers, a mandate for provider A's
    # employee, a client with a short decision and a submitted plan.
    ho = ProductFactory()
    dordrecht = GemeenteFactory()
    kader = Normenkader.objects.create(versie="HHM 2025 (demo)", geldig_van=date(2025, 1, 1))
    banden = {
        code: Bandbreedte.objects.create(
            product=ho,
            normenkader=kader,
            code=code,
            min_minuten=lo,
            max_minuten=hi,
            geldig_van=date(2025, 1, 1),
        )
        for code, lo, hi in [("HO-B2", 61, 120), ("HO-B3", 121, 180)]
    }
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
    melding = onderzochte_melding(
        consulent=consulent, client=client, product=ho, band=banden["HO-B3"]
    )
    kort = services.kortdurend_beschikken(
        actor=consulent,
        melding=melding,
        aanbieder=aanbieder_a,
        ingangsdatum=vandaag,
        verzenddatum=vandaag,
    )
    plan = services.plan_indienen(
        actor=medewerker_a,
        toewijzing=Toewijzing.objects.get(beschikking=kort),
        **goed_plan(kort, medewerker_a),
    )

    # 1. The consultant accepts the plan; the decision page lists the letter.
    context, page = _als(browser, live_server, consulent)
    page.goto(f"{live_server.url}/plannen/{plan.uuid}/")
    page.get_by_label("Accepteren").check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_text("Het plan is geaccepteerd en is nu de definitieve beschikking.").wait_for()
    definitief = Beschikking.objects.get(ondersteuningsplan=plan)
    assert page.url.rstrip("/").endswith(str(definitief.uuid))
    brieven = page.get_by_role("table", name="Brieven aan de cliënt over dit besluit")
    rij = brieven.get_by_role("row").filter(
        has_text="Definitieve beschikking (met ondersteuningsplan)"
    )
    assert rij.count() == 1
    assert any(s in rij.inner_text() for s in ("wordt gemaakt", "klaar voor verzending")), (
        rij.inner_text()
    )
    assert rij.get_by_role("link", name="Voorbeeld").count() == 1

    brief = Brief.objects.get(beschikking=definitief, soort=BriefSoort.DEFINITIEF)
    wacht_tot(
        lambda: Brief.objects.get(pk=brief.pk).status == BriefStatus.KLAAR,
        bericht="de worker maakte de definitieve besluitbrief niet",
    )
    page.reload()
    rij = (
        page.get_by_role("table", name="Brieven aan de cliënt over dit besluit")
        .get_by_role("row")
        .filter(has_text="Definitieve beschikking (met ondersteuningsplan)")
    )
    assert "klaar voor verzending" in rij.inner_text()
    assert "versie 1" in rij.inner_text()
    with page.expect_download() as download:
        rij.get_by_role("link", name="PDF van de definitieve beschikking").click()
    assert download.value.suggested_filename == f"definitief-{vandaag:%Y%m%d}.pdf"
    tekst, paginas = _pdf_tekst(download.value.path())
    for deel in (
        "150 minuten per week, inclusief was en strijk",
        "Namens het college van burgemeester en wethouders van Dordrecht",
        f"{medewerker_a.get_full_name()}, {aanbieder_a.naam}, onder ondermandaat",
        "Ondersteuningsplan [test]",  # the provider's plan, appended
    ):
        assert deel in tekst, deel
    assert "VOORBEELD" not in tekst
    assert paginas >= 2
    assert axe_violations(page) == []
    screenshot(page, "brieven-definitieve-beschikking")

    # 2. A mailing run: both letters of today (short and definitive decision).
    wacht_tot(
        lambda: Brief.objects.filter(status=BriefStatus.KLAAR).count() == 2,
        bericht="de worker maakte de kortdurende besluitbrief niet",
    )
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Verzending", exact=True
    ).click()
    page.get_by_role("heading", name="Verzending van brieven").wait_for()
    assert "2 brieven met een verzenddatum tot en met vandaag wachten op verzending" in _main(page)
    assert "Er zijn nog geen verzendruns." in _main(page)
    assert axe_violations(page) == []
    datumveld = page.get_by_label("Brieven met verzenddatum tot en met")
    assert datumveld.input_value() == vandaag.isoformat()
    datumveld.fill(vandaag.isoformat())
    page.get_by_role("button", name="Verzendrun maken").click()
    page.get_by_role(
        "heading", name=f"Verzendrun: brieven tot en met {vandaag:%d-%m-%Y}"
    ).wait_for()
    # Either still rendering (a progress bar) or already done.
    page.locator("#voortgang progress").or_(
        page.get_by_text("Het printbestand is klaar")
    ).first.wait_for()
    page.get_by_text("Het printbestand is klaar").wait_for(timeout=60_000)  # htmx polling
    assert page.locator("#voortgang progress").count() == 0
    assert "Het printbestand is klaar: 2 brieven" in _main(page)
    run = Verzendrun.objects.get()
    assert run.status == Verzendrun.Status.KLAAR
    assert f"{run.paginas} pagina's" in _main(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Printbestand downloaden (PDF)").click()
    run_tekst, run_paginas = _pdf_tekst(download.value.path())
    assert run_paginas == run.paginas and run_paginas % 2 == 0  # duplex: front pages
    assert "Ans Kok" in run_tekst and "Ondersteuningsplan [test]" in run_tekst
    knop = page.get_by_role("button", name="Markeer als verzonden")
    knop.wait_for()  # the finished run reloads the page by itself (HX-Refresh)
    assert page.get_by_role("table", name="2 brieven").get_by_role("row").count() == 3
    assert axe_violations(page) == []
    screenshot(page, "brieven-verzendrun-klaar")
    page.get_by_label("Werkelijk verzonden op").fill(vandaag.isoformat())
    knop.click()
    page.get_by_text(f"2 brieven zijn gemarkeerd als verzonden op {vandaag:%d-%m-%Y}.").wait_for()
    assert "(gemarkeerd door" in _main(page)
    assert knop.count() == 0  # sent is final: no second marking
    assert axe_violations(page) == []
    assert Brief.objects.count() == 2
    for b in Brief.objects.all():
        assert (b.status, b.verzonden_op) == (BriefStatus.VERZONDEN, vandaag), b
    run.refresh_from_db()
    assert (run.status, run.verzonden_op, run.verzonden_door) == (
        Verzendrun.Status.VERZONDEN,
        vandaag,
        consulent,
    )

    # 3. The decision page: sent, PDF still there, no preview any more.
    page.goto(f"{live_server.url}/beschikkingen/{definitief.uuid}/")
    rij = (
        page.get_by_role("table", name="Brieven aan de cliënt over dit besluit")
        .get_by_role("row")
        .filter(has_text="Definitieve beschikking (met ondersteuningsplan)")
    )
    assert f"(verzonden {vandaag:%d-%m-%Y})" in rij.inner_text()
    assert rij.get_by_role("link", name="PDF van de definitieve beschikking").count() == 1
    assert rij.get_by_role("link", name="Voorbeeld").count() == 0

    # 4. A second run finds nothing: a precise error at the field, the date kept.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Verzending", exact=True
    ).click()
    assert "0 brieven met een verzenddatum tot en met vandaag wachten op verzending" in _main(page)
    gisteren = vandaag - timedelta(days=1)
    for dag in (gisteren, vandaag):
        page.get_by_label("Brieven met verzenddatum tot en met").fill(dag.isoformat())
        page.get_by_role("button", name="Verzendrun maken").click()
        fout = f"Er zijn geen brieven die op of voor {datum_nl(dag)} verzonden moeten worden"
        page.get_by_role("alert").get_by_role(
            "link", name=f"Brieven met verzenddatum tot en met: {fout}"
        ).wait_for()
        assert fout in page.locator("#id_datum_error").inner_text()
        assert page.get_by_label("Brieven met verzenddatum tot en met").input_value() == (
            dag.isoformat()
        )
    assert Verzendrun.objects.count() == 1
    assert axe_violations(page) == []
    screenshot(page, "brieven-verzendrun-geen-brieven")
    context.close()

    # 5. Another provider gets neither the letter nor the mailing page.
    context, page = _als(browser, live_server, medewerker_b)
    for pad in (f"/brieven/{brief.uuid}/pdf/", f"/brieven/{brief.uuid}/voorbeeld/"):
        antwoord = page.goto(f"{live_server.url}{pad}")
        assert antwoord.status == 404, pad
        page.get_by_role("heading", name="Niet gevonden").wait_for()
        assert "Kok" not in page.content()
    antwoord = page.goto(f"{live_server.url}/verzending/")
    assert antwoord.status == 403
    page.get_by_role("heading", name="Geen toegang").wait_for()
    assert page.get_by_role("link", name="Verzending", exact=True).count() == 0
    assert axe_violations(page) == []
    context.close()
