"""What an API credential may do: read and/or write per resource, and the event kinds.

The resources and event kinds come from the registry (``registry.py``), filled by the apps;
the choices are callables so that models and forms see every registered app.
"""

from __future__ import annotations

from . import registry

LEZEN = "lezen"
SCHRIJVEN = "schrijven"

registry.resource("abonnementen", "Abonnementen", volgorde=900)


def scope(resource: str, recht: str) -> str:
    return f"{resource}:{recht}"


def scope_keuzes() -> list[tuple[str, str]]:
    return [
        (scope(r.code, recht), f"{r.label}: {recht}")
        for r in registry.resources()
        for recht in (LEZEN, SCHRIJVEN)
    ]


def alle_scopes() -> list[str]:
    return [code for code, _ in scope_keuzes()]


def gebeurtenis_keuzes() -> list[tuple[str, str]]:
    return [(g.code, g.label) for g in registry.gebeurtenissen()]


def gebeurtenis_codes() -> list[str]:
    return [g.code for g in registry.gebeurtenissen()]


def resource_van(soort: str) -> str:
    """The resource an event kind is about."""
    return registry.gebeurtenis_van(soort).resource
