"""Support plans: the provider submits a version (structured part plus signed PDF), the
consulent accepts it (it becomes the definitive decision) or rejects it."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from contractbeheer.selectors import mag_tekenen
from sdd_portal import opmaak, wachtrij
from sdd_portal.accounts.roles import aanbieder_id
from sdd_portal.api.gebeurtenissen import publiceren
from sdd_portal.documents import controleer_pdf
from sdd_portal.historie import opslaan

from ...models import Beschikking, Ondersteuningsplan, Toewijzing
from ...register import client_vergrendelen, fouten_melden, omvang_fouten, overlap_controleren
from ...states import PlanStatus, plan_naar
from ..tasks import plan_beoordeeld_melden, plan_ingediend_melden
from . import signalering
from .beschikkingen import (
    besluitbrief,
    definitieve_beschikking,
    opslaan_zonder_overlap,
    vorige_beschikkingen_beeindigen,
)
from .controles import alleen_consulent, controleer_verzenddatum, raise_als_fouten


def plan_controleren(
    *,
    toewijzing: Toewijzing,
    minuten_per_week: int,
    ingangsdatum: date,
    einddatum: date,
    verzenddatum: date,
    ondertekenaar,
    vandaag: date,
) -> dict[str, list[str]]:
    """Every problem with a plan's structured part, per field, in Dutch."""
    fouten: dict[str, list[str]] = {
        "minuten_per_week": [],
        "ingangsdatum": [],
        "einddatum": [],
        "verzenddatum": [],
        "ondertekenaar": [],
    }
    band = toewijzing.bandbreedte
    if band is not None and not band.bevat(minuten_per_week):
        fouten["minuten_per_week"].append(
            f"{minuten_per_week} minuten per week valt buiten bandbreedte {band.code} "
            f"({band.min_minuten} tot en met {band.max_minuten} minuten per week). Past de "
            "ondersteuning niet in deze band, stuur dan een signaal over de bandbreedte aan "
            "de consulent in plaats van dit plan."
        )
    kort = toewijzing.beschikking if toewijzing.beschikking_id else None
    if kort is not None and kort.is_kortdurend:
        aansluitend = kort.einddatum + timedelta(days=1)
        if ingangsdatum > aansluitend:
            fouten["ingangsdatum"].append(
                f"De ingangsdatum ({opmaak.datum(ingangsdatum)}) sluit niet aan op de kortdurende "
                f"beschikking, die eindigt op {opmaak.datum(kort.einddatum)}: er zit een gat. Vul "
                f"{opmaak.datum(aansluitend)} in, of een eerdere datum na vandaag."
            )
        elif ingangsdatum < aansluitend and ingangsdatum <= vandaag:
            fouten["ingangsdatum"].append(
                f"De ingangsdatum ({opmaak.datum(ingangsdatum)}) ligt voor het einde van de "
                "kortdurende beschikking en niet na vandaag. Een eerdere start mag alleen vanaf "
                f"morgen ({opmaak.datum(vandaag + timedelta(days=1))}); anders "
                f"{opmaak.datum(aansluitend)}."
            )
        elif ingangsdatum < kort.ingangsdatum:
            fouten["ingangsdatum"].append(
                f"De ingangsdatum ligt voor de ingangsdatum van de kortdurende beschikking "
                f"({opmaak.datum(kort.ingangsdatum)})."
            )
    else:
        if ingangsdatum <= vandaag:
            fouten["ingangsdatum"].append(
                f"De ingangsdatum ({opmaak.datum(ingangsdatum)}) moet na vandaag liggen: een "
                "nieuwe beschikking werkt niet met terugwerkende kracht."
            )
        if ingangsdatum < toewijzing.ingangsdatum:
            fouten["ingangsdatum"].append(
                f"De ingangsdatum ligt voor de ingangsdatum van de toewijzing "
                f"({opmaak.datum(toewijzing.ingangsdatum)})."
            )
    if einddatum < ingangsdatum:
        fouten["einddatum"].append(
            f"De einddatum ({opmaak.datum(einddatum)}) ligt voor de ingangsdatum "
            f"({opmaak.datum(ingangsdatum)})."
        )
    controleer_verzenddatum(verzenddatum, vandaag, fouten)
    if ondertekenaar is None or ondertekenaar.organisatie_id != toewijzing.aanbieder_id:
        fouten["ondertekenaar"].append("Kies een medewerker van uw eigen organisatie.")
    elif not mag_tekenen(ondertekenaar, toewijzing.product, vandaag):
        fouten["ondertekenaar"].append(
            f"{ondertekenaar.get_full_name() or ondertekenaar.username} heeft vandaag geen "
            f"geldig mandaat voor {toewijzing.product.code}. Laat het plan ondertekenen door "
            "een medewerker met ondermandaat, of vraag contractmanagement het mandaat te "
            "registreren."
        )
    return fouten


