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
from django.core.management.base import BaseCommand

from indicaties.models import Client
from proefdata.meting.feiten import geschatte_rijen
from proefdata.synthetisch import DOMEIN
from proefdata.synthetisch.signalen import signalen_genereren
from proefdata.synthetisch.toegangslog import toegangslog_genereren
from sdd_portal.audit.models import AccessLogEntry
from signalen.models import Signaal

from . import synthetic_ho, synthetic_sql

SCHALEN = {
    # scale: (generator, clients, decisions, access-log rows)
    "demo": (None, 0, 0, 0),
    "region": ("synthetic_ho", 10_000, 50_000, 1_000_000),
    "national": ("synthetic_sql", 1_300_000, 5_000_000, 30_000_000),
}
MARKER = {"synthetic_ho": synthetic_ho.MARKER, "synthetic_sql": synthetic_sql.MARKER}


def geschat_aantal(model) -> int:
    """Rows of a model's table: the planner's estimate for large tables (see
    ``proefdata.meting.feiten``), so deciding whether a load already happened costs no
    COUNT(*) over tens of millions of rows."""
    return geschatte_rijen(model._meta.db_table)


def al_geladen(generator: str, rijen: int = 0) -> str | None:
    """What a generator step finds of its own data (for the report line), or None when it
    has to run. The clients of ``synthetic_ho``/``synthetic_sql`` by their e-mail domain
    (the commands also refuse a second run themselves), the signals of synthetic clients, and
    the access log by the planner's estimate: 90 % of ``rijen`` counts as loaded."""
    if generator in MARKER:
        aantal = Client.objects.filter(email__endswith=MARKER[generator]).count()
        return f"{aantal:,} synthetische cliënten" if aantal else None
    if generator == "signalen":
        synthetisch = Signaal.objects.filter(client__email__endswith=DOMEIN)
        return "aanwezig" if synthetisch.exists() else None
    if generator == "toegangslog":
        aantal = geschat_aantal(AccessLogEntry)
        return f"~{aantal:,} regels" if aantal >= rijen * 0.9 else None
    raise ValueError(generator)


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

        def stap(naam, functie, geladen: str | None = None):
            """Run and time one step, or say what it found when its data is already there."""
            if geladen:
                self.stdout.write(f"{naam}: al {geladen}, niets toegevoegd")
                return
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
                al_geladen(generator),
            )
            stap(
                "signalen",
                lambda: signalen_genereren(stdout=self.stdout),
                al_geladen("signalen"),
            )
        if toegangslog:
            stap(
                "toegangslog",
                lambda: toegangslog_genereren(
                    toegangslog - geschat_aantal(AccessLogEntry), stdout=self.stdout
                ),
                al_geladen("toegangslog", toegangslog),
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Schaal {schaal} klaar in {time.perf_counter() - start:.0f} s: "
                f"~{geschat_aantal(Client):,} cliënten, ~{geschat_aantal(Signaal):,} signalen, "
                f"~{geschat_aantal(AccessLogEntry):,} toegangslogregels."
            )
        )
