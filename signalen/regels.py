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
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from contractbeheer.models import Clientenstop, Instellingen, Mandaat
from contractbeheer.states import STOP_GELDEND
from indicaties.models import (
    Beschikking,
    Ondersteuningsplan,
    Procesinstellingen,
    Toewijzing,
)
from indicaties.termijnen import HERINNERING_DAGEN, werkdagen_na
from sdd_portal.accounts.models import Organisatie, Rol
from sdd_portal.api.gebeurtenissen import publiceren_veel
from sdd_portal.periods import open_of_vanaf

from .models import Ontvanger, Signaal, SignaalSoort, Taakrun, Taakstand

# A first run (no watermark yet) looks back this far for due dates it never handled.
EERSTE_RUN_TERUG = timedelta(days=HERINNERING_DAGEN)
# Changes are looked for from a little before the previous run started: a transaction that
# saved before that moment but committed after it is still seen. Duplicates are impossible.
MARGE = timedelta(hours=1)
START_WERKDAGEN = 5


def _d(datum: date) -> str:
    return datum.strftime("%d-%m-%Y")


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
        self.proces = Procesinstellingen.huidig()
        self.contract = Instellingen.huidig()
        self._types: dict[type, ContentType] = {}
        self._sjablonen: dict = {}

    def sjabloon(self, soort: str):
        from indicaties.brieven.services import huidig_sjabloon

        if soort not in self._sjablonen:
            self._sjablonen[soort] = huidig_sjabloon(soort)
        return self._sjablonen[soort]

    def type(self, model) -> ContentType:
        if model not in self._types:
            self._types[model] = ContentType.objects.get_for_model(model)
        return self._types[model]


class Regel:
    code: str
    naam: str
    soort: str
    model: type[models.Model]
    select_related: tuple[str, ...] = ()

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


# ---------------------------------------------------------------------------- the rules


class Verloop(Regel):
    """Six weeks before a definitive decision ends: the expiry letter to the client, a
    signal to the provider, a task for the consulent (extend or re-indicate)."""

    code = "verloop"
    naam = "Beschikkingen die over zes weken eindigen"
    soort = SignaalSoort.VERLOOP
    veld = "einddatum"
    model = Beschikking
    select_related = ("client__consulent", "client__gemeente", "aanbieder", "product")
    dagen = HERINNERING_DAGEN

    def basis(self, ctx):
        # A decision withdrawn from a later date stays valid until then, but it ends
        # because it was withdrawn: no expiry letter, no extend-or-re-indicate task.
        return (
            Beschikking.objects.geldig()
            .filter(
                soort=Beschikking.Soort.DEFINITIEF,
                einddatum__gte=ctx.datum,
                ingetrokken_per__isnull=True,
            )
            .zonder_opvolger()
        )

    def voorsprong(self, ctx):
        return timedelta(days=self.dagen)

    def maak(self, obj, peildatum, ctx):
        from indicaties.brieven.services import nieuwe_brief
        from indicaties.services import verloopbrief_sleutel

        link = reverse("indicaties:beschikking-detail", args=[obj.uuid])
        eind = _d(obj.einddatum)
        return Nieuw(
            signalen=[
                self.voor_aanbieder(
                    obj,
                    peildatum,
                    ctx,
                    aanbieder_id=obj.aanbieder_id,
                    client=obj.client,
                    titel=f"Beschikking {obj.product.code} van {obj.client.naam} eindigt op {eind}",
                    tekst="De cliënt krijgt een brief met het verzoek contact op te nemen met de "
                    "SDD. Laat de consulent weten of er iets veranderd is.",
                    link=link,
                ),
                self.voor_consulent(
                    obj,
                    peildatum,
                    ctx,
                    client=obj.client,
                    titel=f"Verlengen of herindiceren: {obj.client.naam}, beschikking "
                    f"{obj.product.code} eindigt op {eind}",
                    tekst="Bevestig dat er niets veranderd is (verlengen) of start een "
                    "herindicatie. Verlengen kan tot en met de einddatum.",
                    link=link,
                ),
            ],
            brieven=[
                nieuwe_brief(
                    soort="verloopbrief",
                    sleutel=verloopbrief_sleutel(obj),
                    client=obj.client,
                    beschikking=obj,
                    verzenddatum=max(ctx.datum, ctx.vandaag),
                    bezwaar=False,
                    sjabloon=ctx.sjabloon("verloopbrief"),
                )
            ],
        )


