"""Run the daily jobs for a date: catch-up after an outage, or a demonstration."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Voer de dagelijkse taken uit voor een datum (standaard vandaag) en toon wat er is "
        "aangemaakt. Nog een keer draaien maakt niets dubbel."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", dest="datum", help="datum JJJJ-MM-DD (standaard vandaag)")
        parser.add_argument(
            "--regel", action="append", default=[], help="alleen deze regel (mag vaker)"
        )

    def handle(self, *args, datum=None, regel=(), **options):
        from signalen.regels import REGELS, dagelijkse_taken

        try:
            dag = date.fromisoformat(datum) if datum else timezone.localdate()
        except ValueError as exc:
            raise CommandError(f"--date: '{datum}' is geen datum (JJJJ-MM-DD).") from exc
        onbekend = set(regel) - {r.code for r in REGELS}
        if onbekend:
            raise CommandError(
                f"--regel: onbekend: {', '.join(sorted(onbekend))}. "
                f"Kies uit: {', '.join(r.code for r in REGELS)}."
            )
        if dag > timezone.localdate():
            self.stdout.write(
                f"Let op: {dag:%d-%m-%Y} ligt in de toekomst. Wat nu ontstaat, maakt de "
                "planner daarna niet opnieuw."
            )
        resultaten = dagelijkse_taken(dag, door="beheeropdracht", alleen=regel)
        breedte = max(len(r.naam) for r in resultaten)
        self.stdout.write(f"Dagelijkse taken voor {dag:%d-%m-%Y}:")
        for r in resultaten:
            van = f"na {r.van:%d-%m-%Y}" if r.van else "eerste run"
            self.stdout.write(
                f"  {r.naam:<{breedte}}  peildatum {van} t/m {r.tot:%d-%m-%Y}: "
                f"{r.kandidaten} onderwerpen, {r.signalen} nieuwe signalen, "
                f"{r.brieven} nieuwe brieven ({r.seconden:.2f} s)"
            )
        self.stdout.write(
            f"Totaal: {sum(r.signalen for r in resultaten)} signalen, "
            f"{sum(r.brieven for r in resultaten)} brieven."
        )
