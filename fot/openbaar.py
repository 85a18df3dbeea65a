"""The public version of approved minutes: organisations and roles, no personal data.

Names of participants are replaced in every text by the organisation they came for, and the
attendance list shows organisations and roles only. Minutes are written for publication (SDD
publishes them, 000 item 3b); this is the safety net for a name that slipped in."""

from __future__ import annotations

import re

from .models import Actiepunt, Vergadering


def _naamdelen(naam: str) -> list[str]:
    delen = [d for d in re.split(r"[\s,]+", naam) if len(d) >= 3 and d[0].isupper()]
    return [naam, *delen] if naam else []


def vervanger(v: Vergadering):
    """A function that replaces participants' names by "[naam, organisatie]"."""
    paren = []
    for d in v.deelnames.all():
        for deel in _naamdelen(d.naam):
            paren.append((deel, d.organisatie_naam))
    for naam in (v.voorzitter, v.notulist):
        for deel in _naamdelen(naam):
            paren.append((deel, "voorzitter" if naam == v.voorzitter else "notulist"))
    paren.sort(key=lambda p: -len(p[0]))  # full names before their parts
    if not paren:
        return lambda tekst: tekst
    vervanging = {deel: f"[{org}]" for deel, org in paren}
    patroon = re.compile(r"\b(" + "|".join(re.escape(d) for d, _ in paren) + r")\b")
    return lambda tekst: patroon.sub(lambda m: vervanging[m.group(1)], tekst or "")


def anoniem(v: Vergadering, *, actor=None) -> dict:
    """The minutes with names replaced; with ``actor``, only the action items that actor may
    see (``Actiepunt.zichtbaarheid``), otherwise those of the approved minutes."""
    weg = vervanger(v)
    punten = list(v.agenda.order_by("volgorde", "id"))
    per_ouder: dict = {}
    for p in punten:
        p.openbare_notulen = weg(p.notulen)
        p.openbare_titel = weg(p.titel)
        per_ouder.setdefault(p.bovenliggend_id, []).append(p)
    for p in punten:
        p.kinderen = per_ouder.get(p.pk, [])
    acties = v.actiepunten.all() if actor is None else Actiepunt.objects.visible_to(actor)
    acties = list(
        acties.filter(vergadering=v).select_related(
            "eigenaar_organisatie", "eigenaar_persoon__organisatie"
        )
    )
    for a in acties:
        a.openbare_tekst = weg(a.tekst)
        eigenaars = []
        if a.eigenaar_alle_aanbieders:
            eigenaars.append("alle aanbieders")
        if a.eigenaar_organisatie_id:
            eigenaars.append(a.eigenaar_organisatie.naam)
        elif a.eigenaar_persoon_id and a.eigenaar_persoon.organisatie_id:
            eigenaars.append(a.eigenaar_persoon.organisatie.naam)
        a.openbare_eigenaar = ", ".join(eigenaars) or "-"
    organisaties = sorted({(d.organisatie_naam, d.rol) for d in v.deelnames.all() if d.aanwezig})
    return {
        "v": v,
        "agenda": per_ouder.get(None, []),
        "acties": acties,
        "organisaties": organisaties,
        "annotaties": [(a.datum, weg(a.tekst)) for a in v.annotaties.all()],
        "mededelingen_leden": weg(v.mededelingen_leden),
    }
