"""Decisions: the short decision and its assignment, the re-indication, the definitive
decision an accepted plan becomes (replacing what it overlaps), extension, withdrawal
and the expiry letter."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from sdd_portal import opmaak
from sdd_portal.api.gebeurtenissen import publiceren
from sdd_portal.historie import opslaan

from ...brieven.services import brief_aanmaken
from ...models import (
    Beschikking,
    Melding,
    Ondersteuningsplan,
    Onderzoek,
    RedenWijziging,
    Toewijzing,
    Verlenging,
)
from ...register import toewijzing_beeindigen, toewijzing_vastleggen
from ...states import BeschikkingStatus, MeldingStatus, beschikking_naar, melding_naar
from ...termijnen import bezwaartermijn_einde
from . import signalering
from .controles import alleen_consulent, controleer_verzenddatum, raise_als_fouten

OVERLAP_MELDING = (
    "Deze cliënt heeft in (een deel van) deze periode al een geldige beschikking voor dit product."
)


#: WMO002 reasons a consulent may give the provider when withdrawing (13 is set by itself
#: for a withdrawal from the start; 12 comes from the provider, 01 is no longer used).
REDENEN_INTREKKING = (
    RedenWijziging.VERKORTING,
    RedenWijziging.OVERLEDEN,
    RedenWijziging.VERHUIZING,
    RedenWijziging.ANDER_DOMEIN,
    RedenWijziging.ANDERE_AANBIEDER,
    RedenWijziging.LEVERINGSVORM,
    RedenWijziging.CONTRACTWIJZIGING,
    RedenWijziging.CORRECTIE,
)


def _afgerond_onderzoek(melding: Melding) -> Onderzoek:
    onderzoek = Onderzoek.objects.select_related("bandbreedte").filter(melding=melding).first()
    if melding.status != MeldingStatus.ONDERZOCHT or onderzoek is None:
        raise ValidationError(
            "Rond eerst het onderzoek af (met datums, bevindingen en bandbreedte)."
        )
    return onderzoek


@transaction.atomic
def kortdurend_beschikken(
    *,
    actor,
    melding: Melding,
    aanbieder,
    ingangsdatum: date,
    verzenddatum: date,
    stop_afwijking_reden: str = "",
) -> Beschikking:
    """Short-term decision with the band's lower bound only, for the product's configured
    duration, and the assignment to the provider the client chose."""
    alleen_consulent(actor)
    melding = (
        Melding.objects.select_for_update(of=("self",))
        .select_related("product", "client")
        .get(pk=melding.pk)
    )
    onderzoek = _afgerond_onderzoek(melding)
    band = onderzoek.bandbreedte
    product = melding.product
    vandaag = timezone.localdate()
    fouten: dict[str, list[str]] = {"ingangsdatum": [], "verzenddatum": [], "aanbieder": []}
    if ingangsdatum < melding.meldingsdatum:
        fouten["ingangsdatum"].append(
            f"De ingangsdatum ligt voor de meldingsdatum ({opmaak.datum(melding.meldingsdatum)})."
        )
    controleer_verzenddatum(verzenddatum, vandaag, fouten)
    raise_als_fouten(fouten)
    einddatum = ingangsdatum + timedelta(weeks=product.kortdurend_weken) - timedelta(days=1)
    beschikking = Beschikking(
        client=melding.client,
        product=product,
        soort=Beschikking.Soort.KORTDUREND,
        melding=melding,
        bandbreedte=band,
        minuten_per_week=band.min_minuten,
        was_strijk=onderzoek.was_strijk,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        verzenddatum=verzenddatum,
        bezwaartermijn_tot=bezwaartermijn_einde(verzenddatum),
        aanbieder=aanbieder,
        ondertekend_door=actor,
    )
    opslaan_zonder_overlap(beschikking, actor=actor, reden="Kortdurende beschikking afgegeven")
    toewijzing_vastleggen(
        actor=actor,
        client=melding.client,
        aanbieder=aanbieder,
        product=product,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        stop_afwijking_reden=stop_afwijking_reden,
        beschikking=beschikking,
        bandbreedte=band,
        volume=band.min_minuten,
        reden="Toewijzing bij kortdurende beschikking",
    )
    melding_naar(melding, MeldingStatus.BESCHIKT)
    opslaan(melding, actor=actor, reden="Kortdurende beschikking afgegeven")
    publiceren("beschikking.gewijzigd", instance=beschikking)
    besluitbrief(beschikking, actor=actor)
    return beschikking


def besluitbrief(beschikking: Beschikking, *, actor) -> None:
    """The decision letter, rendered on the pdf queue after commit."""
    brief_aanmaken(
        soort=beschikking.soort,
        sleutel=f"{beschikking.soort}:{beschikking.pk}",
        client=beschikking.client,
        beschikking=beschikking,
        verzenddatum=beschikking.verzenddatum,
        actor=actor,
    )


@transaction.atomic
def herindicatie_toewijzen(
    *,
    actor,
    melding: Melding,
    aanbieder,
    ingangsdatum: date,
    einddatum: date,
    stop_afwijking_reden: str = "",
) -> Toewijzing:
    """Re-indication of a client whose decision is running: care goes on under that
    decision, the provider gets an assignment with the new band and writes a new plan;
    accepted, the plan replaces the running decision from its start date."""
    alleen_consulent(actor)
    melding = (
        Melding.objects.select_for_update(of=("self",))
        .select_related("product", "client")
        .get(pk=melding.pk)
    )
    onderzoek = _afgerond_onderzoek(melding)
    lopend = Beschikking.objects.geldig_op(ingangsdatum).filter(
        client=melding.client, product=melding.product
    )
    if not lopend.exists():
        raise ValidationError(
            {
                "ingangsdatum": "Op deze datum loopt geen beschikking voor dit product: "
                "geef een kortdurende beschikking af."
            }
        )
    if einddatum < ingangsdatum:
        raise ValidationError({"einddatum": "De einddatum ligt voor de ingangsdatum."})
    toewijzing = toewijzing_vastleggen(
        actor=actor,
        client=melding.client,
        aanbieder=aanbieder,
        product=melding.product,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        stop_afwijking_reden=stop_afwijking_reden,
        bandbreedte=onderzoek.bandbreedte,
        volume=onderzoek.bandbreedte.min_minuten,
        reden="Toewijzing bij herindicatie",
    )
    melding_naar(melding, MeldingStatus.BESCHIKT)
    opslaan(melding, actor=actor, reden="Herindicatie toegewezen")
    return toewijzing


def opslaan_zonder_overlap(beschikking: Beschikking, *, actor, reden: str) -> None:
    """Save; the exclusion constraint's refusal becomes a Dutch message."""
    try:
        with transaction.atomic():
            opslaan(beschikking, actor=actor, reden=reden)
    except (IntegrityError, ValidationError) as exc:
        if "beschikking_geen_overlap" in str(exc) or OVERLAP_MELDING in str(exc):
            raise ValidationError({"ingangsdatum": OVERLAP_MELDING}) from None
        raise


