"""Scheduled work (Celery beat; the schedules are rows FB can edit in Beheer)."""

from __future__ import annotations

from datetime import date

from celery import shared_task


@shared_task(
    name="sdd_portal.signalen.dagelijkse_taken",
    acks_late=True,
    # A normal day takes seconds; catching up weeks at national scale may take minutes.
    time_limit=1800,
    soft_time_limit=1740,
)
def dagelijkse_taken(datum: str | None = None) -> dict:
    """Every daily rule for ``datum`` (ISO, default today). Safe to repeat: a repeat or a
    retry after a crash creates only what does not exist yet."""
    from .regels import dagelijkse_taken as uitvoeren

    resultaten = uitvoeren(date.fromisoformat(datum) if datum else None, door="planner")
    return {r.regel: {"signalen": r.signalen, "brieven": r.brieven} for r in resultaten}


@shared_task(name="sdd_portal.signalen.dagoverzichten", acks_late=True)
def dagoverzichten() -> int:
    from .services import dagoverzichten_versturen

    return dagoverzichten_versturen()
