"""Downloads of tables as CSV (semicolons, with BOM, as Dutch Excel expects) or XLSX.

One place for both formats, so every export of the portal guards against formula
injection the same way: a text cell that starts like a formula is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATEN = ("csv", "xlsx")


# What makes Excel or LibreOffice read a text cell as a formula (OWASP "CSV injection"): the
# four formula characters, their full-width forms, and tab, CR and LF, also after spaces.
FORMULE_BEGIN = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def veilige_cel(waarde):
    """Keep spreadsheet programs from reading text as a formula: a text that starts (after
    any spaces) like a formula gets a leading ``'``, so it shows as the text it is. Numbers
    and dates pass unchanged. Every export of the portal goes through ``tabel_response``,
    which applies this to the header and every cell."""
    if isinstance(waarde, str) and waarde.lstrip(" \u00a0")[:1] in FORMULE_BEGIN:
        return "'" + waarde
    return waarde


def csv_response(naam: str, inhoud: str) -> HttpResponse:
    """A CSV download of ready text (with a BOM so Excel reads it as UTF-8). Only for fixed
    text the portal writes itself (the example lists); data goes through ``tabel_response``."""
    response = HttpResponse("\ufeff" + inhoud, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{naam}.csv"'
    return response


def tabel_response(
    naam: str,
    kop: Sequence[str],
    rijen: Iterable[Sequence],
    formaat: str,
    *,
    blad: str = "Gegevens",
    kolombreedtes: Sequence[int] | None = None,
) -> HttpResponse:
    """The table as ``<naam>.csv`` or ``<naam>.xlsx`` (openpyxl's write-only mode)."""
    kop = [veilige_cel(k) for k in kop]  # headers may carry names (products, columns)
    veilig = ([veilige_cel(w) for w in rij] for rij in rijen)
    if formaat == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(kop)
        writer.writerows(veilig)
        return csv_response(naam, buffer.getvalue())
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    werkboek = Workbook(write_only=True)
    werkblad = werkboek.create_sheet(blad)
    for index, breedte in enumerate(kolombreedtes or (), 1):
        werkblad.column_dimensions[get_column_letter(index)].width = breedte
    werkblad.append(list(kop))
    for rij in veilig:
        werkblad.append(rij)
    out = io.BytesIO()
    werkboek.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{naam}.xlsx"'
    return response
