"""The rule runner: XSD first, then the official stylesheet; findings, never exceptions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from keten.iwmo import bouwen, regels, veilig
from keten.iwmo.regels import Bevinding, Controle, controleer, regeltekst
from keten.iwmo.retourcodes import AFGEKEURD, GOEDGEKEURD, retourcode_tekst, retourcodes
from tests.keten.test_wmo301 import bericht, hendrika, ho, ib


@pytest.fixture
def stylesheet(settings):
    """The official stylesheet must be configured (IWMO_REGELS_XSL) for conformance tests."""
    try:
        pad = regels.regels_xsl()
    except regels.RegelsOntbreken as exc:
        pytest.skip(str(exc))
    if pad is None:
        pytest.skip("IWMO_REGELS_XSL is niet ingesteld: de officiële inhoudscontrole ontbreekt.")
    return pad


def zonder_bevindingen(xml: bytes, soort: str) -> None:
    """``xml`` passes the XSD and, whenever IWMO_REGELS_XSL is configured, the stylesheet."""
    controle = controleer(xml, soort)
    assert controle.ok, controle.bevindingen
    assert controle.stylesheet == bool(regels.regels_xsl()), "the stylesheet did not run"


def test_a_valid_301_passes_xsd_and_stylesheet_with_zero_findings(stylesheet):
    controle = controleer(bouwen.bouw_301(bericht()), "301")
    assert controle == Controle(bevindingen=(), stylesheet=True)
    assert controle.ok


def test_cd041_product_code_without_omvang_is_caught(stylesheet):
    """CD041: 'Indien Code in Product gevuld is, verplicht vullen' (Omvang). The first wave
    silently dropped assignments without volume; a builder fed one must be stopped."""
    controle = controleer(bouwen.bouw_301(bericht(ho(volume=None), ib())), "301")
    assert not controle.ok and controle.stylesheet
    (bevinding,) = controle.bevindingen
    assert bevinding.code == "CD041"
    assert bevinding.tekst.startswith("Omvang: Indien Code in Product gevuld is")
    assert bevinding.locatie.endswith("ToegewezenProduct[1]/Product/Code")
    assert bevinding.retourcode == AFGEKEURD


def test_tr302_two_overlapping_assignments_of_one_product_are_caught(stylesheet):
    xml = bouwen.bouw_301(
        bericht(
            ho(),
            ho(toewijzingnummer=1003, ingangsdatum=date(2025, 6, 1), einddatum=date(2026, 3, 31)),
        )
    )
    (bevinding,) = controleer(xml, "301").bevindingen
    assert bevinding.code == "TR302"
    assert "zorgperiodes elkaar niet overlappen" in bevinding.tekst
    assert "ToegewezenProduct[1]" in bevinding.locatie
    assert "ToegewezenProduct[2]" in bevinding.locatie


def test_tr302_not_raised_for_consecutive_assignments(stylesheet):
    """End-and-renumber: the old one ends the day before the new one starts."""
    xml = bouwen.bouw_301(
        bericht(
            ho(einddatum=date(2025, 5, 31), reden_wijziging="05"),
            ho(toewijzingnummer=1003, ingangsdatum=date(2025, 6, 1), volume=240),
        )
    )
    assert controleer(xml, "301").ok


def test_tr134_assignment_dated_after_the_message_is_caught(stylesheet):
    controle = controleer(bouwen.bouw_301(bericht(dagtekening=date(2025, 2, 1))), "301")
    assert set(controle.codes) == {"TR134"}
    assert all("Toewijzingsdatum" in b.locatie for b in controle.bevindingen)


def test_an_xsd_error_stops_before_the_stylesheet(stylesheet):
    controle = controleer(bouwen.bouw_301(bericht(ho(eenheid="99"))), "301")
    assert controle.stylesheet is False
    (bevinding,) = controle.bevindingen
    assert bevinding.code == "XSD"
    assert "Eenheid" in bevinding.locatie and "Voldoet niet aan het XSD-schema" in bevinding.tekst
    assert bevinding.retourcode == AFGEKEURD


def test_without_the_stylesheet_only_the_xsd_runs_and_says_so(settings):
    settings.IWMO_REGELS_XSL = ""
    controle = controleer(bouwen.bouw_301(bericht(ho(volume=None))), "301")
    assert controle == Controle(bevindingen=(), stylesheet=False)


def test_a_configured_but_missing_stylesheet_is_a_clear_error(settings, tmp_path):
    settings.IWMO_REGELS_XSL = str(tmp_path / "weg.xsl")
    with pytest.raises(regels.RegelsOntbreken, match="bestaat niet"):
        controleer(bouwen.bouw_301(bericht()), "301")


MILJARD_LACHEN = b"""<?xml version="1.0"?>
<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lol>&lol3;</lol>"""
EXTERN = (
    b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"""
)


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        (b"", "leeg"),
        (b"   \n", "leeg"),
        (b"dit is geen xml", "geen goedgevormde XML"),
        (b"<Bericht>", "geen goedgevormde XML"),
        (b"<a>\x00</a>", "geen goedgevormde XML"),
        (b"\x00\x00\x00", "geen goedgevormde XML"),
        (MILJARD_LACHEN, "DTD"),
        (EXTERN, "DTD"),
        (b'<!DOCTYPE a SYSTEM "http://example.org/a.dtd"><a/>', "DTD"),
        (b"<x/>", "hoofdelement is 'x'"),
        (b'<Bericht xmlns="urn:iets-anders"/>', "urn:iets-anders"),
        (b"<a>" + b"x" * (veilig.MAX_BYTES + 1) + b"</a>", "groter dan"),
    ],
)
def test_hostile_or_broken_input_gives_a_finding_never_an_exception(invoer, verwacht):
    controle = controleer(invoer, "301")
    assert not controle.ok and not controle.stylesheet
    (bevinding,) = controle.bevindingen
    assert verwacht in bevinding.tekst
    assert bevinding.retourcode == AFGEKEURD


