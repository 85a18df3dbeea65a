"""What the consultation tables add to the portal's shell: the menu item and the panel
with the user's own open action items on the home page."""

from __future__ import annotations

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.navigation import NavItem
from sdd_portal.accounts.navigation import registreer as menu
from sdd_portal.startpagina import HOME_LIST_SIZE, Paneelinhoud, registreer

from .selectors import mijn_actiepunten

menu(
    NavItem(
        "Overlegtafels",
        "fot:overzicht",
        frozenset({Rol.CONTRACTMANAGER, Rol.AANBIEDER_MEDEWERKER}),
        volgorde=120,
    )
)


@registreer(
    "fot_acties",
    rollen={Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER, Rol.CONTRACTMANAGER},
    volgorde=20,
)
def actiepunten(user, vandaag) -> Paneelinhoud:
    return Paneelinhoud(context={"fot_acties": mijn_actiepunten(user)[:HOME_LIST_SIZE]})
