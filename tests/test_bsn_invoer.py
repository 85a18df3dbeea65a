"""Regression (issue 17, finding 12): a BSN is normalised the same way wherever it is typed
(registration, the client search, the access log search, bulk lists: spaces, dots and
hyphens dropped by ``validators.normaliseer_bsn``), and what is still wrong gets a precise
Dutch message: other characters, the number of digits, or the elfproef."""

from __future__ import annotations

import pytest

from indicaties.models import Client
from sdd_portal.validators import bsn_fout, normaliseer_bsn
from tests.factories import ClientFactory
from tests.indicaties.test_client_register import formulier

__all__ = ["formulier"]  # the registration form's fixture

GELDIG = "999996770"
GESCHREVEN = ["999 996 770", "999.996.770", "999-996-770", "\u00a0999 99 67 70 ", "99.99.96.770"]


@pytest.mark.parametrize("tekst", GESCHREVEN)
def test_een_normaliseerder_voor_spaties_punten_en_streepjes(tekst):
    assert normaliseer_bsn(tekst) == GELDIG


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("12ab", "Een BSN bestaat uit precies 9 cijfers; '12ab' bevat ook andere tekens"),
        ("1234567\u00b2", "bevat ook andere tekens"),  # a superscript digit is no digit
        ("12345", "Een BSN bestaat uit precies 9 cijfers; u vulde er 5 in."),
        ("12345678", "u vulde er 8 in. Begint het nummer met een 0? Vul die dan ook in."),
        ("1234567890", "u vulde er 10 in."),
        ("123456789", "het voldoet niet aan de elfproef"),
    ],
)
def test_precieze_melding_lengte_tekens_of_elfproef(tekst, melding):
    assert melding in bsn_fout(normaliseer_bsn(tekst)).messages[0]


@pytest.mark.parametrize("tekst", GESCHREVEN)
def test_registreren_met_spaties_of_punten(login, consulent, formulier, tekst):
    formulier["bsn"] = tekst
    response = login(consulent).post("/clienten/nieuw/", formulier)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Client.objects.get().bsn == GELDIG


def test_registreren_met_een_cijfer_te_weinig_noemt_het_aantal(login, consulent, formulier):
    formulier["bsn"] = "99.99.96.77"
    response = login(consulent).post("/clienten/nieuw/", formulier)
    assert response.status_code == 400
    assert "u vulde er 8 in." in response.content.decode()
    assert not Client.objects.exists()


@pytest.mark.parametrize("tekst", GESCHREVEN)
def test_zoeken_met_spaties_of_punten_vindt_de_client(login, consulent, tekst):
    ClientFactory(bsn=GELDIG, achternaam="Gevonden")
    response = login(consulent).get("/clienten/", {"bsn": tekst})
    assert response.status_code == 200
    assert "Gevonden" in response.content.decode()


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [("123 456 789", "elfproef"), ("1234.5678", "u vulde er 8 in."), ("12ab", "andere tekens")],
)
def test_zoeken_met_een_fout_bsn_noemt_het_probleem(login, consulent, tekst, melding):
    response = login(consulent).get("/clienten/", {"bsn": tekst})
    assert melding in response.content.decode()
    assert response.context["page"] is None  # no search with a wrong number


def test_toegangslog_zoeken_normaliseert_hetzelfde(login, beheerder):
    ClientFactory(bsn=GELDIG)
    http = login(beheerder)
    assert http.get("/beheer/toegangslog/", {"bsn": "999.996.770"}).status_code == 200
    response = http.get("/beheer/toegangslog/", {"bsn": "999.996.77"})
    assert response.status_code == 400
    assert "u vulde er 8 in." in response.content.decode()