def vorige_beschikkingen_beeindigen(
    nieuw: Beschikking, *, actor, behalve: Toewijzing | None = None
) -> Beschikking | None:
    """Valid decisions for the same client and product that overlap the new one end the
    day before it starts, or are withdrawn when they start on or after it; so do their
    assignments, except ``behalve`` (the one the new decision takes over). Returns the one
    the new decision replaces (the latest)."""
    overlappend = list(
        Beschikking.objects.select_for_update()
        .geldig()
        .filter(client=nieuw.client, product=nieuw.product, einddatum__gte=nieuw.ingangsdatum)
        .exclude(pk=nieuw.pk)
        .order_by("ingangsdatum")
    )
    vervangen = None
    for oud in overlappend:
        reden = f"Vervangen door de beschikking vanaf {opmaak.datum(nieuw.ingangsdatum)}"
        if oud.ingangsdatum >= nieuw.ingangsdatum:
            beschikking_naar(oud, BeschikkingStatus.INGETROKKEN)
            oud.ingetrokken_per = oud.ingangsdatum
            oud.intrekkingsreden = reden
        else:
            oud.einddatum = nieuw.ingangsdatum - timedelta(days=1)
        opslaan(oud, actor=actor, reden=reden)
        for toewijzing in Toewijzing.objects.select_for_update().filter(beschikking=oud):
            if toewijzing.is_verwijderd or (behalve is not None and toewijzing.pk == behalve.pk):
                continue
            loopt_door = toewijzing.einddatum is None or toewijzing.einddatum >= nieuw.ingangsdatum
            if loopt_door:
                # OP033x1/TR302: the old assignment ends the day before (or is deleted when
                # it starts on or after the new one); 09 when care moves to another provider.
                toewijzing_beeindigen(
                    actor=actor,
                    toewijzing=toewijzing,
                    per=nieuw.ingangsdatum,
                    reden_wijziging=RedenWijziging.ANDERE_AANBIEDER
                    if toewijzing.aanbieder_id != nieuw.aanbieder_id
                    else RedenWijziging.VERKORTING,
                    reden=reden,
                )
        publiceren("beschikking.gewijzigd", instance=oud)
        vervangen = oud
    return vervangen


