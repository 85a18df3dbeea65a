"""The daily rules: what is due on a date, and what each due item creates.

Every rule has a *due date* (peildatum) per subject: six weeks before a decision ends, N
days after an assignment, and so on. A run for date D handles every subject whose due date
lies after the rule's watermark (``Taakstand.verwerkt_tot``) and on or before D, plus every
subject changed since the previous run whose due date already passed (a plan accepted late,
a decision entered with an early end). Both are index range scans, so a run costs what is
due, not what is stored. The watermark, the new signals and the new letters commit in one
transaction while the rule's state row is locked:

- a job that did not run for days handles the whole gap in its next run, once;
- two runs at the same time take turns on the lock; the second finds nothing new;
- a worker killed mid-run rolls back; the next run does the work again;
- and whatever a bug in this module might do, the database refuses a second signal for the
  same kind, recipient, subject and due date (``signaal_eenmaal``), and a second letter
  for the same key (the unique ``Brief.sleutel``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from sdd_portal.accounts.models import Organisatie, Rol
from sdd_portal.api.gebeurtenissen import publiceren_veel

from .models import Ontvanger, Signaal, Taakrun, Taakstand

# A first run (no watermark yet) looks back this far for due dates it never handled
# (as far as the longest lead of a rule: the six weeks of the expiry letter).
EERSTE_RUN_TERUG = timedelta(weeks=6)
# Changes are looked for from a little before the previous run started: a transaction that
# saved before that moment but committed after it is still seen. Duplicates are impossible.
MARGE = timedelta(hours=1)


@dataclass
class Nieuw:
    """What one subject creates: signals (unsaved) and letters (unsaved)."""

    signalen: list[Signaal] = field(default_factory=list)
    brieven: list = field(default_factory=list)


class Context:
    """Lookups shared by all subjects of one run, so a run costs a fixed number of queries
    per batch rather than per subject."""

    def __init__(self, datum: date):
        self.datum = datum
        self.vandaag = timezone.localdate()
        self.sdd_id = Organisatie.objects.sdd().values_list("pk", flat=True).first()
        self._types: dict[type, ContentType] = {}
        self._eenmaal: dict = {}

    def eenmaal(self, sleutel, maak):
        """``maak()`` once per run (settings rows, letter templates): shared by all subjects."""
        if sleutel not in self._eenmaal:
            self._eenmaal[sleutel] = maak()
        return self._eenmaal[sleutel]

    def type(self, model) -> ContentType:
        if model not in self._types:
            self._types[model] = ContentType.objects.get_for_model(model)
        return self._types[model]


class Regel:
    """One daily rule. Apps subclass it and ``registreer`` an instance in ``AppConfig.ready``;
    ``volgorde`` fixes the order of a run (and of lists in Beheer)."""

    code: str
    naam: str
    soort: str
    model: type[models.Model]
    select_related: tuple[str, ...] = ()
    volgorde: int = 100

    # -- to implement per rule
    def basis(self, ctx: Context) -> models.QuerySet:
        """Subjects that still matter on the run date."""
        raise NotImplementedError

    # The due date is ``veld`` minus ``voorsprong``: six weeks before the end date, or (a
    # negative lead) some days after an assignment's start.
    veld: str

    def voorsprong(self, ctx: Context) -> timedelta:
        return timedelta(0)

    def venster(self, qs, van: date | None, tot: date, ctx: Context) -> models.QuerySet:
        """Restrict ``qs`` to subjects whose due date is in (van, tot]: a range on ``veld``."""
        voorsprong = self.voorsprong(ctx)
        qs = qs.filter(**{f"{self.veld}__lte": tot + voorsprong})
        return qs if van is None else qs.filter(**{f"{self.veld}__gt": van + voorsprong})

    def peildatum(self, obj, ctx: Context) -> date:
        return getattr(obj, self.veld) - self.voorsprong(ctx)

    def maak(self, obj, peildatum: date, ctx: Context) -> Nieuw:
        raise NotImplementedError

    def brieven_opslaan(self, brieven: list, *, reden: str) -> int:
        """Store the letters ``maak`` returned (unsaved) that do not exist yet; the number
        stored. Rules that write letters implement it (the letters belong to their app)."""
        if brieven:
            raise NotImplementedError(f"{type(self).__name__} makes letters but cannot store them")
        return 0

    # -- shared
    def signaal(self, obj, peildatum: date, ctx: Context, *, ontvanger: str, **velden) -> Signaal:
        return Signaal(
            soort=self.soort,
            ontvanger=ontvanger,
            onderwerp_type=ctx.type(self.model),
            onderwerp_id=obj.pk,
            peildatum=peildatum,
            **velden,
        )

    def voor_aanbieder(self, obj, peildatum, ctx, *, aanbieder_id: int, **velden) -> Signaal:
        return self.signaal(
            obj,
            peildatum,
            ctx,
            ontvanger=Ontvanger.AANBIEDER,
            organisatie_id=aanbieder_id,
            **velden,
        )

    def voor_consulent(self, obj, peildatum, ctx, *, client, **velden) -> Signaal:
        from .services import voor_consulent_van

        adres = voor_consulent_van(client, ctx.sdd_id)
        return self.signaal(obj, peildatum, ctx, client=client, **adres, **velden)

    def voor_contractbeheer(self, obj, peildatum, ctx, **velden) -> Signaal:
        return self.signaal(
            obj,
            peildatum,
            ctx,
            ontvanger=Ontvanger.CONTRACTBEHEER,
            organisatie_id=ctx.sdd_id,
            rol=Rol.CONTRACTMANAGER,
            **velden,
        )


# The registry: every app adds its own rules from its AppConfig.ready (indicaties: expiry,
# short decisions, plans, start; contractbeheer: stops, mandates; fot: action items).
REGELS: list[Regel] = []


def registreer(regel: Regel) -> None:
    """Add ``regel`` to the daily run (once per code), in the order of ``volgorde``."""
    if all(r.code != regel.code for r in REGELS):
        REGELS.append(regel)
        REGELS.sort(key=lambda r: (r.volgorde, r.code))


# ---------------------------------------------------------------------------- running


@dataclass
class Resultaat:
    regel: str
    naam: str
    van: date | None
    tot: date
    kandidaten: int
    signalen: int
    brieven: int
    seconden: float


BATCH = 2000


def _ids(regel: Regel, ctx: Context, van: date | None, sinds: datetime | None) -> list[int]:
    basis = regel.basis(ctx)
    ids = set(regel.venster(basis, van, ctx.datum, ctx).values_list("pk", flat=True))
    if sinds is not None:
        gewijzigd = basis.filter(modified_at__gte=sinds)
        ids |= set(regel.venster(gewijzigd, None, ctx.datum, ctx).values_list("pk", flat=True))
    return sorted(ids)


def _bestaand(regel: Regel, ctx: Context, ids: list[int]) -> set[tuple[str, int, date]]:
    return set(
        Signaal.objects.filter(
            soort=regel.soort, onderwerp_type=ctx.type(regel.model), onderwerp_id__in=ids
        ).values_list("ontvanger", "onderwerp_id", "peildatum")
    )


def regel_uitvoeren(regel: Regel, datum: date, *, door: str = "") -> Resultaat:
    gestart = timezone.now()
    Taakstand.objects.get_or_create(regel=regel.code)
    with transaction.atomic():
        stand = Taakstand.objects.select_for_update().get(regel=regel.code)
        ctx = Context(datum)
        van = stand.verwerkt_tot if stand.verwerkt_tot else datum - EERSTE_RUN_TERUG
        sinds = stand.laatste_start - MARGE if stand.laatste_start else None
        ids = _ids(regel, ctx, van, sinds)
        aantal_signalen = aantal_brieven = 0
        for i in range(0, len(ids), BATCH):
            deel = ids[i : i + BATCH]
            bestaand = _bestaand(regel, ctx, deel)
            signalen, brieven = [], []
            for obj in regel.model.objects.filter(pk__in=deel).select_related(
                *regel.select_related
            ):
                peildatum = regel.peildatum(obj, ctx)
                if peildatum > datum:
                    continue
                nieuw = regel.maak(obj, peildatum, ctx)
                signalen += [
                    s for s in nieuw.signalen if (s.ontvanger, obj.pk, peildatum) not in bestaand
                ]
                brieven += nieuw.brieven
            reden = f"Dagelijkse taak {regel.code} ({datum.isoformat()})"
            Signaal.objects.bulk_create(signalen)
            Signaal.history.bulk_history_create(signalen, default_change_reason=reden)
            publiceren_veel("signaal.nieuw", instances=signalen)
            aantal_brieven += regel.brieven_opslaan(brieven, reden=reden)
            aantal_signalen += len(signalen)
        if stand.verwerkt_tot is None or datum > stand.verwerkt_tot:
            stand.verwerkt_tot = datum
        stand.laatste_start = gestart
        stand.save()
        klaar = timezone.now()
        Taakrun.objects.create(
            regel=regel.code,
            datum=datum,
            van=van,
            gestart=gestart,
            klaar=klaar,
            kandidaten=len(ids),
            signalen=aantal_signalen,
            brieven=aantal_brieven,
            uitgevoerd_door=door[:60],
        )
    return Resultaat(
        regel=regel.code,
        naam=regel.naam,
        van=van,
        tot=datum,
        kandidaten=len(ids),
        signalen=aantal_signalen,
        brieven=aantal_brieven,
        seconden=(klaar - gestart).total_seconds(),
    )


def dagelijkse_taken(datum: date | None = None, *, door: str = "", alleen=()) -> list[Resultaat]:
    """Run every rule for ``datum`` (today by default), each in its own transaction."""
    datum = datum or timezone.localdate()
    return [
        regel_uitvoeren(regel, datum, door=door)
        for regel in REGELS
        if not alleen or regel.code in alleen
    ]
