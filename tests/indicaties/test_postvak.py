"""The inbox (postvak) from every side: signals of the HO process reach the right inbox,
another provider sees none of them (404, logged), closing needs a note, the unread count
in the menu follows reading, and the list has a fixed number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sdd_portal.audit.models import AccessLogEntry, Uitkomst
from signalen import services
from signalen.models import Ontvanger, Signaal, SignaalSoort

POSTVAK = reverse("signalen:postvak")


@pytest.fixture
def beoordeeld(definitief, aanbieder_a):
    """The provider's signal that its plan was accepted."""
    return Signaal.objects.get(soort=SignaalSoort.PLAN_BEOORDEELD, organisatie=aanbieder_a)


def test_het_hoproces_vult_de_postvakken_en_sluit_wat_af_is(
    login, definitief, consulent, medewerker_a, beoordeeld
):
    ingediend = Signaal.objects.get(soort=SignaalSoort.PLAN_INGEDIEND)
    # The consulent's task to review the plan was closed by accepting it.
    assert ingediend.gebruiker == consulent and ingediend.status == Signaal.Status.GESLOTEN
    assert ingediend.sluitnotitie == "Geaccepteerd."
    assert beoordeeld.status == Signaal.Status.OPEN
    assert beoordeeld.ontvanger == Ontvanger.AANBIEDER and beoordeeld.gebruiker is None
    html = login(medewerker_a).get(POSTVAK).content.decode()
    assert definitief.client.naam in html and "geaccepteerd" in html
    assert 'class="portal-count">1<' in html  # one unread in the menu


def test_andere_aanbieder_ziet_niets_en_de_poging_staat_in_het_log(
    login, beoordeeld, medewerker_b, contractmanager
):
    for user in (medewerker_b, contractmanager):
        web = login(user)
        html = web.get(POSTVAK).content.decode()
        assert beoordeeld.titel not in html and "Geen signalen" in html
        detail = reverse("signalen:signaal-detail", args=[beoordeeld.uuid])
        assert web.get(detail).status_code == 404
        assert web.post(detail, {"notitie": "weg ermee"}).status_code == 404
    beoordeeld.refresh_from_db()
    assert beoordeeld.status == Signaal.Status.OPEN
    geweigerd = AccessLogEntry.objects.filter(
        username=medewerker_b.username, uitkomst=Uitkomst.GEWEIGERD
    )
    assert list(geweigerd.values_list("client_ids", flat=True)) == [[beoordeeld.client_id]] * 2


def test_beheerder_heeft_geen_postvak(login, beheerder):
    assert login(beheerder).get(POSTVAK).status_code == 403


def test_openen_markeert_gelezen_en_sluiten_vraagt_een_notitie(
    login, beoordeeld, medewerker_a, aanbieder_a
):
    from tests.factories import UserFactory

    collega = UserFactory(username="mw.a2", organisatie=aanbieder_a)
    web = login(medewerker_a)
    detail = reverse("signalen:signaal-detail", args=[beoordeeld.uuid])
    assert web.get(detail).status_code == 200
    assert 'class="portal-count"' not in web.get(POSTVAK).content.decode()
    # The colleague still has it unread: read markers are per person.
    assert Signaal.objects.ongelezen_voor(collega).count() == 1
    leeg = web.post(detail, {"notitie": "   "})
    assert leeg.status_code == 400
    assert "Schrijf kort wat u gedaan heeft" in leeg.content.decode()
    beoordeeld.refresh_from_db()
    assert beoordeeld.status == Signaal.Status.OPEN
    te_lang = web.post(detail, {"notitie": "x" * (services.MAX_NOTITIE + 1)})
    assert "De notitie is te lang" in te_lang.content.decode()
    assert "x" * 50 in te_lang.content.decode()  # what was typed is kept
    klaar = web.post(detail, {"notitie": "Cliënt gebeld, start maandag."}, follow=True)
    assert "Het signaal is gesloten." in klaar.content.decode()
    beoordeeld.refresh_from_db()
    assert (beoordeeld.status, beoordeeld.gesloten_door) == (Signaal.Status.GESLOTEN, medewerker_a)
    assert beoordeeld.history.first().history_change_reason == "Signaal gesloten"
    # Closed for the colleague too, and no longer in anyone's open count.
    assert Signaal.objects.ongelezen_voor(collega).count() == 0
    tweede = web.post(detail, {"notitie": "nog eens"})
    assert "al gesloten" in tweede.content.decode()


def test_postvak_vast_aantal_queries(login, beoordeeld, medewerker_a, aanbieder_a):
    web = login(medewerker_a)

    def tel():
        with CaptureQueriesContext(connection) as ctx:
            assert web.get(POSTVAK + "?toon=alle").status_code == 200
        return len(ctx.captured_queries)

    voor = tel()
    for i in range(30):
        Signaal.objects.create(
            soort=SignaalSoort.NIEUWE_TOEWIJZING,
            ontvanger=Ontvanger.AANBIEDER,
            organisatie=aanbieder_a,
            client=beoordeeld.client if i % 2 else None,
            onderwerp_type=beoordeeld.onderwerp_type,
            onderwerp_id=10_000 + i,
            peildatum=beoordeeld.peildatum,
            titel=f"Signaal {i}",
        )
    assert Signaal.objects.visible_to(medewerker_a).count() == 31
    assert tel() == voor


def test_alles_gelezen_en_voorkeur_dagoverzicht(login, beoordeeld, medewerker_a):
    web = login(medewerker_a)
    r = web.post(reverse("signalen:alles-gelezen"), follow=True)
    assert "1 signaal gemarkeerd als gelezen." in r.content.decode()
    assert Signaal.objects.ongelezen_voor(medewerker_a).count() == 0
    url = reverse("signalen:voorkeuren")
    assert web.post(url, {}, follow=True).status_code == 200  # unticked: off
    medewerker_a.refresh_from_db()
    assert medewerker_a.dagoverzicht_mail is False
    assert medewerker_a.history.first().history_change_reason == "Voorkeur dagoverzicht gewijzigd"


def test_dagoverzicht_eenmaal_per_dag_zonder_clientgegevens(beoordeeld, medewerker_a, mailoutbox):
    medewerker_a.email = "mw.a@example.org"
    medewerker_a.save()
    assert services.dagoverzichten_versturen() == 1
    assert services.dagoverzichten_versturen() == 0  # same day: nothing twice
    (mail,) = [m for m in mailoutbox if m.to == ["mw.a@example.org"]]
    assert "1 ongelezen signaal" in mail.subject
    assert beoordeeld.client.naam not in mail.body and beoordeeld.client.bsn not in mail.body
    assert "/postvak/" in mail.body
