"""Clients, their municipality, and assignments (toewijzingen) to providers."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from simple_history.models import HistoricalRecords

from bandbreedte.models import MINUTEN_PER_WEEK_MAX, Eenheid, Frequentie, Product, inclusive_range
from sdd_portal.accounts.models import Organisatie
from sdd_portal.models import DomainModel, documenten_storage
from sdd_portal.periods import einde_niet_voor_begin
from sdd_portal.validators import validate_bsn, validate_postcode, validate_telefoon

from .query import (
    BeschikkingQuerySet,
    BulklijstQuerySet,
    ClientQuerySet,
    MeldingQuerySet,
    OndersteuningsplanQuerySet,
    ToewijzingQuerySet,
)
from .states import BeschikkingStatus, MeldingStatus, PlanStatus
from .termijnen import ONDERZOEK_DAGEN


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


class Toewijzing(DomainModel):
    """An order to a provider to deliver a product to a client for a period.

    Minimal form (client, provider, product, period); the HO process adds volume,
    unit, frequency and the link to the decision.
    """

    client = models.ForeignKey(
        Client, verbose_name="cliënt", on_delete=models.PROTECT, related_name="toewijzingen"
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
    gezien_op = models.DateTimeField("door de aanbieder geopend op", null=True, blank=True)
    start_zorg = models.DateField("start zorg gemeld per", null=True, blank=True)
    # Kept by plan_indienen: "has this assignment ever had a plan?" as a column, so the
    # provider's worklist "plannen verwacht" is a range scan of a partial index.
    heeft_plan = models.BooleanField("er is een ondersteuningsplan ingediend", default=False)

    history = HistoricalRecords()
    objects = ToewijzingQuerySet.as_manager()

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
    def omvang(self) -> str:
        if self.volume is None:
            return ""
        eenheid = "minuten" if self.eenheid == Eenheid.MINUUT else self.get_eenheid_display()
        return f"{self.volume} {eenheid} {self.get_frequentie_display()}"


MINUTEN = [MaxValueValidator(MINUTEN_PER_WEEK_MAX)]


class Procesinstellingen(models.Model):
    """Terms of the HO process that functioneel beheerders set (one row).
    The defaults are illustrative demo values, not SDD policy."""

    verzenddatum_max_dagen_vooruit = models.PositiveSmallIntegerField(
        "verzenddatum hooguit zoveel dagen vooruit",
        default=14,
        validators=[MaxValueValidator(60)],
        help_text="Illustratieve demowaarde. De verzenddatum mag in de toekomst liggen, maar "
        "zo dicht mogelijk bij de echte verzending: de bezwaartermijn loopt ervan.",
    )
    kortdurend_signaal_dagen = models.PositiveSmallIntegerField(
        "signaal kortdurende beschikking (dagen voor einde)",
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text="Illustratieve demowaarde. Kortdurende beschikkingen die binnen zoveel "
        "dagen eindigen zonder geaccepteerd plan staan op de werklijst van de consulent.",
    )
    onderzoek_signaal_dagen = models.PositiveSmallIntegerField(
        "signaal onderzoekstermijn (dagen voor de 6 weken)",
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(42)],
        help_text="Illustratieve demowaarde.",
    )
    plan_termijn_dagen = models.PositiveSmallIntegerField(
        "ondersteuningsplan verwacht binnen (dagen na toewijzing)",
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
        help_text="Illustratieve demowaarde.",
    )
    was_aftrek_minuten = models.PositiveSmallIntegerField(
        "minder minuten bij centrale wasservice",
        default=30,
        validators=[MaxValueValidator(600)],
        help_text="Illustratieve demowaarde. Zoveel minuten per week vervallen als de cliënt "
        "overgaat naar de centrale wasservice (seed 000, punt 5).",
    )
    bezwaar_adres = models.CharField(
        "adres voor bezwaarschriften",
        max_length=200,
        default="Sociale Dienst Drechtsteden, Postbus 0000, 3300 AA Dordrecht (voorbeeldadres)",
        help_text="Illustratieve demowaarde. Staat in de bezwaarclausule van elk besluit: "
        "bezwaar gaat altijd naar de SDD, nooit naar de aanbieder.",
    )
    contact_telefoon = models.CharField(
        "telefoonnummer voor cliënten",
        max_length=40,
        default="078 000 00 00 (voorbeeldnummer)",
        help_text="Illustratieve demowaarde, voor brieven aan cliënten.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "procesinstellingen HO"
        verbose_name_plural = "procesinstellingen HO"

    def __str__(self) -> str:
        return "Procesinstellingen HO"

    @classmethod
    def huidig(cls) -> Procesinstellingen:
        return cls.objects.order_by("pk").first() or cls()


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
        Melding,
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


class Bulklijst(DomainModel):
    """An uploaded list (CSV or XLSX) of unconverted assignments or of waiting-list clients
    without a band (000 items 4c, 4e). Every row is validated before anything is imported;
    the rows and their findings are kept as the report."""

    class Soort(models.TextChoices):
        OMZETTING = "omzetting", "niet-omgezette toewijzingen"
        WACHTLIJST = "wachtlijst", "wachtlijstcliënten zonder bandbreedte"

    class Status(models.TextChoices):
        GECONTROLEERD = "gecontroleerd", "gecontroleerd, nog niet geïmporteerd"
        GEIMPORTEERD = "geimporteerd", "geïmporteerd"
        GEANNULEERD = "geannuleerd", "geannuleerd"

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

    class Meta:
        verbose_name = "bulklijst"
        verbose_name_plural = "bulklijsten"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.bestandsnaam})"


# Models of this app kept in their own module.
from .brieven.models import (  # noqa: E402, F401
    Brief,
    Briefsjabloon,
    BriefSoort,
    BriefStatus,
    Verzendrun,
)
