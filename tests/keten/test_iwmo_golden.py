"""Golden messages: one per situation of issue 18, byte-stable and free of findings.

Each situation is data (what the chain services hand the builder); its message is compared
with ``tests/keten/golden/<name>.xml`` (pretty-printed) and must pass the XSD and the official
stylesheet with zero findings. After an intended change of the builder, rewrite the files with
``IWMO_GOLDEN_SCHRIJVEN=1 pytest tests/keten/test_iwmo_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from lxml import etree

from keten.iwmo.bouwen import bouw_301, bouw_305, bouw_307, bouw_retour
from keten.iwmo.gegevens import Bericht301
from keten.iwmo.reeks import op087
from tests.keten.test_iwmo_berichten import b305, b307, start, stop
from tests.keten.test_iwmo_regels import zonder_bevindingen
from tests.keten.test_wmo301 import bericht, ho, ib

GOLDEN = Path(__file__).resolve().parent / "golden"
GEWIJZIGD = datetime(2025, 4, 14, 10, 30, 0)  # when the municipality decided the change
DAG = date(2025, 4, 15)  # dagtekening of the follow-up messages

#: The first 301: HO 180 minutes per week, 1 Feb - 31 Dec 2025.
EERSTE = bericht(ho(), dagtekening=date(2025, 3, 1))

SITUATIES: dict[str, Callable[[], Bericht301]] = {
    # A new assignment.
    "301-nieuw": lambda: EERSTE,
    # Volume change with a weekly frequency: OP033x1 allows a new number only; the old one
    # ends the day before (05 verkorting) and a new one starts with the new volume.
    "301-volumewijziging": lambda: bericht(
        ho(einddatum=date(2025, 4, 30), reden_wijziging="05", vastgesteld_op=GEWIJZIGD),
        ho(
            toewijzingnummer=1003,
            ingangsdatum=date(2025, 5, 1),
            volume=240,
            vastgesteld_op=GEWIJZIGD,
        ),
        dagtekening=DAG,
    ),
    # Extension: same number, later end date, 04 verlenging, new Toewijzingsdatum/-tijd.
    "301-verlenging": lambda: bericht(
        ho(einddatum=date(2026, 6, 30), reden_wijziging="04", vastgesteld_op=GEWIJZIGD),
        dagtekening=DAG,
    ),
    # Shortening: same number, earlier end date, 05 verkorting.
    "301-verkorting": lambda: bericht(
        ho(einddatum=date(2025, 8, 31), reden_wijziging="05", vastgesteld_op=GEWIJZIGD),
        dagtekening=DAG,
    ),
    # Withdrawal from the start date: Einddatum = Ingangsdatum with RedenWijziging 13.
    "301-intrekking-vanaf-start": lambda: bericht(
        ho(
            ingangsdatum=date(2025, 5, 1),
            einddatum=date(2025, 5, 1),
            reden_wijziging="13",
            vastgesteld_op=GEWIJZIGD,
        ),
        dagtekening=DAG,
    ),
    # Re-indication: the old assignment ends, the new one (new number) follows without overlap.
    "301-herindicatie": lambda: bericht(
        ho(einddatum=date(2025, 5, 31), reden_wijziging="05", vastgesteld_op=GEWIJZIGD),
        ho(
            toewijzingnummer=1004,
            ingangsdatum=date(2025, 6, 1),
            einddatum=date(2026, 5, 31),
            volume=120,
            vastgesteld_op=GEWIJZIGD,
        ),
        dagtekening=DAG,
    ),
    # Two products at one provider in one message.
    "301-twee-producten": lambda: bericht(ho(), ib(), dagtekening=date(2025, 3, 1)),
    # An assignment that ended (and the provider must hear it) plus a new one of another product.
    "301-beeindigd-plus-nieuw": lambda: bericht(
        ho(einddatum=date(2025, 4, 10), reden_wijziging="05", vastgesteld_op=GEWIJZIGD),
        ib(ingangsdatum=date(2025, 4, 11), vastgesteld_op=GEWIJZIGD),
        dagtekening=DAG,
    ),
}

ANDERE: dict[str, tuple[str, Callable[[], bytes]]] = {
    "305-start": ("305", lambda: bouw_305(b305())),
    "305-verwijderen": ("305", lambda: bouw_305(b305(start(status_aanlevering="3")))),
    "307-tijdelijk-20": ("307", lambda: bouw_307(b307())),
    "307-definitief": ("307", lambda: bouw_307(b307(stop(reden_beeindiging="02")))),
    "302-goedgekeurd": (
        "302",
        lambda: bouw_retour(
            bouw_301(EERSTE),
            identificatie="R-0001",
            dagtekening=date(2025, 3, 2),
            header_codes=(),
            client_codes=(),
            product_codes={},
        ),
    ),
    "306-afgekeurd-product": (
        "306",
        lambda: bouw_retour(
            bouw_305(b305()),
            identificatie="R-0002",
            dagtekening=date(2025, 3, 6),
            header_codes=(),
            client_codes=(),
            product_codes={1: ("9019",)},
        ),
    ),
    "308-dubbele-identificatie": (
        "308",
        lambda: bouw_retour(
            bouw_307(b307()),
            identificatie="R-0003",
            dagtekening=date(2025, 3, 6),
            header_codes=("9056",),
            client_codes=(),
            product_codes={},
        ),
    ),
}


def _vergelijk(naam: str, xml: bytes) -> None:
    mooi = etree.tostring(
        etree.fromstring(xml), pretty_print=True, encoding="UTF-8", xml_declaration=True
    )
    pad = GOLDEN / f"{naam}.xml"
    if os.environ.get("IWMO_GOLDEN_SCHRIJVEN"):
        pad.write_bytes(mooi)
    assert pad.is_file(), f"{pad.name} ontbreekt: schrijf hem met IWMO_GOLDEN_SCHRIJVEN=1"
    assert mooi == pad.read_bytes(), f"{naam} wijkt af van {pad.name}"


@pytest.mark.parametrize("naam", sorted(SITUATIES))
def test_golden_301(naam):
    gegevens = SITUATIES[naam]()
    xml = bouw_301(gegevens)
    zonder_bevindingen(xml, "301")
    if naam != "301-nieuw":  # a follow-up is complete with respect to the first 301
        assert op087(gegevens, EERSTE) == []
    _vergelijk(naam, xml)


@pytest.mark.parametrize("naam", sorted(ANDERE))
def test_golden_305_307_and_retours(naam):
    soort, maak = ANDERE[naam]
    xml = maak()
    zonder_bevindingen(xml, soort)
    _vergelijk(naam, xml)


def test_leaving_out_the_ended_assignment_breaks_op087():
    """The same situation without the ended assignment: the provider would never hear it."""
    volgende = bericht(
        ib(ingangsdatum=date(2025, 4, 11), vastgesteld_op=GEWIJZIGD), dagtekening=DAG
    )
    assert [b.code for b in op087(volgende, EERSTE)] == ["OP087"]
