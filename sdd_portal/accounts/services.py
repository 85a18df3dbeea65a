"""Four eyes for the changes that could hand one beheerder someone else's account or client
files (docs/adr/0011): a change is filed as a ``Wijzigingsverzoek`` and takes effect only
when a second functioneel beheerder approves it.

``wijziging_scheiden`` splits an edit of a user into what may happen at once (everything
that grants nothing) and the requests to file; ``verzoek_goedkeuren`` carries a request out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user

from sdd_portal.historie import opslaan

from .models import VIER_OGEN_ROLLEN, Rol, User, Wijzigingsverzoek
from .roles import heeft_sdd_rol
from .states import VERZOEK

Soort = Wijzigingsverzoek.Soort
IDENTITEITSVELDEN = ("username", "email")

# Carrying out a request of a kind the accounts app does not own (the API key): the api
# app registers its function here (AppConfig.ready), so that accounts imports nothing above.
UITVOERDERS: dict[str, Callable[..., None]] = {}
AFWIJZERS: dict[str, Callable[..., None]] = {}


def registreer_uitvoerder(
    soort: str, uitvoeren: Callable[..., None], afwijzen: Callable[..., None] | None = None
) -> None:
    UITVOERDERS[soort] = uitvoeren
    if afwijzen is not None:
        AFWIJZERS[soort] = afwijzen


def mag_aanvragen(actor) -> bool:
    return bool(
        actor is not None
        and actor.is_authenticated
        and actor.is_active
        and (actor.is_superuser or heeft_sdd_rol(actor, Rol.FUNCTIONEEL_BEHEERDER))
    )


def weigering_beoordelen(actor, verzoek: Wijzigingsverzoek) -> str | None:
    """Why ``actor`` may not decide on ``verzoek``, or None when they may. Only a person
    with the role functioneel beheerder at SDD decides; a technical superuser is no
    shortcut, nor is the technical account of an API key."""
    if not heeft_sdd_rol(actor, Rol.FUNCTIONEEL_BEHEERDER) or hasattr(actor, "api_sleutel"):
        return "Alleen een functioneel beheerder van de SDD beoordeelt wijzigingsverzoeken."
    if verzoek.aangevraagd_door_id == actor.pk:
        return (
            "U heeft dit verzoek zelf ingediend; een tweede functioneel beheerder beoordeelt het."
        )
    if verzoek.betrokkene_id == actor.pk:
        return "Dit verzoek gaat over uzelf; een andere functioneel beheerder beoordeelt het."
    return None


def _toestand(user: User) -> dict:
    return {
        "organisatie": user.organisatie_id,
        "rollen": sorted(user.rollen),
        "is_active": user.is_active,
    }


def _leesrechten(toestand: dict) -> set[tuple[int | None, str]]:
    """The four-eyes roles a user state actually grants: (organisation, role) pairs."""
    if not toestand["is_active"]:
        return set()
    return {(toestand["organisatie"], r) for r in toestand["rollen"] if r in VIER_OGEN_ROLLEN}


@dataclass
class Aanvraag:
    soort: str
    wijziging: dict
    vorige_waarden: dict


def wijziging_scheiden(*, actor, origineel: User | None, nieuw: User) -> list[Aanvraag]:
    """Hold back in ``nieuw`` (unsaved) what needs a second beheerder and return it as
    requests to file after ``nieuw`` is saved. What grants nothing (names, removing a role,
    deactivating) happens at once. ``origineel`` is the stored user, or None for a new one."""
    aanvragen: list[Aanvraag] = []
    if origineel is not None and origineel.pk != getattr(actor, "pk", None):
        gewijzigd = {
            veld: getattr(nieuw, veld)
            for veld in IDENTITEITSVELDEN
            if getattr(nieuw, veld) != getattr(origineel, veld)
        }
        if gewijzigd:
            vorige = {veld: getattr(origineel, veld) for veld in IDENTITEITSVELDEN}
            aanvragen.append(Aanvraag(Soort.IDENTITEIT, gewijzigd, vorige))
            for veld in IDENTITEITSVELDEN:
                setattr(nieuw, veld, getattr(origineel, veld))
    voor = (
        _toestand(origineel)
        if origineel is not None
        else {"organisatie": nieuw.organisatie_id, "rollen": [], "is_active": nieuw.is_active}
    )
    na = _toestand(nieuw)
    if _leesrechten(na) - _leesrechten(voor):
        # Only the restrictive part now: roles kept that were already held, no move to
        # another organisation, no reactivation. The request starts from that state.
        nieuw.rollen = [r for r in voor["rollen"] if r in na["rollen"]]
        nieuw.organisatie_id = voor["organisatie"]
        nieuw.is_active = voor["is_active"] and na["is_active"]
        aanvragen.append(Aanvraag(Soort.ROLLEN, na, _toestand(nieuw)))
    return aanvragen


def _beschrijving(soort: str, wijziging: dict) -> str:
    if soort == Soort.IDENTITEIT:
        namen = {"email": "e-mailadres", "username": "gebruikersnaam"}
        return ", ".join(f"{namen[v]} wordt {w}" for v, w in wijziging.items())
    if soort == Soort.ROLLEN:
        rollen = ", ".join(Rol(r).label for r in wijziging.get("rollen", [])) or "geen"
        return f"rollen: {rollen}"
    if soort == Soort.TWEEDE_FACTOR:
        return "authenticator verwijderen; de gebruiker stelt zelf een nieuwe in"
    return str(wijziging.get("omschrijving", ""))


def _mail(adres: str, onderwerp: str, tekst: str) -> None:
    if adres:
        transaction.on_commit(
            lambda: send_mail(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [adres])
        )


def _melden_aan_betrokkene(verzoek: Wijzigingsverzoek, *, adres: str, goedgekeurd: bool) -> None:
    """Tell the person concerned, at the address known before the change: an attacker who
    changes the address cannot also silence the warning."""
    if verzoek.soort not in (Soort.IDENTITEIT, Soort.TWEEDE_FACTOR):
        return
    wat = verzoek.get_soort_display().lower()
    if goedgekeurd:
        onderwerp = "Wmo-portaal: uw account is gewijzigd"
        tekst = (
            f"Beste {verzoek.betrokkene.get_full_name() or verzoek.betrokkene.username},\n\n"
            f"Twee functioneel beheerders hebben voor uw account in het Wmo-portaal "
            f"ingestemd met: {wat} ({_beschrijving(verzoek.soort, verzoek.wijziging)}).\n\n"
            "Heeft u hier niet om gevraagd? Neem dan direct contact op met de "
            "servicedesk van de SDD.\n"
        )
    else:
        onderwerp = "Wmo-portaal: wijziging van uw account aangevraagd"
        tekst = (
            f"Beste {verzoek.betrokkene.get_full_name() or verzoek.betrokkene.username},\n\n"
            f"Een functioneel beheerder heeft voor uw account in het Wmo-portaal "
            f"aangevraagd: {wat} ({_beschrijving(verzoek.soort, verzoek.wijziging)}).\n"
            "De wijziging gaat pas in als een tweede beheerder haar goedkeurt.\n\n"
            "Heeft u hier niet om gevraagd? Neem dan direct contact op met de "
            "servicedesk van de SDD.\n"
        )
    _mail(adres, onderwerp, tekst)


@transaction.atomic
def verzoek_indienen(
    *,
    actor,
    soort: str,
    betrokkene: User,
    wijziging: dict,
    vorige_waarden: dict | None = None,
    reden: str = "",
) -> Wijzigingsverzoek:
    if not mag_aanvragen(actor):
        raise PermissionDenied("Alleen een functioneel beheerder vraagt deze wijziging aan.")
    if soort == Soort.TWEEDE_FACTOR and betrokkene.pk == actor.pk:
        raise ValidationError(
            "Uw eigen tweede factor beheert u zelf via Account; vraag een collega als u uw "
            "telefoon kwijt bent."
        )
    verzoek = Wijzigingsverzoek(
        soort=soort,
        betrokkene=betrokkene,
        organisatie=betrokkene.organisatie,
        wijziging=wijziging,
        vorige_waarden=vorige_waarden or {},
        reden=reden[:300],
        aangevraagd_door=actor,
    )
    opslaan(verzoek, actor=actor, reden=f"Aangevraagd: {verzoek.get_soort_display()}")
    _melden_aan_betrokkene(verzoek, adres=betrokkene.email, goedgekeurd=False)
    return verzoek


def aanvragen_indienen(*, actor, betrokkene: User, aanvragen: list[Aanvraag]) -> list:
    return [
        verzoek_indienen(
            actor=actor,
            soort=a.soort,
            betrokkene=betrokkene,
            wijziging=a.wijziging,
            vorige_waarden=a.vorige_waarden,
            reden="Gewijzigd in het beheerscherm",
        )
        for a in aanvragen
    ]


def _controleer_ongewijzigd(user: User, verzoek: Wijzigingsverzoek, velden) -> None:
    huidig = _toestand(user) | {v: getattr(user, v) for v in IDENTITEITSVELDEN}
    if any(huidig[v] != verzoek.vorige_waarden.get(v) for v in velden):
        raise ValidationError(
            "Het account is gewijzigd sinds dit verzoek werd ingediend; wijs het af en dien "
            "zo nodig een nieuw verzoek in."
        )


def _uitvoeren(verzoek: Wijzigingsverzoek, actor) -> str:
    """Carry the request out; returns the address to notify (the old one)."""
    reden = f"{verzoek.get_soort_display()} (vier ogen)"
    if verzoek.soort in UITVOERDERS:
        UITVOERDERS[verzoek.soort](verzoek=verzoek, actor=actor)
        return ""
    user = User.objects.select_for_update().get(pk=verzoek.betrokkene_id)
    oud_adres = user.email
    if verzoek.soort == Soort.IDENTITEIT:
        _controleer_ongewijzigd(user, verzoek, IDENTITEITSVELDEN)
        for veld, waarde in verzoek.wijziging.items():
            if veld in IDENTITEITSVELDEN:
                setattr(user, veld, waarde)
        opslaan(user, actor=actor, reden=reden)
    elif verzoek.soort == Soort.ROLLEN:
        _controleer_ongewijzigd(user, verzoek, ("organisatie", "rollen", "is_active"))
        user.organisatie_id = verzoek.wijziging["organisatie"]
        user.rollen = list(verzoek.wijziging["rollen"])
        user.is_active = verzoek.wijziging["is_active"]
        opslaan(user, actor=actor, reden=reden)
    elif verzoek.soort == Soort.TWEEDE_FACTOR:
        # Every device goes; the login then sends the user to set up a new one themself
        # (SecondFactorRequiredMiddleware): nobody can enrol a device for someone else.
        for device in devices_for_user(user, confirmed=None):
            device.delete()
        opslaan(user, actor=actor, reden=reden, valideren=False)
    return oud_adres


def _vergrendeld(verzoek: Wijzigingsverzoek) -> Wijzigingsverzoek:
    return Wijzigingsverzoek.objects.select_for_update().get(pk=verzoek.pk)


def _beoordelen(actor, verzoek: Wijzigingsverzoek, status, toelichting: str):
    """Lock the request, check that ``actor`` may decide it (four eyes), and record the
    decision on it (not saved yet)."""
    verzoek = _vergrendeld(verzoek)
    weigering = weigering_beoordelen(actor, verzoek)
    if weigering:
        raise PermissionDenied(weigering)
    VERZOEK.naar(verzoek, status)
    verzoek.beoordeeld_door = actor
    verzoek.beoordeeld_op = timezone.now()
    verzoek.toelichting_beoordeling = toelichting[:300]
    return verzoek


@transaction.atomic
def verzoek_goedkeuren(*, actor, verzoek: Wijzigingsverzoek, toelichting: str = ""):
    verzoek = _beoordelen(actor, verzoek, Wijzigingsverzoek.Status.GOEDGEKEURD, toelichting)
    oud_adres = _uitvoeren(verzoek, actor)
    opslaan(verzoek, actor=actor, reden="Goedgekeurd door een tweede beheerder")
    _melden_aan_betrokkene(verzoek, adres=oud_adres, goedgekeurd=True)
    return verzoek


@transaction.atomic
def verzoek_afwijzen(*, actor, verzoek: Wijzigingsverzoek, toelichting: str = ""):
    verzoek = _beoordelen(actor, verzoek, Wijzigingsverzoek.Status.AFGEWEZEN, toelichting)
    opslaan(verzoek, actor=actor, reden="Afgewezen door een tweede beheerder")
    if verzoek.soort in AFWIJZERS:
        AFWIJZERS[verzoek.soort](verzoek=verzoek, actor=actor)
    return verzoek


def samenvatting(verzoek: Wijzigingsverzoek) -> str:
    return _beschrijving(verzoek.soort, verzoek.wijziging)
