"""iWmo 3.2: pure builders and parsers, data in, bytes out (no ORM).

Targets iWmo release 3.2 (BerichtVersie 3, BerichtSubversie 2, XSD version 1.0.0). Elements
declared in a message schema are in the message namespace; the children of the basisschema's
composite types (CDT_*) are in the basisschema namespace, as ``elementFormDefault="qualified"``
in both schemas prescribes.

Builders take the frozen dataclasses of ``gegevens.py``; whether the result conforms to the
XSD and the standard's rules is for ``regels.controleer`` to say. Parsers read with a hardened
parser (no DTD, no entities, no network) and raise ``BerichtOnleesbaar`` with a Dutch message
when the structure cannot be read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from lxml import etree  # type: ignore[import-untyped]

from .gegevens import (
    Bericht301,
    Bericht305,
    Bericht307,
    Clientgegevens,
    Kop,
    Retour,
    StartProduct,
    StopProduct,
    ToegewezenProduct,
)
from .retourcodes import GOEDGEKEURD
from .veilig import BerichtOnleesbaar, lees_xml, soort_van

NS_BASIS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
_NS_BERICHT = "http://www.istandaarden.nl/iwmo/3_2/wmo{}/schema"

#: Message type -> Vektis BerichtCode (COD002), fixed by each message's XSD.
VEKTIS_CODE = {
    "301": "414",
    "302": "415",
    "305": "418",
    "306": "419",
    "307": "420",
    "308": "421",
    "315": "436",
    "316": "437",
    "317": "438",
    "318": "439",
    "319": "440",
    "320": "441",
    "323": "444",
    "325": "446",
}
#: The retour that answers each heen message.
RETOUR_VAN_HEEN = {"301": "302", "305": "306", "307": "308"}

BERICHTVERSIE = "3"
BERICHTSUBVERSIE = "2"
XSD_VERSIE = "1.0.0"  # BasisschemaXsdVersie and BerichtXsdVersie of release 3.2

# Fixed values for data the portal does not register.
GESLACHT_ONBEKEND = "0"  # COD046: the portal registers no gender
NAAMGEBRUIK_EIGEN_NAAM = "1"  # COD700
ADRESSOORT_BRP = "01"  # COD757: the client's registered address
LANDCODE_NL = "NL"
LANDNUMMER_NL = "0031"

TOEWIJZINGNUMMER_MAX = 999_999_999  # LDT_Nummer
_VOORLETTER_RE = re.compile(r"[a-zA-ZÀ-ỳ]")  # LDT_Voorletters


def namespace(berichtsoort: str) -> str:
    """The namespace of message type ``berichtsoort`` ("301" ...)."""
    return _NS_BERICHT.format(berichtsoort)


# --- building -------------------------------------------------------------------------------


class _Schrijver:
    """Element helpers bound to one message namespace."""

    def __init__(self, berichtsoort: str) -> None:
        self.soort = berichtsoort
        self.ns = namespace(berichtsoort)

    def root(self) -> etree._Element:
        return etree.Element(
            f"{{{self.ns}}}Bericht", nsmap={"iwmo": NS_BASIS, f"wmo{self.soort}": self.ns}
        )

    def el(self, parent: etree._Element, name: str, text: object = None) -> etree._Element:
        element = etree.SubElement(parent, f"{{{self.ns}}}{name}")
        if text is not None:
            element.text = str(text)
        return element

    @staticmethod
    def basis(parent: etree._Element, name: str, text: object = None) -> etree._Element:
        element = etree.SubElement(parent, f"{{{NS_BASIS}}}{name}")
        if text is not None:
            element.text = str(text)
        return element


def _tekst(value: str | None, max_length: int) -> str | None:
    """Trimmed text cut to the XSD's maxLength, or None when empty (optional element left out)."""
    value = (value or "").strip()
    return value[:max_length].strip() or None


def _voorletters(voornamen: str) -> str | None:
    letters = [d[0] for d in voornamen.split() if _VOORLETTER_RE.fullmatch(d[0])]
    return "".join(letters[:6]).upper() or None


