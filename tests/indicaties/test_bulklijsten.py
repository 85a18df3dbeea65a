"""Bulk lists (000 items 4c-i, 4e): every row is checked first, nothing is imported while
a row has an error unless the user explicitly imports only the valid rows, a list is
imported once, and another organisation can neither see a list nor probe BSNs with it."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from indicaties import bulk
from indicaties.models import Bulklijst, Melding
from sdd_portal.audit.models import AccessLogEntry, Actie
from tests.factories import ProductFactory, ToewijzingFactory

ONBEKEND_BSN = "999996770"  # valid elfproef, nobody in the tests has it
UPLOADEN = reverse("indicaties:bulklijst-uploaden")
LIJSTEN = reverse("indicaties:bulklijsten")


@pytest.fixture
def ho(db):
    return ProductFactory()


@pytest.fixture
def clienten_a(aanbieder_a, ho):
    """Three clients with an assignment at provider A."""
    return [ToewijzingFactory(aanbieder=aanbieder_a, product=ho).client for _ in range(3)]


def csv_bestand(regels: list[str], *, naam="lijst.csv", codering="utf-8-sig", scheiding=";"):
    tekst = "\r\n".join(scheiding.join(r.split(";")) for r in regels) + "\r\n"
    return SimpleUploadedFile(naam, tekst.encode(codering), content_type="text/csv")


def xlsx_bestand(rijen: list[list]) -> SimpleUploadedFile:
    from openpyxl import Workbook

    werkboek = Workbook()
    for rij in rijen:
        werkboek.active.append(rij)
    out = io.BytesIO()
    werkboek.save(out)
    return SimpleUploadedFile("lijst.xlsx", out.getvalue())


def omzetting(clienten, minuten=(150, 90, 200), was=("ja", "nee", "j")) -> list[str]:
    kop = ["BSN;Minuten per week;Was/strijk"]
    return kop + [f"{c.bsn};{m};{w}" for c, m, w in zip(clienten, minuten, was, strict=False)]


def uploaden(http, bestand, soort="omzetting", **extra):
    return http.post(UPLOADEN, {"soort": soort, "bestand": bestand, **extra})


def detail(lijst) -> str:
    return reverse("indicaties:bulklijst-detail", args=[lijst.uuid])


def importeren(lijst) -> str:
    return reverse("indicaties:bulklijst-importeren", args=[lijst.uuid])


# ------------------------------------------------------------------ the happy path


def test_good_list_imports_every_row_as_a_melding(login, medewerker_a, aanbieder_a, clienten_a):
    http = login(medewerker_a)
    response = uploaden(http, csv_bestand(omzetting(clienten_a)))
    lijst = Bulklijst.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(lijst)
    assert lijst.aanbieder == aanbieder_a and lijst.aantal_fouten == 0
    body = http.get(detail(lijst)).content.decode()
    assert "Alles importeren" in body and "geldige regels importeren" not in body
    assert Melding.objects.count() == 0  # checking imports nothing

    assert http.post(importeren(lijst), {"keuze": "alles"}).status_code == 302
    meldingen = {m.client_id: m for m in Melding.objects.all()}
    assert set(meldingen) == {c.pk for c in clienten_a}
    eerste = meldingen[clienten_a[0].pk]
    assert eerste.bron == Melding.Bron.OMZETTING and eerste.aanbieder == aanbieder_a
    assert eerste.opgegeven_minuten == 150 and eerste.opgegeven_was_strijk is True
    assert meldingen[clienten_a[1].pk].opgegeven_was_strijk is False
    assert eerste.meldingsdatum == timezone.localdate() and eerste.product.code == "HO"
    lijst.refresh_from_db()
    assert lijst.status == Bulklijst.Status.GEIMPORTEERD and lijst.aantal_geimporteerd == 3
    assert lijst.geimporteerd_op is not None
    laatste = lijst.history.order_by("-history_date").first()
    assert laatste.history_user == medewerker_a
    assert laatste.history_change_reason == "Lijst geïmporteerd"
    # every melding has its history row, with who imported it
    geschiedenis = Melding.history.filter(id__in=[m.pk for m in meldingen.values()])
    assert geschiedenis.count() == 3
    assert {h.history_user_id for h in geschiedenis} == {medewerker_a.pk}


def test_a_list_is_imported_only_once(medewerker_a, aanbieder_a, clienten_a):
    lijst = bulk.bulklijst_controleren(
        actor=medewerker_a, soort="omzetting", upload=csv_bestand(omzetting(clienten_a))
    )
    assert bulk.bulklijst_importeren(actor=medewerker_a, lijst=lijst, alleen_geldige=False) == 3
    with pytest.raises(ValidationError, match="al geïmporteerd"):
        bulk.bulklijst_importeren(actor=medewerker_a, lijst=lijst, alleen_geldige=True)
    assert Melding.objects.count() == 3


def test_waiting_list_needs_only_the_bsn(medewerker_a, clienten_a):
    regels = ["bsn", clienten_a[0].bsn, clienten_a[1].bsn]
    lijst = bulk.bulklijst_controleren(
        actor=medewerker_a, soort="wachtlijst", upload=csv_bestand(regels)
    )
    assert lijst.aantal_fouten == 0
    assert bulk.bulklijst_importeren(actor=medewerker_a, lijst=lijst, alleen_geldige=False) == 2
    melding = Melding.objects.get(client=clienten_a[0])
    assert melding.bron == Melding.Bron.WACHTLIJST and melding.opgegeven_minuten is None


def test_contract_manager_uploads_for_the_chosen_provider(
    login, contractmanager, aanbieder_a, clienten_a
):
    http = login(contractmanager)
    response = uploaden(http, csv_bestand(omzetting(clienten_a)))
    assert response.status_code == 400
    assert "Kies de aanbieder van wie de lijst komt." in response.content.decode()
    response = uploaden(http, csv_bestand(omzetting(clienten_a)), aanbieder=aanbieder_a.pk)
    lijst = Bulklijst.objects.get()
    assert response.status_code == 302 and lijst.aanbieder == aanbieder_a
    assert http.post(importeren(lijst), {"keuze": "alles"}).status_code == 302
    assert set(Melding.objects.values_list("aanbieder", flat=True)) == {aanbieder_a.pk}


# ------------------------------------------------------------------ rows with errors


def test_one_bad_row_imports_nothing_and_shows_that_rows_message(login, medewerker_a, clienten_a):
    http = login(medewerker_a)
    uploaden(http, csv_bestand(omzetting(clienten_a, minuten=(150, "anderhalf uur", 200))))
    lijst = Bulklijst.objects.get()
    assert lijst.aantal_fouten == 1
    body = http.get(detail(lijst)).content.decode()
    assert (
        "Regel 3, kolom &#x27;Minuten per week&#x27;: &#x27;anderhalf uur&#x27; is geen heel "
        "aantal minuten per week" in body
    )
    assert "Alleen de 2 geldige regels importeren" in body
    assert ">Alles importeren<" not in body

    response = http.post(importeren(lijst), {"keuze": "alles"})
    assert response.status_code == 400
    assert "er is niets geïmporteerd" in response.content.decode()
    assert Melding.objects.count() == 0
    with pytest.raises(ValidationError, match="1 regel"):
        bulk.bulklijst_importeren(actor=medewerker_a, lijst=lijst, alleen_geldige=False)


def test_only_valid_rows_needs_explicit_confirmation_and_imports_the_rest(
    login, medewerker_a, clienten_a
):
    http = login(medewerker_a)
    uploaden(http, csv_bestand(omzetting(clienten_a, was=("ja", "misschien", "nee"))))
    lijst = Bulklijst.objects.get()
    response = http.post(importeren(lijst), {"keuze": "geldige"})
    assert response.status_code == 400
    assert "Vink aan dat u alleen de geldige regels wilt importeren" in response.content.decode()
    assert Melding.objects.count() == 0

    response = http.post(importeren(lijst), {"keuze": "geldige", "bevestiging": "on"})
    assert response.status_code == 302
    assert set(Melding.objects.values_list("client", flat=True)) == {
        clienten_a[0].pk,
        clienten_a[2].pk,
    }
    lijst.refresh_from_db()
    assert lijst.aantal_geimporteerd == 2
    assert lijst.history.order_by("-history_date").first().history_change_reason == (
        "Lijst geïmporteerd (alleen geldige regels)"
    )


def test_every_kind_of_row_error_names_row_and_column(medewerker_a, clienten_a, ho):
    Melding.objects.create(
        client=clienten_a[2], product=ho, meldingsdatum=timezone.localdate(), bron="omzetting"
    )
    regels = [
        "bsn;minuten;wasstrijk",
        "12345;60;ja",  # 2: not 9 digits
        "123456789;60;ja",  # 3: elfproef
        f"{clienten_a[0].bsn};0;ja",  # 4: minutes out of range
        f"{clienten_a[1].bsn};;",  # 5: minutes and was/strijk missing
        f"{clienten_a[1].bsn};60;1",  # 6: duplicate of 5
        f"{clienten_a[2].bsn};60;0",  # 7: open melding of this kind
        ";60;ja",  # 8: no BSN
    ]
    lijst = bulk.bulklijst_controleren(
        actor=medewerker_a, soort="omzetting", upload=csv_bestand(regels)
    )
    fouten = {r["regel"]: " ".join(r["fouten"]) for r in lijst.regels}
    assert "Regel 2, kolom 'bsn': '12345' is geen BSN" in fouten[2]
    assert "Regel 3, kolom 'bsn': 123456789 voldoet niet aan de elfproef" in fouten[3]
    assert "Regel 4, kolom 'minuten': 0 minuten per week kan niet" in fouten[4]
    assert "Regel 5, kolom 'minuten': vul het aantal minuten per week in." in fouten[5]
    assert "Regel 5, kolom 'wasstrijk': vul ja of nee in." in fouten[5]
    assert "staat ook op regel 6" in fouten[5] and "staat ook op regel 5" in fouten[6]
    assert "Regel 7: voor deze cliënt loopt al een melding" in fouten[7]
    assert "Regel 8, kolom 'bsn': het BSN ontbreekt." in fouten[8]
    assert lijst.aantal_fouten == 7
    with pytest.raises(ValidationError, match="Geen enkele regel is goed"):
        bulk.bulklijst_importeren(actor=medewerker_a, lijst=lijst, alleen_geldige=True)


# ------------------------------------------------------------------ files


def test_semicolon_csv_with_bom_and_comma_csv_in_cp1252_both_parse(medewerker_a, clienten_a):
    regels = omzetting(clienten_a)
    met_bom = bulk.lees_bestand(csv_bestand(regels).read())
    assert met_bom.kop == ["BSN", "Minuten per week", "Was/strijk"]  # no BOM left in 'BSN'
    assert [r[1][0] for r in met_bom.rijen] == [c.bsn for c in clienten_a]
    regels[0] = "Burgerservicenummer,Minuten,Was/strijk (ja/nee),Opmerking"
    regels[1] += ";Cliënt wil café-uren"  # an e-acute in Windows-1252
    ansi = csv_bestand(regels, codering="cp1252", scheiding=",")
    lijst = bulk.bulklijst_controleren(actor=medewerker_a, soort="omzetting", upload=ansi)
    assert lijst.aantal_fouten == 0
    assert [r["minuten"] for r in lijst.regels] == [150, 90, 200]


def test_xlsx_parses_with_numbers_and_booleans(medewerker_a, clienten_a):
    upload = xlsx_bestand(
        [
            ["bsn", "minuten_per_week", "was_strijk"],
            [int(clienten_a[0].bsn), 150, True],
            [],  # empty rows are skipped
            [clienten_a[1].bsn, 90.0, "Nee"],
        ]
    )
    lijst = bulk.bulklijst_controleren(actor=medewerker_a, soort="omzetting", upload=upload)
    assert lijst.aantal_fouten == 0, lijst.regels
    assert [(r["regel"], r["minuten"], r["was_strijk"]) for r in lijst.regels] == [
        (2, 150, True),
        (4, 90, False),
    ]


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "Dit bestand is een PDF"),
        (b"PK\x03\x04 not really a zip", "geen leesbaar Excel-bestand"),
        (b"bsn;minuten\x01;was\n", "geen tekstbestand"),
        (b"naam;adres\nJan;Wijnstraat 1\n", "mist de kolom(men) 'bsn'"),
        (b"bsn;minuten per week;was/strijk\n", "geen regels met cli"),
        (b"", "leeg"),
    ],
)
def test_wrong_files_are_refused_with_a_clear_message(
    login, medewerker_a, clienten_a, inhoud, melding
):
    response = uploaden(login(medewerker_a), SimpleUploadedFile("lijst.csv", inhoud))
    assert response.status_code == 400
    assert melding in response.content.decode().replace("&#x27;", "'")
    assert not Bulklijst.objects.exists()


def test_row_and_size_limits(medewerker_a, clienten_a, settings, monkeypatch):
    monkeypatch.setattr("indicaties.bulk.lezen.MAX_REGELS", 2)
    with pytest.raises(ValidationError, match="meer dan 2 regels"):
        bulk.bulklijst_controleren(
            actor=medewerker_a, soort="omzetting", upload=csv_bestand(omzetting(clienten_a))
        )
    monkeypatch.setattr("indicaties.bulk.lezen.MAX_UITGEPAKT", 1000)
    with pytest.raises(ValidationError, match="uitgepakt te groot"):
        bulk.bulklijst_controleren(
            actor=medewerker_a, soort="wachtlijst", upload=xlsx_bestand([["bsn"], [1]])
        )
    settings.UPLOAD_MAX_BYTES = 20
    with pytest.raises(ValidationError, match="groter dan het maximum"):
        bulk.bulklijst_controleren(
            actor=medewerker_a, soort="omzetting", upload=csv_bestand(omzetting(clienten_a))
        )


def test_example_files_are_valid_lists(login, medewerker_a):
    http = login(medewerker_a)
    for soort in ("omzetting", "wachtlijst"):
        response = http.get(reverse("indicaties:bulklijst-voorbeeld", args=[soort]))
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
        tabel = bulk.lees_bestand(response.content)
        assert tabel.kop[0] == "bsn" and len(tabel.rijen) == 2
    assert http.get("/lijsten/voorbeeld/onzin.csv").status_code == 404


# ------------------------------------------------------------------ who may do what


def test_another_providers_list_answers_404(
    login, medewerker_a, medewerker_b, contractmanager, clienten_a
):
    lijst = bulk.bulklijst_controleren(
        actor=medewerker_a, soort="omzetting", upload=csv_bestand(omzetting(clienten_a))
    )
    http = login(medewerker_b)
    assert http.get(detail(lijst)).status_code == 404
    assert http.post(importeren(lijst), {"keuze": "alles"}).status_code == 404
    # Both attempts are logged as refusals naming the list (issue 17, finding 7).
    geweigerd = AccessLogEntry.objects.filter(username=medewerker_b.username, uitkomst="geweigerd")
    assert geweigerd.count() == 2 and all(str(lijst.uuid) in e.omschrijving for e in geweigerd)
    assert str(lijst.uuid) not in http.get(LIJSTEN).content.decode()
    with pytest.raises(PermissionDenied):
        bulk.bulklijst_importeren(actor=medewerker_b, lijst=lijst, alleen_geldige=False)
    assert Melding.objects.count() == 0
    assert login(contractmanager).get(detail(lijst)).status_code == 200


def test_bsns_cannot_be_probed(medewerker_b, aanbieder_b, clienten_a):
    """A client of provider A and a BSN nobody has get the same answer for provider B."""
    regels = ["bsn", clienten_a[0].bsn, ONBEKEND_BSN]
    lijst = bulk.bulklijst_controleren(
        actor=medewerker_b, soort="wachtlijst", upload=csv_bestand(regels)
    )
    van_a, onbekend = (r["fouten"] for r in lijst.regels)

    def zonder_regel_en_bsn(fouten, bsn):
        return [f.split(":", 1)[1].replace(bsn, "<bsn>") for f in fouten]

    assert zonder_regel_en_bsn(van_a, clienten_a[0].bsn) == zonder_regel_en_bsn(
        onbekend, ONBEKEND_BSN
    )
    assert f"niet bekend als cliënt van {aanbieder_b.naam}" in onbekend[0]
    assert all(r["client_id"] is None for r in lijst.regels)


def test_provider_cannot_upload_for_another_provider(medewerker_b, aanbieder_a, clienten_a):
    lijst = bulk.bulklijst_controleren(
        actor=medewerker_b,
        soort="wachtlijst",
        aanbieder=aanbieder_a,
        upload=csv_bestand(["bsn", clienten_a[0].bsn]),
    )
    assert lijst.aanbieder == medewerker_b.organisatie and lijst.aantal_fouten == 1


@pytest.mark.parametrize("fixture", ["consulent", "beheerder"])
def test_sdd_roles_other_than_contract_management_get_403(
    request, login, fixture, medewerker_a, clienten_a
):
    lijst = bulk.bulklijst_controleren(
        actor=medewerker_a, soort="omzetting", upload=csv_bestand(omzetting(clienten_a))
    )
    http = login(request.getfixturevalue(fixture))
    for url in (LIJSTEN, UPLOADEN, detail(lijst), "/lijsten/voorbeeld/omzetting.csv"):
        assert http.get(url).status_code == 403, url
    assert http.post(importeren(lijst), {"keuze": "alles"}).status_code == 403
    with pytest.raises(PermissionDenied):
        bulk.bulklijst_controleren(
            actor=request.getfixturevalue(fixture),
            soort="wachtlijst",
            upload=csv_bestand(["bsn", ONBEKEND_BSN]),
        )
    assert Melding.objects.count() == 0


# ------------------------------------------------------------------ log and queries


def test_report_logs_the_matched_clients(login, medewerker_a, clienten_a):
    regels = [*omzetting(clienten_a), f"{ONBEKEND_BSN};60;ja"]
    lijst = bulk.bulklijst_controleren(
        actor=medewerker_a, soort="omzetting", upload=csv_bestand(regels)
    )
    assert login(medewerker_a).get(detail(lijst)).status_code == 200
    entry = AccessLogEntry.objects.get(actie=Actie.BEKIJKEN)
    assert entry.client_ids == sorted(c.pk for c in clienten_a)
    assert entry.user_id == medewerker_a.pk


def _aantal_queries(http, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert http.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_and_report_pages_run_a_fixed_number_of_queries(
    login, medewerker_a, aanbieder_a, ho, django_assert_max_num_queries
):
    def lijst_met(n: int) -> Bulklijst:
        clienten = [ToewijzingFactory(aanbieder=aanbieder_a, product=ho).client for _ in range(n)]
        regels = ["bsn;minuten per week;was/strijk"] + [f"{c.bsn};60;ja" for c in clienten]
        return bulk.bulklijst_controleren(
            actor=medewerker_a, soort="omzetting", upload=csv_bestand(regels)
        )

    http = login(medewerker_a)
    klein = lijst_met(3)
    weinig_rapport = _aantal_queries(http, detail(klein))
    weinig_lijsten = _aantal_queries(http, LIJSTEN)
    groot = lijst_met(30)
    for _ in range(27):
        lijst_met(1)
    with django_assert_max_num_queries(weinig_rapport):
        assert http.get(detail(groot)).status_code == 200
    with django_assert_max_num_queries(weinig_lijsten):
        assert http.get(LIJSTEN).status_code == 200
