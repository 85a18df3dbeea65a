"""The daily rules of the HO process, registered with the signal engine (``signalen``)
in ``IndicatiesConfig.ready``: the expiry letter six weeks before a decision ends, a short
decision about to end without a plan, a plan that is late, a start that was not reported."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse

from sdd_portal.opmaak import datum
from sdd_portal.periods import open_of_vanaf
from signalen.models import SignaalSoort
from signalen.regels import Nieuw, Regel, registreer

from .brieven.models import Brief
from .brieven.services import brieven_opslaan, huidig_sjabloon, nieuwe_brief
from .models import Beschikking, Ondersteuningsplan, Procesinstellingen, Toewijzing
from .termijnen import HERINNERING_DAGEN, werkdagen_na

START_WERKDAGEN = 5


def _proces(ctx) -> Procesinstellingen:
    return ctx.eenmaal("proces", Procesinstellingen.huidig)


class Verloop(Regel):
    """Six weeks before a definitive decision ends: the expiry letter to the client, a
    signal to the provider, a task for the consulent (extend or re-indicate)."""

    code = "verloop"
    naam = "Beschikkingen die over zes weken eindigen"
    soort = SignaalSoort.VERLOOP
    volgorde = 10
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
        from .services import verloopbrief_sleutel

        link = reverse("indicaties:beschikking-detail", args=[obj.uuid])
        eind = datum(obj.einddatum)
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
                    sjabloon=ctx.eenmaal("verloopbrief", lambda: huidig_sjabloon("verloopbrief")),
                )
            ],
        )

    def brieven_opslaan(self, brieven, *, reden):
        al = set(
            Brief.objects.filter(sleutel__in=[b.sleutel for b in brieven]).values_list(
                "sleutel", flat=True
            )
        )
        nieuw = [b for b in brieven if b.sleutel not in al]
        brieven_opslaan(nieuw, reden=reden)
        return len(nieuw)


class KortdurendZonderPlan(Regel):
    """A short decision ends within N days and no plan was accepted: the consulent and
    the provider must act before the client is left without a decision."""

    code = "kortdurend_zonder_plan"
    naam = "Kortdurende beschikkingen die eindigen zonder geaccepteerd plan"
    soort = SignaalSoort.KORTDUREND_ZONDER_PLAN
    volgorde = 20
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
        return timedelta(days=_proces(ctx).kortdurend_signaal_dagen)

    def maak(self, obj, peildatum, ctx):
        link = reverse("indicaties:beschikking-detail", args=[obj.uuid])
        eind = datum(obj.einddatum)
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
    volgorde = 30
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
        return -timedelta(days=_proces(ctx).plan_termijn_dagen)

    def maak(self, obj, peildatum, ctx):
        link = reverse("indicaties:toewijzing-detail", args=[obj.uuid])
        termijn = _proces(ctx).plan_termijn_dagen
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
                    f"van {datum(obj.ingangsdatum)}.",
                    link=link,
                ),
                self.voor_consulent(
                    obj,
                    peildatum,
                    ctx,
                    client=obj.client,
                    titel=f"Geen ondersteuningsplan van {obj.aanbieder.naam} voor "
                    f"{obj.client.naam}",
                    tekst=f"Toegewezen op {datum(obj.ingangsdatum)}; termijn {termijn} dagen.",
                    link=link,
                ),
            ]
        )


class StartNietGemeld(Regel):
    """Five working days after the definitive decision starts, no start of care reported."""

    code = "start_niet_gemeld"
    naam = "Start zorg niet gemeld binnen vijf werkdagen"
    soort = SignaalSoort.START_NIET_GEMELD
    volgorde = 40
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
        start = datum(obj.beschikking.ingangsdatum)
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


def registreren() -> None:
    for regel in (Verloop(), KortdurendZonderPlan(), PlanTeLaat(), StartNietGemeld()):
        registreer(regel)
