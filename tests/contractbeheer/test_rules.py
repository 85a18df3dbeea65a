"""The rules of contract management, at the model and service level."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from bandbreedte.models import Tarief
from contractbeheer import services
from contractbeheer.models import Capaciteit, Clientenstop, Contract, Instellingen
from contractbeheer.selectors import aanbieders_voor_keuze, mag_tekenen
from contractbeheer.states import STOP_OVERGANGEN, StopStatus, controleer_overgang
from indicaties.services import toewijzing_vastleggen
from tests.conftest import contract
from tests.factories import ClientFactory

# ------------------------------------------------------------------ tariffs


def _tarief(product, start, end, bedrag="38.50"):
    return Tarief(
        product=product,
        eenheid="04",
        bedrag=Decimal(bedrag),
        ingangsdatum=start,
        einddatum=end,
        omschrijving="test",
    )


def test_tariff_in_force_is_one_lookup_across_versions(ho):
    for start, end, bedrag in [
        (date(2025, 1, 1), date(2025, 6, 30), "38.50"),
        (date(2025, 7, 1), date(2026, 6, 30), "39.92"),
        (date(2026, 7, 1), None, "41.30"),
    ]:
        _tarief(ho, start, end, bedrag).save()
    assert Tarief.op_datum(ho, date(2025, 6, 30), "04").bedrag == Decimal("38.50")
    assert Tarief.op_datum(ho, date(2025, 7, 1), "04").bedrag == Decimal("39.92")
    assert Tarief.op_datum(ho, date(2030, 1, 1), "04").bedrag == Decimal("41.30")
    assert Tarief.op_datum(ho, date(2024, 12, 31), "04") is None


def test_overlapping_tariffs_are_refused_by_postgresql_and_in_dutch(ho):
    _tarief(ho, date(2025, 1, 1), None).save()
    overlap = _tarief(ho, date(2025, 7, 1), None)
    with pytest.raises(ValidationError, match="geldt in \\(een deel van\\) deze periode al"):
        overlap.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        overlap.save()


# ---------------------------------------------------------------- contracts


def test_joining_before_the_contract_starts_is_refused(aanbieder_a, ho):
    early = Contract(
        aanbieder=aanbieder_a,
        product=ho,
        ingangsdatum=date(2025, 1, 1),
        toetredingsdatum=date(2024, 12, 1),
    )
    with pytest.raises(ValidationError, match="toetredingsdatum ligt voor de ingangsdatum"):
        early.full_clean()


def test_joining_during_an_entry_stop_needs_an_exception_criterion(aanbieder_a, ho):
    from contractbeheer.models import Toetredingsstop

    Toetredingsstop.objects.create(product=ho, ingangsdatum=date(2021, 6, 1))
    aanvraag = Contract(
        aanbieder=aanbieder_a,
        product=ho,
        ingangsdatum=date(2025, 1, 1),
        toetredingsdatum=date(2025, 1, 1),
        status="aangevraagd",
    )
    with pytest.raises(ValidationError) as exc:
        aanvraag.full_clean()
    assert "uitzonderingscriterium" in exc.value.message_dict
    aanvraag.uitzonderingscriterium = "hiaat"
    aanvraag.full_clean()  # a request may wait for the decision
    aanvraag.status = "actief"
    with pytest.raises(ValidationError, match="besluit over de uitzondering"):
        aanvraag.full_clean()


def test_provider_that_left_gets_no_new_assignments(aanbieder_a, ho, consulent, dordrecht):
    contract(
        aanbieder_a,
        ho,
        status="uitgetreden",
        uittredingsdatum=date(2025, 6, 1),
        uittredingsreden="Stopt met HO",
    )
    client = ClientFactory(gemeente=dordrecht)
    with pytest.raises(ValidationError, match="geen lopend contract"):
        toewijzing_vastleggen(
            actor=consulent,
            client=client,
            aanbieder=aanbieder_a,
            product=ho,
            ingangsdatum=date(2025, 7, 1),
        )
    # Before leaving, the same assignment was fine.
    toewijzing_vastleggen(
        actor=consulent,
        client=client,
        aanbieder=aanbieder_a,
        product=ho,
        ingangsdatum=date(2025, 3, 1),
        einddatum=date(2025, 12, 31),
        volume=120,
    )


def test_overlapping_active_contracts_are_refused(aanbieder_a, ho):
    contract(aanbieder_a, ho)
    with pytest.raises(IntegrityError), transaction.atomic():
        contract(aanbieder_a, ho, ingangsdatum=date(2025, 6, 1), toetredingsdatum=date(2025, 6, 1))


# ------------------------------------------------------------------ mandates


def test_mag_tekenen_follows_mandate_product_period_revocation_and_contract(
    mandaat_a, medewerker_a, medewerker_b, ho, aanbieder_a
):
    from tests.factories import ProductFactory

    today = timezone.localdate()
    assert mag_tekenen(medewerker_a, ho)
    assert not mag_tekenen(medewerker_b, ho)  # someone else's mandate
    assert not mag_tekenen(medewerker_a, ProductFactory(code="IB", naam="IB"))
    assert not mag_tekenen(medewerker_a, ho, date(2024, 12, 31))  # before the mandate
    mandaat_a.ingetrokken_op = today
    mandaat_a.intrekkingsreden = "Uit dienst"
    mandaat_a.save()
    assert not mag_tekenen(medewerker_a, ho)
    assert mag_tekenen(medewerker_a, ho, today - timedelta(days=1))
    mandaat_a.ingetrokken_op = None
    mandaat_a.intrekkingsreden = ""
    mandaat_a.save()
    Contract.objects.filter(aanbieder=aanbieder_a).update(
        status="uitgetreden", uittredingsdatum=today, uittredingsreden="x"
    )
    assert not mag_tekenen(medewerker_a, ho)


def test_mandate_address_is_always_the_main_address(mandaat_a, aanbieder_a):
    assert mandaat_a.adres == aanbieder_a.hoofdadres
    assert "adres" not in {f.name for f in mandaat_a._meta.concrete_fields}


def test_mandate_outside_contract_period_is_refused(aanbieder_a, ho):
    contract(aanbieder_a, ho, einddatum=date(2026, 12, 31))
    with pytest.raises(ValidationError) as exc:
        services.controleer_mandaat_binnen_contract(
            aanbieder=aanbieder_a,
            producten=[ho],
            geldig_van=date(2025, 1, 1),
            geldig_tot=date(2027, 6, 30),
        )
    assert "buiten de periode waarin" in str(exc.value.message_dict["geldig_tot"])
    services.controleer_mandaat_binnen_contract(
        aanbieder=aanbieder_a,
        producten=[ho],
        geldig_van=date(2025, 1, 1),
        geldig_tot=date(2026, 6, 30),
    )


# -------------------------------------------------------------- client stops


@pytest.mark.parametrize("huidig", list(StopStatus.values))
@pytest.mark.parametrize("nieuw", list(StopStatus.values))
def test_every_stop_transition_is_allowed_or_refused_explicitly(huidig, nieuw):
    if nieuw in STOP_OVERGANGEN[huidig]:
        controleer_overgang(STOP_OVERGANGEN, huidig, nieuw, "Stop")
    else:
        with pytest.raises(ValidationError, match="kan niet van"):
            controleer_overgang(STOP_OVERGANGEN, huidig, nieuw, "Stop")


def test_stop_without_end_or_review_date_is_refused(
    aanbieder_a, ho, medewerker_a, dordrecht, contracten
):
    with pytest.raises(ValidationError, match="altijd tijdelijk"):
        services.stop_aanvragen(
            actor=medewerker_a,
            aanbieder=aanbieder_a,
            product=ho,
            gemeenten=[dordrecht],
            ingangsdatum=timezone.localdate() + timedelta(days=1),
            reden="x",
            maatregelen="y",
        )
    assert not Clientenstop.objects.exists()


def test_stop_is_not_in_force_until_cm_agrees(stop_a, contractmanager, dordrecht, ho):
    today = timezone.localdate()
    assert not Clientenstop.objects.geldend_op(today).exists()
    services.stop_beoordelen(actor=contractmanager, stop=stop_a, besluit=StopStatus.AKKOORD)
    assert list(Clientenstop.objects.geldend_op(today).voor(product=ho, gemeente=dordrecht)) == [
        stop_a
    ]


def test_only_cm_judges_and_changes_need_a_note(stop_a, medewerker_a, contractmanager):
    with pytest.raises(PermissionDenied):
        services.stop_beoordelen(actor=medewerker_a, stop=stop_a, besluit=StopStatus.AKKOORD)
    with pytest.raises(ValidationError, match="Licht toe"):
        services.stop_beoordelen(actor=contractmanager, stop=stop_a, besluit=StopStatus.AFGEWEZEN)
    nieuw_einde = timezone.localdate() + timedelta(days=30)
    stop = services.stop_beoordelen(
        actor=contractmanager,
        stop=stop_a,
        besluit=StopStatus.AKKOORD_GEWIJZIGD,
        notitie="Korter: een maand",
        wijzigingen={"einddatum": nieuw_einde},
    )
    assert stop.einddatum == nieuw_einde
    assert stop.history.first().history_user == contractmanager


def test_provider_cannot_request_a_stop_for_another_provider(
    medewerker_b, aanbieder_a, ho, dordrecht
):
    with pytest.raises(PermissionDenied):
        services.stop_aanvragen(
            actor=medewerker_b,
            aanbieder=aanbieder_a,
            product=ho,
            gemeenten=[dordrecht],
            ingangsdatum=date(2026, 1, 1),
            einddatum=date(2026, 3, 1),
            reden="x",
            maatregelen="y",
        )


def test_stop_blocks_assignment_unless_agreement_is_recorded(
    stop_a, contractmanager, consulent, aanbieder_a, ho, dordrecht, papendrecht
):
    services.stop_beoordelen(actor=contractmanager, stop=stop_a, besluit=StopStatus.AKKOORD)
    today = timezone.localdate()
    client = ClientFactory(gemeente=dordrecht)
    with pytest.raises(ValidationError, match="cliëntenstop"):
        toewijzing_vastleggen(
            actor=consulent, client=client, aanbieder=aanbieder_a, product=ho, ingangsdatum=today
        )
    # In another municipality the stop does not apply.
    toewijzing_vastleggen(
        actor=consulent,
        client=ClientFactory(gemeente=papendrecht),
        aanbieder=aanbieder_a,
        product=ho,
        ingangsdatum=today,
        einddatum=today + timedelta(days=365),
        volume=120,
    )
    toewijzing = toewijzing_vastleggen(
        actor=consulent,
        client=client,
        aanbieder=aanbieder_a,
        product=ho,
        ingangsdatum=today,
        einddatum=today + timedelta(days=365),
        volume=120,
        stop_afwijking_reden="Met CM (Kees) afgesproken: cliënt woont naast het team.",
    )
    assert toewijzing.stop_afwijking_reden.startswith("Met CM")


# ------------------------------------------------------------------- capacity


def test_capacity_becomes_stale_after_the_configured_weeks(capaciteit_b, ho, dordrecht, contracten):
    Instellingen.objects.create(capaciteit_verouderd_na_weken=4)
    Capaciteit.objects.filter(pk=capaciteit_b.pk).update(
        bijgewerkt_op=timezone.now() - timedelta(weeks=5)
    )
    rij = next(r for r in aanbieders_voor_keuze(product=ho, gemeente=dordrecht) if r.capaciteit)
    assert rij.capaciteit[0].verouderd


def test_choice_lists_blocked_providers_last_with_their_stop(
    stop_a, capaciteit_b, contractmanager, ho, dordrecht
):
    services.stop_beoordelen(actor=contractmanager, stop=stop_a, besluit=StopStatus.AKKOORD)
    rows = aanbieders_voor_keuze(product=ho, gemeente=dordrecht)
    assert [r.aanbieder.naam for r in rows] == ["Poetszorg", "Vlijtig Liesje"]
    assert rows[0].capaciteit and not rows[0].geblokkeerd
    assert rows[1].geblokkeerd and rows[1].stops == [stop_a]


# -------------------------------------------------------------------- signals


def test_provider_signals_only_about_its_own_clients(medewerker_a, medewerker_b, client_van_a):
    signaal = services.signaal_melden(
        actor=medewerker_a,
        client=client_van_a,
        soort="normenkader",
        onderwerp="Afwijking",
        toelichting="Wij rekenen 180 minuten",
        berekende_minuten=180,
    )
    assert signaal.status == "open"
    with pytest.raises(PermissionDenied):
        services.signaal_melden(
            actor=medewerker_b, client=client_van_a, soort="anders", onderwerp="x", toelichting="y"
        )


def test_signal_goes_to_the_clients_consulent_and_gets_an_answer(
    medewerker_a, aanbieder_a, consulent, contractmanager
):
    from tests.factories import ToewijzingFactory

    client = ToewijzingFactory(aanbieder=aanbieder_a, client__consulent=consulent).client
    signaal = services.signaal_melden(
        actor=medewerker_a,
        client=client,
        soort="anders",
        onderwerp="Vraag",
        toelichting="Toelichting",
    )
    assert signaal.consulent == consulent
    with pytest.raises(PermissionDenied):
        services.signaal_beantwoorden(actor=medewerker_a, signaal=signaal, antwoord="zelf")
    services.signaal_beantwoorden(
        actor=contractmanager, signaal=signaal, antwoord="Klopt, we passen de bandbreedte aan."
    )
    signaal.refresh_from_db()
    assert signaal.status == "beantwoord" and signaal.beantwoord_door == contractmanager
    with pytest.raises(ValidationError, match="kan niet van"):
        services.signaal_beantwoorden(actor=consulent, signaal=signaal, antwoord="nog eens")


def test_only_sdd_staff_and_own_provider_see_a_signal(
    medewerker_a, medewerker_b, client_van_a, beheerder, contractmanager, consulent
):
    from contractbeheer.models import Aanbiedersignaal

    services.signaal_melden(
        actor=medewerker_a, client=client_van_a, soort="anders", onderwerp="x", toelichting="y"
    )
    assert Aanbiedersignaal.objects.visible_to(medewerker_a).count() == 1
    assert Aanbiedersignaal.objects.visible_to(contractmanager).count() == 1
    assert Aanbiedersignaal.objects.visible_to(consulent).count() == 1
    assert Aanbiedersignaal.objects.visible_to(medewerker_b).count() == 0
    assert Aanbiedersignaal.objects.visible_to(beheerder).count() == 0


def test_inactive_provider_user_sees_no_signals(medewerker_a, client_van_a):
    """Regression: the signal rule had its own role check without the is_active test that
    the client rule has; both now use sdd_portal.accounts.roles."""
    from contractbeheer.models import Aanbiedersignaal

    services.signaal_melden(
        actor=medewerker_a, client=client_van_a, soort="anders", onderwerp="x", toelichting="y"
    )
    medewerker_a.is_active = False
    assert not Aanbiedersignaal.objects.visible_to(medewerker_a).exists()
