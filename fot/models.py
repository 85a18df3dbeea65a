"""Consultation tables (FOT): tables and members, meetings with their agenda and minutes,
and the action list that carries across meetings.

A meeting's minutes are drafts until the next meeting approves them (vaststellen); from then
on they are locked and a later change is a dated annotation. Action items belong to the
table, not to one meeting: an open item stays on every next agenda until it is done.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import models
from django.db.models import Case, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from sdd_portal.accounts.models import Organisatie, Rol
from sdd_portal.models import DomainModel, documenten_storage
from sdd_portal.zichtbaarheid import Zichtbaarheid, ZichtbaarQuerySet

from .states import VERSLAG_GEDEELD, ActieStatus, VergaderingStatus

# The search expressions: the GIN indexes are built on exactly these, so queries that use
# them can use the indexes.
ZOEK_AGENDAPUNT = SearchVector("titel", "notulen", config="dutch")
ZOEK_ACTIEPUNT = SearchVector("tekst", config="dutch")


class Tafel(DomainModel):
    naam = models.CharField("naam", max_length=100, unique=True)
    omschrijving = models.TextField("omschrijving", blank=True)
    actief = models.BooleanField("actief", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "overlegtafel"
        verbose_name_plural = "overlegtafels"
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"FOT {self.naam}"


class Tafellid(DomainModel):
    """A member organisation of a table, with its one representative (000 item 3a)."""

    tafel = models.ForeignKey(Tafel, on_delete=models.PROTECT, related_name="leden")
    organisatie = models.ForeignKey(
        Organisatie, verbose_name="organisatie", on_delete=models.PROTECT, related_name="tafels"
    )
    vertegenwoordiger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="vertegenwoordiger",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    lid_vanaf = models.DateField("lid vanaf")
    lid_tot = models.DateField("lid tot en met", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "tafellid"
        verbose_name_plural = "tafelleden"
        ordering = ["organisatie__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["tafel", "organisatie"],
                condition=Q(lid_tot__isnull=True),
                name="tafellid_eenmaal_actief",
                violation_error_message="Deze organisatie is al lid van deze tafel.",
            ),
            models.CheckConstraint(
                condition=Q(lid_tot__isnull=True) | Q(lid_tot__gte=models.F("lid_vanaf")),
                name="tafellid_periode",
                violation_error_message="Het lidmaatschap eindigt niet voor het begint.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie} aan {self.tafel}"


def _vergaderingen_van_aanbieder(provider_id: int) -> Q:
    """The meetings of the tables the provider is (or was) a member of, except minutes still
    in draft."""
    leden = Tafellid.objects.filter(organisatie_id=provider_id).values("tafel_id")
    return Q(tafel_id__in=leden) & ~Q(status=VergaderingStatus.CONCEPT)


class VergaderingQuerySet(ZichtbaarQuerySet):
    def gepubliceerd(self):
        return self.filter(gepubliceerd_op__isnull=False, status=VergaderingStatus.VASTGESTELD)


class Vergadering(DomainModel):
    tafel = models.ForeignKey(Tafel, on_delete=models.PROTECT, related_name="vergaderingen")
    datum = models.DateField("datum")
    datum_benaderd = models.BooleanField(
        "datum bij benadering",
        default=False,
        help_text="Het verslag noemt geen datum; dit is de maand die de tekst aangeeft.",
    )
    begintijd = models.TimeField("begintijd", null=True, blank=True)
    eindtijd = models.TimeField("eindtijd", null=True, blank=True)
    locatie = models.CharField("locatie", max_length=200, blank=True)
    online = models.BooleanField("online", default=False)
    voorzitter = models.CharField("voorzitter", max_length=200, blank=True)
    notulist = models.CharField("notulist", max_length=200, blank=True)
    opname_toestemming = models.BooleanField(
        "toestemming voor opname", null=True, blank=True, help_text="Gevraagd bij de opening."
    )
    status = models.CharField(
        "status", max_length=20, choices=VergaderingStatus.choices, default="gepland"
    )
    vastgesteld_op = models.DateField("vastgesteld op", null=True, blank=True)
    vastgesteld_in = models.ForeignKey(
        "self",
        verbose_name="vastgesteld in de vergadering van",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vastgestelde_verslagen",
    )
    vastgesteld_met_wijzigingen = models.BooleanField(default=False)
    gepubliceerd_op = models.DateTimeField("gepubliceerd op", null=True, blank=True)
    mededelingen_leden = models.TextField("toetredende en vertrekkende leden", blank=True)
    bron = models.CharField("bron", max_length=100, blank=True)

    history = HistoricalRecords()
    objects = VergaderingQuerySet.as_manager()
    # Contract management and consulenten see every meeting; a provider's employee those of
    # its tables (see _vergaderingen_van_aanbieder). Agenda items, attachments and search
    # results follow the meeting they belong to; action items are part of the minutes and
    # have a rule of their own (Actiepunt.zichtbaarheid: shared minutes only).
    zichtbaarheid = Zichtbaarheid(
        sdd_rollen=(Rol.CONTRACTMANAGER, Rol.CONSULENT),
        aanbieder=None,
        aanbieder_regel=_vergaderingen_van_aanbieder,
    )

    class Meta:
        verbose_name = "vergadering"
        verbose_name_plural = "vergaderingen"
        ordering = ["-datum", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(eindtijd__isnull=True)
                | Q(begintijd__isnull=True)
                | Q(eindtijd__gt=models.F("begintijd")),
                name="vergadering_tijden",
                violation_error_message="De eindtijd ligt na de begintijd.",
            ),
            models.CheckConstraint(
                condition=Q(gepubliceerd_op__isnull=True) | Q(status="vastgesteld"),
                name="vergadering_alleen_vastgesteld_publiceren",
                violation_error_message="Alleen een vastgesteld verslag wordt gepubliceerd.",
            ),
        ]

    def __str__(self) -> str:
        return f"FOT {self.tafel.naam} {self.datum:%d-%m-%Y}"

    @property
    def is_vergrendeld(self) -> bool:
        return self.status == VergaderingStatus.VASTGESTELD


class Deelname(models.Model):
    vergadering = models.ForeignKey(Vergadering, on_delete=models.CASCADE, related_name="deelnames")
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    organisatie_naam = models.CharField("organisatie", max_length=200)
    naam = models.CharField("naam", max_length=200, blank=True)
    rol = models.CharField("rol", max_length=100, blank=True)
    aanwezig = models.BooleanField("aanwezig", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "deelnemer"
        verbose_name_plural = "deelnemers"
        ordering = ["-aanwezig", "organisatie_naam", "id"]

    def __str__(self) -> str:
        return f"{self.organisatie_naam}: {self.naam or self.rol}"


class AgendapuntSoort(models.TextChoices):
    OPENING = "opening", "opening"
    MEDEDELINGEN = "mededelingen", "mededelingen"
    VERSLAG = "verslag", "vaststellen vorig verslag"
    THEMA = "thema", "thema"
    SAMENVATTING = "samenvatting", "samenvatting afspraken en vervolgacties"
    RONDVRAAG = "rondvraag", "rondvraag"
    SLUITING = "sluiting", "sluiting"


class Agendapunt(DomainModel):
    vergadering = models.ForeignKey(Vergadering, on_delete=models.CASCADE, related_name="agenda")
    bovenliggend = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="subpunten"
    )
    volgorde = models.PositiveIntegerField("volgorde")
    nummer = models.CharField("nummer", max_length=20)
    titel = models.CharField("titel", max_length=300)
    soort = models.CharField(
        "soort", max_length=20, choices=AgendapuntSoort.choices, default="thema"
    )
    notulen = models.TextField("verslag", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "agendapunt"
        verbose_name_plural = "agendapunten"
        ordering = ["volgorde", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vergadering", "nummer"],
                name="agendapunt_nummer_uniek",
                violation_error_message="Dit nummer staat al op de agenda.",
            )
        ]
        indexes = [GinIndex(ZOEK_AGENDAPUNT, name="agendapunt_zoeken")]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.titel}"


def bijlage_pad(instance, filename: str) -> str:
    return f"fot/{instance.uuid}.pdf"


class Bijlage(DomainModel):
    agendapunt = models.ForeignKey(Agendapunt, on_delete=models.CASCADE, related_name="bijlagen")
    omschrijving = models.CharField("omschrijving", max_length=200)
    bestand = models.FileField(
        "bestand (PDF)", upload_to=bijlage_pad, storage=documenten_storage, max_length=300
    )
    bestandsnaam = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    grootte = models.PositiveIntegerField()

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bijlage"
        verbose_name_plural = "bijlagen"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.omschrijving


class Annotatie(DomainModel):
    """A dated remark on approved minutes: the minutes themselves no longer change."""

    vergadering = models.ForeignKey(
        Vergadering, on_delete=models.CASCADE, related_name="annotaties"
    )
    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.CASCADE, null=True, blank=True, related_name="annotaties"
    )
    datum = models.DateField("datum")
    tekst = models.TextField("tekst")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "annotatie"
        verbose_name_plural = "annotaties"
        ordering = ["datum", "id"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y}: {self.tekst[:40]}"


def _actiepunten_van_aanbieder(provider_id: int) -> Q:
    """Action items are part of the minutes: a provider sees those of the tables it is (or
    was) a member of once the minutes are shared with the members (ter vaststelling or
    vastgesteld), never those of a planned meeting or of minutes still in draft."""
    leden = Tafellid.objects.filter(organisatie_id=provider_id).values("tafel_id")
    return Q(vergadering__tafel_id__in=leden, vergadering__status__in=VERSLAG_GEDEELD)


class ActiepuntQuerySet(ZichtbaarQuerySet):
    def open(self):
        return self.filter(status=ActieStatus.OPEN)

    def met_uiterlijk(self, actor):
        """Annotate the due date the action list sorts and filters on: ``uiterlijk_datum`` is
        the date itself or, for "uiterlijk de volgende vergadering", the date of the table's
        next meeting the actor may see (``volgende_datum``; none planned yet: no date)."""
        volgende = (
            Vergadering.objects.visible_to(actor)
            .filter(tafel_id=OuterRef("tafel_id"), datum__gt=OuterRef("vergadering__datum"))
            .order_by("datum", "id")
            .values("datum")[:1]
        )
        return self.annotate(
            volgende_datum=Case(
                When(volgende_vergadering=True, termijn__isnull=True, then=Subquery(volgende)),
                default=None,
                output_field=models.DateField(),
            ),
            uiterlijk_datum=Coalesce("termijn", "volgende_datum"),
        )

    def verlopen(self, peildatum):
        """Open items whose due date (see ``met_uiterlijk``) lies before ``peildatum``: an
        item is overdue once its last day has passed, as in the daily rule."""
        return self.open().filter(uiterlijk_datum__lt=peildatum)

    def met_laatste_update(self):
        """Annotate the date and text of the latest progress note, without a query per item."""
        laatste = Actieupdate.objects.filter(actiepunt_id=OuterRef("pk")).order_by("-datum", "-id")
        return self.annotate(
            laatste_update_datum=Subquery(laatste.values("datum")[:1]),
            laatste_update_tekst=Subquery(laatste.values("tekst")[:1]),
        )

    def van_organisatie(self, organisatie_id: int):
        """Items owned by the organisation, or by one of its people."""
        return self.filter(
            Q(eigenaar_organisatie_id=organisatie_id)
            | Q(eigenaar_persoon__organisatie_id=organisatie_id)
        )

    def zoek(self, tekst: str):
        """Full-text search in the action text (Dutch stemming, the GIN index)."""
        query = SearchQuery(tekst, config="dutch", search_type="websearch")
        return self.annotate(zoek=ZOEK_ACTIEPUNT).filter(zoek=query)


class Actiepunt(DomainModel):
    """An agreement or follow-up action; it stays on the table's next agendas until done."""

    tafel = models.ForeignKey(Tafel, on_delete=models.PROTECT, related_name="actiepunten")
    vergadering = models.ForeignKey(
        Vergadering,
        verbose_name="afgesproken in",
        on_delete=models.PROTECT,
        related_name="actiepunten",
    )
    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.SET_NULL, null=True, blank=True, related_name="actiepunten"
    )
    nummer = models.CharField("nummer", max_length=20)
    tekst = models.TextField("afspraak of actie")
    eigenaar_organisatie = models.ForeignKey(
        Organisatie,
        verbose_name="eigenaar (organisatie)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fot_acties",
    )
    eigenaar_alle_aanbieders = models.BooleanField("alle aanbieders", default=False)
    eigenaar_persoon = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="eigenaar (persoon)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fot_acties",
    )
    termijn = models.DateField("uiterlijk", null=True, blank=True)
    volgende_vergadering = models.BooleanField("uiterlijk de volgende vergadering", default=False)
    status = models.CharField(
        "status", max_length=10, choices=ActieStatus.choices, default=ActieStatus.OPEN
    )
    afgerond_op = models.DateField("afgerond op", null=True, blank=True)

    history = HistoricalRecords()
    objects = ActiepuntQuerySet.as_manager()
    # The one rule for every list of action items (meeting page, action list, search, API,
    # home panel, the daily overdue rule): see _actiepunten_van_aanbieder.
    zichtbaarheid = Zichtbaarheid(
        sdd_rollen=(Rol.CONTRACTMANAGER, Rol.CONSULENT),
        aanbieder=None,
        aanbieder_regel=_actiepunten_van_aanbieder,
    )

    class Meta:
        verbose_name = "actiepunt"
        verbose_name_plural = "actiepunten"
        ordering = ["vergadering__datum", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vergadering", "nummer"],
                name="actiepunt_nummer_uniek",
                violation_error_message="Dit nummer bestaat al in deze vergadering.",
            ),
            models.CheckConstraint(
                condition=~Q(status="afgerond") | Q(afgerond_op__isnull=False),
                name="actiepunt_afgerond_met_datum",
            ),
        ]
        indexes = [
            models.Index(fields=["termijn"], condition=Q(status="open"), name="actie_open_termijn"),
            GinIndex(ZOEK_ACTIEPUNT, name="actiepunt_zoeken"),
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.tekst[:60]}"

    @property
    def eigenaar(self) -> str:
        delen = []
        if self.eigenaar_alle_aanbieders:
            delen.append("alle aanbieders")
        if self.eigenaar_organisatie_id:
            delen.append(self.eigenaar_organisatie.naam)
        if self.eigenaar_persoon_id:
            delen.append(self.eigenaar_persoon.get_full_name() or self.eigenaar_persoon.username)
        return ", ".join(delen) or "-"


class Actieupdate(DomainModel):
    actiepunt = models.ForeignKey(Actiepunt, on_delete=models.CASCADE, related_name="updates")
    datum = models.DateField("datum")
    tekst = models.TextField("stand van zaken")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "update actiepunt"
        verbose_name_plural = "updates actiepunten"
        ordering = ["datum", "id"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y}: {self.tekst[:40]}"
