"""Issue 17, findings 1 and 2: one functioneel beheerder cannot take over another user's
account or hand out client files. Each test is a route an attacker with one beheerder
account tried; the change waits for a second beheerder (docs/adr/0011)."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from sdd_portal.accounts.models import Rol, User, Wijzigingsverzoek
from sdd_portal.accounts.services import verzoek_goedkeuren
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Soort = Wijzigingsverzoek.Soort
Status = Wijzigingsverzoek.Status
VERZOEKEN = "/admin/accounts/wijzigingsverzoek/"


@pytest.fixture
def tweede_beheerder(sdd):
    return UserFactory(username="fb2", organisatie=sdd, rollen=[Rol.FUNCTIONEEL_BEHEERDER])


def _formulier(user, **wijzigingen):
    """The admin change form of ``user`` as the browser posts it."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "organisatie": user.organisatie_id,
        "rollen": list(user.rollen),
        "is_active": "on" if user.is_active else "",
        "dagoverzicht_mail": "on",
    }
    data.update(wijzigingen)
    return {k: v for k, v in data.items() if v != ""}


def _wijzigen(http, user, **wijzigingen):
    response = http.post(f"/admin/accounts/user/{user.pk}/change/", _formulier(user, **wijzigingen))
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def _beoordelen(http, verzoek, actie="goedkeuren"):
    return http.post(VERZOEKEN, {"action": actie, "_selected_action": [verzoek.pk]}, follow=True)


def test_takeover_regression_email_change_waits_for_a_second_beheerder(
    login, beheerder, tweede_beheerder, consulent, django_capture_on_commit_callbacks
):
    """Regression (issue 17, finding 1): change the consulent's e-mail to one's own, then
    send the reset mail. The address stays, the reset mail goes to the consulent, and the
    consulent is warned at their own address."""
    oud = consulent.email
    http = login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        _wijzigen(http, consulent, email="aanvaller@example.org")
    consulent.refresh_from_db()
    assert consulent.email == oud
    verzoek = Wijzigingsverzoek.objects.get(betrokkene=consulent, soort=Soort.IDENTITEIT)
    assert verzoek.status == Status.INGEDIEND and verzoek.aangevraagd_door == beheerder
    assert [m.to for m in mail.outbox] == [[oud]]
    assert "aanvaller@example.org" in mail.outbox[0].body

    mail.outbox.clear()
    http.post(
        "/admin/accounts/user/",
        {"action": "stuur_wachtwoord_herstelmail", "_selected_action": [consulent.pk]},
    )
    assert [m.to for m in mail.outbox] == [[oud]]

    # The attacker cannot approve their own request.
    body = _beoordelen(http, verzoek).content.decode()
    assert "zelf ingediend" in body
    consulent.refresh_from_db()
    assert consulent.email == oud

    # A second beheerder can; the notice goes to the OLD address.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _beoordelen(login(tweede_beheerder), verzoek)
    consulent.refresh_from_db()
    verzoek.refresh_from_db()
    assert consulent.email == "aanvaller@example.org"
    assert verzoek.status == Status.GOEDGEKEURD and verzoek.beoordeeld_door == tweede_beheerder
    assert [m.to for m in mail.outbox] == [[oud]]
    # Request and decision are both in the history, and so is the change of the user.
    assert verzoek.history.count() == 2
    laatste = consulent.history.order_by("-history_date").first()
    assert laatste.history_user == tweede_beheerder and "vier ogen" in laatste.history_change_reason


def test_username_change_waits_too(login, beheerder, consulent):
    _wijzigen(login(beheerder), consulent, username="consulent2")
    assert User.objects.filter(username="consulent").exists()
    assert Wijzigingsverzoek.objects.get(betrokkene=consulent).wijziging == {
        "username": "consulent2"
    }


def test_names_still_change_at_once(login, beheerder, consulent):
    _wijzigen(login(beheerder), consulent, last_name="Nieuwenhuis")
    consulent.refresh_from_db()
    assert consulent.last_name == "Nieuwenhuis"
    assert not Wijzigingsverzoek.objects.exists()


