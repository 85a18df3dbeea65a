"""Issuing, approving and revoking API credentials.

A key is issued inactive: it authenticates only after a second functioneel beheerder has
approved its ``Wijzigingsverzoek`` (docs/adr/0011). Every key acts with a role that reads
client files or approves requests, so every key goes through the four eyes, is bound to a
named responsible person and ends on a date at most ``API_SLEUTEL_MAX_GELDIGHEID_DAGEN``
ahead. A revoked key stays revoked.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sdd_portal.accounts import services as accounts_services
from sdd_portal.accounts.models import SDD_ROLLEN, Organisatie, Rol, Wijzigingsverzoek
from sdd_portal.historie import opslaan

from .models import ApiSleutel, hash_geheim
from .scopes import alle_scopes


def max_geldig_tot() -> date:
    return timezone.localdate() + timedelta(days=settings.API_SLEUTEL_MAX_GELDIGHEID_DAGEN)


def geldig_tot_controleren(geldig_tot: date | None) -> list[str]:
    if geldig_tot is None:
        return ["Geef de datum tot en met wanneer de sleutel geldig is."]
    if geldig_tot < timezone.localdate():
        return ["Deze datum ligt in het verleden; kies een datum vanaf vandaag."]
    if geldig_tot > max_geldig_tot():
        return [
            f"Een sleutel is hoogstens {settings.API_SLEUTEL_MAX_GELDIGHEID_DAGEN} dagen "
            f"geldig: kies uiterlijk {max_geldig_tot():%d-%m-%Y}."
        ]
    return []


def verantwoordelijke_controleren(verantwoordelijke, organisatie: Organisatie) -> list[str]:
    if verantwoordelijke is None:
        return ["Kies de medewerker die voor deze koppeling verantwoordelijk is."]
    if (
        verantwoordelijke.organisatie_id != organisatie.pk
        or not verantwoordelijke.is_active
        or hasattr(verantwoordelijke, "api_sleutel")
    ):
        return [
            f"De verantwoordelijke moet een actieve medewerker van {organisatie.naam} zijn "
            "(geen technisch account)."
        ]
    return []


def sleutel_controleren(
    *,
    organisatie: Organisatie,
    naam: str,
    scopes: list[str],
    rollen: list[str] | None,
    geldig_tot: date | None = None,
    verantwoordelijke=None,
) -> list[str]:
    """Check a new credential; returns the roles it will act with, or raises
    ``ValidationError`` with a Dutch message per field."""
    fouten: dict[str, list[str]] = {}
    if not naam.strip():
        fouten["naam"] = ["Geef de sleutel een naam, bijv. de naam van het zorgsysteem."]
    onbekend = sorted(set(scopes) - set(alle_scopes()))
    if onbekend:
        fouten["scopes"] = [f"Onbekende rechten: {', '.join(onbekend)}."]
    if not scopes:
        fouten["scopes"] = ["Kies ten minste één recht."]
    if organisatie.is_sdd:
        rollen = list(rollen or [])
        if not rollen or set(rollen) - SDD_ROLLEN:
            fouten["rollen"] = [
                "Kies voor een sleutel van de SDD de rol(len) waarmee hij werkt: consulent, "
                "contractmanager of functioneel beheerder."
            ]
    else:
        if rollen and set(rollen) != {Rol.AANBIEDER_MEDEWERKER}:
            fouten["rollen"] = ["Een sleutel van een zorgaanbieder werkt altijd als aanbieder."]
        rollen = [Rol.AANBIEDER_MEDEWERKER]
    if fout := geldig_tot_controleren(geldig_tot):
        fouten["geldig_tot"] = fout
    if fout := verantwoordelijke_controleren(verantwoordelijke, organisatie):
        fouten["verantwoordelijke"] = fout
    if fouten:
        raise ValidationError(fouten)
    return rollen


@transaction.atomic
def sleutel_uitgeven(
    *,
    actor,
    organisatie: Organisatie,
    naam: str,
    scopes: list[str],
    rollen: list[str] | None = None,
    geldig_tot: date | None = None,
    verantwoordelijke=None,
) -> tuple[ApiSleutel, str]:
    """Create an inactive credential, its technical account and the four-eyes request
    that activates it. Returns the credential and the token, which is shown once (to the
    requesting beheerder, who hands it over) and never stored."""
    rollen = sleutel_controleren(
        organisatie=organisatie,
        naam=naam,
        scopes=scopes,
        rollen=rollen,
        geldig_tot=geldig_tot,
        verantwoordelijke=verantwoordelijke,
    )
    sleutel_id, geheim, token = ApiSleutel.nieuw_geheim()
    gebruiker = get_user_model()(
        username=f"api-{sleutel_id}",
        first_name="API",
        last_name=naam.strip()[:150],
        organisatie=organisatie,
        rollen=rollen,
        dagoverzicht_mail=False,
    )
    gebruiker.set_unusable_password()
    opslaan(gebruiker, actor=actor, reden="Technisch account voor een API-sleutel", valideren=False)
    sleutel = ApiSleutel(
        organisatie=organisatie,
        naam=naam.strip(),
        sleutel_id=sleutel_id,
        geheim_hash=hash_geheim(geheim),
        scopes=sorted(set(scopes)),
        gebruiker=gebruiker,
        geldig_tot=geldig_tot,
        verantwoordelijke=verantwoordelijke,
        actief=False,
    )
    opslaan(
        sleutel, actor=actor, reden="API-sleutel uitgegeven (wacht op goedkeuring)", valideren=False
    )
    if actor is not None:
        rol_labels = ", ".join(Rol(r).label for r in rollen)
        accounts_services.verzoek_indienen(
            actor=actor,
            soort=Wijzigingsverzoek.Soort.API_SLEUTEL,
            betrokkene=gebruiker,
            wijziging={
                "sleutel": str(sleutel.uuid),
                "omschrijving": f"API-sleutel '{sleutel.naam}' als {rol_labels}, rechten "
                f"{', '.join(sleutel.scopes)}; verantwoordelijke "
                f"{verantwoordelijke.get_full_name() or verantwoordelijke.username}; "
                f"geldig tot en met {geldig_tot:%d-%m-%Y}",
            },
            reden="Nieuwe API-sleutel",
        )
    return sleutel, token


@transaction.atomic
def sleutel_activeren(*, actor, sleutel: ApiSleutel) -> ApiSleutel:
    """Make an issued key work: the last step of an approved request (and of the demo
    and benchmark data, which have no second beheerder)."""
    sleutel = ApiSleutel.objects.select_for_update().get(pk=sleutel.pk)
    if sleutel.ingetrokken:
        raise ValidationError("Deze API-sleutel is ingetrokken en blijft ingetrokken.")
    fouten = geldig_tot_controleren(sleutel.geldig_tot) + verantwoordelijke_controleren(
        sleutel.verantwoordelijke, sleutel.organisatie
    )
    if fouten:
        raise ValidationError(fouten)
    sleutel.actief = True
    opslaan(sleutel, actor=actor, reden="API-sleutel goedgekeurd (vier ogen)", valideren=False)
    return sleutel


def _sleutel_van(verzoek: Wijzigingsverzoek) -> ApiSleutel:
    return ApiSleutel.objects.get(gebruiker_id=verzoek.betrokkene_id)


def _verzoek_uitvoeren(*, verzoek: Wijzigingsverzoek, actor) -> None:
    sleutel_activeren(actor=actor, sleutel=_sleutel_van(verzoek))


def _verzoek_afgewezen(*, verzoek: Wijzigingsverzoek, actor) -> None:
    sleutel_intrekken(actor=actor, sleutel=_sleutel_van(verzoek), reden="API-sleutel afgewezen")


def registreren() -> None:
    accounts_services.registreer_uitvoerder(
        Wijzigingsverzoek.Soort.API_SLEUTEL, _verzoek_uitvoeren, _verzoek_afgewezen
    )


@transaction.atomic
def sleutel_intrekken(
    *, actor, sleutel: ApiSleutel, reden: str = "API-sleutel ingetrokken"
) -> ApiSleutel:
    """Revoke for good: the database refuses to make a revoked key active again."""
    sleutel = ApiSleutel.objects.select_for_update().get(pk=sleutel.pk)
    if sleutel.ingetrokken:
        return sleutel
    sleutel.actief = False
    sleutel.ingetrokken_op = timezone.now()
    sleutel.ingetrokken_door = actor if getattr(actor, "is_authenticated", False) else None
    opslaan(sleutel, actor=actor, reden=reden, valideren=False)
    for abonnement in sleutel.abonnementen.filter(actief=True):
        abonnement.actief = False
        reden = "Abonnement gestopt: API-sleutel ingetrokken"
        opslaan(abonnement, actor=actor, reden=reden, valideren=False)
    return sleutel
