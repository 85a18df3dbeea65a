"""Reusable validators for Dutch identifiers, with Dutch messages naming the problem."""

import re

from django.core.exceptions import ValidationError

BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
POSTCODE_RE = re.compile(r"^[1-9][0-9]{3}\s?[A-Za-z]{2}$")


# What people type or paste between the digits of a BSN: spaces (also non-breaking), dots
# and hyphens ("123 456 782", "123.456.782", "123-45-6782").
BSN_SCHEIDING = re.compile(r"[\s.\-]")
BSN_RE = re.compile(r"[0-9]{9}")


def normaliseer_bsn(value) -> str:
    """The one normaliser for every BSN input (registration, search boxes, the access log
    search, bulk lists): drop spaces, dots and hyphens. What remains is checked by
    ``validate_bsn``, which names the problem."""
    return BSN_SCHEIDING.sub("", "" if value is None else str(value))


def is_valid_bsn(value: str) -> bool:
    """The elfproef: nine digits whose weighted sum is divisible by 11; never 000000000."""
    if not isinstance(value, str) or not BSN_RE.fullmatch(value):
        return False
    if value == "000000000":
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value, BSN_WEIGHTS, strict=True))
    return total % 11 == 0


def bsn_fout(value: str) -> ValidationError | None:
    """What is wrong with a (normalised) BSN, precisely: other characters than digits, the
    number of digits, or the elfproef; None when it is a valid BSN."""
    value = value if isinstance(value, str) else ""
    if value and (not value.isascii() or not value.isdigit()):
        return ValidationError(
            "Een BSN bestaat uit precies 9 cijfers; '%(value)s' bevat ook andere tekens dan "
            "cijfers, spaties en punten.",
            code="bsn_format",
            params={"value": value[:20]},
        )
    if len(value) != 9:
        extra = " Begint het nummer met een 0? Vul die dan ook in." if len(value) == 8 else ""
        return ValidationError(
            "Een BSN bestaat uit precies 9 cijfers; u vulde er %(aantal)s in.%(extra)s",
            code="bsn_format",
            params={"aantal": len(value), "extra": extra},
        )
    if not is_valid_bsn(value):
        return ValidationError(
            "Dit BSN bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers.",
            code="bsn_elfproef",
        )
    return None


def validate_bsn(value: str) -> None:
    fout = bsn_fout(value)
    if fout is not None:
        raise fout


def _digits(value: str, length: int, label: str, code: str) -> None:
    if not (isinstance(value, str) and len(value) == length and value.isdigit()):
        raise ValidationError(
            "Een %(label)s bestaat uit precies %(length)s cijfers.",
            code=code,
            params={"label": label, "length": length},
        )


def validate_kvk(value: str) -> None:
    _digits(value, 8, "KvK-nummer", "kvk_format")


def validate_agb(value: str) -> None:
    _digits(value, 8, "AGB-code", "agb_format")


PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{8,18}$")


def validate_telefoon(value: str) -> None:
    digits = re.sub(r"[^0-9]", "", value or "")
    if not PHONE_RE.match(value or "") or not 10 <= len(digits) <= 15:
        raise ValidationError(
            "Een telefoonnummer heeft 10 cijfers, bijvoorbeeld 078 123 45 67 of 06 12345678 "
            "(internationaal met +31).",
            code="telefoon_format",
        )


def normalize_postcode(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def validate_postcode(value: str) -> None:
    if not POSTCODE_RE.match(value or ""):
        raise ValidationError(
            "Een postcode bestaat uit 4 cijfers en 2 letters, bijvoorbeeld 3311 AB.",
            code="postcode_format",
        )
