"""How the portal writes values in Dutch texts (messages, signals, letters)."""

from __future__ import annotations

from datetime import date


def datum(d: date) -> str:
    """A date as Dutch users read it in a message: ``07-12-2026``."""
    return f"{d:%d-%m-%Y}"