def _header(w: _Schrijver, root: etree._Element, kop: Kop) -> None:
    header = w.el(root, "Header")
    w.el(header, "BerichtCode", VEKTIS_CODE[w.soort])
    w.el(header, "BerichtVersie", BERICHTVERSIE)
    w.el(header, "BerichtSubversie", BERICHTSUBVERSIE)
    w.el(header, "Afzender", kop.afzender)
    w.el(header, "Ontvanger", kop.ontvanger)
    ident = w.el(header, "BerichtIdentificatie")
    w.basis(ident, "Identificatie", kop.identificatie)
    w.basis(ident, "Dagtekening", kop.dagtekening.isoformat())
    xsd = w.el(header, "XsdVersie")
    w.basis(xsd, "BasisschemaXsdVersie", XSD_VERSIE)
    w.basis(xsd, "BerichtXsdVersie", XSD_VERSIE)


def _client_kern(
    w: _Schrijver,
    parent: etree._Element,
    *,
    bsn: str,
    geboortedatum: date,
    achternaam: str,
    voorvoegsel: str,
    voornamen: str,
    naamgebruik: bool,
) -> etree._Element:
    client = w.el(parent, "Client")
    w.el(client, "Bsn", bsn)
    w.basis(w.el(client, "Geboortedatum"), "Datum", geboortedatum.isoformat())
    w.el(client, "Geslacht", GESLACHT_ONBEKEND)
    naam = w.el(client, "Naam")
    geslachtsnaam = w.basis(naam, "Geslachtsnaam")
    w.basis(geslachtsnaam, "Achternaam", _tekst(achternaam, 200))
    if vv := _tekst(voorvoegsel, 10):
        w.basis(geslachtsnaam, "Voorvoegsel", vv)
    if naamgebruik:
        if vn := _tekst(voornamen, 200):
            w.basis(naam, "Voornamen", vn)
        if vl := _voorletters(voornamen):
            w.basis(naam, "Voorletters", vl)
        w.basis(naam, "NaamGebruik", NAAMGEBRUIK_EIGEN_NAAM)
    return client


def _contact(w: _Schrijver, parent: etree._Element, client: Clientgegevens) -> None:
    contact = w.el(w.el(parent, "Contactgegevens"), "Contact")
    w.el(contact, "Soort", ADRESSOORT_BRP)
    adres = w.el(contact, "Adres")
    huis = w.basis(adres, "Huis")
    w.basis(huis, "Huisnummer", client.huisnummer)
    toevoeging = (client.huisnummertoevoeging or "").strip()
    if len(toevoeging) == 1 and toevoeging.isalpha():  # BRP: a single letter is a huisletter
        w.basis(huis, "Huisletter", toevoeging.upper())
    elif tv := _tekst(toevoeging.lstrip("- "), 4):
        w.basis(huis, "HuisnummerToevoeging", tv)
    for name, value, length in (
        ("Postcode", client.postcode.replace(" ", ""), 8),
        ("Straatnaam", client.straat, 24),
        ("Plaatsnaam", client.woonplaats, 80),
    ):
        if tekst := _tekst(value, length):
            w.basis(adres, name, tekst)
    w.basis(adres, "LandCode", LANDCODE_NL)
    cijfers = re.sub(r"[^0-9+]", "", client.telefoon or "")
    if cijfers:
        nummer = "0" + cijfers[3:] if cijfers.startswith("+31") else cijfers.lstrip("+")
        telefoon = w.basis(w.el(contact, "Telefoon"), "Telefoon01")
        w.basis(telefoon, "Telefoonnummer", nummer[:15])
        w.basis(telefoon, "Landnummer", LANDNUMMER_NL)
    if email := _tekst(client.email, 80):
        w.el(contact, "Emailadres", email)


def _product(w: _Schrijver, parent: etree._Element, categorie: str, code: str) -> None:
    element = w.el(parent, "Product")
    w.basis(element, "Categorie", categorie)
    if c := _tekst(code, 5):
        w.basis(element, "Code", c)


