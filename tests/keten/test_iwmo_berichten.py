"""Builders and parsers of every message type: roundtrip, the retours, unreadable input."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from lxml import etree

from keten.iwmo import bouwen
from keten.iwmo.bouwen import (
    BerichtOnleesbaar,
    berichtsoort,
    bouw_301,
    bouw_305,
    bouw_307,
    bouw_retour,
    lees_301,
    lees_305,
    lees_307,
    lees_retour,
)
from keten.iwmo.gegevens import Bericht305, Bericht307, Kop, StartProduct, StopProduct
from keten.iwmo.regels import controleer
from keten.iwmo.retourcodes import AFGEKEURD, GOEDGEKEURD
from tests.keten.test_iwmo_regels import zonder_bevindingen
from tests.keten.test_wmo301 import bericht, hendrika, ho, ib

#: The client as the message carries it (cut and normalised), so a roundtrip is exact.
GENORMALISEERD = replace(
    hendrika(),
    straat="Burgemeester de Raadtsin",
    huisnummertoevoeging="A",
    postcode="3311JG",
    telefoon="0781234567",
)


def start(**velden) -> StartProduct:
    waarden = {
        "toewijzingnummer": 1001,
        "productcategorie": "01",
        "productcode": "01A01",
        "toewijzing_ingangsdatum": date(2025, 2, 1),
        "begindatum": date(2025, 2, 3),
        "status_aanlevering": "1",
    }
    return StartProduct(**{**waarden, **velden})


def stop(**velden) -> StopProduct:
    waarden = {
        "toewijzingnummer": 1001,
        "productcategorie": "01",
        "productcode": "01A01",
        "toewijzing_ingangsdatum": date(2025, 2, 1),
        "begindatum": date(2025, 2, 3),
        "einddatum": date(2025, 3, 1),
        "reden_beeindiging": "20",
        "status_aanlevering": "1",
    }
    return StopProduct(**{**waarden, **velden})


def kop(soort: str, identificatie: str = "A-0001") -> Kop:
    return Kop(soort, "98200001", "0505", identificatie, date(2025, 3, 5))


def b305(*producten: StartProduct) -> Bericht305:
    return Bericht305(
        kop=kop("305"),
        bsn="999993653",
        geboortedatum=date(1941, 5, 12),
        achternaam="Linden",
        voorvoegsel="van der",
        producten=producten
        or (start(), start(toewijzingnummer=1002, productcategorie="07", productcode="07A08")),
    )


def b307(*producten: StopProduct) -> Bericht307:
    return Bericht307(
        kop=kop("307"),
        bsn="999993653",
        geboortedatum=date(1941, 5, 12),
        achternaam="Linden",
        producten=producten or (stop(),),
    )


# --- roundtrip and conformance -----------------------------------------------------------


def test_301_roundtrip():
    gegevens = bericht(ho(reden_wijziging="05", einddatum=date(2025, 6, 30)), ib())
    gegevens = replace(gegevens, client=GENORMALISEERD)
    assert lees_301(bouw_301(gegevens)) == gegevens


@pytest.mark.parametrize(
    "gegevens",
    [
        b305(),
        b305(start(status_aanlevering="3")),
        b305(start(toewijzingnummer=None, productcode="", toewijzing_ingangsdatum=None)),
    ],
    ids=["twee-producten", "verwijderen", "zonder-nummer"],
)
def test_305_roundtrip_and_conformance(gegevens):
    xml = bouw_305(gegevens)
    assert lees_305(xml) == gegevens
    zonder_bevindingen(xml, "305")


@pytest.mark.parametrize(
    "gegevens",
    [
        b307(),  # temporary stop, reason 20
        b307(stop(reden_beeindiging="02", status_aanlevering="1")),  # definitive
        b307(stop(status_aanlevering="3")),  # withdraw an earlier stop
    ],
    ids=["tijdelijk-20", "definitief", "verwijderen"],
)
def test_307_roundtrip_and_conformance(gegevens):
    xml = bouw_307(gegevens)
    assert lees_307(xml) == gegevens
    zonder_bevindingen(xml, "307")


@pytest.mark.parametrize(
    ("bouw", "soort", "vektis"),
    [
        (lambda: bouw_301(bericht()), "301", "414"),
        (lambda: bouw_305(b305()), "305", "418"),
        (lambda: bouw_307(b307()), "307", "420"),
    ],
)
def test_berichtsoort_and_vektis_code(bouw, soort, vektis):
    xml = bouw()
    assert berichtsoort(xml) == soort
    root = etree.fromstring(xml)
    assert (
        root.findtext(
            f"{{{bouwen.namespace(soort)}}}Header/{{{bouwen.namespace(soort)}}}BerichtCode"
        )
        == vektis
    )


# --- retours ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heen", "retour", "vektis"),
    [
        (lambda: bouw_301(bericht()), "302", "415"),
        (lambda: bouw_305(b305()), "306", "419"),
        (lambda: bouw_307(b307()), "308", "421"),
    ],
)
def test_every_retour_is_valid_and_reads_back(heen, retour, vektis):
    heen_xml = heen()
    xml = bouw_retour(
        heen_xml,
        identificatie="R-77",
        dagtekening=date(2025, 3, 6),
        header_codes=(),
        client_codes=(),
        product_codes={0: (AFGEKEURD, "9056")},
    )
    assert berichtsoort(xml) == retour
    zonder_bevindingen(xml, retour)
    ns = bouwen.namespace(retour)
    assert etree.fromstring(xml).findtext(f"{{{ns}}}Header/{{{ns}}}BerichtCode") == vektis
    gelezen = lees_retour(xml)
    assert gelezen.kop.berichtcode == retour
    assert gelezen.kop.identificatie == "R-77"
    assert gelezen.kop.dagtekening == date(2025, 3, 6)
    heen_kop = lees_retour(xml).kop
    heen_ns = bouwen.namespace(berichtsoort(heen_xml))
    header = etree.fromstring(heen_xml).find(f"{{{heen_ns}}}Header")
    # The retour goes back: its sender is the heen message's receiver and vice versa.
    assert heen_kop.afzender == header.findtext(f"{{{heen_ns}}}Ontvanger")
    assert heen_kop.ontvanger == header.findtext(f"{{{heen_ns}}}Afzender")
    assert gelezen.heen_identificatie in {"TW2025-0001", "A-0001"}
    assert gelezen.header_codes == (GOEDGEKEURD,)
    assert gelezen.client_codes == (GOEDGEKEURD,)
    eerste = next(iter(gelezen.product_codes.values()))
    assert eerste == (AFGEKEURD, "9056")
    assert all(c == (GOEDGEKEURD,) for c in list(gelezen.product_codes.values())[1:])


def test_302_product_codes_are_keyed_by_toewijzingnummer():
    xml = bouw_retour(
        bouw_301(bericht()),
        identificatie="R-1",
        dagtekening=date(2025, 3, 2),
        header_codes=(AFGEKEURD,),
        client_codes=("8001",),
        product_codes={1: ("9056",)},
    )
    gelezen = lees_retour(xml)
    assert gelezen.header_codes == (AFGEKEURD,)
    assert gelezen.client_codes == ("8001",)
    assert gelezen.product_codes == {1001: (GOEDGEKEURD,), 1002: ("9056",)}


def test_306_without_toewijzingnummer_is_keyed_by_position():
    heen = bouw_305(
        b305(
            start(toewijzingnummer=None),
            start(toewijzingnummer=None, productcategorie="07", productcode="07A08"),
        )
    )
    gelezen = lees_retour(
        bouw_retour(
            heen,
            identificatie="R",
            dagtekening=date(2025, 3, 6),
            header_codes=(),
            client_codes=(),
            product_codes={1: ("9019",)},
        )
    )
    assert gelezen.product_codes == {0: (GOEDGEKEURD,), 1: ("9019",)}


def test_a_retour_repeats_the_heen_message():
    heen = bouw_301(bericht())
    xml = bouw_retour(
        heen,
        identificatie="R",
        dagtekening=date(2025, 3, 2),
        header_codes=(),
        client_codes=(),
        product_codes={},
    )
    ns = {"r": bouwen.namespace("302"), "i": bouwen.NS_BASIS}
    root = etree.fromstring(xml)
    assert root.findtext("r:Client/r:Bsn", namespaces=ns) == "999993653"
    assert root.findtext("r:Header/r:IdentificatieRetour", namespaces=ns) == "R"
    assert (
        root.findtext("r:Header/r:BerichtIdentificatie/i:Identificatie", namespaces=ns)
        == "TW2025-0001"
    )
    contact = root.find("r:Client/r:Contactgegevens/r:Contact", ns)
    assert contact[-1].tag == f"{{{ns['r']}}}RetourCodes"
    assert len(root.findall(".//r:ToegewezenProduct/r:RetourCodes", ns)) == 2


def test_no_retour_on_a_retour_or_on_garbage():
    heen = bouw_301(bericht())
    retour = bouw_retour(
        heen,
        identificatie="R",
        dagtekening=date(2025, 3, 2),
        header_codes=(),
        client_codes=(),
        product_codes={},
    )
    with pytest.raises(BerichtOnleesbaar, match="Alleen op een WMO301, WMO305 of WMO307"):
        bouw_retour(
            retour,
            identificatie="R2",
            dagtekening=date(2025, 3, 2),
            header_codes=(),
            client_codes=(),
            product_codes={},
        )
    with pytest.raises(BerichtOnleesbaar, match="geen goedgevormde XML"):
        bouw_retour(
            b"<",
            identificatie="R",
            dagtekening=date(2025, 3, 2),
            header_codes=(),
            client_codes=(),
            product_codes={},
        )


def test_a_retour_with_a_code_outside_wj001_fails_its_schema():
    xml = bouw_retour(
        bouw_301(bericht()),
        identificatie="R",
        dagtekening=date(2025, 3, 2),
        header_codes=("ZZZZ",),
        client_codes=(),
        product_codes={},
    )
    controle = controleer(xml, "302")
    assert controle.codes == ("XSD",)
    assert "RetourCode" in controle.bevindingen[0].locatie


# --- unreadable input ------------------------------------------------------------------------


def test_parsers_refuse_another_message_type():
    with pytest.raises(
        BerichtOnleesbaar, match="Verwacht een WMO305-bericht, maar dit is een WMO301"
    ):
        lees_305(bouw_301(bericht()))
    with pytest.raises(BerichtOnleesbaar, match="retourbericht"):
        lees_retour(bouw_301(bericht()))


@pytest.mark.parametrize(
    ("vervang", "melding"),
    [
        (b"<iwmo:Datum>1941-05-12</iwmo:Datum>", "Geboortedatum/Datum in Client ontbreekt"),
        (b"<wmo305:Bsn>999993653</wmo305:Bsn>", "Bsn in Client ontbreekt"),
    ],
)
def test_a_missing_element_is_named_in_dutch(vervang, melding):
    xml = bouw_305(b305()).replace(vervang, b"")
    with pytest.raises(BerichtOnleesbaar, match=melding):
        lees_305(xml)


def test_a_bad_date_is_named_in_dutch():
    xml = bouw_307(b307()).replace(b"2025-03-01", b"2025-02-30")
    with pytest.raises(BerichtOnleesbaar, match="Einddatum '2025-02-30' is geen geldige datum"):
        lees_307(xml)


@pytest.mark.parametrize(
    "invoer",
    [b"", b"\x00", b"<x/>", b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', b"tekst"],
)
def test_berichtsoort_refuses_what_is_no_iwmo_message(invoer):
    with pytest.raises(BerichtOnleesbaar):
        berichtsoort(invoer)


def test_builders_refuse_an_empty_message():
    with pytest.raises(ValueError, match="at least one"):
        bouw_305(replace(b305(), producten=()))
    with pytest.raises(ValueError, match="at least one"):
        bouw_307(replace(b307(), producten=()))
