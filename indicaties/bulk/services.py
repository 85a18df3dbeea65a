"""Checking every row of a bulk list and importing it into meldingen."""

from __future__ import annotations

import hashlib
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from bandbreedte.models import MINUTEN_PER_WEEK_MAX, Product
from sdd_portal.accounts.models import Organisatie, Rol
from sdd_portal.accounts.roles import aanbieder_id, heeft_sdd_rol
from sdd_portal.historie import opslaan
from sdd_portal.validators import bsn_fout, is_valid_bsn

from ..models import Bulklijst, Client, Melding, Toewijzing
from ..states import bulklijst_naar
from .lezen import (
    Tabel,
    bsn_uit_cel,
    celtekst,
    ja_nee_uit_cel,
    kolommen_zoeken,
    lees_bestand,
    lees_upload,
    minuten_uit_cel,
)

PRODUCT_CODE = "HO"
BRON = {
    Bulklijst.Soort.OMZETTING: Melding.Bron.OMZETTING,
    Bulklijst.Soort.WACHTLIJST: Melding.Bron.WACHTLIJST,
}


def _clienten_bij(aanbieder, **filters) -> dict[str, int]:
    """BSN -> client id of clients that have (or had) an assignment at ``aanbieder``."""
    bij_aanbieder = Toewijzing.objects.filter(client_id=OuterRef("pk"), aanbieder=aanbieder)
    return dict(Client.objects.filter(Exists(bij_aanbieder), **filters).values_list("bsn", "pk"))


def _open_meldingen(soort: str, client_ids) -> dict[int, object]:
    """Client id -> date of its open melding from the same kind of list."""
    return dict(
        Melding.objects.open()
        .filter(bron=BRON[soort], client_id__in=client_ids)
        .order_by("-meldingsdatum")
        .values_list("client_id", "meldingsdatum")
    )


def controleer_regels(*, soort: str, aanbieder: Organisatie, tabel: Tabel) -> list[dict]:
    """Check every row; return the report rows. A fixed number of queries."""
    kolom = kolommen_zoeken(tabel.kop, soort)
    omzetting = soort == Bulklijst.Soort.OMZETTING

    def cel(cellen, veld):
        if veld not in kolom or kolom[veld][0] >= len(cellen):
            return None
        return cellen[kolom[veld][0]]

    def bij(nummer, veld, tekst):
        return f"Regel {nummer}, kolom '{kolom[veld][1]}': {tekst}"

    regels = []
    for nummer, cellen in tabel.rijen:
        ruw_bsn, ruw_min, ruw_was = (cel(cellen, v) for v in ("bsn", "minuten", "was_strijk"))
        regel = {
            "regel": nummer,
            "bsn": bsn_uit_cel(ruw_bsn),
            "minuten_invoer": celtekst(ruw_min),
            "was_strijk_invoer": celtekst(ruw_was),
            "minuten": None,
            "was_strijk": None,
            "client_id": None,
            "fouten": [],
        }
        fouten = regel["fouten"]
        bsn = regel["bsn"]
        if not bsn:
            fouten.append(bij(nummer, "bsn", "het BSN ontbreekt."))
        elif not re.fullmatch(r"[0-9]{9}", bsn):
            fouten.append(bij(nummer, "bsn", f"'{bsn}' is geen BSN. {bsn_fout(bsn).messages[0]}"))
        elif not is_valid_bsn(bsn):
            fouten.append(
                bij(nummer, "bsn", f"{bsn} voldoet niet aan de elfproef; controleer de cijfers.")
            )
        if regel["minuten_invoer"]:
            minuten = minuten_uit_cel(ruw_min)
            if minuten is None:
                fouten.append(
                    bij(
                        nummer,
                        "minuten",
                        f"'{regel['minuten_invoer']}' is geen heel aantal minuten per week; "
                        "vul een heel getal in, bijvoorbeeld 150.",
                    )
                )
            elif not 1 <= minuten <= MINUTEN_PER_WEEK_MAX:
                fouten.append(
                    bij(
                        nummer,
                        "minuten",
                        f"{minuten} minuten per week kan niet; het aantal ligt tussen 1 en "
                        f"{MINUTEN_PER_WEEK_MAX} (de minuten van een hele week).",
                    )
                )
            else:
                regel["minuten"] = minuten
        elif omzetting:
            fouten.append(bij(nummer, "minuten", "vul het aantal minuten per week in."))
        if regel["was_strijk_invoer"]:
            regel["was_strijk"] = ja_nee_uit_cel(ruw_was)
            if regel["was_strijk"] is None:
                fouten.append(
                    bij(
                        nummer,
                        "was_strijk",
                        f"'{regel['was_strijk_invoer']}' is geen ja of nee; gebruik ja, nee, "
                        "j, n, 1 of 0.",
                    )
                )
        elif omzetting:
            fouten.append(bij(nummer, "was_strijk", "vul ja of nee in."))
        regels.append(regel)

    geldige_bsns = {r["bsn"] for r in regels if is_valid_bsn(r["bsn"])}
    bekend = _clienten_bij(aanbieder, bsn__in=geldige_bsns) if geldige_bsns else {}
    open_meldingen = _open_meldingen(soort, bekend.values()) if bekend else {}
    per_bsn: dict[str, list[int]] = {}
    for regel in regels:
        per_bsn.setdefault(regel["bsn"], []).append(regel["regel"])
    for regel in regels:
        bsn, nummer = regel["bsn"], regel["regel"]
        if bsn not in geldige_bsns:
            continue
        andere = [str(n) for n in per_bsn[bsn] if n != nummer]
        if andere:
            regel["fouten"].append(
                bij(
                    nummer,
                    "bsn",
                    f"BSN {bsn} staat ook op regel {', '.join(andere)}. Zet elke cliënt één "
                    "keer op de lijst.",
                )
            )
        if bsn not in bekend:
            regel["fouten"].append(
                bij(
                    nummer,
                    "bsn",
                    f"BSN {bsn} is niet bekend als cliënt van {aanbieder.naam}. Alleen cliënten "
                    "met een toewijzing bij deze aanbieder kunnen op de lijst.",
                )
            )
            continue
        regel["client_id"] = bekend[bsn]
        if regel["client_id"] in open_meldingen:
            datum = open_meldingen[regel["client_id"]]
            regel["fouten"].append(
                f"Regel {nummer}: voor deze cliënt loopt al een melding van dit soort lijst "
                f"(gemeld op {datum:%d-%m-%Y}); de SDD behandelt die nog."
            )
    return regels


