"""The daily rules of contract management, registered with the signal engine
(``signalen``) in ``ContractbeheerConfig.ready``: a client stop reaches its reconsideration
date, a mandate is about to end."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from sdd_portal.opmaak import datum
from sdd_portal.periods import open_of_vanaf
from signalen.models import SignaalSoort
from signalen.regels import Nieuw, Regel, registreer

from .models import Clientenstop, Instellingen, Mandaat
from .states import STOP_GELDEND


def _instellingen(ctx) -> Instellingen:
    return ctx.eenmaal("contract", Instellingen.huidig)


class StopHeroverweging(Regel):
    """A client stop in force whose review date has come."""

    code = "stop_heroverweging"
    naam = "Cliëntenstops waarvan de heroverwegingsdatum verstreken is"
    soort = SignaalSoort.STOP_HEROVERWEGING
    volgorde = 50
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
                    tekst=f"Heroverwegingsdatum {datum(obj.heroverwegingsdatum)}. Beëindig de stop "
                    "of leg een nieuwe heroverwegingsdatum vast.",
                    link=link,
                ),
                self.voor_aanbieder(
                    obj,
                    peildatum,
                    ctx,
                    aanbieder_id=obj.aanbieder_id,
                    titel=f"Heroverweging van uw cliëntenstop {obj.product.code}",
                    tekst=f"De heroverwegingsdatum {datum(obj.heroverwegingsdatum)} is bereikt. "
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
    volgorde = 60
    veld = "geldig_tot"
    model = Mandaat
    select_related = ("aanbieder", "medewerker")

    def basis(self, ctx):
        return Mandaat.objects.filter(
            ingetrokken_op__isnull=True, geldig_tot__isnull=False, geldig_tot__gte=ctx.datum
        )

    def voorsprong(self, ctx):
        return timedelta(days=_instellingen(ctx).mandaat_verloopt_binnen_dagen)

    def maak(self, obj, peildatum, ctx):
        naam = obj.medewerker.get_full_name() or obj.medewerker.username
        tot = datum(obj.geldig_tot)
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


def registreren() -> None:
    for regel in (StopHeroverweging(), MandaatVerloopt()):
        registreer(regel)
