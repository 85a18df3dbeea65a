from datetime import timedelta

import pytest
from django.utils import timezone

from contractbeheer.models import Capaciteit, Clientenstop
from tests.factories import GemeenteFactory


@pytest.fixture
def papendrecht(db):
    return GemeenteFactory(code="0590", naam="Papendrecht")


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
