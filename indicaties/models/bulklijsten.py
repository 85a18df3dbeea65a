"""Bulk lists from providers and contract management."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from sdd_portal.accounts.models import Organisatie, Rol
from sdd_portal.models import DomainModel
from sdd_portal.zichtbaarheid import Zichtbaarheid

from ..query import BulklijstQuerySet
from ..states import BulklijstStatus


def _eigen_lijst(aanbieder_id: int) -> Q:
    """A provider sees only the lists its own employees uploaded for it."""
    return Q(aanbieder_id=aanbieder_id, geupload_door__organisatie_id=aanbieder_id)


class Bulklijst(DomainModel):
    """An uploaded list (CSV or XLSX) of unconverted assignments or of waiting-list clients
    without a band (000 items 4c, 4e). Every row is validated before anything is imported;
    the rows and their findings are kept as the report."""

    class Soort(models.TextChoices):
        OMZETTING = "omzetting", "niet-omgezette toewijzingen"
        WACHTLIJST = "wachtlijst", "wachtlijstcliënten zonder bandbreedte"

    Status = BulklijstStatus

    soort = models.CharField("soort lijst", max_length=20, choices=Soort.choices)
    aanbieder = models.ForeignKey(
        Organisatie, verbose_name="aanbieder", on_delete=models.PROTECT, related_name="+"
    )
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="geüpload door", on_delete=models.PROTECT
    )
    bestandsnaam = models.CharField("bestandsnaam", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    regels = models.JSONField("regels met bevindingen", default=list)
    aantal_fouten = models.PositiveIntegerField("regels met fouten", default=0)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.GECONTROLEERD
    )
    aantal_geimporteerd = models.PositiveIntegerField("geïmporteerde regels", default=0)
    geimporteerd_op = models.DateTimeField("geïmporteerd op", null=True, blank=True)

    history = HistoricalRecords()
    objects = BulklijstQuerySet.as_manager()
    # Contract management sees every list; everyone else none.
    zichtbaarheid = Zichtbaarheid(sdd_rollen=(Rol.CONTRACTMANAGER,), aanbieder_regel=_eigen_lijst)

    class Meta:
        verbose_name = "bulklijst"
        verbose_name_plural = "bulklijsten"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.bestandsnaam})"
