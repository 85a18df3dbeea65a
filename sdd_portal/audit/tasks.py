"""Periodic maintenance of the access log. Thin, idempotent, safe to run twice."""

from celery import shared_task
from django.db import OperationalError

from .partities import partities_bijwerken


@shared_task(
    name="sdd_portal.audit.tasks.partities_bijhouden",
    autoretry_for=(OperationalError,),  # lock_timeout: the table was busy, try again later
    retry_backoff=60,
    max_retries=5,
)
def partities_bijhouden() -> list[str]:
    """Create the monthly partitions ahead (``TOEGANGSLOG_PARTITIES_VOORUIT``) and move rows
    out of DEFAULT. Runs daily; a run after downtime catches up, a second run does nothing."""
    return partities_bijwerken()
