"""Checks every HO service shares: who may act, all problems of a submission at once, and
the sending date of a decision."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError

from sdd_portal import opmaak
from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import heeft_sdd_rol

from ...models import Procesinstellingen


def alleen_consulent(actor) -> None:
    if not heeft_sdd_rol(actor, Rol.CONSULENT):
        raise PermissionDenied("Alleen een consulent van de SDD kan dit doen.")


def raise_als_fouten(fouten: dict[str, list[str]]) -> None:
    if any(fouten.values()):
        raise ValidationError({veld: lijst for veld, lijst in fouten.items() if lijst})


def controleer_verzenddatum(verzenddatum: date, vandaag: date, fouten: dict) -> None:
    max_dagen = Procesinstellingen.huidig().verzenddatum_max_dagen_vooruit
    if verzenddatum < vandaag:
        fouten["verzenddatum"].append(
            f"De verzenddatum ({opmaak.datum(verzenddatum)}) ligt in het verleden. De "
            "bezwaartermijn loopt vanaf de verzenddatum; vul de dag in waarop het plan echt "
            "verstuurd wordt."
        )
    elif verzenddatum > vandaag + timedelta(days=max_dagen):
        fouten["verzenddatum"].append(
            f"De verzenddatum ({opmaak.datum(verzenddatum)}) ligt meer dan {max_dagen} dagen "
            "vooruit. Kies een datum zo dicht mogelijk bij de echte verzending."
        )
