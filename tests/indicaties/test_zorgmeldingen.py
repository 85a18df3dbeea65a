"""Start and stop of care as one fact (Zorgmelding), whichever way the provider reports it:
the rules of the standard (TR326, TR069, TR413-TR415, TR071) hold for the portal and the API
as much as for a 305/307, and a repeated report is not a second fact."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from indicaties import services
from indicaties.models import Toewijzing, Zorgmelding
from sdd_portal.audit.models import AccessLogEntry


@pytest.fixture
def lopend(definitief):
    """The definitive decision's assignment, running since ten days ago."""
    toewijzing = Toewijzing.objects.get(beschikking=definitief)
    toewijzing.ingangsdatum = timezone.localdate() - timedelta(days=10)
    toewijzing.save(update_fields=["ingangsdatum"])
    return toewijzing


def _codes(exc: ValidationError) -> set[str]:
    return {e.code for fouten in exc.error_dict.values() for e in fouten}


def test_start_is_een_feit_en_dezelfde_start_geen_tweede(lopend, medewerker_a):
    vandaag = timezone.localdate()
    eerste = services.start_zorg_melden(actor=medewerker_a, toewijzing=lopend, datum=vandaag)
    # The same start again, through the API: the same fact, not a second row.
    tweede = services.start_zorg_melden(
        actor=medewerker_a, toewijzing=lopend, datum=vandaag, bron="api"
    )
    assert tweede.pk == eerste.pk
    assert Zorgmelding.objects.filter(toewijzing=lopend).count() == 1
    lopend.refresh_from_db()
    assert lopend.start_zorg == vandaag
    assert eerste.history.latest().history_change_reason == "Start zorg gemeld via portaal"


def test_tweede_start_zolang_de_zorg_loopt_geweigerd_tr326(lopend, medewerker_a):
    vandaag = timezone.localdate()
    services.start_zorg_melden(actor=medewerker_a, toewijzing=lopend, datum=vandaag)
    with pytest.raises(ValidationError) as exc:
        services.start_zorg_melden(
            actor=medewerker_a, toewijzing=lopend, datum=vandaag - timedelta(days=1)
        )
    assert _codes(exc.value) == {"TR326"}
    assert "meld eerst de stop" in str(exc.value)


def test_stop_zonder_start_geweigerd_tr069(lopend, medewerker_a):
    with pytest.raises(ValidationError) as exc:
        services.stop_zorg_melden(
            actor=medewerker_a,
            toewijzing=lopend,
            einddatum=timezone.localdate(),
            reden_beeindiging="19",
        )
    assert _codes(exc.value) == {"TR069"}
    assert "meld eerst de start" in str(exc.value)


def test_tijdelijke_stop_dan_nieuwe_start_hervat_de_zorg(lopend, medewerker_a):
    vandaag = timezone.localdate()
    services.start_zorg_melden(actor=medewerker_a, toewijzing=lopend, datum=vandaag)
    stop = services.stop_zorg_melden(
        actor=medewerker_a, toewijzing=lopend, einddatum=vandaag, reden_beeindiging="20"
    )
    assert stop.begindatum == vandaag
    # TR413: a second temporary stop of the same start is refused.
    with pytest.raises(ValidationError) as exc:
        services.stop_zorg_melden(
            actor=medewerker_a,
            toewijzing=lopend,
            einddatum=vandaag + timedelta(days=1),
            reden_beeindiging="20",
        )
    assert _codes(exc.value) == {"TR413"}
    # After the temporary stop a new start is allowed (TR326): care resumes.
    hervat = services.start_zorg_melden(
        actor=medewerker_a, toewijzing=lopend, datum=vandaag, bron="api"
    )
    assert hervat.pk != stop.pk
    assert Zorgmelding.objects.filter(toewijzing=lopend, soort="start").count() == 2


