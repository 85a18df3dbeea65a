"""The rule runner: XSD first, then the official content-check stylesheet.

``controleer(xml, berichtcode)`` never raises on bad input: anything that is not a readable
iWmo 3.2 message of the expected kind becomes a finding (``Bevinding``). The XSDs ship in
``schemas/3.2/xsd`` (``IWMO_XSD_DIR`` may name another copy of the same release); the retours
302/306/308 are checked against the project's derived schemas in ``schemas/3.2/afgeleid``.
The official stylesheet (``TR-CD-CS-regels-WMO-3.2.xsl``, XSLT 1.0) is a conformance tool
outside the product: it runs only when ``IWMO_REGELS_XSL`` names it, and ``Controle.stylesheet``
says whether it ran. Schemas and the stylesheet are compiled once per process (libxml2/libxslt
through lxml; see docs/adr/0016).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from lxml import etree  # type: ignore[import-untyped]

from .retourcodes import AFGEKEURD
from .veilig import BerichtOnleesbaar, lees_xml, parser, soort_van

SCHEMAS = Path(__file__).resolve().parent / "schemas" / "3.2"
AFGELEID = SCHEMAS / "afgeleid"
NS_RAPPORT = "http://www.istandaarden.nl/validatie/1_1/rapport/schema"
RETOURS = frozenset({"302", "306", "308"})
_BERICHTCODE_RE = re.compile(r"^(?:WMO)?([0-9]{3})$")
_PREFIX_RE = re.compile(r"\{(?:https?|urn):[^}]*\}")  # Clark notation: {namespace}name


@dataclass(frozen=True)
class Bevinding:
    """One violated rule: its code (``XSD``, ``TR302``, ``CD041`` ...), a Dutch text, where in
    the message, and the retour code the standard attaches to it (may be empty)."""

    code: str
    tekst: str
    locatie: str
    retourcode: str = ""


@dataclass(frozen=True)
class Controle:
    """The result of ``controleer``: the findings, and whether the official stylesheet ran."""

    bevindingen: tuple[Bevinding, ...]
    stylesheet: bool

    @property
    def ok(self) -> bool:
        return not self.bevindingen

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(b.code for b in self.bevindingen)


class RegelsOntbreken(ImproperlyConfigured):
    """The official content-check stylesheet is configured but not found."""


# --- catalogue of rule texts -----------------------------------------------------------------


@functools.cache
def _regelteksten() -> dict[str, str]:
    pad = Path(__file__).resolve().parent / "regelteksten.json"
    data = json.loads(pad.read_text(encoding="utf-8"))
    return dict(data["regels"])


def regeltekst(code: str) -> str:
    """The rule's Dutch definition from the shipped catalogue, or a plain fallback."""
    return _regelteksten().get(code) or f"Regel {code} van iWmo 3.2 is geschonden."


# --- reading -------------------------------------------------------------------------------


def _code(berichtcode: str) -> str:
    match = _BERICHTCODE_RE.match(str(berichtcode).strip())
    if not match:
        raise ValueError(f"Unknown iWmo message code {berichtcode!r}.")
    return match.group(1)


# --- XSD -------------------------------------------------------------------------------------


def xsd_dir() -> Path:
    """The folder with the official XSDs: the shipped set unless ``IWMO_XSD_DIR`` names another."""
    override = getattr(settings, "IWMO_XSD_DIR", "")
    return Path(override) if override else SCHEMAS / "xsd"


def xsd_pad(soort: str) -> Path:
    """The schema of message type ``soort``: official for heen messages, derived for retours."""
    if soort in RETOURS:
        return AFGELEID / f"WMO{soort}.xsd"
    return xsd_dir() / f"WMO{soort}.xsd"


@functools.lru_cache(maxsize=32)
def _schema(pad: Path, mtime: float) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(pad), parser()))


def schema(soort: str) -> etree.XMLSchema:
    """The compiled schema of ``soort``, cached per process. Raises FileNotFoundError."""
    pad = xsd_pad(soort)
    return _schema(pad, pad.stat().st_mtime)


def _lokaal(pad: str | None) -> str:
    """An lxml path made readable: namespace prefixes dropped."""
    if not pad:
        return "/"
    return re.sub(r"[A-Za-z0-9]+:", "", pad)


def _buiten_codelijst(match: re.Match[str]) -> str:
    waarden = match.group(2)
    lijst = f" {waarden}" if len(waarden) <= 100 else ""
    return f"de waarde '{match.group(1)}' staat niet in de codelijst{lijst}."


