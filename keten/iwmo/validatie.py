"""The first wave's XSD-only check, kept for its callers; new code calls ``regels.controleer``."""

from __future__ import annotations

from .regels import SCHEMAS, _code, _xsd_bevindingen
from .veilig import BerichtOnleesbaar, lees_xml, soort_van

__all__ = ["SCHEMAS", "valideer"]


def valideer(xml: bytes, bericht: str = "WMO301") -> list[str]:
    """XSD findings of ``xml`` as readable lines ("<path>: <text>"); empty when valid."""
    soort = _code(bericht)
    try:
        root = lees_xml(xml)
    except BerichtOnleesbaar as exc:
        return [str(exc)]
    if soort_van(root) != soort:
        return [f"/: Verwacht een WMO{soort}-bericht."]
    return [f"{b.locatie}: {b.tekst}" for b in _xsd_bevindingen(root, soort)]