def _toegewezen_product(w: _Schrijver, parent: etree._Element, tp: ToegewezenProduct) -> None:
    if not 0 < tp.toewijzingnummer <= TOEWIJZINGNUMMER_MAX:
        raise ValueError(f"ToewijzingNummer {tp.toewijzingnummer} does not fit LDT_Nummer.")
    element = w.el(parent, "ToegewezenProduct")
    w.el(element, "ToewijzingNummer", tp.toewijzingnummer)
    _product(w, element, tp.productcategorie, tp.productcode)
    w.el(element, "Toewijzingsdatum", tp.vastgesteld_op.date().isoformat())
    w.el(element, "Toewijzingstijd", tp.vastgesteld_op.strftime("%H:%M:%S"))
    w.el(element, "Ingangsdatum", tp.ingangsdatum.isoformat())
    if tp.einddatum:
        w.el(element, "Einddatum", tp.einddatum.isoformat())
    if tp.reden_wijziging:
        w.el(element, "RedenWijziging", tp.reden_wijziging)
    if tp.volume is not None:
        omvang = w.el(element, "Omvang")
        w.basis(omvang, "Volume", tp.volume)
        w.basis(omvang, "Eenheid", tp.eenheid)
        w.basis(omvang, "Frequentie", tp.frequentie)


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)


def bouw_301(bericht: Bericht301) -> bytes:
    """The WMO301 (toewijzing) as UTF-8 XML. Products in the order given.

    Raises ValueError only when the data cannot make a message at all (no products, a
    ToewijzingNummer outside LDT_Nummer); everything else is for ``controleer`` to judge.
    """
    if not bericht.producten:
        raise ValueError("A WMO301 carries at least one ToegewezenProduct.")
    w = _Schrijver("301")
    root = w.root()
    _header(w, root, bericht.kop)
    c = bericht.client
    client = _client_kern(
        w,
        root,
        bsn=c.bsn,
        geboortedatum=c.geboortedatum,
        achternaam=c.achternaam,
        voorvoegsel=c.voorvoegsel,
        voornamen=c.voornamen,
        naamgebruik=True,
    )
    _contact(w, client, c)
    producten = w.el(client, "ToegewezenProducten")
    for tp in bericht.producten:
        _toegewezen_product(w, producten, tp)
    return _bytes(root)


def _levering_product(
    w: _Schrijver, element: etree._Element, p: StartProduct | StopProduct
) -> None:
    if p.toewijzingnummer is not None:
        w.el(element, "ToewijzingNummer", p.toewijzingnummer)
    if p.productcategorie:
        _product(w, element, p.productcategorie, p.productcode)
    if p.toewijzing_ingangsdatum:
        w.el(element, "ToewijzingIngangsdatum", p.toewijzing_ingangsdatum.isoformat())
    w.el(element, "Begindatum", p.begindatum.isoformat())


def bouw_305(bericht: Bericht305) -> bytes:
    """The WMO305 (start zorg) as UTF-8 XML: one StartProduct per product, in the order given."""
    if not bericht.producten:
        raise ValueError("A WMO305 carries at least one StartProduct.")
    w = _Schrijver("305")
    root = w.root()
    _header(w, root, bericht.kop)
    client = _client_kern(
        w,
        root,
        bsn=bericht.bsn,
        geboortedatum=bericht.geboortedatum,
        achternaam=bericht.achternaam,
        voorvoegsel=bericht.voorvoegsel,
        voornamen="",
        naamgebruik=False,
    )
    producten = w.el(client, "StartProducten")
    for p in bericht.producten:
        element = w.el(producten, "StartProduct")
        _levering_product(w, element, p)
        w.el(element, "StatusAanlevering", p.status_aanlevering)
    return _bytes(root)


def bouw_307(bericht: Bericht307) -> bytes:
    """The WMO307 (stop zorg) as UTF-8 XML: one StopProduct per product, in the order given."""
    if not bericht.producten:
        raise ValueError("A WMO307 carries at least one StopProduct.")
    w = _Schrijver("307")
    root = w.root()
    _header(w, root, bericht.kop)
    client = _client_kern(
        w,
        root,
        bsn=bericht.bsn,
        geboortedatum=bericht.geboortedatum,
        achternaam=bericht.achternaam,
        voorvoegsel=bericht.voorvoegsel,
        voornamen="",
        naamgebruik=False,
    )
    producten = w.el(client, "StopProducten")
    for p in bericht.producten:
        element = w.el(producten, "StopProduct")
        _levering_product(w, element, p)
        w.el(element, "RedenBeeindiging", p.reden_beeindiging)
        w.el(element, "Einddatum", p.einddatum.isoformat())
        w.el(element, "StatusAanlevering", p.status_aanlevering)
    return _bytes(root)


# --- parsing ---------------------------------------------------------------------------------


