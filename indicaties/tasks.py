"""Celery tasks of the app. Celery's autodiscovery imports ``<app>.tasks`` only: the mail
about support plans lives with the HO process (``indicaties.ho.tasks``) and is registered
by importing it here. Task names are explicit, so they stay the same wherever the code is.
"""

from __future__ import annotations

from celery import shared_task

from .ho import tasks as ho_tasks

__all__ = ["brieven_renderen", "ho_tasks", "verzendrun_renderen"]


# ------------------------------------------------------------------ letters (pdf queue)


@shared_task(name="indicaties.pdf.brieven_renderen", acks_late=True)
def brieven_renderen(brief_ids: list[int]) -> int:
    """Render a batch of letters (the daily job creates hundreds at once)."""
    from .brieven.services import brief_maken

    return sum(1 for pk in brief_ids if brief_maken(pk))


@shared_task(
    name="indicaties.pdf.verzendrun_renderen",
    acks_late=True,
    # A run renders about 10 letters a second per worker process; an hour covers runs of
    # many thousands of letters, where the general limit (CELERY_TASK_TIME_LIMIT) would not.
    time_limit=3600,
    soft_time_limit=3540,
)
def verzendrun_renderen(run_id: int) -> str:
    """Render the letters of a mailing run and its print file, counting progress."""
    from .brieven.services import verzendrun_maken_pdf

    return verzendrun_maken_pdf(run_id).status
