"""Outgoing: the WMO301 per client and provider, by the standard's rules (ADR 0017).

``toewijzingen_versturen`` is called by a task after every committed change to an
assignment (``keten.apps``). It compares each assignment with what the provider was last
told (its latest ``ToewijzingVersie``) and, when anything differs, writes one 301 with:

- OP087: every assignment of that client at that provider valid on or after today, plus
  every assignment changed since the previous 301 (an ended or deleted one the provider
  has not heard of yet);
- per assignment: a new version (Toewijzingsdatum/-tijd now, the assignment's
  RedenWijziging) when it changed or was never sent; otherwise its latest version repeated
  as it was (OP033x1: the most recent Toewijzingsdatum/-tijd decides);
- TR056: an identification from a database sequence, never reused, also not on a retry.

The message is checked (XSD, the official stylesheet, OP087 against the previous 301) before
it is stored; a message that fails is stored with status "fout" and its findings, and nothing
is placed in the export folder. The file is placed after commit.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.db import connection, transaction
from django.utils import timezone

from indicaties.models import Client, Toewijzing
from indicaties.termijnen import werkdagen_na
from sdd_portal import wachtrij
from sdd_portal.accounts.models import Organisatie

from .iwmo.bouwen import bouw_301, lees_301
from .iwmo.gegevens import Bericht301, Clientgegevens, Kop, ToegewezenProduct
from .iwmo.reeks import op087, tr056
from .iwmo.regels import Bevinding, controleer
from .models import Bericht, Berichtcode, BerichtStatus, Richting, ToewijzingVersie
from .transport import transport

logger = logging.getLogger(__name__)

#: OP090: the provider answers a 301 with a 302 within three working days.
RETOUR_WERKDAGEN = 3
#: When the export folder could not be written: try again after this many seconds.
OPNIEUW_NA_SECONDEN = 300
#: The database sequence the 301 identifications come from (migration keten 0002).
SEQUENTIE_301 = "keten_bericht_301_identificatie"

#: What the provider is told about an assignment; a difference from the latest version is a
#: change that needs a new version.
Inhoud = tuple[date, date | None, str, str, str, int | None, str, str]


def _inhoud_toewijzing(t: Toewijzing) -> Inhoud:
    return (
        t.ingangsdatum,
        t.einddatum,
        t.reden_wijziging,
        t.product.productcategorie,
        t.product.productcode,
        t.volume,
        t.eenheid,
        t.frequentie,
    )


def _inhoud_versie(v: ToewijzingVersie) -> Inhoud:
    return (
        v.ingangsdatum,
        v.einddatum,
        v.reden_wijziging,
        v.productcategorie,
        v.productcode,
        v.volume,
        v.eenheid,
        v.frequentie,
    )


@dataclass(frozen=True)
class Regel301:
    """One assignment in the message to be: the product as told, and whether it is new."""

    toewijzing: Toewijzing
    product: ToegewezenProduct
    gewijzigd: bool


def _vergrendelen(client_id: int, aanbieder_id: int) -> None:
    """One 301 at a time per client and provider (held until the transaction ends)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
            [f"keten.301:{client_id}:{aanbieder_id}"],
        )


