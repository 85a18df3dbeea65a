import os
import subprocess
import sys

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from indicaties.models import Client, Gemeente, Toewijzing
from indicaties.register import omvang_fouten
from sdd_portal.accounts.models import Organisatie, Rol, User
from sdd_portal.tasks import clear_expired_sessions
from sdd_portal.validators import is_valid_bsn


def test_demo_data_is_complete_and_safe_to_run_twice(db):
    call_command("demo_data", clienten=60)
    counts = (
        Gemeente.objects.count(),
        Organisatie.objects.count(),
        Client.objects.count(),
        Toewijzing.objects.count(),
        User.objects.count(),
        Client.history.count(),
    )
    call_command("demo_data", clienten=60)
    assert counts == (
        Gemeente.objects.count(),
        Organisatie.objects.count(),
        Client.objects.count(),
        Toewijzing.objects.count(),
        User.objects.count(),
        Client.history.count(),
    )
    assert Gemeente.objects.count() == 7
    assert Organisatie.objects.aanbieders().count() >= 10
    assert Client.objects.count() == 60
    for bsn in Client.objects.values_list("bsn", flat=True):
        assert is_valid_bsn(bsn) and 999900006 <= int(bsn) <= 999999990
    for rol in Rol.values:
        assert User.objects.filter(rollen__contains=[rol]).exists(), rol
    providers_with_users = Organisatie.objects.aanbieders().filter(medewerkers__isnull=False)
    assert providers_with_users.distinct().count() == 2
    for org in providers_with_users:
        assert Client.objects.visible_to(org.medewerkers.first()).exists()
    # Every demo assignment has a size fitting its product's uitvoeringsvariant (CD041):
    # none is silently left out of the iWmo 301.
    toewijzingen = list(Toewijzing.objects.select_related("product"))
    assert toewijzingen and all(t.volume for t in toewijzingen)
    for t in toewijzingen:
        fouten = omvang_fouten(
            product=t.product,
            volume=t.volume,
            eenheid=t.eenheid,
            frequentie=t.frequentie,
            einddatum=t.einddatum,
        )
        assert not any(fouten.values()), (t.pk, t.product.code, fouten)


def test_demo_totp_prints_a_six_digit_code(db, capsys):
    call_command("demo_data", clienten=1)
    capsys.readouterr()
    call_command("demo_totp", "consulent")
    assert len(capsys.readouterr().out.strip()) == 6


def test_production_settings_pass_the_deploy_check():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STATIC_"))}
    env.update(
        DJANGO_SECRET_KEY="x" * 30 + "a-real-looking-secret-1234567890-abcdefghij",
        DJANGO_ALLOWED_HOSTS="wmo.example.org",
        DATABASE_URL=os.environ["DATABASE_URL"],
        REDIS_URL=os.environ["REDIS_URL"],
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_session_cleanup_task_removes_only_expired_sessions(db):
    Session.objects.create(
        session_key="verlopen",
        session_data="",
        expire_date=timezone.now() - timezone.timedelta(days=1),
    )
    Session.objects.create(
        session_key="geldig",
        session_data="",
        expire_date=timezone.now() + timezone.timedelta(days=1),
    )
    clear_expired_sessions()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["geldig"]


def test_make_run_prints_the_address_and_every_demo_account(db):
    """`make run` asks demo_data for the logins, so the core imports nothing of proefdata."""
    import io

    from proefdata.demo.accounts import DEMO_PASSWORD, DEMO_USERS

    uit = io.StringIO()
    call_command("demo_data", clienten=5, toon_aanmeldingen="http://127.0.0.1:8000", stdout=uit)
    tekst = uit.getvalue()
    assert "Wmo-portaal draait op http://127.0.0.1:8000" in tekst
    assert DEMO_PASSWORD in tekst
    assert all(username in tekst for username, *_ in DEMO_USERS)
    stil = io.StringIO()
    call_command("demo_data", clienten=5, stdout=stil)
    assert DEMO_PASSWORD not in stil.getvalue()
