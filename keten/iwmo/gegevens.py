"""The data the message builders take and the parsers give: plain frozen dataclasses, no ORM.

A builder turns one of these into bytes (``bouw_301`` ...); a parser turns bytes into one of
these (``lees_305`` ...). The chain's services translate between them and the domain models.
Codes are the iWmo codes as strings ("01" minuut, "2" per week, "20" tijdelijk ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Kop:
    """The header every message carries."""

    berichtcode: str  # "301", "305", ... (the builder writes the Vektis code, 414 for a 301)
    afzender: str  # gemeentecode (4 digits) or AGB code (8 digits)
    ontvanger: str
    identificatie: str  # at most 12 characters, unique per message type for the sender (TR056)
    dagtekening: date


@dataclass(frozen=True)
class Clientgegevens:
    bsn: str
    geboortedatum: date
    achternaam: str
    voorvoegsel: str = ""
    voornamen: str = ""
    straat: str = ""
    huisnummer: int | None = None
    huisnummertoevoeging: str = ""
    postcode: str = ""
    woonplaats: str = ""
    telefoon: str = ""
    email: str = ""


@dataclass(frozen=True)
class ToegewezenProduct:
    """One assignment in a 301, as this version tells it."""

    toewijzingnummer: int
    productcategorie: str
    productcode: str  # "" when the category alone is assigned
    vastgesteld_op: datetime  # Toewijzingsdatum and -tijd (local time)
    ingangsdatum: date
    einddatum: date | None = None
    reden_wijziging: str = ""  # WMO002, "" when not changed since first sent
    volume: int | None = None
    eenheid: str = ""  # WJ756
    frequentie: str = ""  # WMO757


@dataclass(frozen=True)
class Bericht301:
    kop: Kop
    client: Clientgegevens
    producten: tuple[ToegewezenProduct, ...]


@dataclass(frozen=True)
class StartProduct:
    toewijzingnummer: int | None
    productcategorie: str
    productcode: str
    toewijzing_ingangsdatum: date | None
    begindatum: date
    status_aanlevering: str  # COD467: "1" nieuw, "3" verwijderen


@dataclass(frozen=True)
class StopProduct:
    toewijzingnummer: int | None
    productcategorie: str
    productcode: str
    toewijzing_ingangsdatum: date | None
    begindatum: date
    einddatum: date
    reden_beeindiging: str  # WMO588
    status_aanlevering: str


@dataclass(frozen=True)
class Bericht305:
    kop: Kop
    bsn: str
    geboortedatum: date
    achternaam: str
    producten: tuple[StartProduct, ...]
    voorvoegsel: str = ""


@dataclass(frozen=True)
class Bericht307:
    kop: Kop
    bsn: str
    geboortedatum: date
    achternaam: str
    producten: tuple[StopProduct, ...]
    voorvoegsel: str = ""


@dataclass(frozen=True)
class Retour:
    """A retour (302, 306, 308) as read: the header codes, the client codes and, per product
    (by its ToewijzingNummer, or its position when it has none), the product codes."""

    kop: Kop  # of the retour itself (its own identification and date)
    heen_identificatie: str  # the identification of the message it answers
    heen_dagtekening: date
    header_codes: tuple[str, ...] = ()
    client_codes: tuple[str, ...] = ()
    product_codes: dict[int, tuple[str, ...]] = field(default_factory=dict)
