"""The destruction task on a real Celery worker and Redis: batches of one client, each
batch queues the next, the list ends destroyed and a rerun changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from indicaties.models import Client, Toewijzing
from sdd_portal.accounts.models import Rol
from sdd_portal.privacy import services, tasks
from sdd_portal.privacy.models import (
    Bewaarinstellingen,
    Vernietigingslijst,
    Vernietigingsverklaring,
)
from tests.conftest import wacht_tot
from tests.factories import ToewijzingFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def batches_van_een(monkeypatch, settings):
    """The worker process reads its settings from the environment."""
    monkeypatch.setenv("PRIVACY_VERNIETIGEN_BATCH", "1")
    settings.PRIVACY_VERNIETIGEN_BATCH = 1


def test_vernietigen_in_batches_op_een_echte_worker(
    batches_van_een, celery_worker, beheerder, sdd, aanbieder_a
):
    beheerder_2 = UserFactory(username="fb2", organisatie=sdd, rollen=[Rol.FUNCTIONEEL_BEHEERDER])
    Bewaarinstellingen.objects.create(bewaartermijn_jaren=1)
    clienten = [
        ToewijzingFactory(
            aanbieder=aanbieder_a, ingangsdatum=date(2024, 1, 1), einddatum=date(2024, 6, 30)
        ).client
        for _ in range(3)
    ]
    lang_geleden = timezone.now() - timedelta(days=365 * 20)
    Client.objects.update(modified_at=lang_geleden)
    Toewijzing.objects.update(modified_at=lang_geleden)

    lijst = services.lijst_voorstellen(peildatum=timezone.localdate())
    assert lijst.items.count() == 3
    services.lijst_voordragen(lijst=lijst, actor=beheerder)
    services.lijst_goedkeuren(lijst=lijst, actor=beheerder_2)  # queues after commit

    wacht_tot(
        lambda: Vernietigingslijst.objects.get(pk=lijst.pk).status == "vernietigd",
        bericht="de worker heeft de lijst niet in batches vernietigd",
    )
    assert not Client.objects.filter(pk__in=[c.pk for c in clienten]).exists()
    verklaring = Vernietigingsverklaring.objects.get(lijst=lijst)
    assert verklaring.aantal_clienten == 3
    assert verklaring.aantallen["toewijzingen"] == 3
    assert tasks.vernietigen.run(lijst.pk) == 0
    assert Vernietigingsverklaring.objects.get(lijst=lijst).aantal_clienten == 3
