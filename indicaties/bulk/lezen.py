"""Reading a bulk list: CSV (``;`` or ``,``, UTF-8 with or without BOM, Windows-1252) or
XLSX. The content decides the type, not the file name. Problems with the file as a whole
raise a ValidationError on the field ``bestand``; nothing is stored then."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

from sdd_portal.validators import normaliseer_bsn

from ..models import Bulklijst

MAX_REGELS = 5000
MAX_RIJEN_GELEZEN = 100_000  # empty but formatted rows count here, not towards MAX_REGELS
MAX_UITGEPAKT = 200 * 1024 * 1024  # bytes of an XLSX once unzipped
KOLOMMEN = {
    "bsn": ("bsn", "burgerservicenummer", "bsn client", "bsn nummer", "bsn-nummer"),
    "minuten": (
        "minuten per week",
        "minuten",
        "minuten/week",
        "min per week",
        "aantal minuten",
        "aantal minuten per week",
    ),
    "was_strijk": (
        "was/strijk",
        "was strijk",
        "wasstrijk",
        "was en strijk",
        "was- en strijk",
        "was/strijk ja/nee",
        "was/strijk (ja/nee)",
    ),
}
KOLOMLABEL = {"bsn": "bsn", "minuten": "minuten per week", "was_strijk": "was/strijk"}
JA = {"ja", "j", "yes", "y", "1", "true", "waar"}
NEE = {"nee", "n", "no", "0", "false", "onwaar"}
GEEN_LIJST = (
    "Upload de lijst als CSV (gescheiden door puntkomma's of komma's) of als Excel-bestand "
    "(.xlsx). Het voorbeeldbestand laat zien hoe."
)


def _fout(bericht: str) -> ValidationError:
    return ValidationError({"bestand": [bericht]})


@dataclass
class Tabel:
    kop: list[str]
    rijen: list[tuple[int, list]]  # (row number in the file, raw cell values)


def _kop_sleutel(tekst) -> str:
    tekst = unicodedata.normalize("NFKD", str(tekst or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[\s_]+", " ", tekst.replace("\ufeff", "")).strip(" :*").lower()


def _leeg(cellen) -> bool:
    return all(c is None or str(c).strip() == "" for c in cellen)


def _tabel(rijen) -> Tabel:
    """First non-empty row is the header; the rest (non-empty) are data rows."""
    kop = None
    data: list[tuple[int, list]] = []
    for nummer, cellen in rijen:
        if nummer > MAX_RIJEN_GELEZEN:
            raise _fout(f"Het bestand heeft meer dan {MAX_RIJEN_GELEZEN} (lege) regels.")
        if _leeg(cellen):
            continue
        if kop is None:
            kop = ["" if c is None else str(c).strip() for c in cellen]
            continue
        data.append((nummer, list(cellen)))
        if len(data) > MAX_REGELS:
            raise _fout(
                f"De lijst heeft meer dan {MAX_REGELS} regels. Splits haar in kleinere lijsten."
            )
    if kop is None:
        raise _fout("Het bestand is leeg.")
    if not data:
        raise _fout("De lijst heeft een kopregel maar geen regels met cliënten.")
    return Tabel(kop=kop, rijen=data)


def _als_tekst(inhoud: bytes) -> str:
    for handtekening, wat in (
        (b"%PDF", "een PDF"),
        (b"\xd0\xcf\x11\xe0", "een oud Office-bestand (.xls of .doc)"),
        (b"\x89PNG", "een afbeelding"),
        (b"\xff\xd8\xff", "een afbeelding"),
        (b"GIF8", "een afbeelding"),
    ):
        if inhoud.startswith(handtekening):
            raise _fout(f"Dit bestand is {wat}, geen lijst. {GEEN_LIJST}")
    if b"\x00" in inhoud:
        raise _fout(f"Dit bestand is geen tekstbestand. {GEEN_LIJST}")
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            tekst = inhoud.removeprefix(b"\xef\xbb\xbf").decode("cp1252")
        except UnicodeDecodeError:
            raise _fout(
                "De tekens in dit bestand zijn niet te lezen. Sla de lijst op als 'CSV UTF-8'."
            ) from None
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", tekst):
        raise _fout(f"Dit bestand is geen tekstbestand. {GEEN_LIJST}")
    return tekst


def _lees_csv(tekst: str) -> Tabel:
    eerste = next((regel for regel in tekst.splitlines() if regel.strip()), "")
    scheiding = max(";,\t", key=eerste.count)
    reader = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    try:
        return _tabel((reader.line_num, rij) for rij in reader)
    except csv.Error as exc:
        raise _fout(f"Het CSV-bestand is niet goed opgebouwd (regel {reader.line_num}).") from exc


def _lees_xlsx(inhoud: bytes) -> Tabel:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    onleesbaar = (
        zipfile.BadZipFile,
        InvalidFileException,
        KeyError,
        ValueError,
        TypeError,
        OSError,
    )
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:  # refuse zip bombs up front
            uitgepakt = sum(info.file_size for info in archief.infolist())
        if uitgepakt > MAX_UITGEPAKT:
            raise _fout("Dit Excel-bestand is uitgepakt te groot. Splits de lijst in delen.")
        werkboek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except onleesbaar:
        raise _fout(f"Dit bestand is geen leesbaar Excel-bestand (.xlsx). {GEEN_LIJST}") from None
    try:
        blad = werkboek.worksheets[0]
        blad.reset_dimensions()  # some tools write a wrong used range
        rijen = blad.iter_rows(values_only=True, max_col=30)
        return _tabel((nummer, list(rij)) for nummer, rij in enumerate(rijen, 1))
    except (IndexError, *onleesbaar):
        raise _fout(f"Dit Excel-bestand is niet te lezen. {GEEN_LIJST}") from None
    finally:
        werkboek.close()


def lees_bestand(inhoud: bytes) -> Tabel:
    """The content decides, not the file name: XLSX is a zip (``PK``), anything else must
    be text."""
    if inhoud.startswith(b"PK\x03\x04"):
        return _lees_xlsx(inhoud)
    return _lees_csv(_als_tekst(inhoud))


def kolommen_zoeken(kop: list[str], soort: str) -> dict[str, tuple[int, str]]:
    """Map each known column to (index, header as written in the file)."""
    gevonden: dict[str, tuple[int, str]] = {}
    for index, naam in enumerate(kop):
        sleutel = _kop_sleutel(naam)
        for veld, aliassen in KOLOMMEN.items():
            if sleutel in aliassen:
                if veld in gevonden:
                    raise _fout(f"De kolom '{KOLOMLABEL[veld]}' staat twee keer in de kopregel.")
                gevonden[veld] = (index, naam)
    verplicht = ["bsn"] + (["minuten", "was_strijk"] if soort == Bulklijst.Soort.OMZETTING else [])
    ontbreekt = [KOLOMLABEL[v] for v in verplicht if v not in gevonden]
    if ontbreekt:
        namen = ", ".join(f"'{k}'" for k in kop if k) or "geen"
        raise _fout(
            f"De kopregel mist de kolom(men) {', '.join(repr(k) for k in ontbreekt)}. "
            f"Gevonden kolommen: {namen}. Zie het voorbeeldbestand."
        )
    return gevonden


def lees_upload(upload) -> bytes:
    limit = settings.UPLOAD_MAX_BYTES
    te_groot = f"Het bestand is groter dan het maximum van {limit // 1024 // 1024} MB."
    if upload.size is not None and upload.size > limit:
        raise _fout(te_groot)
    upload.seek(0)
    inhoud = upload.read(limit + 1)
    if len(inhoud) > limit:
        raise _fout(te_groot)
    if not inhoud:
        raise _fout("Het bestand is leeg.")
    return inhoud


# ------------------------------------------------------------------------ values


def celtekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return str(waarde).strip()[:40]


def bsn_uit_cel(waarde) -> str:
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        return celtekst(waarde).zfill(9)  # Excel drops leading zeros of numbers
    return normaliseer_bsn(celtekst(waarde))


def minuten_uit_cel(waarde) -> int | None:
    if isinstance(waarde, bool):
        return None
    if isinstance(waarde, (int, float)):
        return int(waarde) if float(waarde).is_integer() else None
    tekst = celtekst(waarde)
    return int(tekst) if re.fullmatch(r"[0-9]{1,6}", tekst) else None


def ja_nee_uit_cel(waarde) -> bool | None:
    if isinstance(waarde, bool):
        return waarde
    tekst = celtekst(waarde).lower()
    return True if tekst in JA else False if tekst in NEE else None
