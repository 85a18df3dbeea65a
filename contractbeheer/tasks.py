"""Scheduled work for contract management (Celery)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="contractbeheer.toewijzing_tellingen_verversen", acks_late=True)
def toewijzing_tellingen_verversen() -> str:
    """Recount the assignments active today, so the dashboard, the home page and the provider
    list show them without waiting (schedule it every few minutes at national scale)."""
    from .selectors import toewijzing_tellingen

    tellingen = toewijzing_tellingen(verversen=True)
    return f"{tellingen.datum.isoformat()}: {tellingen.duur:.2f} s"
