"""The HO bandwidth process: melding, onderzoek, short decision and assignment, support
plan upload and review, definitive decision, extension and export.

Every function checks who may do it (the API calls these too), validates every input with
a Dutch message naming the field, and collects all problems of one submission at once so
that a provider fixes a plan in one go instead of one error per upload.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from bandbreedte.models import Bandbreedte
from sdd_portal import opmaak
from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import aanbieder_id, heeft_sdd_rol
from sdd_portal.api.gebeurtenissen import publiceren
from sdd_portal.documents import controleer_pdf
from sdd_portal.historie import met_historie, opslaan

from ..models import (
    Beschikking,
    Client,
    Melding,
    Normtijd,
    Ondersteuningsplan,
    Onderzoek,
    Procesinstellingen,
    Toewijzing,
    Verlenging,
)
from ..states import (
    BeschikkingStatus,
    MeldingStatus,
    PlanStatus,
    beschikking_naar,
    melding_naar,
    plan_naar,
)
from ..termijnen import bezwaartermijn_einde
from . import signalering
from .clienten import toewijzing_vastleggen

OVERLAP_MELDING = (
    "Deze cliënt heeft in (een deel van) deze periode al een geldige beschikking voor dit product."
)


def _alleen_consulent(actor) -> None:
    if not heeft_sdd_rol(actor, Rol.CONSULENT):
        raise PermissionDenied("Alleen een consulent van de SDD kan dit doen.")


def _raise_als_fouten(fouten: dict[str, list[str]]) -> None:
    if any(fouten.values()):
        raise ValidationError({veld: lijst for veld, lijst in fouten.items() if lijst})


def _controleer_verzenddatum(verzenddatum: date, vandaag: date, fouten: dict) -> None:
    max_dagen = Procesinstellingen.huidig().verzenddatum_max_dagen_vooruit
    if verzenddatum < vandaag:
        fouten["verzenddatum"].append(
            f"De verzenddatum ({opmaak.datum(verzenddatum)}) ligt in het verleden. De "
            "bezwaartermijn loopt vanaf de verzenddatum; vul de dag in waarop het plan echt "
            "verstuurd wordt."
        )
    elif verzenddatum > vandaag + timedelta(days=max_dagen):
        fouten["verzenddatum"].append(
            f"De verzenddatum ({opmaak.datum(verzenddatum)}) ligt meer dan {max_dagen} dagen "
            "vooruit. Kies een datum zo dicht mogelijk bij de echte verzending."
        )


# ------------------------------------------------------------------ melding, onderzoek


@transaction.atomic
def melding_registreren(
    *,
    actor,
    client: Client,
    product,
    meldingsdatum: date,
    omschrijving: str = "",
    bron: str = Melding.Bron.CLIENT,
    aanbieder=None,
    opgegeven_minuten: int | None = None,
    opgegeven_was_strijk: bool | None = None,
) -> Melding:
    """A consulent registers a melding. A provider (for a client of its own) or contract
    management (for a client of the named provider) delivers one through a bulk list."""
    lijst = bron in (Melding.Bron.OMZETTING, Melding.Bron.WACHTLIJST)
    provider_id = aanbieder_id(actor)
    if provider_id is not None or (lijst and heeft_sdd_rol(actor, Rol.CONTRACTMANAGER)):
        if not lijst:
            raise PermissionDenied("Alleen consulenten registreren een melding van een cliënt.")
        if provider_id is not None:
            aanbieder = actor.organisatie
        if aanbieder is None or not client.toewijzingen.filter(aanbieder=aanbieder).exists():
            raise PermissionDenied("Deze cliënt is niet bij deze aanbieder bekend.")
    else:
        _alleen_consulent(actor)
    if meldingsdatum > timezone.localdate():
        raise ValidationError({"meldingsdatum": "De meldingsdatum ligt in de toekomst."})
    melding = Melding(
        client=client,
        product=product,
        meldingsdatum=meldingsdatum,
        omschrijving=omschrijving,
        bron=bron,
        aanbieder=aanbieder,
        opgegeven_minuten=opgegeven_minuten,
        opgegeven_was_strijk=opgegeven_was_strijk,
        consulent=actor if heeft_sdd_rol(actor, Rol.CONSULENT) else client.consulent,
    )
    opslaan(melding, actor=actor, reden=f"Melding geregistreerd ({bron})")
    return melding


def normtijden_optellen(minuten: list[Decimal]) -> int:
    """Minutes per result area summed and rounded up: never rounded down."""
    return math.ceil(sum((Decimal(m) for m in minuten), Decimal(0)))


def band_voorstel(*, product, minuten: int, datum: date) -> Bandbreedte | None:
    return Bandbreedte.objects.voor_minuten(product=product, minuten=minuten, datum=datum).first()


@transaction.atomic
def onderzoek_opslaan(
    *,
    actor,
    melding: Melding,
    gespreksdatum: date | None,
    verslagdatum: date | None,
    bevindingen: str,
    bandbreedte: Bandbreedte | None = None,
    was_strijk: bool = False,
    normtijden: dict | None = None,
    afronden: bool = False,
) -> Onderzoek:
    """Save the onderzoek as a draft, or complete it. Completing needs the three dates,
    the findings and a band; with a normenkader calculation the band is proposed from
    the summed minutes when none is chosen."""
    _alleen_consulent(actor)
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    if melding.status != MeldingStatus.OPEN:
        raise ValidationError(
            "Dit onderzoek is al afgerond of de melding is ingetrokken; het kan niet meer "
            "worden gewijzigd."
        )
    vandaag = timezone.localdate()
    fouten: dict[str, list[str]] = {
        "gespreksdatum": [],
        "verslagdatum": [],
        "bevindingen": [],
        "bandbreedte": [],
    }
    for veld, datum, naam in (
        ("gespreksdatum", gespreksdatum, "De datum van het gesprek"),
        ("verslagdatum", verslagdatum, "De datum van het onderzoeksverslag"),
    ):
        if datum and datum > vandaag:
            fouten[veld].append(f"{naam} ligt in de toekomst.")
        if datum and datum < melding.meldingsdatum:
            fouten[veld].append(
                f"{naam} ligt voor de meldingsdatum ({opmaak.datum(melding.meldingsdatum)})."
            )
    if gespreksdatum and verslagdatum and verslagdatum < gespreksdatum:
        fouten["verslagdatum"].append("Het verslag is gedateerd voor het gesprek.")

    normtijden = {g: Decimal(m) for g, m in (normtijden or {}).items() if m not in (None, "")}
    berekend = normtijden_optellen(list(normtijden.values())) if normtijden else None
    peildatum = verslagdatum or vandaag
    if bandbreedte is None and berekend is not None:
        bandbreedte = band_voorstel(product=melding.product, minuten=berekend, datum=peildatum)
    if bandbreedte is not None:
        if bandbreedte.product_id != melding.product_id:
            fouten["bandbreedte"].append(
                f"Bandbreedte {bandbreedte.code} hoort niet bij {melding.product.code}."
            )
        elif not Bandbreedte.objects.geldig_op(peildatum).filter(pk=bandbreedte.pk).exists():
            fouten["bandbreedte"].append(
                f"Bandbreedte {bandbreedte.code} geldt niet op {opmaak.datum(peildatum)}."
            )
    if afronden:
        if not gespreksdatum:
            fouten["gespreksdatum"].append("Vul de datum van het gesprek in.")
        if not verslagdatum:
            fouten["verslagdatum"].append("Vul de datum van het onderzoeksverslag in.")
        if not bevindingen.strip():
            fouten["bevindingen"].append("Beschrijf de bevindingen van het onderzoek.")
        if bandbreedte is None:
            fouten["bandbreedte"].append(
                "Kies een bandbreedte of vul de normtijden per resultaatgebied in."
            )
    _raise_als_fouten(fouten)

    onderzoek = Onderzoek.objects.filter(melding=melding).first() or Onderzoek(melding=melding)
    onderzoek.gespreksdatum = gespreksdatum
    onderzoek.verslagdatum = verslagdatum
    onderzoek.bevindingen = bevindingen
    onderzoek.bandbreedte = bandbreedte
    onderzoek.was_strijk = was_strijk or any(
        g.is_wasverzorging and m > 0 for g, m in normtijden.items()
    )
    onderzoek.berekende_minuten = berekend
    if afronden:
        onderzoek.afgerond_op = timezone.now()
        onderzoek.afgerond_door = actor
    opslaan(
        onderzoek, actor=actor, reden="Onderzoek afgerond" if afronden else "Onderzoek opgeslagen"
    )
    bestaande = {n.resultaatgebied_id: n for n in onderzoek.normtijden.all()}
    for gebied, minuten in normtijden.items():
        normtijd = bestaande.pop(gebied.pk, None) or Normtijd(
            onderzoek=onderzoek, resultaatgebied=gebied
        )
        normtijd.minuten = minuten
        opslaan(normtijd, actor=actor, reden="Normtijd vastgelegd")
    for normtijd in bestaande.values():
        met_historie(normtijd, actor=actor, reden="Normtijd verwijderd").delete()
    if afronden:
        melding_naar(melding, MeldingStatus.ONDERZOCHT)
        opslaan(melding, actor=actor, reden="Onderzoek afgerond")
    else:
        # The onderzoek is part of the melding's API representation: a draft change must
        # move the melding's modified_at, or a modifiedSince sync would not see it.
        opslaan(melding, actor=actor, reden="Onderzoek opgeslagen")
    return onderzoek


def _afgerond_onderzoek(melding: Melding) -> Onderzoek:
    onderzoek = Onderzoek.objects.select_related("bandbreedte").filter(melding=melding).first()
    if melding.status != MeldingStatus.ONDERZOCHT or onderzoek is None:
        raise ValidationError(
            "Rond eerst het onderzoek af (met datums, bevindingen en bandbreedte)."
        )
    return onderzoek


# ------------------------------------------------------- short decision and assignment


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
    _alleen_consulent(actor)
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
    _controleer_verzenddatum(verzenddatum, vandaag, fouten)
    _raise_als_fouten(fouten)
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
    _opslaan_zonder_overlap(beschikking, actor=actor, reden="Kortdurende beschikking afgegeven")
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
    _besluitbrief(beschikking, actor=actor)
    return beschikking


def _besluitbrief(beschikking: Beschikking, *, actor) -> None:
    """The decision letter, rendered on the pdf queue after commit."""
    from ..brieven.services import brief_aanmaken

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
    _alleen_consulent(actor)
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


def _opslaan_zonder_overlap(beschikking: Beschikking, *, actor, reden: str) -> None:
    """Save; the exclusion constraint's refusal becomes a Dutch message."""
    try:
        with transaction.atomic():
            opslaan(beschikking, actor=actor, reden=reden)
    except (IntegrityError, ValidationError) as exc:
        if "beschikking_geen_overlap" in str(exc) or OVERLAP_MELDING in str(exc):
            raise ValidationError({"ingangsdatum": OVERLAP_MELDING}) from None
        raise


