"""What other apps add to the pages of the client file: sections on a record's page and
items on the client's timeline. The domain's pages only iterate over what is registered,
so an app above the domain (the iWmo chain) shows its data there without the domain
importing it (docs/architecture.md, "How an app plugs into the core").

- ``registreer_sectie(plek)``: a function ``(request, obj) -> str`` (rendered HTML) for the
  page ``plek`` ("toewijzing", "beschikking"); the page shows it with the template tag
  ``{% dossiersecties "toewijzing" toewijzing %}``. The page has already checked that the
  user may see ``obj`` and written the access log for its client.
- ``registreer_tijdlijn``: a function ``(actor, client) -> Iterable[Tijdlijnitem]``: the items
  of that client ``actor`` may see; a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Tijdlijnitem:
    moment: datetime
    soort: str
    titel: str
    details: str = ""
    door: str = ""
    url: str = ""


Sectie = Callable[..., str]
Tijdlijnbron = Callable[..., Iterable[Tijdlijnitem]]

_SECTIES: dict[str, list[Sectie]] = {}
_TIJDLIJN: list[Tijdlijnbron] = []


def registreer_sectie(plek: str):
    """Decorator: ``@registreer_sectie("toewijzing")`` on a section function."""

    def decorator(maak: Sectie) -> Sectie:
        lijst = _SECTIES.setdefault(plek, [])
        if maak not in lijst:
            lijst.append(maak)
        return maak

    return decorator


def registreer_tijdlijn(bron: Tijdlijnbron) -> Tijdlijnbron:
    """Decorator on a function that gives a client's timeline items."""
    if bron not in _TIJDLIJN:
        _TIJDLIJN.append(bron)
    return bron


def secties(plek: str, request, obj) -> list[str]:
    return [maak(request, obj) for maak in _SECTIES.get(plek, [])]


def tijdlijnitems(actor, client) -> list[Tijdlijnitem]:
    items: list[Tijdlijnitem] = []
    for bron in _TIJDLIJN:
        items.extend(bron(actor, client))
    return items
