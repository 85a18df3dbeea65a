"""The two lifecycles of the consultation tables (``fot/states.py``) over their full matrix:
every allowed move succeeds, every other move is refused with the Dutch message a user sees
and leaves the row as it was; and the services move a status only along the tables."""

from __future__ import annotations

import itertools

import pytest
from django.core.exceptions import ValidationError

from fot import services
from fot.models import Actiepunt, Agendapunt, Vergadering
from fot.states import (
    ACTIE_OVERGANGEN,
    VERGADERING_OVERGANGEN,
    ActieStatus,
    VergaderingStatus,
)

from .conftest import EERSTE, TWEEDE, plannen, punt

# What the services allowed before the machines were written down. Sharing and approving
# check that minutes exist, not the draft stage; sharing again is allowed; there is no way
# back, and approved minutes are final.
VERGADERING_TOEGESTAAN = {
    ("gepland", "concept"),
    ("gepland", "ter_vaststelling"),
    ("gepland", "vastgesteld"),
    ("concept", "ter_vaststelling"),
    ("concept", "vastgesteld"),
    ("ter_vaststelling", "ter_vaststelling"),
    ("ter_vaststelling", "vastgesteld"),
}
VERGADERING_LABELS = {
    "gepland": "gepland",
    "concept": "verslag in concept",
    "ter_vaststelling": "verslag ter vaststelling",
    "vastgesteld": "verslag vastgesteld",
}
# Open, done and lapsed: every move between them (reopening included); staying is no move.
ACTIE_TOEGESTAAN = {
    ("open", "afgerond"),
    ("open", "vervallen"),
    ("afgerond", "open"),
    ("afgerond", "vervallen"),
    ("vervallen", "open"),
    ("vervallen", "afgerond"),
}
ACTIE_LABELS = {"open": "open", "afgerond": "afgerond", "vervallen": "vervallen"}

VERGADERING_PAREN = list(itertools.product(VERGADERING_LABELS, repeat=2))
ACTIE_PAREN = list(itertools.product(ACTIE_LABELS, repeat=2))


def _ids(paar) -> str:
    return "->".join(paar)


def _paren(overgangen: dict) -> set[tuple[str, str]]:
    return {(str(huidig), str(nieuw)) for huidig, doelen in overgangen.items() for nieuw in doelen}


def test_de_tabellen_zijn_zoals_de_services_het_toelieten():
    assert set(VERGADERING_OVERGANGEN) == set(VergaderingStatus.values)
    assert _paren(VERGADERING_OVERGANGEN) == VERGADERING_TOEGESTAAN
    assert dict(VergaderingStatus.choices) == VERGADERING_LABELS
    assert set(ACTIE_OVERGANGEN) == set(ActieStatus.values)
    assert _paren(ACTIE_OVERGANGEN) == ACTIE_TOEGESTAAN
    assert dict(ActieStatus.choices) == ACTIE_LABELS


def test_de_statussen_blijven_te_importeren_uit_de_modellen():
    from fot import models

    assert models.VergaderingStatus is VergaderingStatus
    assert models.ActieStatus is ActieStatus


# ------------------------------------------------------------------------------ meetings


def _vergadering(tafel, status: str) -> Vergadering:
    velden = {"vastgesteld_op": TWEEDE} if status == VergaderingStatus.VASTGESTELD else {}
    return Vergadering.objects.create(tafel=tafel, datum=EERSTE, status=status, **velden)


def _stand(v: Vergadering) -> tuple:
    v = Vergadering.objects.get(pk=v.pk)
    return (v.status, v.vastgesteld_op, v.vastgesteld_in_id, v.modified_at, v.history.count())


@pytest.mark.parametrize(("huidig", "nieuw"), VERGADERING_PAREN, ids=map(_ids, VERGADERING_PAREN))
def test_vergadering_naar_over_de_hele_matrix(contractmanager, tafel, huidig, nieuw):
    v = _vergadering(tafel, huidig)
    voor = _stand(v)
    if (huidig, nieuw) in VERGADERING_TOEGESTAAN:
        services.vergadering_naar(
            actor=contractmanager, vergadering=v, status=nieuw, reden="Statusovergang"
        )
        v.refresh_from_db()
        assert v.status == nieuw
        laatste = v.history.order_by("-history_date", "-history_id").first()
        assert laatste.history_change_reason == "Statusovergang"
        assert laatste.history_user == contractmanager
        assert v.history.count() == voor[-1] + 1
    else:
        with pytest.raises(ValidationError) as exc:
            services.vergadering_naar(
                actor=contractmanager, vergadering=v, status=nieuw, reden="Statusovergang"
            )
        assert exc.value.messages == [
            f"Deze vergadering kan niet van '{VERGADERING_LABELS[huidig]}' naar "
            f"'{VERGADERING_LABELS[nieuw]}'."
        ]
        assert exc.value.code == "ongeldige_overgang"
        assert v.status == huidig  # not even the instance in memory moved
        assert _stand(v) == voor


