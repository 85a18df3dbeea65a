"""Reading untrusted XML safely: no DTD (refused outright), no entities, no network, capped size.

A message is data, never a program: libxml2 through lxml with entity resolution, DTD loading and
network access switched off, and any DOCTYPE refused before the tree is used.
"""

from __future__ import annotations

import re

from lxml import etree  # type: ignore[import-untyped]

MAX_BYTES = 5 * 1024 * 1024  # far above any real message; larger input is refused unread
_SOORT_RE = re.compile(r"^\{http://www\.istandaarden\.nl/iwmo/3_2/wmo([0-9]{3})/schema\}Bericht$")


class BerichtOnleesbaar(ValueError):
    """The bytes are not a readable iWmo 3.2 message of the expected kind (Dutch message)."""


def parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
    )


def lees_xml(xml: bytes) -> etree._Element:
    """The root element of ``xml``, read with the hardened parser. Raises BerichtOnleesbaar."""
    if not isinstance(xml, bytes | bytearray):
        raise BerichtOnleesbaar("Het bericht is geen bytereeks.")
    if len(xml) > MAX_BYTES:
        raise BerichtOnleesbaar(f"Het bericht is groter dan {MAX_BYTES // (1024 * 1024)} MB.")
    if not xml.strip():
        raise BerichtOnleesbaar("Het bericht is leeg.")
    try:
        root = etree.fromstring(bytes(xml), parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise BerichtOnleesbaar(f"Het bericht is geen goedgevormde XML: {exc}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise BerichtOnleesbaar("Het bericht bevat een DTD (DOCTYPE); dat is niet toegestaan.")
    for node in root.iter():
        if isinstance(node, etree._Entity):
            raise BerichtOnleesbaar("Het bericht bevat entiteiten; dat is niet toegestaan.")
    return root


def soort_van(root: etree._Element) -> str | None:
    """ "301", "302", ... from the root element's namespace, or None when it is no iWmo 3.2
    message root."""
    match = _SOORT_RE.match(root.tag) if isinstance(root.tag, str) else None
    return match.group(1) if match else None
