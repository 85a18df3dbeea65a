"""Role-aware navigation for the base template."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from .models import Rol


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    rollen: frozenset[str]

    @property
    def url(self) -> str:
        return reverse(self.url_name)


NAV_ITEMS = (
    NavItem("Overzicht", "home", frozenset(Rol.values)),
    NavItem(
        "Postvak",
        "signalen:postvak",
        frozenset({Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER, Rol.CONTRACTMANAGER}),
    ),
    NavItem(
        "Werklijst",
        "indicaties:werklijst",
        frozenset({Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER}),
    ),
    NavItem("Cliënten", "indicaties:client-zoeken", frozenset({Rol.CONSULENT})),
    NavItem("Mijn cliënten", "indicaties:client-zoeken", frozenset({Rol.AANBIEDER_MEDEWERKER})),
    NavItem("Contractbeheer", "contractbeheer:dashboard", frozenset({Rol.CONTRACTMANAGER})),
    NavItem("Aanbieders", "accounts:aanbieders", frozenset({Rol.CONTRACTMANAGER})),
    NavItem(
        "Cliëntenstops",
        "contractbeheer:stops",
        frozenset({Rol.CONTRACTMANAGER, Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER}),
    ),
    NavItem(
        "Capaciteit",
        "contractbeheer:capaciteit",
        frozenset({Rol.CONTRACTMANAGER, Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER}),
    ),
    NavItem(
        "Signalen",
        "contractbeheer:signalen",
        frozenset({Rol.CONTRACTMANAGER, Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER}),
    ),
    NavItem(
        "Lijsten",
        "indicaties:bulklijsten",
        frozenset({Rol.CONTRACTMANAGER, Rol.AANBIEDER_MEDEWERKER}),
    ),
    NavItem(
        "Overlegtafels",
        "fot:overzicht",
        frozenset({Rol.CONTRACTMANAGER, Rol.AANBIEDER_MEDEWERKER}),
    ),
    NavItem("Wasservice", "indicaties:wasservice-kandidaten", frozenset({Rol.CONSULENT})),
    NavItem("Verzending", "indicaties:verzendruns", frozenset({Rol.CONSULENT})),
    NavItem("Contactpersonen", "contractbeheer:contactpersonen", frozenset(Rol.values)),
    NavItem("Toegangslog", "audit:zoeken", frozenset({Rol.FUNCTIONEEL_BEHEERDER})),
    NavItem("Beheer", "admin:index", frozenset({Rol.FUNCTIONEEL_BEHEERDER, Rol.CONTRACTMANAGER})),
)


def items_for(user) -> list[NavItem]:
    rollen = set(getattr(user, "rollen", []) or [])
    seen: set[str] = set()
    result = []
    for item in NAV_ITEMS:
        if rollen & item.rollen and item.label not in seen:
            seen.add(item.label)
            result.append(item)
    return result


def navigation(request) -> dict:
    """The menu, built only when a template shows it: an htmx fragment (the search
    results under the search box) renders without the menu and then costs neither the
    unread count's query nor the URL lookups."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    return {"nav_items": SimpleLazyObject(lambda: _menu(user, request.path))}


def _menu(user, current: str) -> list[dict]:
    zichtbaar = items_for(user)
    ongelezen = None
    if any(i.url_name == "signalen:postvak" for i in zichtbaar):
        from signalen.models import Signaal

        ongelezen = Signaal.objects.ongelezen_voor(user).count()
    return [
        {
            "label": i.label,
            "aantal": ongelezen if i.url_name == "signalen:postvak" else None,
            "url": i.url,
            "current": i.url == current or (i.url != "/" and current.startswith(i.url)),
        }
        for i in zichtbaar
    ]
