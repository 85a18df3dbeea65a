"""The benchmark scales' data: signals as the daily jobs would have left them, once, in the
right inboxes; long lists count only as far as a page needs."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from indicaties.models import Beschikking, Client
from proefdata.synthetisch.signalen import signalen_genereren
from sdd_portal.accounts.models import User
from sdd_portal.accounts.otp import inloggen_met_tweede_factor
from sdd_portal.paginatie import BegrensdePaginator
from signalen.models import Signaal, SignaalSoort


@pytest.fixture
def regio_klein(db):
    call_command("demo_data", clienten=20, verbosity=0)
    call_command("synthetic_ho", clients=120, decisions=600, seed=3, verbosity=0)


def test_signals_follow_the_decisions_once_and_close_with_a_note(regio_klein):
    vandaag = timezone.localdate()
    uitkomst = signalen_genereren(maanden=24)
    verloop = Signaal.objects.filter(soort=SignaalSoort.VERLOOP, client__email__contains="synth")
    assert uitkomst["verloop"] == verloop.count() > 0
    assert uitkomst["nieuwe_toewijzing"] > 0
    # One for the provider and one for the consulent per decision, due six weeks before it
    # ends, on the decision itself.
    for s in verloop.select_related("onderwerp_type")[:50]:
        besluit = Beschikking.objects.get(pk=s.onderwerp_id)
        assert s.peildatum == besluit.einddatum - timedelta(days=42)
        assert besluit.soort == Beschikking.Soort.DEFINITIEF
        assert besluit.ingetrokken_per is None
        if s.ontvanger == "aanbieder":
            assert s.organisatie_id == besluit.aanbieder_id
            assert s.gebruiker_id is None
        else:
            assert s.gebruiker_id == besluit.client.consulent_id or s.rol == "consulent"
        assert s.titel.endswith(besluit.einddatum.strftime("%d-%m-%Y"))
    # Old ones are handled, recent ones wait; a closed signal has its date and note.
    assert verloop.filter(status="open", peildatum__lt=vandaag - timedelta(days=21)).count() == 0
    assert verloop.filter(status="gesloten").exclude(sluitnotitie="").count() == (
        verloop.filter(status="gesloten").count()
    )
    assert verloop.filter(status="open").exists()
    # Demo clients keep only their own signals; a second run adds nothing.
    aantal = Signaal.objects.count()
    assert signalen_genereren(maanden=24)["verloop"] == 0
    assert Signaal.objects.count() == aantal


def test_provider_inbox_holds_only_its_own_synthetic_signals(regio_klein, client):
    signalen_genereren(maanden=24)
    vlijtig = User.objects.get(username="aanbieder.vlijtigliesje")
    eigen = Signaal.objects.visible_to(vlijtig)
    assert eigen.exists()
    assert not eigen.exclude(organisatie_id=vlijtig.organisatie_id).exists()
    vreemd = Signaal.objects.exclude(organisatie_id=vlijtig.organisatie_id).filter(
        ontvanger="aanbieder"
    )
    inloggen_met_tweede_factor(client, vlijtig)
    pagina = client.get("/postvak/?toon=alle", secure=True)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    for s in vreemd[:20]:
        assert str(s.uuid) not in html


def test_bench_data_demo_scale_loads_once(db, capsys):
    call_command("bench_data", schaal="demo", verbosity=0)
    call_command("bench_data", schaal="demo", verbosity=0)
    assert "Schaal demo klaar" in capsys.readouterr().out
    assert Client.objects.count() == 300


def test_capped_paginator_counts_only_what_a_page_needs(db):
    call_command("demo_data", clienten=30, verbosity=0)
    paginator = BegrensdePaginator(Client.objects.order_by("id"), 5, grens=12)
    assert paginator.count == 12
    assert paginator.afgekapt
    assert paginator.num_pages == 3
    volledig = BegrensdePaginator(Client.objects.order_by("id"), 5, grens=1000)
    assert volledig.count == 30
    assert not volledig.afgekapt


def test_inbox_says_more_than_when_the_count_is_capped(regio_klein, client, monkeypatch, settings):
    from sdd_portal import paginatie

    signalen_genereren(maanden=24)
    vlijtig = User.objects.get(username="aanbieder.vlijtigliesje")
    eigen = Signaal.objects.visible_to(vlijtig).count()
    monkeypatch.setattr(paginatie, "GRENS", 2)
    settings.PAGE_SIZE = 1
    inloggen_met_tweede_factor(client, vlijtig)
    html = client.get("/postvak/?toon=alle", secure=True).content.decode()
    assert eigen > 2
    assert "Meer dan 2 signalen" in html
    assert "Pagina 1 van meer dan 2" in html
