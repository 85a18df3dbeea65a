"""Incoming iWmo messages: the retour 302 on our 301, and the provider's start (305) and stop
(307) of care, each answered with its own retour (306/308). See docs/adr/0018.

``verwerk_bestand(naam, xml)`` handles one file in one transaction and never raises on bad
input:

1. The same bytes read twice are one message (the store's unique SHA-256 for incoming
   messages): a worker that died between storing a file and moving it costs nothing.
2. Unreadable (not XML, not iWmo 3.2, a type we never receive): stored with status ``fout``
   and its finding; the pick-up task moves the file to ``mislukt/`` (OP090x2: the sender is
   told outside the message traffic).
3. Validation before anything is touched: XSD and the official stylesheet (``controleer``),
   then the header: the sender's AGB code is a known provider, the receiver one of our
   municipalities, the date not in the future (TR135), the identification new for that
   sender (TR056). A refused message is stored ``afgekeurd`` with its findings, changes
   nothing else, and still gets its retour with 0001 at the header.
4. Per product: the link to an assignment of this provider for this client by its
   ToewijzingNummer (TR019), then the domain's own services (``start_zorg_melden``,
   ``stop_zorg_melden``, ``zorgmelding_intrekken``, with ``bron="iwmo"``) inside a savepoint;
   the rule a service refuses by (TR326, TR069, TR413-TR415, TR071, TR074, TR063) becomes
   the product's retour code. A start the provider already reported in the portal with the
   same date is the same fact, not a second one.
5. The retour is built from the incoming message (``bouw_retour``), stored (richting uit,
   ``heenbericht`` = the incoming message, klaargezet) and placed in the export folder after
   commit.

A 302 is linked to our 301 (by its identification and the provider), sets the 301's status
to ``retour_ok`` or ``retour_fouten`` and stores its codes per level (``Retourcode``).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from indicaties import services as domein
from indicaties.models import Client, Gemeente, Toewijzing, Zorgmelding
from sdd_portal.accounts.models import Organisatie
from sdd_portal.historie import opslaan

from .iwmo.bouwen import berichtsoort, bouw_retour, lees_305, lees_307, lees_retour
from .iwmo.gegevens import Bericht305, Bericht307, Retour, StartProduct, StopProduct
from .iwmo.regels import controleer, verdeel_retourcodes
from .iwmo.retourcodes import AFGEKEURD, GOEDGEKEURD, retourcode_tekst
from .iwmo.veilig import BerichtOnleesbaar
from .models import RETOUR_VAN, Bericht, Berichtcode, BerichtStatus, Retourcode, Richting
from .transport import transport

logger = logging.getLogger(__name__)

BRON = Zorgmelding.Bron.IWMO
NIEUW, VERWIJDEREN = "1", "3"  # COD467 StatusAanlevering
NIET_BEOORDEELD = "0233"  # WJ001: the class was not judged (the header refused the message)

#: The rule a domain service refuses by -> the WJ001 retour code of that rule.
RETOURCODE_VAN_REGEL = {
    "TR019": "9019",
    "TR063": "9063",
    "TR069": "9069",
    "TR071": "9071",
    "TR074": "9074",
    "TR326": "9326",
    "TR413": "9413",
    "TR414": "9414",
    "TR415": "9415",
}


@dataclass
class _Oordeel:
    """What the checks said: findings (code, text) and the retour codes per level."""

    bevindingen: list[dict] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    client: list[str] = field(default_factory=list)
    producten: dict[int, list[str]] = field(default_factory=dict)  # by 0-based position

    def bericht_fout(self, code: str, tekst: str, retourcode: str = AFGEKEURD) -> None:
        self.bevindingen.append({"code": code, "tekst": tekst, "retourcode": retourcode})
        for c in (AFGEKEURD, retourcode):
            if c not in self.header:
                self.header.append(c)

    def product_fout(self, positie: int, code: str, tekst: str, retourcode: str) -> None:
        self.bevindingen.append(
            {"code": code, "tekst": tekst, "retourcode": retourcode, "product": positie + 1}
        )
        self.producten.setdefault(positie, [])
        if retourcode not in self.producten[positie]:
            self.producten[positie].append(retourcode)

    @property
    def afgekeurd(self) -> bool:
        return bool(self.header)


class Geheugen:
    """Lookups the files of one pick-up run share: providers by AGB code and our
    municipality codes (a handful of rows, read once per run instead of once per file)."""

    def __init__(self, *, partij: bool = False) -> None:
        self._aanbieders: dict[str, Organisatie | None] = {}
        self._gemeenten: set[str] | None = None
        #: ``partij``: the caller applies several files in one transaction and places their
        #: retours together after it commits (``retours_plaatsen``); otherwise each retour is
        #: placed on its own right after its commit.
        self.te_plaatsen: list[tuple[int, str, bytes]] | None = [] if partij else None
        #: SHA-256s of this batch known not to be stored yet (one query for the batch, see
        #: ``nieuw_in_partij``); each is used once, a file read twice is looked up again.
        self.nieuwe_sha: set[str] = set()

    def nieuw_in_partij(self, inhouden: list[bytes]) -> None:
        """Look up the batch's files in the store at once instead of one by one. A file
        another worker stores in the meantime still meets the unique SHA-256 on insert."""
        shas = {_sha(xml) for xml in inhouden}
        bekend = set(
            Bericht.objects.filter(richting=Richting.IN, sha256__in=shas).values_list(
                "sha256", flat=True
            )
        )
        self.nieuwe_sha = shas - bekend

    def aanbieder(self, agb: str) -> Organisatie | None:
        if agb not in self._aanbieders:
            self._aanbieders[agb] = (
                Organisatie.objects.aanbieders().filter(agb_code=agb).first() if agb else None
            )
        return self._aanbieders[agb]

    def is_gemeente(self, code: str) -> bool:
        if self._gemeenten is None:
            self._gemeenten = set(Gemeente.objects.values_list("code", flat=True))
        return code in self._gemeenten


def _sha(xml: bytes) -> str:
    return hashlib.sha256(xml).hexdigest()


def verwerk_bestand(naam: str, xml: bytes, *, geheugen: Geheugen | None = None) -> Bericht:
    """Store and apply one incoming file; the stored message (``status`` says how it went).
    ``geheugen``: lookups shared with the other files of the same run."""
    geheugen = geheugen or Geheugen()
    sha = _sha(xml)
    if sha in geheugen.nieuwe_sha:
        geheugen.nieuwe_sha.discard(sha)
        bestaand = None
    else:
        bestaand = Bericht.objects.filter(richting=Richting.IN, sha256=sha).first()
    if bestaand is not None:
        # Read before (a worker died before moving the file): exactly once; only a retour
        # that was stored but never placed (it died right after the commit) goes out now.
        _niet_geplaatste_retour_plaatsen(bestaand)
        return bestaand
    try:
        with transaction.atomic():
            return _verwerk(naam, xml, sha, geheugen)
    except IntegrityError:
        # Another worker stored the same bytes at the same moment.
        bestaand = Bericht.objects.filter(richting=Richting.IN, sha256=sha).first()
        if bestaand is None:
            raise
        return bestaand


def _verwerk(naam: str, xml: bytes, sha: str, geheugen: Geheugen) -> Bericht:
    try:
        soort = berichtsoort(xml)
        if soort == "302":
            return _verwerk_302(naam, xml, sha, geheugen)
        if soort == "305":
            return _verwerk_levering(naam, xml, sha, lees_305(xml), geheugen)
        if soort == "307":
            return _verwerk_levering(naam, xml, sha, lees_307(xml), geheugen)
        raise BerichtOnleesbaar(
            f"Een WMO{soort}-bericht ontvangt het portaal niet; alleen 302, 305 en 307."
        )
    except BerichtOnleesbaar as exc:
        return _onleesbaar(naam, xml, sha, str(exc))


def _onleesbaar(naam: str, xml: bytes, sha: str, tekst: str) -> Bericht:
    logger.warning("iWmo-bestand %s onleesbaar: %s", naam, tekst)
    bericht = Bericht(
        berichtcode="",
        richting=Richting.IN,
        status=BerichtStatus.FOUT,
        afzender="",
        ontvanger="",
        identificatie=sha[:12],  # no identification to read: unique by content
        dagtekening=timezone.localdate(),
        xml=xml,
        sha256=sha,
        bestandsnaam=naam[:255],
        fouten=[{"code": "ONLEESBAAR", "tekst": tekst}],
        verwerkt_op=timezone.now(),
    )
    return opslaan(bericht, actor=None, reden="iWmo-bestand onleesbaar", valideren=False)


def _controle(xml: bytes, soort: str, oordeel: _Oordeel, *, heel: bool = False) -> bool:
    """XSD and the official stylesheet. Each finding's retour code goes to the level its
    location names (``verdeel_retourcodes``): a finding at the header or the client refuses
    the whole message (0001 at the header); one that names only a product refuses that
    product, and the others are still applied. ``heel``: any finding refuses the whole
    message (a retour 302 has no products of ours to apply one by one).

    False when the message breaks its schema: a retour would repeat it and break the schema
    as well, so that one is reported outside the message traffic (OP090x2), not answered."""
    bevindingen = controleer(xml, soort).bevindingen
    if not bevindingen:
        return True
    xsd = any(b.code == "XSD" for b in bevindingen)
    codes = verdeel_retourcodes(bevindingen)
    for b in bevindingen:
        oordeel.bevindingen.append(
            {
                "code": b.code,
                "tekst": f"{b.tekst} ({b.locatie})" if b.locatie else b.tekst,
                "retourcode": b.retourcode or AFGEKEURD,
            }
        )
    if heel or xsd or codes["header_codes"] or codes["client_codes"]:
        for c in (AFGEKEURD, *codes["header_codes"]):
            if c not in oordeel.header:
                oordeel.header.append(c)
        oordeel.client.extend(c for c in codes["client_codes"] if c not in oordeel.client)
    for positie, product_codes in codes["product_codes"].items():
        lijst = oordeel.producten.setdefault(positie, [])
        lijst.extend(c for c in product_codes if c not in lijst)
    return not xsd


def _kop_controle(kop, oordeel: _Oordeel, geheugen: Geheugen) -> Organisatie | None:
    """The header: a known provider sends to one of our municipalities, dated today or
    earlier, with an identification it has not used before (TR056)."""
    aanbieder = geheugen.aanbieder(kop.afzender)
    if aanbieder is None:
        oordeel.bericht_fout(
            "afzender",
            f"De afzender (AGB-code {kop.afzender or '(leeg)'}) is geen bekende zorgaanbieder.",
        )
    if not geheugen.is_gemeente(kop.ontvanger):
        oordeel.bericht_fout(
            "TR378", f"De ontvanger (gemeentecode {kop.ontvanger}) is niet onze gemeente.", "S300"
        )
    if kop.dagtekening > timezone.localdate():
        oordeel.bericht_fout("TR135", "De dagtekening ligt na vandaag.", "8848")
    dubbel = Bericht.objects.filter(
        richting=Richting.IN,
        afzender=kop.afzender,
        berichtcode=kop.berichtcode,
        identificatie=kop.identificatie,
    ).exclude(status=BerichtStatus.AFGEKEURD)
    if dubbel.exists():
        oordeel.bericht_fout(
            "TR056",
            f"De berichtidentificatie {kop.identificatie} is door deze afzender al eerder "
            "gebruikt.",
            "9056",
        )
    return aanbieder


def _nieuw_bericht(naam, xml, sha, kop, *, aanbieder, client) -> Bericht:
    return Bericht(
        berichtcode=kop.berichtcode,
        richting=Richting.IN,
        afzender=kop.afzender[:8],
        ontvanger=kop.ontvanger[:8],
        identificatie=kop.identificatie[:12],
        dagtekening=kop.dagtekening,
        aanbieder=aanbieder,
        client=client,
        xml=xml,
        sha256=sha,
        bestandsnaam=naam[:255],
        verwerkt_op=timezone.now(),
    )


# ------------------------------------------------------------------ 305 and 307


def _verwerk_levering(
    naam: str, xml: bytes, sha: str, data: Bericht305 | Bericht307, geheugen: Geheugen
) -> Bericht:
    kop = data.kop
    oordeel = _Oordeel()
    beantwoorden = _controle(xml, kop.berichtcode, oordeel)
    door_regels_geweigerd = set(oordeel.producten)  # products the stylesheet refused
    aanbieder = _kop_controle(kop, oordeel, geheugen)
    gevonden = _gevonden_toewijzingen(data, aanbieder) if not oordeel.afgekeurd else {}
    # The client comes with its assignments (one query less per message); only a message
    # without one of ours looks the client up by itself.
    client = next(iter(gevonden.values())).client if gevonden else None
    if client is None:
        client = Client.objects.filter(bsn=data.bsn).first()
    bericht = _nieuw_bericht(naam, xml, sha, kop, aanbieder=aanbieder, client=client)
    toewijzingen: dict[int, Toewijzing] = {}
    if not oordeel.afgekeurd:
        toewijzingen = _toewijzingen(data, gevonden, client, oordeel)
    bericht.status = BerichtStatus.AFGEKEURD if oordeel.afgekeurd else BerichtStatus.VERWERKT
    bericht.fouten = oordeel.bevindingen
    opslaan(
        bericht,
        actor=None,
        reden=f"WMO{kop.berichtcode} {kop.identificatie} ontvangen",
        valideren=False,
    )
    if not oordeel.afgekeurd:
        for positie, product in enumerate(_producten(data)):
            if positie in toewijzingen and positie not in door_regels_geweigerd:
                _toepassen(product, toewijzingen[positie], kop.identificatie, positie, oordeel)
        if oordeel.bevindingen:
            bericht.fouten = oordeel.bevindingen
            bericht.save(update_fields=["fouten"])
    if beantwoorden:
        _retour_versturen(
            bericht,
            oordeel,
            aantal=len(data.producten),
            toewijzingen=toewijzingen,
            geheugen=geheugen,
        )
    else:
        logger.warning(
            "WMO%s %s van %s breekt het XSD-schema: geen retour, meld het de aanbieder",
            kop.berichtcode,
            kop.identificatie,
            kop.afzender,
        )
    return bericht


def _producten(data: Bericht305 | Bericht307) -> tuple[StartProduct | StopProduct, ...]:
    return data.producten


def _gevonden_toewijzingen(
    data: Bericht305 | Bericht307, aanbieder: Organisatie | None
) -> dict[int, Toewijzing]:
    """The assignments the products name that belong to this provider and this client."""
    if aanbieder is None:
        return {}
    nummers = {p.toewijzingnummer for p in data.producten if p.toewijzingnummer is not None}
    if not nummers:
        return {}
    return {
        t.pk: t
        for t in Toewijzing.objects.filter(
            pk__in=nummers, aanbieder=aanbieder, client__bsn=data.bsn
        ).select_related("beschikking", "client")
    }


def _toewijzingen(
    data: Bericht305 | Bericht307,
    gevonden: dict[int, Toewijzing],
    client: Client | None,
    oordeel: _Oordeel,
) -> dict[int, Toewijzing]:
    """TR019: each product names an assignment of this provider for this client."""
    producten = _producten(data)
    resultaat = {}
    for positie, product in enumerate(producten):
        toewijzing = gevonden.get(product.toewijzingnummer or -1)
        if toewijzing is None or client is None:
            oordeel.product_fout(
                positie,
                "TR019",
                f"Toewijzingnummer {product.toewijzingnummer or '(leeg)'} hoort niet bij een "
                "toewijzing aan deze aanbieder voor deze cliënt.",
                "9019",
            )
        else:
            resultaat[positie] = toewijzing
    return resultaat


def _toepassen(
    product: StartProduct | StopProduct,
    toewijzing: Toewijzing,
    identificatie: str,
    positie: int,
    oordeel: _Oordeel,
) -> None:
    """Apply one product through the domain's services, in a savepoint: a refusal becomes
    the product's retour code and leaves the other products alone."""
    try:
        with transaction.atomic():
            if product.status_aanlevering == NIEUW:
                if isinstance(product, StopProduct):
                    domein.stop_zorg_melden(
                        actor=None,
                        toewijzing=toewijzing,
                        einddatum=product.einddatum,
                        reden_beeindiging=product.reden_beeindiging,
                        begindatum=product.begindatum,
                        bron=BRON,
                        bericht=identificatie,
                    )
                else:
                    domein.start_zorg_melden(
                        actor=None,
                        toewijzing=toewijzing,
                        datum=product.begindatum,
                        bron=BRON,
                        bericht=identificatie,
                    )
            elif product.status_aanlevering == VERWIJDEREN:
                melding = _eerdere_melding(product, toewijzing)
                if melding is None:
                    raise ValidationError(
                        {
                            "status_aanlevering": ValidationError(
                                "Er is geen eerdere aanlevering met dezelfde sleutel om te "
                                "verwijderen.",
                                code="TR063",
                            )
                        }
                    )
                domein.zorgmelding_intrekken(
                    actor=None, zorgmelding=melding, bron=BRON, bericht=identificatie
                )
            else:
                raise ValidationError(
                    {
                        "status_aanlevering": ValidationError(
                            f"StatusAanlevering {product.status_aanlevering} is hier niet "
                            "toegestaan (1 of 3).",
                            code="COD467",
                        )
                    }
                )
    except ValidationError as exc:
        for fouten in exc.error_dict.values() if hasattr(exc, "error_dict") else [exc.error_list]:
            for fout in fouten:
                tekst = " ".join(fout.messages)
                code = fout.code or "domein"
                oordeel.product_fout(
                    positie, code, tekst, RETOURCODE_VAN_REGEL.get(code, AFGEKEURD)
                )
    except PermissionDenied as exc:  # cannot happen with actor None, but never a 500
        oordeel.product_fout(positie, "TR019", str(exc), "9019")


