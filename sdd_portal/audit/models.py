"""The append-only access log (NEN 7513 practice): who read which client's data."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils import timezone


class Actie(models.TextChoices):
    BEKIJKEN = "bekijken", "Bekeken"
    ZOEKEN = "zoeken", "Gezocht"
    DOWNLOADEN = "downloaden", "Gedownload"
    EXPORTEREN = "exporteren", "Geëxporteerd"
    AFDRUKKEN = "afdrukken", "Afgedrukt"
    WIJZIGEN = "wijzigen", "Gewijzigd (API)"


class Uitkomst(models.TextChoices):
    TOEGESTAAN = "toegestaan", "Toegestaan"
    GEWEIGERD = "geweigerd", "Geweigerd"
    NIET_GEVONDEN = "niet_gevonden", "Niet gevonden"


class AccessLogEntryQuerySet(models.QuerySet):
    def for_client(self, client_id: int):
        return self.filter(client_ids__contains=[client_id])


class AccessLogEntry(models.Model):
    """One read of client data. Rows are never changed or deleted: a database trigger
    refuses UPDATE and DELETE (see migration 0002)."""

    timestamp = models.DateTimeField("tijdstip", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        db_constraint=False,
        db_index=False,  # accesslog_user_ts starts with user_id and serves every lookup
    )
    # Snapshots: what was true at the moment of access, even if the user changes later.
    username = models.CharField("gebruikersnaam", max_length=150)
    organisatie_naam = models.CharField("namens organisatie", max_length=200, blank=True)
    organisatie_id = models.BigIntegerField("organisatie-id", null=True, blank=True)
    rollen = ArrayField(models.CharField(max_length=30), verbose_name="rollen", default=list)
    actie = models.CharField("actie", max_length=20, choices=Actie.choices)
    omschrijving = models.CharField("wat", max_length=300)
    client_ids = ArrayField(models.BigIntegerField(), verbose_name="cliënten", default=list)
    pad = models.CharField("adres (URL)", max_length=500, blank=True)
    ip_adres = models.GenericIPAddressField("IP-adres", null=True, blank=True)
    uitkomst = models.CharField("uitkomst", max_length=20, choices=Uitkomst.choices)

    objects = AccessLogEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "toegangslogregel"
        verbose_name_plural = "toegangslog"
        ordering = ["-timestamp", "-id"]
        indexes = [
            GinIndex(fields=["client_ids"], name="accesslog_client_ids_gin"),
            models.Index(fields=["user", "-timestamp"], name="accesslog_user_ts"),
            models.Index(fields=["uitkomst", "-timestamp"], name="accesslog_uitkomst_ts"),
            # The search page filters on the username snapshot, case-insensitively; with
            # INCLUDE its capped count is an index-only scan.
            models.Index(
                Upper("username"),
                F("timestamp").desc(),
                include=["username"],
                name="accesslog_username_ts",
            ),
            # Searching by action: 'bekijken' (nine rows in ten) is found at once in time
            # order; the rare actions get a small partial index.
            models.Index(
                fields=["actie", "-timestamp"],
                condition=~Q(actie="bekijken"),
                name="accesslog_actie_ts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.username} {self.get_actie_display()}"