#: libxml2's most common schema messages in Dutch; anything else stays as libxml2 says it.
_XSD_NL = [
    (
        re.compile(r"\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\."),
        r"de waarde '\1' past niet in het patroon '\2'.",
    ),
    (
        re.compile(
            r"\[facet 'enumeration'\] The value '(.*)' is not an element of the set (\{.*\})\."
        ),
        r"de waarde '\1' staat niet in de codelijst \2.",
    ),
    (
        re.compile(
            r"\[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the "
            r"allowed maximum length of '(\d+)'\."
        ),
        r"de waarde is \1 tekens lang, maximaal \2 toegestaan.",
    ),
    (
        re.compile(
            r"\[facet 'minLength'\] The value has a length of '(\d+)'; this underruns the "
            r"allowed minimum length of '(\d+)'\."
        ),
        r"de waarde is \1 tekens lang, minimaal \2 vereist.",
    ),
    (
        re.compile(r"'(.*)' is not a valid value of the (?:local |)atomic type '?([^'.]*)'?\."),
        r"'\1' is geen geldige waarde (type \2).",
    ),
    (
        re.compile(r"This element is not expected\. Expected is (?:one of )?\( (.*) \)\."),
        r"dit element wordt hier niet verwacht; verwacht: \1.",
    ),
    (re.compile(r"This element is not expected\."), "dit element wordt hier niet verwacht."),
    (
        re.compile(r"Missing child element\(s\)\. Expected is (?:one of )?\( (.*) \)\."),
        r"een verplicht element ontbreekt; verwacht: \1.",
    ),
    (
        re.compile(r"No matching global declaration available for the validation root\."),
        "het hoofdelement is in dit schema niet bekend.",
    ),
]


def _xsd_tekst(message: str) -> str:
    """libxml2's schema message in Dutch where we know it, namespaces left out."""
    message = _PREFIX_RE.sub("", message).strip()
    for patroon, vertaling in _XSD_NL:
        message = patroon.sub(vertaling, message)
    message = re.sub(r"^Element '([^']*)'(?:, attribute '[^']*')?: ", r"Element \1: ", message)
    return f"Voldoet niet aan het XSD-schema: {message}"


def _xsd_bevindingen(root: etree._Element, soort: str) -> list[Bevinding]:
    try:
        xsd = schema(soort)
    except (OSError, etree.XMLSchemaParseError) as exc:
        return [
            Bevinding(
                "XSD",
                f"Het iWmo-schema voor WMO{soort} is niet gevonden of onleesbaar ({exc}); zet "
                "IWMO_XSD_DIR op de map met de iWmo 3.2-schema's (of laat het leeg voor de "
                "meegeleverde schema's).",
                "/",
                AFGEKEURD,
            )
        ]
    if xsd.validate(root):
        return []
    return [
        Bevinding("XSD", _xsd_tekst(fout.message), _lokaal(fout.path), AFGEKEURD)
        for fout in xsd.error_log
    ]


# --- stylesheet ------------------------------------------------------------------------------


def regels_xsl() -> Path | None:
    """The configured official stylesheet, or None when ``IWMO_REGELS_XSL`` is not set.
    Raises ``RegelsOntbreken`` when it is set to a path that does not exist."""
    pad = getattr(settings, "IWMO_REGELS_XSL", "")
    if not pad:
        return None
    if not Path(pad).is_file():
        raise RegelsOntbreken(f"IWMO_REGELS_XSL wijst naar {pad}, maar dat bestand bestaat niet.")
    return Path(pad)


@functools.lru_cache(maxsize=2)
def _transformatie(pad: Path, mtime: float) -> etree.XSLT:
    ac = etree.XSLTAccessControl.DENY_ALL
    return etree.XSLT(etree.parse(str(pad), parser()), access_control=ac)