@transaction.atomic
def plan_indienen(
    *,
    actor,
    toewijzing: Toewijzing,
    minuten_per_week: int,
    was_strijk: bool,
    ingangsdatum: date,
    einddatum: date,
    verzenddatum: date,
    ondertekenaar,
    afspraken: str = "",
    upload,
) -> Ondersteuningsplan:
    """The provider submits a version of the support plan: structured part plus PDF.
    Everything is checked at once; nothing is stored unless all of it is right."""
    if aanbieder_id(actor) != toewijzing.aanbieder_id:
        raise PermissionDenied("Alleen de aanbieder van deze toewijzing dient een plan in.")
    toewijzing = (
        Toewijzing.objects.select_for_update(of=("self",))
        .select_related("beschikking", "bandbreedte", "product")
        .get(pk=toewijzing.pk)
    )
    if toewijzing.bandbreedte_id is None:
        raise ValidationError(
            "Voor deze toewijzing is geen bandbreedte vastgesteld. Een ondersteuningsplan hoort "
            "bij een toewijzing uit het bandbreedteproces (na onderzoek door de consulent)."
        )
    if toewijzing.einddatum is not None and toewijzing.einddatum < timezone.localdate():
        raise ValidationError(
            f"Deze toewijzing is op {opmaak.datum(toewijzing.einddatum)} geëindigd; er kan geen "
            "plan meer bij worden ingediend."
        )
    plannen = Ondersteuningsplan.objects.filter(toewijzing=toewijzing)
    if plannen.filter(status=PlanStatus.GEACCEPTEERD).exists():
        raise ValidationError("Er is al een geaccepteerd plan voor deze toewijzing.")
    if plannen.filter(status=PlanStatus.INGEDIEND).exists():
        raise ValidationError(
            "Er wacht al een versie op beoordeling door de SDD. Wacht op het oordeel; bij een "
            "afwijzing kunt u een nieuwe versie indienen."
        )
    fouten = plan_controleren(
        toewijzing=toewijzing,
        minuten_per_week=minuten_per_week,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        verzenddatum=verzenddatum,
        ondertekenaar=ondertekenaar,
        vandaag=timezone.localdate(),
    )
    fouten["bestand"] = []
    try:
        inhoud, sha256 = controleer_pdf(upload)
    except ValidationError as exc:
        fouten["bestand"].extend(exc.messages)
    raise_als_fouten(fouten)
    versie = (plannen.aggregate(m=Max("versie"))["m"] or 0) + 1
    plan = Ondersteuningsplan(
        toewijzing=toewijzing,
        versie=versie,
        minuten_per_week=minuten_per_week,
        was_strijk=was_strijk,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        afspraken=afspraken,
        verzenddatum=verzenddatum,
        ondertekenaar=ondertekenaar,
        bestandsnaam=(upload.name or "ondersteuningsplan.pdf")[:255],
        sha256=sha256,
        grootte=len(inhoud),
        ingediend_door=actor,
    )
    plan.bestand.save(f"{plan.uuid}.pdf", ContentFile(inhoud), save=False)
    opslaan(plan, actor=actor, reden=f"Ondersteuningsplan versie {versie} ingediend")
    # The worklist markers (derived data, so no history row or modified_at of their own):
    # the earlier versions are replaced, and the assignment has a plan.
    plannen.filter(versie__lt=versie, vervangen=False).update(vervangen=True)
    if not toewijzing.heeft_plan:
        Toewijzing.objects.filter(pk=toewijzing.pk).update(heeft_plan=True)
        toewijzing.heeft_plan = True
    signalering.plan_ingediend(plan, actor=actor)
    wachtrij.plaats(plan_ingediend_melden, plan.pk)
    return plan