class KortdurendZonderPlan(Regel):
    """A short decision ends within N days and no plan was accepted: the consulent and
    the provider must act before the client is left without a decision."""

    code = "kortdurend_zonder_plan"
    naam = "Kortdurende beschikkingen die eindigen zonder geaccepteerd plan"
    soort = SignaalSoort.KORTDUREND_ZONDER_PLAN
    veld = "einddatum"
    model = Beschikking
    select_related = ("client__consulent", "aanbieder", "product")

    def basis(self, ctx):
        return (
            Beschikking.objects.geldig()
            .filter(
                soort=Beschikking.Soort.KORTDUREND,
                einddatum__gte=ctx.datum,
                ingetrokken_per__isnull=True,  # withdrawn: see Verloop
            )
            .zonder_opvolger()
        )

    def voorsprong(self, ctx):
        return timedelta(days=ctx.proces.kortdurend_signaal_dagen)

    def maak(self, obj, peildatum, ctx):
        link = reverse("indicaties:beschikking-detail", args=[obj.uuid])
        eind = _d(obj.einddatum)
        return Nieuw(
            signalen=[
                self.voor_consulent(
                    obj,
                    peildatum,
                    ctx,
                    client=obj.client,
                    titel=f"Kortdurende beschikking van {obj.client.naam} eindigt op {eind} "
                    "zonder geaccepteerd plan",
                    tekst=f"Neem contact op met {obj.aanbieder.naam} over het ondersteuningsplan.",
                    link=link,
                ),
                self.voor_aanbieder(
                    obj,
                    peildatum,
                    ctx,
                    aanbieder_id=obj.aanbieder_id,
                    client=obj.client,
                    titel=f"Plan nodig: kortdurende beschikking van {obj.client.naam} eindigt "
                    f"op {eind}",
                    tekst="Zonder geaccepteerd ondersteuningsplan is er na die datum geen "
                    "beschikking. Lever het plan aan of neem contact op met de consulent.",
                    link=link,
                ),
            ]
        )


class PlanTeLaat(Regel):
    """No plan uploaded within the configured term after the assignment."""

    code = "plan_te_laat"
    naam = "Ondersteuningsplannen die niet op tijd zijn aangeleverd"
    soort = SignaalSoort.PLAN_TE_LAAT
    veld = "ingangsdatum"
    model = Toewijzing
    select_related = ("client__consulent", "aanbieder", "product")

    def basis(self, ctx):
        ooit_plan = Ondersteuningsplan.objects.filter(toewijzing_id=OuterRef("pk"))
        return (
            Toewijzing.objects.filter(
                bandbreedte__isnull=False,
                beschikking__soort=Beschikking.Soort.KORTDUREND,
                beschikking__status="geldig",
                beschikking__ingetrokken_per__isnull=True,  # withdrawn: see Verloop
            )
            .filter(open_of_vanaf("einddatum", ctx.datum))
            .exclude(Exists(ooit_plan))
        )

    def voorsprong(self, ctx):
        return -timedelta(days=ctx.proces.plan_termijn_dagen)

    def maak(self, obj, peildatum, ctx):
        link = reverse("indicaties:toewijzing-detail", args=[obj.uuid])
        termijn = ctx.proces.plan_termijn_dagen
        return Nieuw(
            signalen=[
                self.voor_aanbieder(
                    obj,
                    peildatum,
                    ctx,
                    aanbieder_id=obj.aanbieder_id,
                    client=obj.client,
                    titel=f"Ondersteuningsplan van {obj.client.naam} is te laat",
                    tekst=f"Het plan werd verwacht binnen {termijn} dagen na de toewijzing "
                    f"van {_d(obj.ingangsdatum)}.",
                    link=link,
                ),
                self.voor_consulent(
                    obj,
                    peildatum,
                    ctx,
                    client=obj.client,
                    titel=f"Geen ondersteuningsplan van {obj.aanbieder.naam} voor "
                    f"{obj.client.naam}",
                    tekst=f"Toegewezen op {_d(obj.ingangsdatum)}; termijn {termijn} dagen.",
                    link=link,
                ),
            ]
        )


