"""Lifecycles of contract management, one explicit state machine each."""

from __future__ import annotations

from django.db import models

from sdd_portal.states import Levenscyclus
from sdd_portal.states import controleer_overgang as _controleer


class StopStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", "aangevraagd, wacht op contractmanagement"
    AKKOORD = "akkoord", "akkoord"
    AKKOORD_GEWIJZIGD = "akkoord_gewijzigd", "akkoord met wijzigingen"
    AFGEWEZEN = "afgewezen", "afgewezen"
    BEEINDIGD = "beeindigd", "beëindigd"


STOP_OVERGANGEN: dict[str, frozenset[str]] = {
    StopStatus.AANGEVRAAGD: frozenset(
        {StopStatus.AKKOORD, StopStatus.AKKOORD_GEWIJZIGD, StopStatus.AFGEWEZEN}
    ),
    StopStatus.AKKOORD: frozenset({StopStatus.BEEINDIGD}),
    StopStatus.AKKOORD_GEWIJZIGD: frozenset({StopStatus.BEEINDIGD}),
    StopStatus.AFGEWEZEN: frozenset(),
    StopStatus.BEEINDIGD: frozenset(),
}
STOP_GELDEND = (StopStatus.AKKOORD, StopStatus.AKKOORD_GEWIJZIGD)


class ContractStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", "toetreding aangevraagd"
    ACTIEF = "actief", "actief"
    AFGEWEZEN = "afgewezen", "toetreding afgewezen"
    UITGETREDEN = "uitgetreden", "uitgetreden"


CONTRACT_OVERGANGEN: dict[str, frozenset[str]] = {
    ContractStatus.AANGEVRAAGD: frozenset({ContractStatus.ACTIEF, ContractStatus.AFGEWEZEN}),
    ContractStatus.ACTIEF: frozenset({ContractStatus.UITGETREDEN}),
    ContractStatus.AFGEWEZEN: frozenset(),
    ContractStatus.UITGETREDEN: frozenset(),
}


class SignaalStatus(models.TextChoices):
    OPEN = "open", "open"
    IN_BEHANDELING = "in_behandeling", "in behandeling"
    BEANTWOORD = "beantwoord", "beantwoord"


SIGNAAL_OVERGANGEN: dict[str, frozenset[str]] = {
    SignaalStatus.OPEN: frozenset({SignaalStatus.IN_BEHANDELING, SignaalStatus.BEANTWOORD}),
    SignaalStatus.IN_BEHANDELING: frozenset({SignaalStatus.BEANTWOORD}),
    SignaalStatus.BEANTWOORD: frozenset(),
}


def controleer_overgang(overgangen: dict, huidig: str, nieuw: str, wat: str) -> None:
    labels = {
        **dict(StopStatus.choices),
        **dict(ContractStatus.choices),
        **dict(SignaalStatus.choices),
    }
    _controleer(overgangen, huidig, nieuw, wat, labels)


# ------------------------------------------------------- one helper per lifecycle

_LABELS = {**dict(StopStatus.choices), **dict(SignaalStatus.choices)}
stop_naar = Levenscyclus(STOP_OVERGANGEN, "Deze cliëntenstop", _LABELS).naar
signaal_naar = Levenscyclus(SIGNAAL_OVERGANGEN, "Dit signaal", _LABELS).naar
