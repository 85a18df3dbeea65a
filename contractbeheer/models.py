"""Contract management: contracts, mandates, client stops, capacity, contacts, signals."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeOperators
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from bandbreedte.models import Product, inclusive_range
from indicaties.models import Client, Gemeente
from sdd_portal.accounts.models import Organisatie, Rol
from sdd_portal.models import DomainModel, documenten_storage
from sdd_portal.models import Instellingen as InstellingenBasis
from sdd_portal.periods import einde_niet_voor_begin, geldig_op, open_of_vanaf
from sdd_portal.zichtbaarheid import Zichtbaarheid, ZichtbaarQuerySet

from .states import STOP_GELDEND, ContractStatus, SignaalStatus, StopStatus

AANBIEDER = {"soort": Organisatie.Soort.AANBIEDER}


class Instellingen(InstellingenBasis):
    """Terms that functioneel beheerders set (one row). Demo values are illustrative."""

    capaciteit_verouderd_na_weken = models.PositiveSmallIntegerField(
        "capaciteitsmelding verouderd na (weken)",
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text="Illustratieve demowaarde. Oudere meldingen tonen we als verouderd.",
    )
    mandaat_verloopt_binnen_dagen = models.PositiveSmallIntegerField(
        "mandaat verloopt binnenkort (dagen)",
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Illustratieve demowaarde. Mandaten die binnen deze termijn eindigen, "
        "tonen we op het dashboard.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "instellingen contractbeheer"
        verbose_name_plural = "instellingen contractbeheer"


# Contract management and consulenten see every provider's rows, a provider its own.
CM_EN_CONSULENTEN = Zichtbaarheid(sdd_rollen=(Rol.CONTRACTMANAGER, Rol.CONSULENT))


class Toetredingsstop(DomainModel):
    """A period in which no new providers join the contract for a product (003 item 4)."""

    product = models.ForeignKey(Product, verbose_name="product", on_delete=models.PROTECT)
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    toelichting = models.TextField("toelichting", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "toetredingsstop"
        verbose_name_plural = "toetredingsstops"
        constraints = [
            einde_niet_voor_begin(
                "ingangsdatum",
                "einddatum",
                "toetredingsstop_periode",
                "De einddatum ligt voor de ingangsdatum.",
            ),
        ]

    def __str__(self) -> str:
        return f"Toetredingsstop {self.product.code} vanaf {self.ingangsdatum:%d-%m-%Y}"


class ContractQuerySet(ZichtbaarQuerySet):
    def actief_op(self, datum):
        """Contracts under which the provider may receive new assignments on ``datum``."""
        # A provider that left was still contracted before its leaving date.
        return (
            self.filter(
                status__in=[ContractStatus.ACTIEF, ContractStatus.UITGETREDEN],
                toetredingsdatum__lte=datum,
            )
            .filter(open_of_vanaf("einddatum", datum))
            .filter(open_of_vanaf("uittredingsdatum", datum, inclusief=False))
        )


class Contract(DomainModel):
    """A deelovereenkomst: one provider, one product."""

    class Uitzonderingscriterium(models.TextChoices):
        ONDERSTEUNINGSLIJN = (
            "ondersteuningslijn",
            ("1. het doorlopen van de ondersteuningslijn komt in het geding"),
        )
        HIAAT = "hiaat", "2. er is een hiaat in het aanbod (niet bij een enkel geval)"
        LOKAAL = "lokaal", "3. naar aanleiding van ontwikkelingen bij de lokale gemeenten"

    class Besluit(models.TextChoices):
        TOEGEKEND = "toegekend", "uitzondering toegekend"
        AFGEWEZEN = "afgewezen", "uitzondering afgewezen"

    aanbieder = models.ForeignKey(
        Organisatie,
        verbose_name="aanbieder",
        on_delete=models.PROTECT,
        related_name="contracten",
        limit_choices_to=AANBIEDER,
    )
    product = models.ForeignKey(
        Product, verbose_name="product", on_delete=models.PROTECT, related_name="contracten"
    )
    kenmerk = models.CharField("contractkenmerk", max_length=50, blank=True)
    ingangsdatum = models.DateField("ingangsdatum contract")
    einddatum = models.DateField("einddatum contract", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=ContractStatus.choices, default=ContractStatus.ACTIEF
    )
    toetredingsdatum = models.DateField("toetredingsdatum")
    toetredingsreden = models.TextField("reden of toelichting toetreding", blank=True)
    uitzonderingscriterium = models.CharField(
        "uitzonderingscriterium (bij toetredingsstop)",
        max_length=30,
        choices=Uitzonderingscriterium.choices,
        blank=True,
    )
    uitzonderingsbesluit = models.CharField(
        "besluit over de uitzondering", max_length=20, choices=Besluit.choices, blank=True
    )
    uittredingsdatum = models.DateField("uittredingsdatum", null=True, blank=True)
    uittredingsreden = models.TextField("reden uittreding", blank=True)

    history = HistoricalRecords()
    objects = ContractQuerySet.as_manager()
    zichtbaarheid = CM_EN_CONSULENTEN

    class Meta:
        verbose_name = "deelovereenkomst"
        verbose_name_plural = "deelovereenkomsten (contracten)"
        ordering = ["aanbieder__naam", "product__code", "-ingangsdatum"]
        constraints = [
            einde_niet_voor_begin(
                "ingangsdatum",
                "einddatum",
                "contract_periode",
                "De einddatum van het contract ligt voor de ingangsdatum.",
            ),
            models.CheckConstraint(
                condition=Q(toetredingsdatum__gte=F("ingangsdatum")),
                name="contract_toetreding_na_ingang",
                violation_error_message="De toetredingsdatum ligt voor de ingangsdatum van het "
                "contract.",
            ),
            models.CheckConstraint(
                condition=Q(uittredingsdatum__isnull=True)
                | Q(uittredingsdatum__gte=F("toetredingsdatum")),
                name="contract_uittreding_na_toetreding",
                violation_error_message="De uittredingsdatum ligt voor de toetredingsdatum.",
            ),
            models.CheckConstraint(
                condition=~Q(status=ContractStatus.UITGETREDEN)
                | (Q(uittredingsdatum__isnull=False) & ~Q(uittredingsreden="")),
                name="contract_uittreding_compleet",
                violation_error_message="Een uittreding heeft een datum en een reden.",
            ),
            ExclusionConstraint(
                name="contract_geen_overlap",
                expressions=[
                    ("aanbieder", RangeOperators.EQUAL),
                    ("product", RangeOperators.EQUAL),
                    (inclusive_range("ingangsdatum", "einddatum"), RangeOperators.OVERLAPS),
                ],
                condition=Q(status__in=[ContractStatus.ACTIEF, ContractStatus.AANGEVRAAGD]),
                violation_error_message="Deze aanbieder heeft in deze periode al een contract "
                "voor dit product.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.aanbieder}, {self.product.code} ({self.get_status_display()})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if not (self.product_id and self.toetredingsdatum):
            return
        stop_actief = Toetredingsstop.objects.filter(
            geldig_op(self.toetredingsdatum), product_id=self.product_id
        )
        if stop_actief.exists() and self._state.adding and not self.uitzonderingscriterium:
            raise ValidationError(
                {
                    "uitzonderingscriterium": "Er geldt een toetredingsstop voor dit product: "
                    "kies welk uitzonderingscriterium van toepassing is."
                }
            )
        if (
            self.uitzonderingscriterium
            and not self.uitzonderingsbesluit
            and (self.status != ContractStatus.AANGEVRAAGD)
        ):
            raise ValidationError(
                {
                    "uitzonderingsbesluit": "Leg het besluit over de uitzondering vast voordat het "
                    "contract actief wordt."
                }
            )


class Mandaat(DomainModel):
    """Ondermandaat (Awb 10:4-10:10) for one employee of a provider.

    There is deliberately no address field: documents and decisions under mandate always
    show the organisation's registered main address (seed 000, item 3c).
    """

    aanbieder = models.ForeignKey(
        Organisatie,
        verbose_name="aanbieder",
        on_delete=models.PROTECT,
        related_name="mandaten",
        limit_choices_to=AANBIEDER,
    )
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="medewerker",
        on_delete=models.PROTECT,
        related_name="mandaten",
    )
    functie = models.CharField("functie", max_length=100, blank=True)
    producten = models.ManyToManyField(Product, verbose_name="producten")
    geldig_van = models.DateField("geldig vanaf")
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)
    ingetrokken_op = models.DateField("ingetrokken op", null=True, blank=True)
    intrekkingsreden = models.TextField("reden intrekking", blank=True)

    history = HistoricalRecords(m2m_fields=[producten])

    class Meta:
        verbose_name = "mandaatregistratie"
        verbose_name_plural = "mandaatregistraties"
        ordering = ["aanbieder__naam", "-geldig_van"]
        constraints = [
            einde_niet_voor_begin(
                "geldig_van",
                "geldig_tot",
                "mandaat_periode",
                "'Geldig tot en met' ligt voor 'geldig vanaf'.",
            ),
            models.CheckConstraint(
                condition=Q(ingetrokken_op__isnull=True) | ~Q(intrekkingsreden=""),
                name="mandaat_intrekking_met_reden",
                violation_error_message="Een intrekking heeft een reden.",
            ),
        ]

    def __str__(self) -> str:
        return f"Mandaat {self.medewerker} ({self.aanbieder})"

    @property
    def adres(self) -> str:
        return self.aanbieder.hoofdadres


def mandaat_document_pad(instance, filename: str) -> str:
    return f"mandaten/{instance.mandaat.uuid}/{instance.uuid}.pdf"


class MandaatDocument(DomainModel):
    """A signed consent document (PDF), stored outside the web root."""

    mandaat = models.ForeignKey(
        Mandaat, verbose_name="mandaat", on_delete=models.PROTECT, related_name="documenten"
    )
    omschrijving = models.CharField("omschrijving", max_length=200)
    bestand = models.FileField(
        "bestand (PDF)", upload_to=mandaat_document_pad, storage=documenten_storage, max_length=300
    )
    bestandsnaam = models.CharField("oorspronkelijke bestandsnaam", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    grootte = models.PositiveIntegerField("grootte (bytes)")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "mandaatdocument"
        verbose_name_plural = "mandaatdocumenten"

    def __str__(self) -> str:
        return self.omschrijving


class ClientenstopQuerySet(ZichtbaarQuerySet):
    def geldend_op(self, datum):
        return self.filter(geldig_op(datum), status__in=STOP_GELDEND)

    def heroverweging_verlopen(self, datum):
        return self.geldend_op(datum).filter(heroverwegingsdatum__lt=datum)

    def voor(self, *, product, gemeente):
        return self.filter(product=product, gemeenten=gemeente)


class Clientenstop(DomainModel):
    """A provider's temporary intake stop, only in force with CM's agreement (000 item 3h)."""

    aanbieder = models.ForeignKey(
        Organisatie,
        verbose_name="aanbieder",
        on_delete=models.PROTECT,
        related_name="clientenstops",
        limit_choices_to=AANBIEDER,
    )
    product = models.ForeignKey(Product, verbose_name="product", on_delete=models.PROTECT)
    gemeenten = models.ManyToManyField(Gemeente, verbose_name="gemeenten")
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("verwachte einddatum", null=True, blank=True)
    heroverwegingsdatum = models.DateField("heroverwegingsdatum", null=True, blank=True)
    reden = models.TextField("reden")
    maatregelen = models.TextField(
        "maatregelen om de stop kort te houden",
        help_text="Wat doet uw organisatie om de cliëntenstop zo kort mogelijk te houden?",
    )
    status = models.CharField(
        "status", max_length=20, choices=StopStatus.choices, default=StopStatus.AANGEVRAAGD
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="aangevraagd door",
        on_delete=models.PROTECT,
        related_name="+",
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
    notitie_cm = models.TextField("notitie contractmanagement", blank=True)

    history = HistoricalRecords(m2m_fields=[gemeenten])
    objects = ClientenstopQuerySet.as_manager()
    zichtbaarheid = CM_EN_CONSULENTEN

    class Meta:
        verbose_name = "cliëntenstop"
        verbose_name_plural = "cliëntenstops"
        ordering = ["-ingangsdatum", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=False) | Q(heroverwegingsdatum__isnull=False),
                name="clientenstop_altijd_tijdelijk",
                violation_error_message="Een cliëntenstop is altijd tijdelijk: vul een "
                "verwachte einddatum of een heroverwegingsdatum in.",
            ),
            einde_niet_voor_begin(
                "ingangsdatum",
                "einddatum",
                "clientenstop_periode",
                "De verwachte einddatum ligt voor de ingangsdatum.",
            ),
            models.CheckConstraint(
                condition=Q(heroverwegingsdatum__isnull=True)
                | Q(heroverwegingsdatum__gte=F("ingangsdatum")),
                name="clientenstop_heroverweging_na_ingang",
                violation_error_message="De heroverwegingsdatum ligt voor de ingangsdatum.",
            ),
            models.CheckConstraint(
                condition=Q(status=StopStatus.AANGEVRAAGD) | Q(beoordeeld_door__isnull=False),
                name="clientenstop_beoordeeld_door_cm",
                violation_error_message="Een cliëntenstop geldt pas na akkoord van "
                "contractmanagement.",
            ),
        ]
        indexes = [models.Index(fields=["product", "status"], name="clientenstop_product")]

    def __str__(self) -> str:
        return f"Cliëntenstop {self.aanbieder} {self.product.code}"

    @property
    def is_geldend(self) -> bool:
        vandaag = timezone.localdate()
        return (
            self.status in STOP_GELDEND
            and self.ingangsdatum <= vandaag
            and (self.einddatum is None or self.einddatum >= vandaag)
        )


class CapaciteitQuerySet(ZichtbaarQuerySet):
    def actueel(self, datum):
        return self.filter(open_of_vanaf("tot_datum", datum), ingetrokken_op__isnull=True)

    def verouderd(self, datum, weken: int):
        return self.actueel(datum).filter(bijgewerkt_op__lt=timezone.now() - timedelta(weeks=weken))


class Capaciteit(DomainModel):
    """'Room for about N new clients from date D' (000 item 7)."""

    aanbieder = models.ForeignKey(
        Organisatie,
        verbose_name="aanbieder",
        on_delete=models.PROTECT,
        related_name="capaciteit",
        limit_choices_to=AANBIEDER,
    )
    product = models.ForeignKey(Product, verbose_name="product", on_delete=models.PROTECT)
    gemeenten = models.ManyToManyField(Gemeente, verbose_name="gemeenten")
    aantal = models.PositiveSmallIntegerField(
        "ruimte voor ongeveer (aantal nieuwe cliënten)",
        validators=[MinValueValidator(1), MaxValueValidator(9999)],
    )
    vanaf_datum = models.DateField("vanaf")
    tot_datum = models.DateField("tot en met", null=True, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    bijgewerkt_op = models.DateTimeField("laatst bevestigd", default=timezone.now)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[gemeenten])
    objects = CapaciteitQuerySet.as_manager()
    zichtbaarheid = CM_EN_CONSULENTEN

    class Meta:
        verbose_name = "capaciteitsmelding"
        verbose_name_plural = "capaciteitsmeldingen"
        ordering = ["-bijgewerkt_op"]
        constraints = [
            einde_niet_voor_begin(
                "vanaf_datum", "tot_datum", "capaciteit_periode", "'Tot en met' ligt voor 'vanaf'."
            ),
        ]

    def __str__(self) -> str:
        return f"{self.aanbieder}: ruimte voor {self.aantal} ({self.product.code})"

    def is_verouderd(self, weken: int) -> bool:
        return self.bijgewerkt_op < timezone.now() - timedelta(weeks=weken)


class Contactpersoon(DomainModel):
    """Which SDD contact or mailbox handles which subject (000 item 3j)."""

    onderwerp = models.CharField("onderwerp", max_length=200)
    contact = models.CharField("contactpersoon of afdeling", max_length=200)
    email = models.EmailField("e-mailadres")
    telefoon = models.CharField("telefoonnummer", max_length=20, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=100)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "contactpersoon per onderwerp"
        verbose_name_plural = "contactpersonen per onderwerp"
        ordering = ["volgorde", "onderwerp"]

    def __str__(self) -> str:
        return f"{self.onderwerp}: {self.contact}"


class AanbiedersignaalQuerySet(ZichtbaarQuerySet):
    def open(self):
        return self.exclude(status=SignaalStatus.BEANTWOORD)


class Aanbiedersignaal(DomainModel):
    """A provider reports a problem about one client, e.g. its normenkader calculation
    differs from the band (000 item 4b). Goes to CM and to the client's consulent."""

    class Soort(models.TextChoices):
        NORMENKADER = "normenkader", "bandbreedte wijkt af van onze berekening (normenkader)"
        ANDERS = "anders", "ander probleem"

    aanbieder = models.ForeignKey(
        Organisatie,
        verbose_name="aanbieder",
        on_delete=models.PROTECT,
        related_name="signalen",
        limit_choices_to=AANBIEDER,
    )
    client = models.ForeignKey(
        Client, verbose_name="cliënt", on_delete=models.PROTECT, related_name="signalen"
    )
    consulent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="consulent van de cliënt",
        on_delete=models.PROTECT,
        related_name="signalen",
        null=True,
        blank=True,
    )
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    onderwerp = models.CharField("onderwerp", max_length=200)
    toelichting = models.TextField("toelichting")
    berekende_minuten = models.PositiveIntegerField(
        "eigen berekening (minuten per week)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(10080)],
    )
    status = models.CharField(
        "status", max_length=20, choices=SignaalStatus.choices, default=SignaalStatus.OPEN
    )
    gemeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gemeld door",
        on_delete=models.PROTECT,
        related_name="+",
    )
    antwoord = models.TextField("antwoord", blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="beantwoord door",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    beantwoord_op = models.DateTimeField("beantwoord op", null=True, blank=True)

    history = HistoricalRecords()
    objects = AanbiedersignaalQuerySet.as_manager()
    zichtbaarheid = CM_EN_CONSULENTEN

    class Meta:
        verbose_name = "signaal van een aanbieder"
        verbose_name_plural = "signalen van aanbieders"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=SignaalStatus.BEANTWOORD)
                | (~Q(antwoord="") & Q(beantwoord_door__isnull=False)),
                name="signaal_antwoord_compleet",
                violation_error_message="Een beantwoord signaal heeft een antwoord.",
            ),
        ]
        indexes = [models.Index(fields=["aanbieder", "status"], name="signaal_aanbieder_status")]

    def __str__(self) -> str:
        return f"{self.onderwerp} ({self.get_status_display()})"
