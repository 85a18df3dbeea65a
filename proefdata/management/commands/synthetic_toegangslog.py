"""Synthetic access-log rows for the benchmark scales (see proefdata/synthetisch/toegangslog.py)."""

from django.core.management.base import BaseCommand, CommandError

from proefdata.synthetisch.toegangslog import BATCH, toegangslog_genereren


class Command(BaseCommand):
    help = (
        "Voeg synthetische toegangslogregels toe (eerst `manage.py demo_data`, eventueel "
        "`synthetic_ho`): bekeken, gezocht, gedownload enz. door de bestaande gebruikers over "
        "de bestaande cliënten, verspreid over de laatste --maanden maanden (kantooruren, "
        "vooral werkdagen). Set-based in PostgreSQL (INSERT ... SELECT), daarna VACUUM "
        "(ANALYZE). Regio: --rijen 1000000, landelijk: --rijen 30000000. Elke run voegt toe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rijen", type=int, default=1_000_000)
        parser.add_argument("--maanden", type=int, default=24)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch", type=int, default=BATCH, help="regels per INSERT")
        indexen = parser.add_mutually_exclusive_group()
        indexen.add_argument(
            "--indexen-herbouwen",
            dest="indexen_herbouwen",
            action="store_true",
            default=None,
            help="indexen weghalen tijdens het laden en daarna opnieuw bouwen",
        )
        indexen.add_argument(
            "--indexen-houden", dest="indexen_herbouwen", action="store_false", default=None
        )

    def handle(self, *args, rijen, maanden, seed, batch, indexen_herbouwen, **options):
        try:
            toegangslog_genereren(
                rijen,
                maanden=maanden,
                seed=seed,
                batch=batch,
                indexen_herbouwen=indexen_herbouwen,
                stdout=self.stdout,
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
