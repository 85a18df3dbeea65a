"""Issue 17, findings 2 and 9: API keys under four eyes, bound to a responsible person and
an end date; a revoked key stays revoked; a key stops with its technical account,
organisation or responsible person. Seen from the client that holds the key and from a
beheerder who tries to bring a key back."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.test import APIClient

from sdd_portal.accounts.models import Wijzigingsverzoek
from sdd_portal.accounts.services import verzoek_afwijzen, verzoek_goedkeuren
from sdd_portal.api.models import ApiSleutel
from sdd_portal.api.services import sleutel_intrekken, sleutel_uitgeven
from sdd_portal.audit.models import AccessLogEntry, Uitkomst

pytestmark = pytest.mark.django_db

URL = "/api/v1/toewijzingen"


def _client(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def _geweigerd(response, woord):
    assert response.status_code == 401, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert woord in response.json()["detail"]


def _uitgeven(actor, organisatie, standaard_verantwoordelijke, **kwargs):
    defaults = {
        "naam": "Zorgsysteem",
        "scopes": ["toewijzingen:lezen"],
        "verantwoordelijke": standaard_verantwoordelijke,
        "geldig_tot": timezone.localdate() + timedelta(days=30),
    }
    return sleutel_uitgeven(actor=actor, organisatie=organisatie, **(defaults | kwargs))


def test_new_key_does_nothing_until_a_second_beheerder_approves(
    beheerders, aanbieder_a, medewerker_a
):
    aanvrager, tweede = beheerders
    sleutel, token = _uitgeven(aanvrager, aanbieder_a, medewerker_a)
    _geweigerd(_client(token).get(URL), "goedkeuring")
    verzoek = Wijzigingsverzoek.objects.get(betrokkene=sleutel.gebruiker)
    assert verzoek.organisatie == aanbieder_a
    assert "Zorgsysteem" in verzoek.wijziging["omschrijving"]
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        verzoek_goedkeuren(actor=aanvrager, verzoek=verzoek)
    verzoek_goedkeuren(actor=tweede, verzoek=verzoek)
    assert _client(token).get(URL).status_code == 200


def test_rejected_key_never_works(beheerders, aanbieder_a, medewerker_a):
    aanvrager, tweede = beheerders
    sleutel, token = _uitgeven(aanvrager, aanbieder_a, medewerker_a)
    verzoek_afwijzen(actor=tweede, verzoek=Wijzigingsverzoek.objects.get())
    sleutel.refresh_from_db()
    assert sleutel.ingetrokken and not sleutel.actief
    _geweigerd(_client(token).get(URL), "ingetrokken")


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"geldig_tot": None}, "geldig_tot", "Geef de datum"),
        ({"geldig_tot": "te_ver"}, "geldig_tot", "hoogstens 365 dagen"),
        ({"geldig_tot": "gisteren"}, "geldig_tot", "in het verleden"),
        ({"verantwoordelijke": None}, "verantwoordelijke", "Kies de medewerker"),
        ({"verantwoordelijke": "ander"}, "verantwoordelijke", "actieve medewerker van"),
    ],
)
def test_key_needs_a_responsible_person_and_an_end_date(
    beheerders, aanbieder_a, medewerker_a, medewerker_b, wijziging, veld, melding
):
    from django.core.exceptions import ValidationError

    vertaling = {
        "te_ver": timezone.localdate() + timedelta(days=366),
        "gisteren": timezone.localdate() - timedelta(days=1),
        "ander": medewerker_b,
    }
    kwargs = {k: vertaling.get(v, v) for k, v in wijziging.items()}
    with pytest.raises(ValidationError) as fout:
        _uitgeven(beheerders[0], aanbieder_a, medewerker_a, **kwargs)
    assert melding in " ".join(fout.value.message_dict[veld])
    assert not ApiSleutel.objects.exists()


def test_admin_form_names_the_missing_fields_in_dutch(login, beheerder, aanbieder_a):
    antwoord = login(beheerder).post(
        "/admin/api/apisleutel/add/",
        {"organisatie": aanbieder_a.pk, "naam": "Zorgsysteem", "scopes": ["toewijzingen:lezen"]},
    )
    assert antwoord.status_code == 200
    assert antwoord.context["adminform"].form.errors.keys() >= {"verantwoordelijke", "geldig_tot"}
    assert not ApiSleutel.objects.exists()


def test_revoked_key_stays_revoked_in_the_database(api_sleutel, aanbieder_a, beheerder):
    sleutel, token = api_sleutel(aanbieder_a)
    sleutel_intrekken(actor=beheerder, sleutel=sleutel)
    sleutel.refresh_from_db()
    assert sleutel.ingetrokken_op is not None and sleutel.ingetrokken_door == beheerder
    # Reactivating: the check constraint refuses.
    with pytest.raises(IntegrityError), transaction.atomic():
        ApiSleutel.objects.filter(pk=sleutel.pk).update(actief=True)
    # Clearing the revocation first: the trigger refuses.
    with pytest.raises(IntegrityError), transaction.atomic():
        ApiSleutel.objects.filter(pk=sleutel.pk).update(ingetrokken_op=None)
    _geweigerd(_client(token).get(URL), "ingetrokken")


def test_beheerder_cannot_reactivate_a_revoked_key_in_the_admin(
    login, api_sleutel, aanbieder_a, beheerder
):
    sleutel, token = api_sleutel(aanbieder_a)
    sleutel_intrekken(actor=beheerder, sleutel=sleutel)
    http = login(beheerder)
    url = f"/admin/api/apisleutel/{sleutel.pk}/change/"
    assert 'name="actief"' not in http.get(url).content.decode()
    response = http.post(
        url,
        {
            "naam": "Weer aan",
            "actief": "on",
            "ingetrokken_op": "",
            "geldig_tot": "2099-01-01",
            "scopes": ["clienten:lezen"],
        },
    )
    assert response.status_code == 302
    sleutel.refresh_from_db()
    assert sleutel.naam == "Weer aan"  # the one field that may change
    assert sleutel.ingetrokken and not sleutel.actief
    assert sleutel.scopes != ["clienten:lezen"] and str(sleutel.geldig_tot) != "2099-01-01"
    _geweigerd(_client(token).get(URL), "ingetrokken")


def _weigering_gelogd(sleutel):
    regel = AccessLogEntry.objects.filter(uitkomst=Uitkomst.GEWEIGERD).latest("pk")
    assert regel.username == sleutel.gebruiker.username
    assert regel.organisatie_id == sleutel.organisatie_id
    assert sleutel.sleutel_id in regel.omschrijving


def test_key_stops_when_its_technical_account_is_deactivated(api_sleutel, aanbieder_a):
    sleutel, token = api_sleutel(aanbieder_a)
    assert _client(token).get(URL).status_code == 200
    sleutel.gebruiker.is_active = False
    sleutel.gebruiker.save()
    _geweigerd(_client(token).get(URL), "technische account")
    _weigering_gelogd(sleutel)


def test_key_stops_when_its_organisation_is_deactivated(api_sleutel, aanbieder_a):
    sleutel, token = api_sleutel(aanbieder_a)
    aanbieder_a.actief = False
    aanbieder_a.save()
    _geweigerd(_client(token).get(URL), "organisatie")
    _weigering_gelogd(sleutel)


def test_key_stops_when_its_responsible_person_leaves(api_sleutel, aanbieder_a):
    sleutel, token = api_sleutel(aanbieder_a)
    sleutel.verantwoordelijke.is_active = False
    sleutel.verantwoordelijke.save()
    _geweigerd(_client(token).get(URL), "verantwoordelijke")


def test_key_stops_after_its_end_date(api_sleutel, aanbieder_a):
    sleutel, token = api_sleutel(aanbieder_a)
    ApiSleutel.objects.filter(pk=sleutel.pk).update(
        geldig_tot=timezone.localdate() - timedelta(days=1)
    )
    _geweigerd(_client(token).get(URL), "verlopen")
    _weigering_gelogd(sleutel)


def test_provider_sees_no_request_of_another_provider(api_sleutel, aanbieder_a, aanbieder_b):
    """The requests about a provider's keys and people belong to that provider only."""
    api_sleutel(aanbieder_a)
    api_sleutel(aanbieder_b)
    assert set(
        Wijzigingsverzoek.objects.voor_organisatie(aanbieder_a).values_list(
            "organisatie", flat=True
        )
    ) == {aanbieder_a.pk}
