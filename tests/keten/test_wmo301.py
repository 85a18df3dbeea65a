"""The WMO301 (toewijzing) message: built from the models, validated against the iWmo 3.2 XSD."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.utils import timezone

from bandbreedte.models import Eenheid, Frequentie
from keten.iwmo import validatie
from keten.iwmo import wmo301 as iwmo
from tests.factories import ClientFactory, OrganisatieFactory, ProductFactory, ToewijzingFactory

NS = {"w": iwmo.NS_WMO301, "i": iwmo.NS_BASIS}
DAGTEKENING = date(2025, 3, 1)


@pytest.fixture
def aanbieder(db):
    return OrganisatieFactory()


@pytest.fixture
def hendrika(db):
    return ClientFactory(
        voornamen="Hendrika Maria",
        voorvoegsel="van der",
        achternaam="Linden",
        straat="Burgemeester de Raadtsingel",  # longer than LDT_Straatnaam (24)
        huisnummer=200,
        huisnummertoevoeging="a",
        telefoon="078 1234567",
        email="h.vanderlinden@example.org",
    )


@pytest.fixture
def toewijzingen(hendrika, aanbieder):
    ho = ToewijzingFactory(
        client=hendrika,
        aanbieder=aanbieder,
        volume=180,
        eenheid=Eenheid.MINUUT,
        frequentie=Frequentie.PER_WEEK,
    )
    ib = ToewijzingFactory(
        client=hendrika,
        aanbieder=aanbieder,
        product=ProductFactory(
            code="IB", naam="Individuele begeleiding", productcategorie="07", productcode="07A08"
        ),
        ingangsdatum=date(2025, 2, 1),
        einddatum=None,
        volume=4,
        eenheid=Eenheid.UUR,
        frequentie=Frequentie.PER_MAAND,
    )
    return [ho, ib]


def bericht(hendrika, aanbieder, toewijzingen) -> bytes:
    return iwmo.bericht_301(
        client=hendrika,
        aanbieder=aanbieder,
        toewijzingen=toewijzingen,
        gemeentecode=hendrika.gemeente.code,
        identificatie="TW2025-0001",
        dagtekening=DAGTEKENING,
    )


def test_message_with_two_assignments_is_valid(hendrika, aanbieder, toewijzingen):
    assert validatie.valideer(bericht(hendrika, aanbieder, toewijzingen)) == []


def test_message_carries_the_client_and_both_assignments(hendrika, aanbieder, toewijzingen):
    root = ET.fromstring(bericht(hendrika, aanbieder, toewijzingen))  # noqa: S314 (own output)
    assert root.findtext("w:Client/w:Bsn", namespaces=NS) == hendrika.bsn
    assert root.findtext("w:Header/w:Afzender", namespaces=NS) == "0505"
    assert root.findtext("w:Header/w:Ontvanger", namespaces=NS) == aanbieder.agb_code
    assert root.findtext("w:Client/w:Geslacht", namespaces=NS) == "0"
    huis = root.find("w:Client/w:Contactgegevens/w:Contact/w:Adres/i:Huis", NS)
    assert huis.findtext("i:Huisletter", namespaces=NS) == "A"
    producten = root.findall("w:Client/w:ToegewezenProducten/w:ToegewezenProduct", NS)
    assert len(producten) == 2
    nummers = {int(p.findtext("w:ToewijzingNummer", namespaces=NS)) for p in producten}
    assert nummers == {t.pk for t in toewijzingen}
    ho, ib = sorted(producten, key=lambda p: int(p.findtext("w:ToewijzingNummer", namespaces=NS)))
    assert ho.findtext("w:Product/i:Code", namespaces=NS) == "01A01"
    assert [e.text for e in ho.find("w:Omvang", NS)] == ["180", "01", "2"]
    assert ho.findtext("w:Einddatum", namespaces=NS) == "2025-12-31"
    assert ib.findtext("w:Product/i:Categorie", namespaces=NS) == "07"
    assert ib.findtext("w:Product/i:Code", namespaces=NS) == "07A08"
    assert [e.text for e in ib.find("w:Omvang", NS)] == ["4", "04", "4"]
    assert ib.find("w:Einddatum", NS) is None  # open-ended assignment


def test_message_is_iwmo_3_2(hendrika, aanbieder, toewijzingen):
    root = ET.fromstring(bericht(hendrika, aanbieder, toewijzingen))  # noqa: S314 (own output)
    assert root.tag == "{http://www.istandaarden.nl/iwmo/3_2/wmo301/schema}Bericht"
    header = root.find("w:Header", NS)
    assert header.findtext("w:BerichtCode", namespaces=NS) == "414"
    assert header.findtext("w:BerichtVersie", namespaces=NS) == "3"
    assert header.findtext("w:BerichtSubversie", namespaces=NS) == "2"
    assert header.findtext("w:XsdVersie/i:BerichtXsdVersie", namespaces=NS) == "1.0.0"
    assert header.findtext("w:BerichtIdentificatie/i:Dagtekening", namespaces=NS) == "2025-03-01"


def test_eight_digit_bsn_is_reported_invalid(hendrika, aanbieder, toewijzingen):
    hendrika.bsn = "12345678"  # forced in memory; the model and database would refuse it
    fouten = validatie.valideer(bericht(hendrika, aanbieder, toewijzingen))
    assert fouten
    assert any("Bsn" in fout for fout in fouten)


def test_unknown_code_is_reported_invalid(hendrika, aanbieder, toewijzingen):
    toewijzingen[0].eenheid = "99"
    fouten = validatie.valideer(bericht(hendrika, aanbieder, toewijzingen))
    assert len(fouten) == 1
    assert "Eenheid" in fouten[0]


def test_malformed_or_entity_xml_is_refused(db):
    assert validatie.valideer(b"<Bericht>")
    assert validatie.valideer(b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')


def test_assignment_of_another_provider_is_refused(hendrika, aanbieder, toewijzingen):
    ander = ToewijzingFactory(client=hendrika)
    with pytest.raises(ValueError, match="not of this client"):
        bericht(hendrika, aanbieder, [*toewijzingen, ander])
    with pytest.raises(ValueError, match="at least one"):
        bericht(hendrika, aanbieder, [])


def test_xsd_dir_defaults_to_the_shipped_schemas_and_can_be_overridden(settings, tmp_path):
    settings.IWMO_XSD_DIR = ""
    shipped = settings.BASE_DIR / "keten" / "iwmo" / "schemas" / "3.2" / "xsd"
    assert validatie.xsd_dir() == shipped
    assert (shipped / "WMO301.xsd").is_file()
    settings.IWMO_XSD_DIR = str(tmp_path)
    assert validatie.xsd_dir() == tmp_path


def test_missing_schema_is_a_clear_message_not_a_crash(settings, tmp_path):
    settings.IWMO_XSD_DIR = str(tmp_path)
    fouten = validatie.valideer(b"<x/>")
    assert len(fouten) == 1 and "IWMO_XSD_DIR" in fouten[0]


def test_message_passes_the_official_content_check(settings, hendrika, aanbieder, toewijzingen):
    """The TR/CD/CS rules of iWmo 3.2, run by the official stylesheet (conformance tool,
    configured by IWMO_REGELS_XSL; CI's second run sets it)."""
    try:
        validatie.regels_xsl()
    except validatie.RegelsOntbreken as exc:
        pytest.skip(str(exc))
    xml = iwmo.bericht_301(
        client=hendrika,
        aanbieder=aanbieder,
        toewijzingen=toewijzingen,
        gemeentecode=hendrika.gemeente.code,
        identificatie="TW2025-0001",
        dagtekening=timezone.localdate(),  # TR134: no assignment date after the dagtekening
    )
    assert validatie.inhoudscontrole(xml) == []


def test_content_check_reports_a_broken_rule(settings, hendrika, aanbieder, toewijzingen):
    """The check itself can fail: an assignment date after the dagtekening breaks TR134."""
    try:
        validatie.regels_xsl()
    except validatie.RegelsOntbreken as exc:
        pytest.skip(str(exc))
    xml = bericht(hendrika, aanbieder, toewijzingen)  # dagtekening 01-03-2025, made today
    fouten = validatie.inhoudscontrole(xml)
    assert {code for code, _ in fouten} == {"TR134"}
    assert all("Toewijzingsdatum" in plek for _, plek in fouten)


def test_content_check_says_plainly_when_the_stylesheet_is_missing(settings, tmp_path):
    settings.IWMO_REGELS_XSL = ""
    with pytest.raises(validatie.RegelsOntbreken, match="IWMO_REGELS_XSL is niet ingesteld"):
        validatie.inhoudscontrole(b"<x/>")
    settings.IWMO_REGELS_XSL = str(tmp_path / "weg.xsl")
    with pytest.raises(validatie.RegelsOntbreken, match="bestaat niet"):
        validatie.inhoudscontrole(b"<x/>")
