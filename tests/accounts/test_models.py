import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sdd_portal.accounts.models import Organisatie, Rol
from tests.factories import OrganisatieFactory, UserFactory


def test_provider_employee_cannot_hold_an_sdd_role(aanbieder_a):
    user = UserFactory.build(organisatie=aanbieder_a, rollen=[Rol.CONSULENT])
    with pytest.raises(ValidationError, match="past niet bij een medewerker van Vlijtig Liesje"):
        user.clean()


def test_unknown_role_is_refused_by_the_database(aanbieder_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(organisatie=aanbieder_a, rollen=["directeur"])


def test_provider_needs_an_agb_code_and_there_is_one_sdd(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisatieFactory(agb_code="")
    OrganisatieFactory(sdd=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisatieFactory(sdd=True, naam="Tweede SDD")


def test_hoofdadres_is_formatted_for_letters(db):
    org = OrganisatieFactory(
        straat="Noordendijk",
        huisnummer=250,
        huisnummertoevoeging="A",
        postcode="3311RR",
        plaats="Dordrecht",
    )
    assert org.hoofdadres == "Noordendijk 250A, 3311 RR Dordrecht"
    assert Organisatie.history.filter(id=org.id).count() == 1


def test_beheerder_manages_users_in_the_admin_but_cannot_make_superusers(
    login, beheerder, medewerker_a
):
    http = login(beheerder)
    page = http.get(f"/admin/accounts/user/{medewerker_a.pk}/change/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'name="rollen"' in body
    assert 'name="is_superuser"' not in body


def test_admin_edit_records_who_and_why(login, beheerder, aanbieder_a):
    http = login(beheerder)
    url = f"/admin/accounts/organisatie/{aanbieder_a.pk}/change/"
    form = {
        f: getattr(aanbieder_a, f)
        for f in (
            "soort",
            "naam",
            "kvk_nummer",
            "agb_code",
            "straat",
            "huisnummer",
            "postcode",
            "plaats",
            "telefoon",
            "email",
        )
    }
    form.update(huisnummertoevoeging="", actief="on", telefoon="078 999 0000")
    response = http.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = aanbieder_a.history.order_by("-history_date").first()
    assert latest.telefoon == "078 999 0000"
    assert latest.history_user == beheerder
    assert latest.history_change_reason == "Gewijzigd in het beheerscherm (telefoon)"


def test_beheerder_cannot_set_another_users_password_but_can_send_a_reset_mail(
    login, beheerder, consulent
):
    from django.core import mail

    http = login(beheerder)
    assert http.get(f"/admin/accounts/user/{consulent.pk}/password/").status_code == 403
    response = http.post(
        "/admin/accounts/user/",
        {"action": "stuur_wachtwoord_herstelmail", "_selected_action": [consulent.pk]},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [consulent.email]


def test_beheerder_cannot_create_an_authenticator_for_someone_else(login, beheerder, consulent):
    http = login(beheerder)
    assert http.get("/admin/otp_totp/totpdevice/").status_code == 200
    assert http.get("/admin/otp_totp/totpdevice/add/").status_code == 403
    assert http.get("/admin/otp_static/staticdevice/add/").status_code == 403


def test_beheerder_cannot_change_own_roles(login, beheerder):
    body = login(beheerder).get(f"/admin/accounts/user/{beheerder.pk}/change/").content.decode()
    assert 'name="rollen"' not in body
    assert 'name="organisatie"' not in body


def test_admin_speaks_dutch_where_the_libraries_do_not(login, beheerder):
    http = login(beheerder)
    body = http.get("/admin/accounts/user/add/").content.decode()
    assert "Nadat u de gebruiker hebt aangemaakt" in body
    index = http.get("/admin/").content.decode()
    for naam in ("Tweede factor: authenticator-apps", "Inlogbeveiliging", "Geplande taken"):
        assert naam in index
    assert "OTP_TOTP" not in index and "Periodic Tasks" not in index