@transaction.atomic
def plan_accepteren(*, actor, plan: Ondersteuningsplan) -> Beschikking:
    """The plan becomes the definitive decision, replacing what it overlaps."""
    alleen_consulent(actor)
    plan = (
        Ondersteuningsplan.objects.select_for_update(of=("self",))
        .select_related("toewijzing__client", "toewijzing__product", "toewijzing__bandbreedte")
        .get(pk=plan.pk)
    )
    plan_naar(plan, PlanStatus.GEACCEPTEERD)
    toewijzing = plan.toewijzing
    kort = toewijzing.beschikking
    plan.beoordeeld_door = actor
    plan.beoordeeld_op = timezone.now()
    opslaan(plan, actor=actor, reden="Ondersteuningsplan geaccepteerd")
    beschikking = definitieve_beschikking(plan, toewijzing)
    beschikking.vervangt = vorige_beschikkingen_beeindigen(
        beschikking, actor=actor, behalve=toewijzing
    )
    opslaan_zonder_overlap(beschikking, actor=actor, reden="Definitieve beschikking (plan)")
    toewijzing = (
        Toewijzing.objects.select_for_update(of=("self",))
        .select_related("product", "beschikking")
        .get(pk=toewijzing.pk)
    )
    # The assignment was an order to write this plan and never went to the chain (ADR 0017):
    # it now becomes the assignment of care, from the plan's start, in the plan's size, and
    # is sent to the provider as new (no RedenWijziging) after commit.
    toewijzing.beschikking = beschikking
    toewijzing.ingangsdatum = plan.ingangsdatum
    toewijzing.einddatum = plan.einddatum
    toewijzing.volume = plan.minuten_per_week
    toewijzing.eenheid = toewijzing.product.eenheid
    toewijzing.frequentie = toewijzing.product.frequentie
    toewijzing.reden_wijziging = ""
    fouten_melden(
        omvang_fouten(
            product=toewijzing.product,
            volume=toewijzing.volume,
            eenheid=toewijzing.eenheid,
            frequentie=toewijzing.frequentie,
            einddatum=toewijzing.einddatum,
        )
    )
    client_vergrendelen(toewijzing.client_id)
    overlap_controleren(toewijzing)
    opslaan(toewijzing, actor=actor, reden="Toewijzing volgens het plan: omvang en periode")
    publiceren("beschikking.gewijzigd", instance=beschikking)
    publiceren("ondersteuningsplan.geaccepteerd", instance=plan)
    besluitbrief(beschikking, actor=actor)
    signalering.plan_beoordeeld(
        plan, actor=actor, geaccepteerd=True, kort=kort, vervangen=beschikking.vervangt
    )
    wachtrij.plaats(plan_beoordeeld_melden, plan.pk)
    return beschikking


@transaction.atomic
def plan_afwijzen(*, actor, plan: Ondersteuningsplan, reden: str) -> Ondersteuningsplan:
    """The provider is told what to fix and submits a new version; this one is kept."""
    alleen_consulent(actor)
    plan = Ondersteuningsplan.objects.select_for_update().get(pk=plan.pk)
    plan_naar(plan, PlanStatus.AFGEWEZEN)
    if not reden.strip():
        raise ValidationError({"reden": "Schrijf op wat de aanbieder moet aanpassen."})
    plan.afwijsreden = reden.strip()
    plan.beoordeeld_door = actor
    plan.beoordeeld_op = timezone.now()
    opslaan(plan, actor=actor, reden="Ondersteuningsplan afgewezen")
    publiceren("ondersteuningsplan.afgewezen", instance=plan)
    signalering.plan_beoordeeld(plan, actor=actor, geaccepteerd=False)
    wachtrij.plaats(plan_beoordeeld_melden, plan.pk)
    return plan
