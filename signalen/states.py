"""The lifecycle of a signal: open until someone closes it with a note, or the work it
asked for is done elsewhere (closing by doing). A closed signal stays closed: new work is
a new signal."""

from __future__ import annotations

from sdd_portal.states import controleer_overgang

OPEN = "open"
GESLOTEN = "gesloten"

SIGNAAL_OVERGANGEN: dict[str, frozenset[str]] = {
    OPEN: frozenset({GESLOTEN}),
    GESLOTEN: frozenset(),
}


def signaal_naar(signaal, nieuw: str) -> None:
    """Move ``signaal`` to ``nieuw`` after checking the table (the caller saves)."""
    controleer_overgang(SIGNAAL_OVERGANGEN, signaal.status, nieuw, "Dit signaal")
    signaal.status = nieuw
