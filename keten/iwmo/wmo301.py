"""iWmo 3.2: build the WMO301 (toewijzing).

Targets iWmo release 3.2 (BerichtVersie 3, BerichtSubversie 2, XSD version 1.0.0); the
message is validated against the schemas shipped in ``schemas/3.2`` (``validatie.py``).
Elements declared in a message schema are in the message namespace; the children of the
basisschema's composite types (CDT_*) are in the basisschema namespace, exactly as
``elementFormDefault="qualified"`` in both schemas prescribes.

A 301 carries *all* current assignments of one client at one provider: the caller passes them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import date

from django.utils import timezone

NS_BASIS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
NS_WMO301 = "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"
ET.register_namespace("iwmo", NS_BASIS)
ET.register_namespace("wmo301", NS_WMO301)

BERICHTCODE_301 = "414"  # COD002 (Vektis), fixed by WMO301.xsd
BERICHTVERSIE = "3"
BERICHTSUBVERSIE = "2"
XSD_VERSIE = "1.0.0"  # BasisschemaXsdVersie and BerichtXsdVersie of release 3.2

# Fixed values for data the portal does not register.
GESLACHT_ONBEKEND = "0"  # COD046: the Client model has no gender
NAAMGEBRUIK_EIGEN_NAAM = "1"  # COD700
ADRESSOORT_BRP = "01"  # COD757: the client's registered address
LANDCODE_NL = "NL"
LANDNUMMER_NL = "0031"

TOEWIJZINGNUMMER_MAX = 999_999_999  # LDT_Nummer
_VOORLETTER_RE = re.compile(r"[a-zA-ZÀ-ỳ]")  # LDT_Voorletters


def _el(parent: ET.Element, name: str, text: object = None, ns: str = NS_WMO301) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ns}}}{name}")
    if text is not None:
        element.text = str(text)
    return element


def _basis(parent: ET.Element, name: str, text: object = None) -> ET.Element:
    return _el(parent, name, text, ns=NS_BASIS)


def _tekst(value: str | None, max_length: int) -> str | None:
    """Trimmed text cut to the XSD's maxLength, or None when empty (optional element left out)."""
    value = (value or "").strip()
    return value[:max_length].strip() or None


def _optioneel(parent: ET.Element, name: str, value: str | None, ns: str = NS_BASIS) -> None:
    if value:
        _el(parent, name, value, ns=ns)


def toewijzingnummer(toewijzing) -> int:
    """Stable ToewijzingNummer: the primary key, which LDT_Nummer (9 digits) must hold."""
    if not toewijzing.pk or toewijzing.pk > TOEWIJZINGNUMMER_MAX:
        raise ValueError(f"Toewijzing pk {toewijzing.pk} does not fit LDT_Nummer.")
    return toewijzing.pk


def _voorletters(voornamen: str) -> str | None:
    letters = [d[0] for d in voornamen.split() if _VOORLETTER_RE.fullmatch(d[0])]
    return "".join(letters[:6]).upper() or None


def _header(root: ET.Element, gemeentecode: str, agb_code: str, identificatie: str, dag: date):
    header = _el(root, "Header")
    _el(header, "BerichtCode", BERICHTCODE_301)
    _el(header, "BerichtVersie", BERICHTVERSIE)
    _el(header, "BerichtSubversie", BERICHTSUBVERSIE)
    _el(header, "Afzender", gemeentecode)
    _el(header, "Ontvanger", agb_code)
    ident = _el(header, "BerichtIdentificatie")
    _basis(ident, "Identificatie", identificatie)
    _basis(ident, "Dagtekening", dag.isoformat())
    xsd = _el(header, "XsdVersie")
    _basis(xsd, "BasisschemaXsdVersie", XSD_VERSIE)
    _basis(xsd, "BerichtXsdVersie", XSD_VERSIE)


def _naam(parent: ET.Element, client) -> None:
    naam = _el(parent, "Naam")
    geslachtsnaam = _basis(naam, "Geslachtsnaam")
    _basis(geslachtsnaam, "Achternaam", _tekst(client.achternaam, 200))
    _optioneel(geslachtsnaam, "Voorvoegsel", _tekst(client.voorvoegsel, 10))
    _optioneel(naam, "Voornamen", _tekst(client.voornamen, 200))
    _optioneel(naam, "Voorletters", _voorletters(client.voornamen))
    _basis(naam, "NaamGebruik", NAAMGEBRUIK_EIGEN_NAAM)


