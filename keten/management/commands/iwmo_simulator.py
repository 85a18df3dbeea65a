"""python manage.py iwmo_simulator [--aanbieder AGB] [--fouten] [--tijdelijk]"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from keten.simulator import Simulator
from keten.transport import MapTransport, transport


class Command(BaseCommand):
    help = (
        "Speel de zorgaanbieder: beantwoord de 301-berichten in de exportmap met een 302 en "
        "meld start (305) en stop (307) van de zorg in de importmap."
    )

    def add_arguments(self, parser):
        parser.add_argument("--aanbieder", help="Alleen deze aanbieder spelen (AGB-code).")
        parser.add_argument(
            "--fouten",
            action="store_true",
            help="Fouten injecteren: eerste product van elke 302 afgekeurd, 305 met een "
            "onbekend toewijzingnummer.",
        )
        parser.add_argument(
            "--tijdelijk",
            action="store_true",
            help="Lopende zorg vandaag tijdelijk stoppen (reden 20) in plaats van op de einddatum.",
        )

    def handle(self, *args, aanbieder=None, fouten=False, tijdelijk=False, **options):
        t = transport()
        assert isinstance(t, MapTransport)
        uitkomst = Simulator(
            t,
            aanbieder=aanbieder,
            fouten=fouten,
            tijdelijk=tijdelijk,
            vandaag=timezone.localdate(),
        ).draai()
        self.stdout.write(
            f"{uitkomst.gelezen} toewijzingsberichten gelezen, {uitkomst.retours} retours (302), "
            f"{uitkomst.starts} starts (305) en {uitkomst.stops} stops (307) in "
            f"{t.import_map}."
        )
        for naam in uitkomst.overgeslagen:
            self.stderr.write(f"Overgeslagen (onleesbaar): {naam}")
