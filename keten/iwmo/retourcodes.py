"""WJ001 retour codes of iWmo 3.2 with their Dutch meaning.

Read from the project's own copy of the code list (``schemas/3.2/codelijsten/WJ001_Retourcode.md``,
iWmo 3.2, Zorginstituut Nederland; see ``schemas/3.2/BRON.md``), once per process. Every value
of the XSD's ``LDT_RetourCode`` enumeration (0001, 0200, 0233, 0611, 8001, 8017, 8021, 8187) is
in it; a test guards that.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

GOEDGEKEURD = "0200"  # Geen opmerking over deze berichtklasse.
AFGEKEURD = "0001"  # Bericht is afgekeurd om technische redenen.
NIET_BEOORDEELD = "0233"  # Berichtklasse is niet beoordeeld.

CODELIJST = (
    Path(__file__).resolve().parent / "schemas" / "3.2" / "codelijsten" / "WJ001_Retourcode.md"
)
_RIJ = re.compile(r"^\| ([0-9A-Z]{4}) \| ([^|]+?) \|", re.M)


@functools.cache
def retourcodes() -> dict[str, str]:
    """Every WJ001 code with its meaning, in the order of the code list."""
    codes: dict[str, str] = {}
    for code, tekst in _RIJ.findall(CODELIJST.read_text(encoding="utf-8")):
        codes.setdefault(code, " ".join(tekst.split()).rstrip(".") + ".")
    return codes


def retourcode_tekst(code: str) -> str:
    """The Dutch meaning of retour code ``code``; an unknown code is named as such."""
    code = (code or "").strip()
    return retourcodes().get(code) or f"Onbekende retourcode {code or '(leeg)'}."
