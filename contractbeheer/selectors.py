"""Reads that span contract-management models. Other apps call these, not the models."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db import connection, transaction
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


# Counting the assignments active on a date reads every active assignment (some 930k at
# national scale): 2 to 3 s even as an index-only scan (index toewijzing_actief_op, see
# migration 0003). When counting takes longer than TELLINGEN_GOEDKOOP_SECONDEN the result is
# kept in the cache for TELLINGEN_MAX_LEEFTIJD and the pages say when it was computed; a
# cheap count (a small data set) is never cached, so it is always exact. The Celery task
# ``contractbeheer.toewijzing_tellingen_verversen`` refreshes the cache ahead of the pages.
TELLINGEN_GOEDKOOP_SECONDEN = 0.25
TELLINGEN_MAX_LEEFTIJD = timedelta(minutes=10)

_TELLINGEN_SQL = """
SELECT aanbieder_id, product_id, COUNT(*), COUNT(DISTINCT client_id)
FROM (
    SELECT aanbieder_id, product_id, client_id FROM {tabel}
    WHERE einddatum >= %(datum)s AND ingangsdatum <= %(datum)s
    UNION ALL
    SELECT aanbieder_id, product_id, client_id FROM {tabel}
    WHERE einddatum IS NULL AND ingangsdatum <= %(datum)s
) actief
GROUP BY aanbieder_id, product_id
"""


@dataclass(frozen=True)
class ToewijzingTellingen:
    """Assignments active on ``datum``, per provider and product."""

    datum: date
    # (aanbieder_id, product_id) -> (number of assignments, number of distinct clients)
    per_aanbieder_product: dict
    berekend_op: datetime
    duur: float

    def toewijzingen(self, aanbieder_id) -> int:
        return sum(n for (a, _), (n, _c) in self.per_aanbieder_product.items() if a == aanbieder_id)

    def clienten_per_product(self) -> dict:
        """aanbieder_id -> {product_id: distinct clients}."""
        uitkomst = defaultdict(dict)
        for (a, p), (_n, c) in self.per_aanbieder_product.items():
            uitkomst[a][p] = c
        return uitkomst


def _tellingen_berekenen(datum) -> ToewijzingTellingen:
    start = time.perf_counter()
    sql = _TELLINGEN_SQL.format(tabel=connection.ops.quote_name(Toewijzing._meta.db_table))
    with transaction.atomic(), connection.cursor() as cursor:
        # The DISTINCT sort over the active assignments fits in memory, not in the default 4MB.
        cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(sql, {"datum": datum})
        rijen = cursor.fetchall()
        cursor.execute("SET LOCAL work_mem TO DEFAULT")
    return ToewijzingTellingen(
        datum=datum,
        per_aanbieder_product={(a, p): (n, c) for a, p, n, c in rijen},
        berekend_op=timezone.now(),
        duur=time.perf_counter() - start,
    )


def _tellingen_sleutel(datum) -> str:
    return f"contractbeheer:toewijzingtellingen:v1:{datum.isoformat()}"


def toewijzing_tellingen(datum=None, *, verversen=False) -> ToewijzingTellingen:
    """Assignments and distinct clients active on ``datum`` per provider and product.

    Exact, or (when counting is expensive) at most TELLINGEN_MAX_LEEFTIJD old: see
    ``berekend_op``. ``verversen`` counts anew and caches the result whatever it cost.
    """
    datum = datum or timezone.localdate()
    sleutel = _tellingen_sleutel(datum)
    if not verversen:
        bewaard = cache.get(sleutel)
        if bewaard is not None and timezone.now() - bewaard.berekend_op < TELLINGEN_MAX_LEEFTIJD:
            return bewaard
    tellingen = _tellingen_berekenen(datum)
    if verversen or tellingen.duur > TELLINGEN_GOEDKOOP_SECONDEN:
        cache.set(sleutel, tellingen, timeout=int(TELLINGEN_MAX_LEEFTIJD.total_seconds()))
    return tellingen


def aanbieders_met_tellingen(organisaties, datum=None):
    """Evaluate the organisation queryset with ``actieve_toewijzingen`` (assignments active on
    ``datum``) and ``medewerkers_aantal`` (active employees) set on each. Returns the list and
    the counts (for their ``berekend_op``). A fixed number of queries."""
    tellingen = toewijzing_tellingen(datum)
    lijst = list(organisaties.met_medewerkers_aantal())
    for org in lijst:
        org.actieve_toewijzingen = tellingen.toewijzingen(org.pk)
    return lijst, tellingen


def dashboard(datum=None) -> dict:
    """Per provider: clients per product, active stops, stale capacity, open signals."""
    datum = datum or timezone.localdate()
    weken = Instellingen.huidig().capaciteit_verouderd_na_weken
    tellingen = toewijzing_tellingen(datum)
    codes = dict(Product.objects.values_list("pk", "code"))
    producten = set(codes.values())
    per_product = {
        aanbieder_id: {codes[p]: n for p, n in aantallen.items()}
        for aanbieder_id, aantallen in tellingen.clienten_per_product().items()
    }

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
        "tellingen_berekend_op": tellingen.berekend_op,
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
