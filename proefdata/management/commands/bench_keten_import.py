"""Benchmark the import of incoming iWmo messages: ``manage.py bench_keten_import --aantal
10000``.

Builds (once, idempotent) a bench provider with ``aantal / 2`` clients, each with a running
assignment under a definitive decision, writes a 305 (start) and a 307 (definitive stop) per
assignment into a fresh import folder, then times the pick-up task (``berichten_ophalen``,
500 files per run, as beat would) until the folder is empty: each file validated (XSD and,
when ``IWMO_REGELS_XSL`` names it, the official stylesheet), applied through the domain
services and answered with a 306/308 in the export folder. Prints messages per second and the
process's peak resident memory; run it once with 1,000 and once with 10,000 to compare (the
import streams file by file, so the peak does not grow with the folder).
"""

from __future__ import annotations

import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from bandbreedte.models import Bandbreedte, Normenkader, Product
from indicaties.models import Beschikking, Client, Gemeente, Ondersteuningsplan, Toewijzing
from indicaties.states import PlanStatus
from keten.iwmo.bouwen import bouw_305, bouw_307
from keten.iwmo.gegevens import Bericht305, Bericht307, Kop, StartProduct, StopProduct
from keten.models import Bericht
from sdd_portal.accounts.models import Organisatie, Rol, User

from .demo_data import demo_bsns
from .synthetic_ho import PDF_NAAM, synthetisch_pdf

AGB = "99999001"
BATCH = 1000


