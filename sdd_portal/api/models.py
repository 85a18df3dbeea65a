"""API credentials, idempotent requests, and subscriptions with their deliveries."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from sdd_portal.models import DomainModel

from .scopes import gebeurtenis_keuzes, scope_keuzes


def hash_geheim(geheim: str) -> str:
    """Secrets are 256 random bits, so one SHA-256 round is enough (no password stretching
    needed: there is nothing to guess)."""
    return hashlib.sha256(geheim.encode()).hexdigest()


class ApiSleutel(DomainModel):
    """One credential of one organisation. The secret is shown once and stored hashed.

    Every credential acts through its own technical account (``gebruiker``): an inactive-
    for-login user of the organisation with the credential's roles. Visibility rules,
    services, history and the access log therefore treat an API client exactly like a
    person of that organisation with those roles.
    """

    PREFIX = "sdd"

    organisatie = models.ForeignKey(
        "accounts.Organisatie",
        verbose_name="organisatie",
        on_delete=models.PROTECT,
        related_name="api_sleutels",
    )
    naam = models.CharField(
        "naam", max_length=100, help_text="Waarvoor deze sleutel dient, bijv. 'Zorgsysteem Nedap'."
    )
    sleutel_id = models.CharField("sleutel-ID", max_length=16, unique=True, editable=False)
    geheim_hash = models.CharField("hash van het geheim", max_length=64, editable=False)
    scopes = ArrayField(
        models.CharField(max_length=40, choices=scope_keuzes),
        verbose_name="rechten",
        default=list,
        blank=True,
        help_text="Lezen en/of schrijven per resource.",
    )
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="technisch account",
        on_delete=models.PROTECT,
        related_name="api_sleutel",
        editable=False,
    )
    # False until a second beheerder approves the key (docs/adr/0011), False for good
    # once it is revoked (``ingetrokken_op``; the database refuses to undo a revocation).
    actief = models.BooleanField("actief", default=False)
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)
    verantwoordelijke = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="verantwoordelijke",
        on_delete=models.PROTECT,
        related_name="verantwoordelijk_voor_sleutels",
        null=True,
        blank=True,
        help_text="De medewerker van de organisatie die voor deze koppeling instaat.",
    )
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ingetrokken door",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    laatst_gebruikt = models.DateTimeField("laatst gebruikt", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["laatst_gebruikt"])

    class Meta:
        verbose_name = "API-sleutel"
        verbose_name_plural = "API-sleutels"
        ordering = ["organisatie__naam", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ingetrokken_op__isnull=True) | Q(actief=False),
                name="apisleutel_ingetrokken_blijft_ingetrokken",
                violation_error_message="Een ingetrokken API-sleutel kan niet opnieuw actief "
                "worden; geef een nieuwe sleutel uit.",
            ),
            models.CheckConstraint(
                condition=Q(actief=False)
                | Q(verantwoordelijke__isnull=False, geldig_tot__isnull=False),
                name="apisleutel_actief_met_verantwoordelijke_en_einddatum",
                violation_error_message="Een actieve API-sleutel heeft een verantwoordelijke "
                "en een einddatum.",
            ),
        ]

    @property
    def ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None

    @property
    def status_tekst(self) -> str:
        from django.utils import timezone

        if self.ingetrokken:
            return "ingetrokken"
        if not self.actief:
            return "wacht op goedkeuring"
        if self.geldig_tot and self.geldig_tot < timezone.localdate():
            return "verlopen"
        return "actief"

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie})"

    @classmethod
    def nieuw_geheim(cls) -> tuple[str, str, str]:
        """Return (sleutel_id, geheim, token). The token is what a client sends."""
        sleutel_id = secrets.token_hex(6)
        geheim = secrets.token_urlsafe(32)
        return sleutel_id, geheim, f"{cls.PREFIX}_{sleutel_id}_{geheim}"

    def heeft_scope(self, scope: str) -> bool:
        return scope in self.scopes


class IdempotentVerzoek(models.Model):
    """A POST with an ``Idempotency-Key``: the first answer is kept and replayed."""

    class Status(models.TextChoices):
        BEZIG = "bezig", "Bezig"
        KLAAR = "klaar", "Klaar"

    sleutel = models.ForeignKey(ApiSleutel, on_delete=models.CASCADE, related_name="+")
    idempotency_key = models.CharField(max_length=255)
    methode = models.CharField(max_length=10)
    pad = models.CharField(max_length=500)
    verzoek_hash = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BEZIG)
    antwoord_status = models.PositiveSmallIntegerField(null=True)
    antwoord = models.JSONField(null=True)
    antwoord_headers = models.JSONField(default=dict)
    aangemaakt_op = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "idempotent verzoek"
        verbose_name_plural = "idempotente verzoeken"
        constraints = [
            models.UniqueConstraint(
                fields=["sleutel", "idempotency_key"], name="idempotent_verzoek_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.methode} {self.pad} ({self.idempotency_key})"


class Abonnement(DomainModel):
    """A callback URL of an organisation for events it may see."""

    organisatie = models.ForeignKey(
        "accounts.Organisatie",
        verbose_name="organisatie",
        on_delete=models.PROTECT,
        related_name="abonnementen",
    )
    sleutel = models.ForeignKey(
        ApiSleutel,
        verbose_name="API-sleutel",
        on_delete=models.CASCADE,
        related_name="abonnementen",
        help_text="Gebeurtenissen worden gefilterd op wat deze sleutel mag zien.",
    )
    callback_url = models.URLField("callback-URL", max_length=500)
    gebeurtenissen = ArrayField(
        models.CharField(max_length=40, choices=gebeurtenis_keuzes),
        verbose_name="gebeurtenissen",
    )
    geheim = models.CharField(
        "ondertekeningsgeheim",
        max_length=100,
        editable=False,
        help_text="Met dit geheim wordt elke levering ondertekend (HMAC-SHA256).",
    )
    actief = models.BooleanField("actief", default=True)

    history = HistoricalRecords(excluded_fields=["geheim"])

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementen"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(gebeurtenissen=[]), name="abonnement_heeft_gebeurtenissen"
            )
        ]

    def __str__(self) -> str:
        return self.callback_url


class Levering(models.Model):
    """One event sent (or to be sent) to one subscription, with every attempt's outcome."""

    class Status(models.TextChoices):
        WACHTEND = "wachtend", "Wachtend"
        GELEVERD = "geleverd", "Geleverd"
        MISLUKT = "mislukt", "Mislukt (opnieuw proberen)"
        OPGEGEVEN = "opgegeven", "Opgegeven"

    uuid = models.UUIDField(unique=True)
    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="leveringen")
    gebeurtenis = models.CharField(max_length=40, choices=gebeurtenis_keuzes)
    resource = models.CharField(max_length=40)
    resource_uuid = models.UUIDField()
    payload = models.JSONField()
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.WACHTEND, db_index=True
    )
    pogingen = models.PositiveSmallIntegerField(default=0)
    laatste_statuscode = models.PositiveSmallIntegerField(null=True)
    laatste_fout = models.CharField(max_length=500, blank=True)
    volgende_poging = models.DateTimeField(null=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    geleverd_op = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "levering"
        verbose_name_plural = "leveringen"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["abonnement", "-aangemaakt_op"], name="levering_abo")]

    def __str__(self) -> str:
        return f"{self.get_gebeurtenis_display()} ({self.get_status_display()})"
