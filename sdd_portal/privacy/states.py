"""The destruction list's lifecycle."""

from sdd_portal.states import Levenscyclus

from .models import Vernietigingslijst

S = Vernietigingslijst.Status

VERNIETIGINGSLIJST = Levenscyclus(
    overgangen={
        S.CONCEPT: frozenset({S.VOORGEDRAGEN}),
        S.VOORGEDRAGEN: frozenset({S.GOEDGEKEURD, S.AFGEWEZEN}),
        S.AFGEWEZEN: frozenset(),
        S.GOEDGEKEURD: frozenset({S.VERNIETIGD}),
        S.VERNIETIGD: frozenset(),
    },
    wat="Deze vernietigingslijst",
    labels=dict(S.choices),
)