def _contact(parent: ET.Element, client) -> None:
    contact = _el(_el(parent, "Contactgegevens"), "Contact")
    _el(contact, "Soort", ADRESSOORT_BRP)
    adres = _el(contact, "Adres")
    huis = _basis(adres, "Huis")
    _basis(huis, "Huisnummer", client.huisnummer)
    toevoeging = (client.huisnummertoevoeging or "").strip()
    if len(toevoeging) == 1 and toevoeging.isalpha():  # BRP: a single letter is a huisletter
        _basis(huis, "Huisletter", toevoeging.upper())
    else:
        _optioneel(huis, "HuisnummerToevoeging", _tekst(toevoeging.lstrip("- "), 4))
    _optioneel(adres, "Postcode", _tekst(client.postcode, 8))
    _optioneel(adres, "Straatnaam", _tekst(client.straat, 24))
    _optioneel(adres, "Plaatsnaam", _tekst(client.woonplaats, 80))
    _basis(adres, "LandCode", LANDCODE_NL)
    cijfers = re.sub(r"[^0-9+]", "", client.telefoon or "")
    if cijfers:
        nummer = "0" + cijfers[3:] if cijfers.startswith("+31") else cijfers.lstrip("+")
        telefoon = _basis(_el(contact, "Telefoon"), "Telefoon01")
        _basis(telefoon, "Telefoonnummer", nummer[:15])
        _basis(telefoon, "Landnummer", LANDNUMMER_NL)
    _optioneel(contact, "Emailadres", _tekst(client.email, 80), ns=NS_WMO301)


def _toegewezen_product(parent: ET.Element, toewijzing) -> None:
    tp = _el(parent, "ToegewezenProduct")
    _el(tp, "ToewijzingNummer", toewijzingnummer(toewijzing))
    product = toewijzing.product
    element = _el(tp, "Product")
    _basis(element, "Categorie", product.productcategorie)
    _optioneel(element, "Code", _tekst(product.productcode, 5))
    vastgesteld = timezone.localtime(toewijzing.created_at)
    _el(tp, "Toewijzingsdatum", vastgesteld.date().isoformat())
    _el(tp, "Toewijzingstijd", vastgesteld.strftime("%H:%M:%S"))
    _el(tp, "Ingangsdatum", toewijzing.ingangsdatum.isoformat())
    if toewijzing.einddatum:
        _el(tp, "Einddatum", toewijzing.einddatum.isoformat())
    if toewijzing.volume is not None:
        omvang = _el(tp, "Omvang")
        _basis(omvang, "Volume", toewijzing.volume)
        _basis(omvang, "Eenheid", toewijzing.eenheid or product.eenheid)
        _basis(omvang, "Frequentie", toewijzing.frequentie or product.frequentie)


def bericht_301(
    *,
    client,
    aanbieder,
    toewijzingen: Iterable,
    gemeentecode: str,
    identificatie: str,
    dagtekening: date,
) -> bytes:
    """The WMO301 for all current assignments of ``client`` at ``aanbieder``, as UTF-8 XML.

    Raises ValueError when the input cannot make a message at all (no assignments, an
    assignment of another client or provider, a provider without AGB code). Whether the result
    conforms to the XSD is for ``valideer`` to say.
    """
    toewijzingen = list(toewijzingen)
    if not toewijzingen:
        raise ValueError("A WMO301 carries at least one toewijzing.")
    for t in toewijzingen:
        if t.client_id != client.pk or t.aanbieder_id != aanbieder.pk:
            raise ValueError(f"Toewijzing {t.pk} is not of this client at this provider.")
    if not aanbieder.agb_code:
        raise ValueError(f"{aanbieder} has no AGB code.")

    root = ET.Element(f"{{{NS_WMO301}}}Bericht")
    _header(root, gemeentecode, aanbieder.agb_code, identificatie, dagtekening)
    element = _el(root, "Client")
    _el(element, "Bsn", client.bsn)
    _basis(_el(element, "Geboortedatum"), "Datum", client.geboortedatum.isoformat())
    _el(element, "Geslacht", GESLACHT_ONBEKEND)
    _naam(element, client)
    _contact(element, client)
    producten = _el(element, "ToegewezenProducten")
    for toewijzing in sorted(toewijzingen, key=lambda t: t.pk):
        _toegewezen_product(producten, toewijzing)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)
