"""Rules across messages, which the stylesheet cannot see (they need the history).

Pure functions: the caller fetches the history (earlier identifications, the previous 301 for
the same client and provider) and passes it in.
- TR056: the identification is unique per message type for the sender.
- OP087: a 301 carries every assignment valid on or after its date plus those changed since
  the previous 301; here: every product of the previous 301 that is still current on the new
  message's dagtekening must be in the new one.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from .gegevens import Bericht301, ToegewezenProduct
from .regels import Bevinding, regeltekst
from .retourcodes import AFGEKEURD

RETOURCODE_TR056 = "9056"  # WJ001: Identificatie moet uniek zijn.
#: WMO002 codes that, with Einddatum == Ingangsdatum, mean "deleted" (OP087): 13 Verwijderd,
#: 01 Administratieve correctie (vervallen).
VERWIJDERD = frozenset({"13", "01"})


def tr056(identificatie: str, eerder: Collection[str]) -> list[Bevinding]:
    """TR056: ``identificatie`` must not be among the sender's earlier identifications of this
    message type (``eerder``). Compared as sent: exact, after trimming."""
    if identificatie.strip() not in {e.strip() for e in eerder}:
        return []
    return [
        Bevinding(
            code="TR056",
            tekst=f"{regeltekst('TR056')} Identificatie {identificatie!r} is al eerder gebruikt.",
            locatie="/Bericht/Header/BerichtIdentificatie/Identificatie",
            retourcode=RETOURCODE_TR056,
        )
    ]


def verwijderd(product: ToegewezenProduct) -> bool:
    """Withdrawn from its start: Einddatum == Ingangsdatum with RedenWijziging 13 (or 01)."""
    return product.einddatum == product.ingangsdatum and product.reden_wijziging in VERWIJDERD


def actueel(product: ToegewezenProduct, op: date) -> bool:
    """Still current on ``op``: no end date or one on or after it, and not deleted."""
    return (product.einddatum is None or product.einddatum >= op) and not verwijderd(product)


def op087(nieuw: Bericht301, vorig: Bericht301 | None) -> list[Bevinding]:
    """OP087: every product of ``vorig`` (the previous 301 to the same provider for the same
    client) still current on ``nieuw``'s dagtekening must be in ``nieuw``; one finding per
    missing ToewijzingNummer, in the previous message's order. Raises ValueError when the two
    messages are not for the same client and provider (a programming error)."""
    if vorig is None:
        return []
    if (vorig.client.bsn, vorig.kop.ontvanger) != (nieuw.client.bsn, nieuw.kop.ontvanger):
        raise ValueError("OP087 compares two 301s for the same client and provider.")
    dag = nieuw.kop.dagtekening
    aanwezig = {p.toewijzingnummer for p in nieuw.producten}
    return [
        Bevinding(
            code="OP087",
            tekst=(
                f"{regeltekst('OP087')} ToewijzingNummer {p.toewijzingnummer} uit het vorige "
                "toewijzingsbericht is nog actueel maar ontbreekt."
            ),
            locatie="/Bericht/Client/ToegewezenProducten",
            retourcode=AFGEKEURD,
        )
        for p in dict.fromkeys(vorig.producten)
        if actueel(p, dag) and p.toewijzingnummer not in aanwezig
    ]
