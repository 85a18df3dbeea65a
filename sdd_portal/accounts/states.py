"""The lifecycle of a four-eyes request (docs/adr/0011)."""

from sdd_portal.states import Levenscyclus

from .models import Wijzigingsverzoek

S = Wijzigingsverzoek.Status

VERZOEK = Levenscyclus(
    overgangen={
        S.INGEDIEND: frozenset({S.GOEDGEKEURD, S.AFGEWEZEN}),
        S.GOEDGEKEURD: frozenset(),
        S.AFGEWEZEN: frozenset(),
    },
    wat="Dit wijzigingsverzoek",
    labels=dict(S.choices),
)