def test_de_vergaderservices_volgen_de_tabel(contractmanager, tafel, lid_a):
    """Planned, draft on the first minutes, draft while writing on, shared, still shared
    while writing on (no way back to draft), shared again, approved."""
    v = plannen(contractmanager, tafel, EERSTE)
    volgende = plannen(contractmanager, tafel, TWEEDE)
    assert v.status == VergaderingStatus.GEPLAND

    def schrijf(tekst):
        services.notulen_opslaan(
            actor=contractmanager, agendapunt=punt(v, "Mededelingen"), notulen=tekst
        )
        v.refresh_from_db()
        return v.status

    assert schrijf("Eerste aantekening.") == VergaderingStatus.CONCEPT
    assert schrijf("Aangevuld.") == VergaderingStatus.CONCEPT
    services.ter_vaststelling(actor=contractmanager, vergadering=v)
    v.refresh_from_db()
    assert v.status == VergaderingStatus.TER_VASTSTELLING
    assert schrijf("Na opmerkingen van de leden.") == VergaderingStatus.TER_VASTSTELLING
    services.ter_vaststelling(actor=contractmanager, vergadering=v)
    services.vaststellen(actor=contractmanager, vergadering=v, in_vergadering=volgende)
    v.refresh_from_db()
    assert v.status == VergaderingStatus.VASTGESTELD
    assert list(
        v.history.order_by("history_date", "history_id").values_list(
            "history_change_reason", "status"
        )
    ) == [
        ("Vergadering gepland", "gepland"),
        ("Verslag in concept", "concept"),
        ("Verslag ter vaststelling gedeeld", "ter_vaststelling"),
        ("Verslag ter vaststelling gedeeld", "ter_vaststelling"),
        ("Verslag vastgesteld", "vastgesteld"),
    ]


@pytest.mark.parametrize("stap", ["ter_vaststelling", "vaststellen"])
@pytest.mark.parametrize("huidig", ["gepland", "concept"])
def test_een_verslag_dat_er_is_wordt_gedeeld_of_vastgesteld_zonder_tussenstap(
    contractmanager, tafel, lid_a, huidig, stap
):
    """Minutes written outside the services (a planned meeting with minutes) and draft
    minutes that were never shared: the services check that minutes exist, not the stage."""
    v = plannen(contractmanager, tafel, EERSTE)
    volgende = plannen(contractmanager, tafel, TWEEDE)
    Agendapunt.objects.filter(vergadering=v, titel="Opening").update(notulen="Welkom.")
    Vergadering.objects.filter(pk=v.pk).update(status=huidig)
    if stap == "ter_vaststelling":
        services.ter_vaststelling(actor=contractmanager, vergadering=v)
        verwacht = VergaderingStatus.TER_VASTSTELLING
    else:
        services.vaststellen(actor=contractmanager, vergadering=v, in_vergadering=volgende)
        verwacht = VergaderingStatus.VASTGESTELD
    v.refresh_from_db()
    assert v.status == verwacht


@pytest.mark.parametrize("stap", ["ter_vaststelling", "vaststellen"])
def test_een_vastgesteld_verslag_gaat_nergens_meer_heen(contractmanager, eerste, tweede, stap):
    """The forbidden moves the services can be asked for: the lock refuses them first, with
    the message that tells the user what to do instead, and nothing changes."""
    services.vaststellen(actor=contractmanager, vergadering=eerste, in_vergadering=tweede)
    voor = _stand(eerste)
    with pytest.raises(ValidationError) as exc:
        if stap == "ter_vaststelling":
            services.ter_vaststelling(actor=contractmanager, vergadering=eerste)
        else:
            services.vaststellen(actor=contractmanager, vergadering=eerste, in_vergadering=tweede)
    assert exc.value.messages == [
        "Het verslag is vastgesteld op 04-05-2026 en ligt vast. Voeg een annotatie toe om iets "
        "aan te vullen of te corrigeren."
    ]
    assert _stand(eerste) == voor


