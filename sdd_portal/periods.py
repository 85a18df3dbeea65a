"""Periods with an optional end: one way to ask "in force on this date" and one way to
say "the end is not before the start", for every model that has a period."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q


def open_of_vanaf(veld: str, datum, *, inclusief: bool = True) -> Q:
    """``veld`` is empty (open-ended) or on/after ``datum`` (strictly after if not inclusive)."""
    lookup = "gte" if inclusief else "gt"
    return Q(**{f"{veld}__isnull": True}) | Q(**{f"{veld}__{lookup}": datum})


def geldig_op(datum, start: str = "ingangsdatum", einde: str = "einddatum") -> Q:
    """The period [start, einde] contains ``datum``; an empty end is open-ended."""
    return Q(**{f"{start}__lte": datum}) & open_of_vanaf(einde, datum)


def einde_niet_voor_begin(start: str, einde: str, name: str, message: str):
    return models.CheckConstraint(
        condition=open_of_vanaf(einde, F(start)),
        name=name,
        violation_error_message=message,
    )
