"""Products (maatwerkvoorzieningen) and their tariffs as reference data."""

from __future__ import annotations

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, IntegerRangeField, RangeOperators
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Func, Q
from simple_history.models import HistoricalRecords

from sdd_portal.models import DomainModel
from sdd_portal.periods import einde_niet_voor_begin, geldig_op


class Eenheid(models.TextChoices):
    """iWmo WJ756 (basisschema LDT_Eenheid)."""

    MINUUT = "01", "minuut"
    UUR = "04", "uur"
    ETMAAL = "14", "etmaal"
    DAGDEEL = "16", "dagdeel (4 uur)"
    STUKS_OUTPUT = "82", "stuks (output)"
    EURO = "83", "euro"
    STUKS_INSPANNING = "84", "stuks (inspanning)"


class Frequentie(models.TextChoices):
    """iWmo WMO757 (basisschema LDT_Frequentie)."""

    PER_DAG = "1", "per dag"
    PER_WEEK = "2", "per week"
    PER_MAAND = "4", "per maand"
    TOTAAL = "6", "totaal binnen geldigheidsduur toewijzing"


class Uitvoeringsvariant(models.TextChoices):
    INSPANNINGSGERICHT = "inspanningsgericht", "inspanningsgericht"
    OUTPUTGERICHT = "outputgericht", "outputgericht"
    TAAKGERICHT = "taakgericht", "taakgericht"


class DateRange(Func):
    """PostgreSQL daterange(start, end, '[]'); a NULL end is open-ended."""

    function = "daterange"
    output_field = DateRangeField()


def inclusive_range(start: str, end: str) -> DateRange:
    return DateRange(F(start), F(end), models.Value("[]"))


class IntRange(Func):
    """PostgreSQL int4range(low, high, '[]')."""

    function = "int4range"
    output_field = IntegerRangeField()


class ProductQuerySet(models.QuerySet):
    def geldig_op(self, datum):
        return self.filter(geldig_op(datum, "geldig_van", "geldig_tot"))


