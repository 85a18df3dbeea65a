"""The provider's worklist reads stored markers (Ondersteuningsplan.vervangen,
Toewijzing.heeft_plan) that plan_indienen keeps. The lists show exactly the rows, in the
same order, as the definitions they replace: "no newer version" and "no plan ever"."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.utils import timezone

from indicaties import services
from indicaties.models import Ondersteuningsplan, Toewijzing
from indicaties.selectors import werklijst_aanbieder
from indicaties.states import PlanStatus
from sdd_portal.periods import open_of_vanaf
from tests.factories import ClientFactory

from .conftest import goed_plan, onderzochte_melding


def _referentie(actor, datum):
    """The lists as they were defined before the markers (subqueries per row)."""
    nieuwere = Ondersteuningsplan.objects.filter(
        toewijzing_id=OuterRef("toewijzing_id"), versie__gt=OuterRef("versie")
    )
    afgewezen = (
        Ondersteuningsplan.objects.visible_to(actor)
        .filter(status=PlanStatus.AFGEWEZEN)
        .exclude(Exists(nieuwere))
        .order_by("-beoordeeld_op", "-id")
    )
    ooit_plan = Ondersteuningsplan.objects.filter(toewijzing_id=OuterRef("pk"))
    verwacht = (
        Toewijzing.objects.visible_to(actor)
        .filter(bandbreedte__isnull=False)
        .filter(open_of_vanaf("einddatum", datum))
        .exclude(Exists(ooit_plan))
        .order_by("created_at", "id")
    )
    return list(afgewezen), list(verwacht)


def test_markers_en_lijsten_gelijk_aan_definitie(
    consulent, dordrecht, ho, banden, aanbieder_a, contracten, medewerker_a, mandaat_a
):
    vandaag = timezone.localdate()
    toewijzingen, korte = [], []
    for _ in range(4):
        melding = onderzochte_melding(
            consulent=consulent,
            client=ClientFactory(gemeente=dordrecht, consulent=consulent),
            product=ho,
            band=banden["HO-B3"],
        )
        kort = services.kortdurend_beschikken(
            actor=consulent,
            melding=melding,
            aanbieder=aanbieder_a,
            ingangsdatum=vandaag,
            verzenddatum=vandaag,
        )
        korte.append(kort)
        toewijzingen.append(Toewijzing.objects.get(beschikking=kort))
    a, b, c, d = toewijzingen

    def indienen(toewijzing, kort):
        return services.plan_indienen(
            actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kort, medewerker_a)
        )

    def afwijzen(plan):
        return services.plan_afwijzen(actor=consulent, plan=plan, reden="Handtekening ontbreekt.")

    # a: v1 rejected, v2 submitted and rejected too: only v2 waits on the provider.
    a1 = indienen(a, korte[0])
    afwijzen(a1)
    a2 = indienen(a, korte[0])
    afwijzen(a2)
    # b: v1 rejected, nothing newer yet.
    b1 = indienen(b, korte[1])
    afwijzen(b1)
    # c: v1 under review. d: no plan at all.
    c1 = indienen(c, korte[2])

    # The markers.
    vervangen = dict(Ondersteuningsplan.objects.values_list("pk", "vervangen"))
    assert vervangen == {a1.pk: True, a2.pk: False, b1.pk: False, c1.pk: False}
    heeft_plan = dict(Toewijzing.objects.values_list("pk", "heeft_plan"))
    assert heeft_plan == {a.pk: True, b.pk: True, c.pk: True, d.pk: False}

    # The lists: the same rows in the same order as the old definitions.
    lijst = werklijst_aanbieder(medewerker_a, datum=vandaag)
    afgewezen, verwacht = _referentie(medewerker_a, vandaag)
    assert list(lijst["afgewezen"]) == afgewezen
    assert list(lijst["verwacht"]) == verwacht
    assert {p.pk for p in afgewezen} == {a2.pk, b1.pk}
    assert verwacht == [d]

    # A new version for b takes b1 off the list; accepting c changes nothing there.
    b2 = indienen(b, korte[1])
    services.plan_accepteren(actor=consulent, plan=c1)
    lijst = werklijst_aanbieder(medewerker_a, datum=vandaag)
    afgewezen, verwacht = _referentie(medewerker_a, vandaag)
    assert list(lijst["afgewezen"]) == afgewezen == [a2]
    assert list(lijst["verwacht"]) == verwacht == [d]
    b1.refresh_from_db()
    b2.refresh_from_db()
    assert (b1.vervangen, b2.vervangen) == (True, False)
