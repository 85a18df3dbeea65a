"""Letters (brieven) the portal produces itself, their versioned texts and mailing runs.

Imported by ``indicaties.models``, so these are models of the ``indicaties`` app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from sdd_portal.models import DomainModel, documenten_storage
from sdd_portal.zichtbaarheid import Zichtbaarheid, ZichtbaarQuerySet

from ..states import BriefStatus, VerzendrunStatus


class BriefQuerySet(ZichtbaarQuerySet):
    def te_verzenden(self, datum):
        """Letters not yet in a mailing run whose sending date has come."""
        return self.filter(
            verzendrun__isnull=True,
            status__in=[BriefStatus.WACHT, BriefStatus.KLAAR],
            verzenddatum__lte=datum,
        )


class BriefSoort(models.TextChoices):
    KORTDUREND = "kortdurend", "Kortdurende beschikking"
    DEFINITIEF = "definitief", "Definitieve beschikking (met ondersteuningsplan)"
    VERLENGING = "verlenging", "Verlenging van de beschikking"
    INTREKKING = "intrekking", "Intrekking van de beschikking"
    AFWIJZING = "afwijzing", "Afwijzing van de aanvraag"
    VERLOOPBRIEF = "verloopbrief", "Brief zes weken voor de einddatum"


class Briefsjabloon(models.Model):
    """One version of a letter text. Versions are never changed: an edit is a new version,
    and every letter records the version that produced it."""

    soort = models.CharField("soort brief", max_length=20, choices=BriefSoort.choices)
    versie = models.PositiveIntegerField("versie")
    onderwerp = models.CharField("onderwerp", max_length=200)
    tekst = models.TextField(
        "tekst",
        help_text="Platte tekst met elementen als {{ ingangsdatum }}; een lege regel begint een "
        "nieuwe alinea. De verplichte elementen per soort staan onder het invoerveld.",
    )
    toelichting = models.CharField("wat is er veranderd", max_length=300, blank=True)
    gemaakt_op = models.DateTimeField("gemaakt op", auto_now_add=True)
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gemaakt door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "brieftekst"
        verbose_name_plural = "briefteksten"
        ordering = ["soort", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["soort", "versie"], name="briefsjabloon_versie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}, versie {self.versie}"


def brief_pad(instance, filename: str) -> str:
    return f"brieven/{instance.created_at:%Y/%m}/{instance.uuid}.pdf"


def run_pad(instance, filename: str) -> str:
    return f"verzendruns/{instance.datum:%Y/%m}/{instance.uuid}.pdf"


class Verzendrun(DomainModel):
    """The letters of one sending day as one print-ready PDF with a cover list."""

    Status = VerzendrunStatus

    datum = models.DateField("verzenddatum t/m")
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.RENDEREN
    )
    aantal = models.PositiveIntegerField("aantal brieven", default=0)
    gereed = models.PositiveIntegerField("brieven gereed", default=0)
    paginas = models.PositiveIntegerField("pagina's", default=0)
    bestand = models.FileField(
        "printbestand", upload_to=run_pad, storage=documenten_storage, max_length=300, blank=True
    )
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    fout = models.TextField("foutmelding", blank=True)
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="gemaakt door", on_delete=models.PROTECT
    )
    verzonden_op = models.DateField("werkelijk verzonden op", null=True, blank=True)
    verzonden_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="als verzonden gemarkeerd door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "verzendrun"
        verbose_name_plural = "verzendruns"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gereed__lte=models.F("aantal")), name="verzendrun_gereed_max_aantal"
            ),
            models.CheckConstraint(
                condition=~Q(status="verzonden") | Q(verzonden_op__isnull=False),
                name="verzendrun_verzonden_met_datum",
            ),
        ]

    def __str__(self) -> str:
        return f"Verzendrun t/m {self.datum:%d-%m-%Y} ({self.aantal} brieven)"

    @property
    def procent(self) -> int:
        return round(100 * self.gereed / self.aantal) if self.aantal else 100


class Brief(DomainModel):
    """A letter to a client, rendered from the structured data by one template version.

    ``sleutel`` names what the letter is about (kind, object, due date); a database
    uniqueness rule makes sure each exists once, however often it is requested."""

    soort = models.CharField("soort", max_length=20, choices=BriefSoort.choices)
    sleutel = models.CharField("sleutel", max_length=120, unique=True)
    client = models.ForeignKey(
        "indicaties.Client", verbose_name="cliënt", on_delete=models.PROTECT, related_name="brieven"
    )
    beschikking = models.ForeignKey(
        "indicaties.Beschikking",
        verbose_name="beschikking",
        on_delete=models.PROTECT,
        related_name="brieven",
        null=True,
        blank=True,
    )
    verlenging = models.OneToOneField(
        "indicaties.Verlenging",
        verbose_name="verlenging",
        on_delete=models.PROTECT,
        related_name="brief",
        null=True,
        blank=True,
    )
    melding = models.ForeignKey(
        "indicaties.Melding",
        verbose_name="melding",
        on_delete=models.PROTECT,
        related_name="brieven",
        null=True,
        blank=True,
    )
    sjabloon = models.ForeignKey(
        Briefsjabloon, verbose_name="brieftekst (versie)", on_delete=models.PROTECT
    )
    verzenddatum = models.DateField("verzenddatum")
    bezwaartermijn_tot = models.DateField("bezwaar mogelijk tot en met", null=True, blank=True)
    motivering = models.TextField("motivering", blank=True)
    status = models.CharField(
        "status", max_length=20, choices=BriefStatus.choices, default=BriefStatus.WACHT
    )
    bestand = models.FileField(
        "PDF", upload_to=brief_pad, storage=documenten_storage, max_length=300, blank=True
    )
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    grootte = models.PositiveIntegerField("grootte (bytes)", default=0)
    paginas = models.PositiveIntegerField("pagina's", default=0)
    gegevens_sha256 = models.CharField(
        "SHA-256 van de gegevens",
        max_length=64,
        blank=True,
        help_text="Opnieuw maken gebeurt alleen als de gegevens van de brief veranderd zijn.",
    )
    gerenderd_op = models.DateTimeField("gemaakt op", null=True, blank=True)
    fout = models.TextField("foutmelding", blank=True)
    verzendrun = models.ForeignKey(
        Verzendrun,
        verbose_name="verzendrun",
        on_delete=models.PROTECT,
        related_name="brieven",
        null=True,
        blank=True,
    )
    verzonden_op = models.DateField("werkelijk verzonden op", null=True, blank=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="aangemaakt door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()
    objects = BriefQuerySet.as_manager()
    # Consulenten see every letter; a provider the letters about its own decisions (never
    # a refusal, which has no provider).
    zichtbaarheid = Zichtbaarheid(aanbieder="beschikking__aanbieder_id")

    class Meta:
        verbose_name = "brief"
        verbose_name_plural = "brieven"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="verzonden") | Q(verzonden_op__isnull=False),
                name="brief_verzonden_met_datum",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["klaar", "verzonden"]) | ~Q(sha256=""),
                name="brief_klaar_met_bestand",
            ),
        ]
        indexes = [
            models.Index(
                fields=["verzenddatum"],
                condition=Q(verzendrun__isnull=True, status__in=["wacht", "klaar"]),
                name="brief_te_verzenden",
            ),
            models.Index(fields=["client", "-created_at"], name="brief_client"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.verzenddatum:%d-%m-%Y})"

    @property
    def is_definitief(self) -> bool:
        """Sent letters never change again."""
        return self.status == BriefStatus.VERZONDEN
