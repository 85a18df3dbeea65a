"""Meldingen, the onderzoek that follows and its normtijden."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from simple_history.models import HistoricalRecords

from bandbreedte.models import MINUTEN_PER_WEEK_MAX, Product
from sdd_portal.accounts.models import Organisatie
from sdd_portal.models import DomainModel
from sdd_portal.zichtbaarheid import Zichtbaarheid

from ..query import MeldingQuerySet
from ..states import MeldingStatus
from ..termijnen import ONDERZOEK_DAGEN
from .beschikkingen import Beschikking
from .clienten import Client
from .velden import MINUTEN


def _aangeleverd_of_beschikt(aanbieder_id: int) -> Q:
    """A provider sees a melding it delivered itself (bulk lists) or one that led to a
    decision with its organisation (so it can read the onderzoek's dates)."""
    return Q(aanbieder_id=aanbieder_id) | Exists(
        Beschikking.objects.filter(melding_id=OuterRef("pk"), aanbieder_id=aanbieder_id)
    )


class Melding(DomainModel):
    """A report of need (melding) and where it came from; the onderzoek follows."""

    class Bron(models.TextChoices):
        CLIENT = "client", "melding van de cliënt of zijn vertegenwoordiger"
        HERINDICATIE = "herindicatie", "herindicatie"
        OMZETTING = "omzetting", "lijst niet-omgezette toewijzingen (aanbieder)"
        WACHTLIJST = "wachtlijst", "wachtlijst zonder bandbreedte (aanbieder)"

    client = models.ForeignKey(
        Client, verbose_name="cliënt", on_delete=models.PROTECT, related_name="meldingen"
    )
    product = models.ForeignKey(
        Product, verbose_name="product", on_delete=models.PROTECT, related_name="meldingen"
    )
    meldingsdatum = models.DateField("meldingsdatum")
    bron = models.CharField("bron", max_length=20, choices=Bron.choices, default=Bron.CLIENT)
    omschrijving = models.TextField("hulpvraag", blank=True)
    aanbieder = models.ForeignKey(
        Organisatie,
        verbose_name="aangeleverd door aanbieder",
        on_delete=models.PROTECT,
        related_name="meldingen",
        null=True,
        blank=True,
    )
    opgegeven_minuten = models.PositiveIntegerField(
        "minuten per week volgens aanbieder", null=True, blank=True, validators=MINUTEN
    )
    opgegeven_was_strijk = models.BooleanField(
        "was/strijk volgens aanbieder", null=True, blank=True
    )
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="consulent",
        on_delete=models.PROTECT,
        related_name="meldingen",
        null=True,
        blank=True,
    )
    status = models.CharField(
        "status", max_length=20, choices=MeldingStatus.choices, default=MeldingStatus.OPEN
    )

    history = HistoricalRecords()
    objects = MeldingQuerySet.as_manager()
    zichtbaarheid = Zichtbaarheid(aanbieder_regel=_aangeleverd_of_beschikt)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-meldingsdatum", "-id"]
        indexes = [
            models.Index(
                fields=["meldingsdatum"],
                condition=Q(status="open"),
                name="melding_open_datum",
            )
        ]

    def __str__(self) -> str:
        return f"Melding {self.product.code} van {self.meldingsdatum:%d-%m-%Y}"

    @property
    def onderzoekstermijn(self):
        """Law: the onderzoek is done within six weeks of the melding."""
        return self.meldingsdatum + timedelta(days=ONDERZOEK_DAGEN)


class Onderzoek(DomainModel):
    """The onderzoek (kitchen-table talk) and its report. Completing it requires the three
    dates, the findings and a band: the database refuses a completed report without them."""

    melding = models.OneToOneField(
        Melding, verbose_name="melding", on_delete=models.PROTECT, related_name="onderzoek"
    )
    gespreksdatum = models.DateField("datum gesprek", null=True, blank=True)
    verslagdatum = models.DateField("datum onderzoeksverslag", null=True, blank=True)
    bevindingen = models.TextField("bevindingen", blank=True)
    bandbreedte = models.ForeignKey(
        "bandbreedte.Bandbreedte",
        verbose_name="bandbreedte",
        on_delete=models.PROTECT,
        related_name="onderzoeken",
        null=True,
        blank=True,
    )
    berekende_minuten = models.PositiveIntegerField(
        "berekende minuten per week (normenkader)", null=True, blank=True, validators=MINUTEN
    )
    was_strijk = models.BooleanField("was/strijk nodig", default=False)
    afgerond_op = models.DateTimeField("afgerond op", null=True, blank=True)
    afgerond_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="afgerond door",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "onderzoek"
        verbose_name_plural = "onderzoeken"
        constraints = [
            models.CheckConstraint(
                condition=Q(afgerond_op__isnull=True)
                | (
                    Q(gespreksdatum__isnull=False)
                    & Q(verslagdatum__isnull=False)
                    & ~Q(bevindingen="")
                    & Q(bandbreedte__isnull=False)
                ),
                name="onderzoek_afgerond_compleet",
                violation_error_message="Een afgerond onderzoek heeft een gespreksdatum, een "
                "verslagdatum, bevindingen en een bandbreedte.",
            ),
            models.CheckConstraint(
                condition=Q(gespreksdatum__isnull=True)
                | Q(verslagdatum__isnull=True)
                | Q(verslagdatum__gte=F("gespreksdatum")),
                name="onderzoek_verslag_na_gesprek",
                violation_error_message="Het verslag is gedateerd voor het gesprek.",
            ),
        ]

    def __str__(self) -> str:
        return f"Onderzoek bij {self.melding}"


class Normtijd(DomainModel):
    """Minutes per week per result area of the normenkader, as the consulent calculated."""

    onderzoek = models.ForeignKey(
        Onderzoek, verbose_name="onderzoek", on_delete=models.CASCADE, related_name="normtijden"
    )
    resultaatgebied = models.ForeignKey(
        "bandbreedte.Resultaatgebied", verbose_name="resultaatgebied", on_delete=models.PROTECT
    )
    minuten = models.DecimalField(
        "minuten per week",
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(MINUTEN_PER_WEEK_MAX)],
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "normtijd"
        verbose_name_plural = "normtijden"
        ordering = ["resultaatgebied__volgorde"]
        constraints = [
            models.UniqueConstraint(
                fields=["onderzoek", "resultaatgebied"], name="normtijd_uniek_per_gebied"
            )
        ]
