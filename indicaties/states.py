"""Lifecycles of the indication domain, one explicit state machine each: the HO process
(melding, support plan, decision), letters and mailing runs, and bulk lists.

Every state that waits on someone else shows up on a worklist (see selectors):
an open melding on the consulent's (six-week onderzoek term), a submitted plan on the
consulent's (review), a rejected plan and a plan that is due on the provider's.

No service assigns a status itself: ``melding_naar(melding, nieuw)`` and its siblings
check the transition against the lifecycle (a Dutch ValidationError when it is not
allowed) and only then set the new status; the caller saves.
"""

from __future__ import annotations

from django.db import models

from sdd_portal.states import Levenscyclus
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


class BriefStatus(models.TextChoices):
    WACHT = "wacht", "wordt gemaakt"
    KLAAR = "klaar", "klaar voor verzending"
    FOUT = "fout", "kon niet worden gemaakt"
    VERZONDEN = "verzonden", "verzonden"


BRIEF_OVERGANGEN: dict[str, frozenset[str]] = {
    BriefStatus.WACHT: frozenset({BriefStatus.KLAAR, BriefStatus.FOUT}),
    # Rendered again when its data changed (a letter that is not sent yet).
    BriefStatus.KLAAR: frozenset({BriefStatus.KLAAR, BriefStatus.FOUT, BriefStatus.VERZONDEN}),
    # A letter of a printed run that failed when rendered again afterwards is sent as it
    # was printed: its earlier PDF is in the print file.
    BriefStatus.FOUT: frozenset({BriefStatus.KLAAR, BriefStatus.FOUT, BriefStatus.VERZONDEN}),
    BriefStatus.VERZONDEN: frozenset(),
}


class VerzendrunStatus(models.TextChoices):
    RENDEREN = "renderen", "wordt gemaakt"
    KLAAR = "klaar", "klaar om te printen"
    FOUT = "fout", "mislukt"
    VERZONDEN = "verzonden", "verzonden"


VERZENDRUN_OVERGANGEN: dict[str, frozenset[str]] = {
    VerzendrunStatus.RENDEREN: frozenset({VerzendrunStatus.KLAAR, VerzendrunStatus.FOUT}),
    VerzendrunStatus.KLAAR: frozenset({VerzendrunStatus.VERZONDEN}),
    VerzendrunStatus.FOUT: frozenset(),
    VerzendrunStatus.VERZONDEN: frozenset(),
}


class BulklijstStatus(models.TextChoices):
    GECONTROLEERD = "gecontroleerd", "gecontroleerd, nog niet geïmporteerd"
    GEIMPORTEERD = "geimporteerd", "geïmporteerd"
    GEANNULEERD = "geannuleerd", "geannuleerd"


BULKLIJST_OVERGANGEN: dict[str, frozenset[str]] = {
    BulklijstStatus.GECONTROLEERD: frozenset(
        {BulklijstStatus.GEIMPORTEERD, BulklijstStatus.GEANNULEERD}
    ),
    BulklijstStatus.GEIMPORTEERD: frozenset(),
    BulklijstStatus.GEANNULEERD: frozenset(),
}


_HO_LABELS = {
    **dict(MeldingStatus.choices),
    **dict(PlanStatus.choices),
    **dict(BeschikkingStatus.choices),
}


def controleer_overgang(overgangen: dict, huidig: str, nieuw: str, wat: str) -> None:
    """The check for the lifecycles of the HO process (melding, plan, decision)."""
    _controleer(overgangen, huidig, nieuw, wat, _HO_LABELS)


# ------------------------------------------------------- one helper per lifecycle

melding_naar = Levenscyclus(MELDING_OVERGANGEN, "Deze melding", _HO_LABELS).naar
plan_naar = Levenscyclus(PLAN_OVERGANGEN, "Dit plan", _HO_LABELS).naar
beschikking_naar = Levenscyclus(BESCHIKKING_OVERGANGEN, "De beschikking", _HO_LABELS).naar
brief_naar = Levenscyclus(BRIEF_OVERGANGEN, "De brief", dict(BriefStatus.choices)).naar
verzendrun_naar = Levenscyclus(
    VERZENDRUN_OVERGANGEN, "De verzendrun", dict(VerzendrunStatus.choices)
).naar
bulklijst_naar = Levenscyclus(
    BULKLIJST_OVERGANGEN, "Deze lijst", dict(BulklijstStatus.choices)
).naar
