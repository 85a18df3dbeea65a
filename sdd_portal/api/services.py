"""Issuing and revoking API credentials."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from sdd_portal.accounts.models import SDD_ROLLEN, Organisatie, Rol
from sdd_portal.historie import opslaan

from .models import ApiSleutel, hash_geheim
from .scopes import alle_scopes


def sleutel_controleren(
    *, organisatie: Organisatie, naam: str, scopes: list[str], rollen: list[str] | None
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
) -> tuple[ApiSleutel, str]:
    """Create a credential and its technical account. Returns the credential and the
    token, which is shown once and never stored."""
    rollen = sleutel_controleren(organisatie=organisatie, naam=naam, scopes=scopes, rollen=rollen)
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
    )
    opslaan(sleutel, actor=actor, reden="API-sleutel uitgegeven", valideren=False)
    return sleutel, token


@transaction.atomic
def sleutel_intrekken(*, actor, sleutel: ApiSleutel) -> ApiSleutel:
    sleutel = ApiSleutel.objects.select_for_update().get(pk=sleutel.pk)
    sleutel.actief = False
    opslaan(sleutel, actor=actor, reden="API-sleutel ingetrokken", valideren=False)
    for abonnement in sleutel.abonnementen.filter(actief=True):
        abonnement.actief = False
        reden = "Abonnement gestopt: API-sleutel ingetrokken"
        opslaan(abonnement, actor=actor, reden=reden, valideren=False)
    return sleutel
