"""Decisions (beschikkingen) and their extensions."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from bandbreedte.models import Product, inclusive_range
from sdd_portal.accounts.models import Organisatie
from sdd_portal.models import DomainModel
from sdd_portal.periods import einde_niet_voor_begin
from sdd_portal.zichtbaarheid import Zichtbaarheid

from ..query import BeschikkingQuerySet
from ..states import BeschikkingStatus
from .clienten import Client
from .velden import MINUTEN


class Beschikking(DomainModel):
    """A decision to the client. Two valid decisions for the same client and product never
    overlap in time (exclusion constraint); a new one records which one it replaces."""

    class Soort(models.TextChoices):
        KORTDUREND = "kortdurend", "kortdurende beschikking"
        DEFINITIEF = "definitief", "definitieve beschikking (ondersteuningsplan)"

    client = models.ForeignKey(
        Client, verbose_name="cliënt", on_delete=models.PROTECT, related_name="beschikkingen"
    )
    product = models.ForeignKey(
        Product, verbose_name="product", on_delete=models.PROTECT, related_name="beschikkingen"
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    status = models.CharField(
        "status",
        max_length=20,
        choices=BeschikkingStatus.choices,
        default=BeschikkingStatus.GELDIG,
    )
    melding = models.ForeignKey(
        "Melding",
        verbose_name="melding",
        on_delete=models.PROTECT,
        related_name="beschikkingen",
        null=True,
        blank=True,
    )
    bandbreedte = models.ForeignKey(
        "bandbreedte.Bandbreedte",
        verbose_name="bandbreedte",
        on_delete=models.PROTECT,
        related_name="beschikkingen",
    )
    minuten_per_week = models.PositiveIntegerField("minuten per week", validators=MINUTEN)
    was_strijk = models.BooleanField("inclusief was/strijk", default=False)
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum")
    verzenddatum = models.DateField("verzenddatum")
    bezwaartermijn_tot = models.DateField("bezwaar mogelijk tot en met")
    aanbieder = models.ForeignKey(
        Organisatie,
        verbose_name="aanbieder",
        on_delete=models.PROTECT,
        related_name="beschikkingen",
    )
    ondersteuningsplan = models.OneToOneField(
        "Ondersteuningsplan",
        verbose_name="ondersteuningsplan",
        on_delete=models.PROTECT,
        related_name="beschikking",
        null=True,
        blank=True,
    )
    vervangt = models.ForeignKey(
        "self",
        verbose_name="vervangt beschikking",
        on_delete=models.PROTECT,
        related_name="vervangen_door",
        null=True,
        blank=True,
    )
    ondertekend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ondertekend door",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De consulent, of bij een ondersteuningsplan de medewerker met ondermandaat.",
    )
    ingetrokken_per = models.DateField("ingetrokken per", null=True, blank=True)
    intrekkingsreden = models.TextField("reden intrekking", blank=True)
    geexporteerd_op = models.DateTimeField("geëxporteerd naar de keten op", null=True, blank=True)

    history = HistoricalRecords()
    objects = BeschikkingQuerySet.as_manager()
    zichtbaarheid = Zichtbaarheid(aanbieder="aanbieder_id")

    class Meta:
        verbose_name = "beschikking"
        verbose_name_plural = "beschikkingen"
        ordering = ["-ingangsdatum", "-id"]
        constraints = [
            einde_niet_voor_begin(
                "ingangsdatum",
                "einddatum",
                "beschikking_einde_na_begin",
                "De einddatum ligt voor de ingangsdatum.",
            ),
            models.CheckConstraint(
                condition=Q(soort="kortdurend", ondersteuningsplan__isnull=True)
                | Q(soort="definitief", ondersteuningsplan__isnull=False),
                name="beschikking_plan_bij_definitief",
                violation_error_message="Een definitieve beschikking is een geaccepteerd "
                "ondersteuningsplan; een kortdurende heeft er geen.",
            ),
            models.CheckConstraint(
                condition=Q(status="geldig") | ~Q(intrekkingsreden=""),
                name="beschikking_intrekking_met_reden",
                violation_error_message="Een intrekking heeft een reden.",
            ),
            ExclusionConstraint(
                name="beschikking_geen_overlap",
                expressions=[
                    ("client", RangeOperators.EQUAL),
                    ("product", RangeOperators.EQUAL),
                    (inclusive_range("ingangsdatum", "einddatum"), RangeOperators.OVERLAPS),
                ],
                condition=Q(status="geldig"),
                violation_error_message=(
                    "Deze cliënt heeft in (een deel van) deze periode al een geldige beschikking "
                    "voor dit product. Een nieuwe beschikking vervangt de oude vanaf haar "
                    "ingangsdatum."
                ),
            ),
        ]
        indexes = [
            models.Index(
                fields=["einddatum"],
                condition=Q(status="geldig", soort="kortdurend"),
                name="beschikking_kort_einde",
            ),
            # The daily jobs read decisions by end date (expiry) and start date (start of
            # care): range scans over what is due, whatever the table size.
            models.Index(
                fields=["einddatum"],
                condition=Q(status="geldig", soort="definitief"),
                name="beschikking_def_einde",
            ),
            models.Index(
                fields=["ingangsdatum"],
                condition=Q(status="geldig", soort="definitief"),
                name="beschikking_def_start",
            ),
            models.Index(fields=["client", "-ingangsdatum"], name="beschikking_client"),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_soort_display()} {self.product.code} "
            f"{self.ingangsdatum:%d-%m-%Y} t/m {self.einddatum:%d-%m-%Y}"
        )

    @property
    def is_kortdurend(self) -> bool:
        return self.soort == self.Soort.KORTDUREND


class Verlenging(DomainModel):
    """An extension without changes (000 item 4c-ii): no new plan, no new decision."""

    beschikking = models.ForeignKey(
        Beschikking,
        verbose_name="beschikking",
        on_delete=models.PROTECT,
        related_name="verlengingen",
    )
    oude_einddatum = models.DateField("oude einddatum")
    nieuwe_einddatum = models.DateField("nieuwe einddatum")
    toelichting = models.TextField("toelichting")
    verlengd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="verlengd door", on_delete=models.PROTECT
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "verlenging"
        verbose_name_plural = "verlengingen"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nieuwe_einddatum__gt=F("oude_einddatum")),
                name="verlenging_later",
                violation_error_message="Een verlenging schuift de einddatum naar later.",
            )
        ]
