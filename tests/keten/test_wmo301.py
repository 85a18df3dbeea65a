"""The WMO301 (toewijzing) builder: data in, bytes out; checked by the rule runner."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from lxml import etree

from keten.iwmo import bouwen, regels, validatie
from keten.iwmo.gegevens import Bericht301, Clientgegevens, Kop, ToegewezenProduct

NS = {"w": bouwen.namespace("301"), "i": bouwen.NS_BASIS}
DAGTEKENING = date(2025, 3, 1)


def hendrika() -> Clientgegevens:
    return Clientgegevens(
        bsn="999993653",
        geboortedatum=date(1941, 5, 12),
        voornamen="Hendrika Maria",
        voorvoegsel="van der",
        achternaam="Linden",
        straat="Burgemeester de Raadtsingel",  # longer than LDT_Straatnaam (24)
        huisnummer=200,
        huisnummertoevoeging="a",
        postcode="3311 JG",
        woonplaats="Dordrecht",
        telefoon="078 1234567",
        email="h.vanderlinden@example.org",
    )


def ho(**velden) -> ToegewezenProduct:
    waarden = {
        "toewijzingnummer": 1001,
        "productcategorie": "01",
        "productcode": "01A01",
        "vastgesteld_op": datetime(2025, 2, 20, 14, 5, 9),
        "ingangsdatum": date(2025, 2, 1),
        "einddatum": date(2025, 12, 31),
        "volume": 180,
        "eenheid": "01",
        "frequentie": "2",
    }
    return ToegewezenProduct(**{**waarden, **velden})


def ib(**velden) -> ToegewezenProduct:
    waarden = {
        "toewijzingnummer": 1002,
        "productcategorie": "07",
        "productcode": "07A08",
        "vastgesteld_op": datetime(2025, 2, 21, 9, 0, 0),
        "ingangsdatum": date(2025, 2, 1),
        "volume": 4,
        "eenheid": "04",
        "frequentie": "4",
    }
    return ToegewezenProduct(**{**waarden, **velden})


def bericht(*producten: ToegewezenProduct, dagtekening: date = DAGTEKENING, **kop) -> Bericht301:
    return Bericht301(
        kop=Kop(
            berichtcode="301",
            afzender=kop.get("afzender", "0505"),
            ontvanger=kop.get("ontvanger", "98200001"),
            identificatie=kop.get("identificatie", "TW2025-0001"),
            dagtekening=dagtekening,
        ),
        client=kop.get("client", hendrika()),
        producten=producten or (ho(), ib()),
    )


def xsd(xml: bytes) -> list[str]:
    return validatie.valideer(xml)


def test_message_with_two_assignments_is_valid():
    assert xsd(bouwen.bouw_301(bericht())) == []


def test_message_carries_the_client_and_both_assignments():
    root = etree.fromstring(bouwen.bouw_301(bericht()))
    assert root.findtext("w:Client/w:Bsn", namespaces=NS) == "999993653"
    assert root.findtext("w:Header/w:Afzender", namespaces=NS) == "0505"
    assert root.findtext("w:Header/w:Ontvanger", namespaces=NS) == "98200001"
    assert root.findtext("w:Client/w:Geslacht", namespaces=NS) == "0"
    assert root.findtext("w:Client/w:Naam/i:Voorletters", namespaces=NS) == "HM"
    adres = root.find("w:Client/w:Contactgegevens/w:Contact/w:Adres", NS)
    assert adres.findtext("i:Huis/i:Huisletter", namespaces=NS) == "A"
    assert adres.findtext("i:Straatnaam", namespaces=NS) == "Burgemeester de Raadtsin"  # cut at 24
    assert adres.findtext("i:Postcode", namespaces=NS) == "3311JG"
    telefoon = root.findtext(".//i:Telefoon01/i:Telefoonnummer", namespaces=NS)
    assert telefoon == "0781234567"
    producten = root.findall("w:Client/w:ToegewezenProducten/w:ToegewezenProduct", NS)
    eerste, tweede = producten
    assert eerste.findtext("w:ToewijzingNummer", namespaces=NS) == "1001"
    assert eerste.findtext("w:Toewijzingsdatum", namespaces=NS) == "2025-02-20"
    assert eerste.findtext("w:Toewijzingstijd", namespaces=NS) == "14:05:09"
    assert [e.text for e in eerste.find("w:Omvang", NS)] == ["180", "01", "2"]
    assert eerste.findtext("w:Einddatum", namespaces=NS) == "2025-12-31"
    assert eerste.find("w:RedenWijziging", NS) is None  # never changed: no reason
    assert tweede.findtext("w:Product/i:Code", namespaces=NS) == "07A08"
    assert tweede.find("w:Einddatum", NS) is None  # open-ended assignment


def test_changed_assignment_carries_its_reason_and_is_valid():
    xml = bouwen.bouw_301(bericht(ho(reden_wijziging="01", einddatum=date(2025, 6, 30))))
    root = etree.fromstring(xml)
    assert root.findtext(".//w:RedenWijziging", namespaces=NS) == "01"
    assert xsd(xml) == []


def test_omvang_only_when_a_volume_is_set():
    xml = bouwen.bouw_301(bericht(ho(productcode="", volume=None, eenheid="", frequentie="")))
    assert etree.fromstring(xml).find(".//w:Omvang", NS) is None
    assert xsd(xml) == []


def test_message_is_iwmo_3_2():
    root = etree.fromstring(bouwen.bouw_301(bericht()))
    assert root.tag == "{http://www.istandaarden.nl/iwmo/3_2/wmo301/schema}Bericht"
    header = root.find("w:Header", NS)
    assert header.findtext("w:BerichtCode", namespaces=NS) == "414"
    assert header.findtext("w:BerichtVersie", namespaces=NS) == "3"
    assert header.findtext("w:BerichtSubversie", namespaces=NS) == "2"
    assert header.findtext("w:XsdVersie/i:BerichtXsdVersie", namespaces=NS) == "1.0.0"
    assert header.findtext("w:BerichtIdentificatie/i:Dagtekening", namespaces=NS) == "2025-03-01"


def test_eight_digit_bsn_is_reported_invalid():
    fouten = xsd(bouwen.bouw_301(bericht(client=replace(hendrika(), bsn="12345678"))))
    assert fouten and any("Bsn" in fout for fout in fouten)


def test_unknown_code_is_reported_invalid():
    fouten = xsd(bouwen.bouw_301(bericht(ho(eenheid="99"))))
    assert len(fouten) == 1 and "Eenheid" in fouten[0]


def test_malformed_or_entity_xml_is_refused():
    assert xsd(b"<Bericht>")
    assert xsd(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')


def test_a_message_without_products_or_with_an_impossible_number_is_refused():
    with pytest.raises(ValueError, match="at least one"):
        bouwen.bouw_301(replace(bericht(), producten=()))
    with pytest.raises(ValueError, match="LDT_Nummer"):
        bouwen.bouw_301(bericht(ho(toewijzingnummer=1_000_000_000)))


def test_xsd_dir_defaults_to_the_shipped_schemas_and_can_be_overridden(settings, tmp_path):
    settings.IWMO_XSD_DIR = ""
    shipped = settings.BASE_DIR / "keten" / "iwmo" / "schemas" / "3.2" / "xsd"
    assert regels.xsd_dir() == shipped
    assert (shipped / "WMO301.xsd").is_file()
    settings.IWMO_XSD_DIR = str(tmp_path)
    assert regels.xsd_dir() == tmp_path


def test_missing_schema_is_a_clear_finding_not_a_crash(settings, tmp_path):
    settings.IWMO_XSD_DIR = str(tmp_path)
    controle = regels.controleer(bouwen.bouw_301(bericht()), "301")
    assert [b.code for b in controle.bevindingen] == ["XSD"]
    assert "IWMO_XSD_DIR" in controle.bevindingen[0].tekst
