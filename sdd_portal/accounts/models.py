"""Organisations (SDD and providers) and the people who work for them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from simple_history.models import HistoricalRecords

from sdd_portal.models import DomainModel
from sdd_portal.validators import validate_agb, validate_kvk, validate_postcode, validate_telefoon


class Rol(models.TextChoices):
    CONSULENT = "consulent", "Consulent"
    AANBIEDER_MEDEWERKER = "aanbieder_medewerker", "Aanbieder-medewerker"
    CONTRACTMANAGER = "contractmanager", "Contractmanager"
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", "Functioneel beheerder"


SDD_ROLLEN = frozenset({Rol.CONSULENT, Rol.CONTRACTMANAGER, Rol.FUNCTIONEEL_BEHEERDER})
AANBIEDER_ROLLEN = frozenset({Rol.AANBIEDER_MEDEWERKER})

# Roles granted only under four eyes (docs/adr/0011): the roles that read client files
# (consulent, aanbieder-medewerker, and contractmanager through client stops, provider
# signals and bulk lists) and the role that approves four-eyes requests itself, so that one
# beheerder cannot create a second beheerder to approve their own requests.
CLIENTDOSSIER_ROLLEN = frozenset({Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER, Rol.CONTRACTMANAGER})
VIER_OGEN_ROLLEN = CLIENTDOSSIER_ROLLEN | {Rol.FUNCTIONEEL_BEHEERDER}


class OrganisatieQuerySet(models.QuerySet):
    def aanbieders(self):
        return self.filter(soort=Organisatie.Soort.AANBIEDER)

    def sdd(self):
        return self.filter(soort=Organisatie.Soort.SDD)

    def met_medewerkers_aantal(self):
        """Annotate ``medewerkers_aantal``, the number of active employees.

        A correlated subquery, not a join: joined with the assignments (for the counts in
        ``contractbeheer.selectors.aanbieders_met_tellingen``) a COUNT DISTINCT over the join
        product took 11 s at national scale.
        """
        medewerkers = (
            self.model._meta.get_field("medewerkers")
            .related_model.objects.filter(organisatie=models.OuterRef("pk"), is_active=True)
            .order_by()
            .values("organisatie")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(
            medewerkers_aantal=Coalesce(models.Subquery(medewerkers), 0),
        )


class Organisatie(DomainModel):
    class Soort(models.TextChoices):
        SDD = "sdd", "Sociale Dienst Drechtsteden"
        AANBIEDER = "aanbieder", "Zorgaanbieder"

    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    naam = models.CharField("naam", max_length=200, unique=True)
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, unique=True, validators=[validate_kvk]
    )
    agb_code = models.CharField(
        "AGB-code",
        max_length=8,
        blank=True,
        validators=[validate_agb],
        help_text="Verplicht voor zorgaanbieders: hiermee worden zij in de iWmo-keten herkend.",
    )
    # Hoofdadres: the registered main address. Mandate documents and decisions taken
    # under mandate always carry this address, never a private one (seed 000, item 3c).
    straat = models.CharField("straat", max_length=200)
    huisnummer = models.PositiveIntegerField("huisnummer", validators=[MinValueValidator(1)])
    huisnummertoevoeging = models.CharField("toevoeging", max_length=10, blank=True)
    postcode = models.CharField("postcode", max_length=6, validators=[validate_postcode])
    plaats = models.CharField("plaats", max_length=100)
    telefoon = models.CharField("telefoonnummer", max_length=20, validators=[validate_telefoon])
    email = models.EmailField("e-mailadres")
    actief = models.BooleanField("actief", default=True)

    history = HistoricalRecords()
    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["soort"],
                condition=Q(soort="sdd"),
                name="organisatie_een_sdd",
                violation_error_message="Er is al een organisatie van de soort Sociale Dienst "
                "Drechtsteden; kies Zorgaanbieder.",
            ),
            models.UniqueConstraint(
                fields=["agb_code"], condition=~Q(agb_code=""), name="organisatie_agb_uniek"
            ),
            models.CheckConstraint(
                condition=Q(soort="sdd") | ~Q(agb_code=""),
                name="organisatie_aanbieder_heeft_agb",
                violation_error_message="Een zorgaanbieder moet een AGB-code hebben.",
            ),
            models.CheckConstraint(
                condition=Q(kvk_nummer__regex=r"^[0-9]{8}$"), name="organisatie_kvk_formaat"
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_sdd(self) -> bool:
        return self.soort == self.Soort.SDD

    @property
    def hoofdadres(self) -> str:
        nummer = f"{self.huisnummer}{self.huisnummertoevoeging}"
        return f"{self.straat} {nummer}, {self.postcode[:4]} {self.postcode[4:]} {self.plaats}"


class User(AbstractUser):
    """A person working for one organisation, with one or more roles."""

    uuid = models.UUIDField("UUID", default=uuid.uuid4, unique=True, editable=False)
    modified_at = models.DateTimeField("gewijzigd op", auto_now=True, db_index=True)
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name="organisatie",
        on_delete=models.PROTECT,
        related_name="medewerkers",
        null=True,
        blank=True,
        help_text="Alleen technische beheeraccounts (superuser) hebben geen organisatie.",
    )
    rollen = ArrayField(
        models.CharField(max_length=30, choices=Rol.choices),
        verbose_name="rollen",
        default=list,
        blank=True,
    )

    dagoverzicht_mail = models.BooleanField(
        "dagelijks overzicht per e-mail",
        default=True,
        help_text="Elke ochtend een e-mail met het aantal nieuwe signalen (zonder cliëntgegevens).",
    )

    history = HistoricalRecords(excluded_fields=["password", "last_login"])
    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        constraints = [
            models.CheckConstraint(
                condition=Q(organisatie__isnull=False) | Q(is_superuser=True),
                name="gebruiker_heeft_organisatie",
                violation_error_message="Een gebruiker hoort bij een organisatie.",
            ),
            models.CheckConstraint(
                condition=Q(rollen__contained_by=[r.value for r in Rol]),
                name="gebruiker_rollen_bekend",
            ),
        ]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if self.organisatie_id is None:
            if not self.is_superuser:
                raise ValidationError({"organisatie": "Kies de organisatie van deze gebruiker."})
            return
        allowed = SDD_ROLLEN if self.organisatie.is_sdd else AANBIEDER_ROLLEN
        wrong = [Rol(r).label for r in self.rollen if r not in allowed]
        if wrong:
            raise ValidationError(
                {
                    "rollen": f"Deze rol past niet bij een medewerker van "
                    f"{self.organisatie.naam}: {', '.join(wrong)}."
                }
            )

    def has_rol(self, *rollen: str) -> bool:
        return any(rol in self.rollen for rol in rollen)

    @property
    def is_sdd(self) -> bool:
        return self.organisatie is not None and self.organisatie.is_sdd

    @property
    def rollen_labels(self) -> list[str]:
        return [Rol(r).label for r in self.rollen if r in Rol.values]


class WijzigingsverzoekQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Wijzigingsverzoek.Status.INGEDIEND)

    def voor_organisatie(self, organisatie):
        """The requests about an organisation's people and API keys (what it may see)."""
        return self.filter(organisatie=organisatie)


