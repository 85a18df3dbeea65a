"""The one check every lifecycle uses: is this transition allowed?"""

from __future__ import annotations

from django.core.exceptions import ValidationError


def controleer_overgang(overgangen: dict, huidig: str, nieuw: str, wat: str, labels=None) -> None:
    """Raise a Dutch ValidationError unless ``huidig -> nieuw`` is in ``overgangen``."""
    if nieuw not in overgangen.get(huidig, frozenset()):
        labels = labels or {}
        raise ValidationError(
            f"{wat} kan niet van '{labels.get(huidig, huidig)}' naar '{labels.get(nieuw, nieuw)}'.",
            code="ongeldige_overgang",
        )
