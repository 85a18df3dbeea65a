"""Reads of the message store for pages, panels and the API: what an actor may see of the
messages, their retours and retour codes, and the consultants' problem list. Visibility is
the models' ``zichtbaarheid`` (a provider sees its own organisation's messages)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet

from indicaties.models import RedenWijziging

from .models import Bericht, BerichtStatus, Retourcode, Richting, ToewijzingVersie

#: Messages that went wrong: their retour reported errors, they were refused, or failed.
AFGEKEURD = (BerichtStatus.RETOUR_MET_FOUTEN, BerichtStatus.AFGEKEURD, BerichtStatus.FOUT)
#: Outgoing messages still waiting for their retour.
WACHT_OP_RETOUR = (BerichtStatus.KLAARGEZET, BerichtStatus.VERZONDEN)

LIJST_RELATED = ("client", "aanbieder")


def retourcode_tekst(code: str) -> str:
    """The Dutch text of a WJ001 retour code (kept by the message builders)."""
    from .iwmo.retourcodes import retourcode_tekst as tekst

    return tekst(code)


def reden_wijziging_tekst(code: str) -> str:
    if not code:
        return ""
    try:
        return str(RedenWijziging(code).label)
    except ValueError:
        return f"onbekende reden {code}"


def berichten(actor) -> QuerySet[Bericht]:
    """The messages ``actor`` may see, newest first, with what a list shows."""
    return Bericht.objects.visible_to(actor).select_related(*LIJST_RELATED).order_by("-created_at")


def berichten_filteren(
    qs: QuerySet[Bericht],
    *,
    bsn: str = "",
    naam: str = "",
    aanbieder=None,
    dagtekening: date | None = None,
    berichtcode: str = "",
    richting: str = "",
    status: str = "",
) -> QuerySet[Bericht]:
    """Narrow ``qs`` by the criteria that are filled in (all must match)."""
    if bsn:
        qs = qs.filter(client__bsn=bsn)
    for deel in naam.split():
        qs = qs.filter(Q(client__achternaam__icontains=deel) | Q(client__voornamen__icontains=deel))
    if aanbieder is not None:
        qs = qs.filter(aanbieder=aanbieder)
    if dagtekening is not None:
        qs = qs.filter(dagtekening=dagtekening)
    if berichtcode:
        qs = qs.filter(berichtcode=berichtcode)
    if richting:
        qs = qs.filter(richting=richting)
    if status:
        qs = qs.filter(status=status)
    return qs


def afgekeurd_filter() -> Q:
    return Q(status__in=AFGEKEURD)


def te_laat_filter(vandaag: date) -> Q:
    """OP090: an outgoing message whose retour did not come within its term."""
    return Q(richting=Richting.UIT, status__in=WACHT_OP_RETOUR, termijn__lt=vandaag)


def problemen(actor, vandaag: date, *, soort: str = "") -> QuerySet[Bericht]:
    """The consultants' problem list: rejected messages and overdue retours, newest first.
    ``soort``: "afgekeurd" or "te_laat" for one of the two, empty for both."""
    if soort == "afgekeurd":
        voorwaarde = afgekeurd_filter()
    elif soort == "te_laat":
        voorwaarde = te_laat_filter(vandaag)
    else:
        voorwaarde = afgekeurd_filter() | te_laat_filter(vandaag)
    return berichten(actor).filter(voorwaarde)


def probleem_aantallen(actor, vandaag: date) -> dict[str, int]:
    """The two counts of the home panel, in one query."""
    from django.db.models import Count

    qs = Bericht.objects.visible_to(actor)
    return qs.aggregate(
        afgekeurd=Count("pk", filter=afgekeurd_filter()),
        te_laat=Count("pk", filter=te_laat_filter(vandaag)),
    )


# ----------------------------------------------------------------------- one message


def retour_van(bericht: Bericht) -> Bericht | None:
    try:
        return bericht.retour
    except Bericht.DoesNotExist:
        return None


@dataclass
class Codegroep:
    """Retour codes of one level (and, at product level, one assignment)."""

    niveau: str
    toewijzingnummer: int | None
    codes: list[dict] = field(default_factory=list)


def retourcodes_gegroepeerd(retourbericht: Bericht | None) -> list[Codegroep]:
    """The codes of a retour message per level and assignment number, each with its
    Dutch text, in the order the retour gave them."""
    if retourbericht is None:
        return []
    groepen: dict[tuple[str, int | None], Codegroep] = {}
    for rc in retourbericht.retourcodes.all():
        sleutel = (rc.get_niveau_display(), rc.toewijzingnummer)
        groep = groepen.setdefault(sleutel, Codegroep(*sleutel))
        groep.codes.append({"code": rc.code, "tekst": retourcode_tekst(rc.code)})
    return list(groepen.values())


def bevindingen(bericht: Bericht) -> list[dict]:
    """The findings stored with a message as code and text (strings are shown as text)."""
    uit: list[dict] = []
    for item in bericht.fouten or []:
        if isinstance(item, dict):
            uit.append({"code": str(item.get("code", "")), "tekst": str(item.get("tekst", ""))})
        else:
            uit.append({"code": "", "tekst": str(item)})
    return uit


def versies_van_bericht(bericht: Bericht) -> list[ToewijzingVersie]:
    return list(
        bericht.toewijzingversies.select_related("toewijzing__product").order_by(
            "toewijzingnummer", "id"
        )
    )


# -------------------------------------------------------------- per assignment / client


def versies_van_toewijzingen(actor, toewijzing_ids) -> QuerySet[ToewijzingVersie]:
    qs = ToewijzingVersie.objects.filter(toewijzing_id__in=toewijzing_ids).select_related("bericht")
    return ToewijzingVersie.zichtbaarheid.toepassen(qs, actor).order_by("vastgesteld_op", "id")


def retourcodes_van_toewijzingen(actor, toewijzing_ids) -> QuerySet[Retourcode]:
    qs = Retourcode.objects.filter(toewijzing_id__in=toewijzing_ids).select_related(
        "bericht__heenbericht"
    )
    return Retourcode.zichtbaarheid.toepassen(qs, actor).order_by("-bericht__created_at", "id")


def codes_per_bericht(retourcodes) -> dict[int, list[dict]]:
    uit: dict[int, list[dict]] = defaultdict(list)
    for rc in retourcodes:
        uit[rc.bericht_id].append(
            {
                "code": rc.code,
                "tekst": retourcode_tekst(rc.code),
                "niveau": rc.get_niveau_display(),
                "toewijzingnummer": rc.toewijzingnummer,
            }
        )
    return uit
