"""The message store: every iWmo message in or out, the retour codes it carries, and the
immutable version of each assignment as the provider was told it (ADR 0016)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from sdd_portal.accounts.models import Organisatie
from sdd_portal.models import DomainModel
from sdd_portal.zichtbaarheid import Zichtbaarheid


class Berichtcode(models.TextChoices):
    WMO301 = "301", "WMO301 toewijzing"
    WMO302 = "302", "WMO302 retour toewijzing"
    WMO305 = "305", "WMO305 start zorg"
    WMO306 = "306", "WMO306 retour start zorg"
    WMO307 = "307", "WMO307 stop zorg"
    WMO308 = "308", "WMO308 retour stop zorg"


#: The retour message that answers each message type.
RETOUR_VAN = {
    Berichtcode.WMO301: Berichtcode.WMO302,
    Berichtcode.WMO305: Berichtcode.WMO306,
    Berichtcode.WMO307: Berichtcode.WMO308,
}


class Richting(models.TextChoices):
    UIT = "uit", "Uitgaand"
    IN = "in", "Inkomend"


class BerichtStatus(models.TextChoices):
    # Outgoing: placed in the export folder; the portal cannot see the network beyond it.
    KLAARGEZET = "klaargezet", "Klaargezet"
    VERZONDEN = "verzonden", "Verzonden"
    RETOUR_ZONDER_FOUTEN = "retour_ok", "Retour ontvangen zonder fouten"
    RETOUR_MET_FOUTEN = "retour_fouten", "Retour ontvangen met fouten"
    # Incoming: read from the import folder and judged by the rules.
    VERWERKT = "verwerkt", "Verwerkt"
    AFGEKEURD = "afgekeurd", "Afgekeurd"
    # Either way: the message could not be made, placed or read at all.
    FOUT = "fout", "Fout"


class BerichtQuerySet(models.QuerySet):
    def visible_to(self, actor):
        return Bericht.zichtbaarheid.toepassen(self, actor)


class Bericht(DomainModel):
    """One iWmo message, in or out, with its XML exactly as written or received."""

    berichtcode = models.CharField("berichtcode", max_length=3, choices=Berichtcode.choices)
    richting = models.CharField("richting", max_length=3, choices=Richting.choices)
    status = models.CharField("status", max_length=13, choices=BerichtStatus.choices)
    afzender = models.CharField("afzender (gemeentecode of AGB-code)", max_length=8)
    ontvanger = models.CharField("ontvanger (gemeentecode of AGB-code)", max_length=8)
    identificatie = models.CharField("berichtidentificatie", max_length=12)
    dagtekening = models.DateField("dagtekening")
    aanbieder = models.ForeignKey(
        Organisatie,
        verbose_name="aanbieder",
        on_delete=models.PROTECT,
        related_name="iwmo_berichten",
        null=True,
        blank=True,
    )
    client = models.ForeignKey(
        "indicaties.Client",
        verbose_name="cliënt",
        on_delete=models.PROTECT,
        related_name="iwmo_berichten",
        null=True,
        blank=True,
    )
    xml = models.BinaryField("XML")
    sha256 = models.CharField("SHA-256 van de XML", max_length=64)
    bestandsnaam = models.CharField("bestandsnaam", max_length=255, blank=True)
    heenbericht = models.OneToOneField(
        "self",
        verbose_name="antwoord op",
        on_delete=models.PROTECT,
        related_name="retour",
        null=True,
        blank=True,
        help_text="Bij een retourbericht: het bericht waarop het antwoordt.",
    )
    termijn = models.DateField(
        "retour verwacht uiterlijk",
        null=True,
        blank=True,
        help_text="OP090: drie werkdagen na verzending.",
    )
    fouten = models.JSONField(
        "bevindingen",
        default=list,
        blank=True,
        help_text="Wat schema, inhoudscontrole en regels over dit bericht zeiden: code en tekst.",
    )
    verwerkt_op = models.DateTimeField("verwerkt op", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["xml"])
    objects = BerichtQuerySet.as_manager()
    zichtbaarheid = Zichtbaarheid(aanbieder="aanbieder_id")

    class Meta:
        verbose_name = "iWmo-bericht"
        verbose_name_plural = "iWmo-berichten"
        ordering = ["-created_at", "-id"]
        constraints = [
            # TR056: an identification is unique per message type for its sender.
            models.UniqueConstraint(
                fields=["afzender", "berichtcode", "identificatie"],
                condition=Q(richting="uit") | ~Q(status="afgekeurd"),
                name="bericht_identificatie_uniek",
            ),
            # A file read twice (a worker died between storing and moving it) is one message.
            models.UniqueConstraint(
                fields=["sha256"], condition=Q(richting="in"), name="bericht_in_eenmaal"
            ),
        ]
        indexes = [
            models.Index(fields=["aanbieder", "-created_at"], name="bericht_aanbieder"),
            models.Index(fields=["client", "-created_at"], name="bericht_client"),
            models.Index(fields=["dagtekening"], name="bericht_dag"),
            models.Index(
                fields=["termijn"],
                condition=Q(status__in=["klaargezet", "verzonden"]),
                name="bericht_wacht_op_retour",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_berichtcode_display()} {self.identificatie}"


class Retourcode(models.Model):
    """One code in a retour message (WJ001), at the level it judged."""

    class Niveau(models.TextChoices):
        HEADER = "header", "Bericht"
        CLIENT = "client", "Cliënt"
        PRODUCT = "product", "Product"

    bericht = models.ForeignKey(
        Bericht, verbose_name="retourbericht", on_delete=models.CASCADE, related_name="retourcodes"
    )
    code = models.CharField("retourcode", max_length=4)
    niveau = models.CharField("niveau", max_length=7, choices=Niveau.choices)
    toewijzingnummer = models.PositiveIntegerField("toewijzingnummer", null=True, blank=True)
    toewijzing = models.ForeignKey(
        "indicaties.Toewijzing",
        verbose_name="toewijzing",
        on_delete=models.PROTECT,
        related_name="retourcodes",
        null=True,
        blank=True,
    )
    # The retention clock of sdd_portal.privacy counts from it (keten/privacy.py).
    created_at = models.DateTimeField("vastgelegd op", auto_now_add=True)

    zichtbaarheid = Zichtbaarheid(aanbieder="bericht__aanbieder_id")

    class Meta:
        verbose_name = "retourcode"
        verbose_name_plural = "retourcodes"
        ordering = ["bericht", "id"]
        indexes = [models.Index(fields=["toewijzing", "code"], name="retourcode_toewijzing")]

    def __str__(self) -> str:
        return self.code


class ToewijzingVersie(models.Model):
    """What the provider was told about one assignment in one 301: never changed."""

    toewijzing = models.ForeignKey(
        "indicaties.Toewijzing",
        verbose_name="toewijzing",
        on_delete=models.PROTECT,
        related_name="versies",
    )
    bericht = models.ForeignKey(
        Bericht, verbose_name="bericht", on_delete=models.PROTECT, related_name="toewijzingversies"
    )
    toewijzingnummer = models.PositiveIntegerField("toewijzingnummer")
    vastgesteld_op = models.DateTimeField("toewijzingsdatum en -tijd")
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum", null=True, blank=True)
    reden_wijziging = models.CharField("reden wijziging", max_length=2, blank=True)
    productcategorie = models.CharField("productcategorie", max_length=2)
    productcode = models.CharField("productcode", max_length=5, blank=True)
    volume = models.PositiveIntegerField("volume", null=True, blank=True)
    eenheid = models.CharField("eenheid", max_length=2, blank=True)
    frequentie = models.CharField("frequentie", max_length=1, blank=True)
    created_at = models.DateTimeField("vastgelegd op", auto_now_add=True)

    zichtbaarheid = Zichtbaarheid(aanbieder="toewijzing__aanbieder_id")

    class Meta:
        verbose_name = "toewijzingsversie"
        verbose_name_plural = "toewijzingsversies"
        ordering = ["toewijzing", "vastgesteld_op", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["toewijzing", "bericht"], name="toewijzingversie_eenmaal_per_bericht"
            )
        ]
        indexes = [
            models.Index(fields=["toewijzing", "-vastgesteld_op"], name="toewijzingversie_laatste")
        ]

    def __str__(self) -> str:
        return f"{self.toewijzingnummer} per {self.vastgesteld_op:%d-%m-%Y %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Een verzonden toewijzingsversie wordt nooit gewijzigd.")
        super().save(*args, **kwargs)