def _stylesheet_bevindingen(root: etree._Element, pad: Path) -> list[Bevinding]:
    transformatie = _transformatie(pad, pad.stat().st_mtime)
    try:
        rapport = transformatie(root).getroot()
    except etree.XSLTApplyError as exc:  # the stylesheet failed on this input: say so
        tekst = f"De officiële inhoudscontrole kon het bericht niet controleren: {exc}"
        return [Bevinding("XSLT", tekst, "/", AFGEKEURD)]
    if rapport is None:
        return []
    ns = {"r": NS_RAPPORT}
    bevindingen = []
    for fout in rapport.iterfind(".//r:Fout", ns):
        code = (fout.findtext("r:Code", default="", namespaces=ns) or "").strip()
        locaties = [(loc.text or "").strip() for loc in fout.findall("r:Locatie", ns)]
        details = (fout.findtext("r:Details", default="", namespaces=ns) or "").strip()
        tekst = regeltekst(code)
        kern = tekst.split(": ", 1)[-1].rstrip(".")
        if details.startswith(kern):
            tekst = details if ": " not in tekst else f"{tekst.split(': ', 1)[0]}: {details}"
        elif details and details not in tekst:
            tekst = f"{tekst} ({details})"
        bevindingen.append(
            Bevinding(
                code=code,
                tekst=tekst,
                locatie=" ".join(locaties),
                # The stylesheet names a code for a few rules only; every content rule it
                # checks rejects the message class (0001) in the standard's rule tables.
                retourcode=(fout.findtext("r:Retourcode", default="", namespaces=ns) or "").strip()
                or AFGEKEURD,
            )
        )
    return bevindingen


# --- the runner ------------------------------------------------------------------------------


def controleer(xml: bytes, berichtcode: str) -> Controle:
    """Check ``xml`` as a message of type ``berichtcode`` ("301", "WMO305", ...): readable and
    safe, the expected kind, the XSD, then (when the XSD passes and ``IWMO_REGELS_XSL`` is set)
    the official stylesheet. Never raises on bad input; raises ValueError only for an unknown
    ``berichtcode`` (a programming error)."""
    soort = _code(berichtcode)
    try:
        root = lees_xml(xml)
    except BerichtOnleesbaar as exc:
        return Controle((Bevinding("XML", str(exc), "/", AFGEKEURD),), stylesheet=False)
    gevonden = soort_van(root)
    if gevonden != soort:
        naam = _PREFIX_RE.sub("", root.tag) if isinstance(root.tag, str) else "?"
        tekst = (
            f"Verwacht een WMO{soort}-bericht, maar het bericht is een WMO{gevonden}."
            if gevonden
            else f"Verwacht een WMO{soort}-bericht, maar het hoofdelement is {naam!r} in "
            f"namespace {etree.QName(root).namespace or '(geen)'}."
        )
        return Controle((Bevinding("XSD", tekst, "/", AFGEKEURD),), stylesheet=False)
    fouten = _xsd_bevindingen(root, soort)
    if fouten:
        return Controle(tuple(fouten), stylesheet=False)
    pad = regels_xsl()
    if pad is None:
        return Controle((), stylesheet=False)
    return Controle(tuple(_stylesheet_bevindingen(root, pad)), stylesheet=True)


# --- from findings to retour codes -----------------------------------------------------------


class RetourcodesPerNiveau(TypedDict):
    """The keyword arguments of ``bouwen.bouw_retour`` for the codes."""

    header_codes: tuple[str, ...]
    client_codes: tuple[str, ...]
    product_codes: dict[int, tuple[str, ...]]


_PRODUCT_IN_PAD = re.compile(
    r"/(?:ToegewezenProduct|StartProduct|StopProduct)(?:\[([0-9]+)\])?(?:/|$)"
)


def verdeel_retourcodes(bevindingen: Iterable[Bevinding]) -> RetourcodesPerNiveau:
    """Place each finding's retour code at the level its location names: a product (by its
    0-based position; a path without an index is the only product), the client (Client,
    Contact, Relatie), else the header. A finding with several locations counts at each.
    Pass the result to ``bouw_retour(heen_xml, identificatie=..., dagtekening=..., **codes)``;
    levels without codes get 0200 there."""
    header: list[str] = []
    client: list[str] = []
    producten: dict[int, list[str]] = {}
    for bevinding in bevindingen:
        code = bevinding.retourcode or AFGEKEURD
        for pad in bevinding.locatie.split() or ["/"]:
            product = _PRODUCT_IN_PAD.search(pad)
            if product:
                positie = int(product.group(1) or 1) - 1
                doel = producten.setdefault(positie, [])
            elif "/Client" in pad:
                doel = client
            else:
                doel = header
            if code not in doel:
                doel.append(code)
    return RetourcodesPerNiveau(
        header_codes=tuple(header),
        client_codes=tuple(client),
        product_codes={positie: tuple(codes) for positie, codes in sorted(producten.items())},
    )