# ------------------------------------------------------------------------------ action items


def _actie(tafel, status: str) -> Actiepunt:
    v = _vergadering(tafel, VergaderingStatus.TER_VASTSTELLING)
    return Actiepunt.objects.create(
        tafel=tafel,
        vergadering=v,
        nummer="1",
        tekst="Wachtlijst per gemeente aanleveren",
        volgende_vergadering=True,
        status=status,
        afgerond_op=EERSTE if status == ActieStatus.AFGEROND else None,
    )


def _actiestand(actie: Actiepunt) -> tuple:
    actie = Actiepunt.objects.get(pk=actie.pk)
    return (
        actie.status,
        actie.afgerond_op,
        actie.modified_at,
        actie.history.count(),
        actie.updates.count(),
    )


@pytest.mark.parametrize(("huidig", "nieuw"), ACTIE_PAREN, ids=map(_ids, ACTIE_PAREN))
def test_actiepunt_naar_over_de_hele_matrix(contractmanager, tafel, huidig, nieuw):
    actie = _actie(tafel, huidig)
    voor = _actiestand(actie)
    if (huidig, nieuw) in ACTIE_TOEGESTAAN:
        services.actiepunt_naar(
            actor=contractmanager, actiepunt=actie, status=nieuw, reden="Test", datum=TWEEDE
        )
        actie.refresh_from_db()
        assert actie.status == nieuw
        assert actie.afgerond_op == (TWEEDE if nieuw == ActieStatus.AFGEROND else None)
        laatste = actie.history.order_by("-history_date", "-history_id").first()
        assert (laatste.history_change_reason, laatste.history_user) == ("Test", contractmanager)
    else:
        with pytest.raises(ValidationError) as exc:
            services.actiepunt_naar(
                actor=contractmanager, actiepunt=actie, status=nieuw, reden="Test", datum=TWEEDE
            )
        assert exc.value.messages == [
            f"Dit actiepunt kan niet van '{ACTIE_LABELS[huidig]}' naar '{ACTIE_LABELS[nieuw]}'."
        ]
        assert exc.value.code == "ongeldige_overgang"
        assert actie.status == huidig
        assert _actiestand(actie) == voor


@pytest.mark.parametrize(("huidig", "nieuw"), ACTIE_PAREN, ids=map(_ids, ACTIE_PAREN))
def test_actie_bijwerken_over_de_hele_matrix(contractmanager, tafel, huidig, nieuw):
    """Through the service: every move of the table happens (contract management may make
    them all), keeping the status is a progress note and no move."""
    actie = _actie(tafel, huidig)
    update = services.actie_bijwerken(
        actor=contractmanager, actiepunt=actie, tekst="Stand van zaken.", status=nieuw
    )
    actie.refresh_from_db()
    assert actie.status == nieuw and actie.updates.get() == update
    reden = actie.history.order_by("-history_date", "-history_id").first().history_change_reason
    if (huidig, nieuw) in ACTIE_TOEGESTAAN:
        assert reden == f"Actiepunt {nieuw}"
        assert actie.afgerond_op == (update.datum if nieuw == ActieStatus.AFGEROND else None)
    else:
        assert huidig == nieuw
        assert reden == "Stand van zaken bijgewerkt"
        assert actie.afgerond_op == (EERSTE if nieuw == ActieStatus.AFGEROND else None)


@pytest.mark.parametrize("huidig", ["open", "afgerond"])
def test_een_aanbieder_laat_geen_actie_vervallen(tafel, lid_a, medewerker_a, aanbieder_a, huidig):
    """A move the table allows but the role does not: refused, and nothing changes."""
    actie = _actie(tafel, huidig)
    Actiepunt.objects.filter(pk=actie.pk).update(eigenaar_organisatie=aanbieder_a)
    voor = _actiestand(actie)
    with pytest.raises(ValidationError) as exc:
        services.actie_bijwerken(
            actor=medewerker_a, actiepunt=actie, tekst="Niet meer nodig.", status="vervallen"
        )
    assert exc.value.message_dict == {
        "status": ["Alleen contractmanagement laat een actie vervallen."]
    }
    assert _actiestand(actie) == voor
