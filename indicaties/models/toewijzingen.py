"""Assignments (toewijzingen) to providers and the providers' support plans."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from bandbreedte.models import Eenheid, Frequentie, Product, Uitvoeringsvariant
from sdd_portal.accounts.models import Organisatie
from sdd_portal.models import DomainModel, documenten_storage
from sdd_portal.periods import einde_niet_voor_begin
from sdd_portal.zichtbaarheid import Zichtbaarheid

from ..query import OndersteuningsplanQuerySet, ToewijzingQuerySet
from ..states import PlanStatus
from .levering import RedenWijziging
from .velden import MINUTEN


class Toewijzing(DomainModel):
    """An order to a provider to deliver a product to a client for a period.

    Minimal form (client, provider, product, period); the HO process adds volume,
    unit, frequency and the link to the decision.
    """

    client = models.ForeignKey(
        "Client", verbose_name="cliënt", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    aanbieder = models.ForeignKey(
        Organisatie,
        verbose_name="aanbieder",
        on_delete=models.PROTECT,
        related_name="toewijzingen",
        limit_choices_to={"soort": Organisatie.Soort.AANBIEDER},
    )
    product = models.ForeignKey(
        Product, verbose_name="product", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    stop_afwijking_reden = models.TextField(
        "afspraak met contractmanagement over de cliëntenstop",
        blank=True,
        help_text="Alleen nodig als de aanbieder een cliëntenstop heeft: waarom is deze "
        "toewijzing toch met contractmanagement afgesproken?",
    )
    beschikking = models.ForeignKey(
        "Beschikking",
        verbose_name="beschikking",
        on_delete=models.PROTECT,
        related_name="toewijzingen",
        null=True,
        blank=True,
        help_text="De beschikking waarop deze toewijzing rust.",
    )
    bandbreedte = models.ForeignKey(
        "bandbreedte.Bandbreedte",
        verbose_name="bandbreedte",
        on_delete=models.PROTECT,
        related_name="toewijzingen",
        null=True,
        blank=True,
    )
    volume = models.PositiveIntegerField("volume", null=True, blank=True)
    eenheid = models.CharField("eenheid", max_length=2, choices=Eenheid.choices, blank=True)
    frequentie = models.CharField(
        "frequentie", max_length=1, choices=Frequentie.choices, blank=True
    )
    reden_wijziging = models.CharField(
        "reden laatste wijziging",
        max_length=2,
        choices=RedenWijziging.choices,
        blank=True,
        help_text="WMO002: waarom de toewijzing na de eerste verzending is gewijzigd. Gaat mee "
        "in het volgende iWmo 301-bericht aan de aanbieder.",
    )
    gezien_op = models.DateTimeField("door de aanbieder geopend op", null=True, blank=True)
    start_zorg = models.DateField("start zorg gemeld per", null=True, blank=True)
    # Kept by plan_indienen: "has this assignment ever had a plan?" as a column, so the
    # provider's worklist "plannen verwacht" is a range scan of a partial index.
    heeft_plan = models.BooleanField("er is een ondersteuningsplan ingediend", default=False)

    history = HistoricalRecords()
    objects = ToewijzingQuerySet.as_manager()
    zichtbaarheid = Zichtbaarheid(aanbieder="aanbieder_id")

    class Meta:
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        ordering = ["-ingangsdatum", "-id"]
        constraints = [
            einde_niet_voor_begin(
                "ingangsdatum",
                "einddatum",
                "toewijzing_einde_na_begin",
                "De einddatum ligt voor de ingangsdatum.",
            )
        ]
        indexes = [
            models.Index(fields=["aanbieder", "client"], name="toewijzing_aanbieder_client"),
            models.Index(
                fields=["aanbieder", "-created_at"],
                condition=Q(gezien_op__isnull=True),
                name="toewijzing_inbox",
            ),
            models.Index(fields=["aanbieder", "-ingangsdatum"], name="toewijzing_aanbieder_start"),
            # The provider's home: its newest assignments.
            models.Index(
                fields=["aanbieder", "-created_at", "-id"], name="toewijzing_aanbieder_nieuwst"
            ),
            # The provider's worklist "plannen verwacht": banded assignments, oldest first,
            # with the end date in the index so closed ones are skipped without the table.
            models.Index(
                fields=["aanbieder", "created_at", "id"],
                include=["einddatum"],
                condition=Q(bandbreedte__isnull=False),
                name="toewijzing_plan_verwacht",
            ),
            # ... of which only those without any plan yet: the list reads just its rows.
            models.Index(
                fields=["aanbieder", "created_at", "id"],
                include=["einddatum"],
                condition=Q(bandbreedte__isnull=False, heeft_plan=False),
                name="toewijzing_zonder_plan",
            ),
            models.Index(
                fields=["ingangsdatum"],
                condition=Q(bandbreedte__isnull=False),
                name="toewijzing_band_start",
            ),
            # The consulent's home page: care starting in the next two weeks, in date
            # order (97 ms at national scale without it: a sort of every match).
            models.Index(fields=["ingangsdatum", "id"], name="toewijzing_start"),
        ]

    def __str__(self) -> str:
        return f"{self.product.code} bij {self.aanbieder} vanaf {self.ingangsdatum:%d-%m-%Y}"

    @property
    def is_verwijderd(self) -> bool:
        """Withdrawn from its start: einddatum = ingangsdatum with RedenWijziging 13."""
        return (
            self.einddatum == self.ingangsdatum
            and self.reden_wijziging == RedenWijziging.VERWIJDERD
        )

    @property
    def wacht_op_plan(self) -> bool:
        """An order to write a plan (short-term or re-indication): not sent in the chain."""
        if self.bandbreedte_id is None:
            return False
        return self.beschikking_id is None or self.beschikking.is_kortdurend

    @property
    def gaat_naar_keten(self) -> bool:
        """The provider receives it in an iWmo 301 (see ``ToewijzingQuerySet.voor_keten``)."""
        return (
            self.product.uitvoeringsvariant != Uitvoeringsvariant.TAAKGERICHT
            and not self.wacht_op_plan
        )

    @property
    def omvang(self) -> str:
        if self.volume is None:
            return ""
        eenheid = "minuten" if self.eenheid == Eenheid.MINUUT else self.get_eenheid_display()
        return f"{self.volume} {eenheid} {self.get_frequentie_display()}"


def plan_pad(instance, filename: str) -> str:
    return f"ondersteuningsplannen/{instance.toewijzing.uuid}/{instance.uuid}.pdf"


class Ondersteuningsplan(DomainModel):
    """A version of the provider's support plan: structured part plus the signed PDF.
    Accepted, it is the definitive decision (taken under ondermandaat). Every version
    is kept; at most one awaits review and at most one is accepted per assignment."""

    toewijzing = models.ForeignKey(
        Toewijzing,
        verbose_name="toewijzing",
        on_delete=models.PROTECT,
        related_name="ondersteuningsplannen",
    )
    versie = models.PositiveSmallIntegerField("versie")
    status = models.CharField(
        "status", max_length=20, choices=PlanStatus.choices, default=PlanStatus.INGEDIEND
    )
    minuten_per_week = models.PositiveIntegerField("minuten per week", validators=MINUTEN)
    was_strijk = models.BooleanField("inclusief was/strijk")
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum")
    afspraken = models.TextField("afspraken", blank=True)
    verzenddatum = models.DateField("verzenddatum")
    ondertekenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ondertekend door (ondermandaat)",
        on_delete=models.PROTECT,
        related_name="+",
    )
    bestand = models.FileField(
        "ondersteuningsplan (PDF)", upload_to=plan_pad, storage=documenten_storage, max_length=300
    )
    bestandsnaam = models.CharField("oorspronkelijke bestandsnaam", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="ingediend door", on_delete=models.PROTECT
    )
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="beoordeeld door",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    afwijsreden = models.TextField("wat moet anders", blank=True)
    # Kept by plan_indienen: a newer version of the plan exists for the same assignment.
    vervangen = models.BooleanField("vervangen door een nieuwere versie", default=False)

    history = HistoricalRecords()
    objects = OndersteuningsplanQuerySet.as_manager()
    zichtbaarheid = Zichtbaarheid(aanbieder="toewijzing__aanbieder_id")

    class Meta:
        verbose_name = "ondersteuningsplan"
        verbose_name_plural = "ondersteuningsplannen"
        ordering = ["-versie"]
        constraints = [
            models.UniqueConstraint(fields=["toewijzing", "versie"], name="plan_versie_uniek"),
            models.UniqueConstraint(
                fields=["toewijzing"],
                condition=Q(status="ingediend"),
                name="plan_een_in_beoordeling",
                violation_error_message="Er wacht al een versie op beoordeling.",
            ),
            models.UniqueConstraint(
                fields=["toewijzing"],
                condition=Q(status="geaccepteerd"),
                name="plan_een_geaccepteerd",
                violation_error_message="Er is al een geaccepteerd plan voor deze toewijzing.",
            ),
            models.CheckConstraint(
                condition=~Q(status="afgewezen") | ~Q(afwijsreden=""),
                name="plan_afwijzing_met_reden",
                violation_error_message="Een afwijzing zegt wat er anders moet.",
            ),
            einde_niet_voor_begin(
                "ingangsdatum",
                "einddatum",
                "plan_einde_na_begin",
                "De einddatum ligt voor de ingangsdatum.",
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(status="ingediend"), name="plan_in_beoordeling"
            ),
            # The provider's worklist: rejected plans not yet followed by a new version.
            models.Index(
                fields=["toewijzing", "versie"],
                condition=Q(status="afgewezen"),
                name="plan_afgewezen",
            ),
            # Versions after the first: "is there a newer version?" probes this small index
            # (a newer version always has versie > 1) instead of every plan in the country.
            models.Index(
                fields=["toewijzing", "versie"],
                condition=Q(versie__gt=1),
                name="plan_vervolgversie",
            ),
            # The provider's worklist "afgewezen": rejected latest versions, newest first.
            # A handful of rows nationally; the provider filter reads each one's assignment.
            models.Index(
                fields=["-beoordeeld_op", "-id"],
                condition=Q(status="afgewezen", vervangen=False),
                name="plan_afgewezen_laatste",
            ),
        ]

    def __str__(self) -> str:
        return f"Ondersteuningsplan versie {self.versie} ({self.get_status_display()})"
