"""Melding and onderzoek: registering a melding, the onderzoek with its normenkader
calculation, and refusing the request after the onderzoek."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from bandbreedte.models import Bandbreedte
from sdd_portal import opmaak
from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import aanbieder_id, heeft_sdd_rol
from sdd_portal.historie import met_historie, opslaan

from ...brieven.services import brief_aanmaken
from ...models import Client, Melding, Normtijd, Onderzoek
from ...states import MeldingStatus, melding_naar
from .controles import alleen_consulent, controleer_verzenddatum, raise_als_fouten


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
        alleen_consulent(actor)
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
    alleen_consulent(actor)
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
    raise_als_fouten(fouten)

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


@transaction.atomic
def melding_afwijzen(*, actor, melding: Melding, motivering: str, verzenddatum: date) -> Melding:
    """Refuse the request after the onderzoek: the client gets a refusal decision with
    the motivation and the objection clause."""
    alleen_consulent(actor)
    melding = Melding.objects.select_for_update().select_related("client").get(pk=melding.pk)
    melding_naar(melding, MeldingStatus.AFGEWEZEN)
    fouten: dict[str, list[str]] = {"motivering": [], "verzenddatum": []}
    if len(motivering.strip()) < 20:
        fouten["motivering"].append(
            "Schrijf op waarom de aanvraag wordt afgewezen (minstens een volledige zin): de "
            "motivering staat in het besluit aan de cliënt."
        )
    controleer_verzenddatum(verzenddatum, timezone.localdate(), fouten)
    raise_als_fouten(fouten)
    opslaan(melding, actor=actor, reden="Aanvraag afgewezen")
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
