"""Writes in contract management: keyword-only, one transaction, history with actor and
reason. Views, admin and (later) the API call these."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import aanbieder_id, heeft_sdd_rol
from sdd_portal.documents import controleer_pdf
from sdd_portal.historie import opslaan as _opslaan
from sdd_portal.periods import open_of_vanaf

from .models import Aanbiedersignaal, Capaciteit, Clientenstop, Contract, MandaatDocument
from .states import (
    ContractStatus,
    SignaalStatus,
    StopStatus,
    signaal_naar,
    stop_naar,
)


def _namens_aanbieder(actor, aanbieder) -> None:
    """Providers act only for their own organisation; CM may act for any."""
    if heeft_sdd_rol(actor, Rol.CONTRACTMANAGER) or aanbieder_id(actor) == aanbieder.pk:
        return
    raise PermissionDenied("U kunt dit alleen voor uw eigen organisatie doen.")


# ------------------------------------------------------------------ client stops


def _controleer_gecontracteerd(*, aanbieder, product, datum) -> None:
    if not Contract.objects.actief_op(datum).filter(aanbieder=aanbieder, product=product).exists():
        raise ValidationError(
            {
                "product": f"{aanbieder} heeft op {datum:%d-%m-%Y} geen lopend contract voor "
                f"{product.code}; kies een product waarvoor uw organisatie gecontracteerd is."
            }
        )


@transaction.atomic
def stop_aanvragen(
    *,
    actor,
    aanbieder,
    product,
    gemeenten,
    ingangsdatum,
    einddatum=None,
    heroverwegingsdatum=None,
    reden,
    maatregelen,
) -> Clientenstop:
    _namens_aanbieder(actor, aanbieder)
    if ingangsdatum < timezone.localdate():
        raise ValidationError(
            {
                "ingangsdatum": "Een cliëntenstop vraagt u vooraf aan: de ingangsdatum ligt in het "
                "verleden."
            }
        )
    _controleer_gecontracteerd(aanbieder=aanbieder, product=product, datum=ingangsdatum)
    stop = Clientenstop(
        aanbieder=aanbieder,
        product=product,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        heroverwegingsdatum=heroverwegingsdatum,
        reden=reden,
        maatregelen=maatregelen,
        aangevraagd_door=actor,
    )
    _opslaan(stop, actor=actor, reden="Cliëntenstop aangevraagd")
    stop.gemeenten.set(gemeenten)
    return stop


@transaction.atomic
def stop_beoordelen(
    *, actor, stop: Clientenstop, besluit: str, notitie: str = "", wijzigingen: dict | None = None
) -> Clientenstop:
    """CM agrees, agrees with changes, or rejects. A stop is never in force without it."""
    if not heeft_sdd_rol(actor, Rol.CONTRACTMANAGER):
        raise PermissionDenied("Alleen contractmanagement beoordeelt een cliëntenstop.")
    stop = Clientenstop.objects.select_for_update().get(pk=stop.pk)
    stop_naar(stop, besluit)
    if besluit in (StopStatus.AFGEWEZEN, StopStatus.AKKOORD_GEWIJZIGD) and not notitie.strip():
        raise ValidationError({"notitie_cm": "Licht toe waarom u afwijst of wat u wijzigt."})
    gemeenten = None
    if besluit == StopStatus.AKKOORD_GEWIJZIGD:
        wijzigingen = dict(wijzigingen or {})
        gemeenten = wijzigingen.pop("gemeenten", None)
        for veld, waarde in wijzigingen.items():
            setattr(stop, veld, waarde)
    stop.notitie_cm = notitie
    stop.beoordeeld_door = actor
    stop.beoordeeld_op = timezone.now()
    _opslaan(stop, actor=actor, reden=f"Cliëntenstop beoordeeld: {stop.get_status_display()}")
    if gemeenten is not None:
        stop.gemeenten.set(gemeenten)
    return stop


@transaction.atomic
def stop_beeindigen(*, actor, stop: Clientenstop, einddatum, notitie: str = "") -> Clientenstop:
    _namens_aanbieder(actor, stop.aanbieder)
    stop = Clientenstop.objects.select_for_update().get(pk=stop.pk)
    stop_naar(stop, StopStatus.BEEINDIGD)
    if einddatum < stop.ingangsdatum:
        raise ValidationError({"einddatum": "De einddatum ligt voor de ingangsdatum."})
    stop.einddatum = einddatum
    if notitie:
        stop.notitie_cm = f"{stop.notitie_cm}\n{notitie}".strip()
    _opslaan(stop, actor=actor, reden="Cliëntenstop beëindigd")
    return stop


def geldende_stop(*, aanbieder, product, gemeente, datum):
    return (
        Clientenstop.objects.geldend_op(datum)
        .voor(product=product, gemeente=gemeente)
        .filter(aanbieder=aanbieder)
        .first()
    )


def controleer_nieuwe_toewijzing(
    *, aanbieder, product, gemeente, datum, stop_afwijking_reden: str = ""
) -> None:
    """Refuse an assignment to a provider that left the product or has a stop in force
    there (unless the consulent records why it was agreed with CM)."""
    contract = Contract.objects.actief_op(datum).filter(aanbieder=aanbieder, product=product)
    if not contract.exists():
        raise ValidationError(
            {
                "aanbieder": f"{aanbieder} heeft op {datum:%d-%m-%Y} geen lopend contract voor "
                f"{product.code} (niet gecontracteerd of uitgetreden)."
            }
        )
    stop = geldende_stop(aanbieder=aanbieder, product=product, gemeente=gemeente, datum=datum)
    if stop and not stop_afwijking_reden.strip():
        raise ValidationError(
            {
                "stop_afwijking_reden": f"{aanbieder} heeft een cliëntenstop voor "
                f"{product.code} in {gemeente}. Kies een andere aanbieder, of leg vast "
                "waarom dit met "
                "contractmanagement is afgesproken."
            }
        )


# --------------------------------------------------------------------- capacity


@transaction.atomic
def capaciteit_melden(
    *, actor, aanbieder, product, gemeenten, aantal, vanaf_datum, tot_datum=None, toelichting=""
) -> Capaciteit:
    _namens_aanbieder(actor, aanbieder)
    _controleer_gecontracteerd(aanbieder=aanbieder, product=product, datum=vanaf_datum)
    melding = Capaciteit(
        aanbieder=aanbieder,
        product=product,
        aantal=aantal,
        vanaf_datum=vanaf_datum,
        tot_datum=tot_datum,
        toelichting=toelichting,
    )
    _opslaan(melding, actor=actor, reden="Capaciteit gemeld")
    melding.gemeenten.set(gemeenten)
    return melding


@transaction.atomic
def capaciteit_bijwerken(*, actor, melding: Capaciteit, data: dict) -> Capaciteit:
    _namens_aanbieder(actor, melding.aanbieder)
    melding = Capaciteit.objects.select_for_update().get(pk=melding.pk)
    if melding.ingetrokken_op:
        raise ValidationError("Deze melding is ingetrokken; meld nieuwe capaciteit.")
    gemeenten = data.pop("gemeenten", None)
    _controleer_gecontracteerd(
        aanbieder=melding.aanbieder,
        product=data.get("product", melding.product),
        datum=data.get("vanaf_datum", melding.vanaf_datum),
    )
    for veld in ("product", "aantal", "vanaf_datum", "tot_datum", "toelichting"):
        if veld in data:
            setattr(melding, veld, data[veld])
    melding.bijgewerkt_op = timezone.now()
    _opslaan(melding, actor=actor, reden="Capaciteit bijgewerkt")
    if gemeenten is not None:
        melding.gemeenten.set(gemeenten)
    return melding


@transaction.atomic
def capaciteit_intrekken(*, actor, melding: Capaciteit) -> Capaciteit:
    _namens_aanbieder(actor, melding.aanbieder)
    melding = Capaciteit.objects.select_for_update().get(pk=melding.pk)
    if melding.ingetrokken_op is None:
        melding.ingetrokken_op = timezone.now()
        _opslaan(melding, actor=actor, reden="Capaciteit ingetrokken")
    return melding


# ---------------------------------------------------------------------- signals


@transaction.atomic
def signaal_melden(
    *, actor, client, soort, onderwerp, toelichting, berekende_minuten=None
) -> Aanbiedersignaal:
    from indicaties.models import Client

    if aanbieder_id(actor) is None:
        raise PermissionDenied("Alleen aanbieders melden een signaal over een cliënt.")
    if not Client.objects.visible_to(actor).filter(pk=client.pk).exists():
        raise PermissionDenied("Deze cliënt is niet bij uw organisatie in zorg.")
    signaal = Aanbiedersignaal(
        aanbieder=actor.organisatie,
        client=client,
        consulent=client.consulent,
        soort=soort,
        onderwerp=onderwerp,
        toelichting=toelichting,
        berekende_minuten=berekende_minuten,
        gemeld_door=actor,
    )
    _opslaan(signaal, actor=actor, reden="Signaal gemeld")
    return signaal


@transaction.atomic
def signaal_beantwoorden(*, actor, signaal: Aanbiedersignaal, antwoord: str) -> Aanbiedersignaal:
    if not heeft_sdd_rol(actor, Rol.CONTRACTMANAGER, Rol.CONSULENT):
        raise PermissionDenied("Contractmanagement of de consulent beantwoordt signalen.")
    signaal = Aanbiedersignaal.objects.select_for_update().get(pk=signaal.pk)
    signaal_naar(signaal, SignaalStatus.BEANTWOORD)
    if not antwoord.strip():
        raise ValidationError({"antwoord": "Vul een antwoord in."})
    signaal.antwoord = antwoord
    signaal.beantwoord_door = actor
    signaal.beantwoord_op = timezone.now()
    _opslaan(signaal, actor=actor, reden="Signaal beantwoord")
    return signaal


# ---------------------------------------------------------------------- mandates


def controleer_mandaat_binnen_contract(*, aanbieder, producten, geldig_van, geldig_tot) -> None:
    """A mandate may only cover products the provider takes part in for the whole period:
    from its joining date until its leaving date or the contract's end."""
    for product in producten:
        contracten = Contract.objects.filter(
            aanbieder=aanbieder,
            product=product,
            status__in=[ContractStatus.ACTIEF, ContractStatus.UITGETREDEN],
            toetredingsdatum__lte=geldig_van,
        )
        if geldig_tot is None:
            contracten = contracten.filter(einddatum__isnull=True, uittredingsdatum__isnull=True)
        else:
            contracten = contracten.filter(
                open_of_vanaf("einddatum", geldig_tot),
                open_of_vanaf("uittredingsdatum", geldig_tot, inclusief=False),
            )
        if not contracten.exists():
            raise ValidationError(
                {
                    "geldig_tot" if geldig_tot else "geldig_van": (
                        f"Het mandaat voor {product.code} valt (deels) buiten de periode waarin "
                        f"{aanbieder} aan het contract deelneemt (van toetreding tot uittreding "
                        "of einde contract). Kies een periode daarbinnen."
                    )
                }
            )


@transaction.atomic
def mandaatdocument_toevoegen(*, actor, mandaat, upload, omschrijving: str) -> MandaatDocument:
    content, sha256 = controleer_pdf(upload)
    document = MandaatDocument(
        mandaat=mandaat,
        omschrijving=omschrijving,
        bestandsnaam=upload.name[:255],
        sha256=sha256,
        grootte=len(content),
    )
    document.bestand.save(f"{document.uuid}.pdf", ContentFile(content), save=False)
    _opslaan(document, actor=actor, reden="Mandaatdocument toegevoegd")
    return document
