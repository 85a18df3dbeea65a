"""Retention (bewaartermijn), the destruction list and the destruction record.

A ``Vernietigingslijst`` is proposed by the monthly job, reviewed by one functioneel
beheerder (items can be excluded with a reason), approved by a second one, and then carried
out by a task. What is kept afterwards, the ``Vernietigingsverklaring``, holds counts and
names of staff only: no client data.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from sdd_portal.models import DomainModel, Instellingen


class Bewaarinstellingen(Instellingen):
    """The retention term of client files (one row, ``huidig()``)."""

    bewaartermijn_jaren = models.PositiveSmallIntegerField(
        "bewaartermijn cliëntdossiers (jaren na einde voorziening)",
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Illustratieve demowaarde, ontleend aan de Selectielijst gemeenten "
        "(Wmo-dossiers: 15 jaar na beëindiging van de voorziening). Stel de termijn vast "
        "volgens het eigen archiefbeleid.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bewaarinstellingen"
        verbose_name_plural = "bewaarinstellingen"


class Vernietigingslijst(DomainModel):
    class Status(models.TextChoices):
        CONCEPT = "concept", "Concept (te beoordelen)"
        VOORGEDRAGEN = "voorgedragen", "Voorgedragen (wacht op goedkeuring)"
        AFGEWEZEN = "afgewezen", "Afgewezen"
        GOEDGEKEURD = "goedgekeurd", "Goedgekeurd (wordt vernietigd)"
        VERNIETIGD = "vernietigd", "Vernietigd"

    peildatum = models.DateField("peildatum", unique=True)
    bewaartermijn_jaren = models.PositiveSmallIntegerField("toegepaste bewaartermijn (jaren)")
    grens = models.DateField(
        "einde voorziening vóór", help_text="Alles wat vóór deze datum eindigde."
    )
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    voorgedragen_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="voorgedragen door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    voorgedragen_op = models.DateTimeField("voorgedragen op", null=True, blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="goedgekeurd of afgewezen door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField("goedgekeurd of afgewezen op", null=True, blank=True)
    afwijzingsreden = models.TextField("reden van afwijzing", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "vernietigingslijst"
        verbose_name_plural = "vernietigingslijsten"
        ordering = ["-peildatum"]
        constraints = [
            # Four eyes: the approver is never the one who put the list forward.
            models.CheckConstraint(
                condition=Q(beoordeeld_door__isnull=True)
                | ~Q(beoordeeld_door=models.F("voorgedragen_door")),
                name="vernietigingslijst_vier_ogen",
            ),
        ]

    def __str__(self) -> str:
        return f"Vernietigingslijst {self.peildatum:%d-%m-%Y}"


class Vernietigingsitem(models.Model):
    """One client on a list. Holds only the client's id (no name, no BSN): the page looks
    the client up while it exists, and after destruction the id points at nothing."""

    lijst = models.ForeignKey(
        Vernietigingslijst, on_delete=models.PROTECT, related_name="items", verbose_name="lijst"
    )
    client_id = models.BigIntegerField("cliënt-id")
    laatste_einde = models.DateField("laatste einde van een voorziening of wijziging")
    uitgesloten = models.BooleanField("uitgesloten van vernietiging", default=False)
    uitsluitingsreden = models.CharField("reden van uitsluiting", max_length=300, blank=True)
    vernietigd_op = models.DateTimeField("vernietigd op", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "cliënt op vernietigingslijst"
        verbose_name_plural = "cliënten op vernietigingslijst"
        ordering = ["laatste_einde", "client_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["lijst", "client_id"], name="vernietigingsitem_eenmaal"
            ),
            models.CheckConstraint(
                condition=Q(uitgesloten=False) | ~Q(uitsluitingsreden=""),
                name="vernietigingsitem_uitsluiting_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"Cliënt {self.client_id} op {self.lijst}"


class Vernietigingsverklaring(models.Model):
    """The record that stays: what was destroyed (counts per kind), when, under which term,
    proposed and approved by whom. No personal data of clients."""

    lijst = models.OneToOneField(
        Vernietigingslijst,
        on_delete=models.PROTECT,
        related_name="verklaring",
        verbose_name="lijst",
    )
    lijst_uuid = models.UUIDField("lijst-id")
    peildatum = models.DateField("peildatum")
    bewaartermijn_jaren = models.PositiveSmallIntegerField("toegepaste bewaartermijn (jaren)")
    voorgedragen_door = models.CharField("voorgedragen door", max_length=150)
    goedgekeurd_door = models.CharField("goedgekeurd door", max_length=150)
    goedgekeurd_op = models.DateTimeField("goedgekeurd op")
    vernietigd_op = models.DateTimeField("vernietigd op", null=True, blank=True)
    aantal_clienten = models.PositiveIntegerField("aantal cliënten", default=0)
    aantal_uitgesloten = models.PositiveIntegerField("aantal uitgesloten", default=0)
    aantallen = models.JSONField("aantallen per soort", default=dict, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "vernietigingsverklaring"
        verbose_name_plural = "vernietigingsverklaringen"
        ordering = ["-peildatum"]

    def __str__(self) -> str:
        return f"Vernietigingsverklaring {self.peildatum:%d-%m-%Y}"
