"""Demo content: the five real FOT minutes of ``fot_seeds.py`` as structured meetings.

Every agenda item, sub-item and action item of the seeds becomes a row. The older meetings are
approved and published; the latest meeting of each table waits for approval in its next
meeting, so a contract manager can walk through preparing, recording and approving.

Rows are saved with history and a change reason but no acting user (a command loads them),
and without ``full_clean``: they are the seeds as they stand."""

from __future__ import annotations

import itertools

from django.db import transaction

from fot.models import (
    Actiepunt,
    ActieStatus,
    Actieupdate,
    Agendapunt,
    Deelname,
    Tafel,
    Tafellid,
    Vergadering,
    VergaderingStatus,
)
from sdd_portal.accounts.models import Organisatie, Rol, User
from sdd_portal.historie import opslaan

from . import fot_seeds

OMSCHRIJVING = {
    "HO": "Fysieke overlegtafel huishoudelijke ondersteuning met de gecontracteerde aanbieders.",
    "Begeleiding": "Fysieke overlegtafel begeleiding (Wmo) met de gecontracteerde aanbieders.",
}


class Organisaties:
    """Seed names to portal organisations ("Lelie" is "Lelie zorggroep", "SDD" is SDD)."""

    def __init__(self):
        self.alle = list(Organisatie.objects.all())
        self.sdd = next((o for o in self.alle if o.is_sdd), None)

    def __call__(self, naam: str) -> Organisatie | None:
        if not naam or naam == "Aanbieders":
            return None
        if naam == "SDD":
            return self.sdd
        laag = naam.lower()
        for o in self.alle:
            if o.naam.lower() == laag:
                return o
        eerste = laag.split()[0].split("/")[0]
        return next((o for o in self.alle if o.naam.lower().split()[0] == eerste), None)


def _agenda(vergadering, punten, bovenliggend=None, teller=None) -> dict[str, Agendapunt]:
    teller = teller if teller is not None else [0]
    gemaakt: dict[str, Agendapunt] = {}
    for punt in punten:
        teller[0] += 1
        rij = opslaan(
            Agendapunt(
                vergadering=vergadering,
                bovenliggend=bovenliggend,
                volgorde=teller[0] * 10,
                nummer=punt.nummer,
                titel=punt.titel[:300],
                soort=punt.soort,
                notulen=punt.notulen,
            ),
            actor=None,
            reden="Demo: verslag uit de seed",
            valideren=False,
        )
        gemaakt[punt.nummer] = rij
        gemaakt |= _agenda(vergadering, punt.subpunten, rij, teller)
    return gemaakt


@transaction.atomic
def fot_demo() -> int:
    """Load the seed meetings once; returns the number of meetings created."""
    if Vergadering.objects.exists():
        return 0
    organisatie = Organisaties()
    cm = User.objects.filter(rollen__contains=[Rol.CONTRACTMANAGER], is_active=True).first()
    laatste = {}
    for v in fot_seeds.VERGADERINGEN:
        laatste[v.tafel] = v
    for v in fot_seeds.VERGADERINGEN:
        tafel, _ = Tafel.objects.get_or_create(
            naam=v.tafel, defaults={"omschrijving": OMSCHRIJVING.get(v.tafel, "")}
        )
        vergadering = opslaan(
            Vergadering(
                tafel=tafel,
                datum=v.datum,
                datum_benaderd=v.bron in fot_seeds.DATUM_BENADERD,
                begintijd=v.begintijd,
                eindtijd=v.eindtijd,
                locatie=v.locatie,
                online=v.online,
                voorzitter=v.voorzitter,
                notulist=v.notulist,
                opname_toestemming=v.opname_toestemming,
                mededelingen_leden=v.mededelingen_leden,
                bron=v.bron,
                status=VergaderingStatus.TER_VASTSTELLING,
            ),
            actor=None,
            reden="Demo: vergadering uit de seed",
            valideren=False,
        )
        for d, aanwezig in [(d, True) for d in v.deelnemers] + [(d, False) for d in v.afwezig]:
            org = organisatie(d.organisatie)
            Deelname.objects.create(
                vergadering=vergadering,
                organisatie=org,
                organisatie_naam=org.naam if org else d.organisatie,
                naam=d.naam,
                rol=d.rol,
                aanwezig=aanwezig,
            )
            if org is not None and not org.is_sdd:
                vertegenwoordiger = org.medewerkers.filter(is_active=True).order_by("pk").first()
                Tafellid.objects.get_or_create(
                    tafel=tafel,
                    organisatie=org,
                    lid_tot=None,
                    defaults={"lid_vanaf": v.datum, "vertegenwoordiger": vertegenwoordiger},
                )
        agenda = _agenda(vergadering, v.agenda)
        for a in v.acties:
            org = organisatie(a.eigenaar_organisatie)
            actie = opslaan(
                Actiepunt(
                    tafel=tafel,
                    vergadering=vergadering,
                    agendapunt=agenda.get(a.agendapunt),
                    nummer=a.nummer,
                    tekst=a.tekst,
                    eigenaar_organisatie=org,
                    eigenaar_alle_aanbieders=a.eigenaar_organisatie == "Aanbieders",
                    termijn=a.termijn,
                    volgende_vergadering=a.volgende_vergadering,
                    status=a.status,
                    afgerond_op=(a.updates[-1].datum if a.updates else v.datum)
                    if a.status == ActieStatus.AFGEROND
                    else None,
                ),
                actor=None,
                reden="Demo: actiepunt uit de seed",
                valideren=False,
            )
            for u in a.updates:
                opslaan(
                    Actieupdate(actiepunt=actie, datum=u.datum, tekst=u.tekst, door=cm),
                    actor=None,
                    reden="Demo: update uit de seed",
                    valideren=False,
                )
    # Earlier meetings were approved in the next meeting of their table and published; the
    # latest of each table waits for approval.
    for tafel in Tafel.objects.all():
        reeks = list(tafel.vergaderingen.order_by("datum"))
        for vorige, volgende in itertools.pairwise(reeks):
            vorige.status = VergaderingStatus.VASTGESTELD
            vorige.vastgesteld_op = volgende.datum
            vorige.vastgesteld_in = volgende
            vorige.gepubliceerd_op = vorige.created_at
            opslaan(
                vorige,
                actor=None,
                reden="Demo: vastgesteld in de volgende vergadering",
                valideren=False,
            )
    return len(fot_seeds.VERGADERINGEN)