@transaction.atomic
def toewijzing_geopend(*, actor, toewijzing: Toewijzing) -> None:
    """The provider opened a new assignment: it leaves the inbox."""
    if aanbieder_id(actor) != toewijzing.aanbieder_id or toewijzing.gezien_op:
        return
    toewijzing = Toewijzing.objects.select_for_update().get(pk=toewijzing.pk)
    if toewijzing.gezien_op is None:
        toewijzing.gezien_op = timezone.now()
        opslaan(toewijzing, actor=actor, reden="Toewijzing geopend door aanbieder")


@transaction.atomic
def start_zorg_melden(*, actor, toewijzing: Toewijzing, datum: date) -> Toewijzing:
    """The provider reports the start of care (iWmo 305)."""
    if aanbieder_id(actor) != toewijzing.aanbieder_id:
        raise PermissionDenied("Alleen de aanbieder van deze toewijzing meldt de start.")
    toewijzing = (
        Toewijzing.objects.select_for_update(of=("self",))
        .select_related("beschikking")
        .get(pk=toewijzing.pk)
    )
    if toewijzing.beschikking is None or toewijzing.beschikking.is_kortdurend:
        raise ValidationError(
            {
                "datum": "De zorg start onder de definitieve beschikking: tijdens de kortdurende "
                "beschikking wordt nog niet geleverd."
            }
        )
    if datum > timezone.localdate():
        raise ValidationError({"datum": "Meld de start als de zorg begonnen is, niet vooraf."})
    if datum < toewijzing.ingangsdatum or (toewijzing.einddatum and datum > toewijzing.einddatum):
        raise ValidationError({"datum": "De startdatum valt buiten de periode van de toewijzing."})
    toewijzing.start_zorg = datum
    opslaan(toewijzing, actor=actor, reden="Start zorg gemeld")
    signalering.start_gemeld(toewijzing, actor=actor)
    return toewijzing


