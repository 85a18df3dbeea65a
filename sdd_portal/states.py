"""The one check every lifecycle uses: is this transition allowed? And ``Levenscyclus``,
which moves an object through its table, so that no service sets a status itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError


def controleer_overgang(overgangen: dict, huidig: str, nieuw: str, wat: str, labels=None) -> None:
    """Raise a Dutch ValidationError unless ``huidig -> nieuw`` is in ``overgangen``."""
    if nieuw not in overgangen.get(huidig, frozenset()):
        labels = labels or {}
        raise ValidationError(
            f"{wat} kan niet van '{labels.get(huidig, huidig)}' naar '{labels.get(nieuw, nieuw)}'.",
            code="ongeldige_overgang",
        )


@dataclass(frozen=True)
class Levenscyclus:
    """One lifecycle: its transition table, how the messages name the object ("Deze
    melding") and the labels of its statuses. ``naar(obj, nieuw)`` checks the move and sets
    the status; the caller saves (with history) in its own transaction."""

    overgangen: dict[str, frozenset[str]]
    wat: str
    labels: dict[str, str] = field(default_factory=dict)
    veld: str = "status"

    def naar(self, obj, nieuw: str) -> None:
        controleer_overgang(self.overgangen, getattr(obj, self.veld), nieuw, self.wat, self.labels)
        setattr(obj, self.veld, nieuw)
