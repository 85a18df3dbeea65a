"""Contract-management pages, tested from every role's side."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contractbeheer import services
from contractbeheer.models import Capaciteit, Clientenstop, Contactpersoon, MandaatDocument
from proefdata.demo.indicaties import demo_pdf
from sdd_portal.audit.models import AccessLogEntry
from tests.conftest import contract
from tests.factories import OrganisatieFactory

VANDAAG = timezone.localdate


@pytest.mark.parametrize(
    ("fixture", "status"),
    [("contractmanager", 200), ("consulent", 403), ("medewerker_a", 403), ("beheerder", 403)],
)
def test_dashboard_is_for_contract_management_only(request, login, fixture, status):
    assert login(request.getfixturevalue(fixture)).get("/contractbeheer/").status_code == status


def test_dashboard_shows_stops_capacity_and_exports(login, contractmanager, stop_a, capaciteit_b):
    services.stop_beoordelen(actor=contractmanager, stop=stop_a, besluit="akkoord")
    Capaciteit.objects.filter(pk=capaciteit_b.pk).update(
        bijgewerkt_op=timezone.now() - timedelta(weeks=10)
    )
    http = login(contractmanager)
    body = http.get("/contractbeheer/").content.decode()
    assert "Vlijtig Liesje" in body and "Poetszorg" in body
    csv_body = http.get("/contractbeheer/", {"formaat": "csv"}).content.decode("utf-8-sig")
    lines = csv_body.splitlines()
    assert lines[0].startswith("Aanbieder;AGB-code")
    assert any(
        line.startswith("Vlijtig Liesje;") and line.split(";")[-4] == "1" for line in lines
    )  # one stop in force
    assert any(
        line.startswith("Poetszorg;") and line.split(";")[-2] == "1" for line in lines
    )  # one stale capacity announcement
    xlsx = http.get("/contractbeheer/", {"formaat": "xlsx"})
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "Aanbieder"
    assert {row[0].value for row in sheet.iter_rows(min_row=2)} >= {"Vlijtig Liesje", "Poetszorg"}


def test_provider_requests_a_stop_and_cm_agrees_in_the_browser_flow(
    login, medewerker_a, contractmanager, ho, dordrecht, contracten
):
    http = login(medewerker_a)
    response = http.post(
        "/clientenstops/nieuw/",
        {
            "product": ho.pk,
            "gemeenten": [dordrecht.pk],
            "ingangsdatum": VANDAAG().isoformat(),
            "heroverwegingsdatum": (VANDAAG() + timedelta(days=30)).isoformat(),
            "reden": "Ziekteverzuim",
            "maatregelen": "Uitzendkrachten",
        },
    )
    assert response.status_code == 302
    stop = Clientenstop.objects.get()
    assert stop.status == "aangevraagd" and stop.aangevraagd_door == medewerker_a
    assert http.post(f"/clientenstops/{stop.uuid}/", {"besluit": "akkoord"}).status_code == 403
    cm = login(contractmanager)
    assert cm.post(f"/clientenstops/{stop.uuid}/", {"besluit": "akkoord"}).status_code == 302
    stop.refresh_from_db()
    assert stop.status == "akkoord" and stop.is_geldend


def test_stop_request_without_end_date_keeps_input_and_explains(login, medewerker_a, ho, dordrecht):
    response = login(medewerker_a).post(
        "/clientenstops/nieuw/",
        {
            "product": ho.pk,
            "gemeenten": [dordrecht.pk],
            "ingangsdatum": "2026-12-01",
            "reden": "Ziekteverzuim",
            "maatregelen": "",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "altijd tijdelijk" in body
    assert "Ziekteverzuim" in body
    assert not Clientenstop.objects.exists()


def test_other_provider_cannot_see_or_touch_a_stop(login, medewerker_b, stop_a):
    http = login(medewerker_b)
    assert http.get(f"/clientenstops/{stop_a.uuid}/").status_code == 404
    assert (
        http.post(f"/clientenstops/{stop_a.uuid}/", {"einddatum": "2026-01-01"}).status_code == 404
    )
    assert "Vlijtig Liesje" not in http.get("/clientenstops/?toon=alle").content.decode()


def test_consulent_reads_stops_but_cannot_request_or_judge(login, consulent, stop_a):
    http = login(consulent)
    assert http.get("/clientenstops/?toon=aangevraagd").status_code == 200
    assert http.get(f"/clientenstops/{stop_a.uuid}/").status_code == 200
    assert http.get("/clientenstops/nieuw/").status_code == 403
    assert http.post(f"/clientenstops/{stop_a.uuid}/", {"besluit": "akkoord"}).status_code == 403
    stop_a.refresh_from_db()
    assert stop_a.status == "aangevraagd"


def test_capacity_is_managed_only_by_its_own_provider(
    login, medewerker_a, medewerker_b, capaciteit_b, ho, dordrecht, contracten
):
    a = login(medewerker_a)
    assert a.get(f"/capaciteit/{capaciteit_b.uuid}/wijzigen/").status_code == 404
    assert a.post(f"/capaciteit/{capaciteit_b.uuid}/intrekken/").status_code == 404
    capaciteit_b.refresh_from_db()
    assert capaciteit_b.ingetrokken_op is None
    b = login(medewerker_b)
    response = b.post(
        f"/capaciteit/{capaciteit_b.uuid}/wijzigen/",
        {
            "product": ho.pk,
            "gemeenten": [dordrecht.pk],
            "aantal": 20,
            "vanaf_datum": VANDAAG().isoformat(),
        },
    )
    assert response.status_code == 302
    capaciteit_b.refresh_from_db()
    assert capaciteit_b.aantal == 20
    assert b.post(f"/capaciteit/{capaciteit_b.uuid}/intrekken/").status_code == 302
    assert "Er is geen actuele capaciteit" in b.get("/capaciteit/").content.decode()


@pytest.mark.parametrize("aantal", ["0", "-3", "veel", ""])
def test_bad_capacity_numbers_are_refused_in_dutch(login, medewerker_b, ho, dordrecht, aantal):
    response = login(medewerker_b).post(
        "/capaciteit/nieuw/",
        {
            "product": ho.pk,
            "gemeenten": [dordrecht.pk],
            "aantal": aantal,
            "vanaf_datum": "2026-12-01",
        },
    )
    assert response.status_code == 400
    assert 'id="id_aantal_error"' in response.content.decode()
    assert not Capaciteit.objects.exists()


def test_signal_pages_from_both_sides(
    login, medewerker_a, medewerker_b, contractmanager, client_van_a
):
    a = login(medewerker_a)
    response = a.post(
        f"/signalen/nieuw/?client={client_van_a.uuid}",
        {
            "client": str(client_van_a.uuid),
            "soort": "normenkader",
            "onderwerp": "Afwijking",
            "toelichting": "Wij rekenen 180 minuten",
            "berekende_minuten": "180",
        },
    )
    assert response.status_code == 302
    signaal_url = response["Location"]
    b = login(medewerker_b)
    assert b.get(signaal_url).status_code == 404
    assert "Afwijking" not in b.get("/signalen/?toon=alle").content.decode()
    assert b.get(f"/signalen/nieuw/?client={client_van_a.uuid}").status_code == 404
    cm = login(contractmanager)
    assert (
        cm.post(signaal_url, {"antwoord": "We kijken ernaar met de consulent."}).status_code == 302
    )
    body = login(medewerker_a).get(signaal_url).content.decode()
    assert "We kijken ernaar met de consulent." in body
    assert (
        AccessLogEntry.objects.filter(
            omschrijving="Signaal bekeken", client_ids=[client_van_a.pk]
        ).count()
        >= 2
    )


@pytest.mark.parametrize("fixture", ["contractmanager", "consulent", "medewerker_a", "beheerder"])
def test_every_role_sees_the_contacts(request, db, login, fixture):
    Contactpersoon.objects.create(onderwerp="Tarieven", contact="CM", email="cm@example.org")
    body = login(request.getfixturevalue(fixture)).get("/contactpersonen/").content.decode()
    assert "Tarieven" in body


def test_consulent_sees_stop_and_capacity_when_choosing_and_the_stop_blocks(
    login, consulent, contractmanager, stop_a, capaciteit_b, dordrecht, ho, aanbieder_a
):
    from tests.factories import ClientFactory

    services.stop_beoordelen(actor=contractmanager, stop=stop_a, besluit="akkoord")
    client = ClientFactory(gemeente=dordrecht)
    http = login(consulent)
    body = http.get(f"/clienten/{client.uuid}/toewijzing/").content.decode()
    assert "Cliëntenstop" in body and "Ruimte voor ongeveer 12" in body
    response = http.post(
        f"/clienten/{client.uuid}/toewijzing/?product=HO",
        {"aanbieder": aanbieder_a.pk, "ingangsdatum": VANDAAG().isoformat()},
    )
    assert response.status_code == 400
    assert "heeft een cliëntenstop" in response.content.decode()
    assert not client.toewijzingen.exists()


def test_provider_cannot_use_the_assignment_page(login, medewerker_a, client_van_a):
    assert login(medewerker_a).get(f"/clienten/{client_van_a.uuid}/toewijzing/").status_code == 403


# --------------------------------------------------------------- documents


PDF = demo_pdf("Toestemming mandaat (test)")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a not a pdf", "geen PDF"),
        (b"%PDF-1.4\n trailer << /Encrypt 5 0 R >>\n%%EOF", "beveiligd"),
        (b"%PDF-1.4\n half a file", "onvolledig"),
        (b"%PDF-1.4\n no objects at all\n%%EOF\n", "kan niet worden gelezen"),
    ],
)
def test_mandate_document_checks_the_content_not_the_name(
    mandaat_a, contractmanager, content, message
):
    from django.core.exceptions import ValidationError

    upload = SimpleUploadedFile("toestemming.pdf", content, content_type="application/pdf")
    with pytest.raises(ValidationError, match=message):
        services.mandaatdocument_toevoegen(
            actor=contractmanager, mandaat=mandaat_a, upload=upload, omschrijving="Toestemming"
        )
    assert not MandaatDocument.objects.exists()


def test_mandate_document_too_large_is_refused(mandaat_a, contractmanager, settings):
    from django.core.exceptions import ValidationError

    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("groot.pdf", PDF + b"0" * (2 * 1024 * 1024))
    with pytest.raises(ValidationError, match="het maximum is 1 MB"):
        services.mandaatdocument_toevoegen(
            actor=contractmanager, mandaat=mandaat_a, upload=upload, omschrijving="Groot"
        )


def test_mandate_document_download_is_checked_and_logged(
    login, mandaat_a, contractmanager, medewerker_a, medewerker_b, documenten_in_tmp
):
    document = services.mandaatdocument_toevoegen(
        actor=contractmanager,
        mandaat=mandaat_a,
        upload=SimpleUploadedFile("ok.pdf", PDF),
        omschrijving="Toestemming",
    )
    assert len(document.sha256) == 64
    url = f"/mandaatdocumenten/{document.uuid}/"
    assert login(medewerker_b).get(url).status_code == 404
    for user in (medewerker_a, contractmanager):
        response = login(user).get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
    downloads = AccessLogEntry.objects.filter(actie="downloaden")
    assert downloads.filter(uitkomst="toegestaan").count() == 2
    # Provider B's attempt: one refusal naming the document (issue 17, finding 7).
    [geweigerd] = downloads.filter(uitkomst="geweigerd")
    assert geweigerd.username == medewerker_b.username and str(document.uuid) in (
        geweigerd.omschrijving
    )


@pytest.fixture
def documenten_in_tmp(tmp_path, monkeypatch):
    """Documents of this test in its own directory; put back afterwards, because a real
    worker process of a later test writes where the settings say."""
    from django.core.files.storage import storages

    monkeypatch.setattr(storages["documenten"], "location", str(tmp_path))
    monkeypatch.setattr(storages["documenten"], "base_location", str(tmp_path))
    return tmp_path


def _mandaat_formulier(aanbieder, medewerker, product, **extra):
    data = {
        "aanbieder": aanbieder.pk,
        "medewerker": medewerker.pk,
        "producten": [product.pk],
        "geldig_van": "2025-03-01",
        "geldig_tot": "2026-12-31",
        "documenten-TOTAL_FORMS": "1",
        "documenten-INITIAL_FORMS": "0",
        "documenten-MIN_NUM_FORMS": "0",
        "documenten-MAX_NUM_FORMS": "1000",
        "documenten-0-omschrijving": "Ondertekende toestemming",
    }
    data.update(extra)
    return data


def test_cm_registers_contract_and_mandate_in_the_admin(
    login, contractmanager, aanbieder_a, medewerker_a, ho, documenten_in_tmp
):
    from contractbeheer.models import Mandaat

    http = login(contractmanager)
    response = http.post(
        "/admin/contractbeheer/contract/add/",
        {
            "aanbieder": aanbieder_a.pk,
            "product": ho.pk,
            "status": "actief",
            "ingangsdatum": "2025-01-01",
            "toetredingsdatum": "2024-06-01",
        },
    )
    assert "toetredingsdatum ligt voor de ingangsdatum" in response.content.decode()
    contract(
        aanbieder_a,
        ho,
        toetredingsdatum=timezone.datetime(2025, 2, 1).date(),
        einddatum=timezone.datetime(2026, 12, 31).date(),
    )
    url = "/admin/contractbeheer/mandaat/add/"
    # Before the provider joined: refused.
    body = http.post(
        url,
        _mandaat_formulier(
            aanbieder_a,
            medewerker_a,
            ho,
            geldig_van="2025-01-15",
            **{"documenten-0-upload": SimpleUploadedFile("t.pdf", PDF)},
        ),
    ).content.decode()
    assert "buiten de periode waarin" in body
    # After the contract ends: refused.
    body = http.post(
        url,
        _mandaat_formulier(
            aanbieder_a,
            medewerker_a,
            ho,
            geldig_tot="2027-06-30",
            **{"documenten-0-upload": SimpleUploadedFile("t.pdf", PDF)},
        ),
    ).content.decode()
    assert "buiten de periode waarin" in body
    # Without the signed consent: refused.
    body = http.post(
        url, _mandaat_formulier(aanbieder_a, medewerker_a, ho, **{"documenten-0-omschrijving": ""})
    ).content.decode()
    assert "Voeg de ondertekende toestemming (PDF) toe" in body
    # A text file named .pdf: refused.
    body = http.post(
        url,
        _mandaat_formulier(
            aanbieder_a,
            medewerker_a,
            ho,
            **{"documenten-0-upload": SimpleUploadedFile("t.pdf", b"hallo")},
        ),
    ).content.decode()
    assert "geen PDF" in body
    assert not Mandaat.objects.exists()
    response = http.post(
        url,
        _mandaat_formulier(
            aanbieder_a,
            medewerker_a,
            ho,
            **{"documenten-0-upload": SimpleUploadedFile("toestemming.pdf", PDF)},
        ),
    )
    assert response.status_code == 302
    mandaat = Mandaat.objects.get()
    assert mandaat.documenten.get().bestandsnaam == "toestemming.pdf"
    change = http.get(f"/admin/contractbeheer/mandaat/{mandaat.pk}/change/").content.decode()
    assert f"/mandaatdocumenten/{mandaat.documenten.get().uuid}/" in change


def test_cm_cannot_change_sdd_itself_nor_send_reset_mails(
    login, contractmanager, sdd, medewerker_a, aanbieder_a
):
    from django.core import mail

    http = login(contractmanager)
    assert http.get(f"/admin/accounts/organisatie/{sdd.pk}/change/").status_code == 200
    response = http.post(f"/admin/accounts/organisatie/{sdd.pk}/change/", {"soort": "aanbieder"})
    assert response.status_code == 403
    sdd.refresh_from_db()
    assert sdd.is_sdd
    page = http.get(f"/admin/accounts/organisatie/{aanbieder_a.pk}/change/").content.decode()
    assert 'name="soort"' not in page  # an organisation does not change kind
    http.post(
        "/admin/accounts/user/",
        {"action": "stuur_wachtwoord_herstelmail", "_selected_action": [medewerker_a.pk]},
    )
    assert mail.outbox == []


def test_cm_cannot_reach_user_admin_changes_or_client_data_in_admin(
    login, contractmanager, medewerker_a
):
    http = login(contractmanager)
    assert http.get(f"/admin/accounts/user/{medewerker_a.pk}/change/").status_code == 200
    assert http.post(f"/admin/accounts/user/{medewerker_a.pk}/change/", {}).status_code == 403
    assert http.get("/admin/audit/accesslogentry/").status_code == 403


# ------------------------------------------------------------- query counts


def _queries(http, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert http.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_pages_queries_do_not_grow(
    login, contractmanager, medewerker_a, consulent, ho, dordrecht, client_van_a
):
    def grow(n):
        for _ in range(n):
            org = OrganisatieFactory()
            contract(org, ho)
            stop = services.stop_aanvragen(
                actor=contractmanager,
                aanbieder=org,
                product=ho,
                gemeenten=[dordrecht],
                ingangsdatum=VANDAAG(),
                einddatum=VANDAAG() + timedelta(days=9),
                reden="r",
                maatregelen="m",
            )
            services.stop_beoordelen(actor=contractmanager, stop=stop, besluit="akkoord")
            services.capaciteit_melden(
                actor=contractmanager,
                aanbieder=org,
                product=ho,
                gemeenten=[dordrecht],
                aantal=3,
                vanaf_datum=VANDAAG(),
            )
            services.signaal_melden(
                actor=medewerker_a,
                client=client_van_a,
                soort="anders",
                onderwerp="o",
                toelichting="t",
            )

    urls = [
        "/contractbeheer/",
        "/clientenstops/",
        "/capaciteit/",
        "/signalen/",
        f"/clienten/{client_van_a.uuid}/toewijzing/",
    ]
    grow(2)
    counts = {}
    for url in urls:
        http = login(consulent if "toewijzing" in url else contractmanager)
        counts[url] = _queries(http, url)
    grow(15)
    for url in urls:
        http = login(consulent if "toewijzing" in url else contractmanager)
        assert _queries(http, url) == counts[url], url


def test_stops_overview_per_provider(login, contractmanager, stop_a, aanbieder_b, ho, dordrecht):
    from tests.factories import UserFactory

    other = services.stop_aanvragen(
        actor=UserFactory(organisatie=aanbieder_b),
        aanbieder=aanbieder_b,
        product=ho,
        gemeenten=[dordrecht],
        ingangsdatum=VANDAAG(),
        einddatum=VANDAAG() + timedelta(days=5),
        reden="r",
        maatregelen="m",
    )
    http = login(contractmanager)
    body = http.get(
        "/clientenstops/", {"toon": "alle", "aanbieder": str(aanbieder_b.uuid)}
    ).content.decode()
    assert f"/clientenstops/{other.uuid}/" in body
    assert f"/clientenstops/{stop_a.uuid}/" not in body
    body = http.get("/clientenstops/", {"toon": "alle", "aanbieder": "geen-uuid"}).content.decode()
    assert f"/clientenstops/{stop_a.uuid}/" in body and f"/clientenstops/{other.uuid}/" in body


def test_cm_home_lists_what_waits_for_a_decision(login, contractmanager, stop_a):
    body = login(contractmanager).get("/").content.decode()
    assert "Cliëntenstops die op uw besluit wachten: 1" in body


def test_stop_request_checks_contract_start_date_and_date_order(
    login, medewerker_a, ho, dordrecht, contracten
):
    from tests.factories import ProductFactory

    db_product = ProductFactory(code="DB", naam="Dagbesteding")
    http = login(medewerker_a)
    base = {
        "product": ho.pk,
        "gemeenten": [dordrecht.pk],
        "reden": "r",
        "maatregelen": "m",
        "ingangsdatum": (VANDAAG() + timedelta(days=5)).isoformat(),
        "einddatum": (VANDAAG() + timedelta(days=50)).isoformat(),
    }
    body = http.post("/clientenstops/nieuw/", {**base, "product": db_product.pk}).content.decode()
    assert "geen lopend contract voor DB" in body
    body = http.post(
        "/clientenstops/nieuw/",
        {**base, "ingangsdatum": (VANDAAG() - timedelta(days=10)).isoformat()},
    ).content.decode()
    assert "ingangsdatum ligt in het verleden" in body
    body = http.post(
        "/clientenstops/nieuw/", {**base, "einddatum": VANDAAG().isoformat()}
    ).content.decode()
    assert 'id="id_einddatum_error"' in body and "ligt voor de ingangsdatum" in body
    assert not Clientenstop.objects.exists()


def test_capacity_only_for_contracted_products(login, medewerker_b, dordrecht, contracten):
    from tests.factories import ProductFactory

    db_product = ProductFactory(code="DB", naam="Dagbesteding")
    body = (
        login(medewerker_b)
        .post(
            "/capaciteit/nieuw/",
            {
                "product": db_product.pk,
                "gemeenten": [dordrecht.pk],
                "aantal": 4,
                "vanaf_datum": VANDAAG().isoformat(),
            },
        )
        .content.decode()
    )
    assert "geen lopend contract voor DB" in body
    assert not Capaciteit.objects.exists()


def test_dashboard_lists_mandates_that_end_soon(login, contractmanager, mandaat_a):
    mandaat_a.geldig_tot = VANDAAG() + timedelta(days=10)
    mandaat_a.save()
    body = login(contractmanager).get("/contractbeheer/").content.decode()
    assert "Mandaten die binnen 30 dagen eindigen" in body
    assert f"geldig tot en met {mandaat_a.geldig_tot:%d-%m-%Y}" in body


def test_provider_finds_the_answer_to_its_signal(
    login, medewerker_a, contractmanager, client_van_a
):
    signaal = services.signaal_melden(
        actor=medewerker_a,
        client=client_van_a,
        soort="anders",
        onderwerp="Vraag over uren",
        toelichting="t",
    )
    services.signaal_beantwoorden(actor=contractmanager, signaal=signaal, antwoord="Antwoord")
    http = login(medewerker_a)
    assert "Vraag over uren" in http.get("/signalen/").content.decode()
    assert "Vraag over uren" not in http.get("/signalen/?toon=open").content.decode()
    assert "met antwoord" in http.get("/").content.decode()


def test_provider_home_shows_own_stop_and_capacity_only(
    login, medewerker_a, medewerker_b, stop_a, capaciteit_b
):
    body_a = login(medewerker_a).get("/").content.decode()
    assert f"/clientenstops/{stop_a.uuid}/" in body_a
    assert f"/capaciteit/{capaciteit_b.uuid}/" not in body_a
    body_b = login(medewerker_b).get("/").content.decode()
    assert f"/capaciteit/{capaciteit_b.uuid}/wijzigen/" in body_b
    assert f"/clientenstops/{stop_a.uuid}/" not in body_b