def berichtsoort(xml: bytes) -> str:
    """ "301", "302", "305", ... from the root element's namespace. Raises BerichtOnleesbaar."""
    root = lees_xml(xml)
    soort = soort_van(root)
    if soort is None:
        raise BerichtOnleesbaar(
            f"Het bericht is geen iWmo 3.2-bericht (hoofdelement {etree.QName(root).localname!r} "
            f"in namespace {etree.QName(root).namespace or '(geen)'})."
        )
    return soort


class _Lezer:
    """Reads one message type: finds elements by path of local names, with Dutch errors."""

    def __init__(self, xml: bytes, soort: str) -> None:
        self.root = lees_xml(xml)
        gevonden = soort_van(self.root)
        if gevonden != soort:
            wat = f"een WMO{gevonden}" if gevonden else "geen iWmo 3.2-bericht"
            raise BerichtOnleesbaar(f"Verwacht een WMO{soort}-bericht, maar dit is {wat}.")
        self.ns = namespace(soort)

    def _pad(self, pad: str) -> str:
        # "Client/Naam/iwmo:Geslachtsnaam": message namespace unless prefixed with iwmo:
        delen = []
        for deel in pad.split("/"):
            if deel.startswith("iwmo:"):
                delen.append(f"{{{NS_BASIS}}}{deel[5:]}")
            else:
                delen.append(f"{{{self.ns}}}{deel}")
        return "/".join(delen)

    def vind(self, ouder: etree._Element, pad: str) -> etree._Element | None:
        return ouder.find(self._pad(pad))

    def alle(self, ouder: etree._Element, pad: str) -> list[etree._Element]:
        return list(ouder.iterfind(self._pad(pad)))

    def tekst(self, ouder: etree._Element, pad: str, *, verplicht: bool = True) -> str:
        element = self.vind(ouder, pad)
        waarde = (element.text or "").strip() if element is not None else ""
        if verplicht and not waarde:
            plek = etree.QName(ouder).localname
            raise BerichtOnleesbaar(f"Het element {pad.replace('iwmo:', '')} in {plek} ontbreekt.")
        return waarde

    def datum(self, ouder: etree._Element, pad: str, *, verplicht: bool = True) -> date | None:
        waarde = self.tekst(ouder, pad, verplicht=verplicht)
        if not waarde:
            return None
        try:
            return date.fromisoformat(waarde)
        except ValueError:
            naam = pad.replace("iwmo:", "")
            raise BerichtOnleesbaar(f"{naam} {waarde!r} is geen geldige datum.") from None

    def verplichte_datum(self, ouder: etree._Element, pad: str) -> date:
        waarde = self.datum(ouder, pad)
        assert waarde is not None  # verplicht: datum() raised otherwise
        return waarde

    def getal(self, ouder: etree._Element, pad: str, *, verplicht: bool = True) -> int | None:
        waarde = self.tekst(ouder, pad, verplicht=verplicht)
        if not waarde:
            return None
        try:
            return int(waarde)
        except ValueError:
            naam = pad.replace("iwmo:", "")
            raise BerichtOnleesbaar(f"{naam} {waarde!r} is geen geheel getal.") from None

    def element(self, ouder: etree._Element, pad: str) -> etree._Element:
        gevonden = self.vind(ouder, pad)
        if gevonden is None:
            plek = etree.QName(ouder).localname
            raise BerichtOnleesbaar(f"Het element {pad.replace('iwmo:', '')} in {plek} ontbreekt.")
        return gevonden

    def kop(self, soort: str) -> Kop:
        header = self.element(self.root, "Header")
        return Kop(
            berichtcode=soort,
            afzender=self.tekst(header, "Afzender"),
            ontvanger=self.tekst(header, "Ontvanger"),
            identificatie=self.tekst(header, "BerichtIdentificatie/iwmo:Identificatie"),
            dagtekening=self.verplichte_datum(header, "BerichtIdentificatie/iwmo:Dagtekening"),
        )


