"""Rules across messages: TR056 (unique identification) and OP087 (a 301 is complete)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keten.iwmo.gegevens import Bericht301, ToegewezenProduct
from keten.iwmo.reeks import actueel, op087, tr056, verwijderd
from tests.keten.test_wmo301 import bericht, ho, ib

DAG = date(2025, 3, 1)


# --- TR056 -----------------------------------------------------------------------------------


def test_tr056_a_repeated_identification_is_caught():
    (bevinding,) = tr056("TW2025-0001", ["TW2025-0000", "TW2025-0001"])
    assert bevinding.code == "TR056"
    assert bevinding.retourcode == "9056"
    assert "'TW2025-0001' is al eerder gebruikt" in bevinding.tekst
    assert bevinding.tekst.startswith("Identificatie moet per berichtsoort uniek zijn")
    assert bevinding.locatie.endswith("BerichtIdentificatie/Identificatie")


def test_tr056_a_new_identification_passes():
    assert tr056("TW2025-0002", ["TW2025-0000", "TW2025-0001"]) == []
    assert tr056("TW2025-0002", []) == []


identificaties = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=12
)


@settings(max_examples=300, deadline=None)
@given(nieuw=identificaties, eerder=st.sets(identificaties, max_size=30))
def test_tr056_property_found_exactly_when_used_before(nieuw, eerder):
    assert bool(tr056(nieuw, eerder)) == (nieuw in eerder)
    assert tr056(nieuw, eerder | {nieuw})  # once used, always caught


# --- OP087 -----------------------------------------------------------------------------------


def met(*producten: ToegewezenProduct, dag: date = DAG) -> Bericht301:
    return bericht(*producten, dagtekening=dag)


def test_op087_a_current_assignment_left_out_is_caught():
    vorig = met(ho(), ib())
    nieuw = met(ho(), dag=DAG + timedelta(days=10))
    (bevinding,) = op087(nieuw, vorig)
    assert bevinding.code == "OP087"
    assert "ToewijzingNummer 1002" in bevinding.tekst
    assert bevinding.tekst.startswith("Een toewijzingsbericht bevat voor 1 client altijd")


def test_op087_the_first_301_and_a_complete_one_pass():
    assert op087(met(ho()), None) == []
    assert op087(met(ho(), ib()), met(ho(), ib())) == []


def test_op087_an_assignment_ended_before_the_new_date_may_be_left_out():
    vorig = met(ho(einddatum=date(2025, 3, 10)), ib())
    assert op087(met(ib(), dag=date(2025, 3, 11)), vorig) == []
    assert [b.code for b in op087(met(ib(), dag=date(2025, 3, 10)), vorig)] == ["OP087"]


@pytest.mark.parametrize("reden", ["13", "01"])
def test_op087_a_deleted_assignment_is_not_current(reden):
    weg = ho(einddatum=date(2025, 2, 1), ingangsdatum=date(2025, 2, 1), reden_wijziging=reden)
    assert verwijderd(weg)
    assert op087(met(ib()), met(weg, ib())) == []


def test_op087_end_date_equal_to_start_with_another_reason_is_still_current():
    kort = ho(einddatum=date(2025, 3, 1), ingangsdatum=date(2025, 3, 1), reden_wijziging="05")
    assert not verwijderd(kort) and actueel(kort, DAG)
    assert op087(met(ib()), met(kort, ib()))


def test_op087_compares_the_same_client_and_provider_only():
    vorig = met(ho())
    ander = replace(vorig, kop=replace(vorig.kop, ontvanger="98200002"))
    with pytest.raises(ValueError, match="same client and provider"):
        op087(met(ho()), ander)


def _product(nummer: int, begin: int, lengte: int | None, reden: str) -> ToegewezenProduct:
    ingang = date(2025, 1, 1) + timedelta(days=begin)
    eind = None if lengte is None else ingang + timedelta(days=lengte)
    return ho(toewijzingnummer=nummer, ingangsdatum=ingang, einddatum=eind, reden_wijziging=reden)


producten = st.lists(
    st.builds(
        _product,
        nummer=st.integers(1, 40),
        begin=st.integers(0, 200),
        lengte=st.one_of(st.none(), st.integers(0, 200)),
        reden=st.sampled_from(["", "13", "01", "05", "04"]),
    ),
    min_size=1,
    max_size=12,
    unique_by=lambda p: p.toewijzingnummer,
)


@settings(max_examples=300, deadline=None)
@given(
    vorig=producten,
    houden=st.lists(st.booleans(), min_size=12, max_size=12),
    dag=st.integers(0, 400),
)
def test_op087_property_reports_exactly_the_current_ones_left_out(vorig, houden, dag):
    dagtekening = date(2025, 1, 1) + timedelta(days=dag)
    nieuw_producten = tuple(p for p, h in zip(vorig, houden, strict=False) if h) or (
        ib(toewijzingnummer=999),
    )
    gemeld = {
        int(b.tekst.split("ToewijzingNummer ")[1].split()[0])
        for b in op087(met(*nieuw_producten, dag=dagtekening), met(*vorig))
    }
    aanwezig = {p.toewijzingnummer for p in nieuw_producten}
    verwacht = {
        p.toewijzingnummer
        for p in vorig
        if p.toewijzingnummer not in aanwezig
        and (p.einddatum is None or p.einddatum >= dagtekening)
        and not (p.einddatum == p.ingangsdatum and p.reden_wijziging in {"13", "01"})
    }
    assert gemeld == verwacht
    # Sending everything of the previous message again always satisfies OP087.
    assert op087(met(*vorig, dag=dagtekening), met(*vorig)) == []
