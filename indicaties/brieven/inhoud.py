"""What a letter says: every element filled from the structured data, as plain strings.

The same dictionary feeds the letter text, the check on required content and the hash
that decides whether a letter has to be rendered again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from ..models import Beschikking, Procesinstellingen
from .models import Brief, BriefSoort

MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]

VERVALZIN = "Met dit (nieuwe) besluit komt een eventueel voorgaand besluit te vervallen."

NOG_GEEN_ONDERSTEUNING = (
    "Let op: in de periode van deze kortdurende beschikking krijgt u nog geen hulp bij het "
    "huishouden. De aanbieder komt eerst bij u thuis voor een kennismaking en maakt met u "
    "een ondersteuningsplan. De hulp begint pas met dat plan."
)


def datum_nl(d: date | None) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}" if d else ""


def minuten(n: int) -> str:
    return f"{n} minuten per week"


@dataclass
class Inhoud:
    """Everything a letter shows: the elements of its text and the fixed layout parts."""

    elementen: dict[str, str]
    adres: list[str]
    kenmerk: str
    verzenddatum: str
    # (label, text) pairs that must appear in the finished letter, and texts that must not.
    verplicht: list[tuple[str, str]] = field(default_factory=list)
    verboden: list[tuple[str, str]] = field(default_factory=list)

    def sha256(self, sjabloon_id: int) -> str:
        data = {"sjabloon": sjabloon_id, **self.__dict__}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _ondertekening(beschikking: Beschikking | None, brief: Brief) -> str:
    if beschikking is not None and beschikking.soort == Beschikking.Soort.DEFINITIEF:
        aanbieder = beschikking.aanbieder
        signer = beschikking.ondertekend_door
        adres = f"{aanbieder.straat} {aanbieder.huisnummer}{aanbieder.huisnummertoevoeging}"
        return (
            f"{signer.get_full_name() or signer.username}, {aanbieder.naam}, "
            f"onder ondermandaat ({adres}, {aanbieder.postcode[:4]} {aanbieder.postcode[4:]} "
            f"{aanbieder.plaats})"
        )
    signer = (beschikking.ondertekend_door if beschikking else None) or brief.aangemaakt_door
    naam = (signer.get_full_name() or signer.username) if signer else "De consulent Wmo"
    return f"{naam}, consulent Wmo, Sociale Dienst Drechtsteden"


def _band(beschikking: Beschikking) -> str:
    band = beschikking.bandbreedte
    if beschikking.soort == Beschikking.Soort.KORTDUREND:
        # Never the maximum in anything the client sees (001).
        return f"bandbreedte {band.code}, vanaf {minuten(band.min_minuten)}"
    return f"bandbreedte {band.code} ({band.min_minuten} tot en met {minuten(band.max_minuten)})"


def inhoud(brief: Brief, instellingen: Procesinstellingen | None = None) -> Inhoud:
    instellingen = instellingen or Procesinstellingen.huidig()
    client = brief.client
    gemeente = client.gemeente.naam
    b = brief.beschikking
    product = (b.product if b else brief.melding.product).naam
    e: dict[str, str] = dict.fromkeys(
        ("oude_einddatum", "nieuwe_einddatum", "ingetrokken_per", "meldingsdatum"), ""
    )
    achternaam = " ".join(p for p in (client.voorvoegsel, client.achternaam) if p)
    e.update(
        aanhef=f"Geachte heer/mevrouw {achternaam[:1].upper()}{achternaam[1:]},",
        client_naam=client.naam,
        gemeente=gemeente,
        product=f"{product} (in natura)",
        verzenddatum=datum_nl(brief.verzenddatum),
        motivering=brief.motivering,
        namens_college=f"Namens het college van burgemeester en wethouders van {gemeente},",
        ondertekening=_ondertekening(b, brief),
        contact=f"Bel de Sociale Dienst Drechtsteden: {instellingen.contact_telefoon}.",
        vervalzin="",
        nog_geen_ondersteuning="",
    )
    verplicht = [
        ("verzenddatum", datum_nl(brief.verzenddatum)),
        ("ondertekening", e["ondertekening"]),
    ]
    verboden: list[tuple[str, str]] = []
    if b is not None:
        e.update(
            minuten_per_week=minuten(b.minuten_per_week),
            ingangsdatum=datum_nl(b.ingangsdatum),
            einddatum=datum_nl(b.einddatum),
            aanbieder=b.aanbieder.naam,
            bandbreedte=_band(b),
            normenkader=b.bandbreedte.normenkader.versie,
            was_strijk="inclusief was en strijk" if b.was_strijk else "zonder was en strijk",
        )
    else:
        e.update(
            dict.fromkeys(
                ("minuten_per_week", "ingangsdatum", "einddatum", "aanbieder", "bandbreedte"), ""
            ),
            normenkader="",
            was_strijk="",
        )
    if brief.soort in (BriefSoort.KORTDUREND, BriefSoort.DEFINITIEF):
        if b.vervangt_id:
            e["vervalzin"] = (
                f"{VERVALZIN} Dit besluit vervangt de {b.vervangt.get_soort_display()} die "
                f"inging op {datum_nl(b.vervangt.ingangsdatum)}."
            )
            verplicht.append(("vervalzin", VERVALZIN))
        else:
            verboden.append(("vervalzin", VERVALZIN))
        verplicht += [
            ("product", product),
            ("ingangsdatum", e["ingangsdatum"]),
            ("einddatum", e["einddatum"]),
            ("minuten per week", e["minuten_per_week"]),
            ("aanbieder", e["aanbieder"]),
            ("bandbreedte", b.bandbreedte.code),
            ("normenkader", e["normenkader"]),
        ]
    if brief.soort == BriefSoort.KORTDUREND:
        e["nog_geen_ondersteuning"] = NOG_GEEN_ONDERSTEUNING
        verplicht.append(("nog geen ondersteuning", "krijgt u nog geen hulp"))
        verboden.append(("maximum van de bandbreedte", minuten(b.bandbreedte.max_minuten)))
    if brief.soort == BriefSoort.VERLENGING:
        v = brief.verlenging
        e.update(
            oude_einddatum=datum_nl(v.oude_einddatum),
            nieuwe_einddatum=datum_nl(v.nieuwe_einddatum),
        )
        verplicht += [("nieuwe einddatum", e["nieuwe_einddatum"])]
    if brief.soort == BriefSoort.INTREKKING:
        e["ingetrokken_per"] = datum_nl(b.ingetrokken_per)
        verplicht += [("ingetrokken per", e["ingetrokken_per"])]
    if brief.soort == BriefSoort.AFWIJZING:
        e["meldingsdatum"] = datum_nl(brief.melding.meldingsdatum)
    if brief.soort in (BriefSoort.INTREKKING, BriefSoort.AFWIJZING):
        verplicht.append(("motivering", brief.motivering.split("\n")[0][:60]))
    if brief.soort == BriefSoort.VERLOOPBRIEF:
        verplicht.append(("einddatum", e["einddatum"]))
    if brief.bezwaartermijn_tot:
        tot = datum_nl(brief.bezwaartermijn_tot)
        e["bezwaarclausule"] = (
            "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Uw bezwaarschrift "
            f"moet uiterlijk op {tot} binnen zijn (zes weken na de verzenddatum "
            f"{e['verzenddatum']}). Richt het aan het college van burgemeester en wethouders "
            f"van {gemeente} en stuur het naar {instellingen.bezwaar_adres}. Bezwaar maakt u "
            "altijd bij de Sociale Dienst Drechtsteden, niet bij de aanbieder. Schrijf in uw "
            "bezwaarschrift uw naam en adres, de datum, welk besluit u bedoelt, waarom u het "
            "er niet mee eens bent, en zet uw handtekening. Stuur een kopie van deze brief mee."
        )
        verplicht += [
            ("bezwaartermijn", f"uiterlijk op {tot}"),
            ("namens het college", f"burgemeester en wethouders van {gemeente}"),
        ]
    else:
        e["bezwaarclausule"] = ""
    adres = [
        client.naam,
        f"{client.straat} {client.huisnummer}{client.huisnummertoevoeging}".strip(),
        f"{client.postcode[:4]} {client.postcode[4:]}  {client.woonplaats.upper()}",
    ]
    return Inhoud(
        elementen=e,
        adres=adres,
        kenmerk=f"{brief.soort[:3].upper()}-{str(brief.uuid)[:8].upper()}",
        verzenddatum=datum_nl(brief.verzenddatum),
        verplicht=[(label, tekst) for label, tekst in verplicht if tekst],
        verboden=verboden,
    )
