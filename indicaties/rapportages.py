"""Reports over decisions. Reads only, through ``visible_to``, in a fixed number of queries."""

from __future__ import annotations

from datetime import date

from django.db.models import ExpressionWrapper, F, IntegerField, Value

from .models import Beschikking, Gemeente

# The laundry service starts in Alblasserdam, Dordrecht and Zwijndrecht (000 item 5),
# by CBS code so that a renamed municipality stays selected.
WASSERVICE_GEMEENTECODES = ("0482", "0505", "0642")


def wasservice_standaard_gemeenten():
    return Gemeente.objects.filter(code__in=WASSERVICE_GEMEENTECODES)


def wasservice_kandidaten(*, actor, gemeenten, datum: date, aftrek: int):
    """Clients who can move from was/strijk at home to the central laundry service while
    staying in the same band (000 item 5): valid decisions in force on ``datum`` that
    include was/strijk, for clients living in ``gemeenten``, whose minutes per week minus
    ``aftrek`` still lie within the decision's band. Each row carries
    ``minuten_na_aftrek``; client, municipality, provider, band and product come along
    in the same query."""
    if aftrek < 0:
        raise ValueError("aftrek is never negative")
    na_aftrek = ExpressionWrapper(F("minuten_per_week") - Value(aftrek), IntegerField())
    return (
        Beschikking.objects.visible_to(actor)
        .geldig_op(datum)
        .filter(was_strijk=True, client__gemeente__in=gemeenten)
        .annotate(minuten_na_aftrek=na_aftrek)
        .filter(
            minuten_na_aftrek__gte=F("bandbreedte__min_minuten"),
            minuten_na_aftrek__lte=F("bandbreedte__max_minuten"),
        )
        .select_related("client__gemeente", "aanbieder", "bandbreedte", "product")
        .order_by("client__gemeente__naam", "client__achternaam", "client__voornamen", "pk")
    )
