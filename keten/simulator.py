"""A simulator of the provider's side of the chain, for end-to-end runs on one machine with no
network: it reads the 301s the portal placed in the export folder, answers each with a 302,
and reports the start (305) and stop (307) of care into the import folder, as a provider's
software would (docs/adr/0018).

It plays all providers, or one (``aanbieder``: its AGB code). Its memory is a small state file
beside the export folder (``simulator/staat.json``): which assignments it received, started and
stopped; a 301 it answered moves to ``simulator/gelezen/`` (the exchange software takes files
out of the export folder, too). With ``fouten`` it injects errors: the first product of every
302 is refused (9332) and every 305 names an assignment that does not exist (TR019), so the
portal answers with 9019. With ``tijdelijk`` a running care is stopped temporarily (reason 20)
today instead of at the end date.

It uses the same pure builders and parsers as the portal (``keten.iwmo``), never the ORM.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .iwmo.bouwen import berichtsoort, bouw_305, bouw_307, bouw_retour, lees_301
from .iwmo.gegevens import Bericht301, Bericht305, Bericht307, Kop, StartProduct, StopProduct
from .iwmo.retourcodes import GOEDGEKEURD
from .iwmo.veilig import BerichtOnleesbaar
from .transport import MapTransport

GEWEIGERD_301 = "9332"  # WJ001, an error a provider's software may report on a 301
ONBEKEND_NUMMER = 999_999_999  # no assignment has it: the portal answers TR019 (9019)


@dataclass
class Uitkomst:
    gelezen: int = 0
    retours: int = 0
    starts: int = 0
    stops: int = 0
    overgeslagen: list[str] = field(default_factory=list)


def _identificatie() -> str:
    return "S" + secrets.token_hex(6).upper()[:11]


class Simulator:
    def __init__(
        self,
        transport: MapTransport,
        *,
        aanbieder: str | None = None,
        fouten: bool = False,
        tijdelijk: bool = False,
        vandaag: date | None = None,
    ):
        self.transport = transport
        self.aanbieder = aanbieder
        self.fouten = fouten
        self.tijdelijk = tijdelijk
        self.vandaag = vandaag or date.today()
        self.map = Path(transport.export_map).parent / "simulator"
        self.gelezen = self.map / "gelezen"
        self.staat_pad = self.map / "staat.json"

    # -- state: per assignment number what the provider knows and did
    def _staat_lezen(self) -> dict[str, dict]:
        if self.staat_pad.exists():
            return json.loads(self.staat_pad.read_text())
        return {}

    def _staat_schrijven(self, staat: dict) -> None:
        self.map.mkdir(parents=True, exist_ok=True)
        tijdelijk = self.staat_pad.with_suffix(".tmp")
        tijdelijk.write_text(json.dumps(staat, indent=1, sort_keys=True))
        os.replace(tijdelijk, self.staat_pad)

    def _naar_import(self, naam: str, xml: bytes) -> None:
        """Atomically: the portal never claims half a file (dot-files are skipped)."""
        self.transport.import_map.mkdir(parents=True, exist_ok=True)
        tijdelijk = self.transport.import_map / f".{naam}.tmp"
        tijdelijk.write_bytes(xml)
        os.replace(tijdelijk, self.transport.import_map / naam)

    # -- one run
    def draai(self) -> Uitkomst:
        uitkomst = Uitkomst()
        staat = self._staat_lezen()
        self.gelezen.mkdir(parents=True, exist_ok=True)
        export = Path(self.transport.export_map)
        namen = sorted(p.name for p in export.glob("*.xml")) if export.exists() else []
        for naam in namen:
            pad = export / naam
            xml = pad.read_bytes()
            try:
                if berichtsoort(xml) != "301":
                    continue
                bericht = lees_301(xml)
            except BerichtOnleesbaar:
                uitkomst.overgeslagen.append(naam)
                continue
            if self.aanbieder and bericht.kop.ontvanger != self.aanbieder:
                continue
            self._beantwoord(naam, xml, bericht)
            self._onthoud(bericht, staat)
            os.replace(pad, self.gelezen / naam)
            uitkomst.gelezen += 1
            uitkomst.retours += 1
        uitkomst.starts, uitkomst.stops = self._leveren(staat)
        self._staat_schrijven(staat)
        return uitkomst

    def _beantwoord(self, naam: str, xml: bytes, bericht: Bericht301) -> None:
        identificatie = _identificatie()
        producten = dict.fromkeys(range(len(bericht.producten)), (GOEDGEKEURD,))
        if self.fouten and producten:
            producten[0] = (GEWEIGERD_301,)
        retour = bouw_retour(
            xml,
            identificatie=identificatie,
            dagtekening=self.vandaag,
            header_codes=(GOEDGEKEURD,),
            client_codes=(GOEDGEKEURD,),
            product_codes=producten,
        )
        self._naar_import(f"WMO302_{bericht.kop.ontvanger}_{identificatie}.xml", retour)

    def _onthoud(self, bericht: Bericht301, staat: dict) -> None:
        c = bericht.client
        for p in bericht.producten:
            rij = staat.setdefault(str(p.toewijzingnummer), {})
            rij.update(
                aanbieder=bericht.kop.ontvanger,
                gemeente=bericht.kop.afzender,
                bsn=c.bsn,
                geboortedatum=c.geboortedatum.isoformat(),
                achternaam=c.achternaam,
                voorvoegsel=c.voorvoegsel,
                categorie=p.productcategorie,
                code=p.productcode,
                ingangsdatum=p.ingangsdatum.isoformat(),
                einddatum=p.einddatum.isoformat() if p.einddatum else None,
            )

    def _kop(self, code: str, rij: dict) -> Kop:
        return Kop(
            berichtcode=code,
            afzender=rij["aanbieder"],
            ontvanger=rij["gemeente"],
            identificatie=_identificatie(),
            dagtekening=self.vandaag,
        )

    def _leveren(self, staat: dict) -> tuple[int, int]:
        """A 305 for every assignment whose start has come and that has no running care; a
        307 for running care whose end date has come (or today, temporarily)."""
        starts = stops = 0
        for nummer, rij in sorted(staat.items()):
            if self.aanbieder and rij["aanbieder"] != self.aanbieder:
                continue
            ingang = date.fromisoformat(rij["ingangsdatum"])
            eind = date.fromisoformat(rij["einddatum"]) if rij.get("einddatum") else None
            persoon = {
                "bsn": rij["bsn"],
                "geboortedatum": date.fromisoformat(rij["geboortedatum"]),
                "achternaam": rij["achternaam"],
                "voorvoegsel": rij.get("voorvoegsel") or "",
            }
            if rij.get("reden") == "20" and not self.tijdelijk:
                # After a temporary stop the care resumes the next day, with a new start.
                hervat = date.fromisoformat(rij["stop"]) + timedelta(days=1)
                if hervat <= self.vandaag:
                    for sleutel in ("start", "stop", "reden"):
                        rij.pop(sleutel, None)
                    rij["hervat"] = hervat.isoformat()
            if not rij.get("start") and ingang <= self.vandaag:
                begin = date.fromisoformat(rij["hervat"]) if rij.get("hervat") else ingang
                kop = self._kop("305", rij)
                xml = bouw_305(
                    Bericht305(
                        kop=kop,
                        producten=(
                            StartProduct(
                                toewijzingnummer=ONBEKEND_NUMMER if self.fouten else int(nummer),
                                productcategorie=rij["categorie"],
                                productcode=rij["code"],
                                toewijzing_ingangsdatum=ingang,
                                begindatum=begin,
                                status_aanlevering="1",
                            ),
                        ),
                        **persoon,
                    )
                )
                self._naar_import(f"WMO305_{kop.afzender}_{kop.identificatie}.xml", xml)
                rij["start"] = begin.isoformat()
                starts += 1
                continue
            if rij.get("start") and not rij.get("stop"):
                if self.tijdelijk:
                    einde, reden = self.vandaag, "20"
                elif eind is not None and eind <= self.vandaag:
                    einde, reden = eind, "19"
                else:
                    continue
                kop = self._kop("307", rij)
                begin = date.fromisoformat(rij["start"])
                xml = bouw_307(
                    Bericht307(
                        kop=kop,
                        producten=(
                            StopProduct(
                                toewijzingnummer=int(nummer),
                                productcategorie=rij["categorie"],
                                productcode=rij["code"],
                                toewijzing_ingangsdatum=ingang,
                                begindatum=begin,
                                einddatum=max(einde, begin),
                                reden_beeindiging=reden,
                                status_aanlevering="1",
                            ),
                        ),
                        **persoon,
                    )
                )
                self._naar_import(f"WMO307_{kop.afzender}_{kop.identificatie}.xml", xml)
                rij["stop"] = einde.isoformat()
                rij["reden"] = reden
                stops += 1
        return starts, stops
