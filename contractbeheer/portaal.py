"""What contract management adds to the portal's shell: menu items, the provider's own
stops, capacity and signals on its home page, and contract management's to-do panel."""

from __future__ import annotations

from sdd_portal.accounts.models import Organisatie, Rol
from sdd_portal.accounts.navigation import NavItem
from sdd_portal.accounts.navigation import registreer as menu
from sdd_portal.startpagina import Paneelinhoud, registreer

from .models import Aanbiedersignaal, Capaciteit, Clientenstop
from .selectors import aanbieders_met_tellingen
from .states import StopStatus

CM = frozenset({Rol.CONTRACTMANAGER})
DRIE = frozenset({Rol.CONTRACTMANAGER, Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER})
IEDEREEN = frozenset(Rol.values)

menu(
    NavItem("Contractbeheer", "contractbeheer:dashboard", CM, volgorde=40),
    NavItem("Aanbieders", "contractbeheer:aanbieders", CM, volgorde=50),
    NavItem("Cliëntenstops", "contractbeheer:stops", DRIE, volgorde=60),
    NavItem("Capaciteit", "contractbeheer:capaciteit", DRIE, volgorde=70),
    NavItem("Signalen", "contractbeheer:signalen", DRIE, volgorde=80),
    NavItem(
        "Contactpersonen", "contractbeheer:contactpersonen", frozenset(Rol.values), volgorde=150
    ),
)


@registreer("aanbieder_contract", rollen={Rol.AANBIEDER_MEDEWERKER}, volgorde=40)
def aanbieder(user, vandaag) -> Paneelinhoud:
    signalen = list(
        Aanbiedersignaal.objects.visible_to(user)
        .select_related("client")
        .order_by("-modified_at", "-id")[:5]
    )
    return Paneelinhoud(
        context={
            "eigen_stops": list(
                Clientenstop.objects.filter(aanbieder=user.organisatie)
                .exclude(status__in=[StopStatus.AFGEWEZEN, StopStatus.BEEINDIGD])
                .select_related("product")
                .order_by("-ingangsdatum")[:5]
            ),
            "eigen_capaciteit": list(
                Capaciteit.objects.actueel(vandaag)
                .filter(aanbieder=user.organisatie)
                .select_related("product")
                .order_by("-bijgewerkt_op")[:5]
            ),
            "eigen_signalen": signalen,
        },
        client_ids=[s.client_id for s in signalen],
    )


@registreer("contractbeheer", rollen=CM, volgorde=40)
def contractbeheer(user, vandaag) -> Paneelinhoud:
    aanbieders, tellingen = aanbieders_met_tellingen(
        Organisatie.objects.aanbieders().filter(actief=True).order_by("naam"), vandaag
    )
    return Paneelinhoud(
        context={
            "cm_te_doen": {
                "stops_aangevraagd": Clientenstop.objects.filter(
                    status=StopStatus.AANGEVRAAGD
                ).count(),
                "heroverweging_verlopen": Clientenstop.objects.heroverweging_verlopen(
                    vandaag
                ).count(),
                "signalen_open": Aanbiedersignaal.objects.open().count(),
            },
            "aanbieders": aanbieders,
            "tellingen_berekend_op": tellingen.berekend_op,
        }
    )