def _piek_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Meet het inlezen van inkomende 305/307-berichten uit de importmap."

    def add_arguments(self, parser):
        parser.add_argument("--aantal", type=int, default=10_000, help="Aantal berichten (even).")
        parser.add_argument(
            "--werkers",
            type=int,
            default=1,
            help="Aantal worker-processen dat tegelijk dezelfde importmap leest.",
        )

    def _gegevens(self, paren: int) -> list[Toewijzing]:
        vandaag = timezone.localdate()
        gemeente, _ = Gemeente.objects.get_or_create(code="0505", defaults={"naam": "Dordrecht"})
        aanbieder = Organisatie.objects.filter(agb_code=AGB).first() or Organisatie.objects.create(
            soort=Organisatie.Soort.AANBIEDER,
            naam="Meetaanbieder keten",
            kvk_nummer="99999001",
            agb_code=AGB,
            straat="Voorstraat",
            huisnummer=1,
            postcode="3311AA",
            plaats="Dordrecht",
        )
        product, _ = Product.objects.get_or_create(
            code="HO",
            defaults={
                "naam": "Huishoudelijke ondersteuning",
                "productcategorie": "01",
                "productcode": "01A01",
            },
        )
        kader, _ = Normenkader.objects.get_or_create(
            versie="Meting keten", defaults={"geldig_van": date(2025, 1, 1)}
        )
        band, _ = Bandbreedte.objects.get_or_create(
            product=product,
            normenkader=kader,
            code="MEET-B3",
            defaults={"min_minuten": 121, "max_minuten": 180, "geldig_van": date(2025, 1, 1)},
        )
        medewerker, _ = User.objects.get_or_create(
            username="meet-keten",
            defaults={
                "organisatie": aanbieder,
                "rollen": [Rol.AANBIEDER_MEDEWERKER],
                "first_name": "Meet",
                "last_name": "Medewerker",
            },
        )
        sha, grootte = synthetisch_pdf()
        bestaand = list(
            Toewijzing.objects.filter(aanbieder=aanbieder)
            .select_related("client", "product")
            .order_by("pk")[:paren]
        )
        bsns = demo_bsns(9000)[3000:]
        ingang = vandaag - timedelta(days=30)
        for begin in range(len(bestaand), paren, BATCH):
            eind = min(begin + BATCH, paren)
            with transaction.atomic():
                clienten = Client.objects.bulk_create(
                    Client(
                        bsn=bsns[i],
                        voornamen="Meet",
                        achternaam=f"Cliënt {i}",
                        geboortedatum=vandaag.replace(year=vandaag.year - 80),
                        straat="Voorstraat",
                        huisnummer=1 + i,
                        postcode="3311AA",
                        woonplaats="Dordrecht",
                        gemeente=gemeente,
                    )
                    for i in range(begin, eind)
                )
                toewijzingen = Toewijzing.objects.bulk_create(
                    Toewijzing(
                        client=c,
                        aanbieder=aanbieder,
                        product=product,
                        bandbreedte=band,
                        ingangsdatum=ingang,
                        einddatum=ingang + timedelta(days=365),
                        volume=150,
                        eenheid="01",
                        frequentie="2",
                        heeft_plan=True,
                    )
                    for c in clienten
                )
                plannen = Ondersteuningsplan.objects.bulk_create(
                    Ondersteuningsplan(
                        toewijzing=t,
                        versie=1,
                        status=PlanStatus.GEACCEPTEERD,
                        minuten_per_week=150,
                        was_strijk=False,
                        ingangsdatum=ingang,
                        einddatum=t.einddatum,
                        verzenddatum=ingang,
                        ondertekenaar=medewerker,
                        bestand=PDF_NAAM,
                        bestandsnaam="ondersteuningsplan.pdf",
                        sha256=sha,
                        grootte=grootte,
                        ingediend_door=medewerker,
                    )
                    for t in toewijzingen
                )
                beschikkingen = Beschikking.objects.bulk_create(
                    Beschikking(
                        client=t.client,
                        product=product,
                        soort=Beschikking.Soort.DEFINITIEF,
                        minuten_per_week=150,
                        bandbreedte=band,
                        ingangsdatum=ingang,
                        einddatum=t.einddatum,
                        verzenddatum=ingang,
                        bezwaartermijn_tot=ingang + timedelta(days=42),
                        aanbieder=aanbieder,
                        ondersteuningsplan=p,
                        ondertekend_door=medewerker,
                    )
                    for t, p in zip(toewijzingen, plannen, strict=True)
                )
                for t, b in zip(toewijzingen, beschikkingen, strict=True):
                    t.beschikking = b
                Toewijzing.objects.bulk_update(toewijzingen, ["beschikking"])
                bestaand += toewijzingen
        return bestaand

    def _schrijf(self, toewijzingen: list[Toewijzing], import_map: Path, run: str) -> int:
        vandaag = timezone.localdate()
        aantal = 0
        for t in toewijzingen:
            c = t.client
            persoon = {"bsn": c.bsn, "geboortedatum": c.geboortedatum, "achternaam": c.achternaam}
            for soort in ("305", "307"):
                identificatie = f"{run}{soort[-1]}{t.pk:07d}"[-12:]
                kop = Kop(soort, AGB, "0505", identificatie, vandaag)
                sleutel = {
                    "toewijzingnummer": t.pk,
                    "productcategorie": t.product.productcategorie,
                    "productcode": t.product.productcode,
                    "toewijzing_ingangsdatum": t.ingangsdatum,
                    "begindatum": t.ingangsdatum,
                    "status_aanlevering": "1",
                }
                if soort == "305":
                    xml = bouw_305(
                        Bericht305(kop=kop, producten=(StartProduct(**sleutel),), **persoon)
                    )
                else:
                    stop = StopProduct(einddatum=vandaag, reden_beeindiging="19", **sleutel)
                    xml = bouw_307(Bericht307(kop=kop, producten=(stop,), **persoon))
                (import_map / f"WMO{soort}_{identificatie}.xml").write_bytes(xml)
                aantal += 1
        return aantal

    def _werkers(self, aantal: int, map_: Path) -> None:
        """``aantal`` processes share the folder, as Celery workers would (claim by rename)."""
        import os
        import subprocess
        import sys

        from django.db import connections

        connections.close_all()
        omgeving = {
            **os.environ,
            "IWMO_IMPORT_MAP": str(map_ / "import"),
            "IWMO_EXPORT_MAP": str(map_ / "export"),
        }
        code = (
            "from keten.tasks import berichten_ophalen\n"
            "while berichten_ophalen.run(maximaal=100): pass"
        )
        processen = [
            subprocess.Popen(  # noqa: S603 (our own interpreter and manage.py, fixed arguments)
                [sys.executable, "manage.py", "shell", "-c", code],
                env=omgeving,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(aantal)
        ]
        for p in processen:
            p.wait()

    def handle(self, *args, aantal: int, werkers: int, **options):
        from indicaties.models import Zorgmelding
        from keten.tasks import berichten_ophalen

        paren = aantal // 2
        self.stdout.write(
            f"DEBUG={settings.DEBUG}; stylesheet: {'aan' if settings.IWMO_REGELS_XSL else 'uit'}"
        )
        t0 = time.perf_counter()
        toewijzingen = self._gegevens(paren)
        # A fresh start for every run: the facts and messages of a previous run go.
        ids = [t.pk for t in toewijzingen]
        Zorgmelding.objects.filter(toewijzing_id__in=ids).delete()
        Toewijzing.objects.filter(pk__in=ids).update(start_zorg=None)
        Bericht.objects.filter(aanbieder__agb_code=AGB).update(heenbericht=None)
        Bericht.objects.filter(aanbieder__agb_code=AGB).delete()
        map_ = Path(tempfile.mkdtemp(prefix="bench_keten_"))
        settings.IWMO_IMPORT_MAP = map_ / "import"
        settings.IWMO_EXPORT_MAP = map_ / "export"
        settings.IWMO_IMPORT_MAP.mkdir(parents=True)
        run = "M"
        geschreven = self._schrijf(toewijzingen, settings.IWMO_IMPORT_MAP, run)
        del toewijzingen
        self.stdout.write(
            f"{geschreven} berichten klaargezet in {time.perf_counter() - t0:.1f} s "
            f"(piek tot nu {_piek_mb():.0f} MB)"
        )
        t1 = time.perf_counter()
        totaal: dict[str, int] = {}
        if werkers > 1:
            self._werkers(werkers, map_)
            totaal = {"verwerkt": len(list((map_ / "import" / "verwerkt").glob("*.xml")))}
        while True:
            tellers = berichten_ophalen.run(maximaal=500)
            if not tellers:
                break
            for k, v in tellers.items():
                totaal[k] = totaal.get(k, 0) + v
        duur = time.perf_counter() - t1
        export = len(list((map_ / "export").glob("*.xml")))
        self.stdout.write(
            f"{sum(totaal.values())} berichten ingelezen in {duur:.1f} s "
            f"({sum(totaal.values()) / duur:.0f}/s): {totaal}; {export} retours in de exportmap; "
            f"piekgeheugen van het proces {_piek_mb():.0f} MB"
        )
