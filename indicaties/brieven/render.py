"""Letters to PDF with WeasyPrint: A4, fonts embedded (subset), tagged PDF/UA-1, and no
network access while rendering (every URL fetch is refused).

The definitive decision gets the provider's uploaded support plan appended, so the client
receives one PDF. Rendering is deterministic for the same data; the stored letter records
the SHA-256 of its data, so it is rendered again only when that data changed.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.template import Context
from django.template.loader import render_to_string

from sdd_portal.documents import met_bijlage, pdf_van_html

from .inhoud import Inhoud, inhoud
from .models import Brief, BriefSoort
from .sjablonen import compileer

CSS_PAD = Path(__file__).with_name("brief.css")


@lru_cache(maxsize=1)
def _css() -> str:
    return CSS_PAD.read_text(encoding="utf-8")


@dataclass
class Alinea:
    kop: str
    tekst: str


def _alineas(tekst: str) -> list[Alinea]:
    """Blank lines separate paragraphs; a short first line without closing punctuation,
    followed by more lines, is the paragraph's heading."""
    alineas = []
    for blok in re.split(r"\n\s*\n", tekst.replace("\r\n", "\n").strip()):
        regels = [r.strip() for r in blok.strip().split("\n") if r.strip()]
        if not regels:
            continue
        eerste = regels[0]
        if len(regels) > 1 and len(eerste) < 60 and not eerste.endswith((".", ",", ":", ";")):
            alineas.append(Alinea(kop=eerste, tekst="\n".join(regels[1:])))
        else:
            alineas.append(Alinea(kop="", tekst="\n".join(regels)))
    return alineas


def _vul(tekst: str, elementen: dict[str, str]) -> str:
    # Plain text: the elements are inserted as text, escaping happens in the layout.
    return compileer(tekst).render(Context(elementen, autoescape=False))


@dataclass
class Opgemaakt:
    onderwerp: str
    alineas: list[Alinea]
    inhoud: Inhoud

    @property
    def platte_tekst(self) -> str:
        delen = [*self.inhoud.adres, self.onderwerp, self.inhoud.verzenddatum]
        for a in self.alineas:
            delen += [a.kop, a.tekst]
        return "\n".join(delen)


def opmaken(brief: Brief, sjabloon=None, gegevens: Inhoud | None = None) -> Opgemaakt:
    sjabloon = sjabloon or brief.sjabloon
    gegevens = gegevens or inhoud(brief)
    return Opgemaakt(
        onderwerp=_vul(sjabloon.onderwerp, gegevens.elementen).strip(),
        alineas=_alineas(_vul(sjabloon.tekst, gegevens.elementen)),
        inhoud=gegevens,
    )


def _normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst).strip()


def controleer_inhoud(tekst: str, gegevens: Inhoud) -> None:
    """Every required element is in the letter, nothing forbidden (such as the band's
    maximum in a short decision) is: otherwise the letter cannot go out."""
    tekst = _normaal(tekst)
    ontbreekt = [label for label, deel in gegevens.verplicht if _normaal(deel) not in tekst]
    verboden = [label for label, deel in gegevens.verboden if _normaal(deel) in tekst]
    fouten = []
    if ontbreekt:
        fouten.append("In de brief ontbreekt: " + ", ".join(ontbreekt) + ".")
    if verboden:
        fouten.append("In de brief staat wat er niet in mag: " + ", ".join(verboden) + ".")
    if fouten:
        raise ValidationError(" ".join(fouten))


def html(opgemaakt: list[Opgemaakt], *, voorbeeld: bool = False) -> str:
    return render_to_string(
        "brieven/brief.html",
        {
            "brieven": opgemaakt,
            "onderwerp": opgemaakt[0].onderwerp if len(opgemaakt) == 1 else "Brieven",
            "css": _css(),
            "voorbeeld": voorbeeld,
        },
    )


def render(brief: Brief, *, voorbeeld: bool = False) -> tuple[bytes, Inhoud]:
    """The finished PDF of one letter, checked for its required content."""
    gegevens = inhoud(brief)
    opgemaakt = opmaken(brief, gegevens=gegevens)
    controleer_inhoud(opgemaakt.platte_tekst, gegevens)
    pdf = pdf_van_html(html([opgemaakt], voorbeeld=voorbeeld))
    if brief.soort == BriefSoort.DEFINITIEF:
        plan = brief.beschikking.ondersteuningsplan
        with plan.bestand.open("rb") as fh:
            pdf = met_bijlage(pdf, io.BytesIO(fh.read()))
    return pdf, gegevens