def definitieve_beschikking(plan: Ondersteuningsplan, toewijzing: Toewijzing) -> Beschikking:
    """The definitive decision an accepted plan becomes (unsaved): the plan's minutes,
    laundry, dates and signer, the assignment's band and provider."""
    return Beschikking(
        client=toewijzing.client,
        product=toewijzing.product,
        soort=Beschikking.Soort.DEFINITIEF,
        melding=toewijzing.beschikking.melding if toewijzing.beschikking_id else None,
        bandbreedte=toewijzing.bandbreedte,
        minuten_per_week=plan.minuten_per_week,
        was_strijk=plan.was_strijk,
        ingangsdatum=plan.ingangsdatum,
        einddatum=plan.einddatum,
        verzenddatum=plan.verzenddatum,
        bezwaartermijn_tot=bezwaartermijn_einde(plan.verzenddatum),
        aanbieder=toewijzing.aanbieder,
        ondersteuningsplan=plan,
        ondertekend_door=plan.ondertekenaar,
    )


@transaction.atomic
def beschikking_verlengen(
    *, actor, beschikking: Beschikking, nieuwe_einddatum: date, toelichting: str
) -> Verlenging:
    """Nothing changed: the running decision and its assignment get a later end date.
    Done before the end date, so no new decision; the provider receives the new end date in
    a 301 with RedenWijziging 04 (OP380), sent automatically after commit."""
    alleen_consulent(actor)
    beschikking = Beschikking.objects.select_for_update().get(pk=beschikking.pk)
    vandaag = timezone.localdate()
    fouten: dict[str, list[str]] = {"nieuwe_einddatum": [], "toelichting": []}
    if beschikking.status != BeschikkingStatus.GELDIG:
        raise ValidationError("Een ingetrokken beschikking kan niet worden verlengd.")
    if beschikking.is_kortdurend:
        raise ValidationError(
            "Een kortdurende beschikking wordt niet verlengd: de aanbieder levert het "
            "ondersteuningsplan aan, dat wordt de definitieve beschikking."
        )
    if beschikking.einddatum < vandaag:
        raise ValidationError(
            f"Deze beschikking is op {opmaak.datum(beschikking.einddatum)} geëindigd. Verlengen "
            "kan alleen voor de einddatum; na afloop is een nieuwe beschikking nodig."
        )
    if nieuwe_einddatum <= beschikking.einddatum:
        fouten["nieuwe_einddatum"].append(
            "De nieuwe einddatum moet na de huidige einddatum "
            f"({opmaak.datum(beschikking.einddatum)}) liggen."
        )
    if not toelichting.strip():
        fouten["toelichting"].append(
            "Leg vast dat er niets veranderd is (bijvoorbeeld: telefonisch besproken met de "
            "cliënt op ...)."
        )
    raise_als_fouten(fouten)
    verlenging = Verlenging(
        beschikking=beschikking,
        oude_einddatum=beschikking.einddatum,
        nieuwe_einddatum=nieuwe_einddatum,
        toelichting=toelichting.strip(),
        verlengd_door=actor,
    )
    oude = beschikking.einddatum
    beschikking.einddatum = nieuwe_einddatum
    opslaan_zonder_overlap(beschikking, actor=actor, reden="Beschikking verlengd")
    opslaan(verlenging, actor=actor, reden="Beschikking verlengd")
    for toewijzing in Toewijzing.objects.select_for_update().filter(
        beschikking=beschikking, einddatum=oude
    ):
        toewijzing.einddatum = nieuwe_einddatum
        toewijzing.reden_wijziging = RedenWijziging.VERLENGING
        opslaan(toewijzing, actor=actor, reden="Einddatum verlengd")
    publiceren("beschikking.gewijzigd", instance=beschikking)
    signalering.verlengd(beschikking, verlenging, actor=actor)
    brief_aanmaken(
        soort="verlenging",
        sleutel=f"verlenging:{verlenging.pk}",
        client=beschikking.client,
        beschikking=beschikking,
        verlenging=verlenging,
        verzenddatum=vandaag,
        actor=actor,
    )
    return verlenging


