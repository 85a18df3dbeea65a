"""What the chain adds to the portal's shell and the client file's pages: the menu item
"Berichten", the consultants' home panel with the problem counts, the sections on the
assignment and decision pages, and the client timeline's messages (sdd_portal/dossier.py)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse

from indicaties.models import Beschikking, Toewijzing, Zorgmelding
from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.navigation import NavItem
from sdd_portal.accounts.navigation import registreer as menu
from sdd_portal.dossier import Tijdlijnitem, registreer_sectie, registreer_tijdlijn
from sdd_portal.startpagina import Paneelinhoud, registreer

from . import selectors
from .models import Bericht

CONSULENT = frozenset({Rol.CONSULENT})
LEZERS = frozenset({Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER})

menu(
    NavItem("Berichten", "keten:berichten", LEZERS, volgorde=120),
    NavItem("Ketenproblemen", "keten:problemen", CONSULENT, volgorde=121),
)


@registreer("keten", rollen=CONSULENT, volgorde=35)
def problemen_paneel(user, vandaag) -> Paneelinhoud:
    """Counts only (no client named), linking to the problem list."""
    return Paneelinhoud(context={"keten_problemen": selectors.probleem_aantallen(user, vandaag)})


def _berichtregels(actor, toewijzing_ids) -> dict:
    """Versions and retour codes of these assignments: two queries."""
    versies = list(selectors.versies_van_toewijzingen(actor, toewijzing_ids))
    retourcodes = list(selectors.retourcodes_van_toewijzingen(actor, toewijzing_ids))
    return {
        "versies": [(v, selectors.reden_wijziging_tekst(v.reden_wijziging)) for v in versies],
        "retourcodes": [(rc, selectors.retourcode_tekst(rc.code)) for rc in retourcodes],
    }


@registreer_sectie("toewijzing")
def toewijzing_sectie(request, toewijzing: Toewijzing) -> str:
    context = _berichtregels(request.user, [toewijzing.pk])
    context["zorgmeldingen"] = list(
        Zorgmelding.objects.filter(toewijzing=toewijzing)
        .select_related("gemeld_door")
        .order_by("begindatum", "created_at")
    )
    return render_to_string("keten/_toewijzing_keten.html", context, request=request)


@registreer_sectie("beschikking")
def beschikking_sectie(request, beschikking: Beschikking) -> str:
    toewijzingen = list(
        Toewijzing.objects.visible_to(request.user)
        .filter(beschikking=beschikking)
        .values_list("pk", flat=True)
    )
    context = _berichtregels(request.user, toewijzingen)
    context["berichten"] = list(
        Bericht.objects.visible_to(request.user)
        .filter(toewijzingversies__toewijzing__in=toewijzingen)
        .distinct()
        .order_by("-created_at")
    )
    context["zorgmeldingen"] = list(
        Zorgmelding.objects.filter(toewijzing__in=toewijzingen)
        .select_related("toewijzing__product")
        .order_by("begindatum", "created_at")
    )
    return render_to_string("keten/_beschikking_keten.html", context, request=request)


@registreer_tijdlijn
def berichten_op_tijdlijn(actor, client) -> list[Tijdlijnitem]:
    """Every message of the client ``actor`` may see, with its retour codes in Dutch."""
    berichten = list(
        Bericht.objects.visible_to(actor)
        .filter(client=client)
        .select_related("aanbieder")
        .prefetch_related("retourcodes")
    )
    items = []
    for b in berichten:
        codes = [f"{rc.code} {selectors.retourcode_tekst(rc.code)}" for rc in b.retourcodes.all()]
        details = f"Status: {b.get_status_display()}"
        if b.termijn and b.status in selectors.WACHT_OP_RETOUR:
            details += f"; retour verwacht uiterlijk {b.termijn:%d-%m-%Y}"
        if codes:
            details += "; retourcodes: " + "; ".join(codes)
        items.append(
            Tijdlijnitem(
                b.created_at,
                "bericht",
                f"{b.get_berichtcode_display()} ({b.get_richting_display().lower()})",
                details,
                b.aanbieder.naam if b.aanbieder_id else "",
                reverse("keten:bericht-detail", args=[b.uuid]),
            )
        )
    return items
