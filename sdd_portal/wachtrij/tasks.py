"""The periodic dispatcher (Celery beat, every minute)."""

from __future__ import annotations

from celery import shared_task

from .services import openstaande_verzenden


@shared_task(name="sdd_portal.wachtrij.verzenden", acks_late=True, ignore_result=True)
def verzenden(maximaal: int = 1000) -> int:
    return openstaande_verzenden(maximaal=maximaal)