# ------------------------------------------------------------------ support plans


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
    from contractbeheer.selectors import mag_tekenen

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
    _controleer_verzenddatum(verzenddatum, vandaag, fouten)
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
    _raise_als_fouten(fouten)
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
    from ..tasks import plan_ingediend_melden

    transaction.on_commit(lambda: plan_ingediend_melden.delay(plan.pk))
    return plan


def _vorige_beschikkingen_beeindigen(nieuw: Beschikking, *, actor) -> Beschikking | None:
    """Valid decisions for the same client and product that overlap the new one end the
    day before it starts, or are withdrawn when they start on or after it. Returns the
    one the new decision replaces (the latest)."""
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
            loopt_door = toewijzing.einddatum is None or toewijzing.einddatum >= nieuw.ingangsdatum
            if loopt_door and toewijzing.ingangsdatum < nieuw.ingangsdatum:
                toewijzing.einddatum = nieuw.ingangsdatum - timedelta(days=1)
                opslaan(toewijzing, actor=actor, reden=reden)
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
def plan_accepteren(*, actor, plan: Ondersteuningsplan) -> Beschikking:
    """The plan becomes the definitive decision, replacing what it overlaps."""
    _alleen_consulent(actor)
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
    beschikking.vervangt = _vorige_beschikkingen_beeindigen(beschikking, actor=actor)
    _opslaan_zonder_overlap(beschikking, actor=actor, reden="Definitieve beschikking (plan)")
    toewijzing = Toewijzing.objects.select_for_update().get(pk=toewijzing.pk)
    toewijzing.beschikking = beschikking
    toewijzing.volume = plan.minuten_per_week
    toewijzing.einddatum = plan.einddatum
    opslaan(toewijzing, actor=actor, reden="Omvang en einddatum volgens het plan")
    publiceren("beschikking.gewijzigd", instance=beschikking)
    publiceren("ondersteuningsplan.geaccepteerd", instance=plan)
    _besluitbrief(beschikking, actor=actor)
    signalering.plan_beoordeeld(
        plan, actor=actor, geaccepteerd=True, kort=kort, vervangen=beschikking.vervangt
    )
    from ..tasks import plan_beoordeeld_melden

    transaction.on_commit(lambda: plan_beoordeeld_melden.delay(plan.pk))
    return beschikking


