from datetime import date, timedelta

import pytest
from django.utils import timezone

from contractbeheer.models import Capaciteit, Clientenstop, Contract, Mandaat
from tests.factories import GemeenteFactory, ProductFactory


@pytest.fixture
def ho(db):
    return ProductFactory()


@pytest.fixture
def dordrecht(db):
    return GemeenteFactory()


@pytest.fixture
def papendrecht(db):
    return GemeenteFactory(code="0590", naam="Papendrecht")


def contract(aanbieder, product, **kwargs):
    defaults = {
        "ingangsdatum": date(2025, 1, 1),
        "toetredingsdatum": date(2025, 1, 1),
        "status": "actief",
    }
    defaults.update(kwargs)
    return Contract.objects.create(aanbieder=aanbieder, product=product, **defaults)


@pytest.fixture
def contracten(aanbieder_a, aanbieder_b, ho):
    return contract(aanbieder_a, ho), contract(aanbieder_b, ho)


@pytest.fixture
def stop_a(aanbieder_a, ho, dordrecht, medewerker_a, contracten):
    """A stop requested by provider A, not yet judged."""
    stop = Clientenstop.objects.create(
        aanbieder=aanbieder_a,
        product=ho,
        ingangsdatum=timezone.localdate(),
        einddatum=timezone.localdate() + timedelta(days=60),
        reden="Personeelstekort",
        maatregelen="Werving",
        aangevraagd_door=medewerker_a,
    )
    stop.gemeenten.set([dordrecht])
    return stop


@pytest.fixture
def capaciteit_b(aanbieder_b, ho, dordrecht):
    melding = Capaciteit.objects.create(
        aanbieder=aanbieder_b, product=ho, aantal=12, vanaf_datum=timezone.localdate()
    )
    melding.gemeenten.set([dordrecht])
    return melding


@pytest.fixture
def mandaat_a(aanbieder_a, medewerker_a, ho, contracten):
    mandaat = Mandaat.objects.create(
        aanbieder=aanbieder_a, medewerker=medewerker_a, geldig_van=date(2025, 1, 1)
    )
    mandaat.producten.add(ho)
    return mandaat