# ---------------------------------------------------------------------- services


def bulklijsten_zichtbaar(actor):
    """Lists an actor may see (the rule lives in ``BulklijstQuerySet.visible_to``)."""
    return Bulklijst.objects.visible_to(actor)


def _aanbieder_voor(actor, aanbieder) -> Organisatie:
    if aanbieder_id(actor) is not None:
        return actor.organisatie  # a provider's list is always about its own clients
    if not heeft_sdd_rol(actor, Rol.CONTRACTMANAGER):
        raise PermissionDenied("Alleen een aanbieder of contractmanagement levert een lijst aan.")
    if aanbieder is None or aanbieder.soort != Organisatie.Soort.AANBIEDER:
        raise ValidationError({"aanbieder": ["Kies de aanbieder van wie deze lijst komt."]})
    return aanbieder


@transaction.atomic
def bulklijst_controleren(*, actor, soort: str, aanbieder=None, upload) -> Bulklijst:
    """Read and check every row; store the list with its report. Problems with the file
    as a whole (type, size, header) raise a ValidationError and store nothing."""
    aanbieder = _aanbieder_voor(actor, aanbieder)
    if soort not in Bulklijst.Soort.values:
        raise ValidationError({"soort": ["Kies het soort lijst."]})
    inhoud = lees_upload(upload)
    regels = controleer_regels(soort=soort, aanbieder=aanbieder, tabel=lees_bestand(inhoud))
    lijst = Bulklijst(
        soort=soort,
        aanbieder=aanbieder,
        geupload_door=actor,
        bestandsnaam=(getattr(upload, "name", "") or "lijst")[:255],
        sha256=hashlib.sha256(inhoud).hexdigest(),
        regels=regels,
        aantal_fouten=sum(1 for r in regels if r["fouten"]),
    )
    opslaan(lijst, actor=actor, reden="Lijst geüpload en gecontroleerd")
    return lijst


