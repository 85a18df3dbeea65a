"""Validation of iWmo 3.2 messages: first the XSD, then (in conformance tests) the official
content-check stylesheet.

The schemas ship inside the project (``schemas/3.2/``, see its ``BRON.md``); ``IWMO_XSD_DIR``
may point at another copy of the same release (a newer official patch set). The stylesheet
(``TR-CD-CS-regels-WMO-3.2.xsl``, XSLT 1.0) is a conformance tool outside the product:
``IWMO_REGELS_XSL`` names its path, and ``inhoudscontrole`` says plainly when it is not set.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import xmlschema
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SCHEMAS = Path(__file__).resolve().parent / "schemas" / "3.2"
NS_RAPPORT = "http://www.istandaarden.nl/validatie/1_1/rapport/schema"
_BERICHT_RE = re.compile(r"^WMO[0-9]{3}$")


def xsd_dir() -> Path:
    """The folder with the XSDs: the shipped set unless ``IWMO_XSD_DIR`` names another."""
    override = getattr(settings, "IWMO_XSD_DIR", "")
    return Path(override) if override else SCHEMAS / "xsd"


@functools.lru_cache(maxsize=16)
def _schema(path: Path) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(path))


def valideer(xml: bytes, bericht: str = "WMO301") -> list[str]:
    """Validate ``xml`` against ``<xsd_dir>/<bericht>.xsd``; readable errors, empty if valid.

    DTDs and entities are refused (``defuse="always"``): a message is data, never a program.
    """
    if not _BERICHT_RE.match(bericht):
        raise ValueError(f"Unknown iWmo message {bericht!r}.")
    pad = xsd_dir() / f"{bericht}.xsd"
    if not pad.is_file():
        return [
            f"Het iWmo-schema {pad} is niet gevonden; zet IWMO_XSD_DIR op de map met de "
            "iWmo 3.2-schema's (of laat het leeg voor de meegeleverde schema's)."
        ]
    schema = _schema(pad)
    try:
        resource = xmlschema.XMLResource(xml, defuse="always")
    except (xmlschema.XMLResourceError, ET.ParseError) as exc:
        return [f"XML not accepted: {exc}"]
    return [f"{e.path or '/'}: {e.reason or e.message}" for e in schema.iter_errors(resource)]


class RegelsOntbreken(ImproperlyConfigured):
    """The official content-check stylesheet is not configured or not found."""


def regels_xsl() -> Path:
    """The configured path of the official content-check stylesheet, checked to exist."""
    pad = getattr(settings, "IWMO_REGELS_XSL", "")
    if not pad:
        raise RegelsOntbreken(
            "IWMO_REGELS_XSL is niet ingesteld: de officiële iWmo-inhoudscontrole "
            "(TR-CD-CS-regels-WMO-3.2.xsl) is niet beschikbaar."
        )
    if not Path(pad).is_file():
        raise RegelsOntbreken(f"IWMO_REGELS_XSL wijst naar {pad}, maar dat bestand bestaat niet.")
    return Path(pad)


@functools.lru_cache(maxsize=2)
def _transformatie(pad: Path):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XSLT(etree.parse(str(pad), parser))


def inhoudscontrole(xml: bytes) -> list[tuple[str, str]]:
    """Run the official stylesheet over ``xml``: (rule code, location) per violated rule."""
    from lxml import etree

    transformatie = _transformatie(regels_xsl())
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    rapport = transformatie(etree.fromstring(xml, parser))
    ns = {"r": NS_RAPPORT}
    return (
        [
            (
                fout.findtext("r:Code", default="", namespaces=ns),
                " ".join(loc.text or "" for loc in fout.findall("r:Locatie", ns)),
            )
            for fout in rapport.getroot().iterfind(".//r:Fout", ns)
        ]
        if rapport.getroot() is not None
        else []
    )
