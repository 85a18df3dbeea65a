"""The consultation tables (FOT) at the service and rule level: the standard agenda, the
numbering, the action list across meetings, approval and its lock, publication, updates by
the owner and the daily rule for overdue action items."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from fot import services
from fot.models import (
    Actiepunt,
    ActieStatus,
    Agendapunt,
    Annotatie,
    Tafellid,
    Vergadering,
    VergaderingStatus,
)
from fot.regels import ActiepuntVerlopen
from proefdata.demo import fot_seeds as seeds
from proefdata.demo.fot import fot_demo
from sdd_portal.accounts.models import Organisatie, Rol
from signalen.models import Ontvanger, Signaal, SignaalSoort
from signalen.regels import REGELS, dagelijkse_taken
from tests.factories import OrganisatieFactory, UserFactory

from .conftest import EERSTE, TWEEDE, plannen, punt

STANDAARD = [
    "Opening",
    "Mededelingen",
    "Vaststellen verslag vorige vergadering",
    "Openstaande afspraken en vervolgacties",
    "Samenvatting afspraken en vervolgacties",
    "Rondvraag",
    "Sluiting",
]


def agenda(v) -> list[tuple[str, str]]:
    return list(v.agenda.order_by("volgorde", "id").values_list("nummer", "titel"))


# ------------------------------------------------------------------------- planning


def test_plannen_geeft_de_standaardagenda_en_meldt_nieuwe_en_vertrokken_leden(
    contractmanager, tafel, lid_a, aanbieder_b
):
    vorige = plannen(contractmanager, tafel, date(2026, 1, 12))
    vertrekker = OrganisatieFactory(naam="Stichting de Merwelanden")
    Tafellid.objects.create(
        tafel=tafel, organisatie=vertrekker, lid_vanaf=date(2024, 1, 1), lid_tot=date(2026, 2, 15)
    )
    Tafellid.objects.create(tafel=tafel, organisatie=aanbieder_b, lid_vanaf=date(2026, 2, 1))

    v = plannen(contractmanager, tafel, EERSTE, begintijd=None, online=True, locatie="")

    assert agenda(v) == [(str(i), titel) for i, titel in enumerate(STANDAARD, start=1)]
    assert v.status == VergaderingStatus.GEPLAND
    regels = v.mededelingen_leden.splitlines()
    assert "Nieuw lid: Poetszorg (per 01-02-2026)." in regels
    assert "Vertrokken: Stichting de Merwelanden (tot 15-02-2026)." in regels
    assert not any("Vlijtig Liesje" in r for r in regels)  # a member since 2025: no news
    assert services.vorige_vergadering(v) == vorige
    # The history says who planned it and why.
    rij = v.history.get()
    assert (
        rij.history_user == contractmanager and rij.history_change_reason == "Vergadering gepland"
    )


@pytest.mark.parametrize("wie", ["medewerker_a", "consulent", "beheerder"])
def test_alleen_contractmanagement_plant_een_vergadering(request, tafel, wie):
    with pytest.raises(PermissionDenied):
        plannen(request.getfixturevalue(wie), tafel, EERSTE)
    assert not Vergadering.objects.exists()


def test_een_vergadering_met_eindtijd_voor_begintijd_wordt_geweigerd(contractmanager, tafel):
    from datetime import time

    with pytest.raises(ValidationError, match="De eindtijd ligt na de begintijd"):
        plannen(contractmanager, tafel, EERSTE, begintijd=time(15), eindtijd=time(14))
    assert not Vergadering.objects.exists() and not Agendapunt.objects.exists()


# ------------------------------------------------------------------------- agenda


def test_een_thema_komt_voor_de_samenvatting_en_de_agenda_wordt_hernummerd(
    contractmanager, tafel, lid_a
):
    v = plannen(contractmanager, tafel, EERSTE)
    thema = services.agendapunt_toevoegen(actor=contractmanager, vergadering=v, titel="Wachtlijst")
    # The item returned is the item as numbered on the agenda (the page says "punt 5").
    assert thema.nummer == "5"
    tweede = services.agendapunt_toevoegen(
        actor=contractmanager, vergadering=v, titel=" Tarieven 2027 "
    )
    assert tweede.nummer == "6" and tweede.titel == "Tarieven 2027"
    assert agenda(v) == [
        ("1", "Opening"),
        ("2", "Mededelingen"),
        ("3", "Vaststellen verslag vorige vergadering"),
        ("4", "Openstaande afspraken en vervolgacties"),
        ("5", "Wachtlijst"),
        ("6", "Tarieven 2027"),
        ("7", "Samenvatting afspraken en vervolgacties"),
        ("8", "Rondvraag"),
        ("9", "Sluiting"),
    ]
    # Agenda history: every renumbering is recorded with its reason.
    redenen = set(Agendapunt.history.values_list("history_change_reason", flat=True))
    assert redenen == {"Standaardagenda", "Agendapunt toegevoegd", "Agenda hernummerd"}


def test_subpunten_krijgen_letters_en_nummers_blijven_uniek(contractmanager, tafel, lid_a):
    v = plannen(contractmanager, tafel, EERSTE)
    vier = punt(v, "Openstaande afspraken en vervolgacties")
    a = services.agendapunt_toevoegen(
        actor=contractmanager, vergadering=v, titel="Wachtlijst", bovenliggend=vier
    )
    b = services.agendapunt_toevoegen(
        actor=contractmanager, vergadering=v, titel="Reiskosten", bovenliggend=vier
    )
    assert (a.nummer, b.nummer) == ("4a", "4b")
    # A new theme after the sub-items: the sub-items keep their letters under 4.
    thema = services.agendapunt_toevoegen(actor=contractmanager, vergadering=v, titel="Cao vvt")
    onder_thema = services.agendapunt_toevoegen(
        actor=contractmanager, vergadering=v, titel="Loonruimte", bovenliggend=thema
    )
    assert onder_thema.nummer == "5a"
    assert agenda(v)[3:8] == [
        ("4", "Openstaande afspraken en vervolgacties"),
        ("4a", "Wachtlijst"),
        ("4b", "Reiskosten"),
        ("5", "Cao vvt"),
        ("5a", "Loonruimte"),
    ]
    nummers = list(v.agenda.values_list("nummer", flat=True))
    assert len(nummers) == len(set(nummers)) == 11


def test_een_agendapunt_zonder_titel_wordt_geweigerd(contractmanager, tafel, lid_a):
    v = plannen(contractmanager, tafel, EERSTE)
    with pytest.raises(ValidationError) as exc:
        services.agendapunt_toevoegen(actor=contractmanager, vergadering=v, titel="  ")
    assert exc.value.message_dict == {"titel": ["Geef het agendapunt een titel."]}


# -------------------------------------------------------------------- action items


def test_actiepunt_zonder_tekst_eigenaar_en_termijn_geeft_fouten_per_veld(contractmanager, eerste):
    with pytest.raises(ValidationError) as exc:
        services.actiepunt_toevoegen(actor=contractmanager, vergadering=eerste, tekst=" ")
    fouten = exc.value.message_dict
    assert fouten["tekst"] == ["Beschrijf de afspraak of actie."]
    assert "Kies wie de actie uitvoert" in fouten["eigenaar_organisatie"][0]
    assert "uiterste datum" in fouten["termijn"][0]
    assert not Actiepunt.objects.exists()


def test_actiepunt_met_termijn_voor_de_vergadering_of_verkeerde_persoon_wordt_geweigerd(
    contractmanager, eerste, aanbieder_a, medewerker_b
):
    with pytest.raises(ValidationError) as exc:
        services.actiepunt_toevoegen(
            actor=contractmanager,
            vergadering=eerste,
            tekst="Cijfers aanleveren",
            eigenaar_organisatie=aanbieder_a,
            termijn=EERSTE - timedelta(days=1),
        )
    assert exc.value.message_dict == {
        "termijn": ["De termijn ligt voor de vergadering van 02-03-2026."]
    }
    with pytest.raises(ValidationError) as exc:
        services.actiepunt_toevoegen(
            actor=contractmanager,
            vergadering=eerste,
            tekst="Cijfers aanleveren",
            eigenaar_organisatie=aanbieder_a,
            eigenaar_persoon=medewerker_b,
            volgende_vergadering=True,
        )
    assert list(exc.value.message_dict) == ["eigenaar_persoon"]
    assert "werkt niet bij Vlijtig Liesje" in exc.value.message_dict["eigenaar_persoon"][0]
    assert not Actiepunt.objects.exists()


def test_geldige_actiepunten_krijgen_nummers_1_2_3(
    contractmanager, eerste, aanbieder_a, medewerker_a
):
    acties = [
        services.actiepunt_toevoegen(
            actor=contractmanager,
            vergadering=eerste,
            tekst="Wachtlijst aanleveren",
            eigenaar_organisatie=aanbieder_a,
            termijn=EERSTE,
        ),
        services.actiepunt_toevoegen(
            actor=contractmanager,
            vergadering=eerste,
            tekst="Verslag rondsturen",
            eigenaar_persoon=contractmanager,
            volgende_vergadering=True,
        ),
        services.actiepunt_toevoegen(
            actor=contractmanager,
            vergadering=eerste,
            tekst="Ervaringen delen",
            eigenaar_alle_aanbieders=True,
            eigenaar_organisatie=aanbieder_a,
            eigenaar_persoon=medewerker_a,
            termijn=TWEEDE,
        ),
    ]
    assert [a.nummer for a in acties] == ["1", "2", "3"]
    assert all(a.status == ActieStatus.OPEN and a.tafel == eerste.tafel for a in acties)
    assert acties[2].eigenaar.startswith("alle aanbieders, Vlijtig Liesje")
    assert {a.history.get().history_change_reason for a in acties} == {"Actiepunt vastgelegd"}


@pytest.mark.parametrize("wie", ["medewerker_a", "consulent"])
def test_alleen_contractmanagement_legt_actiepunten_vast(request, eerste, aanbieder_a, wie):
    with pytest.raises(PermissionDenied):
        services.actiepunt_toevoegen(
            actor=request.getfixturevalue(wie),
            vergadering=eerste,
            tekst="Iets",
            eigenaar_organisatie=aanbieder_a,
            volgende_vergadering=True,
        )


def test_open_actiepunten_staan_op_de_volgende_vergadering_afgeronde_niet(
    login, contractmanager, eerste, tweede, actie_a, aanbieder_a
):
    klaar = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Folder over de wachtlijst verspreiden",
        eigenaar_organisatie=aanbieder_a,
        volgende_vergadering=True,
    )
    services.actie_bijwerken(
        actor=contractmanager, actiepunt=klaar, tekst="Folder is verspreid.", status="afgerond"
    )
    html = login(contractmanager).get(f"/fot/vergaderingen/{tweede.uuid}/").content.decode()
    punt_4 = punt(tweede, "Openstaande afspraken en vervolgacties")
    begin = html.index(f'id="punt-{punt_4.pk}"')
    einde = html.index('<li id="punt-', begin + 1)
    onder_punt_4 = html[begin:einde]
    assert "Openstaande actiepunten van eerdere vergaderingen" in onder_punt_4
    assert "Wachtlijst per gemeente aanleveren" in onder_punt_4
    assert "Folder over de wachtlijst" not in html
    # The first meeting shows both as its own action items, and no carried-over list.
    eerste_html = login(contractmanager).get(f"/fot/vergaderingen/{eerste.uuid}/").content.decode()
    assert "Folder over de wachtlijst" in eerste_html
    assert "Openstaande actiepunten van eerdere vergaderingen" not in eerste_html


# -------------------------------------------------------------- approval and lock


def test_vaststellen_in_de_volgende_vergadering_legt_het_verslag_vast(
    contractmanager, eerste, tweede, actie_a
):
    services.vaststellen(actor=contractmanager, vergadering=eerste, in_vergadering=tweede)
    eerste.refresh_from_db()
    assert eerste.status == VergaderingStatus.VASTGESTELD and eerste.is_vergrendeld
    assert eerste.vastgesteld_op == TWEEDE and eerste.vastgesteld_in == tweede
    assert not eerste.vastgesteld_met_wijzigingen and not eerste.annotaties.exists()
    mededelingen = punt(eerste, "Mededelingen")
    pogingen = [
        lambda: services.notulen_opslaan(
            actor=contractmanager, agendapunt=mededelingen, notulen="Achteraf anders."
        ),
        lambda: services.agendapunt_toevoegen(
            actor=contractmanager, vergadering=eerste, titel="Vergeten punt"
        ),
        lambda: services.actiepunt_toevoegen(
            actor=contractmanager,
            vergadering=eerste,
            tekst="Vergeten actie",
            eigenaar_organisatie=actie_a.eigenaar_organisatie,
            volgende_vergadering=True,
        ),
        lambda: services.ter_vaststelling(actor=contractmanager, vergadering=eerste),
        lambda: services.vaststellen(
            actor=contractmanager, vergadering=eerste, in_vergadering=tweede
        ),
    ]
    for poging in pogingen:
        with pytest.raises(ValidationError, match="vastgesteld op 04-05-2026"):
            poging()
    mededelingen.refresh_from_db()
    assert "wachtlijstcijfers" in mededelingen.notulen
    assert eerste.agenda.count() == 7 and eerste.actiepunten.count() == 1


def test_vaststellen_met_wijzigingen_maakt_de_eerste_annotatie(contractmanager, eerste, tweede):
    services.vaststellen(
        actor=contractmanager,
        vergadering=eerste,
        in_vergadering=tweede,
        wijzigingen="Punt 2: het gaat om 40 cliënten, niet 30.",
    )
    eerste.refresh_from_db()
    assert eerste.vastgesteld_met_wijzigingen
    annotatie = eerste.annotaties.get()
    assert annotatie.datum == TWEEDE and annotatie.door == contractmanager
    assert (
        annotatie.tekst == "Vastgesteld met wijzigingen: Punt 2: het gaat om 40 cliënten, niet 30."
    )
    assert annotatie.history.get().history_change_reason == "Wijzigingen bij vaststelling"
    # History of the meeting: planned, minutes in draft, shared, approved, each with a reason.
    redenen = list(
        eerste.history.order_by("history_date", "history_id").values_list(
            "history_change_reason", "status"
        )
    )
    assert redenen == [
        ("Vergadering gepland", "gepland"),
        ("Verslag in concept", "concept"),
        ("Verslag ter vaststelling gedeeld", "ter_vaststelling"),
        ("Verslag vastgesteld", "vastgesteld"),
    ]
    assert all(r.history_user == contractmanager for r in eerste.history.all())


def test_vaststellen_in_een_eerdere_of_andere_tafel_wordt_geweigerd(
    contractmanager, tafel, eerste, lid_a
):
    from fot.models import Tafel

    eerder = plannen(contractmanager, tafel, EERSTE - timedelta(days=30))
    zelfde_dag = plannen(contractmanager, tafel, EERSTE)
    andere_tafel = plannen(contractmanager, Tafel.objects.create(naam="Begeleiding"), TWEEDE)
    for in_vergadering in (eerder, zelfde_dag, andere_tafel):
        with pytest.raises(ValidationError) as exc:
            services.vaststellen(
                actor=contractmanager, vergadering=eerste, in_vergadering=in_vergadering
            )
        assert (
            "latere vergadering van dezelfde tafel" in exc.value.message_dict["in_vergadering"][0]
        )
    eerste.refresh_from_db()
    assert eerste.status == VergaderingStatus.TER_VASTSTELLING


def test_een_verslag_zonder_tekst_wordt_niet_gedeeld_of_vastgesteld(contractmanager, tafel, lid_a):
    leeg = plannen(contractmanager, tafel, EERSTE)
    volgende = plannen(contractmanager, tafel, TWEEDE)
    with pytest.raises(ValidationError, match="nog geen verslag"):
        services.ter_vaststelling(actor=contractmanager, vergadering=leeg)
    with pytest.raises(ValidationError, match="nog geen verslag"):
        services.vaststellen(actor=contractmanager, vergadering=leeg, in_vergadering=volgende)


def test_annotaties_alleen_na_vaststelling(contractmanager, eerste, tweede, medewerker_a):
    with pytest.raises(ValidationError, match="nog niet vastgesteld"):
        services.annotatie_toevoegen(actor=contractmanager, vergadering=eerste, tekst="Aanvulling")
    services.vaststellen(actor=contractmanager, vergadering=eerste, in_vergadering=tweede)
    eerste.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.annotatie_toevoegen(actor=medewerker_a, vergadering=eerste, tekst="Aanvulling")
    with pytest.raises(ValidationError):
        services.annotatie_toevoegen(actor=contractmanager, vergadering=eerste, tekst=" ")
    a = services.annotatie_toevoegen(
        actor=contractmanager, vergadering=eerste, tekst="Correctie: de trap is van de VvE."
    )
    assert a.datum == timezone.localdate()
    assert a.history.get().history_change_reason == "Annotatie bij vastgesteld verslag"
    assert list(Annotatie.objects.values_list("tekst", flat=True)) == [
        "Correctie: de trap is van de VvE."
    ]


# ------------------------------------------------------------------- publication


def test_publiceren_alleen_na_vaststelling(contractmanager, eerste, tweede):
    with pytest.raises(ValidationError, match="Alleen een vastgesteld verslag"):
        services.publiceren(actor=contractmanager, vergadering=eerste)
    # The database refuses it as well.
    with (
        pytest.raises(IntegrityError, match="vergadering_alleen_vastgesteld_publiceren"),
        transaction.atomic(),
    ):
        Vergadering.objects.filter(pk=eerste.pk).update(gepubliceerd_op=timezone.now())
    assert not Vergadering.objects.gepubliceerd().exists()
    services.vaststellen(actor=contractmanager, vergadering=eerste, in_vergadering=tweede)
    services.publiceren(actor=contractmanager, vergadering=eerste)
    assert list(Vergadering.objects.gepubliceerd()) == [eerste]
    assert eerste.history.latest().history_change_reason == "Verslag gepubliceerd"


# ------------------------------------------------------------- updates by the owner


def test_de_eigenaar_werkt_het_actiepunt_bij_en_rondt_het_af(medewerker_a, actie_a):
    services.actie_bijwerken(
        actor=medewerker_a,
        actiepunt=actie_a,
        tekst="Dordrecht en Zwijndrecht zijn aangeleverd.",
        status="open",
        datum=date(2026, 3, 5),
    )
    services.actie_bijwerken(
        actor=medewerker_a, actiepunt=actie_a, tekst="Alles aangeleverd.", status="afgerond"
    )
    actie_a.refresh_from_db()
    assert actie_a.status == ActieStatus.AFGEROND
    assert actie_a.afgerond_op == timezone.localdate()
    assert [(u.datum, u.tekst, u.door) for u in actie_a.updates.all()] == [
        (date(2026, 3, 5), "Dordrecht en Zwijndrecht zijn aangeleverd.", medewerker_a),
        (timezone.localdate(), "Alles aangeleverd.", medewerker_a),
    ]
    assert actie_a.history.latest().history_change_reason == "Actiepunt afgerond"


def test_een_andere_aanbieder_werkt_het_actiepunt_niet_bij(medewerker_b, consulent, actie_a):
    for wie in (medewerker_b, consulent):
        with pytest.raises(PermissionDenied):
            services.actie_bijwerken(actor=wie, actiepunt=actie_a, tekst="Klaar", status="afgerond")
    actie_a.refresh_from_db()
    assert actie_a.status == ActieStatus.OPEN and not actie_a.updates.exists()


def test_alleen_contractmanagement_laat_een_actie_vervallen(contractmanager, medewerker_a, actie_a):
    with pytest.raises(ValidationError) as exc:
        services.actie_bijwerken(
            actor=medewerker_a, actiepunt=actie_a, tekst="Niet meer nodig", status="vervallen"
        )
    assert exc.value.message_dict == {
        "status": ["Alleen contractmanagement laat een actie vervallen."]
    }
    with pytest.raises(ValidationError, match="stand van zaken"):
        services.actie_bijwerken(actor=medewerker_a, actiepunt=actie_a, tekst=" ", status="open")
    services.actie_bijwerken(
        actor=contractmanager, actiepunt=actie_a, tekst="Niet meer nodig", status="vervallen"
    )
    actie_a.refresh_from_db()
    assert actie_a.status == ActieStatus.VERVALLEN and actie_a.afgerond_op is None


def test_een_persoon_als_eigenaar_werkt_zijn_actiepunt_bij(
    contractmanager, eerste, medewerker_a, medewerker_b
):
    actie = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Ervaringen delen",
        eigenaar_persoon=medewerker_a,
        volgende_vergadering=True,
    )
    assert services.mag_actie_bijwerken(medewerker_a, actie)
    assert not services.mag_actie_bijwerken(medewerker_b, actie)
    services.actie_bijwerken(
        actor=medewerker_a, actiepunt=actie, tekst="Gedeeld", status="afgerond"
    )


# -------------------------------------------------------------------- daily rule


def _verlopen():
    return Signaal.objects.filter(soort=SignaalSoort.ACTIEPUNT_VERLOPEN)


def test_de_dagelijkse_regel_is_geregistreerd():
    assert any(isinstance(r, ActiepuntVerlopen) for r in REGELS)


def test_een_verlopen_actiepunt_geeft_de_dag_na_de_termijn_een_signaal(
    contractmanager, medewerker_a, medewerker_b, eerste, actie_a, aanbieder_a
):
    klaar = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Al gedaan",
        eigenaar_organisatie=aanbieder_a,
        termijn=actie_a.termijn,
    )
    services.actie_bijwerken(actor=medewerker_a, actiepunt=klaar, tekst="Klaar", status="afgerond")
    termijn = actie_a.termijn

    dagelijkse_taken(termijn)
    assert not _verlopen().exists()  # on the last day it is not late yet

    dagelijkse_taken(termijn + timedelta(days=1))
    signalen = _verlopen()
    assert {(s.ontvanger, s.organisatie_id, s.onderwerp_id) for s in signalen} == {
        (Ontvanger.AANBIEDER, aanbieder_a.pk, actie_a.pk),
        (Ontvanger.CONTRACTBEHEER, contractmanager.organisatie_id, actie_a.pk),
    }
    assert all(s.peildatum == termijn + timedelta(days=1) for s in signalen)
    aanbieder = signalen.get(ontvanger=Ontvanger.AANBIEDER)
    assert aanbieder.titel == "Actiepunt 1 van FOT HO is over de termijn (09-03-2026)"
    assert aanbieder.link == f"/fot/vergaderingen/{eerste.uuid}/#actie-{actie_a.pk}"
    assert list(
        Signaal.objects.visible_to(medewerker_a).filter(soort=SignaalSoort.ACTIEPUNT_VERLOPEN)
    ) == [aanbieder]
    assert not Signaal.objects.visible_to(medewerker_b).exists()
    assert Signaal.objects.visible_to(contractmanager).filter(onderwerp_id=actie_a.pk).count() == 1

    # Again, and a week later: nothing new.
    dagelijkse_taken(termijn + timedelta(days=1))
    dagelijkse_taken(termijn + timedelta(days=8))
    assert _verlopen().count() == 2

    # Done: the owner's update closes the open signals.
    services.actie_bijwerken(
        actor=medewerker_a, actiepunt=actie_a, tekst="Alsnog aangeleverd.", status="afgerond"
    )
    assert set(_verlopen().values_list("status", flat=True)) == {Signaal.Status.GESLOTEN}
    assert all("Alsnog aangeleverd." in s.sluitnotitie for s in _verlopen())


def test_een_verlopen_actiepunt_van_een_persoon_bij_sdd_gaat_naar_die_persoon(
    contractmanager, eerste, sdd
):
    collega = UserFactory(organisatie=sdd, rollen=[Rol.CONTRACTMANAGER])
    actie = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Notitie schrijven",
        eigenaar_persoon=collega,
        termijn=date(2026, 3, 20),
    )
    dagelijkse_taken(date(2026, 3, 21))
    signaal = _verlopen().get()
    assert signaal.gebruiker == collega and signaal.onderwerp_id == actie.pk


def test_een_verlopen_actiepunt_van_een_persoon_bij_een_aanbieder_komt_bij_die_aanbieder(
    contractmanager, eerste, medewerker_a, aanbieder_a
):
    actie = services.actiepunt_toevoegen(
        actor=contractmanager,
        vergadering=eerste,
        tekst="Ervaringen delen",
        eigenaar_persoon=medewerker_a,
        termijn=date(2026, 3, 20),
    )
    dagelijkse_taken(date(2026, 3, 21))
    assert Signaal.objects.visible_to(medewerker_a).filter(onderwerp_id=actie.pk).count() == 1


# ------------------------------------------------------------------------- demo


def _alle_punten(punten):
    for p in punten:
        yield p
        yield from _alle_punten(p.subpunten)


def test_fot_demo_laadt_de_vijf_verslagen_eenmaal(db):
    OrganisatieFactory(sdd=True)
    from proefdata.management.commands.demo_data import AANBIEDERS

    for naam, plaats in AANBIEDERS:
        OrganisatieFactory(naam=naam, plaats=plaats)
    UserFactory(organisatie=Organisatie.objects.sdd().get(), rollen=[Rol.CONTRACTMANAGER])

    assert fot_demo() == 5
    assert Vergadering.objects.count() == len(seeds.VERGADERINGEN) == 5
    assert Actiepunt.objects.count() == sum(len(v.acties) for v in seeds.VERGADERINGEN)
    assert Agendapunt.objects.count() == sum(
        len(list(_alle_punten(v.agenda))) for v in seeds.VERGADERINGEN
    )
    for v in seeds.VERGADERINGEN:
        rij = Vergadering.objects.get(tafel__naam=v.tafel, datum=v.datum)
        assert set(rij.actiepunten.values_list("nummer", flat=True)) == {a.nummer for a in v.acties}
    for tafel in {v.tafel for v in seeds.VERGADERINGEN}:
        *eerdere, laatste = Vergadering.objects.filter(tafel__naam=tafel).order_by("datum")
        assert laatste.status == VergaderingStatus.TER_VASTSTELLING
        assert laatste.gepubliceerd_op is None
        for v in eerdere:
            assert v.status == VergaderingStatus.VASTGESTELD and v.gepubliceerd_op is not None
            assert v.vastgesteld_in.datum > v.datum
    # Provider members of the tables, and each done item has its date.
    assert Tafellid.objects.filter(organisatie__naam="Vlijtig Liesje").exists()
    assert not Actiepunt.objects.filter(status="afgerond", afgerond_op__isnull=True).exists()

    aantallen = (Vergadering.objects.count(), Actiepunt.objects.count(), Agendapunt.objects.count())
    assert fot_demo() == 0
    assert aantallen == (
        Vergadering.objects.count(),
        Actiepunt.objects.count(),
        Agendapunt.objects.count(),
    )
