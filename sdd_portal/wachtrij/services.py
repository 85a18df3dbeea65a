"""The producing side: record a task in the outbox, publish it after commit with a short
broker timeout, and let the periodic dispatcher publish what could not be published."""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import Opdracht
from .taken import OPDRACHT_KWARG, is_eenmalig

logger = logging.getLogger(__name__)


def plaats(taak, *args, countdown: float | None = None, **kwargs) -> Opdracht:
    """Record the task in the current transaction; publish it once that commits."""
    if not is_eenmalig(taak):
        raise TypeError(f"{taak.name} mist @eenmalig en kan niet via de wachtrij.")
    niet_voor = timezone.now() + timedelta(seconds=countdown) if countdown else None
    opdracht = Opdracht.objects.create(
        taak=taak.name, args=list(args), kwargs=kwargs, niet_voor=niet_voor
    )
    # robust: a failure here never turns the committed change into an error page.
    transaction.on_commit(partial(verzenden, opdracht.pk), robust=True)
    return opdracht


def plaats_veel(taak, argumenten: list[tuple]) -> list[Opdracht]:
    """``plaats`` for many calls of one task: one INSERT, one publication after commit."""
    if not is_eenmalig(taak):
        raise TypeError(f"{taak.name} mist @eenmalig en kan niet via de wachtrij.")
    opdrachten = Opdracht.objects.bulk_create(
        [Opdracht(taak=taak.name, args=list(args)) for args in argumenten]
    )
    if opdrachten:
        pks = [o.pk for o in opdrachten]
        transaction.on_commit(
            lambda: _publiceren(list(Opdracht.objects.filter(pk__in=pks))), robust=True
        )
    return opdrachten


def _publiceren(opdrachten: list[Opdracht]) -> list[int]:
    """Publish over one short-lived connection with short timeouts and no retries, so an
    unreachable broker costs a request at most ``WACHTRIJ_BROKER_TIMEOUT`` seconds.
    Returns the ids that were published; stops at the first broker error."""
    from celery import current_app

    timeout = settings.WACHTRIJ_BROKER_TIMEOUT
    opties = {
        **(current_app.conf.broker_transport_options or {}),
        "socket_connect_timeout": timeout,
        "socket_timeout": timeout,
        "max_retries": 0,
    }
    gelukt: list[int] = []
    try:
        with current_app.connection_for_write(
            connect_timeout=timeout, transport_options=opties
        ) as conn:
            conn.ensure_connection(max_retries=0, timeout=timeout)  # no retry, no sleep
            for opdracht in opdrachten:
                current_app.send_task(
                    opdracht.taak,
                    args=opdracht.args,
                    kwargs={**opdracht.kwargs, OPDRACHT_KWARG: opdracht.pk},
                    eta=opdracht.niet_voor,
                    connection=conn,
                    retry=False,
                )
                gelukt.append(opdracht.pk)
    except Exception as exc:  # broker down or unreachable: the dispatcher tries again
        logger.warning(
            "Broker onbereikbaar (%s); %s opdracht(en) blijven in de wachtrij.",
            type(exc).__name__,
            len(opdrachten) - len(gelukt),
        )
    if gelukt:
        Opdracht.objects.filter(pk__in=gelukt).update(
            verzonden_op=timezone.now(), verzendingen=F("verzendingen") + 1
        )
    return gelukt


def verzenden(opdracht_pk: int) -> bool:
    """Publish one row (after the commit that created it)."""
    opdracht = Opdracht.objects.filter(pk=opdracht_pk, uitgevoerd_op__isnull=True).first()
    return bool(opdracht and _publiceren([opdracht]))


def openstaande_verzenden(*, maximaal: int = 1000) -> int:
    """Publish open rows that were never published, or whose last publication is older
    than ``WACHTRIJ_OPNIEUW_NA_MINUTEN`` (message lost, worker died): the task's claim makes
    a second message harmless. Rows published ``WACHTRIJ_MAX_VERZENDINGEN`` times are left
    (a task that keeps failing) and logged. Also removes rows done longer ago than
    ``WACHTRIJ_BEWAAR_DAGEN``. Safe to run twice at once (rows are locked, skip-locked)."""
    nu = timezone.now()
    grens = nu - timedelta(minutes=settings.WACHTRIJ_OPNIEUW_NA_MINUTEN)
    with transaction.atomic():
        opdrachten = list(
            Opdracht.objects.select_for_update(skip_locked=True)
            .filter(uitgevoerd_op__isnull=True, verzendingen__lt=settings.WACHTRIJ_MAX_VERZENDINGEN)
            .filter(
                # never published and due (within the minute), or published and overdue
                Q(verzonden_op__isnull=True)
                & (Q(niet_voor__isnull=True) | Q(niet_voor__lte=nu + timedelta(minutes=1)))
                | Q(verzonden_op__lt=grens) & (Q(niet_voor__isnull=True) | Q(niet_voor__lt=grens))
            )
            .order_by("aangemaakt_op")[:maximaal]
        )
        gelukt = _publiceren(opdrachten) if opdrachten else []
    opgegeven = Opdracht.objects.filter(
        uitgevoerd_op__isnull=True, verzendingen__gte=settings.WACHTRIJ_MAX_VERZENDINGEN
    ).count()
    if opgegeven:
        logger.error("%s opdracht(en) in de wachtrij lukken niet na herhaald verzenden.", opgegeven)
    Opdracht.objects.filter(
        uitgevoerd_op__lt=nu - timedelta(days=settings.WACHTRIJ_BEWAAR_DAGEN)
    ).delete()
    return len(gelukt)
