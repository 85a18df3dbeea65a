"""The provider and its assignment: opening a new assignment, reporting the start and the
stop of care, and withdrawing such a report.

A start or stop is one fact (``Zorgmelding``) whether the provider reports it in the portal,
through the API or by an iWmo 305/307 (``bron``): the chain app calls these same functions.
The rules of the standard that concern the facts themselves live here, so that the portal
and the API obey them too; each refusal carries the rule's code (``ValidationError.code``,
e.g. ``"TR326"``) so that the chain can answer with the matching retour code (WJ001):

- TR326: no new start while a start is current (a start without a stop);
- TR069: a stop needs the current start it closes;
- TR413/TR415: after a temporary stop (reason 20) only a definitive stop follows, and after
  a definitive stop none at all;
- TR414: a later stop of the same start does not end before the earlier one;
- TR071: a start that was stopped can no longer be withdrawn.

A report that repeats the current fact (the same start date, or the same end date and
reason) is not a second fact: the existing one is returned.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sdd_portal.accounts.roles import aanbieder_id
from sdd_portal.historie import opslaan

from ...models import RedenBeeindiging, Toewijzing, Zorgmelding
from . import signalering

Bron = Zorgmelding.Bron


@transaction.atomic
def toewijzing_geopend(*, actor, toewijzing: Toewijzing) -> None:
    """The provider opened a new assignment: it leaves the inbox."""
    if aanbieder_id(actor) != toewijzing.aanbieder_id or toewijzing.gezien_op:
        return
    toewijzing = Toewijzing.objects.select_for_update().get(pk=toewijzing.pk)
    if toewijzing.gezien_op is None:
        toewijzing.gezien_op = timezone.now()
        opslaan(toewijzing, actor=actor, reden="Toewijzing geopend door aanbieder")


def _mag_melden(actor, toewijzing: Toewijzing, bron: str) -> None:
    """The provider of the assignment reports; an iWmo message was matched to the provider
    by its AGB code before it came here (the chain checks that), so it may have no user."""
    if bron == Bron.IWMO and actor is None:
        return
    if aanbieder_id(actor) != toewijzing.aanbieder_id:
        raise PermissionDenied("Alleen de aanbieder van deze toewijzing meldt start en stop.")


def _reden(tekst: str, bron: str, bericht: str) -> str:
    if bron == Bron.IWMO:
        return f"{tekst} via iWmo-bericht {bericht}".strip()
    return f"{tekst} via {Bron(bron).label.lower()}"


def _vergrendeld(toewijzing: Toewijzing) -> Toewijzing:
    return (
        Toewijzing.objects.select_for_update(of=("self",))
        .select_related("beschikking")
        .get(pk=toewijzing.pk)
    )


def actuele_meldingen(toewijzing: Toewijzing) -> list[Zorgmelding]:
    """The facts that count (not withdrawn), oldest first."""
    return list(
        Zorgmelding.objects.filter(toewijzing=toewijzing, verwijderd_op__isnull=True).order_by(
            "begindatum", "created_at", "id"
        )
    )


def _actuele_start(meldingen: list[Zorgmelding]) -> Zorgmelding | None:
    """The start without a stop (TR326): the care that is running now."""
    gestopt = {m.begindatum for m in meldingen if m.soort == Zorgmelding.Soort.STOP}
    starts = [
        m for m in meldingen if m.soort == Zorgmelding.Soort.START and m.begindatum not in gestopt
    ]
    return starts[-1] if starts else None


def _huidige_start(meldingen: list[Zorgmelding]) -> date | None:
    starts = [m.begindatum for m in meldingen if m.soort == Zorgmelding.Soort.START]
    return max(starts) if starts else None


def _start_bijwerken(
    toewijzing: Toewijzing, *, actor, reden: str, meldingen: list[Zorgmelding] | None = None
) -> None:
    """``Toewijzing.start_zorg`` is the newest start that counts (lists and rules read it).
    Only that column changes, on a row locked and checked by the caller: saved without
    re-validating the whole assignment (a query per foreign key and constraint), which
    matters when thousands of 305s arrive."""
    start = _huidige_start(actuele_meldingen(toewijzing) if meldingen is None else meldingen)
    if toewijzing.start_zorg != start:
        toewijzing.start_zorg = start
        opslaan(
            toewijzing,
            actor=actor,
            reden=reden,
            valideren=False,
            update_fields=["start_zorg", "modified_at"],
        )


@transaction.atomic
def start_zorg_melden(
    *, actor, toewijzing: Toewijzing, datum: date, bron: str = Bron.PORTAAL, bericht: str = ""
) -> Zorgmelding:
    """The provider reports the start of care (iWmo 305, StatusAanlevering 1).

    ``bericht``: the identification of the iWmo message that reported it (history)."""
    _mag_melden(actor, toewijzing, bron)
    toewijzing = _vergrendeld(toewijzing)
    # No care under an order to write a plan (a short-term decision or a re-indication not
    # decided yet); an assignment without a decision (a direct assignment) can start.
    beschikking = toewijzing.beschikking
    kortdurend = beschikking is not None and beschikking.is_kortdurend
    if toewijzing.wacht_op_plan or kortdurend:
        raise ValidationError(
            {
                "datum": ValidationError(
                    "De zorg start onder de definitieve beschikking: tijdens de kortdurende "
                    "beschikking wordt nog niet geleverd.",
                    code="kortdurend",
                )
            }
        )
    if datum > timezone.localdate():
        raise ValidationError(
            {
                "datum": ValidationError(
                    "Meld de start als de zorg begonnen is, niet vooraf.", code="toekomst"
                )
            }
        )
    if datum < toewijzing.ingangsdatum or (toewijzing.einddatum and datum > toewijzing.einddatum):
        raise ValidationError(
            {
                "datum": ValidationError(
                    "De startdatum valt buiten de periode van de toewijzing.", code="periode"
                )
            }
        )
    meldingen = actuele_meldingen(toewijzing)
    lopend = _actuele_start(meldingen)
    if lopend is not None:
        if lopend.begindatum == datum and not (bron == Bron.IWMO and lopend.bron == Bron.IWMO):
            return lopend  # the same fact, reported again by another way
        code = "TR074" if lopend.begindatum == datum else "TR326"
        raise ValidationError(
            {
                "datum": ValidationError(
                    f"De zorg is al gestart per {lopend.begindatum:%d-%m-%Y} en nog niet "
                    "gestopt: meld eerst de stop.",
                    code=code,
                )
            }
        )
    for m in meldingen:
        gestopt_tot = m.einddatum if m.soort == Zorgmelding.Soort.STOP else None
        if gestopt_tot is not None and m.begindatum <= datum < gestopt_tot:
            raise ValidationError(
                {
                    "datum": ValidationError(
                        f"Op {datum:%d-%m-%Y} was de levering gestopt (tot en met "
                        f"{m.einddatum:%d-%m-%Y}): een nieuwe start ligt na die einddatum.",
                        code="periode",
                    )
                }
            )
    reden = _reden("Start zorg gemeld", bron, bericht)
    # Every invariant of the row was checked above; the database's constraints guard it too.
    melding = opslaan(
        Zorgmelding(
            toewijzing=toewijzing,
            soort=Zorgmelding.Soort.START,
            begindatum=datum,
            bron=bron,
            gemeld_door=actor,
        ),
        actor=actor,
        reden=reden,
        valideren=False,
    )
    _start_bijwerken(toewijzing, actor=actor, reden=reden, meldingen=[*meldingen, melding])
    signalering.start_gemeld(toewijzing, actor=actor)
    return melding


@transaction.atomic
def stop_zorg_melden(
    *,
    actor,
    toewijzing: Toewijzing,
    einddatum: date,
    reden_beeindiging: str,
    begindatum: date | None = None,
    bron: str = Bron.PORTAAL,
    bericht: str = "",
) -> Zorgmelding:
    """The provider reports the end of care (iWmo 307, StatusAanlevering 1): for good, or
    for a while (reason 20, after which a new start resumes the care).

    ``begindatum``: the start the stop closes (a 307 names it); by default the current one.
    """
    _mag_melden(actor, toewijzing, bron)
    if reden_beeindiging not in RedenBeeindiging.values:
        raise ValidationError(
            {"reden_beeindiging": ValidationError("Kies een reden van beëindiging.", code="reden")}
        )
    toewijzing = _vergrendeld(toewijzing)
    meldingen = actuele_meldingen(toewijzing)
    starts = {m.begindatum: m for m in meldingen if m.soort == Zorgmelding.Soort.START}
    if begindatum is None:
        lopend = _actuele_start(meldingen)
        begindatum = lopend.begindatum if lopend else _huidige_start(meldingen)
    if begindatum is None or begindatum not in starts:
        raise ValidationError(
            {
                "einddatum": ValidationError(
                    "Er is geen start van de zorg gemeld die deze stop afsluit: meld eerst de "
                    "start.",
                    code="TR069",
                )
            }
        )
    stops = [
        m for m in meldingen if m.soort == Zorgmelding.Soort.STOP and m.begindatum == begindatum
    ]
    for stop in stops:
        if stop.einddatum == einddatum and stop.reden_beeindiging == reden_beeindiging:
            if not (bron == Bron.IWMO and stop.bron == Bron.IWMO):
                return stop  # the same fact, reported again by another way
            raise ValidationError(
                {
                    "einddatum": ValidationError(
                        "Deze stop van de zorg is al eerder gemeld.", code="TR074"
                    )
                }
            )
        if stop.reden_beeindiging != RedenBeeindiging.TIJDELIJK:
            raise ValidationError(
                {
                    "einddatum": ValidationError(
                        f"De zorg is al beëindigd per {stop.einddatum:%d-%m-%Y} "
                        f"({stop.get_reden_beeindiging_display().lower()}).",
                        code="TR415",
                    )
                }
            )
        if reden_beeindiging == RedenBeeindiging.TIJDELIJK:
            raise ValidationError(
                {
                    "reden_beeindiging": ValidationError(
                        "De levering is al tijdelijk beëindigd; meld een nieuwe start of een "
                        "definitieve reden.",
                        code="TR413",
                    )
                }
            )
        if stop.einddatum is not None and einddatum < stop.einddatum:
            raise ValidationError(
                {
                    "einddatum": ValidationError(
                        f"De einddatum ligt voor de eerder gemelde einddatum "
                        f"{stop.einddatum:%d-%m-%Y}.",
                        code="TR414",
                    )
                }
            )
    if einddatum < begindatum:
        raise ValidationError(
            {
                "einddatum": ValidationError(
                    f"De einddatum ligt voor de start van de zorg ({begindatum:%d-%m-%Y}).",
                    code="periode",
                )
            }
        )
    if toewijzing.einddatum and einddatum > toewijzing.einddatum:
        raise ValidationError(
            {
                "einddatum": ValidationError(
                    f"De einddatum ligt na het einde van de toewijzing "
                    f"({toewijzing.einddatum:%d-%m-%Y}).",
                    code="periode",
                )
            }
        )
    reden = _reden("Stop zorg gemeld", bron, bericht)
    return opslaan(
        Zorgmelding(
            toewijzing=toewijzing,
            soort=Zorgmelding.Soort.STOP,
            begindatum=begindatum,
            einddatum=einddatum,
            reden_beeindiging=reden_beeindiging,
            bron=bron,
            gemeld_door=actor,
        ),
        actor=actor,
        reden=reden,
        valideren=False,  # every invariant checked above; the constraints guard it too
    )


@transaction.atomic
def zorgmelding_intrekken(
    *, actor, zorgmelding: Zorgmelding, bron: str = Bron.PORTAAL, bericht: str = ""
) -> Zorgmelding:
    """The provider withdraws a start or stop it reported (iWmo StatusAanlevering 3): the
    row stays, marked withdrawn, and no longer counts."""
    toewijzing = zorgmelding.toewijzing
    _mag_melden(actor, toewijzing, bron)
    toewijzing = _vergrendeld(toewijzing)
    zorgmelding = Zorgmelding.objects.select_for_update().get(pk=zorgmelding.pk)
    if zorgmelding.verwijderd_op is not None:
        raise ValidationError(
            {"zorgmelding": ValidationError("Deze melding is al ingetrokken.", code="TR063")}
        )
    if zorgmelding.soort == Zorgmelding.Soort.START:
        gestopt = Zorgmelding.objects.filter(
            toewijzing=toewijzing,
            soort=Zorgmelding.Soort.STOP,
            begindatum=zorgmelding.begindatum,
            verwijderd_op__isnull=True,
        ).exists()
        if gestopt:
            raise ValidationError(
                {
                    "zorgmelding": ValidationError(
                        "Deze start kan niet meer worden ingetrokken: de zorg is al gestopt. "
                        "Trek eerst de stop in.",
                        code="TR071",
                    )
                }
            )
    else:
        later = Zorgmelding.objects.filter(
            toewijzing=toewijzing,
            soort=Zorgmelding.Soort.STOP,
            begindatum=zorgmelding.begindatum,
            verwijderd_op__isnull=True,
            created_at__gt=zorgmelding.created_at,
        ).exists()
        if later:
            raise ValidationError(
                {
                    "zorgmelding": ValidationError(
                        "Er is na deze stop nog een stop gemeld: trek die eerst in.",
                        code="volgorde",
                    )
                }
            )
    zorgmelding.verwijderd_op = timezone.now()
    soort = "Start" if zorgmelding.soort == Zorgmelding.Soort.START else "Stop"
    reden = _reden(f"{soort} zorg ingetrokken", bron, bericht)
    opslaan(zorgmelding, actor=actor, reden=reden, valideren=False)
    _start_bijwerken(toewijzing, actor=actor, reden=reden)
    return zorgmelding
