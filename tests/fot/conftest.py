"""A consultation table with provider A as member and meetings built through the services."""

from __future__ import annotations

from datetime import date

import pytest

from fot import services
from fot.models import Deelname, Tafel, Tafellid

EERSTE = date(2026, 3, 2)  # a Monday
TWEEDE = date(2026, 5, 4)
DEELNEMER = "Jan de Vries"  # provider A's representative at the first meeting


@pytest.fixture
def tafel(db):
    return Tafel.objects.create(naam="HO", omschrijving="Overlegtafel huishoudelijke hulp.")


@pytest.fixture
def lid_a(tafel, aanbieder_a, medewerker_a):
    return Tafellid.objects.create(
        tafel=tafel,
        organisatie=aanbieder_a,
        vertegenwoordiger=medewerker_a,
        lid_vanaf=date(2025, 1, 1),
    )


def plannen(cm, tafel, datum, **velden):
    velden.setdefault("locatie", "Stadskantoor Dordrecht")
    return services.vergadering_plannen(actor=cm, tafel=tafel, datum=datum, **velden)


def punt(vergadering, titel):
    return vergadering.agenda.get(titel=titel)


@pytest.fixture
def eerste(contractmanager, tafel, lid_a, aanbieder_a, sdd):
    """A meeting with its minutes written and shared with the members, not yet approved."""
    v = plannen(contractmanager, tafel, EERSTE, voorzitter="Ilse Greive")
    Deelname.objects.create(
        vergadering=v, organisatie=aanbieder_a, organisatie_naam=aanbieder_a.naam, naam=DEELNEMER
    )
    Deelname.objects.create(
        vergadering=v,
        organisatie=sdd,
        organisatie_naam=sdd.naam,
        naam="Ilse Greive",
        rol="voorzitter",
    )
    services.notulen_opslaan(
        actor=contractmanager,
        agendapunt=punt(v, "Mededelingen"),
        notulen=f"{DEELNEMER} licht de wachtlijstcijfers toe. De afspraken over de "
        "schoonmaak van de trap worden herhaald.",
    )
    services.ter_vaststelling(actor=contractmanager, vergadering=v)
    v.refresh_from_db()
    return v


@pytest.fixture
def tweede(contractmanager, tafel, eerste):
    return plannen(contractmanager, tafel, TWEEDE)


@pytest.fixture
def actie_a(contractmanager, eerste, aanbieder_a):
    """An open action item for provider A, due a week after the first meeting."""
    return services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Wachtlijst per gemeente aanleveren",
        eigenaar_organisatie=aanbieder_a,
        termijn=date(2026, 3, 9),
    )
