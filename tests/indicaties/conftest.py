"""HO process fixtures: an illustrative band table, a consulent's client with a
completed onderzoek, and helpers to walk a client through the chain."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from bandbreedte.models import Bandbreedte, Normenkader, Resultaatgebied
from indicaties import services
from indicaties.models import Toewijzing
from proefdata.demo.indicaties import demo_pdf
from tests.factories import ClientFactory

PDF = demo_pdf("Ondersteuningsplan (test)")

BANDEN = [("HO-B1", 30, 60), ("HO-B2", 61, 120), ("HO-B3", 121, 180), ("HO-B4", 200, 300)]


def pdf(naam="plan.pdf", inhoud=PDF):
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


@pytest.fixture
def normenkader(db):
    return Normenkader.objects.create(versie="HHM 2025 (demo)", geldig_van=date(2025, 1, 1))


@pytest.fixture
def banden(ho, normenkader):
    return {
        code: Bandbreedte.objects.create(
            product=ho,
            normenkader=normenkader,
            code=code,
            min_minuten=lo,
            max_minuten=hi,
            geldig_van=date(2025, 1, 1),
        )
        for code, lo, hi in BANDEN
    }


@pytest.fixture
def gebieden(normenkader):
    return [
        Resultaatgebied.objects.create(
            normenkader=normenkader, code="schoon", naam="Schoon en leefbaar huis", volgorde=1
        ),
        Resultaatgebied.objects.create(
            normenkader=normenkader,
            code="was",
            naam="Wasverzorging",
            volgorde=2,
            is_wasverzorging=True,
        ),
    ]


@pytest.fixture
def ho_client(dordrecht, consulent):
    return ClientFactory(gemeente=dordrecht, consulent=consulent)


def onderzochte_melding(*, consulent, client, product, band, dagen_geleden=10):
    vandaag = timezone.localdate()
    melding = services.melding_registreren(
        actor=consulent,
        client=client,
        product=product,
        meldingsdatum=vandaag - timedelta(days=dagen_geleden),
    )
    services.onderzoek_opslaan(
        actor=consulent,
        melding=melding,
        gespreksdatum=vandaag - timedelta(days=dagen_geleden - 2),
        verslagdatum=vandaag - timedelta(days=1),
        bevindingen="Cliënt kan het huis niet zelf schoonhouden.",
        bandbreedte=band,
        afronden=True,
    )
    melding.refresh_from_db()
    return melding


@pytest.fixture
def kortdurend(consulent, ho_client, ho, banden, aanbieder_a, contracten):
    """A short decision (B3, lower bound 121) that started today, assigned to provider A."""
    melding = onderzochte_melding(
        consulent=consulent, client=ho_client, product=ho, band=banden["HO-B3"]
    )
    vandaag = timezone.localdate()
    return services.kortdurend_beschikken(
        actor=consulent,
        melding=melding,
        aanbieder=aanbieder_a,
        ingangsdatum=vandaag,
        verzenddatum=vandaag,
    )


@pytest.fixture
def definitief(kortdurend, consulent, medewerker_a, mandaat_a):
    """The accepted plan of the short decision's provider: the definitive decision."""
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    plan = services.plan_indienen(
        actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
    )
    return services.plan_accepteren(actor=consulent, plan=plan)


def goed_plan(beschikking, ondertekenaar, **overrides) -> dict:
    data = {
        "minuten_per_week": 150,
        "was_strijk": True,
        "ingangsdatum": beschikking.einddatum + timedelta(days=1),
        "einddatum": beschikking.einddatum + timedelta(days=365),
        "verzenddatum": timezone.localdate(),
        "ondertekenaar": ondertekenaar,
        "afspraken": "Cliënt is aanwezig tijdens de ondersteuning.",
        "upload": pdf(),
    }
    data.update(overrides)
    return data
