"""Login: Dutch pages, TOTP for SDD staff, lockout after repeated failures."""

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD, UserFactory

LOGIN = "/account/login/"


def _password_step(http, username, password=PASSWORD):
    return http.post(
        LOGIN,
        {"login_view-current_step": "auth", "auth-username": username, "auth-password": password},
    )


def _token_step(http, token):
    return http.post(LOGIN, {"login_view-current_step": "token", "token-otp_token": token})


def _code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_login_page_is_dutch(client, db):
    body = client.get(LOGIN).content.decode()
    assert "Inloggen" in body and "Gebruikersnaam" in body and "Wachtwoord vergeten?" in body


def test_sdd_staff_need_the_second_factor(client, consulent):
    response = _password_step(client, "consulent")
    assert response.status_code == 200
    assert "zescijferige code" in response.content.decode()
    assert client.get("/").status_code == 302  # not logged in yet

    response = _token_step(client, "000000")
    assert response.status_code == 200
    assert client.get("/").status_code == 302

    device = TOTPDevice.objects.get(user=consulent)
    device.throttle_reset()
    assert _token_step(client, _code(device)).status_code == 302
    assert client.get("/").status_code == 200


def test_provider_staff_log_in_with_password(client, medewerker_a):
    assert _password_step(client, "mw.a").status_code == 302
    assert client.get("/").status_code == 200


def test_sdd_user_without_device_must_set_one_up(client, sdd):
    user = UserFactory(organisatie=sdd, rollen=["consulent"], totp=False)
    TOTPDevice.objects.filter(user=user).delete()
    client.force_login(user)
    response = client.get("/clienten/")
    assert response.status_code == 302
    assert response["Location"] == "/account/two_factor/setup/"


def test_sdd_session_without_verified_device_is_sent_back_to_login(client, consulent):
    client.force_login(consulent)  # password only, no second factor
    response = client.get("/clienten/")
    assert response.status_code == 302
    assert response["Location"] == LOGIN


def test_account_is_locked_after_repeated_failures(client, medewerker_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = _password_step(client, "mw.a", "fout-wachtwoord")
        assert response.status_code in (200, 429)
    response = _password_step(client, "mw.a")  # right password, but locked
    assert response.status_code == 429
    assert "Account tijdelijk geblokkeerd" in response.content.decode()
    assert client.get("/").status_code == 302


def test_lockout_of_one_account_leaves_colleagues_on_the_same_pc_alone(
    client, medewerker_a, medewerker_b, settings
):
    """Regression: locking on address plus browser locked every colleague in the office."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _password_step(client, "mw.a", "fout-wachtwoord")
    client.cookies.clear()  # same address, same browser, next person
    assert _password_step(client, "mw.b").status_code == 302
    assert _password_step(client.__class__(), "mw.a").status_code == 429


@pytest.mark.parametrize("email", ["gebruiker@example.org", "onbekend@example.org"])
def test_password_reset_is_dutch_and_reveals_nothing(client, db, email):
    UserFactory(email="gebruiker@example.org")
    response = client.post("/wachtwoord-vergeten/", {"email": email}, follow=True)
    assert "Kijk in uw mailbox" in response.content.decode()
    if email.startswith("gebruiker"):
        assert len(mail.outbox) == 1
        assert "nieuw wachtwoord" in mail.outbox[0].body
    else:
        assert mail.outbox == []


def test_logout_ends_the_session(login, medewerker_a):
    http = login(medewerker_a)
    assert http.post("/uitloggen/").status_code == 302
    assert http.get("/").status_code == 302


def test_lockout_page_says_how_long_in_dutch(client, medewerker_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = _password_step(client, "mw.a", "fout-wachtwoord")
    assert "over 15 minuten weer" in response.content.decode()


def test_sdd_staff_cannot_switch_off_their_second_factor(login, consulent):
    http = login(consulent)
    assert http.get("/account/two_factor/disable/").status_code == 403
    assert http.post("/account/two_factor/disable/", {"understand": "on"}).status_code == 403
    assert TOTPDevice.objects.filter(user=consulent).exists()
