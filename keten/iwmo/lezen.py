"""iWmo 3.2 parsers: bytes in, the dataclasses of ``gegevens.py`` out (no ORM).

Read with the hardened parser of ``veilig.py`` (no DTD, no entities, no network); a structure
that cannot be read raises ``BerichtOnleesbaar`` with a Dutch message naming the element.
Whether the message conforms to the XSD and the rules is for ``regels.controleer`` to say.
"""

from __future__ import annotations

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
from .soorten import NS_BASIS, PRODUCT_KLASSE, RETOUR_VAN_HEEN, namespace
from .veilig import BerichtOnleesbaar, lees_xml, soort_van


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
        klasse = PRODUCT_KLASSE[heen]
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
