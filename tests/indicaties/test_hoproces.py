"""The HO bandwidth process through its services: every rule a consulent or provider
would run into, from melding to definitive decision, re-indication and extension."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from indicaties import services
from indicaties.ho.services import band_voorstel, normtijden_optellen
from indicaties.models import (
    Beschikking,
    Ondersteuningsplan,
    RedenWijziging,
    Toewijzing,
    Verlenging,
)
from indicaties.selectors import werklijst_aanbieder, werklijst_consulent
from indicaties.states import (
    BESCHIKKING_OVERGANGEN,
    MELDING_OVERGANGEN,
    PLAN_OVERGANGEN,
    BeschikkingStatus,
    MeldingStatus,
    controleer_overgang,
)
from indicaties.termijnen import bezwaartermijn_einde, feestdagen, werkdagen_na
from tests.factories import UserFactory

from .conftest import PDF, goed_plan, onderzochte_melding, pdf

# ----------------------------------------------------------------------- terms


@pytest.mark.parametrize(
    ("verzenddatum", "laatste_dag"),
    [
        (date(2025, 3, 3), date(2025, 4, 14)),  # brief's vector: Monday to Monday
        (date(2025, 3, 7), date(2025, 4, 18)),  # Goede Vrijdag is no holiday in the Atw
        (date(2025, 3, 8), date(2025, 4, 22)),  # Saturday, then tweede paasdag
        (date(2025, 3, 24), date(2025, 5, 6)),  # 5 May counts every year
        (date(2025, 11, 13), date(2025, 12, 29)),  # Christmas, Boxing Day, weekend
        (date(2026, 4, 16), date(2026, 5, 28)),  # Thursday stays Thursday
    ],
)
def test_bezwaartermijn_volgt_algemene_termijnenwet(verzenddatum, laatste_dag):
    assert bezwaartermijn_einde(verzenddatum) == laatste_dag


def test_koningsdag_op_zondag_wordt_zaterdag_gevierd():
    assert date(2025, 4, 26) in feestdagen(2025)
    assert date(2025, 4, 27) not in feestdagen(2025)
    assert date(2026, 4, 27) in feestdagen(2026)


def test_vijf_werkdagen_slaan_weekend_en_feestdag_over():
    assert werkdagen_na(date(2025, 12, 23), 5) == date(2026, 1, 2)


# --------------------------------------------------------------- state machines


def _alle_paren(overgangen):
    return [(a, b) for a in overgangen for b in overgangen]


@pytest.mark.parametrize(
    "overgangen", [MELDING_OVERGANGEN, PLAN_OVERGANGEN, BESCHIKKING_OVERGANGEN]
)
def test_elke_overgang_toegestaan_of_geweigerd(overgangen):
    for huidig, nieuw in _alle_paren(overgangen):
        if nieuw in overgangen[huidig]:
            controleer_overgang(overgangen, huidig, nieuw, "Dit")
        else:
            with pytest.raises(ValidationError):
                controleer_overgang(overgangen, huidig, nieuw, "Dit")


# ------------------------------------------------------------- band calculation


def test_normtijden_worden_nooit_naar_beneden_afgerond():
    assert normtijden_optellen([Decimal("12.5"), Decimal("30.2")]) == 43
    assert normtijden_optellen([Decimal("60.01")]) == 61


def test_voorstel_tussen_twee_banden_is_de_hogere(ho, banden):
    vandaag = timezone.localdate()
    assert band_voorstel(product=ho, minuten=150, datum=vandaag) == banden["HO-B3"]
    # 181-199 lies between B3 and B4: the proposal goes up, never down
    assert band_voorstel(product=ho, minuten=190, datum=vandaag) == banden["HO-B4"]
    assert band_voorstel(product=ho, minuten=301, datum=vandaag) is None


def test_overlappende_banden_weigert_de_database(ho, banden, normenkader):
    from bandbreedte.models import Bandbreedte

    with pytest.raises(IntegrityError), transaction.atomic():
        Bandbreedte.objects.create(
            product=ho,
            normenkader=normenkader,
            code="HO-X",
            min_minuten=100,
            max_minuten=130,
            geldig_van=date(2025, 6, 1),
        )


# --------------------------------------------------------------- melding, onderzoek


def test_onderzoek_afronden_zonder_datums_noemt_elk_veld(consulent, ho_client, ho, banden):
    melding = services.melding_registreren(
        actor=consulent, client=ho_client, product=ho, meldingsdatum=timezone.localdate()
    )
    with pytest.raises(ValidationError) as exc:
        services.onderzoek_opslaan(
            actor=consulent,
            melding=melding,
            gespreksdatum=None,
            verslagdatum=None,
            bevindingen="",
            afronden=True,
        )
    fouten = exc.value.message_dict
    assert set(fouten) == {"gespreksdatum", "verslagdatum", "bevindingen", "bandbreedte"}
    assert "Vul de datum van het gesprek in." in fouten["gespreksdatum"]
    melding.refresh_from_db()
    assert melding.status == MeldingStatus.OPEN


def test_concept_mag_onvolledig_en_afronden_neemt_bandvoorstel(
    consulent, ho_client, ho, banden, gebieden
):
    vandaag = timezone.localdate()
    melding = services.melding_registreren(
        actor=consulent, client=ho_client, product=ho, meldingsdatum=vandaag - timedelta(days=3)
    )
    services.onderzoek_opslaan(
        actor=consulent, melding=melding, gespreksdatum=None, verslagdatum=None, bevindingen=""
    )
    onderzoek = services.onderzoek_opslaan(
        actor=consulent,
        melding=melding,
        gespreksdatum=vandaag - timedelta(days=2),
        verslagdatum=vandaag,
        bevindingen="Hulp nodig bij schoonmaken en de was.",
        normtijden={gebieden[0]: Decimal("100.5"), gebieden[1]: Decimal("20")},
        afronden=True,
    )
    assert onderzoek.berekende_minuten == 121  # 120.5 rounded up
    assert onderzoek.bandbreedte == banden["HO-B3"]
    assert onderzoek.was_strijk is True  # minutes on the laundry area
    assert onderzoek.normtijden.count() == 2


def test_gesprek_voor_melding_of_in_de_toekomst_geweigerd(consulent, ho_client, ho, banden):
    vandaag = timezone.localdate()
    melding = services.melding_registreren(
        actor=consulent, client=ho_client, product=ho, meldingsdatum=vandaag
    )
    with pytest.raises(ValidationError) as exc:
        services.onderzoek_opslaan(
            actor=consulent,
            melding=melding,
            gespreksdatum=vandaag - timedelta(days=1),
            verslagdatum=vandaag + timedelta(days=1),
            bevindingen="x",
            bandbreedte=banden["HO-B1"],
            afronden=True,
        )
    assert "voor de meldingsdatum" in exc.value.message_dict["gespreksdatum"][0]
    assert "in de toekomst" in exc.value.message_dict["verslagdatum"][0]


def test_aanbieder_registreert_geen_melding_van_een_client(medewerker_a, client_van_a, ho):
    with pytest.raises(PermissionDenied):
        services.melding_registreren(
            actor=medewerker_a, client=client_van_a, product=ho, meldingsdatum=date(2026, 1, 1)
        )


# ----------------------------------------------------- short decision, assignment


def test_kortdurende_beschikking_alleen_ondergrens_en_ingestelde_duur(
    kortdurend, banden, aanbieder_a, medewerker_a
):
    vandaag = timezone.localdate()
    assert kortdurend.minuten_per_week == banden["HO-B3"].min_minuten == 121
    assert kortdurend.einddatum == vandaag + timedelta(weeks=8) - timedelta(days=1)
    assert kortdurend.bezwaartermijn_tot == bezwaartermijn_einde(vandaag)
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    assert (toewijzing.aanbieder, toewijzing.volume, toewijzing.eenheid) == (aanbieder_a, 121, "01")
    assert toewijzing.einddatum == kortdurend.einddatum
    # the provider sees it in its inbox at once
    assert list(werklijst_aanbieder(medewerker_a)["nieuw"]) == [toewijzing]
    kortdurend.melding.refresh_from_db()
    assert kortdurend.melding.status == MeldingStatus.BESCHIKT


def test_cliëntenstop_blokkeert_de_keuze(
    consulent, contractmanager, ho_client, ho, banden, aanbieder_a, contracten
):
    from contractbeheer.models import Clientenstop

    stop = Clientenstop.objects.create(
        aanbieder=aanbieder_a,
        product=ho,
        ingangsdatum=date(2025, 1, 1),
        einddatum=timezone.localdate() + timedelta(days=60),
        reden="Personeelstekort",
        maatregelen="Werving",
        status="akkoord",
        aangevraagd_door=consulent,
        beoordeeld_door=contractmanager,
        beoordeeld_op=timezone.now(),
    )
    stop.gemeenten.set([ho_client.gemeente])
    melding = onderzochte_melding(
        consulent=consulent, client=ho_client, product=ho, band=banden["HO-B2"]
    )
    vandaag = timezone.localdate()
    with pytest.raises(ValidationError):
        services.kortdurend_beschikken(
            actor=consulent,
            melding=melding,
            aanbieder=aanbieder_a,
            ingangsdatum=vandaag,
            verzenddatum=vandaag,
        )
    assert not Beschikking.objects.filter(client=ho_client).exists()  # nothing half-saved


def test_verzenddatum_te_ver_vooruit_geweigerd(
    consulent, ho_client, ho, banden, aanbieder_a, contracten
):
    melding = onderzochte_melding(
        consulent=consulent, client=ho_client, product=ho, band=banden["HO-B2"]
    )
    vandaag = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.kortdurend_beschikken(
            actor=consulent,
            melding=melding,
            aanbieder=aanbieder_a,
            ingangsdatum=vandaag,
            verzenddatum=vandaag + timedelta(days=30),
        )
    assert "meer dan 14 dagen vooruit" in exc.value.message_dict["verzenddatum"][0]


# --------------------------------------------------------------------- the plan


def test_plan_met_alle_fouten_krijgt_alle_meldingen_tegelijk(
    kortdurend, medewerker_a, aanbieder_a, contracten
):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    zonder_mandaat = UserFactory(organisatie=aanbieder_a, first_name="Piet", last_name="Jansen")
    vandaag = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.plan_indienen(
            actor=medewerker_a,
            toewijzing=toewijzing,
            **goed_plan(
                kortdurend,
                zonder_mandaat,
                minuten_per_week=200,
                ingangsdatum=kortdurend.einddatum + timedelta(days=5),
                einddatum=kortdurend.einddatum,
                verzenddatum=vandaag - timedelta(days=1),
                upload=pdf("plan.pdf", b"PK\x03\x04 dit is een Word-bestand"),
            ),
        )
    fouten = exc.value.message_dict
    assert "valt buiten bandbreedte HO-B3 (121 tot en met 180" in fouten["minuten_per_week"][0]
    assert "signaal over de bandbreedte" in fouten["minuten_per_week"][0]
    assert "er zit een gat" in fouten["ingangsdatum"][0]
    assert "ligt voor de ingangsdatum" in fouten["einddatum"][0]
    assert "in het verleden" in fouten["verzenddatum"][0]
    assert "Piet Jansen heeft vandaag geen geldig mandaat voor HO" in fouten["ondertekenaar"][0]
    assert "geen PDF" in fouten["bestand"][0]
    assert not Ondersteuningsplan.objects.exists()


def test_eerdere_start_mag_alleen_na_vandaag(kortdurend, medewerker_a, mandaat_a):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    vandaag = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.plan_indienen(
            actor=medewerker_a,
            toewijzing=toewijzing,
            **goed_plan(kortdurend, medewerker_a, ingangsdatum=vandaag),
        )
    assert "niet na vandaag" in exc.value.message_dict["ingangsdatum"][0]
    plan = services.plan_indienen(
        actor=medewerker_a,
        toewijzing=toewijzing,
        **goed_plan(kortdurend, medewerker_a, ingangsdatum=vandaag + timedelta(days=1)),
    )
    assert plan.versie == 1


def test_versleutelde_of_te_grote_pdf_geweigerd(kortdurend, medewerker_a, mandaat_a, settings):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    versleuteld = PDF.replace(b"trailer\n<<", b"trailer\n<< /Encrypt 5 0 R")
    with pytest.raises(ValidationError) as exc:
        services.plan_indienen(
            actor=medewerker_a,
            toewijzing=toewijzing,
            **goed_plan(kortdurend, medewerker_a, upload=pdf(inhoud=versleuteld)),
        )
    assert "versleuteld" in exc.value.message_dict["bestand"][0]
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as exc:
        services.plan_indienen(
            actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
        )
    assert "het maximum is" in exc.value.message_dict["bestand"][0]


def test_andere_aanbieder_kan_geen_plan_indienen(kortdurend, medewerker_b):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    with pytest.raises(PermissionDenied):
        services.plan_indienen(
            actor=medewerker_b, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_b)
        )


def test_hele_keten_tot_definitieve_beschikking(
    kortdurend, consulent, medewerker_a, mandaat_a, django_capture_on_commit_callbacks, mailoutbox
):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    consulent.email = "consulent@sdd.example.org"
    consulent.save()
    vandaag = timezone.localdate()
    start = vandaag + timedelta(days=7)  # earlier than the short decision's end
    with django_capture_on_commit_callbacks() as callbacks:
        plan = services.plan_indienen(
            actor=medewerker_a,
            toewijzing=toewijzing,
            **goed_plan(kortdurend, medewerker_a, ingangsdatum=start),
        )
    assert len(callbacks) == 1
    from indicaties.ho.tasks import plan_ingediend_melden

    assert plan_ingediend_melden(plan.pk) is True
    assert mailoutbox[-1].to == ["consulent@sdd.example.org"]
    assert ho_client_naam(plan) not in mailoutbox[-1].body  # no client data in mail
    assert plan.sha256 and plan.bestand.read() == PDF
    assert list(werklijst_consulent(consulent)["plannen"]) == [plan]
    # a second version cannot be sent while one waits
    with pytest.raises(ValidationError):
        services.plan_indienen(
            actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
        )

    definitief = services.plan_accepteren(actor=consulent, plan=plan)
    kortdurend.refresh_from_db()
    toewijzing.refresh_from_db()
    assert definitief.soort == Beschikking.Soort.DEFINITIEF
    assert (definitief.ingangsdatum, definitief.minuten_per_week) == (start, 150)
    assert definitief.vervangt == kortdurend
    assert kortdurend.einddatum == start - timedelta(days=1)  # short ends the day before
    assert definitief.ondertekend_door == medewerker_a
    assert (toewijzing.beschikking, toewijzing.volume) == (definitief, 150)
    assert toewijzing.einddatum == definitief.einddatum
    assert list(werklijst_consulent(consulent)["plannen"]) == []


def ho_client_naam(plan) -> str:
    return plan.toewijzing.client.achternaam


def test_afwijzen_bewaart_versies_en_laat_nieuwe_versie_toe(
    kortdurend, consulent, medewerker_a, mandaat_a
):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    v1 = services.plan_indienen(
        actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
    )
    with pytest.raises(ValidationError):
        services.plan_afwijzen(actor=consulent, plan=v1, reden="  ")
    services.plan_afwijzen(actor=consulent, plan=v1, reden="Afspraken over aanwezigheid missen.")
    afgewezen = list(werklijst_aanbieder(medewerker_a)["afgewezen"])
    assert afgewezen == [v1]
    v2 = services.plan_indienen(
        actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
    )
    assert v2.versie == 2
    assert list(werklijst_aanbieder(medewerker_a)["afgewezen"]) == []
    assert Ondersteuningsplan.objects.filter(toewijzing=toewijzing).count() == 2
    with pytest.raises(ValidationError):  # a rejected version cannot be accepted afterwards
        services.plan_accepteren(actor=consulent, plan=v1)


def test_alleen_consulent_beoordeelt(kortdurend, medewerker_a, mandaat_a):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    plan = services.plan_indienen(
        actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
    )
    with pytest.raises(PermissionDenied):
        services.plan_accepteren(actor=medewerker_a, plan=plan)


# --------------------------------------------------------- overlap, re-indication


def test_database_weigert_overlappende_beschikking(kortdurend):
    dubbel = Beschikking.objects.get(pk=kortdurend.pk)
    dubbel.pk = None
    dubbel.uuid = None
    dubbel.ingangsdatum = kortdurend.einddatum  # overlaps by one day
    dubbel.einddatum = kortdurend.einddatum + timedelta(days=30)
    import uuid

    dubbel.uuid = uuid.uuid4()
    with pytest.raises(IntegrityError, match="beschikking_geen_overlap"), transaction.atomic():
        dubbel.save()
    # withdrawn decisions do not count
    dubbel.status = BeschikkingStatus.INGETROKKEN
    dubbel.intrekkingsreden = "test"
    dubbel.save()


def test_herindicatie_vervangt_lopende_beschikking_vanaf_nieuwe_start(
    definitief, kortdurend, consulent, medewerker_a, ho, banden, aanbieder_a
):
    # make the running decision start in the past so a re-indication can begin today
    assert definitief.vervangt is None  # it follows the short decision, replaces nothing
    Beschikking.objects.filter(pk=kortdurend.pk).update(
        ingangsdatum=date(2025, 4, 1), einddatum=date(2025, 5, 31)
    )
    Beschikking.objects.filter(pk=definitief.pk).update(ingangsdatum=date(2025, 6, 1))
    Toewijzing.objects.filter(beschikking=definitief).update(ingangsdatum=date(2025, 6, 1))
    vandaag = timezone.localdate()
    melding = onderzochte_melding(
        consulent=consulent, client=definitief.client, product=ho, band=banden["HO-B4"]
    )
    toewijzing = services.herindicatie_toewijzen(
        actor=consulent,
        melding=melding,
        aanbieder=aanbieder_a,
        ingangsdatum=vandaag,
        einddatum=vandaag + timedelta(days=365),
    )
    assert toewijzing.bandbreedte == banden["HO-B4"] and toewijzing.beschikking is None
    start = vandaag + timedelta(days=3)
    plan = services.plan_indienen(
        actor=medewerker_a,
        toewijzing=toewijzing,
        **goed_plan(
            definitief,
            medewerker_a,
            minuten_per_week=240,
            ingangsdatum=start,
            einddatum=start + timedelta(days=364),
        ),
    )
    nieuw = services.plan_accepteren(actor=consulent, plan=plan)
    definitief.refresh_from_db()
    assert nieuw.vervangt == definitief
    assert definitief.einddatum == start - timedelta(days=1)
    assert definitief.status == BeschikkingStatus.GELDIG  # ended, not withdrawn
    oude_toewijzing = Toewijzing.objects.get(beschikking=definitief)
    assert oude_toewijzing.einddatum == start - timedelta(days=1)
    # OP033x1: the provider is told why the old assignment ends; the re-indication's
    # assignment carries the new volume under its own number from the plan's start (TR302).
    assert oude_toewijzing.reden_wijziging == RedenWijziging.VERKORTING
    toewijzing.refresh_from_db()
    assert toewijzing.pk != oude_toewijzing.pk
    assert (toewijzing.ingangsdatum, toewijzing.volume) == (start, 240)
    assert toewijzing.beschikking == nieuw and toewijzing.reden_wijziging == ""


def test_herindicatie_zonder_lopende_beschikking_geweigerd(
    consulent, ho_client, ho, banden, aanbieder_a, contracten
):
    melding = onderzochte_melding(
        consulent=consulent, client=ho_client, product=ho, band=banden["HO-B2"]
    )
    vandaag = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        services.herindicatie_toewijzen(
            actor=consulent,
            melding=melding,
            aanbieder=aanbieder_a,
            ingangsdatum=vandaag,
            einddatum=vandaag + timedelta(days=30),
        )
    assert "kortdurende beschikking" in exc.value.message_dict["ingangsdatum"][0]


# -------------------------------------------------------------- extension, export


def test_verlengen_verschuift_beschikking_en_toewijzing(definitief, consulent):
    oude = definitief.einddatum
    geexporteerd = definitief.geexporteerd_op
    nieuwe = oude + timedelta(days=365)
    services.beschikking_verlengen(
        actor=consulent,
        beschikking=definitief,
        nieuwe_einddatum=nieuwe,
        toelichting="Telefonisch besproken: niets veranderd.",
    )
    definitief.refresh_from_db()
    assert definitief.einddatum == nieuwe
    assert definitief.geexporteerd_op == geexporteerd  # no new export
    assert Toewijzing.objects.get(beschikking=definitief).einddatum == nieuwe
    assert Verlenging.objects.get(beschikking=definitief).oude_einddatum == oude


def test_verlengen_na_einddatum_of_van_kortdurende_geweigerd(definitief, kortdurend, consulent):
    with pytest.raises(ValidationError, match="kortdurende"):
        services.beschikking_verlengen(
            actor=consulent,
            beschikking=kortdurend,
            nieuwe_einddatum=kortdurend.einddatum + timedelta(days=30),
            toelichting="x",
        )
    Beschikking.objects.filter(pk=definitief.pk).update(
        ingangsdatum=date(2025, 6, 1), einddatum=date(2026, 1, 1)
    )
    definitief.refresh_from_db()
    with pytest.raises(ValidationError, match="geëindigd"):
        services.beschikking_verlengen(
            actor=consulent,
            beschikking=definitief,
            nieuwe_einddatum=date(2027, 1, 1),
            toelichting="x",
        )


def test_werklijst_consulent_kortdurend_zonder_plan_en_onderzoekstermijn(
    kortdurend, consulent, ho_client, ho
):
    Beschikking.objects.filter(pk=kortdurend.pk).update(
        einddatum=timezone.localdate() + timedelta(days=5)
    )
    oud = services.melding_registreren(
        actor=consulent,
        client=ho_client,
        product=ho,
        meldingsdatum=timezone.localdate() - timedelta(days=40),
    )
    services.melding_registreren(
        actor=consulent, client=ho_client, product=ho, meldingsdatum=timezone.localdate()
    )
    lijst = werklijst_consulent(consulent)
    assert list(lijst["kortdurend"]) == [kortdurend]
    assert list(lijst["onderzoek"]) == [oud]  # only the one nearing six weeks


def test_start_zorg_pas_onder_definitieve_beschikking(
    kortdurend, definitief, medewerker_a, medewerker_b
):
    kort_toewijzing = Toewijzing.objects.get(pk=Toewijzing.objects.get(beschikking=definitief).pk)
    with pytest.raises(PermissionDenied):
        services.start_zorg_melden(
            actor=medewerker_b, toewijzing=kort_toewijzing, datum=timezone.localdate()
        )
    with pytest.raises(ValidationError, match="buiten de periode"):
        services.start_zorg_melden(
            actor=medewerker_a, toewijzing=kort_toewijzing, datum=date(2024, 1, 1)
        )


def test_geen_start_tijdens_kortdurende_beschikking(kortdurend, medewerker_a):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    with pytest.raises(ValidationError, match="nog niet geleverd"):
        services.start_zorg_melden(
            actor=medewerker_a, toewijzing=toewijzing, datum=timezone.localdate()
        )


def test_geen_plan_bij_toewijzing_zonder_bandbreedte_of_na_einde(
    kortdurend, medewerker_a, mandaat_a, aanbieder_a, ho
):
    from tests.factories import ToewijzingFactory

    oud = ToewijzingFactory(aanbieder=aanbieder_a, product=ho, einddatum=None)
    with pytest.raises(ValidationError, match="geen bandbreedte"):
        services.plan_indienen(
            actor=medewerker_a, toewijzing=oud, **goed_plan(kortdurend, medewerker_a)
        )
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    Toewijzing.objects.filter(pk=toewijzing.pk).update(
        ingangsdatum=date(2025, 11, 1), einddatum=date(2026, 1, 1)
    )
    with pytest.raises(ValidationError, match="geëindigd"):
        services.plan_indienen(
            actor=medewerker_a, toewijzing=toewijzing, **goed_plan(kortdurend, medewerker_a)
        )
    assert not Ondersteuningsplan.objects.exists()