def test_a_message_of_another_type_is_named():
    xml = bouwen.bouw_301(bericht())
    (bevinding,) = controleer(xml, "WMO305").bevindingen
    assert bevinding.tekst == "Verwacht een WMO305-bericht, maar het bericht is een WMO301."


def test_an_unknown_message_code_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown iWmo message code"):
        controleer(b"<x/>", "3O1")


def test_rule_texts_come_from_the_shipped_catalogue():
    assert regeltekst("TR056") == (
        "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij."
    )
    assert regeltekst("OP087").startswith("Een toewijzingsbericht bevat voor 1 client altijd")
    assert regeltekst("IV007").startswith("Hoe wordt de naam van een cliënt")
    assert regeltekst("ZZ999") == "Regel ZZ999 van iWmo 3.2 is geschonden."


def test_every_rule_the_stylesheet_checks_has_a_text(stylesheet):
    import re

    codes = set(re.findall(r'mode="([A-Z]{2}[0-9]{3})"', stylesheet.read_text(encoding="utf-8")))
    assert len(codes) > 40
    assert {c for c in codes if regeltekst(c).startswith("Regel ")} == set()


def test_retour_codes_have_their_dutch_text():
    assert retourcode_tekst(GOEDGEKEURD) == "Geen opmerking over deze berichtklasse."
    assert retourcode_tekst(AFGEKEURD) == "Bericht is afgekeurd om technische redenen."
    assert retourcode_tekst("9056") == "Identificatie moet uniek zijn."
    assert retourcode_tekst("X123") == "Onbekende retourcode X123."
    for code in ("0001", "0200", "0233", "0611", "8001", "8017", "8021", "8187"):
        assert code in retourcodes()  # the XSD's LDT_RetourCode enumeration


