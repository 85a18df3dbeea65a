"""Show and maintain the monthly partitions of the access log (docs/toegangslog.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

from sdd_portal.audit import partities


def _grootte(aantal_bytes: int) -> str:
    for eenheid in ("B", "kB", "MB", "GB"):
        if aantal_bytes < 1024 or eenheid == "GB":
            return (
                f"{aantal_bytes:.0f} {eenheid}"
                if eenheid == "B"
                else f"{aantal_bytes:.1f} {eenheid}"
            )
        aantal_bytes /= 1024
    return ""


class Command(BaseCommand):
    help = (
        "Toon de maandpartities van het toegangslog met het geschatte aantal regels. "
        "--bijwerken maakt de partities tot TOEGANGSLOG_PARTITIES_VOORUIT maanden vooruit en "
        "verplaatst regels uit de DEFAULT-partitie (wat de dagelijkse taak ook doet). "
        "Bewaartermijn: --ouder-dan-maanden N toont de partities waarvan alle regels ouder "
        "zijn dan N maanden; alleen met --verwijderen worden ze losgekoppeld en verwijderd."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bijwerken", action="store_true")
        parser.add_argument("--vooruit", type=int, default=None, help="maanden vooruit")
        parser.add_argument("--ouder-dan-maanden", type=int, default=None)
        parser.add_argument("--verwijderen", action="store_true")

    def handle(self, *args, bijwerken, vooruit, ouder_dan_maanden, verwijderen, **options):
        if not partities.is_gepartitioneerd():
            raise CommandError("Het toegangslog is niet gepartitioneerd: draai eerst `migrate`.")
        if verwijderen and ouder_dan_maanden is None:
            raise CommandError("--verwijderen werkt alleen samen met --ouder-dan-maanden N.")
        try:
            if bijwerken:
                nieuw = partities.partities_bijwerken(vooruit=vooruit)
                self.stdout.write(
                    f"Nieuwe partities: {', '.join(nieuw)}."
                    if nieuw
                    else "Alle partities bestaan al."
                )
            if ouder_dan_maanden is not None:
                self._bewaartermijn(ouder_dan_maanden, verwijderen=verwijderen)
        except OperationalError as error:
            raise CommandError(
                f"De tabel is bezet; probeer het later opnieuw ({error})."
            ) from error
        except ValueError as error:
            raise CommandError(str(error)) from error
        self._tonen()

    def _bewaartermijn(self, maanden: int, *, verwijderen: bool) -> None:
        oud = partities.oude_partities(ouder_dan_maanden=maanden)
        if not oud:
            self.stdout.write(f"Geen partities met alleen regels ouder dan {maanden} maanden.")
        elif verwijderen:
            weg = partities.partities_verwijderen(ouder_dan_maanden=maanden)
            self.stdout.write(f"Losgekoppeld en verwijderd: {', '.join(weg)}.")
        else:
            self.stdout.write(
                f"Ouder dan {maanden} maanden ({len(oud)} partities, samen ongeveer "
                f"{sum(p.rijen or 0 for p in oud):,} regels): {', '.join(p.naam for p in oud)}. "
                "Niets verwijderd; voeg --verwijderen toe om ze los te koppelen en te verwijderen."
            )

    def _tonen(self) -> None:
        lijst = partities.partities()
        self.stdout.write(f"{'Partitie':<32} {'Regels (schatting)':>20} {'Grootte':>10}  Grenzen")
        for p in lijst:
            rijen = "?" if p.rijen is None else f"{p.rijen:,}"
            self.stdout.write(f"{p.naam:<32} {rijen:>20} {_grootte(p.bytes):>10}  {p.grenzen}")
        totaal = sum(p.rijen or 0 for p in lijst)
        self.stdout.write(f"{len(lijst)} partities, ongeveer {totaal:,} regels.")
