#!/usr/bin/env python3
"""Derive the retour schemas WMO302/306/308 from the shipped heen schemas WMO301/305/307.

The iWmo 3.2 release material has no retour XSDs; ``master-overview-iwmo-xsd.md`` documents
their structure: the heen message in the retour namespace with its own BerichtCode; Client
optional in Root; the header extended with IdentificatieRetour, DagtekeningRetour, XsltVersie
(0..1), XsdVersieRetour and RetourCodes (0..1); a RetourCodes (1..1) closing every message
class (Client, Relatie, Contact, ToegewezenProduct / StartProduct / StopProduct).

Usage: python scripts/iwmo_retourschemas.py   (writes keten/iwmo/schemas/3.2/afgeleid/)
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]

SCHEMAS = Path(__file__).resolve().parents[1] / "keten" / "iwmo" / "schemas" / "3.2"
XS = "http://www.w3.org/2001/XMLSchema"
PAREN = {"301": ("302", "414", "415"), "305": ("306", "418", "419"), "307": ("308", "420", "421")}
KLASSEN = ("Client", "Relatie", "Contact", "ToegewezenProduct", "StartProduct", "StopProduct")


def _el(parent: etree._Element, name: str, type_: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{XS}}}element", name=name, type=type_, **attrs)
    element.tail = "\n\t\t\t"
    return element


def _wj001() -> list[str]:
    tekst = (SCHEMAS / "codelijsten" / "WJ001_Retourcode.md").read_text(encoding="utf-8")
    return re.findall(r"^\| ([0-9A-Z]{4}) \|", tekst, re.M)


def _ldt_retourcode() -> list[str]:
    basis = etree.parse(str(SCHEMAS / "xsd" / "basisschema.xsd"))
    pad = "//xs:simpleType[@name='LDT_RetourCode']//xs:enumeration/@value"
    return [str(v) for v in basis.xpath(pad, namespaces={"xs": XS})]


def leid_af(heen: str) -> bytes:
    retour, heen_code, retour_code = PAREN[heen]
    tekst = (SCHEMAS / "xsd" / f"WMO{heen}.xsd").read_text(encoding="utf-8")
    tekst = tekst.replace(f"wmo{heen}", f"wmo{retour}")
    tekst = tekst.replace(
        f'<xs:pattern value="{heen_code}"/>', f'<xs:pattern value="{retour_code}"/>'
    )
    tekst = tekst.replace(
        'schemaLocation="basisschema.xsd"', 'schemaLocation="../xsd/basisschema.xsd"'
    )
    root = etree.fromstring(tekst.encode("utf-8"))
    ns = {"xs": XS}
    p = f"wmo{retour}"

    client = root.find("xs:complexType[@name='Root']/xs:sequence/xs:element[@name='Client']", ns)
    client.set("minOccurs", "0")

    header = root.find("xs:complexType[@name='Header']/xs:sequence", ns)
    _el(header, "IdentificatieRetour", "iwmo:LDT_IdentificatieBericht")
    _el(header, "DagtekeningRetour", "iwmo:LDT_Datum")
    _el(header, "XsltVersie", "iwmo:LDT_Versie", minOccurs="0")
    _el(header, "XsdVersieRetour", "iwmo:CDT_XsdVersie")
    _el(header, "RetourCodes", f"{p}:RetourCodes", minOccurs="0")

    for klasse in KLASSEN:
        seq = root.find(f"xs:complexType[@name='{klasse}']/xs:sequence", ns)
        if seq is not None:
            _el(seq, "RetourCodes", f"{p}:RetourCodes")

    codes = etree.SubElement(root, f"{{{XS}}}complexType", name="RetourCodes")
    seq = etree.SubElement(codes, f"{{{XS}}}sequence")
    _el(seq, "RetourCode", f"{p}:RetourCode", maxOccurs="unbounded")
    # The basisschema's LDT_RetourCode enumerates only 8 codes, while the code list WJ001
    # defines the codes retours carry for the TR rules (9056 for TR056 ...): every WJ001 code.
    code = etree.SubElement(root, f"{{{XS}}}simpleType", name="RetourCode")
    beperking = etree.SubElement(code, f"{{{XS}}}restriction", base="xs:string")
    for waarde in sorted(set(_wj001()) | set(_ldt_retourcode())):
        etree.SubElement(beperking, f"{{{XS}}}enumeration", value=waarde)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def main() -> int:
    doel = SCHEMAS / "afgeleid"
    doel.mkdir(exist_ok=True)
    regels = []
    for heen, (retour, _, _) in PAREN.items():
        inhoud = leid_af(heen)
        (doel / f"WMO{retour}.xsd").write_bytes(inhoud)
        regels.append(f"    {hashlib.sha256(inhoud).hexdigest()}  afgeleid/WMO{retour}.xsd")
    (doel / "BRON.md").write_text(
        "# Retour schemas WMO302, WMO306, WMO308: derived by this project, NOT official\n\n"
        "The iWmo 3.2 release material the project ships (see ../BRON.md) has no XSDs for the\n"
        "retour messages. These three are derived by `scripts/iwmo_retourschemas.py` from the\n"
        "shipped heen schemas WMO301/305/307 (BerichtXsdVersie 1.0.0) following the structure\n"
        "documented in `master-overview-iwmo-xsd.md` of the release material: the heen message\n"
        "in the retour namespace with BerichtCode 415/419/421 (COD002), Client 0..1, the header\n"
        "extended with IdentificatieRetour, DagtekeningRetour, XsltVersie (0..1),\n"
        "XsdVersieRetour and RetourCodes (0..1), and RetourCodes (1..1) at the end of every\n"
        "message class (Client, Relatie, Contact, ToegewezenProduct/StartProduct/StopProduct).\n"
        "RetourCode allows every code of the code list WJ001 (the basisschema's LDT_RetourCode\n"
        "enumerates only 8 of them, not the codes of the TR rules such as 9056 for TR056).\n"
        "They import the shipped `../xsd/basisschema.xsd`. Replace them with the official\n"
        "retour XSDs from istandaarden.nl when those are adopted.\n\n"
        "Checksums (sha256) of the generated files:\n\n" + "\n".join(regels) + "\n",
        encoding="utf-8",
    )
    print(f"{len(regels)} retourschema's geschreven naar {doel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