def _eerdere_melding(product: StartProduct | StopProduct, toewijzing: Toewijzing):
    """TR063: the earlier report with the same key that a StatusAanlevering 3 removes."""
    qs = Zorgmelding.objects.filter(
        toewijzing=toewijzing, begindatum=product.begindatum, verwijderd_op__isnull=True
    )
    if isinstance(product, StopProduct):
        qs = qs.filter(
            soort=Zorgmelding.Soort.STOP,
            einddatum=product.einddatum,
            reden_beeindiging=product.reden_beeindiging,
        )
    else:
        qs = qs.filter(soort=Zorgmelding.Soort.START)
    return qs.order_by("-created_at").first()


# ------------------------------------------------------------------ our retour 306/308


def retour_identificatie(bericht: Bericht) -> str:
    """Our identification for the retour on incoming message ``bericht``: unique per
    retour type for us (TR056), as the incoming message's key is unique."""
    return f"R{bericht.pk:011d}"[-12:]


def _retour_versturen(
    bericht: Bericht,
    oordeel: _Oordeel,
    *,
    aantal: int,
    toewijzingen: dict[int, Toewijzing],
    geheugen: Geheugen,
) -> Bericht:
    code = RETOUR_VAN[Berichtcode(bericht.berichtcode)]
    identificatie = retour_identificatie(bericht)
    vandaag = timezone.localdate()
    header = tuple(oordeel.header) or (GOEDGEKEURD,)
    producten = {
        i: tuple(
            oordeel.producten.get(i) or ([NIET_BEOORDEELD] if oordeel.afgekeurd else [GOEDGEKEURD])
        )
        for i in range(aantal)
    }
    xml = bouw_retour(
        bytes(bericht.xml),
        identificatie=identificatie,
        dagtekening=vandaag,
        header_codes=header,
        client_codes=tuple(oordeel.client) or ((NIET_BEOORDEELD,) if oordeel.afgekeurd else ()),
        product_codes=producten,
    )
    retour = opslaan(
        Bericht(
            berichtcode=code,
            richting=Richting.UIT,
            status=BerichtStatus.KLAARGEZET,
            afzender=bericht.ontvanger,
            ontvanger=bericht.afzender,
            identificatie=identificatie,
            dagtekening=vandaag,
            aanbieder=bericht.aanbieder,
            client=bericht.client,
            xml=xml,
            sha256=_sha(xml),
            bestandsnaam=f"WMO{code}_{bericht.ontvanger}_{identificatie}.xml",
            heenbericht=bericht,
        ),
        actor=None,
        reden=f"Retour op WMO{bericht.berichtcode} {bericht.identificatie}",
        valideren=False,
    )
    rijen = [Retourcode(bericht=retour, code=c, niveau=Retourcode.Niveau.HEADER) for c in header]
    for i, codes in producten.items():
        toewijzing = toewijzingen.get(i)
        rijen += [
            Retourcode(
                bericht=retour,
                code=c,
                niveau=Retourcode.Niveau.PRODUCT,
                toewijzingnummer=toewijzing.pk if toewijzing else None,
                toewijzing=toewijzing,
            )
            for c in codes
        ]
    Retourcode.objects.bulk_create(rijen)
    pk, naam, inhoud = retour.pk, retour.bestandsnaam, xml
    if geheugen.te_plaatsen is not None:
        # Collected at commit (a rolled-back savepoint drops it), placed by the batch.
        lijst = geheugen.te_plaatsen
        transaction.on_commit(lambda: lijst.append((pk, naam, inhoud)))
    else:
        transaction.on_commit(lambda: _plaatsen(pk, naam, inhoud))
    return retour