def test_definitieve_stop_na_tijdelijke_en_daarna_geen_stop_meer(lopend, medewerker_a):
    vandaag = timezone.localdate()
    services.start_zorg_melden(actor=medewerker_a, toewijzing=lopend, datum=vandaag)
    services.stop_zorg_melden(
        actor=medewerker_a,
        toewijzing=lopend,
        einddatum=vandaag + timedelta(days=5),
        reden_beeindiging="20",
    )
    # TR414: the definitive stop may not end before the temporary one.
    with pytest.raises(ValidationError) as exc:
        services.stop_zorg_melden(
            actor=medewerker_a,
            toewijzing=lopend,
            einddatum=vandaag + timedelta(days=2),
            reden_beeindiging="19",
            begindatum=vandaag,
        )
    assert _codes(exc.value) == {"TR414"}
    services.stop_zorg_melden(
        actor=medewerker_a,
        toewijzing=lopend,
        einddatum=vandaag + timedelta(days=6),
        reden_beeindiging="19",
        begindatum=vandaag,
    )
    # TR415: after a definitive stop, no other stop of the same start.
    with pytest.raises(ValidationError) as exc:
        services.stop_zorg_melden(
            actor=medewerker_a,
            toewijzing=lopend,
            einddatum=vandaag + timedelta(days=9),
            reden_beeindiging="23",
            begindatum=vandaag,
        )
    assert _codes(exc.value) == {"TR415"}


def test_intrekken_start_en_stop_tr071(lopend, medewerker_a, medewerker_b):
    vandaag = timezone.localdate()
    start = services.start_zorg_melden(actor=medewerker_a, toewijzing=lopend, datum=vandaag)
    stop = services.stop_zorg_melden(
        actor=medewerker_a, toewijzing=lopend, einddatum=vandaag, reden_beeindiging="19"
    )
    with pytest.raises(ValidationError) as exc:
        services.zorgmelding_intrekken(actor=medewerker_a, zorgmelding=start)
    assert _codes(exc.value) == {"TR071"}
    with pytest.raises(PermissionDenied):
        services.zorgmelding_intrekken(actor=medewerker_b, zorgmelding=stop)
    services.zorgmelding_intrekken(actor=medewerker_a, zorgmelding=stop)
    services.zorgmelding_intrekken(actor=medewerker_a, zorgmelding=start)
    lopend.refresh_from_db()
    assert lopend.start_zorg is None  # no start counts any more
    assert Zorgmelding.objects.filter(toewijzing=lopend, verwijderd_op__isnull=False).count() == 2
    start.refresh_from_db()
    assert start.history.latest().history_change_reason == "Start zorg ingetrokken via portaal"


def test_iwmo_zonder_gebruiker_en_historie_noemt_het_bericht(lopend, medewerker_b):
    vandaag = timezone.localdate()
    with pytest.raises(PermissionDenied):
        services.stop_zorg_melden(
            actor=medewerker_b,
            toewijzing=lopend,
            einddatum=vandaag,
            reden_beeindiging="19",
            bron="iwmo",
        )
    melding = services.start_zorg_melden(
        actor=None, toewijzing=lopend, datum=vandaag, bron="iwmo", bericht="A123"
    )
    assert melding.history.latest().history_change_reason == (
        "Start zorg gemeld via iWmo-bericht A123"
    )
    # The same start reported by a second 305 is a duplicate message (TR074), not a new fact.
    with pytest.raises(ValidationError) as exc:
        services.start_zorg_melden(
            actor=None, toewijzing=lopend, datum=vandaag, bron="iwmo", bericht="A124"
        )
    assert _codes(exc.value) == {"TR074"}
    assert Zorgmelding.objects.filter(toewijzing=lopend).count() == 1


# ---------------------------------------------------------------- the portal's stop form


