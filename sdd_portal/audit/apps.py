from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from django.db.models.signals import post_migrate


class AuditConfig(AppConfig):
    name = "sdd_portal.audit"
    label = "audit"
    verbose_name = "Toegangslog"

    def ready(self) -> None:
        from . import rollen

        # Once per migrate/flush, after every app: grant the runtime role (ADR 0012).
        post_migrate.connect(rollen.na_migratie, sender=self, dispatch_uid="audit-rollen")
        checks.register(toegangslog_beschermd, checks.Tags.database)


def toegangslog_beschermd(app_configs=None, databases=None, **kwargs):
    """``manage.py check --database default`` (and every deploy check with the database):
    the process's role must not be able to rewrite the access log (ADR 0012). A warning with
    DEBUG on, an error otherwise. Silent for the owner commands (migrate) themselves."""
    if not databases or "default" not in databases or settings.DATABASE_ALS_EIGENAAR:
        return []
    from django.db import connection

    from .rollen import beschermingsprobleem

    try:
        with connection.cursor() as cursor:
            probleem = beschermingsprobleem(cursor)
    except DatabaseError:
        return []  # no database: other checks and the health check say so
    if probleem is None:
        return []
    soort = checks.Warning if settings.DEBUG else checks.Error
    return [
        soort(
            f"Het toegangslog is niet beschermd tegen herschrijven: {probleem}.",
            hint="Laat DATABASE_URL een runtime-rol zonder eigendom noemen en draai migrate "
            "als eigenaar via DATABASE_OWNER_URL (docs/adr/0012-database-roles.md).",
            id="audit.E001" if soort is checks.Error else "audit.W001",
        )
    ]