class Product(DomainModel):
    code = models.CharField(
        "code",
        max_length=10,
        unique=True,
        help_text="Korte code in het portaal, bijvoorbeeld HO of IB.",
    )
    naam = models.CharField("naam", max_length=200)
    productcategorie = models.CharField(
        "iWmo-productcategorie",
        max_length=2,
        validators=[RegexValidator(r"^[0-9]{2}$", "Een productcategorie bestaat uit 2 cijfers.")],
    )
    productcode = models.CharField(
        "iWmo-productcode",
        max_length=5,
        validators=[
            RegexValidator(
                r"^[0-9A-Z]{1,5}$", "Een productcode is 1 tot 5 cijfers of hoofdletters."
            )
        ],
    )
    eenheid = models.CharField(
        "eenheid", max_length=2, choices=Eenheid.choices, default=Eenheid.MINUUT
    )
    frequentie = models.CharField(
        "frequentie", max_length=1, choices=Frequentie.choices, default=Frequentie.PER_WEEK
    )
    uitvoeringsvariant = models.CharField(
        "uitvoeringsvariant",
        max_length=20,
        choices=Uitvoeringsvariant.choices,
        default=Uitvoeringsvariant.INSPANNINGSGERICHT,
    )
    geldig_van = models.DateField("geldig vanaf", default="2025-01-01")
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)
    kortdurend_weken = models.PositiveSmallIntegerField(
        "duur kortdurende beschikking (weken)",
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text="Illustratieve demowaarde. Zo lang loopt een kortdurende beschikking voor "
        "dit product; de aanbieder levert in die periode nog niet.",
    )

    history = HistoricalRecords()
    objects = ProductQuerySet.as_manager()

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "producten"
        ordering = ["code"]
        constraints = [
            einde_niet_voor_begin(
                "geldig_van",
                "geldig_tot",
                "product_geldigheid",
                "'Geldig tot en met' ligt voor 'geldig vanaf'.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.naam}"

    @property
    def omvang_eenheid(self) -> str:
        return f"{self.get_eenheid_display()} {self.get_frequentie_display()}"


class TariefQuerySet(models.QuerySet):
    def geldig_op(self, datum):
        return self.filter(geldig_op(datum))


class Tarief(DomainModel):
    """The price per unit of a product for a period. Versions follow each other; the
    periods of one product and unit never overlap (exclusion constraint)."""

    product = models.ForeignKey(
        Product, verbose_name="product", on_delete=models.PROTECT, related_name="tarieven"
    )
    eenheid = models.CharField("eenheid", max_length=2, choices=Eenheid.choices)
    bedrag = models.DecimalField(
        "bedrag per eenheid (euro)",
        max_digits=9,
        decimal_places=4,
        validators=[MinValueValidator(0)],
    )
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    omschrijving = models.CharField(
        "omschrijving",
        max_length=200,
        help_text="Bijvoorbeeld: cao-verhoging per 1 juli 2025.",
    )

    history = HistoricalRecords()
    objects = TariefQuerySet.as_manager()

    class Meta:
        verbose_name = "tarief"
        verbose_name_plural = "tarieven"
        ordering = ["product__code", "-ingangsdatum"]
        constraints = [
            einde_niet_voor_begin(
                "ingangsdatum",
                "einddatum",
                "tarief_einde_na_begin",
                "De einddatum ligt voor de ingangsdatum.",
            ),
            ExclusionConstraint(
                name="tarief_geen_overlap",
                expressions=[
                    ("product", RangeOperators.EQUAL),
                    ("eenheid", RangeOperators.EQUAL),
                    (inclusive_range("ingangsdatum", "einddatum"), RangeOperators.OVERLAPS),
                ],
                violation_error_message=(
                    "Voor dit product en deze eenheid geldt in (een deel van) deze periode al "
                    "een tarief. Beëindig het vorige tarief eerst."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product.code} {self.bedrag} per {self.get_eenheid_display()}"

    @classmethod
    def op_datum(cls, product, datum, eenheid=None) -> Tarief | None:
        """The tariff in force on ``datum``: one lookup."""
        return (
            cls.objects.geldig_op(datum)
            .filter(product=product, eenheid=eenheid or product.eenheid)
            .first()
        )


# ------------------------------------------------------------------ bandbreedtes

MINUTEN_PER_WEEK_MAX = 7 * 24 * 60


class NormenkaderQuerySet(models.QuerySet):
    def geldig_op(self, datum):
        return self.filter(geldig_op(datum, "geldig_van", "geldig_tot"))


class Normenkader(DomainModel):
    """A version of the norm-time framework (e.g. HHM 2025) that bands derive from."""

    versie = models.CharField(
        "versie", max_length=50, unique=True, help_text="Bijvoorbeeld: HHM-normenkader 2025."
    )
    omschrijving = models.TextField("omschrijving", blank=True)
    geldig_van = models.DateField("geldig vanaf")
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)

    history = HistoricalRecords()
    objects = NormenkaderQuerySet.as_manager()

    class Meta:
        verbose_name = "normenkaderversie"
        verbose_name_plural = "normenkaderversies"
        ordering = ["-geldig_van"]
        constraints = [
            einde_niet_voor_begin(
                "geldig_van",
                "geldig_tot",
                "normenkader_geldigheid",
                "'Geldig tot en met' ligt voor 'geldig vanaf'.",
            )
        ]

    def __str__(self) -> str:
        return self.versie


class Resultaatgebied(DomainModel):
    """A result area of a normenkader (schoon en leefbaar huis, wasverzorging, ...)."""

    normenkader = models.ForeignKey(
        Normenkader,
        verbose_name="normenkader",
        on_delete=models.PROTECT,
        related_name="resultaatgebieden",
    )
    code = models.CharField("code", max_length=20)
    naam = models.CharField("naam", max_length=200)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    is_wasverzorging = models.BooleanField(
        "betreft was en strijk",
        default=False,
        help_text="Minuten op dit resultaatgebied betekenen dat was/strijk in de indicatie zit.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "resultaatgebied"
        verbose_name_plural = "resultaatgebieden"
        ordering = ["normenkader", "volgorde", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["normenkader", "code"],
                name="resultaatgebied_code_uniek",
                violation_error_message="Deze code bestaat al in dit normenkader.",
            )
        ]

    def __str__(self) -> str:
        return self.naam


class BandbreedteQuerySet(models.QuerySet):
    def geldig_op(self, datum):
        return self.filter(geldig_op(datum, "geldig_van", "geldig_tot"))

    def voor_minuten(self, *, product, minuten: int, datum):
        """The band of ``product`` that holds ``minuten`` on ``datum``; when the minutes
        fall between two bands, the next higher band (never rounded down)."""
        return (
            self.geldig_op(datum)
            .filter(product=product, max_minuten__gte=minuten)
            .order_by("min_minuten")
        )


class Bandbreedte(DomainModel):
    """A range of minutes per week for a product. Versioned by validity; within a product
    the ranges of bands in force at the same time never overlap (exclusion constraint),
    so every number of minutes belongs to at most one band."""

    product = models.ForeignKey(
        Product, verbose_name="product", on_delete=models.PROTECT, related_name="bandbreedtes"
    )
    normenkader = models.ForeignKey(
        Normenkader,
        verbose_name="normenkaderversie",
        on_delete=models.PROTECT,
        related_name="bandbreedtes",
    )
    code = models.CharField("code", max_length=20, help_text="Bijvoorbeeld: HO-B3.")
    naam = models.CharField("naam", max_length=100, blank=True)
    min_minuten = models.PositiveIntegerField(
        "minimum (minuten per week)", validators=[MaxValueValidator(MINUTEN_PER_WEEK_MAX)]
    )
    max_minuten = models.PositiveIntegerField(
        "maximum (minuten per week)", validators=[MaxValueValidator(MINUTEN_PER_WEEK_MAX)]
    )
    geldig_van = models.DateField("geldig vanaf")
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)

    history = HistoricalRecords()
    objects = BandbreedteQuerySet.as_manager()

    class Meta:
        verbose_name = "bandbreedte"
        verbose_name_plural = "bandbreedtes"
        ordering = ["product__code", "min_minuten", "-geldig_van"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_minuten__lte=F("max_minuten")),
                name="bandbreedte_min_max",
                violation_error_message="Het minimum is groter dan het maximum.",
            ),
            einde_niet_voor_begin(
                "geldig_van",
                "geldig_tot",
                "bandbreedte_geldigheid",
                "'Geldig tot en met' ligt voor 'geldig vanaf'.",
            ),
            ExclusionConstraint(
                name="bandbreedte_geen_overlap",
                expressions=[
                    ("product", RangeOperators.EQUAL),
                    (
                        IntRange(F("min_minuten"), F("max_minuten"), models.Value("[]")),
                        RangeOperators.OVERLAPS,
                    ),
                    (inclusive_range("geldig_van", "geldig_tot"), RangeOperators.OVERLAPS),
                ],
                violation_error_message=(
                    "Deze minuten overlappen in (een deel van) deze periode met een andere "
                    "bandbreedte van dit product. Elke minuut hoort bij hooguit één band."
                ),
            ),
            ExclusionConstraint(
                name="bandbreedte_code_uniek_per_periode",
                expressions=[
                    ("product", RangeOperators.EQUAL),
                    ("code", RangeOperators.EQUAL),
                    (inclusive_range("geldig_van", "geldig_tot"), RangeOperators.OVERLAPS),
                ],
                violation_error_message=(
                    "Deze code is in (een deel van) deze periode al in gebruik voor dit product."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.min_minuten}-{self.max_minuten} min/week)"

    @property
    def ondergrens(self) -> str:
        """What a client or provider may see of a short decision: the lower bound only."""
        return f"{self.min_minuten} minuten per week"

    def bevat(self, minuten: int) -> bool:
        return self.min_minuten <= minuten <= self.max_minuten
