"""Reads that span contract-management models. Other apps call these, not the models."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Prefetch
from django.utils import timezone

from bandbreedte.models import Product
from indicaties.models import Toewijzing
from sdd_portal.accounts.models import Organisatie
from sdd_portal.periods import geldig_op, open_of_vanaf

from .models import Aanbiedersignaal, Capaciteit, Clientenstop, Contract, Instellingen, Mandaat
from .states import StopStatus


def mag_tekenen(user, product, datum=None) -> bool:
    """May ``user`` sign a decision for ``product`` on ``datum`` (default today)?

    True when the user holds a mandate for that product that is valid on that date and not
    revoked, and their organisation has an active contract for the product on that date.
    """
    datum = datum or timezone.localdate()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.organisatie_id is None:
        return False
    mandaat_geldig = Mandaat.objects.filter(
        geldig_op(datum, "geldig_van", "geldig_tot"),
        open_of_vanaf("ingetrokken_op", datum, inclusief=False),
        medewerker=user,
        aanbieder_id=user.organisatie_id,
        producten=product,
    )
    contract_actief = Contract.objects.actief_op(datum).filter(
        aanbieder_id=user.organisatie_id, product=product
    )
    return mandaat_geldig.exists() and contract_actief.exists()


@dataclass
class AanbiederKeuze:
    aanbieder: Organisatie
    stops: list = field(default_factory=list)
    capaciteit: list = field(default_factory=list)

    @property
    def geblokkeerd(self) -> bool:
        return bool(self.stops)


def aanbieders_voor_keuze(*, product, gemeente, datum=None) -> list[AanbiederKeuze]:
    """Providers with an active contract for ``product``, each with its client stops in
    force for ``gemeente`` and its current capacity there. A fixed number of queries."""
    datum = datum or timezone.localdate()
    weken = Instellingen.huidig().capaciteit_verouderd_na_weken
    aanbieders = (
        Organisatie.objects.aanbieders()
        .filter(
            actief=True, contracten__in=Contract.objects.actief_op(datum).filter(product=product)
        )
        .distinct()
        .order_by("naam")
        .prefetch_related(
            Prefetch(
                "clientenstops",
                queryset=Clientenstop.objects.geldend_op(datum).voor(
                    product=product, gemeente=gemeente
                ),
                to_attr="geldende_stops",
            ),
            Prefetch(
                "capaciteit",
                queryset=Capaciteit.objects.actueel(datum)
                .filter(product=product, gemeenten=gemeente)
                .order_by("-bijgewerkt_op"),
                to_attr="actuele_capaciteit",
            ),
        )
    )
    rows = []
    for aanbieder in aanbieders:
        for melding in aanbieder.actuele_capaciteit:
            melding.verouderd = melding.is_verouderd(weken)
        rows.append(
            AanbiederKeuze(aanbieder, aanbieder.geldende_stops, aanbieder.actuele_capaciteit)
        )
    # Providers with room first, blocked providers last.
    rows.sort(key=lambda r: (r.geblokkeerd, not r.capaciteit, r.aanbieder.naam))
    return rows


def dashboard(datum=None) -> dict:
    """Per provider: clients per product, active stops, stale capacity, open signals."""
    datum = datum or timezone.localdate()
    weken = Instellingen.huidig().capaciteit_verouderd_na_weken
    per_product = defaultdict(dict)
    producten = set(Product.objects.values_list("code", flat=True))
    for row in (
        Toewijzing.objects.actief_op(datum)
        .values("aanbieder_id", "product__code")
        .annotate(aantal=Count("client_id", distinct=True))
    ):
        per_product[row["aanbieder_id"]][row["product__code"]] = row["aantal"]
        producten.add(row["product__code"])

    def tel(qs):
        return dict(
            qs.values("aanbieder_id")
            .annotate(n=Count("id", distinct=True))
            .values_list("aanbieder_id", "n")
        )

    stops = tel(Clientenstop.objects.geldend_op(datum))
    aangevraagd = tel(Clientenstop.objects.filter(status=StopStatus.AANGEVRAAGD))
    verouderd = tel(Capaciteit.objects.verouderd(datum, weken))
    signalen = tel(Aanbiedersignaal.objects.open())
    instellingen = Instellingen.huidig()
    mandaten_verlopen = list(
        Mandaat.objects.filter(
            ingetrokken_op__isnull=True,
            geldig_tot__range=(
                datum,
                datum + timedelta(days=instellingen.mandaat_verloopt_binnen_dagen),
            ),
        )
        .select_related("aanbieder", "medewerker")
        .order_by("geldig_tot")
    )
    rijen = []
    for org in Organisatie.objects.aanbieders().filter(actief=True).order_by("naam"):
        rijen.append(
            {
                "aanbieder": org,
                "per_product": per_product.get(org.pk, {}),
                "stops": stops.get(org.pk, 0),
                "stops_aangevraagd": aangevraagd.get(org.pk, 0),
                "capaciteit_verouderd": verouderd.get(org.pk, 0),
                "signalen_open": signalen.get(org.pk, 0),
            }
        )
    producten = sorted(producten)
    for rij in rijen:
        rij["aantallen"] = [rij["per_product"].get(code, 0) for code in producten]
    return {
        "producten": producten,
        "kolommen": [*[f"Cliënten {p}" for p in producten], *DASHBOARD_KOLOMMEN],
        "rijen": rijen,
        "datum": datum,
        "mandaten_verlopen": mandaten_verlopen,
        "mandaat_dagen": instellingen.mandaat_verloopt_binnen_dagen,
    }


# The same column names on the screen and in the CSV and Excel exports.
DASHBOARD_KOLOMMEN = (
    "Geldende cliëntenstops",
    "Aangevraagde cliëntenstops",
    "Verouderde capaciteit",
    "Open signalen",
)