def test_stopformulier_meldt_stop_en_weigert_andere_aanbieder(
    client, login, lopend, medewerker_a, medewerker_b, consulent
):
    vandaag = timezone.localdate()
    services.start_zorg_melden(actor=medewerker_a, toewijzing=lopend, datum=vandaag)
    url = reverse("indicaties:stop-melden", args=[lopend.uuid])
    # Another provider: 404, nothing saved, the refusal logged.
    login(medewerker_b)
    response = client.post(url, {"einddatum": vandaag.isoformat(), "reden_beeindiging": "19"})
    assert response.status_code == 404
    assert not Zorgmelding.objects.filter(soort="stop").exists()
    assert AccessLogEntry.objects.filter(user=medewerker_b, uitkomst="geweigerd").exists()
    # The consulent sees the assignment but does not report care: refused.
    login(consulent)
    response = client.post(url, {"einddatum": vandaag.isoformat(), "reden_beeindiging": "19"})
    assert response.status_code == 403
    pagina = client.get(reverse("indicaties:toewijzing-detail", args=[lopend.uuid]))
    assert "Einde van de zorg melden" not in pagina.content.decode()
    assert not Zorgmelding.objects.filter(soort="stop").exists()
    login(medewerker_a)
    pagina = client.get(reverse("indicaties:toewijzing-detail", args=[lopend.uuid]))
    assert "Einde van de zorg melden" in pagina.content.decode()
    assert "Levering is tijdelijk beëindigd" in pagina.content.decode()
    # Bad input: the field is named, nothing saved.
    response = client.post(url, {"einddatum": vandaag.isoformat(), "reden_beeindiging": "99"})
    assert response.status_code == 400
    assert "Reden beëindiging" in response.content.decode()
    response = client.post(
        url,
        {"einddatum": (vandaag - timedelta(days=3)).isoformat(), "reden_beeindiging": "19"},
    )
    assert response.status_code == 400
    assert "ligt voor de start van de zorg" in response.content.decode()
    assert not Zorgmelding.objects.filter(soort="stop").exists()
    response = client.post(url, {"einddatum": vandaag.isoformat(), "reden_beeindiging": "19"})
    assert response.status_code == 302
    stop = Zorgmelding.objects.get(soort="stop")
    assert (stop.reden_beeindiging, stop.bron, stop.gemeld_door) == ("19", "portaal", medewerker_a)
    pagina = client.get(reverse("indicaties:toewijzing-detail", args=[lopend.uuid]))
    assert f"Stop zorg per {vandaag:%d-%m-%Y}" in pagina.content.decode()


def test_directe_toewijzing_zonder_beschikking_kan_starten(aanbieder_a, medewerker_a):
    """A direct assignment (no decision, no plan to write) is sent in a 301, so its start
    counts; only an order to write a plan (short-term, re-indication) refuses a start."""
    from tests.factories import ToewijzingFactory

    vandaag = timezone.localdate()
    toewijzing = ToewijzingFactory(
        aanbieder=aanbieder_a,
        ingangsdatum=vandaag - timedelta(days=5),
        einddatum=vandaag + timedelta(days=60),
    )
    assert toewijzing.beschikking_id is None and toewijzing.gaat_naar_keten
    melding = services.start_zorg_melden(
        actor=medewerker_a, toewijzing=toewijzing, datum=vandaag - timedelta(days=2)
    )
    assert melding.soort == Zorgmelding.Soort.START
    toewijzing.refresh_from_db()
    assert toewijzing.start_zorg == vandaag - timedelta(days=2)


def test_start_onder_opdracht_tot_plan_geweigerd(kortdurend, medewerker_a):
    toewijzing = Toewijzing.objects.get(beschikking=kortdurend)
    assert toewijzing.wacht_op_plan
    with pytest.raises(ValidationError) as exc:
        services.start_zorg_melden(
            actor=medewerker_a, toewijzing=toewijzing, datum=timezone.localdate()
        )
    assert _codes(exc.value) == {"kortdurend"}
    assert not Zorgmelding.objects.filter(toewijzing=toewijzing).exists()
