"""The API's registry: each app registers its own resources (scopes), routes, event kinds
and deletable resources from its ``api`` package (called in its AppConfig.ready); the core
only iterates over them. ``volgorde`` keeps lists (scopes in Beheer, the OpenAPI document)
in a stable order whatever the order of INSTALLED_APPS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Resource:
    """A scope code ("<code>:lezen" / "<code>:schrijven") with its Dutch label."""

    code: str
    label: str
    volgorde: int = 100


@dataclass(frozen=True)
class Gebeurtenis:
    """An event kind subscriptions can ask for, and the resource it is about (the
    subscriber needs that resource's read scope)."""

    code: str
    label: str
    resource: str
    volgorde: int = 100


@dataclass(frozen=True)
class Verwijderbaar:
    """A resource whose real deletions are listed as tombstones (``/verwijderingen``)."""

    resource: str  # the path segment of the resource
    scope_resource: str  # the scope code that allows reading it
    model: str  # app_label.Model; who sees a tombstone follows the model's zichtbaarheid
    openbaar: bool = False  # visible to every credential with the scope
    volgorde: int = 100


_RESOURCES: dict[str, Resource] = {}
_GEBEURTENISSEN: dict[str, Gebeurtenis] = {}
_ROUTES: dict[Callable, int] = {}
_VERWIJDERBAAR: dict[str, Verwijderbaar] = {}


def resource(code: str, label: str, *, volgorde: int = 100) -> None:
    _RESOURCES[code] = Resource(code, label, volgorde)


def gebeurtenis(code: str, label: str, *, resource: str, volgorde: int = 100) -> None:
    _GEBEURTENISSEN[code] = Gebeurtenis(code, label, resource, volgorde)


def routes(registreer: Callable, *, volgorde: int = 100) -> None:
    """``registreer(router)`` adds the app's viewsets to the API router."""
    _ROUTES[registreer] = volgorde


def verwijderbaar(item: Verwijderbaar) -> None:
    _VERWIJDERBAAR[item.resource] = item


def resources() -> list[Resource]:
    return sorted(_RESOURCES.values(), key=lambda r: (r.volgorde, r.code))


def gebeurtenissen() -> list[Gebeurtenis]:
    return sorted(_GEBEURTENISSEN.values(), key=lambda g: (g.volgorde, g.code))


def gebeurtenis_van(code: str) -> Gebeurtenis:
    return _GEBEURTENISSEN[code]


def verwijderbare() -> list[Verwijderbaar]:
    return sorted(_VERWIJDERBAAR.values(), key=lambda v: v.volgorde)


def routes_registreren(router) -> None:
    for registreer, _ in sorted(_ROUTES.items(), key=lambda kv: kv[1]):
        registreer(router)
