"""The home page's panels: each app registers its own, the core only iterates over them.

A panel is a function ``(user, vandaag) -> Paneelinhoud`` for the roles it names. The home
page calls every panel the user's roles ask for, merges their template context, and writes
one access-log row for all clients the page shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

HOME_LIST_SIZE = 10


@dataclass
class Paneelinhoud:
    context: dict
    client_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Paneel:
    naam: str
    rollen: frozenset[str]
    maak: Callable[..., Paneelinhoud]
    volgorde: int = 100


PANELEN: list[Paneel] = []


def registreer(naam: str, *, rollen: Iterable[str], volgorde: int = 100):
    """Decorator: ``@registreer("postvak", rollen={...})`` on a panel function."""

    def decorator(maak: Callable[..., Paneelinhoud]):
        if all(p.naam != naam for p in PANELEN):
            PANELEN.append(Paneel(naam, frozenset(rollen), maak, volgorde))
            PANELEN.sort(key=lambda p: (p.volgorde, p.naam))
        return maak

    return decorator


def panelen_voor(user) -> list[Paneel]:
    return [p for p in PANELEN if user.has_rol(*p.rollen)]


def inhoud_voor(user, vandaag: date) -> Paneelinhoud:
    """Every panel of ``user``'s roles, merged."""
    totaal = Paneelinhoud(context={})
    for paneel in panelen_voor(user):
        inhoud = paneel.maak(user, vandaag)
        totaal.context.update(inhoud.context)
        totaal.client_ids += inhoud.client_ids
    return totaal