@transaction.atomic
def plan_afwijzen(*, actor, plan: Ondersteuningsplan, reden: str) -> Ondersteuningsplan:
    """The provider is told what to fix and submits a new version; this one is kept."""
    _alleen_consulent(actor)
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
    from ..tasks import plan_beoordeeld_melden

    transaction.on_commit(lambda: plan_beoordeeld_melden.delay(plan.pk))
    return plan


# ------------------------------------------------------------ extension and export


@transaction.atomic
def beschikking_verlengen(
    *, actor, beschikking: Beschikking, nieuwe_einddatum: date, toelichting: str
) -> Verlenging:
    """Nothing changed: the running decision and its assignment get a later end date.
    Done before the end date, so no new decision and no new export (000 item 4c-ii)."""
    _alleen_consulent(actor)
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
    _raise_als_fouten(fouten)
    verlenging = Verlenging(
        beschikking=beschikking,
        oude_einddatum=beschikking.einddatum,
        nieuwe_einddatum=nieuwe_einddatum,
        toelichting=toelichting.strip(),
        verlengd_door=actor,
    )
    oude = beschikking.einddatum
    beschikking.einddatum = nieuwe_einddatum
    _opslaan_zonder_overlap(beschikking, actor=actor, reden="Beschikking verlengd")
    opslaan(verlenging, actor=actor, reden="Beschikking verlengd")
    for toewijzing in Toewijzing.objects.select_for_update().filter(
        beschikking=beschikking, einddatum=oude
    ):
        toewijzing.einddatum = nieuwe_einddatum
        opslaan(toewijzing, actor=actor, reden="Einddatum verlengd")
    publiceren("beschikking.gewijzigd", instance=beschikking)
    signalering.verlengd(beschikking, verlenging, actor=actor)
    from ..brieven.services import brief_aanmaken

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
    *, actor, beschikking: Beschikking, per: date, reden: str, verzenddatum: date
) -> Beschikking:
    """Withdraw a decision from a date (the client moved, died, no longer needs support):
    it ends the day before, or is withdrawn entirely when ``per`` is on or before its start.
    Its assignments end with it, and the client gets a withdrawal letter."""
    _alleen_consulent(actor)
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
    _controleer_verzenddatum(verzenddatum, vandaag, fouten)
    _raise_als_fouten(fouten)
    beschikking.ingetrokken_per = per
    beschikking.intrekkingsreden = reden.strip()
    if per <= beschikking.ingangsdatum:
        beschikking_naar(beschikking, BeschikkingStatus.INGETROKKEN)
    else:
        beschikking.einddatum = per - timedelta(days=1)
    opslaan(beschikking, actor=actor, reden="Beschikking ingetrokken")
    for toewijzing in Toewijzing.objects.select_for_update().filter(beschikking=beschikking):
        if toewijzing.einddatum is None or toewijzing.einddatum >= per:
            toewijzing.einddatum = max(per - timedelta(days=1), toewijzing.ingangsdatum)
            opslaan(toewijzing, actor=actor, reden="Beschikking ingetrokken")
    publiceren("beschikking.gewijzigd", instance=beschikking)
    signalering.ingetrokken(beschikking, actor=actor)
    from ..brieven.services import brief_aanmaken

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