class StartNietGemeld(Regel):
    """Five working days after the definitive decision starts, no start of care reported."""

    code = "start_niet_gemeld"
    naam = "Start zorg niet gemeld binnen vijf werkdagen"
    soort = SignaalSoort.START_NIET_GEMELD
    model = Toewijzing
    select_related = ("client__consulent", "aanbieder", "product", "beschikking")

    def basis(self, ctx):
        return Toewijzing.objects.filter(
            start_zorg__isnull=True,
            beschikking__soort=Beschikking.Soort.DEFINITIEF,
            beschikking__status="geldig",
            beschikking__ingetrokken_per__isnull=True,  # withdrawn: see Verloop
            beschikking__einddatum__gte=ctx.datum,
        ).filter(open_of_vanaf("einddatum", ctx.datum))

    @staticmethod
    def _eerste_start(peil: date) -> date:
        """The earliest start date whose due date (start + 5 working days) is after ``peil``."""
        start = peil - timedelta(days=30)
        while werkdagen_na(start, START_WERKDAGEN) <= peil:
            start += timedelta(days=1)
        return start

    def venster(self, qs, van, tot, ctx):
        qs = qs.filter(beschikking__ingangsdatum__lt=self._eerste_start(tot))
        if van is not None:
            qs = qs.filter(beschikking__ingangsdatum__gte=self._eerste_start(van))
        return qs

    def peildatum(self, obj, ctx):
        return werkdagen_na(obj.beschikking.ingangsdatum, START_WERKDAGEN)

    def maak(self, obj, peildatum, ctx):
        link = reverse("indicaties:toewijzing-detail", args=[obj.uuid])
        start = _d(obj.beschikking.ingangsdatum)
        return Nieuw(
            signalen=[
                self.voor_aanbieder(
                    obj,
                    peildatum,
                    ctx,
                    aanbieder_id=obj.aanbieder_id,
                    client=obj.client,
                    titel=f"Start zorg van {obj.client.naam} niet gemeld",
                    tekst=f"De beschikking ging in op {start}. Meld de start van de zorg, of "
                    "laat de consulent weten waarom de zorg niet begonnen is.",
                    link=link,
                ),
                self.voor_consulent(
                    obj,
                    peildatum,
                    ctx,
                    client=obj.client,
                    titel=f"{obj.aanbieder.naam} meldde geen start zorg voor {obj.client.naam}",
                    tekst=f"Beschikking in gegaan op {start}; vijf werkdagen verstreken.",
                    link=link,
                ),
            ]
        )