@transaction.atomic
def bulklijst_importeren(*, actor, lijst: Bulklijst, alleen_geldige: bool) -> int:
    """Register a melding for every valid row, all or nothing; a list is imported once.
    With findings in the list, only when the user explicitly chose the valid rows."""
    if not bulklijsten_zichtbaar(actor).filter(pk=lijst.pk).exists():
        raise PermissionDenied("U kunt deze lijst niet importeren.")
    lijst = Bulklijst.objects.select_for_update().get(pk=lijst.pk)
    if lijst.status == Bulklijst.Status.GEIMPORTEERD:
        op = timezone.localtime(lijst.geimporteerd_op)
        raise ValidationError(
            f"Deze lijst is al geïmporteerd op {op:%d-%m-%Y om %H:%M}. Een lijst wordt maar "
            "één keer geïmporteerd."
        )
    if lijst.status != Bulklijst.Status.GECONTROLEERD:
        raise ValidationError("Deze lijst is geannuleerd en kan niet meer worden geïmporteerd.")
    geldig = [r for r in lijst.regels if not r["fouten"]]
    if lijst.aantal_fouten and not alleen_geldige:
        raise ValidationError(
            f"{lijst.aantal_fouten} regel(s) hebben een fout; er is niets geïmporteerd. "
            "Verbeter de lijst en upload haar opnieuw, of kies uitdrukkelijk om alleen de "
            f"{len(geldig)} geldige regel(s) te importeren."
        )
    if not geldig:
        raise ValidationError("Geen enkele regel is goed; er valt niets te importeren.")
    product = Product.objects.filter(code=PRODUCT_CODE).first()
    if product is None:
        raise ValidationError(
            f"Het product {PRODUCT_CODE} staat niet in het portaal; vraag de functioneel "
            "beheerder het toe te voegen."
        )
    ids = sorted({r["client_id"] for r in geldig})
    # Lock the clients (in id order) so two lists cannot open a melding for the same client
    # at once, then check again what may have changed since the report.
    clienten = {
        c.pk: c for c in Client.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    }
    bekend = set(_clienten_bij(lijst.aanbieder, pk__in=ids).values())
    open_meldingen = _open_meldingen(lijst.soort, ids)
    veranderd = [
        str(r["regel"])
        for r in geldig
        if r["client_id"] not in bekend or r["client_id"] in open_meldingen
    ]
    if veranderd:
        raise ValidationError(
            f"Sinds de controle is er iets veranderd bij regel {', '.join(veranderd)}: de cliënt "
            "is niet meer bekend bij de aanbieder of heeft inmiddels een open melding. Er is "
            "niets geïmporteerd; upload de lijst opnieuw voor een nieuw verslag."
        )
    # One insert for all rows (a 5,000-row list would otherwise take a minute): every rule
    # melding_registreren applies was checked above, per row, under the client locks.
    # bulk_create writes no history, so the history rows are written explicitly.
    vandaag = timezone.localdate()
    meldingen = []
    for regel in geldig:
        client = clienten[regel["client_id"]]
        meldingen.append(
            Melding(
                client=client,
                product=product,
                meldingsdatum=vandaag,
                omschrijving=(
                    f"Aangeleverd met lijst '{lijst.bestandsnaam}', regel {regel['regel']}."
                ),
                bron=BRON[lijst.soort],
                aanbieder=lijst.aanbieder,
                opgegeven_minuten=regel["minuten"],
                opgegeven_was_strijk=regel["was_strijk"],
                consulent_id=client.consulent_id,
            )
        )
        regel["geimporteerd"] = True
    Melding.objects.bulk_create(meldingen, batch_size=1000)
    Melding.history.bulk_history_create(
        meldingen,
        batch_size=1000,
        default_user=actor,
        default_change_reason=f"Melding geregistreerd ({BRON[lijst.soort]}, lijst)",
    )
    bulklijst_naar(lijst, Bulklijst.Status.GEIMPORTEERD)
    lijst.aantal_geimporteerd = len(geldig)
    lijst.geimporteerd_op = timezone.now()
    reden = "Lijst geïmporteerd" + (" (alleen geldige regels)" if lijst.aantal_fouten else "")
    opslaan(lijst, actor=actor, reden=reden)
    return len(geldig)


def voorbeeld_csv(soort: str) -> str:
    """An example list with test BSNs (999999990 and 999999989 are not real people)."""
    if soort == Bulklijst.Soort.OMZETTING:
        return "bsn;minuten per week;was/strijk\r\n999999990;150;ja\r\n999999989;90;nee\r\n"
    return "bsn;minuten per week;was/strijk\r\n999999990;;\r\n999999989;120;ja\r\n"
