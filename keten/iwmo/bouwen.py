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
from datetime import date

from lxml import etree  # type: ignore[import-untyped]

from .gegevens import (
    Bericht301,
    Clientgegevens,
    Kop,
    ToegewezenProduct,
)

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
_SOORT_RE = re.compile(r"^\{http://www\.istandaarden\.nl/iwmo/3_2/wmo([0-9]{3})/schema\}Bericht$")


class BerichtOnleesbaar(ValueError):
    """The bytes are not a readable iWmo 3.2 message of the expected kind (Dutch message)."""


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