def lees_301(xml: bytes) -> Bericht301:
    """The WMO301 in ``xml`` as data. Raises BerichtOnleesbaar (Dutch) when unreadable."""
    lezer = _Lezer(xml, "301")
    client = lezer.element(lezer.root, "Client")
    adres = lezer.vind(client, "Contactgegevens/Contact/Adres")
    contact = lezer.vind(client, "Contactgegevens/Contact")

    def adresdeel(pad: str) -> str:
        return lezer.tekst(adres, pad, verplicht=False) if adres is not None else ""

    huisletter = adresdeel("iwmo:Huis/iwmo:Huisletter")
    producten = []
    for tp in lezer.alle(client, "ToegewezenProducten/ToegewezenProduct"):
        nummer = lezer.getal(tp, "ToewijzingNummer")
        assert nummer is not None
        volume = lezer.getal(tp, "Omvang/iwmo:Volume", verplicht=False)
        tijd = lezer.tekst(tp, "Toewijzingstijd")
        try:
            uur = time.fromisoformat(tijd)
        except ValueError:
            raise BerichtOnleesbaar(f"Toewijzingstijd {tijd!r} is geen geldige tijd.") from None
        producten.append(
            ToegewezenProduct(
                toewijzingnummer=nummer,
                productcategorie=lezer.tekst(tp, "Product/iwmo:Categorie", verplicht=False),
                productcode=lezer.tekst(tp, "Product/iwmo:Code", verplicht=False),
                vastgesteld_op=datetime.combine(
                    lezer.verplichte_datum(tp, "Toewijzingsdatum"), uur
                ),
                ingangsdatum=lezer.verplichte_datum(tp, "Ingangsdatum"),
                einddatum=lezer.datum(tp, "Einddatum", verplicht=False),
                reden_wijziging=lezer.tekst(tp, "RedenWijziging", verplicht=False),
                volume=volume,
                eenheid=lezer.tekst(tp, "Omvang/iwmo:Eenheid", verplicht=False),
                frequentie=lezer.tekst(tp, "Omvang/iwmo:Frequentie", verplicht=False),
            )
        )
    if not producten:
        raise BerichtOnleesbaar("Het WMO301-bericht bevat geen ToegewezenProduct.")
    return Bericht301(
        kop=lezer.kop("301"),
        client=Clientgegevens(
            bsn=lezer.tekst(client, "Bsn"),
            geboortedatum=lezer.verplichte_datum(client, "Geboortedatum/iwmo:Datum"),
            achternaam=lezer.tekst(client, "Naam/iwmo:Geslachtsnaam/iwmo:Achternaam"),
            voorvoegsel=lezer.tekst(
                client, "Naam/iwmo:Geslachtsnaam/iwmo:Voorvoegsel", verplicht=False
            ),
            voornamen=lezer.tekst(client, "Naam/iwmo:Voornamen", verplicht=False),
            straat=adresdeel("iwmo:Straatnaam"),
            huisnummer=lezer.getal(adres, "iwmo:Huis/iwmo:Huisnummer", verplicht=False)
            if adres is not None
            else None,
            huisnummertoevoeging=huisletter or adresdeel("iwmo:Huis/iwmo:HuisnummerToevoeging"),
            postcode=adresdeel("iwmo:Postcode"),
            woonplaats=adresdeel("iwmo:Plaatsnaam"),
            telefoon=lezer.tekst(
                contact, "Telefoon/iwmo:Telefoon01/iwmo:Telefoonnummer", verplicht=False
            )
            if contact is not None
            else "",
            email=lezer.tekst(contact, "Emailadres", verplicht=False)
            if contact is not None
            else "",
        ),
        producten=tuple(producten),
    )


@dataclass(frozen=True)
class _Persoon:
    bsn: str
    geboortedatum: date
    achternaam: str
    voorvoegsel: str


def _client_305_307(lezer: _Lezer) -> tuple[etree._Element, _Persoon]:
    client = lezer.element(lezer.root, "Client")
    return client, _Persoon(
        bsn=lezer.tekst(client, "Bsn"),
        geboortedatum=lezer.verplichte_datum(client, "Geboortedatum/iwmo:Datum"),
        achternaam=lezer.tekst(client, "Naam/iwmo:Geslachtsnaam/iwmo:Achternaam"),
        voorvoegsel=lezer.tekst(
            client, "Naam/iwmo:Geslachtsnaam/iwmo:Voorvoegsel", verplicht=False
        ),
    )


