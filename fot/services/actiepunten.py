"""Writes on action items: contract management records them in a meeting, the owner (or
contract management) keeps their progress up to date and closes them."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import aanbieder_id, heeft_sdd_rol
from sdd_portal.historie import opslaan

from ..models import Actiepunt, Actieupdate, Agendapunt, Vergadering
from ..states import ACTIEPUNT, ActieStatus
from .vergaderingen import _alleen_cm, _gewijzigd, _niet_vergrendeld


def actiepunt_naar(
    *, actor, actiepunt: Actiepunt, status: str, reden: str, datum: date | None = None
) -> Actiepunt:
    """The one way an action item changes status: the move is checked against
    ``ACTIE_OVERGANGEN`` (a Dutch ValidationError otherwise, nothing saved); a done item
    carries the date it was done (``datum``), any other status none. It checks no permission:
    call it from a service that has."""
    ACTIEPUNT.naar(actiepunt, status)
    actiepunt.afgerond_op = datum if status == ActieStatus.AFGEROND else None
    return opslaan(actiepunt, actor=actor, reden=reden)


@transaction.atomic
def actiepunt_toevoegen(
    *,
    actor,
    vergadering: Vergadering,
    tekst: str,
    agendapunt: Agendapunt | None = None,
    eigenaar_organisatie=None,
    eigenaar_persoon=None,
    eigenaar_alle_aanbieders: bool = False,
    termijn: date | None = None,
    volgende_vergadering: bool = False,
) -> Actiepunt:
    _alleen_cm(actor)
    vergadering = Vergadering.objects.select_for_update().get(pk=vergadering.pk)
    _niet_vergrendeld(vergadering)
    fouten: dict[str, list[str]] = {}
    if not tekst.strip():
        fouten["tekst"] = ["Beschrijf de afspraak of actie."]
    if not (eigenaar_organisatie or eigenaar_persoon or eigenaar_alle_aanbieders):
        fouten["eigenaar_organisatie"] = [
            "Kies wie de actie uitvoert: een organisatie, een persoon of alle aanbieders."
        ]
    if termijn is None and not volgende_vergadering:
        fouten["termijn"] = ["Kies een uiterste datum of 'uiterlijk de volgende vergadering'."]
    if termijn is not None and termijn < vergadering.datum:
        fouten.setdefault("termijn", []).append(
            f"De termijn ligt voor de vergadering van {vergadering.datum:%d-%m-%Y}."
        )
    if (
        eigenaar_persoon is not None
        and eigenaar_organisatie is not None
        and (eigenaar_persoon.organisatie_id != eigenaar_organisatie.pk)
    ):
        fouten["eigenaar_persoon"] = [
            f"{eigenaar_persoon.get_full_name() or eigenaar_persoon.username} werkt niet bij "
            f"{eigenaar_organisatie.naam}."
        ]
    if fouten:
        raise ValidationError(fouten)
    nummers = [
        int(n) for n in vergadering.actiepunten.values_list("nummer", flat=True) if n.isdigit()
    ]
    actie = Actiepunt(
        tafel=vergadering.tafel,
        vergadering=vergadering,
        agendapunt=agendapunt,
        nummer=str(max(nummers, default=0) + 1),
        tekst=tekst.strip(),
        eigenaar_organisatie=eigenaar_organisatie,
        eigenaar_persoon=eigenaar_persoon,
        eigenaar_alle_aanbieders=eigenaar_alle_aanbieders,
        termijn=termijn,
        volgende_vergadering=volgende_vergadering,
    )
    return opslaan(actie, actor=actor, reden="Actiepunt vastgelegd")


def mag_actie_bijwerken(actor, actie: Actiepunt) -> bool:
    if heeft_sdd_rol(actor, Rol.CONTRACTMANAGER):
        return True
    provider = aanbieder_id(actor)
    return provider is not None and (
        actie.eigenaar_organisatie_id == provider or actie.eigenaar_persoon_id == actor.pk
    )


@transaction.atomic
def actie_bijwerken(
    *, actor, actiepunt: Actiepunt, tekst: str, status: str, datum: date | None = None
) -> Actieupdate:
    """A dated update after the meeting (like "24/7: ..." in 002 item 5c), possibly done."""
    actiepunt = Actiepunt.objects.select_for_update().get(pk=actiepunt.pk)
    if not mag_actie_bijwerken(actor, actiepunt):
        raise PermissionDenied("Alleen de eigenaar of contractmanagement werkt dit actiepunt bij.")
    if not tekst.strip():
        raise ValidationError({"tekst": "Schrijf de stand van zaken op."})
    if status not in ActieStatus.values:
        raise ValidationError({"status": "Kies open, afgerond of vervallen."})
    if status == ActieStatus.VERVALLEN and not heeft_sdd_rol(actor, Rol.CONTRACTMANAGER):
        raise ValidationError({"status": "Alleen contractmanagement laat een actie vervallen."})
    vandaag = timezone.localdate()
    update = opslaan(
        Actieupdate(actiepunt=actiepunt, datum=datum or vandaag, tekst=tekst.strip(), door=actor),
        actor=actor,
        reden="Stand van zaken actiepunt",
    )
    if status != actiepunt.status:
        actiepunt_naar(
            actor=actor,
            actiepunt=actiepunt,
            status=status,
            reden=f"Actiepunt {status}",
            datum=update.datum,
        )
        if status != ActieStatus.OPEN:
            from signalen.models import SignaalSoort
            from signalen.services import afhandelen

            afhandelen(
                onderwerp=actiepunt,
                soorten=[SignaalSoort.ACTIEPUNT_VERLOPEN],
                notitie=f"Actiepunt {actiepunt.get_status_display()}: {tekst.strip()}"[:2000],
                actor=actor,
            )
    else:
        # The updates are part of the action item's API representation (modifiedSince).
        opslaan(actiepunt, actor=actor, reden="Stand van zaken bijgewerkt")
    _gewijzigd(actiepunt.vergadering, actor=actor, reden="Actiepunt bijgewerkt")
    return update