class Wijzigingsverzoek(DomainModel):
    """A change that takes effect only after a second functioneel beheerder approves it
    (four eyes, docs/adr/0011): identity fields or the second factor of another user, a
    role that reads client files (or approves requests), or an API key."""

    class Soort(models.TextChoices):
        IDENTITEIT = "identiteit", "E-mailadres of gebruikersnaam wijzigen"
        TWEEDE_FACTOR = "tweede_factor", "Tweede factor opnieuw laten instellen"
        ROLLEN = "rollen", "Rollen toekennen"
        API_SLEUTEL = "api_sleutel", "API-sleutel activeren"

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", "Wacht op goedkeuring"
        GOEDGEKEURD = "goedgekeurd", "Goedgekeurd en doorgevoerd"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.INGEDIEND, db_index=True
    )
    betrokkene = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="betrokkene",
        on_delete=models.PROTECT,
        related_name="wijzigingsverzoeken",
        help_text="De gebruiker (of het technische account van de API-sleutel) om wie het gaat.",
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name="organisatie",
        on_delete=models.PROTECT,
        related_name="wijzigingsverzoeken",
        null=True,
        blank=True,
    )
    wijziging = models.JSONField("gevraagde wijziging", default=dict, blank=True)
    vorige_waarden = models.JSONField("waarden bij de aanvraag", default=dict, blank=True)
    reden = models.CharField("reden", max_length=300, blank=True)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="aangevraagd door",
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", default=timezone.now)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="beoordeeld door",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    toelichting_beoordeling = models.CharField(
        "toelichting beoordeling", max_length=300, blank=True
    )

    history = HistoricalRecords()
    objects = WijzigingsverzoekQuerySet.as_manager()

    class Meta:
        verbose_name = "wijzigingsverzoek"
        verbose_name_plural = "wijzigingsverzoeken (vier ogen)"
        ordering = ["-aangevraagd_op", "-id"]
        constraints = [
            # Four eyes, also in the database: nobody approves their own request or a
            # request about themself.
            models.CheckConstraint(
                condition=Q(beoordeeld_door__isnull=True)
                | (
                    ~Q(beoordeeld_door=models.F("aangevraagd_door"))
                    & ~Q(beoordeeld_door=models.F("betrokkene"))
                ),
                name="wijzigingsverzoek_vier_ogen",
                violation_error_message="Een tweede functioneel beheerder beoordeelt dit "
                "verzoek: niet de aanvrager en niet de betrokkene.",
            ),
            models.CheckConstraint(
                condition=Q(status="ingediend", beoordeeld_door__isnull=True)
                | (
                    Q(status__in=["goedgekeurd", "afgewezen"])
                    & Q(beoordeeld_door__isnull=False, beoordeeld_op__isnull=False)
                ),
                name="wijzigingsverzoek_beoordeling_compleet",
            ),
            models.UniqueConstraint(
                fields=["betrokkene", "soort"],
                condition=Q(status="ingediend"),
                name="wijzigingsverzoek_een_open_per_soort",
                violation_error_message="Er staat al een verzoek van deze soort voor deze "
                "gebruiker open; laat dat eerst beoordelen.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.betrokkene}"
