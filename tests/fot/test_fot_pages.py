"""The pages of the consultation tables, from every side: contract management preparing and
recording, a member provider reading and updating its own items, a provider that is not at
the table, the functional administrator, and the public without login."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from fot import services
from fot.models import (
    Actiepunt,
    ActieStatus,
    Agendapunt,
    Annotatie,
    Deelname,
    Vergadering,
    VergaderingStatus,
)

from .conftest import DEELNEMER, EERSTE, TWEEDE, plannen, punt

OVERZICHT = "/fot/"


def url(v, stap: str = "") -> str:
    return f"/fot/vergaderingen/{v.uuid}/{stap}"


def berichten(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


def foutmelding(html: str, veld: str) -> str:
    """The error text shown under one field (its ``<id>_error`` element)."""
    gevonden = re.search(rf'id="id_{veld}_error">(.*?)</div>', html, re.S)
    return re.sub(r"<[^>]+>", " ", gevonden.group(1)).strip() if gevonden else ""


@pytest.fixture
def vastgesteld(contractmanager, eerste, tweede, actie_a):
    """The first meeting approved in the second, with changes, and published."""
    services.vaststellen(
        actor=contractmanager,
        vergadering=eerste,
        in_vergadering=tweede,
        wijzigingen=f"{DEELNEMER} vult aan: ook Zwijndrecht.",
    )
    services.publiceren(actor=contractmanager, vergadering=eerste)
    eerste.refresh_from_db()
    return eerste


# --------------------------------------------------------------- contract management


def test_plannen_met_foute_invoer_legt_per_veld_uit_en_bewaart_de_invoer(
    login, contractmanager, tafel, lid_a
):
    http = login(contractmanager)
    response = http.post(
        "/fot/nieuw/",
        {
            "tafel": tafel.pk,
            "datum": "",
            "begintijd": "15:00",
            "eindtijd": "14:00",
            "locatie": "",
            "voorzitter": "Ilse Greive",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert foutmelding(html, "datum") == "Vul de datum in."
    assert foutmelding(html, "eindtijd") == "De eindtijd ligt na de begintijd."
    assert foutmelding(html, "locatie") == "Vul de locatie in, of kies online."
    assert 'aria-invalid="true"' in html
    assert 'value="15:00"' in html and 'value="14:00"' in html and 'value="Ilse Greive"' in html
    assert f'<option value="{tafel.pk}" selected>' in html
    assert not Vergadering.objects.exists() and not Agendapunt.objects.exists()

    # A date that is no date, and online without a place is fine.
    response = http.post("/fot/nieuw/", {"tafel": tafel.pk, "datum": "30-02-2026", "online": "on"})
    assert response.status_code == 400
    assert foutmelding(response.content.decode(), "datum") == "Vul een geldige datum in."
    assert not Vergadering.objects.exists()


def test_de_overzichtspagina_met_foute_invoer_toont_de_bestaande_vergaderingen(
    login, contractmanager, eerste, tafel
):
    response = login(contractmanager).post("/fot/nieuw/", {"tafel": tafel.pk, "datum": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "2 maart 2026" in html and url(eerste) in html
    assert "Er zijn nog geen vergaderingen" not in html


def test_contractmanagement_bereidt_voor_legt_vast_stelt_vast_en_publiceert(
    login, contractmanager, tafel, lid_a, aanbieder_a, medewerker_a
):
    http = login(contractmanager)
    assert "Nieuwe vergadering plannen" in http.get(OVERZICHT).content.decode()

    # Plan the meeting.
    response = http.post(
        "/fot/nieuw/",
        {
            "tafel": tafel.pk,
            "datum": EERSTE.isoformat(),
            "begintijd": "14:00",
            "eindtijd": "16:00",
            "locatie": "Stadskantoor Dordrecht",
            "voorzitter": "Ilse Greive",
        },
        follow=True,
    )
    v = Vergadering.objects.get()
    assert response.redirect_chain[-1][0] == url(v)
    assert "FOT HO 02-03-2026 is gepland met de standaardagenda." in berichten(response)
    html = response.content.decode()
    assert "Nieuw lid: Vlijtig Liesje" in html  # announced under Mededelingen
    assert "14:00\u201316:00" in html and "Stadskantoor Dordrecht" in html

    # A theme and a sub-item.
    response = http.post(url(v, "agendapunt/"), {"titel": "Wachtlijst"}, follow=True)
    assert "Agendapunt 5 is toegevoegd." in berichten(response)
    wachtlijst = punt(v, "Wachtlijst")
    assert wachtlijst.nummer == "5"
    response = http.post(
        url(v, "agendapunt/"),
        {"titel": "Cijfers per gemeente", "bovenliggend": str(wachtlijst.uuid)},
        follow=True,
    )
    assert "Agendapunt 5a is toegevoegd." in berichten(response)
    assert http.post(url(v, "agendapunt/"), {"titel": ""}).status_code == 400

    # Write the minutes of the theme.
    pagina = f"/fot/agendapunten/{wachtlijst.uuid}/"
    assert "Subpunt toevoegen onder 5" in http.get(pagina).content.decode()
    response = http.post(pagina, {"titel": "Wachtlijst", "notulen": ""}, follow=True)
    response = http.post(
        pagina,
        {"titel": "Wachtlijst", "notulen": "De wachtlijst is gedaald naar 40 cliënten."},
        follow=True,
    )
    assert "Het verslag van punt 5 is opgeslagen." in berichten(response)
    assert "De wachtlijst is gedaald naar 40 cliënten." in response.content.decode()
    v.refresh_from_db()
    assert v.status == VergaderingStatus.CONCEPT
    response = http.post(pagina, {"titel": "", "notulen": "Iets"})
    assert response.status_code == 400
    assert foutmelding(response.content.decode(), "titel") == "Geef het agendapunt een titel."

    # An action item: first wrong, then right.
    response = http.post(url(v, "actiepunt/"), {"tekst": "", "termijn": "2026-03-01"})
    html = response.content.decode()
    assert response.status_code == 400
    assert foutmelding(html, "tekst") == "Beschrijf de afspraak of actie."
    assert not Actiepunt.objects.exists()
    response = http.post(
        url(v, "actiepunt/"),
        {
            "tekst": "Cijfers aanleveren",
            "eigenaar_organisatie": aanbieder_a.pk,
            "termijn": "2026-03-01",
        },
    )
    assert response.status_code == 400
    assert "De termijn ligt voor de vergadering van 02-03-2026." in foutmelding(
        response.content.decode(), "termijn"
    )
    assert "Cijfers aanleveren</textarea>" in response.content.decode()  # input kept
    response = http.post(
        url(v, "actiepunt/"),
        {
            "tekst": "Cijfers aanleveren",
            "eigenaar_organisatie": aanbieder_a.pk,
            "termijn": "2026-03-16",
            "agendapunt": str(wachtlijst.pk),
        },
        follow=True,
    )
    assert "Actiepunt 1 is vastgelegd." in berichten(response)
    actie = Actiepunt.objects.get()
    assert actie.agendapunt == wachtlijst and actie.eigenaar_organisatie == aanbieder_a

    # Share the draft: now the member provider reads it.
    assert login(medewerker_a).get(url(v)).status_code == 404
    http = login(contractmanager)
    response = http.post(url(v, "delen/"), follow=True)
    assert "Het conceptverslag is gedeeld met de leden, ter vaststelling." in berichten(response)
    v.refresh_from_db()
    assert v.status == VergaderingStatus.TER_VASTSTELLING
    assert "Cijfers aanleveren" in login(medewerker_a).get(url(v)).content.decode()

    # The next meeting approves the minutes, with a change.
    http = login(contractmanager)
    http.post(
        "/fot/nieuw/",
        {"tafel": tafel.pk, "datum": TWEEDE.isoformat(), "online": "on"},
    )
    volgende = Vergadering.objects.get(datum=TWEEDE)
    html = http.get(url(volgende)).content.decode()
    assert "Verslag van 02-03-2026 vaststellen" in html
    assert "Cijfers aanleveren" in html  # still open: on the next agenda
    response = http.post(
        url(volgende, "vaststellen/"), {"wijzigingen": "Het waren 42 cliënten."}, follow=True
    )
    assert "Het verslag van 02-03-2026 is vastgesteld met wijzigingen." in berichten(response)
    v.refresh_from_db()
    assert v.status == VergaderingStatus.VASTGESTELD and v.vastgesteld_in == volgende
    assert Annotatie.objects.get().tekst == "Vastgesteld met wijzigingen: Het waren 42 cliënten."
    # Locked: the minutes page sends back to the meeting, the forms are gone, and minutes
    # sent from a form opened before the approval are refused with the reason, text kept.
    assert http.get(pagina).status_code == 302
    response = http.post(pagina, {"titel": "Wachtlijst", "notulen": "Late aanvulling."})
    assert response.status_code == 400
    assert "is vastgesteld op 04-05-2026 en ligt vast" in response.content.decode()
    assert "Late aanvulling.</textarea>" in response.content.decode()
    assert punt(v, "Wachtlijst").notulen == "De wachtlijst is gedaald naar 40 cliënten."
    html = http.get(url(v)).content.decode()
    assert "Actiepunt vastleggen" not in html and "Verslag van punt" not in html
    assert "Annotatie toevoegen" in html

    # An annotation and publication.
    response = http.post(url(v, "annotatie/"), {"tekst": "Zwijndrecht telt mee."}, follow=True)
    assert "De annotatie is toegevoegd." in berichten(response)
    response = http.post(url(v, "annotatie/"), {"tekst": ""}, follow=True)
    assert any("schrijf de aanvulling" in b for b in berichten(response))
    assert "Publiceren op de openbare pagina" in http.get(url(v)).content.decode()
    response = http.post(url(v, "publiceren/"), follow=True)
    assert "Het verslag staat op de openbare pagina." in berichten(response)
    v.refresh_from_db()
    assert v.gepubliceerd_op is not None
    publiek = http.get("/openbaar/fot/").content.decode()
    assert f"/openbaar/fot/{v.uuid}/" in publiek
    # Publishing the new, unapproved meeting is refused with a message.
    response = http.post(url(volgende, "publiceren/"), follow=True)
    assert "Alleen een vastgesteld verslag kan worden gepubliceerd." in berichten(response)
    volgende.refresh_from_db()
    assert volgende.gepubliceerd_op is None


def test_aanbieder_werkt_eigen_actiepunt_bij_op_de_pagina(
    login, medewerker_a, medewerker_b, actie_a
):
    pagina = f"/fot/actiepunten/{actie_a.uuid}/"
    http = login(medewerker_a)
    assert "Stand van zaken vastleggen" in http.get(pagina).content.decode()
    response = http.post(pagina, {"tekst": "", "status": "afgerond"})
    assert response.status_code == 400
    assert foutmelding(response.content.decode(), "tekst") == "Schrijf de stand van zaken op."
    response = http.post(pagina, {"tekst": "Klaar", "status": "vervallen"})
    assert response.status_code == 400
    assert "Alleen contractmanagement laat een actie vervallen." in response.content.decode()
    response = http.post(pagina, {"tekst": "Alles aangeleverd.", "status": "afgerond"}, follow=True)
    assert "De stand van zaken is vastgelegd." in berichten(response)
    assert "Alles aangeleverd." in response.content.decode()
    actie_a.refresh_from_db()
    assert actie_a.status == ActieStatus.AFGEROND


# --------------------------------------------------------------- who sees what


def test_een_aanbieder_buiten_de_tafel_ziet_niets(
    login, medewerker_b, eerste, actie_a, aanbieder_b
):
    http = login(medewerker_b)
    mededelingen = punt(eerste, "Mededelingen")
    for pagina in (
        url(eerste),
        url(eerste, "pdf/"),
        f"/fot/actiepunten/{actie_a.uuid}/",
        f"/fot/agendapunten/{mededelingen.uuid}/",
    ):
        assert http.get(pagina).status_code == 404, pagina
    assert (
        http.post(
            f"/fot/actiepunten/{actie_a.uuid}/", {"tekst": "x", "status": "afgerond"}
        ).status_code
        == 404
    )
    html = http.get(OVERZICHT).content.decode()
    assert "Er zijn nog geen vergaderingen van tafels waar u aan deelneemt." in html
    assert "FOT HO" not in html and url(eerste) not in html
    assert "Nieuwe vergadering plannen" not in html
    actie_a.refresh_from_db()
    assert actie_a.status == ActieStatus.OPEN


def test_een_lid_leest_mee_maar_bereidt_niets_voor(
    login, contractmanager, medewerker_a, eerste, tweede, actie_a, tafel, aanbieder_a
):
    # An item the provider does not own: readable, not to be updated.
    van_sdd = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Verslag rondsturen",
        eigenaar_persoon=contractmanager,
        volgende_vergadering=True,
    )
    http = login(medewerker_a)
    actiepagina = f"/fot/actiepunten/{van_sdd.uuid}/"
    assert "Stand van zaken vastleggen" not in http.get(actiepagina).content.decode()
    html = http.get(OVERZICHT).content.decode()
    assert url(eerste) in html and url(tweede) in html
    assert "Nieuwe vergadering plannen" not in html
    html = http.get(url(eerste)).content.decode()
    assert "Wachtlijst per gemeente aanleveren" in html and DEELNEMER in html
    assert "Actiepunt vastleggen" not in html and "Verslag afronden" not in html
    assert http.get(url(eerste, "pdf/")).status_code == 200
    # The minutes page sends a reader back to the meeting.
    mededelingen = punt(eerste, "Mededelingen")
    assert http.get(f"/fot/agendapunten/{mededelingen.uuid}/").status_code == 302

    voor = (
        Vergadering.objects.count(),
        Agendapunt.objects.count(),
        Actiepunt.objects.count(),
        Annotatie.objects.count(),
        list(Vergadering.objects.values_list("status", "gepubliceerd_op")),
        mededelingen.notulen,
    )
    posts = [
        ("/fot/nieuw/", {"tafel": tafel.pk, "datum": "2026-07-06", "locatie": "Thuis"}),
        (url(tweede, "agendapunt/"), {"titel": "Eigen punt"}),
        (
            url(tweede, "actiepunt/"),
            {"tekst": "Iets", "eigenaar_organisatie": aanbieder_a.pk, "volgende_vergadering": "on"},
        ),
        (url(eerste, "delen/"), {}),
        (url(tweede, "vaststellen/"), {"wijzigingen": ""}),
        (url(eerste, "publiceren/"), {}),
        (url(eerste, "annotatie/"), {"tekst": "Aanvulling"}),
        (f"/fot/agendapunten/{mededelingen.uuid}/", {"titel": "Anders", "notulen": "Anders"}),
    ]
    posts.append((actiepagina, {"tekst": "Klaar", "status": "afgerond"}))
    for pad, data in posts:
        assert http.post(pad, data).status_code == 403, pad
    van_sdd.refresh_from_db()
    assert van_sdd.status == ActieStatus.OPEN and not van_sdd.updates.exists()
    mededelingen.refresh_from_db()
    assert voor == (
        Vergadering.objects.count(),
        Agendapunt.objects.count(),
        Actiepunt.objects.count(),
        Annotatie.objects.count(),
        list(Vergadering.objects.values_list("status", "gepubliceerd_op")),
        mededelingen.notulen,
    )


def test_een_lid_ziet_geen_verslag_in_concept(login, contractmanager, medewerker_a, tweede):
    services.notulen_opslaan(
        actor=contractmanager, agendapunt=punt(tweede, "Opening"), notulen="Welkom."
    )
    http = login(medewerker_a)
    assert http.get(url(tweede)).status_code == 404
    assert http.get(url(tweede, "pdf/")).status_code == 404
    assert url(tweede) not in http.get(OVERZICHT).content.decode()


def test_consulent_leest_en_functioneel_beheer_heeft_geen_toegang(
    login, consulent, beheerder, eerste, tafel
):
    http = login(consulent)
    assert http.get(url(eerste)).status_code == 200
    assert http.post("/fot/nieuw/", {"tafel": tafel.pk, "datum": "2026-07-06"}).status_code == 403
    assert http.post(url(eerste, "delen/")).status_code == 403
    http = login(beheerder)
    assert http.get(OVERZICHT).status_code == 403
    assert http.get(url(eerste)).status_code == 403
    assert http.get("/fot/zoeken/?q=afspraak").status_code == 403


def test_zonder_inlog_naar_de_inlogpagina(client, eerste):
    for pagina in (OVERZICHT, url(eerste), url(eerste, "pdf/")):
        response = client.get(pagina)
        assert response.status_code == 302 and "login" in response["Location"]


# ------------------------------------------------------------------- public pages


def test_de_openbare_lijst_toont_alleen_gepubliceerde_verslagen(client, vastgesteld, tweede):
    html = client.get("/openbaar/fot/").content.decode()
    assert f"/openbaar/fot/{vastgesteld.uuid}/" in html
    assert f"/openbaar/fot/{tweede.uuid}/" not in html
    assert client.get(f"/openbaar/fot/{tweede.uuid}/").status_code == 404
    assert client.get(f"/openbaar/fot/{tweede.uuid}/pdf/").status_code == 404


def test_een_vastgesteld_maar_niet_gepubliceerd_verslag_is_niet_openbaar(
    client, contractmanager, eerste, tweede
):
    services.vaststellen(actor=contractmanager, vergadering=eerste, in_vergadering=tweede)
    assert client.get(f"/openbaar/fot/{eerste.uuid}/").status_code == 404
    assert (
        "Er zijn nog geen verslagen gepubliceerd." in client.get("/openbaar/fot/").content.decode()
    )


def test_het_openbare_verslag_noemt_organisaties_en_geen_namen(client, vastgesteld):
    response = client.get(f"/openbaar/fot/{vastgesteld.uuid}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vlijtig Liesje" in html and "Sociale Dienst Drechtsteden" in html
    assert "[Vlijtig Liesje] licht de wachtlijstcijfers toe." in html
    assert "[Vlijtig Liesje] vult aan: ook Zwijndrecht." in html  # the annotation too
    assert "Wachtlijst per gemeente aanleveren" in html
    for naam in ("Jan", "Vries", "Ilse", "Greive"):
        assert not re.search(rf"\b{naam}\b", html), naam


def test_de_openbare_pdf_noemt_organisaties_en_geen_namen(client, vastgesteld, login, consulent):
    response = client.get(f"/openbaar/fot/{vastgesteld.uuid}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    tekst = " ".join(tekst.split())
    assert "Vlijtig Liesje" in tekst and "wachtlijstcijfers" in tekst
    assert "Vries" not in tekst and "Greive" not in tekst
    # Staff and members get the minutes with the names as recorded.
    intern = login(consulent).get(url(vastgesteld, "pdf/"))
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(intern.content)).pages)
    assert DEELNEMER in " ".join(tekst.split())


# ------------------------------------------------------------------------ search


def test_zoeken_vindt_verbogen_woorden_en_alleen_eigen_tafels(
    login, contractmanager, medewerker_a, medewerker_b, eerste, actie_a
):
    mededelingen = punt(eerste, "Mededelingen")
    for wie in (contractmanager, medewerker_a):
        html = login(wie).get("/fot/zoeken/", {"q": "afspraak"}).content.decode()
        assert f"#punt-{mededelingen.pk}" in html, wie
        html = login(wie).get("/fot/zoeken/", {"q": "wachtlijsten aanleveren"}).content.decode()
        assert f"/fot/actiepunten/{actie_a.uuid}/" in html, wie
    http = login(medewerker_b)
    html = http.get("/fot/zoeken/", {"q": "afspraak"}).content.decode()
    assert "Agendapunten (0)" in html and "Geen agendapunten gevonden." in html
    html = http.get("/fot/zoeken/", {"q": "wachtlijst"}).content.decode()
    assert "Agendapunten (0)" in html and "Actiepunten (0)" in html
    # Odd input is no error.
    assert http.get("/fot/zoeken/", {"q": '"& | !( -'}).status_code == 200


# ------------------------------------------------------------------ query counts


def _vul(cm, v, aanbieder, aantal: int, start: int = 0) -> None:
    for i in range(start, start + aantal):
        services.agendapunt_toevoegen(actor=cm, vergadering=v, titel=f"Thema {i}")
        actie = services.actiepunt_toevoegen(
            actor=cm,
            vergadering=v,
            tekst=f"Actie {i}",
            eigenaar_organisatie=aanbieder,
            eigenaar_persoon=aanbieder.medewerkers.first(),
            termijn=v.datum + timedelta(days=7),
        )
        services.actie_bijwerken(actor=cm, actiepunt=actie, tekst=f"Update {i}", status="open")
        Deelname.objects.create(
            vergadering=v, organisatie=aanbieder, organisatie_naam=aanbieder.naam, naam=f"Naam {i}"
        )


@pytest.mark.parametrize("wie", ["contractmanager", "medewerker_a"])
def test_vergaderpagina_vast_aantal_queries(
    request, login, wie, contractmanager, eerste, tweede, aanbieder_a
):
    http = login(request.getfixturevalue(wie))

    def tel(pagina):
        with CaptureQueriesContext(connection) as ctx:
            assert http.get(pagina).status_code == 200
        return len(ctx.captured_queries)

    _vul(contractmanager, eerste, aanbieder_a, 2)
    _vul(contractmanager, tweede, aanbieder_a, 2)
    tel(url(tweede))
    voor = (
        tel(url(tweede)),
        tel(url(eerste)),
        tel(f"/fot/actiepunten/{eerste.actiepunten.first().uuid}/"),
    )
    _vul(contractmanager, eerste, aanbieder_a, 10, start=2)
    _vul(contractmanager, tweede, aanbieder_a, 10, start=2)
    assert tweede.actiepunten.count() == 12 and eerste.actiepunten.count() == 12
    html = http.get(url(tweede)).content.decode()
    assert "Actie 11" in html and "Update 11" in html and "Thema 11" in html
    assert voor == (
        tel(url(tweede)),
        tel(url(eerste)),
        tel(f"/fot/actiepunten/{eerste.actiepunten.first().uuid}/"),
    )


@pytest.mark.parametrize("wie", ["contractmanager", "medewerker_a"])
def test_overzicht_vast_aantal_queries(
    request, login, wie, contractmanager, tafel, eerste, tweede, aanbieder_a
):
    from fot.models import Tafel, Tafellid

    http = login(request.getfixturevalue(wie))

    def tel():
        with CaptureQueriesContext(connection) as ctx:
            assert http.get(OVERZICHT).status_code == 200
        return len(ctx.captured_queries)

    tel()
    voor = tel()
    tweede_tafel = Tafel.objects.create(naam="Begeleiding")
    Tafellid.objects.create(tafel=tweede_tafel, organisatie=aanbieder_a, lid_vanaf=date(2025, 1, 1))
    for i in range(10):
        t = tafel if i % 2 else tweede_tafel
        v = plannen(contractmanager, t, date(2026, 6, 1) + timedelta(weeks=i))
        _vul(contractmanager, v, aanbieder_a, 1)
    html = http.get(OVERZICHT).content.decode()
    assert "FOT Begeleiding" in html and html.count("/fot/vergaderingen/") == 12
    assert tel() == voor


# --------------------------------------------------------------------- home page


def test_startpagina_toont_de_actiepunten_van_de_eigen_organisatie(
    login, medewerker_a, medewerker_b, actie_a
):
    html = login(medewerker_a).get("/").content.decode()
    assert "Uw actiepunten van de overlegtafels" in html
    assert "Wachtlijst per gemeente aanleveren" in html and "uiterlijk 09-03-2026" in html
    assert f"/fot/actiepunten/{actie_a.uuid}/" in html
    html = login(medewerker_b).get("/").content.decode()
    assert "Uw actiepunten van de overlegtafels" not in html
    assert "Wachtlijst per gemeente" not in html


def test_startpagina_toont_geen_afgerond_actiepunt_en_geen_actiepunt_uit_een_concept(
    login, contractmanager, medewerker_a, tweede, actie_a, aanbieder_a
):
    services.actie_bijwerken(
        actor=medewerker_a, actiepunt=actie_a, tekst="Klaar", status="afgerond"
    )
    services.notulen_opslaan(
        actor=contractmanager, agendapunt=punt(tweede, "Opening"), notulen="Welkom."
    )
    concept = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=tweede,
        tekst="Conceptafspraak over reistijd",
        eigenaar_organisatie=aanbieder_a,
        volgende_vergadering=True,
    )
    http = login(medewerker_a)
    assert http.get(f"/fot/actiepunten/{concept.uuid}/").status_code == 404
    html = http.get("/").content.decode()
    # Every action item listed opens; one in draft minutes is not listed yet.
    assert "Conceptafspraak over reistijd" not in html
    assert "Uw actiepunten van de overlegtafels" not in html
    services.ter_vaststelling(actor=contractmanager, vergadering=tweede)
    html = http.get("/").content.decode()
    assert "Conceptafspraak over reistijd" in html
    assert http.get(f"/fot/actiepunten/{concept.uuid}/").status_code == 200


def test_gegevens_deelnemers_en_bijlagen(
    login, contractmanager, medewerker_a, medewerker_b, eerste, aanbieder_a
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from proefdata.demo.indicaties import demo_pdf

    cm = login(contractmanager)
    gegevens = url(eerste, "gegevens/")
    basis = {
        "datum": eerste.datum.isoformat(),
        "begintijd": "14:00",
        "eindtijd": "16:00",
        "locatie": "Stadskantoor Dordrecht",
        "opname_toestemming": "true",
        "deelnemers-TOTAL_FORMS": "1",
        "deelnemers-INITIAL_FORMS": "0",
        "deelnemers-0-naam": "Piet Post",
        "deelnemers-0-rol": "vertegenwoordiger",
        "deelnemers-0-aanwezig": "on",
    }
    fout = cm.post(gegevens, basis)
    assert fout.status_code == 400
    assert "Kies voor wie deze deelnemer aanschuift." in fout.content.decode()
    assert "Piet Post" in fout.content.decode()  # what was typed is kept
    assert not eerste.deelnames.filter(naam="Piet Post").exists()
    assert (
        cm.post(gegevens, {**basis, "deelnemers-0-organisatie": aanbieder_a.pk}).status_code == 302
    )
    eerste.refresh_from_db()
    assert eerste.opname_toestemming is True and eerste.locatie == "Stadskantoor Dordrecht"
    assert eerste.deelnames.get(naam="Piet Post").organisatie == aanbieder_a
    # A member may not change the meeting (the test client is shared: log in again after).
    assert login(medewerker_a).post(gegevens, basis).status_code == 403
    cm = login(contractmanager)
    # Attachments: content checked, served only to those who see the meeting.
    mededelingen = punt(eerste, "Mededelingen")
    upload = f"/fot/agendapunten/{mededelingen.uuid}/bijlage/"
    nep = cm.post(
        upload, {"omschrijving": "Presentatie", "bestand": SimpleUploadedFile("p.pdf", b"hallo")}
    )
    assert nep.status_code == 400 and "geen PDF" in nep.content.decode()
    pdf = demo_pdf("Presentatie normenkader")
    goed = cm.post(
        upload, {"omschrijving": "Presentatie", "bestand": SimpleUploadedFile("p.pdf", pdf)}
    )
    assert goed.status_code == 302
    bijlage = mededelingen.bijlagen.get()
    assert len(bijlage.sha256) == 64
    assert (
        b"".join(login(medewerker_a).get(f"/fot/bijlagen/{bijlage.uuid}/").streaming_content) == pdf
    )
    assert login(medewerker_b).get(f"/fot/bijlagen/{bijlage.uuid}/").status_code == 404
    assert login(medewerker_a).post(upload, {"omschrijving": "x"}).status_code == 403
