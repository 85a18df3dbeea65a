"""Housekeeping jobs. Thin, idempotent, safe to run twice."""

from celery import shared_task
from django.core import management

LOGIN_FAILURE_LOG_DAYS = 30


@shared_task(name="sdd_portal.tasks.clear_expired_sessions")
def clear_expired_sessions() -> None:
    management.call_command("clearsessions")


@shared_task(name="sdd_portal.tasks.clear_expired_login_attempts")
def clear_expired_login_attempts() -> None:
    """Drop django-axes failure records older than the retention period."""
    management.call_command("axes_reset_failure_logs", "--age", str(LOGIN_FAILURE_LOG_DAYS))


@shared_task(name="sdd_portal.tasks.documenten_opruimen", acks_late=True, ignore_result=True)
def documenten_opruimen() -> int:
    """Remove files in the documents storage that no row references (docs/adr/0013)."""
    from .documentopslag import wezen_opruimen

    return len(wezen_opruimen())
