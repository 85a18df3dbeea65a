"""Reusable validators for Dutch identifiers, with Dutch messages naming the problem."""

import re

from django.core.exceptions import ValidationError

BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
POSTCODE_RE = re.compile(r"^[1-9][0-9]{3}\s?[A-Za-z]{2}$")


def is_valid_bsn(value: str) -> bool:
    """The elfproef: nine digits whose weighted sum is divisible by 11; never 000000000."""
    if not isinstance(value, str) or len(value) != 9 or not value.isdigit():
        return False
    if value == "000000000":
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value, BSN_WEIGHTS, strict=True))
    return total % 11 == 0


def validate_bsn(value: str) -> None:
    if not (isinstance(value, str) and len(value) == 9 and value.isdigit()):
        raise ValidationError(
            "Een BSN bestaat uit precies 9 cijfers (u vulde %(value)s in).",
            code="bsn_format",
            params={"value": value},
        )
    if not is_valid_bsn(value):
        raise ValidationError(
            "Dit BSN bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers.",
            code="bsn_elfproef",
        )


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
