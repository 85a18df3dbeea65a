"""Sessions end after a period without activity and after their absolute age (docs/adr/0014).

No sleeping: the tests move the session's stored times back, as if the user had been away.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime

import pytest

from sdd_portal.accounts.middleware import LAATSTE_ACTIVITEIT, SESSIE_BEGIN

LOGIN = "/account/login/"
IDLE_MELDING = "U bent uitgelogd omdat u 30 minuten niets hebt gedaan."


def terugzetten(http, *, activiteit_minuten=None, begin_minuten=None):
    """Pretend the last activity (or the login) was this many minutes ago."""
    session = http.session
    nu = int(time.time())
    if activiteit_minuten is not None:
        session[LAATSTE_ACTIVITEIT] = nu - activiteit_minuten * 60
    if begin_minuten is not None:
        session[SESSIE_BEGIN] = nu - begin_minuten * 60
    session.save()


@pytest.fixture
def ingelogd(login, consulent):
    http = login(consulent)
    assert http.get("/").status_code == 200  # starts the clock
    return http


def test_idle_sdd_session_is_logged_out_on_the_next_request_with_a_dutch_message(ingelogd):
    terugzetten(ingelogd, activiteit_minuten=31)
    response = ingelogd.get("/clienten/?naam=jansen")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=/clienten/")
    login_pagina = ingelogd.get(response["Location"]).content.decode()
    assert IDLE_MELDING in login_pagina
    # Really logged out: the next page asks for a login again, without client data.
    volgende = ingelogd.get("/clienten/?naam=jansen")
    assert volgende.status_code == 302 and volgende["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in ingelogd.session


def test_idle_post_is_not_carried_out(ingelogd):
    terugzetten(ingelogd, activiteit_minuten=45)
    response = ingelogd.post("/clienten/nieuw/", {"bsn": "111222333", "achternaam": "Laat"})
    assert response.status_code == 302 and response["Location"] == LOGIN
    from indicaties.models import Client

    assert not Client.objects.filter(achternaam="Laat").exists()


def test_active_session_stays_and_activity_moves_the_clock(ingelogd):
    terugzetten(ingelogd, activiteit_minuten=29)
    assert ingelogd.get("/").status_code == 200
    assert int(time.time()) - ingelogd.session[LAATSTE_ACTIVITEIT] < 5
    terugzetten(ingelogd, activiteit_minuten=29)
    assert ingelogd.get("/").status_code == 200


def test_background_polling_is_not_activity(ingelogd):
    terugzetten(ingelogd, activiteit_minuten=29)
    polling = {"HX-Request": "true", "Portaal-Achtergrond": "1"}
    assert ingelogd.get("/", headers=polling).status_code == 200
    assert int(time.time()) - ingelogd.session[LAATSTE_ACTIVITEIT] >= 29 * 60
    terugzetten(ingelogd, activiteit_minuten=31)
    response = ingelogd.get("/", headers=polling)
    # htmx would swap the login page into the fragment: it is told to load the login page.
    assert response.status_code == 204
    assert response["HX-Redirect"] == LOGIN
    assert IDLE_MELDING in ingelogd.get(LOGIN).content.decode()


def test_polling_page_marks_its_requests_as_background():
    from django.template.loader import get_template

    html = get_template("indicaties/_verzendrun_voortgang.html").render(
        {"run": type("Run", (), {"status": "renderen", "uuid": uuid.uuid4()})()}
    )
    assert 'hx-trigger="every 1s"' in html and "Portaal-Achtergrond" in html


def test_absolute_limit_holds_however_active(ingelogd):
    terugzetten(ingelogd, activiteit_minuten=1, begin_minuten=8 * 60 + 1)
    response = ingelogd.get("/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "langer dan 8 uur" in ingelogd.get(LOGIN).content.decode()


def test_writing_activity_does_not_extend_the_stored_session(ingelogd):
    begin = ingelogd.session[SESSIE_BEGIN]
    verloopt = ingelogd.session.get_expiry_date()
    assert verloopt == datetime.fromtimestamp(begin + 8 * 3600, tz=UTC)
    terugzetten(ingelogd, activiteit_minuten=10)
    assert ingelogd.get("/").status_code == 200
    assert ingelogd.session.get_expiry_date() == verloopt


def test_provider_staff_have_their_own_idle_limit(login, medewerker_a, consulent, settings):
    settings.SESSION_IDLE_MINUTES_AANBIEDER = 60
    aanbieder = login(medewerker_a)
    aanbieder.get("/")
    terugzetten(aanbieder, activiteit_minuten=45)
    assert aanbieder.get("/").status_code == 200

    from django.test import Client

    sdd = Client()
    from sdd_portal.accounts.otp import inloggen_met_tweede_factor

    inloggen_met_tweede_factor(sdd, consulent)
    sdd.get("/")
    terugzetten(sdd, activiteit_minuten=45)
    assert sdd.get("/").status_code == 302


def test_api_key_requests_are_untouched(aanbieder_a, api_als):
    api = api_als(aanbieder_a)
    response = api.get("/api/v1/ik")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies


def test_the_clocks_start_at_login(client, medewerker_a):
    from tests.factories import PASSWORD

    voor = int(time.time())
    response = client.post(
        LOGIN,
        {"login_view-current_step": "auth", "auth-username": "mw.a", "auth-password": PASSWORD},
    )
    assert response.status_code == 302
    begin = client.session[SESSIE_BEGIN]
    assert voor <= begin == client.session[LAATSTE_ACTIVITEIT] <= int(time.time())
    assert client.session.get_expiry_date() == datetime.fromtimestamp(begin + 8 * 3600, tz=UTC)
