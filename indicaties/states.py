"""Lifecycles of the HO process, one explicit state machine each.

Every state that waits on someone else shows up on a worklist (see selectors):
an open melding on the consulent's (six-week onderzoek term), a submitted plan on the
consulent's (review), a rejected plan and a plan that is due on the provider's.
"""

from __future__ import annotations

from django.db import models

from sdd_portal.states import controleer_overgang as _controleer


class MeldingStatus(models.TextChoices):
    OPEN = "open", "open, onderzoek loopt"
    ONDERZOCHT = "onderzocht", "onderzoek afgerond"
    BESCHIKT = "beschikt", "beschikking afgegeven"
    AFGEWEZEN = "afgewezen", "aanvraag afgewezen"
    INGETROKKEN = "ingetrokken", "ingetrokken"


MELDING_OVERGANGEN: dict[str, frozenset[str]] = {
    MeldingStatus.OPEN: frozenset({MeldingStatus.ONDERZOCHT, MeldingStatus.INGETROKKEN}),
    MeldingStatus.ONDERZOCHT: frozenset(
        {MeldingStatus.BESCHIKT, MeldingStatus.AFGEWEZEN, MeldingStatus.INGETROKKEN}
    ),
    MeldingStatus.BESCHIKT: frozenset(),
    MeldingStatus.AFGEWEZEN: frozenset(),
    MeldingStatus.INGETROKKEN: frozenset(),
}


class PlanStatus(models.TextChoices):
    INGEDIEND = "ingediend", "ingediend, wacht op beoordeling door de SDD"
    GEACCEPTEERD = "geaccepteerd", "geaccepteerd: definitieve beschikking"
    AFGEWEZEN = "afgewezen", "afgewezen, nieuwe versie nodig"


PLAN_OVERGANGEN: dict[str, frozenset[str]] = {
    PlanStatus.INGEDIEND: frozenset({PlanStatus.GEACCEPTEERD, PlanStatus.AFGEWEZEN}),
    PlanStatus.GEACCEPTEERD: frozenset(),
    PlanStatus.AFGEWEZEN: frozenset(),
}


class BeschikkingStatus(models.TextChoices):
    GELDIG = "geldig", "geldig"
    INGETROKKEN = "ingetrokken", "ingetrokken"


BESCHIKKING_OVERGANGEN: dict[str, frozenset[str]] = {
    BeschikkingStatus.GELDIG: frozenset({BeschikkingStatus.INGETROKKEN}),
    BeschikkingStatus.INGETROKKEN: frozenset(),
}


def controleer_overgang(overgangen: dict, huidig: str, nieuw: str, wat: str) -> None:
    labels = {
        **dict(MeldingStatus.choices),
        **dict(PlanStatus.choices),
        **dict(BeschikkingStatus.choices),
    }
    _controleer(overgangen, huidig, nieuw, wat, labels)
