"""Region-scale HO data for the benchmark: consistent, honest about what it holds, once."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, F, Q

from indicaties.models import Beschikking, Client, Ondersteuningsplan, Toewijzing
from indicaties.selectors import werklijst_aanbieder, werklijst_consulent
from indicaties.states import PlanStatus
from proefdata.management.commands.synthetic_ho import MARKER
from sdd_portal.accounts.models import User
from sdd_portal.validators import is_valid_bsn


def test_synthetic_ho_builds_consistent_histories_once(db, capsys):
    call_command("demo_data", clienten=20)
    call_command("synthetic_ho", clients=200, decisions=1000, seed=7)
    uit = capsys.readouterr().out
    assert "200 cliënten, 1000 beschikkingen" in uit

    synthetisch = Client.objects.filter(email__endswith=MARKER)
    assert synthetisch.count() == 200
    assert all(is_valid_bsn(b) for b in synthetisch.values_list("bsn", flat=True))
    beschikkingen = Beschikking.objects.filter(client__in=synthetisch)
    assert beschikkingen.count() == 1000
    # Every definitive decision rests on an accepted plan of the same provider; the
    # exclusion constraint already refused any overlap while inserting.
    definitief = beschikkingen.filter(soort=Beschikking.Soort.DEFINITIEF)
    assert definitief.filter(ondersteuningsplan__isnull=True).count() == 0
    assert definitief.exclude(ondersteuningsplan__status=PlanStatus.GEACCEPTEERD).count() == 0
    assert definitief.exclude(ondersteuningsplan__toewijzing__aanbieder=F("aanbieder")).count() == 0
    # A short decision never carries more than its band's lower bound.
    kort = beschikkingen.filter(soort=Beschikking.Soort.KORTDUREND)
    assert kort.exclude(minuten_per_week=F("bandbreedte__min_minuten")).count() == 0
    # Plans stay within their band.
    buiten = Ondersteuningsplan.objects.filter(toewijzing__client__in=synthetisch).filter(
        Q(minuten_per_week__lt=F("toewijzing__bandbreedte__min_minuten"))
        | Q(minuten_per_week__gt=F("toewijzing__bandbreedte__max_minuten"))
    )
    assert buiten.count() == 0
    assert (
        Toewijzing.objects.filter(client__in=synthetisch)
        .values("client")
        .annotate(n=Count("id"))
        .filter(n=0)
        .count()
        == 0
    )

    # The worklists have work in them.
    consulent = User.objects.get(username="consulent")
    werk = werklijst_consulent(consulent)
    assert werk["plannen"].exists() and werk["kortdurend"].exists() and werk["onderzoek"].exists()
    aanbieders = Toewijzing.objects.filter(client__in=synthetisch).values_list(
        "aanbieder", flat=True
    )
    medewerker = User.objects.filter(organisatie__in=aanbieders, is_active=True).first()
    assert medewerker is not None
    lijsten = werklijst_aanbieder(medewerker)
    assert any(lijsten[k].exists() for k in ("nieuw", "afgewezen", "verwacht"))

    # A second run adds nothing and says so.
    call_command("synthetic_ho", clients=200, decisions=1000, seed=7)
    assert "er is niets toegevoegd" in capsys.readouterr().out
    assert Beschikking.objects.filter(client__in=synthetisch).count() == 1000


def test_synthetic_ho_needs_demo_data_and_sane_numbers(db):
    with pytest.raises(CommandError, match="demo_data"):
        call_command("synthetic_ho", clients=10, decisions=30)
    call_command("demo_data", clienten=5)
    with pytest.raises(CommandError, match="--decisions"):
        call_command("synthetic_ho", clients=10, decisions=500)
