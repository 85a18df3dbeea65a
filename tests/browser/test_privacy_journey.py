"""Destruction under four eyes in real Chromium: one functioneel beheerder reviews the list
and excludes a client, the same person cannot approve, a colleague approves, a real Celery
worker destroys, and the page shows the destruction record (issue 17, finding 13)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from indicaties.models import Client, Toewijzing
from sdd_portal.accounts.models import Rol
from sdd_portal.audit.models import AccessLogEntry, Actie
from sdd_portal.privacy.models import Bewaarinstellingen, Vernietigingslijst
from tests.conftest import wacht_tot
from tests.factories import ToewijzingFactory, UserFactory

from .conftest import axe_violations, login_in_browser, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lijst_beoordelen_voordragen_goedkeuren_en_vernietigen(
    browser, live_server, celery_worker, beheerder, aanbieder_a, sdd
):
    beheerder_2 = UserFactory(username="fb2", organisatie=sdd, rollen=[Rol.FUNCTIONEEL_BEHEERDER])
    Bewaarinstellingen.objects.create(bewaartermijn_jaren=1)
    weg = ToewijzingFactory(
        aanbieder=aanbieder_a,
        ingangsdatum=date(2024, 1, 1),
        einddatum=date(2024, 6, 30),
        client__achternaam="Vergeten",
    ).client
    blijft = ToewijzingFactory(
        aanbieder=aanbieder_a,
        ingangsdatum=date(2024, 1, 1),
        einddatum=date(2024, 6, 30),
        client__achternaam="Bezwaard",
    ).client
    lang_geleden = timezone.now() - timedelta(days=800)
    Client.objects.update(modified_at=lang_geleden)
    Toewijzing.objects.update(modified_at=lang_geleden)

    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    login_in_browser(page, live_server, "fb", TOTPDevice.objects.get(user=beheerder))
    page.get_by_role("link", name="Vernietiging en inzage").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Lijst van vandaag opstellen").click()
    page.get_by_role("heading", name="Cliënten op deze lijst").wait_for()
    assert page.get_by_text("Vergeten").count() == 1
    assert axe_violations(page) == []
    rij = page.get_by_role("row").filter(has_text="Bezwaard")
    rij.get_by_label("Reden").fill("Bezwaarprocedure loopt nog")
    rij.get_by_role("button", name="Uitsluiten").click()
    page.get_by_text("Uitgesloten: Bezwaarprocedure loopt nog").wait_for()
    page.get_by_role("button", name="Voordragen ter goedkeuring").click()
    page.get_by_text("Een collega moet hem goedkeuren").wait_for()
    # The one who put it forward is not offered the approval.
    assert page.get_by_role("button", name="Goedkeuren en vernietigen").count() == 0
    assert axe_violations(page) == []
    context.close()

    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    login_in_browser(page, live_server, "fb2", TOTPDevice.objects.get(user=beheerder_2))
    page.get_by_role("link", name="Vernietiging en inzage").click()
    page.get_by_role("link", name=timezone.localdate().strftime("%d-%m-%Y")).click()
    page.get_by_role("button", name="Goedkeuren en vernietigen").click()
    page.get_by_text("De gegevens worden nu vernietigd").wait_for()

    lijst = Vernietigingslijst.objects.get()
    wacht_tot(
        lambda: Vernietigingslijst.objects.get(pk=lijst.pk).status == "vernietigd",
        bericht="de worker heeft de lijst niet vernietigd",
    )
    page.reload()
    page.get_by_role("heading", name="Vernietigingsverklaring").wait_for()
    assert page.get_by_text("Vernietigd (id").count() == 1
    assert axe_violations(page) == []
    screenshot(page, "privacy-vernietigingsverklaring")

    # The excluded client asks for inzage: the export downloads and is itself logged.
    page.get_by_role("link", name="Terug naar vernietiging").click()
    page.get_by_role("link", name="Alle gegevens van één cliënt exporteren").click()
    assert axe_violations(page) == []
    page.get_by_label("BSN van de cliënt").fill(
        f"{blijft.bsn[:3]}.{blijft.bsn[3:6]}.{blijft.bsn[6:]}"
    )
    page.get_by_label("Kenmerk van het inzageverzoek").fill("AVG-2026-0042")
    page.get_by_label("JSON (machineleesbaar)").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteren").click()
    with open(download.value.path(), encoding="utf-8") as fh:
        assert "Bezwaard" in fh.read()
    assert AccessLogEntry.objects.filter(
        actie=Actie.EXPORTEREN, client_ids__contains=[blijft.pk], omschrijving__contains="0042"
    ).exists()
    context.close()
    assert not Client.objects.filter(pk=weg.pk).exists()
    assert Client.objects.filter(pk=blijft.pk).exists()
