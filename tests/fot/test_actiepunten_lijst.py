"""The action list across meetings (/fot/actiepunten/): contract management tracking
follow-up with filters, a member provider seeing only its tables' items (none of minutes in
draft), a provider at no table and another role seeing nothing, and a fixed number of queries
whatever the number of items."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from fot import services
from fot.models import Actiepunt, Tafel, Tafellid

from .conftest import EERSTE, plannen, punt

LIJST = "/fot/actiepunten/"


def rijen(html: str) -> list[str]:
    """The text of each row of the list, tags stripped."""
    tbody = re.search(r'<tbody class="utrecht-table__body">(.*?)</tbody>', html, re.S)
    if tbody is None:
        return []
    return [
        " ".join(re.sub(r"<[^>]+>", " ", rij).split())
        for rij in re.findall(r"<tr[^>]*>(.*?)</tr>", tbody.group(1), re.S)
    ]


def foutmelding(html: str, veld: str) -> str:
    gevonden = re.search(rf'id="id_{veld}_error">(.*?)</div>', html, re.S)
    return re.sub(r"<[^>]+>", " ", gevonden.group(1)).strip() if gevonden else ""


def _delen(cm, v) -> None:
    services.notulen_opslaan(actor=cm, agendapunt=punt(v, "Opening"), notulen="Welkom.")
    services.ter_vaststelling(actor=cm, vergadering=v)


@pytest.fixture
def begeleiding(aanbieder_b, medewerker_b):
    """A second table with provider B as its only member."""
    tafel = Tafel.objects.create(naam="Begeleiding")
    Tafellid.objects.create(
        tafel=tafel, organisatie=aanbieder_b, vertegenwoordiger=medewerker_b, lid_vanaf=EERSTE
    )
    return tafel


@pytest.fixture
def acties(contractmanager, sdd, eerste, tweede, actie_a, begeleiding, aanbieder_a, aanbieder_b):
    """HO (provider A): item 1 of the first meeting for A (overdue, with an update), item 2
    for all providers due at the next meeting, item 3 for the contract manager due later,
    item 4 done. Begeleiding (provider B): one open item for B. The second HO meeting gets an
    item while its minutes are in draft."""
    vandaag = timezone.localdate()
    services.actie_bijwerken(
        actor=contractmanager,
        actiepunt=actie_a,
        tekst="Dordrecht aangeleverd, Zwijndrecht volgt.",
        status="open",
        datum=date(2026, 3, 20),
    )
    alle = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Capaciteit voor de zomer doorgeven",
        eigenaar_alle_aanbieders=True,
        volgende_vergadering=True,
    )
    eigen = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Werkinstructie schoonmaak rondsturen",
        eigenaar_persoon=contractmanager,
        termijn=vandaag + timedelta(days=30),
    )
    klaar = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Presentatie normenkader delen",
        eigenaar_organisatie=sdd,
        termijn=EERSTE + timedelta(days=14),
    )
    services.actie_bijwerken(
        actor=contractmanager, actiepunt=klaar, tekst="Gedeeld per mail.", status="afgerond"
    )
    v_b = plannen(contractmanager, begeleiding, date(2026, 4, 6))
    van_b = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=v_b,
        tekst="Wachttijden begeleiding aanleveren",
        eigenaar_organisatie=aanbieder_b,
        termijn=vandaag + timedelta(days=10),
    )
    _delen(contractmanager, v_b)  # members see action items once the minutes are shared
    services.notulen_opslaan(
        actor=contractmanager, agendapunt=punt(tweede, "Opening"), notulen="Welkom."
    )
    concept = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=tweede,
        tekst="Conceptafspraak over reistijd",
        eigenaar_organisatie=aanbieder_a,
        termijn=vandaag + timedelta(days=60),
    )
    return {
        "a": actie_a,
        "alle": alle,
        "eigen": eigen,
        "klaar": klaar,
        "b": van_b,
        "concept": concept,
    }


# --------------------------------------------------------------- contract management


def test_contractmanagement_ziet_standaard_alle_open_actiepunten_op_volgorde_van_termijn(
    login, contractmanager, acties, tweede
):
    response = login(contractmanager).get(LIJST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "5 actiepunten" in html
    lijst = rijen(html)
    # Soonest due first: the overdue item, the next meeting (4 May), then by date.
    verwacht = [
        ("FOT HO 02-03-2026", "Wachtlijst per gemeente"),
        ("FOT HO 02-03-2026", "Capaciteit voor de zomer"),
        ("FOT Begeleiding 06-04-2026", "Wachttijden begeleiding"),
        ("FOT HO 02-03-2026", "Werkinstructie schoonmaak"),
        ("FOT HO 04-05-2026", "Conceptafspraak over reistijd"),
    ]
    assert len(lijst) == len(verwacht)
    for rij, (vergadering, tekst) in zip(lijst, verwacht, strict=True):
        assert vergadering in rij and tekst in rij, rij
    eerste_rij = lijst[0]
    assert "Vlijtig Liesje" in eerste_rij and "09-03-2026 verlopen" in eerste_rij
    assert "20-03-2026: Dordrecht aangeleverd, Zwijndrecht volgt." in eerste_rij
    assert "volgende vergadering (04-05-2026) verlopen" in lijst[1]
    assert "alle aanbieders" in lijst[1]
    assert "verlopen" not in lijst[3]
    assert "Presentatie normenkader" not in html  # done: not open
    assert f'href="/fot/actiepunten/{acties["a"].uuid}/"' in html
    assert f'href="/fot/vergaderingen/{acties["a"].vergadering.uuid}/#actie-' in html
    # The status filter shows open selected by default.
    assert re.search(r'<option value="open" selected>open</option>', html)


def test_filteren_op_status_tafel_eigenaar_verlopen_en_tekst(
    login, contractmanager, acties, aanbieder_a, aanbieder_b, tafel, begeleiding
):
    http = login(contractmanager)

    def teksten(**params) -> list[str]:
        response = http.get(LIJST, params)
        assert response.status_code == 200, response.content.decode()
        return [Actiepunt.objects.get(uuid=u).tekst for u in _uuids(response.content.decode())]

    assert teksten(status="afgerond") == ["Presentatie normenkader delen"]
    assert len(teksten(status="")) == 6
    assert teksten(tafel=begeleiding.pk) == ["Wachttijden begeleiding aanleveren"]
    assert teksten(tafel=tafel.pk, status="afgerond") == ["Presentatie normenkader delen"]
    assert teksten(eigenaar="alle") == ["Capaciteit voor de zomer doorgeven"]
    assert teksten(eigenaar=f"o{aanbieder_a.pk}") == [
        "Wachtlijst per gemeente aanleveren",
        "Conceptafspraak over reistijd",
    ]
    # An organisation's items include those owned by one of its people.
    assert teksten(eigenaar=f"o{contractmanager.organisatie_id}", status="") == [
        "Presentatie normenkader delen",
        "Werkinstructie schoonmaak rondsturen",
    ]
    assert teksten(eigenaar=f"p{contractmanager.pk}") == ["Werkinstructie schoonmaak rondsturen"]
    assert teksten(verlopen="on") == [
        "Wachtlijst per gemeente aanleveren",
        "Capaciteit voor de zomer doorgeven",
    ]
    assert teksten(verlopen="on", status="") == teksten(verlopen="on")  # done is never late
    assert teksten(q="wachttijd") == ["Wachttijden begeleiding aanleveren"]  # Dutch stemming
    assert teksten(q='"& | !( -') == []  # odd input is no error
    html = http.get(LIJST, {"q": "niets dergelijks"}).content.decode()
    assert "0 actiepunten" in html and "Geen actiepunten gevonden." in html


def _uuids(html: str) -> list[str]:
    return re.findall(r'href="/fot/actiepunten/([0-9a-f-]{36})/"', html)


@pytest.mark.parametrize(
    ("params", "veld", "melding"),
    [
        ({"tafel": "HO"}, "tafel", "Kies een tafel uit de lijst."),
        ({"tafel": "99999999999999999999999"}, "tafel", "Kies een tafel uit de lijst."),
        ({"status": "klaar"}, "status", "Kies een status uit de lijst."),
        ({"eigenaar": "iemand"}, "eigenaar", "Kies een eigenaar uit de lijst."),
        ({"eigenaar": "o999999"}, "eigenaar", "Kies een eigenaar uit de lijst."),
        ({"q": "x" * 201}, "q", "De zoektekst mag hooguit 200 tekens zijn."),
    ],
)
def test_foute_invoer_geeft_400_met_melding_per_veld_en_bewaart_de_invoer(
    login, contractmanager, acties, params, veld, melding
):
    response = login(contractmanager).get(LIJST, {**params, "verlopen": "on"})
    html = response.content.decode()
    assert response.status_code == 400
    assert foutmelding(html, veld) == melding
    assert f'href="#id_{veld}"' in html  # in the error summary, naming the field
    assert re.search(r'name="verlopen"[^>]*checked', html)
    assert _uuids(html) == []


def test_paginering_per_vijftig(login, contractmanager, acties, eerste):
    Actiepunt.objects.bulk_create(
        Actiepunt(
            tafel=eerste.tafel,
            vergadering=eerste,
            nummer=str(100 + i),
            tekst=f"Extra actie {i}",
            eigenaar_organisatie_id=acties["a"].eigenaar_organisatie_id,
            termijn=date(2027, 1, 1) + timedelta(days=i),
        )
        for i in range(50)
    )
    http = login(contractmanager)
    html = http.get(LIJST).content.decode()
    assert "55 actiepunten" in html and "Pagina 1 van 2" in html
    assert len(rijen(html)) == 50
    assert "pagina=2" in html
    html = http.get(LIJST, {"pagina": 2, "tafel": eerste.tafel.pk}).content.decode()
    assert len(rijen(html)) == 4 and "Extra actie 49" in html
    assert http.get(LIJST, {"pagina": "x"}).status_code == 200


def test_de_overzichtspagina_linkt_naar_de_lijst(login, contractmanager, acties, tafel):
    html = login(contractmanager).get("/fot/").content.decode()
    assert 'href="/fot/actiepunten/">Actiepunten van alle tafels</a>' in html
    assert f'href="/fot/actiepunten/?tafel={tafel.pk}&amp;status=open"' in html
    assert "Openstaande actiepunten: 4" in html  # with the item of the draft minutes


# --------------------------------------------------------------- who sees what


def test_een_lid_ziet_alleen_de_eigen_tafel_en_niets_uit_een_concept(
    login, medewerker_a, acties, begeleiding, tafel
):
    http = login(medewerker_a)
    html = http.get(LIJST, {"status": ""}).content.decode()
    assert sorted(_uuids(html)) == sorted(
        str(acties[k].uuid) for k in ("a", "alle", "eigen", "klaar")
    )
    assert "Conceptafspraak" not in html and "Wachttijden begeleiding" not in html
    # Neither table nor owner of another table is offered, nor accepted.
    assert "FOT Begeleiding" not in html and "Poetszorg" not in html
    response = http.get(LIJST, {"tafel": begeleiding.pk})
    assert response.status_code == 400
    assert foutmelding(response.content.decode(), "tafel") == "Kies een tafel uit de lijst."
    assert _uuids(response.content.decode()) == []
    response = http.get(LIJST, {"eigenaar": f"o{acties['b'].eigenaar_organisatie_id}"})
    assert response.status_code == 400 and _uuids(response.content.decode()) == []
    # The next meeting is in draft: "uiterlijk de volgende vergadering" has no date for A.
    html = http.get(LIJST, {"tafel": tafel.pk, "eigenaar": "alle"}).content.decode()
    assert rijen(html)[0].count("volgende vergadering") == 1
    assert "(04-05-2026)" not in html


def test_een_aanbieder_aan_geen_enkele_tafel_ziet_niets(
    login, aanbieder_a, acties, tafel, begeleiding
):
    from tests.factories import OrganisatieFactory, UserFactory

    buiten = UserFactory(username="mw.c", organisatie=OrganisatieFactory(naam="Privazorg"))
    http = login(buiten)
    html = http.get(LIJST, {"status": ""}).content.decode()
    assert "0 actiepunten" in html and _uuids(html) == []
    assert "Vlijtig Liesje" not in html and "FOT HO" not in html
    for params in ({"tafel": tafel.pk}, {"tafel": begeleiding.pk}):
        response = http.get(LIJST, params)
        assert response.status_code == 400, params
        assert _uuids(response.content.decode()) == []
    assert _uuids(http.get(LIJST, {"eigenaar": "alle", "status": ""}).content.decode()) == []


def test_provider_b_ziet_alleen_begeleiding(login, medewerker_b, acties, tafel):
    http = login(medewerker_b)
    assert _uuids(http.get(LIJST, {"status": ""}).content.decode()) == [str(acties["b"].uuid)]
    assert http.get(LIJST, {"tafel": tafel.pk}).status_code == 400


def test_consulent_leest_functioneel_beheer_niet_en_zonder_inlog_naar_inloggen(
    client, login, consulent, beheerder, acties
):
    response = client.get(LIJST)
    assert response.status_code == 302 and "login" in response["Location"]
    assert login(beheerder).get(LIJST).status_code == 403
    html = login(consulent).get(LIJST).content.decode()
    assert "5 actiepunten" in html


# ------------------------------------------------------------------ query counts


def _vul(cm, tafels, aanbieder, aantal: int, start: int) -> None:
    """Items with an update each, spread over meetings of several tables."""
    for i in range(start, start + aantal):
        tafel = tafels[i % len(tafels)]
        v = plannen(cm, tafel, date(2026, 6, 1) + timedelta(weeks=i))
        actie = services.actiepunt_toevoegen(
            actor=cm,
            vergadering=v,
            tekst=f"Actie {i}",
            eigenaar_organisatie=aanbieder if i % 3 else None,
            eigenaar_persoon=aanbieder.medewerkers.first() if i % 3 else cm,
            eigenaar_alle_aanbieders=i % 2 == 0,
            termijn=v.datum + timedelta(days=7) if i % 2 else None,
            volgende_vergadering=not i % 2,
        )
        services.actie_bijwerken(actor=cm, actiepunt=actie, tekst=f"Update {i}", status="open")
        _delen(cm, v)


@pytest.mark.parametrize("wie", ["contractmanager", "medewerker_a"])
def test_vast_aantal_queries_met_2_of_12_actiepunten(
    request, login, wie, contractmanager, tafel, lid_a, aanbieder_a, medewerker_a
):
    begeleiding = Tafel.objects.create(naam="Begeleiding")
    Tafellid.objects.create(tafel=begeleiding, organisatie=aanbieder_a, lid_vanaf=EERSTE)
    http = login(request.getfixturevalue(wie))
    filters = [{}, {"status": "", "verlopen": "on"}, {"tafel": tafel.pk, "q": "actie"}]

    def tel(params) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert http.get(LIJST, params).status_code == 200
        return len(ctx.captured_queries)

    _vul(contractmanager, [tafel, begeleiding], aanbieder_a, 2, start=0)
    tel({})
    voor = [tel(p) for p in filters]
    _vul(contractmanager, [tafel, begeleiding], aanbieder_a, 10, start=2)
    html = http.get(LIJST).content.decode()
    assert "12 actiepunten" in html and "Update 11" in html and "FOT Begeleiding" in html
    assert [tel(p) for p in filters] == voor
