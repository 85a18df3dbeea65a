#!/usr/bin/env python3
"""Generate keten/iwmo/regelteksten.json: rule code -> the rule's Dutch definition.

Usage: python scripts/iwmo_regelteksten.py <folder "regels" of the iWmo 3.2 release material>
Reads the one-file-per-rule folders (OP bedrijfsregels, TR technische regels, IV
invulinstructies) and the CD/CS/RS table ``condities-constraints/CD_CS_RS_per_dataelement``;
writes the catalogue next to the rule runner. Run it again when a new release is adopted.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DOEL = Path(__file__).resolve().parents[1] / "keten" / "iwmo" / "regelteksten.json"
_CODE = re.compile(r"^(OP[0-9]{3}(?:x[0-9]+)?|TR[0-9]{3}|CD[0-9]{3}|CS[0-9]{3}|RS[0-9]{3})$")


def _schoon(tekst: str) -> str:
    tekst = re.sub(r"\s+", " ", tekst.replace("*", "")).strip()
    return re.sub(r"^(?:OP|TR)[0-9]{3}(?:x[0-9]+)?\s*[:\-—]\s*", "", tekst)


def _definitie(tekst: str) -> str:
    """The first paragraph under '## Definitie', else the text after the title's dash."""
    match = re.search(r"^## Definitie\s*\n+(.+?)(?:\n\s*\n|\n---|\Z)", tekst, re.M | re.S)
    if match:
        return _schoon(match.group(1))
    titel = tekst.splitlines()[0] if tekst else ""
    return _schoon(re.split(r"\s[—-]\s", titel, maxsplit=1)[-1].lstrip("# "))


def _invulinstructie(tekst: str) -> str:
    """IV files: the question in italics, then the first paragraph of the answer."""
    delen = [d.strip() for d in re.split(r"\n\s*\n", tekst) if d.strip()]
    vraag = next((d for d in delen if d.startswith("*") and not d.startswith("**")), "")
    antwoord = next(
        (d for d in delen if not d.startswith("*") and not d.startswith("#") and d != vraag), ""
    )
    return _schoon(" ".join(p for p in (vraag, antwoord.splitlines()[0] if antwoord else "") if p))


def verzamel(regels: Path) -> dict[str, str]:
    teksten: dict[str, str] = {}
    for pad in sorted(regels.glob("bedrijfsregels/*.md")) + sorted(
        p for p in regels.glob("technische-regels/*/*") if p.is_file()
    ):
        code = pad.stem
        if _CODE.match(code):
            teksten[code] = _definitie(pad.read_text(encoding="utf-8"))
    for pad in sorted(regels.glob("invulinstructies/*.md")):
        code = pad.stem.rsplit("_", 1)[-1]
        teksten[code] = _invulinstructie(pad.read_text(encoding="utf-8"))
    # CD/CS/RS: the rule's sentence, prefixed with the element(s) it concerns.
    tabel = regels / "condities-constraints" / "CD_CS_RS_per_dataelement"
    elementen: dict[str, list[str]] = {}
    zinnen: dict[str, str] = {}
    for regel in tabel.read_text(encoding="utf-8").splitlines():
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
        if len(cellen) >= 9 and _CODE.match(cellen[7]) and cellen[7] not in teksten:
            zinnen.setdefault(cellen[7], _schoon(cellen[8]))
            element = cellen[2].split("_", 1)[0]
            if element and element not in elementen.setdefault(cellen[7], []):
                elementen[cellen[7]].append(element)
    for code, zin in zinnen.items():
        namen = elementen.get(code, [])
        if code.startswith("RS") or not namen or len(namen) > 3:
            teksten[code] = zin
        else:
            teksten[code] = f"{' / '.join(namen)}: {zin}"
    return dict(sorted(teksten.items()))


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not Path(argv[1]).is_dir():
        print(__doc__, file=sys.stderr)
        return 2
    regels = Path(argv[1])
    catalogus = {
        "bron": (
            "iWmo release 3.2 (Zorginstituut Nederland), regels uit de map 'regels' van het "
            "releasemateriaal (kopie: i-Sociaal-Lab/jaapjunior, packages/api/wmo/bronnen); "
            "gegenereerd met scripts/iwmo_regelteksten.py"
        ),
        "versie": "iWmo 3.2.0",
        "regels": verzamel(regels),
    }
    DOEL.write_text(json.dumps(catalogus, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(catalogus['regels'])} regels geschreven naar {DOEL}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
