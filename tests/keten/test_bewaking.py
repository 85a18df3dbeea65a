"""The chain's watchdog (OP090): a sent message without a retour after its term raises one
signal for the consulent, the day after the term, and none while the retour is on time or
once it came. A missing start after a 301 is the domain's rule, closed by a 305 as well."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from django.utils import timezone

from indicaties import services
from keten.models import Bericht, Berichtcode, BerichtStatus, Richting
from signalen.models import Signaal
from signalen.regels import dagelijkse_taken
from tests.keten.conftest import uitgaand_301

# Thursday 3 December 2026 + three working days = Tuesday 8 December.
VERZONDEN = date(2026, 12, 3)
TERMIJN = date(2026, 12, 8)


def _run(dag: date) -> int:
    [resultaat] = dagelijkse_taken(dag, door="test", alleen=["retour_te_laat"])
    return resultaat.signalen


def test_geen_retour_na_drie_werkdagen_geeft_een_signaal_aan_de_consulent(lopend, consulent):
    bericht = uitgaand_301(lopend, dagtekening=VERZONDEN, termijn=TERMIJN)
    assert _run(TERMIJN) == 0  # the last day of the term: still on time
    assert _run(TERMIJN + timedelta(days=1)) == 1
    signaal = Signaal.objects.get(soort="retour_te_laat")
    assert signaal.gebruiker == consulent
    assert signaal.client == lopend.client
    assert signaal.peildatum == TERMIJN + timedelta(days=1)
    assert bericht.identificatie in signaal.titel
    assert "08-12-2026" in signaal.tekst and "OP090" in signaal.tekst
    # Safe to run twice, and a gap is caught up once.
    assert _run(TERMIJN + timedelta(days=3)) == 0
    assert Signaal.objects.filter(soort="retour_te_laat").count() == 1


def test_bericht_met_retour_geeft_geen_signaal(lopend):
    bericht = uitgaand_301(lopend, dagtekening=VERZONDEN, termijn=TERMIJN)
    xml = b"<retour/>"
    Bericht.objects.create(
        berichtcode=Berichtcode.WMO302,
        richting=Richting.IN,
        status=BerichtStatus.VERWERKT,
        afzender=lopend.aanbieder.agb_code,
        ontvanger=bericht.afzender,
        identificatie="R1",
        dagtekening=TERMIJN,
        aanbieder=lopend.aanbieder,
        client=lopend.client,
        xml=xml,
        sha256=hashlib.sha256(xml).hexdigest(),
        heenbericht=bericht,
    )
    bericht.status = BerichtStatus.RETOUR_ZONDER_FOUTEN
    bericht.save()
    assert _run(TERMIJN + timedelta(days=5)) == 0
    assert not Signaal.objects.filter(soort="retour_te_laat").exists()


def test_nog_binnen_termijn_geen_signaal(lopend):
    vandaag = timezone.localdate()
    uitgaand_301(lopend, dagtekening=vandaag, termijn=vandaag + timedelta(days=5))
    assert _run(vandaag) == 0


def test_geen_start_na_301_signaal_en_de_start_sluit_het(lopend, medewerker_a, consulent):
    """Five working days after the decision starts without any start (no 305, nothing in the
    portal): the domain rule signals; a start by whatever way closes that signal."""
    uitgaand_301(lopend, dagtekening=VERZONDEN, termijn=TERMIJN)
    ingang = lopend.beschikking.ingangsdatum
    dag = ingang + timedelta(days=10)
    [resultaat] = dagelijkse_taken(dag, door="test", alleen=["start_niet_gemeld"])
    assert resultaat.signalen == 2  # provider and consulent
    services.start_zorg_melden(
        actor=None, toewijzing=lopend, datum=timezone.localdate(), bron="iwmo", bericht="S1"
    )
    assert not Signaal.objects.filter(soort="start_niet_gemeld", status="open").exists()
