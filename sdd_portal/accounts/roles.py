"""Who an actor is: the role checks every visibility rule and service builds on.

An actor is a user or (later) an API client: anything with ``is_authenticated``,
``is_active``, ``organisatie`` and ``rollen``. A role only counts for an active,
authenticated actor, and only at the right kind of organisation.
"""

from __future__ import annotations

from .models import Organisatie, Rol


def rollen_van(actor) -> set[str]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return set()
    if getattr(actor, "is_active", True) is False:
        return set()
    return set(getattr(actor, "rollen", None) or [])


def heeft_sdd_rol(actor, *rollen: str) -> bool:
    """The actor works for SDD and holds one of ``rollen``."""
    organisatie = getattr(actor, "organisatie", None)
    return (
        organisatie is not None
        and organisatie.soort == Organisatie.Soort.SDD
        and bool(rollen_van(actor) & set(rollen))
    )


def aanbieder_id(actor) -> int | None:
    """The provider an aanbieder-medewerker acts for, or None for anyone else."""
    organisatie = getattr(actor, "organisatie", None)
    if (
        organisatie is not None
        and organisatie.soort == Organisatie.Soort.AANBIEDER
        and Rol.AANBIEDER_MEDEWERKER in rollen_van(actor)
    ):
        return organisatie.pk
    return None


def heeft_rol(actor, *rollen: str) -> bool:
    """The actor holds one of ``rollen`` where it counts: SDD roles at SDD, the provider
    role at a provider."""
    sdd_rollen = [r for r in rollen if r != Rol.AANBIEDER_MEDEWERKER]
    return (bool(sdd_rollen) and heeft_sdd_rol(actor, *sdd_rollen)) or (
        Rol.AANBIEDER_MEDEWERKER in rollen and aanbieder_id(actor) is not None
    )