@transaction.atomic
def melding_afwijzen(*, actor, melding: Melding, motivering: str, verzenddatum: date) -> Melding:
    """Refuse the request after the onderzoek: the client gets a refusal decision with
    the motivation and the objection clause."""
    _alleen_consulent(actor)
    melding = Melding.objects.select_for_update().select_related("client").get(pk=melding.pk)
    melding_naar(melding, MeldingStatus.AFGEWEZEN)
    fouten: dict[str, list[str]] = {"motivering": [], "verzenddatum": []}
    if len(motivering.strip()) < 20:
        fouten["motivering"].append(
            "Schrijf op waarom de aanvraag wordt afgewezen (minstens een volledige zin): de "
            "motivering staat in het besluit aan de cliënt."
        )
    _controleer_verzenddatum(verzenddatum, timezone.localdate(), fouten)
    _raise_als_fouten(fouten)
    opslaan(melding, actor=actor, reden="Aanvraag afgewezen")
    from ..brieven.services import brief_aanmaken

    brief_aanmaken(
        soort="afwijzing",
        sleutel=f"afwijzing:{melding.pk}",
        client=melding.client,
        melding=melding,
        verzenddatum=verzenddatum,
        motivering=motivering.strip(),
        actor=actor,
    )
    return melding


def verloopbrief_sleutel(beschikking: Beschikking) -> str:
    """One expiry letter per decision and end date (an extension gives a new end date)."""
    return f"verloopbrief:{beschikking.pk}:{beschikking.einddatum.isoformat()}"


def verloopbrief_aanmaken(*, beschikking: Beschikking, verzenddatum: date, actor=None):
    """The letter six weeks before the end date: once per decision and end date."""
    from ..brieven.services import brief_aanmaken

    return brief_aanmaken(
        soort="verloopbrief",
        sleutel=verloopbrief_sleutel(beschikking),
        client=beschikking.client,
        beschikking=beschikking,
        verzenddatum=verzenddatum,
        bezwaar=False,
        actor=actor,
    )


@transaction.atomic
def beschikking_exporteren(*, actor, beschikking: Beschikking) -> bytes:
    """Export into the chain: the iWmo 301 with every current assignment of this client at
    this provider. Refused without the documents a decision needs."""
    from ..iwmo import bericht_301, valideer

    _alleen_consulent(actor)
    beschikking = (
        Beschikking.objects.select_for_update(of=("self",))
        .select_related("client__gemeente", "aanbieder", "product", "ondersteuningsplan")
        .get(pk=beschikking.pk)
    )
    vandaag = timezone.localdate()
    if beschikking.status != BeschikkingStatus.GELDIG:
        raise ValidationError("Een ingetrokken beschikking wordt niet geëxporteerd.")
    if beschikking.is_kortdurend and beschikking.einddatum < vandaag:
        raise ValidationError(
            f"De kortdurende beschikking is op {opmaak.datum(beschikking.einddatum)} verlopen; "
            "exporteren heeft geen zin meer. Beoordeel het ondersteuningsplan of verleng de "
            "toewijzing."
        )
    if not beschikking.is_kortdurend:
        plan = beschikking.ondersteuningsplan
        if plan is None or not plan.bestand or not plan.sha256:
            raise ValidationError(
                "Het ondertekende ondersteuningsplan ontbreekt; zonder dit document kan de "
                "beschikking niet worden geëxporteerd."
            )
    toewijzingen = list(
        Toewijzing.objects.actief_op(vandaag)
        .filter(client=beschikking.client, aanbieder=beschikking.aanbieder)
        .exclude(volume__isnull=True)
        .select_related("product", "beschikking")
    ) or list(beschikking.toewijzingen.select_related("product", "beschikking"))
    xml = bericht_301(
        client=beschikking.client,
        aanbieder=beschikking.aanbieder,
        toewijzingen=toewijzingen,
        gemeentecode=beschikking.client.gemeente.code,
        identificatie=f"B{beschikking.pk:011d}"[-12:],
        dagtekening=vandaag,
    )
    fouten = valideer(xml)
    if fouten:
        raise ValidationError(
            "Het iWmo-bericht voldoet niet aan het schema: " + "; ".join(fouten[:3])
        )
    beschikking.geexporteerd_op = timezone.now()
    opslaan(beschikking, actor=actor, reden="Geëxporteerd (iWmo 301)")
    return xml