class StopHeroverweging(Regel):
    """A client stop in force whose review date has come."""

    code = "stop_heroverweging"
    naam = "Cliëntenstops waarvan de heroverwegingsdatum verstreken is"
    soort = SignaalSoort.STOP_HEROVERWEGING
    veld = "heroverwegingsdatum"
    model = Clientenstop
    select_related = ("aanbieder", "product")

    def basis(self, ctx):
        return Clientenstop.objects.filter(
            status__in=STOP_GELDEND, heroverwegingsdatum__isnull=False
        ).filter(open_of_vanaf("einddatum", ctx.datum))

    def maak(self, obj, peildatum, ctx):
        link = reverse("contractbeheer:stop-detail", args=[obj.uuid])
        wat = f"cliëntenstop {obj.product.code} van {obj.aanbieder.naam}"
        return Nieuw(
            signalen=[
                self.voor_contractbeheer(
                    obj,
                    peildatum,
                    ctx,
                    titel=f"Heroverweeg de {wat}",
                    tekst=f"Heroverwegingsdatum {_d(obj.heroverwegingsdatum)}. Beëindig de stop "
                    "of leg een nieuwe heroverwegingsdatum vast.",
                    link=link,
                ),
                self.voor_aanbieder(
                    obj,
                    peildatum,
                    ctx,
                    aanbieder_id=obj.aanbieder_id,
                    titel=f"Heroverweging van uw cliëntenstop {obj.product.code}",
                    tekst=f"De heroverwegingsdatum {_d(obj.heroverwegingsdatum)} is bereikt. "
                    "Contractmanagement neemt contact op; geef door of de stop nog nodig is.",
                    link=link,
                ),
            ]
        )


class MandaatVerloopt(Regel):
    """A mandate ends within the configured number of days: the provider renews, CM knows."""

    code = "mandaat_verloopt"
    naam = "Mandaten die binnenkort eindigen"
    soort = SignaalSoort.MANDAAT_VERLOOPT
    veld = "geldig_tot"
    model = Mandaat
    select_related = ("aanbieder", "medewerker")

    def basis(self, ctx):
        return Mandaat.objects.filter(
            ingetrokken_op__isnull=True, geldig_tot__isnull=False, geldig_tot__gte=ctx.datum
        )

    def voorsprong(self, ctx):
        return timedelta(days=ctx.contract.mandaat_verloopt_binnen_dagen)

    def maak(self, obj, peildatum, ctx):
        naam = obj.medewerker.get_full_name() or obj.medewerker.username
        tot = _d(obj.geldig_tot)
        return Nieuw(
            signalen=[
                self.voor_contractbeheer(
                    obj,
                    peildatum,
                    ctx,
                    titel=f"Mandaat van {naam} ({obj.aanbieder.naam}) eindigt op {tot}",
                    link=reverse("admin:contractbeheer_mandaat_change", args=[obj.pk]),
                ),
                self.voor_aanbieder(
                    obj,
                    peildatum,
                    ctx,
                    aanbieder_id=obj.aanbieder_id,
                    titel=f"Mandaat van {naam} eindigt op {tot}",
                    tekst="Na die datum mag deze medewerker geen ondersteuningsplannen meer "
                    "ondertekenen. Vraag op tijd een nieuw mandaat aan bij contractmanagement.",
                ),
            ]
        )


REGELS: list[Regel] = [
    Verloop(),
    KortdurendZonderPlan(),
    PlanTeLaat(),
    StartNietGemeld(),
    StopHeroverweging(),
    MandaatVerloopt(),
]


def registreer(regel: Regel) -> None:
    """Other apps add their rules here (the FOT module: overdue action items)."""
    if all(r.code != regel.code for r in REGELS):
        REGELS.append(regel)


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
    from indicaties.brieven.models import Brief
    from indicaties.brieven.services import brieven_opslaan

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
            if brieven:
                al = set(
                    Brief.objects.filter(sleutel__in=[b.sleutel for b in brieven]).values_list(
                        "sleutel", flat=True
                    )
                )
                brieven = [b for b in brieven if b.sleutel not in al]
            reden = f"Dagelijkse taak {regel.code} ({datum.isoformat()})"
            Signaal.objects.bulk_create(signalen)
            Signaal.history.bulk_history_create(signalen, default_change_reason=reden)
            publiceren_veel("signaal.nieuw", instances=signalen)
            brieven_opslaan(brieven, reden=reden)
            aantal_signalen += len(signalen)
            aantal_brieven += len(brieven)
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