def test_bevinding_is_a_value():
    assert Bevinding("XSD", "t", "/") == Bevinding("XSD", "t", "/", "")


def test_findings_become_retour_codes_at_their_level(stylesheet):
    """A 301 with CD041 on the second product and TR302 between the first and third: the
    retour rejects exactly those products and approves the rest."""
    xml = bouwen.bouw_301(
        bericht(ho(), ib(volume=None), ho(toewijzingnummer=1003, ingangsdatum=date(2025, 6, 1)))
    )
    controle = controleer(xml, "301")
    assert set(controle.codes) == {"CD041", "TR302"}
    codes = regels.verdeel_retourcodes(controle.bevindingen)
    assert codes == {
        "header_codes": (),
        "client_codes": (),
        "product_codes": {0: (AFGEKEURD,), 1: (AFGEKEURD,), 2: (AFGEKEURD,)},
    }
    retour = bouwen.lees_retour(
        bouwen.bouw_retour(xml, identificatie="R", dagtekening=date(2025, 3, 2), **codes)
    )
    assert retour.header_codes == (GOEDGEKEURD,)
    assert retour.product_codes == {1001: (AFGEKEURD,), 1002: (AFGEKEURD,), 1003: (AFGEKEURD,)}


def test_retour_levels_from_paths():
    codes = regels.verdeel_retourcodes(
        [
            Bevinding("XSD", "t", "/Bericht/Header/Afzender"),
            Bevinding("TR056", "t", "/Bericht/Header/BerichtIdentificatie/Identificatie", "9056"),
            Bevinding("CS002", "t", "/Bericht/Client/Bsn", "0001"),
            Bevinding("CD005", "t", "/Bericht/Client/Contactgegevens/Contact/Adres", "0001"),
            Bevinding("CD041", "t", "/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang"),
            Bevinding(
                "X",
                "t",
                "/Bericht/Client/StopProducten/StopProduct[3] /Bericht/Client/"
                "StopProducten/StopProduct[1]",
                "9414",
            ),
        ]
    )
    assert codes["header_codes"] == (AFGEKEURD, "9056")
    assert codes["client_codes"] == (AFGEKEURD,)
    assert codes["product_codes"] == {0: (AFGEKEURD, "9414"), 2: ("9414",)}


@pytest.mark.parametrize(
    ("gegevens", "locatie", "tekst"),
    [
        (
            lambda: bericht(ho(eenheid="99")),
            "/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang/Eenheid",
            "Element Eenheid: de waarde '99' staat niet in de codelijst {'01', '04',",
        ),
        (
            lambda: bericht(client=replace(hendrika(), bsn="12345678")),
            "/Bericht/Client/Bsn",
            "Element Bsn: de waarde '12345678' past niet in het patroon '[0-9]{9}'.",
        ),
        (
            lambda: bericht(identificatie="X" * 13),
            "/Bericht/Header/BerichtIdentificatie/Identificatie",
            "Element Identificatie: de waarde is 13 tekens lang, maximaal 12 toegestaan.",
        ),
    ],
    ids=["codelijst", "patroon", "lengte"],
)
def test_xsd_findings_name_the_element_and_the_problem_in_dutch(gegevens, locatie, tekst):
    (bevinding,) = controleer(bouwen.bouw_301(gegevens()), "301").bevindingen
    assert bevinding.locatie == locatie
    assert bevinding.tekst.startswith("Voldoet niet aan het XSD-schema: " + tekst)


def test_a_missing_element_is_named_with_what_was_expected():
    xml = bouwen.bouw_301(bericht()).replace(b"<wmo301:Geslacht>0</wmo301:Geslacht>", b"")
    (bevinding,) = controleer(xml, "301").bevindingen
    assert bevinding.locatie == "/Bericht/Client/Naam"
    assert "dit element wordt hier niet verwacht; verwacht: Geslacht." in bevinding.tekst
