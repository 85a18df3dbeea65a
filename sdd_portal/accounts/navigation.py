"""Role-aware navigation for the base template."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from .models import Rol


@dataclass(frozen=True)
class NavItem:
    """A menu item. ``aantal`` (optional) gives the badge count for a user (unread signals)."""

    label: str
    url_name: str
    rollen: frozenset[str]
    volgorde: int = 100
    aantal: Callable[[Any], int] | None = None

    @property
    def url(self) -> str:
        return reverse(self.url_name)


# The menu registry: the core's own items here, every app adds its own from its
# ``portaal.py`` (imported in its AppConfig.ready); sorted by ``volgorde``.
NAV_ITEMS: list[NavItem] = []


def registreer(*items: NavItem) -> None:
    for item in items:
        if all((i.label, i.url_name) != (item.label, item.url_name) for i in NAV_ITEMS):
            NAV_ITEMS.append(item)
    NAV_ITEMS.sort(key=lambda i: (i.volgorde, i.label))


registreer(
    NavItem("Overzicht", "home", frozenset(Rol.values), volgorde=0),
    NavItem("Toegangslog", "audit:zoeken", frozenset({Rol.FUNCTIONEEL_BEHEERDER}), volgorde=160),
    NavItem(
        "Rechten",
        "accounts:rechten",
        frozenset({Rol.AANBIEDER_MEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER}),
        volgorde=165,
    ),
    NavItem(
        "Beheer",
        "admin:index",
        frozenset({Rol.FUNCTIONEEL_BEHEERDER, Rol.CONTRACTMANAGER}),
        volgorde=170,
    ),
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
    return [
        {
            "label": i.label,
            "aantal": i.aantal(user) if i.aantal else None,
            "url": i.url,
            "current": i.url == current or (i.url != "/" and current.startswith(i.url)),
        }
        for i in items_for(user)
    ]