def lees_305(xml: bytes) -> Bericht305:
    """The WMO305 in ``xml`` as data. Raises BerichtOnleesbaar (Dutch) when unreadable."""
    lezer = _Lezer(xml, "305")
    client, persoon = _client_305_307(lezer)
    producten = tuple(
        StartProduct(
            toewijzingnummer=lezer.getal(p, "ToewijzingNummer", verplicht=False),
            productcategorie=lezer.tekst(p, "Product/iwmo:Categorie", verplicht=False),
            productcode=lezer.tekst(p, "Product/iwmo:Code", verplicht=False),
            toewijzing_ingangsdatum=lezer.datum(p, "ToewijzingIngangsdatum", verplicht=False),
            begindatum=lezer.verplichte_datum(p, "Begindatum"),
            status_aanlevering=lezer.tekst(p, "StatusAanlevering"),
        )
        for p in lezer.alle(client, "StartProducten/StartProduct")
    )
    if not producten:
        raise BerichtOnleesbaar("Het WMO305-bericht bevat geen StartProduct.")
    return Bericht305(
        kop=lezer.kop("305"),
        bsn=persoon.bsn,
        geboortedatum=persoon.geboortedatum,
        achternaam=persoon.achternaam,
        voorvoegsel=persoon.voorvoegsel,
        producten=producten,
    )


def lees_307(xml: bytes) -> Bericht307:
    """The WMO307 in ``xml`` as data. Raises BerichtOnleesbaar (Dutch) when unreadable."""
    lezer = _Lezer(xml, "307")
    client, persoon = _client_305_307(lezer)
    producten = tuple(
        StopProduct(
            toewijzingnummer=lezer.getal(p, "ToewijzingNummer", verplicht=False),
            productcategorie=lezer.tekst(p, "Product/iwmo:Categorie", verplicht=False),
            productcode=lezer.tekst(p, "Product/iwmo:Code", verplicht=False),
            toewijzing_ingangsdatum=lezer.datum(p, "ToewijzingIngangsdatum", verplicht=False),
            begindatum=lezer.verplichte_datum(p, "Begindatum"),
            einddatum=lezer.verplichte_datum(p, "Einddatum"),
            reden_beeindiging=lezer.tekst(p, "RedenBeeindiging"),
            status_aanlevering=lezer.tekst(p, "StatusAanlevering"),
        )
        for p in lezer.alle(client, "StopProducten/StopProduct")
    )
    if not producten:
        raise BerichtOnleesbaar("Het WMO307-bericht bevat geen StopProduct.")
    return Bericht307(
        kop=lezer.kop("307"),
        bsn=persoon.bsn,
        geboortedatum=persoon.geboortedatum,
        achternaam=persoon.achternaam,
        voorvoegsel=persoon.voorvoegsel,
        producten=producten,
    )


# --- retours ---------------------------------------------------------------------------------

#: The message classes of each heen message that carry RetourCodes in its retour.
_PRODUCT_KLASSE = {"301": "ToegewezenProduct", "305": "StartProduct", "307": "StopProduct"}
_KLASSEN_MET_CODES = frozenset({"Client", "Relatie", "Contact", *_PRODUCT_KLASSE.values()})


def _retourcodes(w: _Schrijver, parent: etree._Element, codes: tuple[str, ...]) -> None:
    element = w.el(parent, "RetourCodes")
    for code in codes or (GOEDGEKEURD,):
        w.el(element, "RetourCode", code)


