"""One row per task asked for by a change (the transactional outbox)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class Opdracht(models.Model):
    """A Celery task to run once. Written in the transaction of the change that asks for
    it, so it exists exactly when the change does; ``uitgevoerd_op`` is set by the task in
    the transaction of its own effects, so a second delivery of the message does nothing.

    Technical bookkeeping without client data (primary keys only), hence no history."""

    taak = models.CharField("taak", max_length=200)
    args = models.JSONField("argumenten", default=list, blank=True)
    kwargs = models.JSONField("trefwoordargumenten", default=dict, blank=True)
    niet_voor = models.DateTimeField("niet uitvoeren voor", null=True, blank=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    verzonden_op = models.DateTimeField("laatst verzonden op", null=True, blank=True)
    verzendingen = models.PositiveIntegerField("aantal keer verzonden", default=0)
    # Only for long tasks that commit their own progress (``@eenmalig(looptijd=...)``).
    gestart_op = models.DateTimeField("gestart op", null=True, blank=True)
    uitgevoerd_op = models.DateTimeField("uitgevoerd op", null=True, blank=True)

    class Meta:
        verbose_name = "opdracht"
        verbose_name_plural = "opdrachten"
        indexes = [
            models.Index(
                fields=["aangemaakt_op"],
                name="wachtrij_open_idx",
                condition=Q(uitgevoerd_op__isnull=True),
            ),
            models.Index(
                fields=["uitgevoerd_op"],
                name="wachtrij_klaar_idx",
                condition=Q(uitgevoerd_op__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.taak} #{self.pk}"