@transaction.atomic
def beschikking_intrekken(
    *,
    actor,
    beschikking: Beschikking,
    per: date,
    reden: str,
    verzenddatum: date,
    reden_wijziging: str = RedenWijziging.VERKORTING,
) -> Beschikking:
    """Withdraw a decision from a date (the client moved, died, no longer needs support):
    it ends the day before, or is withdrawn entirely when ``per`` is on or before its start.
    Its assignments end with it, with ``reden_wijziging`` (WMO002) for the provider, or are
    deleted (einddatum = ingangsdatum, 13) from their start; the client gets a withdrawal
    letter."""
    alleen_consulent(actor)
    beschikking = Beschikking.objects.select_for_update().get(pk=beschikking.pk)
    vandaag = timezone.localdate()
    fouten: dict[str, list[str]] = {"per": [], "reden": [], "verzenddatum": []}
    if beschikking.status != BeschikkingStatus.GELDIG:
        raise ValidationError("Deze beschikking is al ingetrokken.")
    if per > beschikking.einddatum:
        fouten["per"].append(
            f"De beschikking eindigt al op {opmaak.datum(beschikking.einddatum)}; kies een datum "
            "op of voor die dag."
        )
    if per < vandaag and per > beschikking.ingangsdatum:
        fouten["per"].append(
            "Intrekken met terugwerkende kracht kan alleen per de ingangsdatum "
            f"({opmaak.datum(beschikking.ingangsdatum)}); kies vandaag of later."
        )
    if not reden.strip():
        fouten["reden"].append("Schrijf de motivering op: die staat in de brief aan de cliënt.")
    if reden_wijziging not in REDENEN_INTREKKING:
        fouten["reden_wijziging"] = [
            "Kies een reden voor de aanbieder: "
            + ", ".join(RedenWijziging(r).label.lower() for r in REDENEN_INTREKKING)
            + "."
        ]
    controleer_verzenddatum(verzenddatum, vandaag, fouten)
    raise_als_fouten(fouten)
    beschikking.ingetrokken_per = per
    beschikking.intrekkingsreden = reden.strip()
    if per <= beschikking.ingangsdatum:
        beschikking_naar(beschikking, BeschikkingStatus.INGETROKKEN)
    else:
        beschikking.einddatum = per - timedelta(days=1)
    opslaan(beschikking, actor=actor, reden="Beschikking ingetrokken")
    for toewijzing in Toewijzing.objects.select_for_update().filter(beschikking=beschikking):
        if toewijzing.is_verwijderd:
            continue
        if toewijzing.einddatum is None or toewijzing.einddatum >= per:
            toewijzing_beeindigen(
                actor=actor,
                toewijzing=toewijzing,
                per=per,
                reden_wijziging=reden_wijziging,
                reden="Beschikking ingetrokken",
            )
    publiceren("beschikking.gewijzigd", instance=beschikking)
    signalering.ingetrokken(beschikking, actor=actor)
    brief_aanmaken(
        soort="intrekking",
        sleutel=f"intrekking:{beschikking.pk}",
        client=beschikking.client,
        beschikking=beschikking,
        verzenddatum=verzenddatum,
        motivering=beschikking.intrekkingsreden,
        actor=actor,
    )
    return beschikking


def verloopbrief_sleutel(beschikking: Beschikking) -> str:
    """One expiry letter per decision and end date (an extension gives a new end date)."""
    return f"verloopbrief:{beschikking.pk}:{beschikking.einddatum.isoformat()}"


def verloopbrief_aanmaken(*, beschikking: Beschikking, verzenddatum: date, actor=None):
    """The letter six weeks before the end date: once per decision and end date."""
    return brief_aanmaken(
        soort="verloopbrief",
        sleutel=verloopbrief_sleutel(beschikking),
        client=beschikking.client,
        beschikking=beschikking,
        verzenddatum=verzenddatum,
        bezwaar=False,
        actor=actor,
    )
