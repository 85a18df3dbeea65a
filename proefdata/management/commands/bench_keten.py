"""Measure the iWmo message layer: build, XSD, stylesheet and total messages per second.

``python manage.py bench_keten [--aantal N] [--vergelijk]`` builds N varied WMO301 messages
(1-3 assignments each) from data (no database), then validates each against the XSD
(libxml2 through lxml) and the official stylesheet (``IWMO_REGELS_XSL``); prints messages per
second per step and for the whole, the peak Python memory of a separate build + check pass
(tracemalloc slows the timed loops, so it runs apart), the cores and load, and whether DEBUG
is on.
``--vergelijk`` also times the first wave's path (xmlschema, pure Python) on the same
messages. Fails (exit 1) when a message has findings or the total misses ``--doel`` (200/s).
"""

from __future__ import annotations

import os
import resource
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path
from random import Random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from keten.iwmo import regels
from keten.iwmo.bouwen import bouw_301
from keten.iwmo.gegevens import Bericht301, Clientgegevens, Kop, ToegewezenProduct
from keten.iwmo.regels import controleer
from keten.iwmo.veilig import lees_xml

PRODUCTEN = [  # (categorie, code, eenheid, frequentie): fitting combinations of iWmo 3.2
    ("01", "01A01", "01", "2"),  # hulp bij het huishouden, minutes per week
    ("07", "07A08", "16", "4"),  # dagbesteding, dagdelen per month
    ("02", "02A03", "04", "6"),  # begeleiding, hours in total within the period
]
BSN = ["999993653", "999990019", "999991887", "999992338", "999995583"]


def berichten(aantal: int, zaad: int = 18) -> list[Bericht301]:
    """``aantal`` varied, valid 301s (fixed seed: the same set every run)."""
    rnd = Random(zaad)  # noqa: S311 (test data, not security)
    uitvoer = []
    for i in range(aantal):
        dag = date(2026, 1, 1) + timedelta(days=rnd.randrange(300))
        producten = []
        for j, (categorie, code, eenheid, frequentie) in enumerate(
            rnd.sample(PRODUCTEN, rnd.randint(1, 3))
        ):
            ingang = dag - timedelta(days=rnd.randrange(60))
            producten.append(
                ToegewezenProduct(
                    toewijzingnummer=i * 3 + j + 1,
                    productcategorie=categorie,
                    productcode=code,
                    vastgesteld_op=datetime.combine(dag, datetime.min.time())
                    + timedelta(seconds=rnd.randrange(3600)),
                    ingangsdatum=ingang,
                    einddatum=ingang + timedelta(days=rnd.randrange(30, 365)),
                    reden_wijziging=rnd.choice(["", "", "04", "05"]),
                    volume=rnd.randint(1, 600),
                    eenheid=eenheid,
                    frequentie=frequentie,
                )
            )
        uitvoer.append(
            Bericht301(
                kop=Kop("301", "0505", f"{98200000 + i % 50:08d}", f"B{i:011d}", dag),
                client=Clientgegevens(
                    bsn=BSN[i % len(BSN)],
                    geboortedatum=date(1930 + i % 60, 1 + i % 12, 1 + i % 28),
                    achternaam=rnd.choice(["Jansen", "de Vries", "Bakker", "Visser"]),
                    voornamen="Anna Maria",
                    straat="Spuiboulevard",
                    huisnummer=1 + i % 300,
                    postcode="3311GR",
                    woonplaats="Dordrecht",
                    telefoon="078 1234567",
                ),
                producten=tuple(producten),
            )
        )
    return uitvoer


def _per_seconde(aantal: int, seconden: float) -> float:
    return aantal / seconden if seconden else float("inf")