def bouw_retour(
    heen_xml: bytes,
    *,
    identificatie: str,
    dagtekening: date,
    header_codes: tuple[str, ...],
    client_codes: tuple[str, ...],
    product_codes: Mapping[int, tuple[str, ...]],
) -> bytes:
    """The retour (302/306/308) on the 301/305/307 ``heen_xml``: the heen message repeated in
    the retour namespace with the retour's BerichtCode, IdentificatieRetour, DagtekeningRetour,
    XsdVersieRetour and RetourCodes at header, client, relation, contact and product level.
    ``product_codes`` is keyed by the product's 0-based position in the heen message; a level
    without given codes gets 0200. Raises BerichtOnleesbaar when ``heen_xml`` is not a readable
    301/305/307 (a message that cannot be read gets no retour from this function).
    """
    bron = lees_xml(heen_xml)
    heen = soort_van(bron)
    if heen not in RETOUR_VAN_HEEN:
        raise BerichtOnleesbaar(
            "Alleen op een WMO301, WMO305 of WMO307 kan een retourbericht worden gemaakt."
        )
    retour = RETOUR_VAN_HEEN[heen]
    w = _Schrijver(retour)
    heen_ns = namespace(heen)
    product_klasse = _PRODUCT_KLASSE[heen]
    positie = 0

    def kopie(bron_el: etree._Element, doel_ouder: etree._Element | None) -> etree._Element:
        nonlocal positie
        qname = etree.QName(bron_el)
        ns = w.ns if qname.namespace == heen_ns else qname.namespace
        if doel_ouder is None:
            doel = w.root()
        else:
            doel = etree.SubElement(doel_ouder, f"{{{ns}}}{qname.localname}")
        if bron_el.text and bron_el.text.strip():
            doel.text = bron_el.text
        for kind in bron_el:
            if isinstance(kind.tag, str):  # skip comments and processing instructions
                kopie(kind, doel)
        naam = qname.localname
        if qname.namespace != heen_ns:
            return doel
        if naam == "Header":
            w.el(doel, "IdentificatieRetour", identificatie)
            w.el(doel, "DagtekeningRetour", dagtekening.isoformat())
            xsd = w.el(doel, "XsdVersieRetour")
            w.basis(xsd, "BasisschemaXsdVersie", XSD_VERSIE)
            w.basis(xsd, "BerichtXsdVersie", XSD_VERSIE)
            _retourcodes(w, doel, header_codes)
        elif naam == "BerichtCode" and doel_ouder is not None:
            doel.text = VEKTIS_CODE[retour]
        elif naam == "Client":
            _retourcodes(w, doel, client_codes)
        elif naam == product_klasse:
            _retourcodes(w, doel, tuple(product_codes.get(positie, ())))
            positie += 1
        elif naam in _KLASSEN_MET_CODES:
            _retourcodes(w, doel, ())
        return doel

    return _bytes(kopie(bron, None))


def lees_retour(xml: bytes) -> Retour:
    """A 302/306/308 as data. The Kop is the retour's own: its sender is the heen message's
    receiver, its identification IdentificatieRetour, its date DagtekeningRetour. Codes of
    Relatie and Contact that are not 0200 are counted with the client's. Product codes are
    keyed by ToewijzingNummer when the product has one, else by position (0-based).
    Raises BerichtOnleesbaar (Dutch) when unreadable."""
    root = lees_xml(xml)
    soort = soort_van(root)
    if soort not in RETOUR_VAN_HEEN.values():
        wat = f"een WMO{soort}" if soort else "geen iWmo 3.2-bericht"
        raise BerichtOnleesbaar(f"Verwacht een retourbericht (302, 306, 308), maar dit is {wat}.")
    assert soort is not None
    lezer = _Lezer(xml, soort)
    header = lezer.element(lezer.root, "Header")

    def codes(ouder: etree._Element | None) -> tuple[str, ...]:
        if ouder is None:
            return ()
        return tuple((c.text or "").strip() for c in lezer.alle(ouder, "RetourCodes/RetourCode"))

    client = lezer.vind(lezer.root, "Client")
    client_codes = list(codes(client))
    product_codes: dict[int, tuple[str, ...]] = {}
    if client is not None:
        for pad in ("Relaties/Relatie", "Relaties/Relatie/Contact", "Contactgegevens/Contact"):
            for element in lezer.alle(client, pad):
                client_codes += [c for c in codes(element) if c != GOEDGEKEURD]
        heen = next(h for h, r in RETOUR_VAN_HEEN.items() if r == soort)
        klasse = _PRODUCT_KLASSE[heen]
        for i, product in enumerate(lezer.alle(client, f"{klasse}en/{klasse}")):
            nummer = lezer.getal(product, "ToewijzingNummer", verplicht=False)
            product_codes[nummer if nummer is not None else i] = codes(product)
    return Retour(
        kop=Kop(
            berichtcode=soort,
            afzender=lezer.tekst(header, "Ontvanger"),
            ontvanger=lezer.tekst(header, "Afzender"),
            identificatie=lezer.tekst(header, "IdentificatieRetour"),
            dagtekening=lezer.verplichte_datum(header, "DagtekeningRetour"),
        ),
        heen_identificatie=lezer.tekst(header, "BerichtIdentificatie/iwmo:Identificatie"),
        heen_dagtekening=lezer.verplichte_datum(header, "BerichtIdentificatie/iwmo:Dagtekening"),
        header_codes=codes(header),
        client_codes=tuple(dict.fromkeys(client_codes)),
        product_codes=product_codes,
    )
