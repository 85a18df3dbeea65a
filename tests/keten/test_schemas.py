"""The iWmo 3.2 schemas ship inside the project, unchanged, with a note of their source."""

import hashlib
import re
from pathlib import Path

import pytest

from keten.iwmo.regels import SCHEMAS


def _genoteerd() -> dict[str, str]:
    bron = (SCHEMAS / "BRON.md").read_text(encoding="utf-8")
    return {pad: sha for sha, pad in re.findall(r"^\s+([0-9a-f]{64})\s+(\S+)$", bron, re.M)}


def test_every_shipped_schema_is_listed_with_its_checksum_and_unchanged():
    genoteerd = _genoteerd()
    aanwezig = sorted(p.relative_to(SCHEMAS).as_posix() for p in (SCHEMAS / "xsd").glob("*.xsd"))
    assert aanwezig == sorted(genoteerd), "BRON.md lists exactly the shipped XSDs"
    for pad in aanwezig:
        inhoud = (SCHEMAS / pad).read_bytes()
        assert hashlib.sha256(inhoud).hexdigest() == genoteerd[pad], f"{pad} was changed"


def test_the_note_names_the_release_and_the_source():
    bron = (SCHEMAS / "BRON.md").read_text(encoding="utf-8")
    assert "iWmo release 3.2" in bron and "BerichtXsdVersie" in bron
    assert "i-Sociaal-Lab/jaapjunior" in bron


@pytest.mark.parametrize(
    "bericht", ["WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323"]
)
def test_every_message_schema_loads_from_the_project(bericht):
    import xmlschema

    schema = xmlschema.XMLSchema(str(SCHEMAS / "xsd" / f"{bericht}.xsd"))
    assert schema.root_elements


def test_nothing_in_the_project_reads_the_shared_folder():
    root = Path(__file__).resolve().parents[2]
    gevonden = []
    for pad in root.rglob("*.py"):
        deel = pad.relative_to(root).parts[0]
        if deel in {".venv", "node_modules", ".data", "tests"}:
            continue
        if re.search(r"""["'/]shared["'/]""", pad.read_text(encoding="utf-8", errors="ignore")):
            gevonden.append(str(pad.relative_to(root)))
    assert gevonden == []


def test_the_derived_retour_schemas_are_what_the_script_makes_and_say_they_are_not_official():
    import importlib.util

    pad = Path(__file__).resolve().parents[2] / "scripts" / "iwmo_retourschemas.py"
    spec = importlib.util.spec_from_file_location("iwmo_retourschemas", pad)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    bron = (SCHEMAS / "afgeleid" / "BRON.md").read_text(encoding="utf-8")
    assert "NOT official" in bron
    for heen, retour in (("301", "302"), ("305", "306"), ("307", "308")):
        inhoud = (SCHEMAS / "afgeleid" / f"WMO{retour}.xsd").read_bytes()
        assert inhoud == script.leid_af(heen), f"WMO{retour}.xsd differs from its derivation"
        assert hashlib.sha256(inhoud).hexdigest() in bron


def test_vektis_codes_match_the_code_list_and_the_schemas():
    from keten.iwmo.soorten import VEKTIS_CODE

    lijst = (SCHEMAS / "codelijsten" / "COD002VEKTIS_Berichtcode").read_text(encoding="utf-8")
    assert dict(re.findall(r"^\| WMO([0-9]{3}) \| ([0-9]{3}) \|", lijst, re.M)) == VEKTIS_CODE
    for pad in (SCHEMAS / "xsd").glob("WMO*.xsd"):
        code = re.search(r'name="BerichtCode">.*?pattern value="([0-9]+)"', pad.read_text(), re.S)
        assert code and VEKTIS_CODE[pad.stem[3:]] == code.group(1), pad.name
    for pad in (SCHEMAS / "afgeleid").glob("WMO*.xsd"):
        code = re.search(r'name="BerichtCode">.*?pattern value="([0-9]+)"', pad.read_text(), re.S)
        assert code and VEKTIS_CODE[pad.stem[3:]] == code.group(1), pad.name
