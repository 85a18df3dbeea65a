"""Transport of iWmo messages: an interface and its folder implementation (ADR 0016).

The portal writes outgoing messages into an export folder that the municipality's exchange
software (or the GGk upload tool) reads, and reads incoming messages from an import folder
that software fills. It never sees the network beyond: an exported message is "klaargezet",
not "verzonden", until its retour arrives.

Exactly once, with no file lost when a worker dies: a reader *claims* a file by renaming it
into ``bezig/`` (a rename is atomic within a file system: of two workers one wins). After
the message is stored and committed it moves to ``verwerkt/``; a file that cannot be read at
all moves to ``mislukt/``. A claim older than ``IWMO_CLAIM_SECONDEN`` belongs to a dead
worker and is taken back; the store's unique SHA-256 for incoming messages makes the second
read of a file that was stored but not moved a no-op.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings

BEZIG = "bezig"
VERWERKT = "verwerkt"
MISLUKT = "mislukt"
MAX_BESTAND = 5 * 1024 * 1024  # an iWmo message for one client is kilobytes, not megabytes


@dataclass(frozen=True)
class Claim:
    """A file this worker holds: its name as delivered and its path under ``bezig/``."""

    naam: str
    pad: Path

    def inhoud(self) -> bytes:
        with self.pad.open("rb") as f:
            return f.read(MAX_BESTAND + 1)


class Transport(Protocol):
    def klaarzetten(self, bestandsnaam: str, xml: bytes) -> None: ...

    def klaarzetten_alle(self, bestanden: list[tuple[str, bytes]]) -> None: ...

    def claimen(self, *, maximaal: int) -> Iterator[Claim]: ...

    def verwerkt(self, claim: Claim) -> None: ...

    def mislukt(self, claim: Claim) -> None: ...


def _veilige_naam(bestandsnaam: str) -> str:
    naam = Path(bestandsnaam).name
    if not naam or naam.startswith(".") or naam != bestandsnaam:
        raise ValueError(f"Ongeldige bestandsnaam {bestandsnaam!r}.")
    return naam


class MapTransport:
    """Export and import folders on a (shared) file system."""

    def __init__(self, export_map: Path, import_map: Path, claim_seconden: int = 600):
        self.export_map = Path(export_map)
        self.import_map = Path(import_map)
        self.claim_seconden = claim_seconden

    def _map(self, *delen: str) -> Path:
        pad = self.import_map.joinpath(*delen)
        pad.mkdir(parents=True, exist_ok=True)
        return pad

    def klaarzetten(self, bestandsnaam: str, xml: bytes) -> None:
        """Write atomically: the exchange software never sees half a file."""
        naam = _veilige_naam(bestandsnaam)
        self.export_map.mkdir(parents=True, exist_ok=True)
        tijdelijk = self.export_map / f".{naam}.{os.getpid()}.tmp"
        with tijdelijk.open("wb") as f:
            f.write(xml)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, self.export_map / naam)

    def klaarzetten_alle(self, bestanden: list[tuple[str, bytes]]) -> None:
        """Place several files at once, each atomically as ``klaarzetten`` does, with the
        same durability for a fraction of the cost: write every temporary file first, then
        fsync them one after the other (the disk takes them in one go instead of one
        journal commit between every write), rename them, and fsync the folder once."""
        if not bestanden:
            return
        self.export_map.mkdir(parents=True, exist_ok=True)
        paren = []
        for bestandsnaam, xml in bestanden:
            naam = _veilige_naam(bestandsnaam)
            tijdelijk = self.export_map / f".{naam}.{os.getpid()}.tmp"
            tijdelijk.write_bytes(xml)
            paren.append((tijdelijk, self.export_map / naam))
        for tijdelijk, _ in paren:
            fd = os.open(tijdelijk, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        for tijdelijk, doel in paren:
            os.replace(tijdelijk, doel)
        fd = os.open(self.export_map, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _oude_claims_terug(self) -> None:
        grens = time.time() - self.claim_seconden
        for pad in self._map(BEZIG).iterdir():
            try:
                if pad.is_file() and pad.stat().st_mtime < grens:
                    os.rename(pad, self.import_map / pad.name)
            except FileNotFoundError:
                continue  # another worker took it back first

    def claimen(self, *, maximaal: int) -> Iterator[Claim]:
        """Claim up to ``maximaal`` new files, oldest name first; lazily, so memory does not
        grow with the folder."""
        self._oude_claims_terug()
        bezig = self._map(BEZIG)
        aantal = 0
        with os.scandir(self.import_map) as entries:
            namen = sorted(e.name for e in entries if e.is_file() and not e.name.startswith("."))
        for naam in namen:
            if aantal >= maximaal:
                return
            doel = bezig / naam
            try:
                os.rename(self.import_map / naam, doel)
            except FileNotFoundError:
                continue  # another worker claimed it
            os.utime(doel)  # the claim's age starts now
            aantal += 1
            yield Claim(naam=naam, pad=doel)

    def _verplaats(self, claim: Claim, submap: str) -> None:
        doel = self._map(submap) / claim.naam
        if doel.exists():
            doel = doel.with_name(f"{doel.stem}.{int(time.time() * 1000)}{doel.suffix}")
        os.replace(claim.pad, doel)

    def verwerkt(self, claim: Claim) -> None:
        self._verplaats(claim, VERWERKT)

    def mislukt(self, claim: Claim) -> None:
        self._verplaats(claim, MISLUKT)


def transport() -> Transport:
    """The configured transport: the folders ``IWMO_EXPORT_MAP`` and ``IWMO_IMPORT_MAP``."""
    return MapTransport(
        Path(settings.IWMO_EXPORT_MAP),
        Path(settings.IWMO_IMPORT_MAP),
        claim_seconden=settings.IWMO_CLAIM_SECONDEN,
    )