def retours_plaatsen(geheugen: Geheugen) -> None:
    """Place the retours a batch collected (``Geheugen(partij=True)``) in the export folder
    and note when, with one fsync round and one UPDATE. Register it with
    ``transaction.on_commit`` after the batch's files, so it runs after their collection."""
    lijst = geheugen.te_plaatsen
    if not lijst:
        return
    transport().klaarzetten_alle([(naam, xml) for _pk, naam, xml in lijst])
    Bericht.objects.filter(pk__in=[pk for pk, _n, _x in lijst], verwerkt_op__isnull=True).update(
        verwerkt_op=timezone.now()
    )
    lijst.clear()


def _plaatsen(pk: int, naam: str, xml: bytes) -> None:
    """Write a stored retour to the export folder and note when (``verwerkt_op`` of an
    outgoing message: placed at). Runs after commit; when the process dies in between, the
    re-read of the incoming file places it (``_niet_geplaatste_retour_plaatsen``)."""
    transport().klaarzetten(naam, xml)
    Bericht.objects.filter(pk=pk, verwerkt_op__isnull=True).update(verwerkt_op=timezone.now())


def _niet_geplaatste_retour_plaatsen(bericht: Bericht) -> None:
    retour = (
        Bericht.objects.filter(heenbericht=bericht, richting=Richting.UIT, verwerkt_op__isnull=True)
        .only("pk", "bestandsnaam", "xml")
        .first()
    )
    if retour is not None:
        _plaatsen(retour.pk, retour.bestandsnaam, bytes(retour.xml))


