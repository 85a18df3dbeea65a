"""Lifecycles of the consultation tables, one explicit state machine each.

Meeting (the status of its minutes): planned, minutes in draft once the first minutes are
written, shared with the members for approval, approved in a later meeting and locked. Sharing
and approving check that minutes exist, not that the draft stage was passed: a planned meeting
that already has minutes may be shared or approved straight away, and draft minutes may be
approved without having been shared. Sharing again is allowed (it changes nothing but the
history). There is no way back: editing minutes that are shared keeps them shared, and
approved minutes only get annotations.

Action item: open, done or lapsed, and every move between them, back to open included (the
owner reopens an item that turns out not to be done). Who may make a move is not part of the
machine: only contract management lets an item lapse (see ``services.actie_bijwerken``).
"""

from __future__ import annotations

from django.db import models

from sdd_portal.states import Levenscyclus
from sdd_portal.states import controleer_overgang as _controleer


class VergaderingStatus(models.TextChoices):
    GEPLAND = "gepland", "gepland"
    CONCEPT = "concept", "verslag in concept"
    TER_VASTSTELLING = "ter_vaststelling", "verslag ter vaststelling"
    VASTGESTELD = "vastgesteld", "verslag vastgesteld"


# Minutes shared with the members: from here on a member provider sees the meeting's action
# items (planned meetings and draft minutes keep them among contract management).
VERSLAG_GEDEELD = frozenset({VergaderingStatus.TER_VASTSTELLING, VergaderingStatus.VASTGESTELD})


VERGADERING_OVERGANGEN: dict[str, frozenset[str]] = {
    VergaderingStatus.GEPLAND: frozenset(
        {
            VergaderingStatus.CONCEPT,
            VergaderingStatus.TER_VASTSTELLING,
            VergaderingStatus.VASTGESTELD,
        }
    ),
    VergaderingStatus.CONCEPT: frozenset(
        {VergaderingStatus.TER_VASTSTELLING, VergaderingStatus.VASTGESTELD}
    ),
    VergaderingStatus.TER_VASTSTELLING: frozenset(
        {VergaderingStatus.TER_VASTSTELLING, VergaderingStatus.VASTGESTELD}
    ),
    VergaderingStatus.VASTGESTELD: frozenset(),
}


class ActieStatus(models.TextChoices):
    OPEN = "open", "open"
    AFGEROND = "afgerond", "afgerond"
    VERVALLEN = "vervallen", "vervallen"


ACTIE_OVERGANGEN: dict[str, frozenset[str]] = {
    ActieStatus.OPEN: frozenset({ActieStatus.AFGEROND, ActieStatus.VERVALLEN}),
    ActieStatus.AFGEROND: frozenset({ActieStatus.OPEN, ActieStatus.VERVALLEN}),
    ActieStatus.VERVALLEN: frozenset({ActieStatus.OPEN, ActieStatus.AFGEROND}),
}


_LABELS = {**dict(VergaderingStatus.choices), **dict(ActieStatus.choices)}


def controleer_overgang(overgangen: dict, huidig: str, nieuw: str, wat: str) -> None:
    _controleer(overgangen, huidig, nieuw, wat, _LABELS)


VERGADERING = Levenscyclus(VERGADERING_OVERGANGEN, "Deze vergadering", _LABELS)
ACTIEPUNT = Levenscyclus(ACTIE_OVERGANGEN, "Dit actiepunt", _LABELS)
