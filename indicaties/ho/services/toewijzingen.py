"""The provider and its assignment: opening a new assignment, reporting the start of care."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sdd_portal.accounts.roles import aanbieder_id
from sdd_portal.historie import opslaan

from ...models import Toewijzing
from . import signalering


@transaction.atomic
def toewijzing_geopend(*, actor, toewijzing: Toewijzing) -> None:
    """The provider opened a new assignment: it leaves the inbox."""
    if aanbieder_id(actor) != toewijzing.aanbieder_id or toewijzing.gezien_op:
        return
    toewijzing = Toewijzing.objects.select_for_update().get(pk=toewijzing.pk)
    if toewijzing.gezien_op is None:
        toewijzing.gezien_op = timezone.now()
        opslaan(toewijzing, actor=actor, reden="Toewijzing geopend door aanbieder")


@transaction.atomic
def start_zorg_melden(*, actor, toewijzing: Toewijzing, datum: date) -> Toewijzing:
    """The provider reports the start of care (iWmo 305)."""
    if aanbieder_id(actor) != toewijzing.aanbieder_id:
        raise PermissionDenied("Alleen de aanbieder van deze toewijzing meldt de start.")
    toewijzing = (
        Toewijzing.objects.select_for_update(of=("self",))
        .select_related("beschikking")
        .get(pk=toewijzing.pk)
    )
    if toewijzing.beschikking is None or toewijzing.beschikking.is_kortdurend:
        raise ValidationError(
            {
                "datum": "De zorg start onder de definitieve beschikking: tijdens de kortdurende "
                "beschikking wordt nog niet geleverd."
            }
        )
    if datum > timezone.localdate():
        raise ValidationError({"datum": "Meld de start als de zorg begonnen is, niet vooraf."})
    if datum < toewijzing.ingangsdatum or (toewijzing.einddatum and datum > toewijzing.einddatum):
        raise ValidationError({"datum": "De startdatum valt buiten de periode van de toewijzing."})
    toewijzing.start_zorg = datum
    opslaan(toewijzing, actor=actor, reden="Start zorg gemeld")
    signalering.start_gemeld(toewijzing, actor=actor)
    return toewijzing
