"""Load the data of a benchmark scale: `manage.py bench_data --schaal region`.

One command for `make bench`, so every scale is built the same way on every machine:

========  ===========================================================================
demo      the demo data (`demo_data`): 300 clients, 13 providers, the five FOT meetings
region    demo + `synthetic_ho` (10,000 clients, 50,000 decisions with meldingen,
          onderzoeken, assignments and plans) + inbox signals + 1,000,000 access-log rows
national  demo + `synthetic_sql` (1,300,000 clients, 5,000,000 decisions with assignments
          and plans) + inbox signals + 30,000,000 access-log rows
========  ===========================================================================

Every step is idempotent: a second run finds the data and adds nothing, so `make bench`
can be run again at once. ``--clients``/``--decisions``/``--toegangslog`` override the sizes.
"""

from __future__ import annotations

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from indicaties.models import Client
from sdd_portal.audit.models import AccessLogEntry
from sdd_portal.meting.feiten import geschatte_rijen
from signalen.models import Signaal
from signalen.synthetic import SYNTHETISCH, signalen_genereren

SCHALEN = {
    # scale: (generator, clients, decisions, access-log rows)
    "demo": (None, 0, 0, 0),
    "region": ("synthetic_ho", 10_000, 50_000, 1_000_000),
    "national": ("synthetic_sql", 1_300_000, 5_000_000, 30_000_000),
}


def geschat_aantal(model) -> int:
    """Rows of a model's table: the planner's estimate for large tables (see
    ``sdd_portal.meting.feiten``), so deciding whether a load already happened costs no
    COUNT(*) over tens of millions of rows."""
    return geschatte_rijen(model._meta.db_table)


class Command(BaseCommand):
    help = (
        "Laad de gegevens van een benchmarkschaal (demo, region, national): demogegevens, "
        "synthetische cliënten met beschikkingen, toewijzingen en plannen, signalen en "
        "toegangslogregels. Een tweede run voegt niets toe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schaal", choices=sorted(SCHALEN), default="demo")
        parser.add_argument("--clients", type=int, help="synthetische cliënten (per schaal)")
        parser.add_argument("--decisions", type=int, help="synthetische beschikkingen")
        parser.add_argument("--toegangslog", type=int, help="synthetische toegangslogregels")

    def handle(self, *args, schaal, clients, decisions, toegangslog, **options):
        generator, std_clients, std_besl, std_log = SCHALEN[schaal]
        clients = std_clients if clients is None else clients
        decisions = std_besl if decisions is None else decisions
        toegangslog = std_log if toegangslog is None else toegangslog
        verbosity = options["verbosity"]
        start = time.perf_counter()
        stappen = {}

        def stap(naam, functie):
            begin = time.perf_counter()
            functie()
            stappen[naam] = round(time.perf_counter() - begin, 1)
            if verbosity:
                self.stdout.write(f"{naam}: {stappen[naam]} s")

        stap("demo_data", lambda: call_command("demo_data", verbosity=verbosity))
        if generator and clients:
            stap(
                generator,
                lambda: call_command(
                    generator, clients=clients, decisions=decisions, verbosity=verbosity
                ),
            )
            if self._heeft_synthetische_signalen():
                if verbosity:
                    self.stdout.write("signalen: al aanwezig, niets toegevoegd")
            else:
                stap("signalen", lambda: signalen_genereren(stdout=self.stdout))
        if toegangslog:
            stap("toegangslog", lambda: self._toegangslog(toegangslog))
        self.stdout.write(
            self.style.SUCCESS(
                f"Schaal {schaal} klaar in {time.perf_counter() - start:.0f} s: "
                f"~{geschat_aantal(Client):,} cliënten, ~{geschat_aantal(Signaal):,} signalen, "
                f"~{geschat_aantal(AccessLogEntry):,} toegangslogregels."
            )
        )

    @staticmethod
    def _heeft_synthetische_signalen() -> bool:
        return Signaal.objects.filter(client__email__endswith=SYNTHETISCH.lstrip("%")).exists()

    def _toegangslog(self, rijen: int) -> None:
        try:
            from sdd_portal.audit.synthetic import toegangslog_genereren
        except ImportError as fout:  # pragma: no cover - shipped together
            raise CommandError("De generator van het toegangslog ontbreekt.") from fout
        aanwezig = geschat_aantal(AccessLogEntry)
        if aanwezig >= rijen * 0.9:
            self.stdout.write(f"toegangslog: al ~{aanwezig:,} regels, niets toegevoegd")
            return
        toegangslog_genereren(rijen - aanwezig, stdout=self.stdout)
