"""Hostile and mangled input: the runner returns findings and the parsers raise only
BerichtOnleesbaar, whatever the bytes (property tests with hypothesis)."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
from keten.iwmo.regels import Controle, controleer
from tests.keten.test_iwmo_berichten import b305, b307
from tests.keten.test_wmo301 import bericht

GELDIG = {
    "301": bouw_301(bericht()),
    "305": bouw_305(b305()),
    "307": bouw_307(b307()),
}
GELDIG_DAG = date(2025, 3, 6)
LEZERS = {"301": lees_301, "305": lees_305, "307": lees_307}


def _verminkt(xml: bytes, data: st.DataObject) -> bytes:
    """Cut, duplicate, replace or delete a slice of a valid message."""
    n = len(xml)
    i = data.draw(st.integers(0, n - 1))
    j = data.draw(st.integers(i, min(n, i + 200)))
    invoeging = data.draw(
        st.binary(max_size=40)
        | st.sampled_from(
            [b"<", b">", b"&", b"\x00", b"]]>", b"<!--", b"9" * 30, b"2025-13-45", b"25:61:00"]
        )
    )
    return xml[:i] + invoeging + xml[j:]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(soort=st.sampled_from(sorted(GELDIG)), data=st.data())
def test_mangled_messages_give_findings_or_a_dutch_refusal(soort, data):
    # With the stylesheet when IWMO_REGELS_XSL is set, else the XSD only: both must hold.
    xml = _verminkt(GELDIG[soort], data)
    controle = controleer(xml, soort)
    assert isinstance(controle, Controle)
    for bevinding in controle.bevindingen:
        assert bevinding.code and bevinding.tekst and bevinding.retourcode
    try:
        LEZERS[soort](xml)
    except BerichtOnleesbaar as exc:
        assert str(exc)
    with contextlib.suppress(BerichtOnleesbaar):
        bouw_retour(
            xml,
            identificatie="R",
            dagtekening=GELDIG_DAG,
            header_codes=(),
            client_codes=(),
            product_codes={},
        )


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(invoer):
    assert not controleer(invoer, "301").ok
    with pytest.raises(BerichtOnleesbaar):
        berichtsoort(invoer) if not invoer.strip().startswith(b"<") else lees_retour(invoer)
