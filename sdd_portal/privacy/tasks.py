"""The monthly proposal and the destruction itself. Thin tasks that take primary keys;
both are safe to run twice and pick up where a killed run stopped."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from sdd_portal import wachtrij
from sdd_portal.wachtrij import eenmalig

from . import services
from .models import Vernietigingslijst


@shared_task(name="sdd_portal.privacy.vernietigingslijst_voorstellen")
def vernietigingslijst_voorstellen() -> int | None:
    """Propose this month's list, and resume any approved list that a crash left half done."""
    lijst = services.lijst_voorstellen(peildatum=timezone.localdate())
    for pk in Vernietigingslijst.objects.filter(
        status=Vernietigingslijst.Status.GOEDGEKEURD
    ).values_list("pk", flat=True):
        wachtrij.plaats(vernietigen, pk)
    return lijst.pk if lijst else None


@shared_task(
    name="sdd_portal.privacy.vernietigen",
    acks_late=True,
    max_retries=5,
    autoretry_for=(OSError,),
    retry_backoff=True,
)
@eenmalig(looptijd=3600)  # a transaction per client; the body is idempotent itself
def vernietigen(lijst_pk: int) -> int:
    """Destroy one batch of clients (a transaction each); queue the next batch or close the
    list. Returns the number of clients destroyed in this batch."""
    lijst = Vernietigingslijst.objects.get(pk=lijst_pk)
    if lijst.status != Vernietigingslijst.Status.GOEDGEKEURD:
        return 0
    batch = list(
        services.te_vernietigen(lijst)
        .order_by("pk")
        .values_list("pk", flat=True)[: settings.PRIVACY_VERNIETIGEN_BATCH]
    )
    gedaan = sum(1 for pk in batch if services.client_vernietigen(item_pk=pk))
    if services.te_vernietigen(lijst).exists():
        wachtrij.plaats(vernietigen, lijst_pk)
    else:
        services.lijst_afronden(lijst_pk=lijst_pk)
    return gedaan
