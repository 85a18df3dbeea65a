"""Signals, tasks and notifications, and the state of the daily jobs.

A ``Signaal`` is something that needs someone's attention: a decision about to end, a plan
that is late, a start of care that never came. It lands in an inbox: a provider's
organisation, a role at SDD (contract management, consulenten) or one person (the client's
consulent). It stays open until someone closes it with a note. Read markers are per person,
so every user has their own unread count.

Exactly once is a database rule: one signal per kind, recipient kind, subject and due date
(``signaal_eenmaal``). The daily jobs rely on it; so do retries and parallel runs.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from sdd_portal.accounts.models import Organisatie
from sdd_portal.accounts.roles import aanbieder_id, rollen_van
from sdd_portal.models import DomainModel


class SignaalSoort(models.TextChoices):
    VERLOOP = "verloop", "Beschikking loopt over zes weken af"
    KORTDUREND_ZONDER_PLAN = "kortdurend_zonder_plan", "Kortdurende beschikking eindigt zonder plan"
    PLAN_TE_LAAT = "plan_te_laat", "Ondersteuningsplan te laat"
    START_NIET_GEMELD = "start_niet_gemeld", "Start zorg niet gemeld"
    STOP_HEROVERWEGING = "stop_heroverweging", "Heroverwegingsdatum cliëntenstop verstreken"
    MANDAAT_VERLOOPT = "mandaat_verloopt", "Mandaat verloopt"
    ACTIEPUNT_VERLOPEN = "actiepunt_verlopen", "Actiepunt over de termijn"
    NIEUWE_TOEWIJZING = "nieuwe_toewijzing", "Nieuwe toewijzing"
    PLAN_INGEDIEND = "plan_ingediend", "Ondersteuningsplan ingediend"
    PLAN_BEOORDEELD = "plan_beoordeeld", "Ondersteuningsplan beoordeeld"
    VERLENGD = "verlengd", "Beschikking verlengd"
    RETOUR_TE_LAAT = "retour_te_laat", "Geen retourbericht binnen de termijn"


class Ontvanger(models.TextChoices):
    AANBIEDER = "aanbieder", "aanbieder"
    CONSULENT = "consulent", "consulent"
    CONTRACTBEHEER = "contractbeheer", "contractbeheer"


class SignaalQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """The signals in ``actor``'s inboxes: a provider's employee sees those of the
        organisation; SDD staff those addressed to them and to a role they hold at SDD."""
        provider_id = aanbieder_id(actor)
        if provider_id is not None:
            return self.filter(organisatie_id=provider_id, gebruiker__isnull=True)
        organisatie = getattr(actor, "organisatie", None)
        rollen = rollen_van(actor)
        if organisatie is None or not organisatie.is_sdd or not rollen:
            return self.none()
        return self.filter(
            Q(gebruiker_id=actor.pk)
            | Q(gebruiker__isnull=True, organisatie_id=organisatie.pk, rol__in=sorted(rollen))
        )

    def open(self):
        return self.filter(status=Signaal.Status.OPEN)

    def ongelezen_voor(self, actor):
        gelezen = SignaalGelezen.objects.filter(
            signaal_id=models.OuterRef("pk"), gebruiker_id=actor.pk
        )
        return self.visible_to(actor).open().exclude(models.Exists(gelezen))


class Signaal(DomainModel):
    class Status(models.TextChoices):
        OPEN = "open", "open"
        GESLOTEN = "gesloten", "gesloten"

    soort = models.CharField("soort", max_length=30, choices=SignaalSoort.choices)
    ontvanger = models.CharField("voor", max_length=20, choices=Ontvanger.choices)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name="postvak van organisatie",
        on_delete=models.PROTECT,
        related_name="postvaksignalen",
    )
    rol = models.CharField("voor rol", max_length=30, blank=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="voor medewerker",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="postvaksignalen",
    )
    client = models.ForeignKey(
        "indicaties.Client",
        verbose_name="cliënt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="postvaksignalen",
    )
    onderwerp_type = models.ForeignKey(
        ContentType, verbose_name="soort onderwerp", on_delete=models.PROTECT
    )
    onderwerp_id = models.PositiveBigIntegerField("onderwerp")
    peildatum = models.DateField(
        "peildatum", help_text="De datum waarop dit signaal verschuldigd was."
    )
    titel = models.CharField("titel", max_length=200)
    tekst = models.TextField("toelichting", blank=True)
    link = models.CharField("pagina", max_length=300, blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default="open")
    gesloten_op = models.DateTimeField("gesloten op", null=True, blank=True)
    gesloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gesloten door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    sluitnotitie = models.TextField("notitie bij sluiten", blank=True)

    history = HistoricalRecords()
    objects = SignaalQuerySet.as_manager()

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        ordering = ["-peildatum", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "ontvanger", "onderwerp_type", "onderwerp_id", "peildatum"],
                name="signaal_eenmaal",
                violation_error_message="Dit signaal bestaat al voor dit onderwerp en deze datum.",
            ),
            models.CheckConstraint(
                condition=Q(status="open") | (Q(gesloten_op__isnull=False) & ~Q(sluitnotitie="")),
                name="signaal_gesloten_met_notitie",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organisatie", "rol", "-peildatum"],
                condition=Q(status="open", gebruiker__isnull=True),
                name="signaal_postvak_open",
            ),
            models.Index(
                fields=["gebruiker", "-peildatum"],
                condition=Q(status="open"),
                name="signaal_persoonlijk_open",
            ),
            models.Index(fields=["onderwerp_type", "onderwerp_id"], name="signaal_onderwerp"),
            # The inbox archive ("alle", newest first) at national scale: an ordered index
            # scan that stops after a page instead of sorting a provider's whole history.
            models.Index(
                fields=["organisatie", "-peildatum", "-id"],
                condition=Q(gebruiker__isnull=True),
                name="signaal_postvak_alle",
            ),
            models.Index(fields=["gebruiker", "-peildatum", "-id"], name="signaal_persoonlijk"),
            # An SDD role's inbox (organisation and role): the second arm of the OR in
            # ``visible_to()``; without the role in the index the planner read the organisation's
            # million personal signals (0.9 s at national scale, 7.5 ms with it).
            models.Index(
                fields=["organisatie", "rol", "-peildatum", "-id"],
                condition=Q(gebruiker__isnull=True),
                name="signaal_rol_alle",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    @property
    def voor(self) -> str:
        """Whose inbox, in words."""
        from sdd_portal.accounts.models import Rol

        if self.gebruiker_id:
            return self.gebruiker.get_full_name() or self.gebruiker.username
        if self.rol:
            return f"iedereen met de rol {Rol(self.rol).label.lower()} bij {self.organisatie.naam}"
        return self.organisatie.naam


class SignaalGelezen(models.Model):
    """Someone opened (or marked) a signal: it no longer counts as unread for them."""

    signaal = models.ForeignKey(Signaal, on_delete=models.CASCADE, related_name="gelezen")
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    gelezen_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "gelezen signaal"
        verbose_name_plural = "gelezen signalen"
        constraints = [
            models.UniqueConstraint(fields=["signaal", "gebruiker"], name="signaal_gelezen_eenmaal")
        ]

    def __str__(self) -> str:
        return f"{self.signaal_id} gelezen door {self.gebruiker_id}"


class Taakstand(models.Model):
    """How far a daily rule has come: every due date up to ``verwerkt_tot`` is done.
    The row is locked while the rule runs, so two runs of one rule never interleave."""

    regel = models.CharField("regel", max_length=40, unique=True)
    verwerkt_tot = models.DateField("verwerkt tot en met", null=True, blank=True)
    laatste_start = models.DateTimeField("laatste run gestart", null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "stand dagelijkse taak"
        verbose_name_plural = "stand dagelijkse taken"

    def __str__(self) -> str:
        return f"{self.regel} tot en met {self.verwerkt_tot or '-'}"


class Taakrun(models.Model):
    """One run of one daily rule: when, for which date and what it created."""

    regel = models.CharField("regel", max_length=40)
    datum = models.DateField("voor datum")
    van = models.DateField("vanaf peildatum (exclusief)", null=True, blank=True)
    gestart = models.DateTimeField("gestart")
    klaar = models.DateTimeField("klaar")
    kandidaten = models.PositiveIntegerField("onderwerpen")
    signalen = models.PositiveIntegerField("nieuwe signalen")
    brieven = models.PositiveIntegerField("nieuwe brieven")
    uitgevoerd_door = models.CharField("uitgevoerd door", max_length=60)

    class Meta:
        verbose_name = "run dagelijkse taak"
        verbose_name_plural = "runs dagelijkse taken"
        ordering = ["-gestart", "-id"]
        indexes = [models.Index(fields=["-gestart"], name="taakrun_recent")]

    def __str__(self) -> str:
        return f"{self.regel} {self.datum}"

    @property
    def seconden(self) -> float:
        return (self.klaar - self.gestart).total_seconds()


class Dagoverzicht(models.Model):
    """The daily e-mail digest of one user: at most one per user and day."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    datum = models.DateField("datum")
    aantal = models.PositiveIntegerField("ongelezen signalen")
    verzonden_op = models.DateTimeField("verzonden op", null=True, blank=True)

    class Meta:
        verbose_name = "dagoverzicht"
        verbose_name_plural = "dagoverzichten"
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "datum"], name="dagoverzicht_eenmaal")
        ]

    def __str__(self) -> str:
        return f"Dagoverzicht {self.datum} voor {self.gebruiker_id}"
