"""Laundry-service candidates (000 item 5): clients with was/strijk in a valid decision,
in the chosen municipalities, who stay in the same band after the deduction."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bandbreedte.models import Bandbreedte, Normenkader
from indicaties.models import Beschikking, Procesinstellingen
from indicaties.rapportages import wasservice_kandidaten
from sdd_portal.audit.models import AccessLogEntry, Actie
from tests.factories import ClientFactory, GemeenteFactory, ProductFactory

URL = reverse("indicaties:wasservice-kandidaten")
VANDAAG = timezone.localdate


@pytest.fixture
def ho(db):
    return ProductFactory()


@pytest.fixture
def banden(ho):
    kader = Normenkader.objects.create(versie="HHM-normenkader 2025", geldig_van=date(2025, 1, 1))

    def band(code, laag, hoog):
        return Bandbreedte.objects.create(
            product=ho,
            normenkader=kader,
            code=code,
            min_minuten=laag,
            max_minuten=hoog,
            geldig_van=date(2025, 1, 1),
        )

    return {"B1": band("HO-B1", 60, 120), "B2": band("HO-B2", 121, 240)}


@pytest.fixture
def gemeenten(db):
    return {
        naam: GemeenteFactory(code=code, naam=naam)
        for code, naam in (
            ("0482", "Alblasserdam"),
            ("0505", "Dordrecht"),
            ("0642", "Zwijndrecht"),
            ("0610", "Sliedrecht"),
        )
    }


@pytest.fixture
def beschik(ho, banden, gemeenten, consulent, aanbieder_a):
    """Build a decision straight in the database: one client each, so no overlap."""

    def _beschik(
        naam,
        *,
        gemeente="Dordrecht",
        band="B2",
        minuten=200,
        was_strijk=True,
        begin=-30,
        einde=300,
        aanbieder=None,
        **extra,
    ):
        vandaag = VANDAAG()
        return Beschikking.objects.create(
            client=ClientFactory(achternaam=naam, gemeente=gemeenten[gemeente]),
            product=ho,
            soort=Beschikking.Soort.KORTDUREND,
            bandbreedte=banden[band],
            minuten_per_week=minuten,
            was_strijk=was_strijk,
            ingangsdatum=vandaag + timedelta(days=begin),
            einddatum=vandaag + timedelta(days=einde),
            verzenddatum=vandaag + timedelta(days=begin),
            bezwaartermijn_tot=vandaag + timedelta(days=begin + 42),
            aanbieder=aanbieder or aanbieder_a,
            ondertekend_door=consulent,
            **extra,
        )

    return _beschik


@pytest.fixture
def situatie(beschik):
    """Deduction 30 minutes (the demo default)."""
    return {
        "blijft": beschik("Blijft", minuten=200),  # 170 is still in B2
        "rand": beschik("Rand", minuten=151),  # 121 is exactly B2's lower bound
        "zwijndrecht": beschik("Zwijn", gemeente="Zwijndrecht", band="B1", minuten=120),
        "zakt": beschik("Zakt", minuten=150),  # 120 would fall into B1
        "zonder_was": beschik("Zonderwas", was_strijk=False),
        "sliedrecht": beschik("Slie", gemeente="Sliedrecht"),
        "ingetrokken": beschik("Ingetrokken", status="ingetrokken", intrekkingsreden="Vervangen"),
        "afgelopen": beschik("Afgelopen", begin=-100, einde=-1),
        "toekomst": beschik("Toekomst", begin=1, einde=200),
    }


def _namen(beschikkingen) -> set[str]:
    return {b.client.achternaam for b in beschikkingen}


def test_selector_finds_exactly_the_decisions_that_stay_in_their_band(
    consulent, gemeenten, situatie
):
    gekozen = [gemeenten[n] for n in ("Alblasserdam", "Dordrecht", "Zwijndrecht")]
    kandidaten = wasservice_kandidaten(
        actor=consulent, gemeenten=gekozen, datum=VANDAAG(), aftrek=30
    )
    assert _namen(kandidaten) == {"Blijft", "Rand", "Zwijn"}
    assert {b.client.achternaam: b.minuten_na_aftrek for b in kandidaten}["Rand"] == 121
    with_zero = wasservice_kandidaten(actor=consulent, gemeenten=gekozen, datum=VANDAAG(), aftrek=0)
    assert _namen(with_zero) == {"Blijft", "Rand", "Zwijn", "Zakt"}
    alleen_sliedrecht = wasservice_kandidaten(
        actor=consulent, gemeenten=[gemeenten["Sliedrecht"]], datum=VANDAAG(), aftrek=30
    )
    assert _namen(alleen_sliedrecht) == {"Slie"}


def test_selector_respects_visibility(medewerker_b, aanbieder_b, gemeenten, beschik, situatie):
    beschik("VanB", aanbieder=aanbieder_b)
    kandidaten = wasservice_kandidaten(
        actor=medewerker_b, gemeenten=list(gemeenten.values()), datum=VANDAAG(), aftrek=30
    )
    assert _namen(kandidaten) == {"VanB"}


def test_page_defaults_to_the_three_municipalities_and_the_configured_deduction(
    login, consulent, situatie
):
    Procesinstellingen.objects.create(was_aftrek_minuten=30)
    response = login(consulent).get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    for naam in ("Blijft", "Rand", "Zwijn"):
        assert f"Jan {naam}" in body
    for naam in ("Zakt", "Zonderwas", "Slie", "Ingetrokken", "Afgelopen", "Toekomst"):
        assert f"Jan {naam}" not in body
    assert 'value="30"' in body and "(30 minuten per week)" in body
    gekozen = {g.naam for g in response.context["form"].cleaned_data["gemeenten"]}
    assert gekozen == {"Alblasserdam", "Dordrecht", "Zwijndrecht"}
    entry = AccessLogEntry.objects.get(actie=Actie.BEKIJKEN)
    assert set(entry.client_ids) == {
        situatie[k].client_id for k in ("blijft", "rand", "zwijndrecht")
    }


def test_deduction_is_editable_per_run(login, consulent, gemeenten, situatie):
    response = login(consulent).get(
        URL,
        {"gemeenten": [gemeenten["Dordrecht"].pk], "aftrek": "0", "peildatum": VANDAAG()},
    )
    assert _namen(response.context["page"].object_list) == {"Blijft", "Rand", "Zakt"}
    response = login(consulent).get(
        URL, {"gemeenten": [gemeenten["Dordrecht"].pk], "aftrek": "-5", "peildatum": VANDAAG()}
    )
    assert response.status_code == 400
    assert "Het aantal minuten is niet negatief." in response.content.decode()


@pytest.mark.parametrize("fixture", ["medewerker_a", "contractmanager", "beheerder"])
def test_only_consulenten_see_the_report(request, login, fixture, situatie):
    http = login(request.getfixturevalue(fixture))
    assert http.get(URL).status_code == 403
    assert http.get(URL, {"formaat": "csv"}).status_code == 403
    assert not AccessLogEntry.objects.exists()


def test_export_writes_the_access_log(login, consulent, gemeenten, situatie):
    http = login(consulent)
    params = {
        "gemeenten": [gemeenten[n].pk for n in ("Alblasserdam", "Dordrecht", "Zwijndrecht")],
        "aftrek": "30",
        "peildatum": VANDAAG().isoformat(),
    }
    verwacht = {situatie[k].client_id for k in ("blijft", "rand", "zwijndrecht")}

    response = http.get(URL, {**params, "formaat": "csv"})
    regels = response.content.decode("utf-8-sig").splitlines()
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert regels[0].startswith("Cliënt;BSN;Gemeente;Aanbieder;Bandbreedte")
    assert len(regels) == 4 and any(r.startswith("Jan Rand;") and ";121;" in r for r in regels)
    entry = AccessLogEntry.objects.get(actie=Actie.EXPORTEREN)
    assert set(entry.client_ids) == verwacht

    response = http.get(URL, {**params, "formaat": "xlsx"})
    from openpyxl import load_workbook

    blad = load_workbook(io.BytesIO(response.content)).active
    assert blad["A1"].value == "Cliënt"
    assert {r[0].value for r in blad.iter_rows(min_row=2)} == {
        "Jan Blijft",
        "Jan Rand",
        "Jan Zwijn",
    }
    assert AccessLogEntry.objects.filter(actie=Actie.EXPORTEREN).count() == 2


def test_report_runs_a_fixed_number_of_queries(
    login, consulent, beschik, gemeenten, django_assert_max_num_queries
):
    http = login(consulent)
    for i in range(3):
        beschik(f"Veel{i}")
    with CaptureQueriesContext(connection) as weinig:
        response = http.get(URL)
    assert len(response.context["page"].object_list) == 3
    for i in range(3, 30):
        beschik(f"Veel{i}", gemeente="Zwijndrecht")
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        response = http.get(URL)
    assert response.context["page"].paginator.count == 30
