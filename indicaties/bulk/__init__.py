"""Bulk lists from providers and contract management (000 items 4c-i and 4e).

A list of unconverted assignments (BSN, minutes per week, was/strijk) or of waiting-list
clients without a band (BSN; minutes optional) arrives as CSV or XLSX. Every row is checked
first and the report is stored (``bulklijst_controleren``); only then can it be imported
into meldingen (``bulklijst_importeren``): everything, or, when the user explicitly asks,
only the rows without findings. One transaction, at most once per list.

A BSN that is unknown and a BSN of someone who is not a client of the provider get the
same message, so a list cannot be used to probe who else is a client.
"""

from .lezen import MAX_REGELS, Tabel, lees_bestand
from .services import (
    PRODUCT_CODE,
    bulklijst_controleren,
    bulklijst_importeren,
    bulklijsten_zichtbaar,
    controleer_regels,
    voorbeeld_csv,
)

__all__ = [
    "MAX_REGELS",
    "PRODUCT_CODE",
    "Tabel",
    "bulklijst_controleren",
    "bulklijst_importeren",
    "bulklijsten_zichtbaar",
    "controleer_regels",
    "lees_bestand",
    "voorbeeld_csv",
]
