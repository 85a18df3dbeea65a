"""The chain's tasks. Thin: take primary keys, call a service in ``keten.uitgaand`` (out) or
the import service (in); each in its own function."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from sdd_portal.wachtrij import eenmalig

from .uitgaand import toewijzingen_versturen

# ------------------------------------------------------------------- outgoing: the WMO301


@shared_task(
    name="keten.tasks.toewijzingen_versturen",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
    soft_time_limit=60,
    time_limit=90,
)
@eenmalig
def toewijzingen_versturen_taak(client_id: int, aanbieder_id: int) -> int | None:
    """The 301 for one client and provider, if anything changed (re-reads everything)."""
    bericht = toewijzingen_versturen(client_id, aanbieder_id)
    return bericht.pk if bericht else None
