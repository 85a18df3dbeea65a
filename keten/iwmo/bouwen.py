"""iWmo 3.2: pure builders, data in, bytes out (no ORM); the parsers are in ``lezen.py``.

Targets iWmo release 3.2 (BerichtVersie 3, BerichtSubversie 2, XSD version 1.0.0). Elements
declared in a message schema are in the message namespace; the children of the basisschema's
composite types (CDT_*) are in the basisschema namespace, as ``elementFormDefault="qualified"``
in both schemas prescribes.

Builders take the frozen dataclasses of ``gegevens.py``; whether the result conforms to the
XSD and the standard's rules is for ``regels.controleer`` to say. ``bouw_retour`` reads the heen
message with the hardened parser of ``veilig.py`` and raises ``BerichtOnleesbaar`` when it
cannot.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from lxml import etree  # type: ignore[import-untyped]

from .gegevens import (
    Bericht301,
    Bericht305,
    Bericht307,
    Clientgegevens,
    Kop,
    StartProduct,
    StopProduct,
    ToegewezenProduct,
)

# The parsers live in lezen.py; they are importable from here too (the published API).
from .lezen import berichtsoort, lees_301, lees_305, lees_307, lees_retour
from .retourcodes import GOEDGEKEURD
from .soorten import (
    BERICHTSUBVERSIE,
    BERICHTVERSIE,
    NS_BASIS,
    PRODUCT_KLASSE,
    RETOUR_VAN_HEEN,
    VEKTIS_CODE,
    XSD_VERSIE,
    namespace,
)
from .veilig import BerichtOnleesbaar, lees_xml, soort_van

__all__ = [
    "NS_BASIS",
    "RETOUR_VAN_HEEN",
    "VEKTIS_CODE",
    "BerichtOnleesbaar",
    "berichtsoort",
    "bouw_301",
    "bouw_305",
    "bouw_307",
    "bouw_retour",
    "lees_301",
    "lees_305",
    "lees_307",
    "lees_retour",
    "namespace",
]


# Fixed values for data the portal does not register.
GESLACHT_ONBEKEND = "0"  # COD046: the portal registers no gender
NAAMGEBRUIK_EIGEN_NAAM = "1"  # COD700
ADRESSOORT_BRP = "01"  # COD757: the client's registered address
LANDCODE_NL = "NL"
LANDNUMMER_NL = "0031"

TOEWIJZINGNUMMER_MAX = 999_999_999  # LDT_Nummer
_VOORLETTER_RE = re.compile(r"[a-zA-ZÀ-ỳ]")  # LDT_Voorletters


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


# --- retours ---------------------------------------------------------------------------------

#: The message classes of each heen message that carry RetourCodes in its retour.
_KLASSEN_MET_CODES = frozenset({"Client", "Relatie", "Contact", *PRODUCT_KLASSE.values()})


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
    product_klasse = PRODUCT_KLASSE[heen]
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
