"""Delivery of care: the codes of the iWmo chain the domain speaks, and the start and stop
of care as one fact, whether reported in the portal, through the API or by an iWmo 305/307.

The chain app (``keten``) translates messages into these facts; the domain never imports it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from sdd_portal.models import DomainModel
from sdd_portal.periods import einde_niet_voor_begin
from sdd_portal.zichtbaarheid import Zichtbaarheid


class RedenWijziging(models.TextChoices):
    """WMO002: why an assignment the provider already received changed."""

    OVERLEDEN = "02", "Cliënt overleden"
    CONTRACTWIJZIGING = "03", "Contractwijziging"
    VERLENGING = "04", "Herbeoordeling: verlenging toewijzing"
    VERKORTING = "05", "Herbeoordeling: verkorting toewijzing"
    ANDER_DOMEIN = "06", "Uitstroom naar ander domein"
    VERHUIZING = "07", "Verhuizing naar een andere gemeente"
    LEVERINGSVORM = "08", "Wijziging leveringsvorm"
    ANDERE_AANBIEDER = "09", "Overstap naar andere aanbieder"
    BEKOSTIGING = "10", "Overgang naar nieuwe bekostigingssystematiek"
    HERINDELING = "11", "Gemeentelijke herindeling"
    DOOR_AANBIEDER = "12", "Geïnitieerd door de aanbieder"
    VERWIJDERD = "13", "Verwijderd"
    CORRECTIE = "14", "Administratieve correctie"


class RedenBeeindiging(models.TextChoices):
    """WMO588: why the provider stopped delivering (20 is temporary)."""

    OVERLIJDEN = "02", "Overlijden"
    VOLGENS_PLAN = "19", "Levering volgens plan beëindigd"
    TIJDELIJK = "20", "Levering is tijdelijk beëindigd"
    DOOR_CLIENT = "21", "Levering is eenzijdig door cliënt beëindigd"
    DOOR_AANBIEDER = "22", "Levering is eenzijdig door aanbieder beëindigd"
    IN_OVERLEG = "23", "Levering is in overeenstemming voortijdig beëindigd"
    VERHUIZING = "31", "Verhuizing naar een andere gemeente"
    DOOR_GEMEENTE = "36", "Geïnitieerd door de gemeente"
    WIJZIGINGSVERZOEK = "37", "In verband met wijzigingsverzoek"
    ANDERE_AANBIEDER = "38", "Overstap naar andere aanbieder"
    ANDER_DOMEIN = "39", "Uitstroom naar ander domein"


class Zorgmelding(DomainModel):
    """A start or stop of care for an assignment: one row per reported fact.

    ``begindatum`` is the day delivery began (for a stop: the start it closes, the key of
    TR413-TR415 together with the assignment); ``einddatum`` and ``reden_beeindiging`` only
    for a stop. A fact withdrawn by the provider (StatusAanlevering 3) keeps its row with
    ``verwijderd_op`` set: it no longer counts, and its history stays.
    """

    class Soort(models.TextChoices):
        START = "start", "Start zorg"
        STOP = "stop", "Stop zorg"

    class Bron(models.TextChoices):
        PORTAAL = "portaal", "Portaal"
        API = "api", "API"
        IWMO = "iwmo", "iWmo-bericht"

    toewijzing = models.ForeignKey(
        "Toewijzing",
        verbose_name="toewijzing",
        on_delete=models.PROTECT,
        related_name="zorgmeldingen",
    )
    soort = models.CharField("soort", max_length=5, choices=Soort.choices)
    begindatum = models.DateField("begindatum levering")
    einddatum = models.DateField("einddatum levering", null=True, blank=True)
    reden_beeindiging = models.CharField(
        "reden beëindiging", max_length=2, choices=RedenBeeindiging.choices, blank=True
    )
    bron = models.CharField("gemeld via", max_length=7, choices=Bron.choices)
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gemeld door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verwijderd_op = models.DateTimeField("ingetrokken door de aanbieder op", null=True, blank=True)

    history = HistoricalRecords()
    zichtbaarheid = Zichtbaarheid(aanbieder="toewijzing__aanbieder_id")

    class Meta:
        verbose_name = "start/stop zorg"
        verbose_name_plural = "starts en stops zorg"
        ordering = ["toewijzing", "begindatum", "created_at"]
        constraints = [
            einde_niet_voor_begin(
                "begindatum",
                "einddatum",
                "zorgmelding_einde_na_begin",
                "De einddatum van de levering ligt voor de begindatum.",
            ),
            models.CheckConstraint(
                condition=Q(soort="start", einddatum__isnull=True, reden_beeindiging="")
                | Q(soort="stop", einddatum__isnull=False) & ~Q(reden_beeindiging=""),
                name="zorgmelding_stop_volledig",
                violation_error_message="Een stop heeft een einddatum en een reden; een start "
                "niet.",
            ),
        ]
        indexes = [
            models.Index(
                fields=["toewijzing", "soort", "begindatum"],
                condition=Q(verwijderd_op__isnull=True),
                name="zorgmelding_actueel",
            ),
        ]

    def __str__(self) -> str:
        if self.soort == self.Soort.STOP:
            reden = self.get_reden_beeindiging_display()
            return f"Stop zorg per {self.einddatum:%d-%m-%Y} ({reden})"
        return f"Start zorg per {self.begindatum:%d-%m-%Y}"