def volgende_identificatie() -> str:
    """TR056: the next 301 identification. A sequence is outside the transaction: a number
    once taken is never handed out again, also when the message is rolled back or retried."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(%s)", [SEQUENTIE_301])
        (nummer,) = cursor.fetchone()
    identificatie = str(nummer)
    if len(identificatie) > 12:  # LDT_IdentificatieBericht
        raise OverflowError("De berichtidentificatie past niet meer in 12 posities.")
    return identificatie


def _laatste_versies(toewijzing_ids: list[int]) -> dict[int, ToewijzingVersie]:
    versies = (
        ToewijzingVersie.objects.filter(toewijzing_id__in=toewijzing_ids)
        .order_by("toewijzing_id", "-vastgesteld_op", "-id")
        .distinct("toewijzing_id")
    )
    return {v.toewijzing_id: v for v in versies}


def regels_301(*, client_id: int, aanbieder_id: int, vandaag: date, nu: datetime) -> list[Regel301]:
    """OP087: the assignments a 301 written now must carry, oldest number first, each as it
    will be told. Taakgericht products and orders to write a plan are never sent."""
    kandidaten = list(
        Toewijzing.objects.voor_keten()
        .filter(client_id=client_id, aanbieder_id=aanbieder_id)
        .select_related("product")
        .order_by("pk")
    )
    laatste = _laatste_versies([t.pk for t in kandidaten])
    regels = []
    for t in kandidaten:
        vorige = laatste.get(t.pk)
        gewijzigd = vorige is None or _inhoud_versie(vorige) != _inhoud_toewijzing(t)
        geldig = (t.einddatum is None or t.einddatum >= vandaag) and not t.is_verwijderd
        if vorige is None and not geldig:
            continue  # ended or deleted before the provider ever heard of it
        if not geldig and not gewijzigd:
            continue  # in the past, and the provider knows its last state
        if gewijzigd:
            # Later than anything told before about this assignment, to the second.
            vastgesteld = nu if vorige is None else max(nu, vorige.vastgesteld_op + _SECONDE)
            reden = t.reden_wijziging
        else:
            assert vorige is not None
            vastgesteld, reden = vorige.vastgesteld_op, vorige.reden_wijziging
        regels.append(
            Regel301(
                toewijzing=t,
                gewijzigd=gewijzigd,
                product=ToegewezenProduct(
                    toewijzingnummer=t.pk,
                    productcategorie=t.product.productcategorie,
                    productcode=t.product.productcode,
                    vastgesteld_op=timezone.localtime(vastgesteld),
                    ingangsdatum=t.ingangsdatum,
                    einddatum=t.einddatum,
                    reden_wijziging=reden,
                    volume=t.volume,
                    eenheid=t.eenheid,
                    frequentie=t.frequentie,
                ),
            )
        )
    return regels


_SECONDE = timedelta(seconds=1)


def _clientgegevens(client: Client) -> Clientgegevens:
    return Clientgegevens(
        bsn=client.bsn,
        geboortedatum=client.geboortedatum,
        achternaam=client.achternaam,
        voorvoegsel=client.voorvoegsel,
        voornamen=client.voornamen,
        straat=client.straat,
        huisnummer=client.huisnummer,
        huisnummertoevoeging=client.huisnummertoevoeging,
        postcode=client.postcode,
        woonplaats=client.woonplaats,
        telefoon=client.telefoon,
        email=client.email,
    )


def vorige_301(client_id: int, aanbieder_id: int) -> Bericht | None:
    """The previous 301 this client and provider were sent (not one that failed the rules)."""
    return (
        Bericht.objects.filter(
            berichtcode=Berichtcode.WMO301,
            richting=Richting.UIT,
            client_id=client_id,
            aanbieder_id=aanbieder_id,
        )
        .exclude(status=BerichtStatus.FOUT)
        .order_by("-created_at", "-id")
        .first()
    )


def controleren(xml: bytes, bericht: Bericht301, vorig: Bericht | None) -> list[Bevinding]:
    """Every rule the 301 breaks: XSD and the official stylesheet, TR056 against the
    sender's earlier 301 identifications, OP087 against the previous 301 of this client and
    provider (as it was sent, read back from its XML)."""
    kop = bericht.kop
    eerder = Bericht.objects.filter(
        afzender=kop.afzender,
        berichtcode=Berichtcode.WMO301,
        richting=Richting.UIT,
        identificatie=kop.identificatie,
    ).values_list("identificatie", flat=True)
    bevindingen = [
        *controleer(xml, Berichtcode.WMO301).bevindingen,
        *tr056(kop.identificatie, eerder),
    ]
    if vorig is not None:
        # ValueError: the client's BSN or the provider's AGB code changed: no series to compare.
        with contextlib.suppress(ValueError):
            bevindingen += op087(bericht, lees_301(bytes(vorig.xml)))
    return bevindingen


def bestandsnaam_301(afzender: str, identificatie: str) -> str:
    return f"WMO301_{afzender}_{identificatie}.xml"


def toewijzingen_versturen(client_id: int, aanbieder_id: int) -> Bericht | None:
    """Write the 301 for this client and provider if anything changed since the previous
    one; returns the stored message (status klaargezet, or fout when it broke a rule), or
    None when the provider already knows everything. One transaction; the file is placed
    in the export folder after commit."""
    with transaction.atomic():
        _vergrendelen(client_id, aanbieder_id)
        nu = timezone.now().replace(microsecond=0)
        vandaag = timezone.localdate(nu)
        regels = regels_301(client_id=client_id, aanbieder_id=aanbieder_id, vandaag=vandaag, nu=nu)
        if not any(r.gewijzigd for r in regels):
            return None
        client = Client.objects.select_related("gemeente").get(pk=client_id)
        aanbieder = Organisatie.objects.get(pk=aanbieder_id)
        kop = Kop(
            berichtcode=Berichtcode.WMO301,
            afzender=client.gemeente.code,
            ontvanger=aanbieder.agb_code,
            identificatie=volgende_identificatie(),
            dagtekening=vandaag,
        )
        inhoud = Bericht301(
            kop=kop, client=_clientgegevens(client), producten=tuple(r.product for r in regels)
        )
        xml = bouw_301(inhoud)
        bevindingen = controleren(xml, inhoud, vorige_301(client_id, aanbieder_id))
        bericht = Bericht.objects.create(
            berichtcode=Berichtcode.WMO301,
            richting=Richting.UIT,
            status=BerichtStatus.FOUT if bevindingen else BerichtStatus.KLAARGEZET,
            afzender=kop.afzender,
            ontvanger=kop.ontvanger,
            identificatie=kop.identificatie,
            dagtekening=vandaag,
            aanbieder=aanbieder,
            client=client,
            xml=xml,
            sha256=hashlib.sha256(xml).hexdigest(),
            bestandsnaam=bestandsnaam_301(kop.afzender, kop.identificatie),
            termijn=None if bevindingen else werkdagen_na(vandaag, RETOUR_WERKDAGEN),
            fouten=[{"code": b.code, "tekst": b.tekst, "locatie": b.locatie} for b in bevindingen],
        )
        if bevindingen:
            logger.error(
                "WMO301 %s voor cliënt %s en aanbieder %s voldoet niet aan de regels (%s); "
                "niet klaargezet.",
                bericht.identificatie,
                client_id,
                aanbieder_id,
                ", ".join(sorted({b.code for b in bevindingen})),
            )
            return bericht
        ToewijzingVersie.objects.bulk_create(
            [
                ToewijzingVersie(
                    toewijzing=r.toewijzing,
                    bericht=bericht,
                    toewijzingnummer=r.product.toewijzingnummer,
                    vastgesteld_op=r.product.vastgesteld_op,
                    ingangsdatum=r.product.ingangsdatum,
                    einddatum=r.product.einddatum,
                    reden_wijziging=r.product.reden_wijziging,
                    productcategorie=r.product.productcategorie,
                    productcode=r.product.productcode,
                    volume=r.product.volume,
                    eenheid=r.product.eenheid,
                    frequentie=r.product.frequentie,
                )
                for r in regels
            ]
        )
        transaction.on_commit(partial(klaarzetten, bericht.pk))
    return bericht


def klaarzetten(bericht_id: int) -> None:
    """Place a committed 301 in the export folder. When that fails the provider was told
    nothing: the message becomes "fout", its versions go, and the task is queued again in
    five minutes, which writes the 301 anew with a new identification (TR056)."""
    from .tasks import toewijzingen_versturen_taak

    bericht = Bericht.objects.get(pk=bericht_id)
    try:
        transport().klaarzetten(bericht.bestandsnaam, bytes(bericht.xml))
    except OSError as exc:
        logger.error("WMO301 %s niet klaargezet: %s", bericht.identificatie, exc)
        with transaction.atomic():
            wachtrij.plaats(
                toewijzingen_versturen_taak,
                bericht.client_id,
                bericht.aanbieder_id,
                countdown=OPNIEUW_NA_SECONDEN,
            )
            ToewijzingVersie.objects.filter(bericht_id=bericht_id).delete()
            Bericht.objects.filter(pk=bericht_id).update(
                status=BerichtStatus.FOUT,
                termijn=None,
                fouten=[
                    {
                        "code": "TRANSPORT",
                        "tekst": f"Het bestand kon niet in de exportmap worden gezet: {exc}",
                        "locatie": bericht.bestandsnaam,
                    }
                ],
            )
