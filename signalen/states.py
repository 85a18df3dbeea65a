"""The lifecycle of a signal: open until someone closes it with a note, or the work it
asked for is done elsewhere (closing by doing). A closed signal stays closed: new work is
a new signal."""

from __future__ import annotations

from sdd_portal.states import Levenscyclus

OPEN = "open"
GESLOTEN = "gesloten"

SIGNAAL_OVERGANGEN: dict[str, frozenset[str]] = {
    OPEN: frozenset({GESLOTEN}),
    GESLOTEN: frozenset(),
}


# Moves ``signaal`` to a status after checking the table (the caller saves).
signaal_naar = Levenscyclus(SIGNAAL_OVERGANGEN, "Dit signaal").naar
