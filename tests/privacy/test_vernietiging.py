"""Retention and destruction (issue 17, finding 13): the monthly proposal, four eyes, and
what is left after destruction (nothing of the client; a record without personal data)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from contractbeheer.models import Aanbiedersignaal
from indicaties.models import (
    Beschikking,
    Brief,
    Client,
    Melding,
    Ondersteuningsplan,
    Toewijzing,
)
from sdd_portal.audit.models import AccessLogEntry, Actie
from sdd_portal.privacy import services, tasks
from sdd_portal.privacy.models import (
    Bewaarinstellingen,
    Vernietigingslijst,
    Vernietigingsverklaring,
)
from tests.factories import ClientFactory, ToewijzingFactory

from .conftest import ver_na_einde

S = Vernietigingslijst.Status


def goedgekeurd(lijst, fb1, fb2):
    services.lijst_voordragen(lijst=lijst, actor=fb1)
    return services.lijst_goedkeuren(lijst=lijst, actor=fb2)


def test_voorstel_bevat_alleen_clienten_wier_voorzieningen_allemaal_voorbij_de_termijn(
    volledig_dossier, aanbieder_a
):
    lopend = ToewijzingFactory(aanbieder=aanbieder_a, einddatum=None).client
    recent = ToewijzingFactory(
        aanbieder=aanbieder_a, einddatum=timezone.localdate() + timedelta(days=365 * 6)
    ).client

    # Ten years from now the definitive decision ended only ~9 years ago: nothing yet.
    assert services.lijst_voorstellen(peildatum=timezone.localdate() + timedelta(days=3650)) is None

    lijst = services.lijst_voorstellen(peildatum=ver_na_einde())
    op_lijst = set(lijst.items.values_list("client_id", flat=True))
    assert volledig_dossier.pk in op_lijst
    assert lopend.pk not in op_lijst  # an assignment without an end date still runs
    assert recent.pk not in op_lijst  # ended less than 15 years before the peildatum
    assert lijst.bewaartermijn_jaren == 15
    # Rerunning the month's job changes nothing, and no client lands on two open lists.
    assert services.lijst_voorstellen(peildatum=ver_na_einde()) == lijst
    assert services.lijst_voorstellen(peildatum=ver_na_einde() + timedelta(days=1)) is None


def test_de_termijn_is_een_instelling_van_de_beheerder(volledig_dossier):
    instellingen = Bewaarinstellingen.huidig()
    instellingen.bewaartermijn_jaren = 25
    instellingen.save()
    assert services.lijst_voorstellen(peildatum=ver_na_einde()) is None
    instellingen.bewaartermijn_jaren = 5
    instellingen.save()
    lijst = services.lijst_voorstellen(peildatum=timezone.localdate() + timedelta(days=365 * 8))
    assert lijst.bewaartermijn_jaren == 5
    assert list(lijst.items.values_list("client_id", flat=True)) == [volledig_dossier.pk]


def test_vier_ogen_wie_voordraagt_keurt_niet_goed(volledig_dossier, beheerder, contractmanager):
    lijst = services.lijst_voorstellen(peildatum=ver_na_einde())
    with pytest.raises(PermissionDenied):
        services.lijst_voordragen(lijst=lijst, actor=contractmanager)
    services.lijst_voordragen(lijst=lijst, actor=beheerder)
    with pytest.raises(PermissionDenied, match="tweede functioneel beheerder"):
        services.lijst_goedkeuren(lijst=lijst, actor=beheerder)
    with pytest.raises(PermissionDenied, match="tweede functioneel beheerder"):
        services.lijst_afwijzen(lijst=lijst, actor=beheerder, reden="Zelf afwijzen")
    lijst.refresh_from_db()
    assert lijst.status == S.VOORGEDRAGEN
    assert Client.objects.filter(pk=volledig_dossier.pk).exists()
    # The database refuses it too, whatever the code does.
    lijst.beoordeeld_door = beheerder
    with pytest.raises(IntegrityError), transaction.atomic():
        lijst.save()


def test_afgewezen_lijst_vernietigt_niets_en_uitsluiten_alleen_in_concept(
    volledig_dossier, beheerder, beheerder_2
):
    lijst = services.lijst_voorstellen(peildatum=ver_na_einde())
    item = lijst.items.get()
    with pytest.raises(ValidationError):
        services.item_uitsluiten(item=item, actor=beheerder, reden="   ")
    services.lijst_voordragen(lijst=lijst, actor=beheerder)
    with pytest.raises(ValidationError, match="conceptlijst"):
        services.item_uitsluiten(item=item, actor=beheerder, reden="Bezwaar loopt")
    services.lijst_afwijzen(lijst=lijst, actor=beheerder_2, reden="Archief wil eerst kijken")
    assert tasks.vernietigen.run(lijst.pk) == 0
    assert Client.objects.filter(pk=volledig_dossier.pk).exists()
    with pytest.raises(ValidationError):
        services.lijst_goedkeuren(lijst=lijst, actor=beheerder_2)


def _bestanden(client):
    plannen = Ondersteuningsplan.objects.filter(toewijzing__client=client)
    brieven = Brief.objects.filter(client=client).exclude(bestand="")
    return [(p.bestand.storage, p.bestand.name) for p in [*plannen, *brieven]]


def test_vernietigen_laat_niets_van_de_client_achter_en_een_verklaring_zonder_persoonsgegevens(
    volledig_dossier, beheerder, beheerder_2, aanbieder_a, consulent, rf
):
    client = volledig_dossier
    bsn, achternaam = client.bsn, client.achternaam
    bestanden = _bestanden(client)
    assert len(bestanden) >= 2 and all(s.exists(n) for s, n in bestanden)
    client_history_ids = list(
        Client.history.filter(id=client.pk).values_list("history_id", flat=True)
    )
    assert client_history_ids
    # A second client who is also due, but excluded for a running objection.
    bewaard = ToewijzingFactory(aanbieder=aanbieder_a, einddatum=date(2025, 6, 30)).client
    # A read in the access log, which destruction must not touch.
    verzoek = rf.get("/")
    verzoek.user = consulent
    from sdd_portal.audit.services import log_access

    log_access(request=verzoek, actie=Actie.BEKIJKEN, omschrijving="x", client_ids=[client.pk])

    lijst = services.lijst_voorstellen(peildatum=ver_na_einde())
    services.item_uitsluiten(
        item=lijst.items.get(client_id=bewaard.pk), actor=beheerder, reden="Bezwaar loopt"
    )
    goedgekeurd(lijst, beheerder, beheerder_2)

    assert tasks.vernietigen.run(lijst.pk) == 1

    assert not Client.objects.filter(pk=client.pk).exists()
    for model, filter_ in [
        (Beschikking, {"client_id": client.pk}),
        (Toewijzing, {"client_id": client.pk}),
        (Melding, {"client_id": client.pk}),
        (Brief, {"client_id": client.pk}),
        (Aanbiedersignaal, {"client_id": client.pk}),
    ]:
        assert not model.objects.filter(**filter_).exists(), model
        assert not model.history.filter(**filter_).exists(), model
    assert not Client.history.filter(history_id__in=client_history_ids).exists()
    assert not Ondersteuningsplan.history.filter(toewijzing__isnull=True).exists()
    assert not any(s.exists(n) for s, n in bestanden)
    # The excluded client and its history stay.
    assert Client.objects.filter(pk=bewaard.pk).exists()
    assert Client.history.filter(id=bewaard.pk).exists()
    # The access log keeps its rows (client ids only, append-only).
    assert AccessLogEntry.objects.for_client(client.pk).exists()

    lijst.refresh_from_db()
    assert lijst.status == S.VERNIETIGD
    verklaring = Vernietigingsverklaring.objects.get(lijst=lijst)
    assert verklaring.aantal_clienten == 1 and verklaring.aantal_uitgesloten == 1
    assert verklaring.aantallen["beschikkingen"] == 2
    assert verklaring.aantallen["bestanden"] == len(bestanden)
    assert verklaring.aantallen["historische regels"] > 5
    assert (verklaring.voorgedragen_door, verklaring.goedgekeurd_door) == ("fb", "fb2")
    assert verklaring.bewaartermijn_jaren == 15 and verklaring.vernietigd_op
    vastgelegd = json.dumps(
        [
            list(Vernietigingsverklaring.objects.values()),
            list(Vernietigingsverklaring.history.values()),
        ],
        default=str,
    )
    assert bsn not in vastgelegd and achternaam not in vastgelegd

    # Safe to rerun: nothing more happens, the counts stay.
    assert tasks.vernietigen.run(lijst.pk) == 0
    assert services.client_vernietigen(item_pk=lijst.items.get(client_id=client.pk).pk) == {}
    assert Vernietigingsverklaring.objects.get(lijst=lijst).aantallen == verklaring.aantallen


def test_nieuwe_voorziening_na_goedkeuring_houdt_de_client(
    volledig_dossier, beheerder, beheerder_2, aanbieder_a
):
    lijst = goedgekeurd(
        services.lijst_voorstellen(peildatum=ver_na_einde()), beheerder, beheerder_2
    )
    ToewijzingFactory(client=volledig_dossier, aanbieder=aanbieder_a, einddatum=None)
    tasks.vernietigen.run(lijst.pk)
    assert Client.objects.filter(pk=volledig_dossier.pk).exists()
    item = lijst.items.get()
    assert item.uitgesloten and "Nieuwe gegevens" in item.uitsluitingsreden
    lijst.refresh_from_db()
    assert lijst.status == S.VERNIETIGD
    assert lijst.verklaring.aantal_clienten == 0


def test_client_zonder_voorzieningen_telt_vanaf_de_laatste_wijziging(db, beheerder):
    client = ClientFactory()
    lijst = services.lijst_voorstellen(peildatum=ver_na_einde())
    assert list(lijst.items.values_list("client_id", flat=True)) == [client.pk]


def test_levenscyclus_van_de_lijst():
    from sdd_portal.privacy.states import VERNIETIGINGSLIJST

    lijst = Vernietigingslijst(status=S.CONCEPT)
    for nieuw in (S.GOEDGEKEURD, S.VERNIETIGD, S.AFGEWEZEN):
        with pytest.raises(ValidationError):
            VERNIETIGINGSLIJST.naar(lijst, nieuw)
    VERNIETIGINGSLIJST.naar(lijst, S.VOORGEDRAGEN)
    VERNIETIGINGSLIJST.naar(lijst, S.GOEDGEKEURD)
    with pytest.raises(ValidationError):
        VERNIETIGINGSLIJST.naar(lijst, S.CONCEPT)
    VERNIETIGINGSLIJST.naar(lijst, S.VERNIETIGD)
    for nieuw in S.values:
        with pytest.raises(ValidationError):
            VERNIETIGINGSLIJST.naar(lijst, nieuw)


def test_printbestand_van_een_verzendrun_gaat_mee_de_run_blijft(
    volledig_dossier, beheerder, beheerder_2, consulent
):
    from indicaties.brieven import maken
    from indicaties.brieven import services as brieven
    from indicaties.models import Verzendrun

    run = maken.verzendrun_maken_pdf(
        brieven.verzendrun_maken(actor=consulent, datum=timezone.localdate()).pk
    )
    storage, naam = run.bestand.storage, run.bestand.name
    assert naam and storage.exists(naam)
    lijst = goedgekeurd(
        services.lijst_voorstellen(peildatum=ver_na_einde()), beheerder, beheerder_2
    )
    tasks.vernietigen.run(lijst.pk)
    run.refresh_from_db()
    assert run.bestand.name == "" and not storage.exists(naam)
    assert run.history.first().history_change_reason == "Bestand vernietigd (bewaartermijn)"
    assert Verzendrun.objects.filter(pk=run.pk).exists()


def test_een_niet_geregistreerde_tabel_laat_de_vernietiging_mislukken_zonder_halve_resten(
    volledig_dossier, beheerder, beheerder_2, monkeypatch
):
    """A table with client data that its app forgot to register: the foreign-key check at
    the end of the client's transaction fails, everything rolls back, files stay."""
    from sdd_portal.privacy import registry

    monkeypatch.delitem(registry.REGISTER, "contractbeheer.Aanbiedersignaal")
    bestanden = _bestanden(volledig_dossier)
    lijst = goedgekeurd(
        services.lijst_voorstellen(peildatum=ver_na_einde()), beheerder, beheerder_2
    )
    with pytest.raises(IntegrityError):
        tasks.vernietigen.run(lijst.pk)
    assert Client.objects.filter(pk=volledig_dossier.pk).exists()
    assert Beschikking.objects.filter(client=volledig_dossier).count() == 2
    assert Client.history.filter(id=volledig_dossier.pk).exists()
    assert all(s.exists(n) for s, n in bestanden)
    assert lijst.items.get().vernietigd_op is None
    lijst.refresh_from_db()
    assert lijst.status == S.GOEDGEKEURD  # the monthly job retries it