# ------------------------------------------------------------------ 302 in


def _verwerk_302(naam: str, xml: bytes, sha: str, geheugen: Geheugen) -> Bericht:
    retour: Retour = lees_retour(xml)
    kop = retour.kop
    oordeel = _Oordeel()
    _controle(xml, "302", oordeel, heel=True)
    aanbieder = geheugen.aanbieder(kop.afzender)
    if aanbieder is None:
        oordeel.bericht_fout(
            "afzender", f"De afzender (AGB-code {kop.afzender}) is geen bekende zorgaanbieder."
        )
    heen = (
        Bericht.objects.select_for_update()
        .filter(
            richting=Richting.UIT,
            berichtcode=Berichtcode.WMO301,
            identificatie=retour.heen_identificatie,
            ontvanger=kop.afzender,
        )
        .first()
    )
    if heen is None:
        oordeel.bericht_fout(
            "TR019",
            f"Er is geen WMO301 {retour.heen_identificatie} aan deze aanbieder verstuurd.",
        )
    elif Bericht.objects.filter(heenbericht=heen).exists():
        oordeel.bericht_fout(
            "TR056", f"Op WMO301 {retour.heen_identificatie} is al een retour ontvangen.", "9056"
        )
    bericht = _nieuw_bericht(
        naam,
        xml,
        sha,
        kop,
        aanbieder=aanbieder,
        client=heen.client if heen else None,
    )
    bericht.fouten = oordeel.bevindingen
    if oordeel.afgekeurd:
        bericht.status = BerichtStatus.AFGEKEURD
        return opslaan(bericht, actor=None, reden="WMO302 afgekeurd", valideren=False)
    assert heen is not None
    bericht.status = BerichtStatus.VERWERKT
    bericht.heenbericht = heen
    opslaan(bericht, actor=None, reden=f"WMO302 op WMO301 {heen.identificatie}", valideren=False)
    alle = list(retour.header_codes) + list(retour.client_codes)
    bestaande = set(
        Toewijzing.objects.filter(
            pk__in=list(retour.product_codes), client_id=heen.client_id
        ).values_list("pk", flat=True)
    )
    rijen = [
        Retourcode(bericht=bericht, code=c, niveau=Retourcode.Niveau.HEADER)
        for c in retour.header_codes
    ] + [
        Retourcode(bericht=bericht, code=c, niveau=Retourcode.Niveau.CLIENT)
        for c in retour.client_codes
    ]
    for nummer, codes in retour.product_codes.items():
        alle += codes
        rijen += [
            Retourcode(
                bericht=bericht,
                code=c,
                niveau=Retourcode.Niveau.PRODUCT,
                toewijzingnummer=nummer,
                toewijzing_id=nummer if nummer in bestaande else None,
            )
            for c in codes
        ]
    Retourcode.objects.bulk_create(rijen)
    fouten = [c for c in alle if c != GOEDGEKEURD]
    heen.status = BerichtStatus.RETOUR_MET_FOUTEN if fouten else BerichtStatus.RETOUR_ZONDER_FOUTEN
    reden = "Retour ontvangen: " + (
        ", ".join(f"{c} {retourcode_tekst(c)}" for c in dict.fromkeys(fouten)) or "goedgekeurd"
    )
    opslaan(heen, actor=None, reden=reden, valideren=False)
    return bericht