class Command(BaseCommand):
    help = "Meet het bouwen en controleren van iWmo-berichten (berichten per seconde)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--aantal", type=int, default=1000, help="aantal berichten")
        parser.add_argument("--doel", type=float, default=200.0, help="berichten/s, totaal")
        parser.add_argument(
            "--vergelijk", action="store_true", help="meet ook de xmlschema-route (eerste golf)"
        )

    def handle(self, *args: object, **opties: object) -> None:
        aantal = int(opties["aantal"])  # type: ignore[call-overload]
        doel = float(opties["doel"])  # type: ignore[arg-type]
        if aantal < 1:
            raise CommandError("--aantal moet minstens 1 zijn.")
        pad = regels.regels_xsl()
        modus = "DEBUG" if settings.DEBUG else "productie"
        self.stdout.write(
            f"bench_keten: {aantal} WMO301-berichten, modus {modus}, stylesheet "
            f"{pad if pad else 'NIET ingesteld (IWMO_REGELS_XSL)'}; {os.cpu_count()} cores, "
            f"belasting vooraf {os.getloadavg()[0]:.2f}"
        )
        gegevens = berichten(aantal)
        # Warm-up: compile the schema and the stylesheet once (per process, cached).
        controleer(bouw_301(gegevens[0]), "301")

        begin = time.perf_counter()
        xmls = [bouw_301(b) for b in gegevens]
        t_bouw = time.perf_counter() - begin

        root_xsd = regels.schema("301")
        begin = time.perf_counter()
        bomen = [lees_xml(x) for x in xmls]
        xsd_fouten = sum(0 if root_xsd.validate(b) else 1 for b in bomen)
        t_xsd = time.perf_counter() - begin

        t_xsl = 0.0
        xsl_fouten = 0
        if pad:
            transformatie = regels._transformatie(pad, pad.stat().st_mtime)
            begin = time.perf_counter()
            for boom in bomen:
                rapport = transformatie(boom).getroot()
                if (
                    rapport is not None
                    and rapport.find(f".//{{{regels.NS_RAPPORT}}}Fout") is not None
                ):
                    xsl_fouten += 1
            t_xsl = time.perf_counter() - begin

        begin = time.perf_counter()
        totaal_fouten = 0
        for b in gegevens:
            if not controleer(bouw_301(b), "301").ok:
                totaal_fouten += 1
        t_totaal = time.perf_counter() - begin
        # Memory apart (tracemalloc slows Python down): one pass of build + controleer that
        # keeps nothing, so the peak should not grow with the number of messages.
        tracemalloc.start()
        for b in gegevens:
            controleer(bouw_301(b), "301")
        _, piek = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        rijen = [
            ("bouwen (bouw_301)", t_bouw),
            ("XSD (lxml/libxml2, incl. parsen)", t_xsd),
        ]
        if pad:
            rijen.append(("stylesheet (lxml/libxslt)", t_xsl))
        rijen.append(("totaal: bouwen + controleer()", t_totaal))
        if opties["vergelijk"]:
            t_xmlschema = self._xmlschema(xmls)
            rijen.append(("XSD eerste golf (xmlschema)", t_xmlschema))
            # The first wave's whole path: build, xmlschema, then the same stylesheet.
            rijen.append(("totaal eerste golf (som)", t_bouw + t_xmlschema + t_xsl))
        self.stdout.write(f"{'stap':<36} {'berichten/s':>12} {'ms/bericht':>11}")
        for naam, seconden in rijen:
            self.stdout.write(
                f"{naam:<36} {_per_seconde(aantal, seconden):>12.0f} "
                f"{1000 * seconden / aantal:>11.3f}"
            )
        self.stdout.write(
            f"piekgeheugen bouwen + controleer (Python, tracemalloc, apart gemeten): "
            f"{piek / 1024:.0f} KiB; piek-RSS van het proces (incl. libxml2): "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
        )
        fouten = xsd_fouten + xsl_fouten + totaal_fouten
        self.stdout.write(f"berichten met bevindingen: {fouten}")
        totaal = _per_seconde(aantal, t_totaal)
        if fouten or totaal < doel:
            raise CommandError(
                f"Niet gehaald: {totaal:.0f} berichten/s (doel {doel:.0f}), "
                f"{fouten} met bevindingen."
            )
        self.stdout.write(
            self.style.SUCCESS(f"gehaald: {totaal:.0f} berichten/s (doel {doel:.0f})")
        )

    def _xmlschema(self, xmls: list[bytes]) -> float:
        import xmlschema

        schema = xmlschema.XMLSchema(str(Path(regels.xsd_pad("301"))))
        begin = time.perf_counter()
        for xml in xmls:
            resource = xmlschema.XMLResource(xml, defuse="always")
            list(schema.iter_errors(resource))
        return time.perf_counter() - begin
