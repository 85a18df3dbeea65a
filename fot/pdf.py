"""The minutes as a PDF in SDD's layout (WeasyPrint, no network, PDF/UA)."""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string

from sdd_portal.documents import pdf_van_html

from .models import Vergadering
from .openbaar import anoniem

CSS = Path(__file__).with_name("verslag.css")


def verslag_pdf(v: Vergadering, *, openbaar: bool, actor=None) -> bytes:
    """The minutes as a PDF; ``actor`` (members and staff) narrows the action items by the
    visibility rule. The public version is only made of approved minutes."""
    context = anoniem(v, actor=actor)
    if not openbaar:  # members and staff: the names as recorded
        for p in context["agenda"]:
            _echt(p)
        for a in context["acties"]:
            a.openbare_tekst = a.tekst
            a.openbare_eigenaar = a.eigenaar
        context["organisaties"] = [
            (d.organisatie_naam, " ".join(x for x in (d.naam, d.rol) if x))
            for d in v.deelnames.all()
            if d.aanwezig
        ]
        context["annotaties"] = [(a.datum, a.tekst) for a in v.annotaties.all()]
        context["mededelingen_leden"] = v.mededelingen_leden
    context |= {"css": CSS.read_text(encoding="utf-8"), "openbaar": openbaar}
    return pdf_van_html(render_to_string("fot/verslag_pdf.html", context))


def _echt(punt) -> None:
    punt.openbare_notulen, punt.openbare_titel = punt.notulen, punt.titel
    for kind in punt.kinderen:
        _echt(kind)
