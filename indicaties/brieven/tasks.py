"""The letters' Celery tasks, on the pdf queue (``CELERY_TASK_ROUTES`` routes every
``*.pdf.*`` task name there). Registered through ``indicaties.tasks``, which Celery's
autodiscovery imports; the names are explicit and unchanged."""

from __future__ import annotations

from celery import shared_task

from sdd_portal.wachtrij import eenmalig

from .maken import brief_maken, verzendrun_maken_pdf


@shared_task(name="indicaties.pdf.brieven_renderen", acks_late=True)
@eenmalig
def brieven_renderen(brief_ids: list[int]) -> int:
    """Render a batch of letters (the daily job creates hundreds at once)."""
    return sum(1 for pk in brief_ids if brief_maken(pk))


@shared_task(
    name="indicaties.pdf.verzendrun_renderen",
    acks_late=True,
    # A run renders about 10 letters a second per worker process; an hour covers runs of
    # many thousands of letters, where the general limit (CELERY_TASK_TIME_LIMIT) would not.
    time_limit=3600,
    soft_time_limit=3540,
)
# Commits its progress per letter (the page shows it) and is idempotent: its own transactions.
@eenmalig(looptijd=3600)
def verzendrun_renderen(run_id: int) -> str:
    """Render the letters of a mailing run and its print file, counting progress."""
    return verzendrun_maken_pdf(run_id).status
