"""Clients and their municipality (the client register)."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Upper
from simple_history.models import HistoricalRecords

from sdd_portal.models import DomainModel
from sdd_portal.validators import validate_bsn, validate_postcode, validate_telefoon
from sdd_portal.zichtbaarheid import Zichtbaarheid

from ..query import ClientQuerySet
from .toewijzingen import Toewijzing


class Gemeente(DomainModel):
    """One of the seven Drechtsteden municipalities, by CBS code (reference data)."""

    code = models.CharField("CBS-gemeentecode", max_length=4, unique=True)
    naam = models.CharField("naam", max_length=100, unique=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{4}$"), name="gemeente_code")
        ]

    def __str__(self) -> str:
        return self.naam


def _met_toewijzing_bij(aanbieder_id: int) -> Exists:
    """A provider sees a client while that client has or had a toewijzing with it."""
    return Exists(Toewijzing.objects.filter(client_id=OuterRef("pk"), aanbieder_id=aanbieder_id))


class Client(DomainModel):
    bsn = models.CharField(
        "BSN",
        max_length=9,
        unique=True,
        validators=[validate_bsn],
        error_messages={"unique": "Er staat al een cliënt met dit BSN in het portaal."},
    )
    voornamen = models.CharField("voornamen", max_length=200)
    voorvoegsel = models.CharField("tussenvoegsel", max_length=20, blank=True)
    achternaam = models.CharField("achternaam", max_length=200)
    geboortedatum = models.DateField("geboortedatum")
    straat = models.CharField("straat", max_length=200)
    huisnummer = models.PositiveIntegerField("huisnummer", validators=[MinValueValidator(1)])
    huisnummertoevoeging = models.CharField("toevoeging", max_length=10, blank=True)
    postcode = models.CharField("postcode", max_length=6, validators=[validate_postcode])
    woonplaats = models.CharField("woonplaats", max_length=100)
    gemeente = models.ForeignKey(
        Gemeente, verbose_name="gemeente", on_delete=models.PROTECT, related_name="clienten"
    )
    telefoon = models.CharField(
        "telefoonnummer", max_length=20, blank=True, validators=[validate_telefoon]
    )
    email = models.EmailField("e-mailadres", blank=True)
    consulent = models.ForeignKey(
        "accounts.User",
        verbose_name="consulent",
        on_delete=models.PROTECT,
        related_name="clienten",
        null=True,
        blank=True,
        limit_choices_to={"rollen__contains": ["consulent"]},
        help_text="De consulent van de SDD die de regie heeft voor deze cliënt.",
    )

    history = HistoricalRecords()
    objects = ClientQuerySet.as_manager()
    zichtbaarheid = Zichtbaarheid(aanbieder_regel=_met_toewijzing_bij)

    class Meta:
        verbose_name = "cliënt"
        verbose_name_plural = "cliënten"
        ordering = ["achternaam", "voornamen", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(bsn__regex=r"^[0-9]{9}$"), name="client_bsn_9"),
            models.CheckConstraint(
                condition=Q(postcode__regex=r"^[1-9][0-9]{3}[A-Z]{2}$"), name="client_postcode"
            ),
        ]
        indexes = [
            GinIndex(
                OpClass(Upper("achternaam"), name="gin_trgm_ops"), name="client_achternaam_trgm"
            ),
            GinIndex(
                OpClass(Upper("voornamen"), name="gin_trgm_ops"), name="client_voornamen_trgm"
            ),
            models.Index(fields=["postcode", "huisnummer"], name="client_postcode_nr"),
            models.Index(fields=["geboortedatum"], name="client_geboortedatum"),
            # Client lists in their display order, so LIMIT stops early.
            models.Index(fields=["achternaam", "voornamen", "id"], name="client_naam_volgorde"),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.voorvoegsel, self.achternaam) if p)

    @property
    def adres(self) -> str:
        nummer = f"{self.huisnummer}{self.huisnummertoevoeging}"
        return f"{self.straat} {nummer}, {self.postcode[:4]} {self.postcode[4:]} {self.woonplaats}"
