"""The machinery of the security sweeps: every URL pattern of the project, filled with
real and bogus path values, the forms a page offers, hostile payloads, and a tally.

The URL patterns are read from the root URLconf (admin, API and every app), so a new view
is swept the moment it is routed; a pattern whose path value the world below cannot fill
fails the sweep with a message saying where to add it.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

NUL = "zoek\x00term"
LANG = "x" * 10_000
GEEN_UUID = "niet-een-uuid"
PAYLOADS = {
    "nul": NUL,
    "lang": LANG,
    "geen-uuid": GEEN_UUID,
    "30-februari": "2026-02-30",
    "nuldatum": "0000-00-00",
    "jaar-99999": "99999-01-01",
    "negatief": "-1",
    "enorm": "9" * 40,
}
# Query parameters a view might read without offering them in a form.
GANGBARE_PARAMETERS = [
    "q",
    "zoek",
    "page",
    "pagina",
    "sort",
    "o",
    "p",
    "status",
    "product",
    "datum",
    "van",
    "tot",
    "jaar",
    "aanbieder",
    "gemeente",
    "soort",
    "naam",
    "bsn",
    "tafel",
    "bovenliggend",
    "next",
    "cursor",
    "pageSize",
    "ordering",
    "uuid",
]
BOGUS_UUID = "00000000-0000-4000-8000-000000000000"


@dataclass
class Patroon:
    route: str  # for messages
    naam: str
    deel: list  # literal strings and ("param", name, converter)
    regex: bool = False

    def vul(self, waarden: dict[str, str]) -> str:
        return "/" + "".join(w if isinstance(w, str) else waarden[w[1]] for w in self.deel)

    @property
    def parameters(self) -> list[str]:
        return [w[1] for w in self.deel if not isinstance(w, str)]


_ROUTE_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")
_REGEX_PARAM = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def _delen(pattern) -> tuple[list, bool]:
    if isinstance(pattern, RoutePattern):
        tekst, delen, pos = str(pattern), [], 0
        for m in _ROUTE_PARAM.finditer(tekst):
            delen.append(tekst[pos : m.start()])
            delen.append(("param", m["name"], m["conv"] or "str"))
            pos = m.end()
        delen.append(tekst[pos:])
        return delen, False
    assert isinstance(pattern, RegexPattern)
    tekst = str(pattern).lstrip("^").rstrip("$").replace("\\.", ".")
    if tekst.endswith("\\Z"):
        tekst = tekst[:-2]
    delen, pos = [], 0
    for m in _REGEX_PARAM.finditer(tekst):
        delen.append(tekst[pos : m.start()])
        delen.append(("param", m["name"], "regex"))
        pos = m.end()
    delen.append(tekst[pos:])
    return delen, True


def url_patronen() -> list[Patroon]:
    """Every routable pattern below the root URLconf, in order."""

    def walk(resolver, voor: list, regex: bool):
        for p in resolver.url_patterns:
            delen, is_regex = _delen(p.pattern)
            if isinstance(p, URLResolver):
                yield from walk(p, voor + delen, regex or is_regex)
            elif isinstance(p, URLPattern):
                yield Patroon(
                    route="".join(d if isinstance(d, str) else f"<{d[1]}>" for d in voor + delen),
                    naam=p.name or "",
                    deel=[d for d in voor + delen if d != ""],
                    regex=regex or is_regex,
                )

    return list(walk(get_resolver(), [], False))


class _Formulieren(HTMLParser):
    """The forms of a page: action, method and their fields with default values."""

    def __init__(self):
        super().__init__()
        self.formulieren: list[dict] = []
        self._huidig: dict | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._huidig = {
                "action": a.get("action") or "",
                "method": (a.get("method") or "get").lower(),
                "velden": {},
                "bestanden": [],
            }
            self.formulieren.append(self._huidig)
        elif self._huidig is None or not a.get("name"):
            return
        elif tag == "input":
            soort = (a.get("type") or "text").lower()
            if soort == "file":
                self._huidig["bestanden"].append(a["name"])
            elif soort in ("checkbox", "radio"):
                self._huidig["velden"].setdefault(a["name"], a.get("value") or "on")
            elif soort not in ("submit", "button", "image", "reset"):
                self._huidig["velden"][a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self._huidig["velden"][a["name"]] = ""
        elif tag == "select":
            self._select = a["name"]
            self._huidig["velden"].setdefault(a["name"], "")
        elif tag == "option" and self._select and self._huidig:
            if not self._huidig["velden"][self._select] and a.get("value"):
                self._huidig["velden"][self._select] = a["value"]
        elif tag == "button" and a.get("value"):
            self._huidig["velden"].setdefault(a["name"], a["value"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._huidig = None
        elif tag == "select":
            self._select = None


def formulieren(html: str) -> list[dict]:
    parser = _Formulieren()
    parser.feed(html)
    return parser.formulieren


@dataclass
class Telling:
    """What a sweep did and found, for the summary the issue note quotes."""

    verzoeken: Counter = field(default_factory=Counter)
    fouten: list[str] = field(default_factory=list)
    lekken: list[str] = field(default_factory=list)
    patronen: set = field(default_factory=set)

    def samenvatting(self, titel: str) -> str:
        regels = [f"== {titel}: {len(self.patronen)} URL patterns"]
        regels += [f"   {soort}: {n}" for soort, n in sorted(self.verzoeken.items())]
        regels.append(f"   500s: {len(self.fouten)}, leaks: {len(self.lekken)}")
        regels += [f"   500: {f}" for f in self.fouten[:40]]
        regels += [f"   leak: {f}" for f in self.lekken[:40]]
        return "\n".join(regels)


def nieuwe_uuid() -> str:
    return str(uuid.uuid4())
