"""What the signal engine adds to the portal's shell: the Postvak menu item with its unread
count, and the inbox panel on the home page."""

from __future__ import annotations

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.navigation import NavItem
from sdd_portal.accounts.navigation import registreer as menu
from sdd_portal.startpagina import HOME_LIST_SIZE, Paneelinhoud, registreer

from .models import Signaal

LEZERS = frozenset({Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER, Rol.CONTRACTMANAGER})


def _ongelezen(user) -> int:
    return Signaal.objects.ongelezen_voor(user).count()


menu(NavItem("Postvak", "signalen:postvak", LEZERS, volgorde=10, aantal=_ongelezen))


@registreer("postvak", rollen=LEZERS, volgorde=10)
def postvak(user, vandaag) -> Paneelinhoud:
    signalen = list(
        Signaal.objects.ongelezen_voor(user).order_by("-peildatum", "-id")[:HOME_LIST_SIZE]
    )
    return Paneelinhoud(
        context={"postvak": signalen}, client_ids=[s.client_id for s in signalen if s.client_id]
    )