def test_takeover_regression_beheerder_cannot_delete_or_enrol_an_authenticator(
    login, beheerder, consulent
):
    """Regression: delete the consulent's TOTP device and enrol a new one in the admin."""
    device = TOTPDevice.objects.get(user=consulent)
    http = login(beheerder)
    assert http.get(f"/admin/otp_totp/totpdevice/{device.pk}/delete/").status_code == 403
    assert (
        http.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    response = http.post(
        "/admin/otp_totp/totpdevice/",
        {"action": "delete_selected", "_selected_action": [device.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302, 403)
    assert http.post("/admin/otp_totp/totpdevice/add/", {"user": consulent.pk}).status_code == 403
    assert (
        http.post(
            f"/admin/otp_totp/totpdevice/{device.pk}/change/", {"user": beheerder.pk}
        ).status_code
        == 403
    )
    assert http.get("/admin/otp_static/staticdevice/add/").status_code == 403
    device.refresh_from_db()
    assert device.user == consulent


def test_second_factor_reset_under_four_eyes_forces_the_user_to_enrol_themself(
    login, beheerder, tweede_beheerder, consulent, client, django_capture_on_commit_callbacks
):
    StaticDevice.objects.create(user=consulent, name="reserve")
    http = login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        http.post(
            "/admin/accounts/user/",
            {"action": "tweede_factor_resetten", "_selected_action": [consulent.pk]},
        )
    verzoek = Wijzigingsverzoek.objects.get(betrokkene=consulent, soort=Soort.TWEEDE_FACTOR)
    assert TOTPDevice.objects.filter(user=consulent).exists()  # nothing yet
    assert [m.to for m in mail.outbox] == [[consulent.email]]

    _beoordelen(login(tweede_beheerder), verzoek)
    assert not TOTPDevice.objects.filter(user=consulent).exists()
    assert not StaticDevice.objects.filter(user=consulent).exists()
    # The user, after the password, is sent to set up a new device themself.
    client.force_login(consulent)
    response = client.get("/clienten/")
    assert response.status_code == 302
    assert response["Location"] == "/account/two_factor/setup/"


def test_nobody_approves_a_request_about_themself(login, beheerder, tweede_beheerder):
    http = login(beheerder)
    http.post(
        "/admin/accounts/user/",
        {"action": "tweede_factor_resetten", "_selected_action": [tweede_beheerder.pk]},
    )
    verzoek = Wijzigingsverzoek.objects.get(betrokkene=tweede_beheerder)
    body = _beoordelen(login(tweede_beheerder), verzoek).content.decode()
    assert "gaat over uzelf" in body
    assert TOTPDevice.objects.filter(user=tweede_beheerder).exists()


def test_four_eyes_hold_in_the_database_too(beheerder, consulent):
    verzoek = Wijzigingsverzoek.objects.create(
        soort=Soort.TWEEDE_FACTOR, betrokkene=consulent, aangevraagd_door=beheerder
    )
    from django.utils import timezone

    with pytest.raises(IntegrityError), transaction.atomic():
        Wijzigingsverzoek.objects.filter(pk=verzoek.pk).update(
            status=Status.GOEDGEKEURD, beoordeeld_door=beheerder, beoordeeld_op=timezone.now()
        )


def test_superuser_without_the_role_is_no_shortcut_for_the_second_beheerder(
    login, beheerder, consulent, sdd
):
    root = UserFactory(
        username="root", organisatie=None, rollen=[], is_superuser=True, is_staff=True
    )
    TOTPDevice.objects.create(user=root, name="default", confirmed=True)
    _wijzigen(login(beheerder), consulent, email="ander@example.org")
    verzoek = Wijzigingsverzoek.objects.get()
    body = _beoordelen(login(root), verzoek).content.decode()
    assert "Alleen een functioneel beheerder" in body
    consulent.refresh_from_db()
    assert consulent.email != "ander@example.org"


def test_takeover_regression_history_revert_cannot_change_identity(login, beheerder, consulent):
    """Regression: the history view's 'revert' posts the full form of an old version."""
    consulent.email = "oud@example.org"
    consulent.save()
    oude_versie = consulent.history.order_by("history_date").first()
    consulent.email = "nieuw@example.org"
    consulent.save()
    http = login(beheerder)
    url = f"/admin/accounts/user/{consulent.pk}/history/{oude_versie.history_id}/"
    response = http.post(url, _formulier(consulent, email="aanvaller@example.org"))
    assert response.status_code == 403
    consulent.refresh_from_db()
    assert consulent.email == "nieuw@example.org"


def test_granting_a_client_reading_role_waits_removing_one_does_not(
    login, beheerder, tweede_beheerder, contractmanager
):
    http = login(beheerder)
    _wijzigen(http, contractmanager, rollen=[Rol.CONSULENT])
    contractmanager.refresh_from_db()
    assert contractmanager.rollen == []  # the removal at once, the grant waits
    verzoek = Wijzigingsverzoek.objects.get(betrokkene=contractmanager, soort=Soort.ROLLEN)
    assert verzoek.wijziging["rollen"] == [Rol.CONSULENT]
    _beoordelen(login(tweede_beheerder), verzoek)
    contractmanager.refresh_from_db()
    assert contractmanager.rollen == [Rol.CONSULENT]


def test_sock_puppet_regression_new_beheerder_account_cannot_approve(
    login, beheerder, consulent, sdd
):
    """Regression: create a second beheerder account for oneself, then approve with it."""
    http = login(beheerder)
    response = http.post(
        "/admin/accounts/user/add/",
        {
            "username": "pop",
            "first_name": "Sok",
            "last_name": "Pop",
            "email": "pop@example.org",
            "organisatie": sdd.pk,
            "rollen": [Rol.FUNCTIONEEL_BEHEERDER, Rol.CONSULENT],
            "password1": "Een-lang-wachtwoord-2026",
            "password2": "Een-lang-wachtwoord-2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    pop = User.objects.get(username="pop")
    assert pop.rollen == []
    verzoek = Wijzigingsverzoek.objects.get(betrokkene=pop)
    assert sorted(verzoek.wijziging["rollen"]) == [Rol.CONSULENT, Rol.FUNCTIONEEL_BEHEERDER]
    TOTPDevice.objects.create(user=pop, name="default", confirmed=True)
    _wijzigen(login(beheerder), consulent, email="aanvaller@example.org")
    eigen = Wijzigingsverzoek.objects.get(soort=Soort.IDENTITEIT)
    body = _beoordelen(login(pop), eigen).content.decode()
    assert response.status_code in (302, 403) or "Alleen een functioneel beheerder" in body
    consulent.refresh_from_db()
    assert consulent.email != "aanvaller@example.org"


def test_moving_a_provider_employee_to_another_provider_waits(
    login, beheerder, medewerker_a, aanbieder_b
):
    """Moving someone to provider B hands them B's clients: that is a grant too."""
    _wijzigen(login(beheerder), medewerker_a, organisatie=aanbieder_b.pk)
    medewerker_a.refresh_from_db()
    assert medewerker_a.organisatie_id != aanbieder_b.pk
    verzoek = Wijzigingsverzoek.objects.get(betrokkene=medewerker_a)
    assert verzoek.wijziging["organisatie"] == aanbieder_b.pk


def test_reactivating_a_consulent_waits(login, beheerder, consulent):
    consulent.is_active = False
    consulent.save()
    _wijzigen(login(beheerder), consulent, is_active="on")
    consulent.refresh_from_db()
    assert consulent.is_active is False
    assert Wijzigingsverzoek.objects.get(betrokkene=consulent).soort == Soort.ROLLEN


def test_rejected_request_changes_nothing(login, beheerder, tweede_beheerder, consulent):
    oud = consulent.email
    _wijzigen(login(beheerder), consulent, email="ander@example.org")
    verzoek = Wijzigingsverzoek.objects.get()
    _beoordelen(login(tweede_beheerder), verzoek, "afwijzen")
    verzoek.refresh_from_db()
    consulent.refresh_from_db()
    assert verzoek.status == Status.AFGEWEZEN and consulent.email == oud
    # Once decided, a request cannot be approved after all.
    body = _beoordelen(login(tweede_beheerder), verzoek).content.decode()
    assert "kan niet van" in body
    consulent.refresh_from_db()
    assert consulent.email == oud


def test_stale_request_is_not_carried_out(beheerder, tweede_beheerder, consulent, login):
    _wijzigen(login(beheerder), consulent, email="ander@example.org")
    verzoek = Wijzigingsverzoek.objects.get()
    User.objects.filter(pk=consulent.pk).update(email="tussendoor@example.org")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="gewijzigd sinds"):
        verzoek_goedkeuren(actor=tweede_beheerder, verzoek=verzoek)
    consulent.refresh_from_db()
    assert consulent.email == "tussendoor@example.org"


def test_open_requests_are_listed_in_one_place(login, beheerder, tweede_beheerder, consulent):
    _wijzigen(login(beheerder), consulent, email="ander@example.org")
    body = login(tweede_beheerder).get(VERZOEKEN).content.decode()
    assert "Wacht op goedkeuring" in body and "ander@example.org" in body
    # Nobody edits or deletes a request itself.
    verzoek = Wijzigingsverzoek.objects.get()
    http = login(tweede_beheerder)
    assert (
        http.post(f"{VERZOEKEN}{verzoek.pk}/change/", {"status": "goedgekeurd"}).status_code == 403
    )
    assert http.post(f"{VERZOEKEN}{verzoek.pk}/delete/", {"post": "yes"}).status_code == 403


def test_other_roles_cannot_decide_requests(login, beheerder, contractmanager, consulent):
    _wijzigen(login(beheerder), consulent, email="ander@example.org")
    verzoek = Wijzigingsverzoek.objects.get()
    response = login(contractmanager).post(
        VERZOEKEN, {"action": "goedkeuren", "_selected_action": [verzoek.pk]}
    )
    assert response.status_code == 403
    verzoek.refresh_from_db()
    assert verzoek.status == Status.INGEDIEND


def test_provider_sees_the_grants_of_its_own_people_and_nothing_of_another(
    login, beheerder, tweede_beheerder, aanbieder_a, medewerker_a, medewerker_b
):
    nieuw = UserFactory(username="nieuw.a", organisatie=aanbieder_a, rollen=[])
    _wijzigen(login(beheerder), nieuw, rollen=[Rol.AANBIEDER_MEDEWERKER])
    _beoordelen(login(tweede_beheerder), Wijzigingsverzoek.objects.get())
    body = login(medewerker_a).get("/organisatie/rechten/").content.decode()
    assert nieuw.get_full_name() in body
    assert "Aanbieder-medewerker" in body
    assert beheerder.get_full_name() in body and tweede_beheerder.get_full_name() in body
    assert "Goedgekeurd" in body
    andere = login(medewerker_b).get("/organisatie/rechten/")
    assert andere.status_code == 200
    assert nieuw.get_full_name() not in andere.content.decode()


def test_user_without_a_role_sees_no_rights_page(login, aanbieder_a):
    zonder = UserFactory(organisatie=aanbieder_a, rollen=[])
    assert login(zonder).get("/organisatie/rechten/").status_code == 403


def test_a_second_request_while_one_is_open_is_refused_in_dutch(login, beheerder, consulent):
    oud = consulent.email
    http = login(beheerder)
    _wijzigen(http, consulent, email="eerste@example.org")
    response = http.post(
        f"/admin/accounts/user/{consulent.pk}/change/",
        _formulier(consulent, email="tweede@example.org"),
        follow=True,
    )
    assert response.status_code == 200
    assert "staat al een verzoek" in response.content.decode()
    consulent.refresh_from_db()
    assert consulent.email == oud
    assert Wijzigingsverzoek.objects.get().wijziging == {"email": "eerste@example.org"}


@pytest.mark.parametrize(
    ("van", "naar", "mag"),
    [
        (Status.INGEDIEND, Status.GOEDGEKEURD, True),
        (Status.INGEDIEND, Status.AFGEWEZEN, True),
        (Status.GOEDGEKEURD, Status.AFGEWEZEN, False),
        (Status.GOEDGEKEURD, Status.INGEDIEND, False),
        (Status.AFGEWEZEN, Status.GOEDGEKEURD, False),
        (Status.AFGEWEZEN, Status.INGEDIEND, False),
    ],
)
def test_request_lifecycle(van, naar, mag):
    from django.core.exceptions import ValidationError

    from sdd_portal.accounts.states import VERZOEK

    verzoek = Wijzigingsverzoek(status=van)
    if mag:
        VERZOEK.naar(verzoek, naar)
        assert verzoek.status == naar
    else:
        with pytest.raises(ValidationError, match="kan niet van"):
            VERZOEK.naar(verzoek, naar)
