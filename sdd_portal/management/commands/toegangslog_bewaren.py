"""Retention of the access log: an owner job (docs/toegangslog.md, ADR 0012)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from sdd_portal.audit import partities
from sdd_portal.audit.rollen import is_eigenaar


class Command(BaseCommand):
    help = (
        "Bewaartermijn van het toegangslog: koppelt de maandpartities los waarvan alle regels "
        "ouder zijn dan TOEGANGSLOG_BEWAARTERMIJN_MAANDEN en verwijdert ze, na eerst de "
        "partities bij te werken (regels uit DEFAULT naar hun maand). Draait als de "
        "eigenaarsrol (DATABASE_OWNER_URL), bijvoorbeeld maandelijks uit cron of een "
        "Kubernetes CronJob. --proef toont alleen wat zou verdwijnen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--proef", action="store_true", help="niets verwijderen, alleen tonen")

    def handle(self, *args, proef, **options):
        maanden = settings.TOEGANGSLOG_BEWAARTERMIJN_MAANDEN
        if maanden < 1:
            raise CommandError(
                "TOEGANGSLOG_BEWAARTERMIJN_MAANDEN is niet ingesteld (of kleiner dan 1): er is "
                "geen bewaartermijn vastgesteld, dus er wordt niets verwijderd."
            )
        if not partities.is_gepartitioneerd():
            raise CommandError("Het toegangslog is niet gepartitioneerd: draai eerst `migrate`.")
        if not proef and not is_eigenaar():
            raise CommandError(
                "Verwijderen van toegangslogpartities kan alleen als de eigenaarsrol: stel "
                "DATABASE_OWNER_URL in (docs/adr/0012-database-roles.md)."
            )
        try:
            if not proef:
                partities.partities_bijwerken()
            oud = partities.oude_partities(ouder_dan_maanden=maanden)
            if proef or not oud:
                namen = ", ".join(p.naam for p in oud) or "geen"
                self.stdout.write(f"Ouder dan {maanden} maanden: {namen}. Niets verwijderd.")
                return
            weg = partities.partities_verwijderen(ouder_dan_maanden=maanden)
        except DatabaseError as error:
            raise CommandError(f"Bewaren mislukt; er is niets verwijderd ({error}).") from error
        self.stdout.write(
            f"Ouder dan {maanden} maanden, losgekoppeld en verwijderd: {', '.join(weg)}."
        )
