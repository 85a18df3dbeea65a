"""Home page per role and the health endpoint."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from sdd_portal.accounts.models import Rol, User
from sdd_portal.audit.models import AccessLogEntry, Actie, Uitkomst
from sdd_portal.audit.services import log_access
from sdd_portal.startpagina import HOME_LIST_SIZE, Paneelinhoud, inhoud_voor, registreer


@registreer("toegang", rollen={Rol.FUNCTIONEEL_BEHEERDER}, volgorde=90)
def _beheer(user, vandaag) -> Paneelinhoud:
    """Functioneel beheer: refused reads of the last week, users per organisation."""
    return Paneelinhoud(
        context={
            "geweigerd": list(
                AccessLogEntry.objects.filter(
                    uitkomst=Uitkomst.GEWEIGERD,
                    timestamp__gte=timezone.now() - timedelta(days=7),
                ).order_by("-timestamp")[:HOME_LIST_SIZE]
            ),
            "gebruikers_per_organisatie": list(
                User.objects.filter(is_active=True, organisatie__isnull=False)
                .values("organisatie__naam")
                .annotate(aantal=Count("id"))
                .order_by("organisatie__naam")
            ),
        }
    )


@login_required
def home(request):
    """Each app's panels for the user's roles (``sdd_portal.startpagina``)."""
    vandaag = timezone.localdate()
    inhoud = inhoud_voor(request.user, vandaag)
    if inhoud.client_ids:
        log_access(
            request=request,
            actie=Actie.BEKIJKEN,
            omschrijving="Startpagina met cliëntenlijsten",
            client_ids=inhoud.client_ids,
        )
    return render(request, "home.html", {"vandaag": vandaag, **inhoud.context})


def _database_ok() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True, "ok"
    except Exception as exc:  # any failure means "down"; the detail is for operators
        return False, exc.__class__.__name__


def _broker_ok() -> tuple[bool, str]:
    from kombu import Connection

    try:
        with Connection(
            settings.CELERY_BROKER_URL,
            connect_timeout=settings.HEALTHCHECK_TIMEOUT,
            transport_options={"socket_timeout": settings.HEALTHCHECK_TIMEOUT},
        ) as conn:
            conn.ensure_connection(
                max_retries=1, interval_start=0, timeout=settings.HEALTHCHECK_TIMEOUT
            )
        return True, "ok"
    except Exception as exc:
        return False, exc.__class__.__name__


@never_cache
@require_GET
def healthz(request):
    db_ok, db_detail = _database_ok()
    broker_ok, broker_detail = _broker_ok()
    healthy = db_ok and broker_ok
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            "database": {"ok": db_ok, "detail": db_detail},
            "broker": {"ok": broker_ok, "detail": broker_detail},
        },
        status=200 if healthy else 503,
    )


def niet_gevonden(request, exception=None):
    """404: problem+json under /api/, the portal's page elsewhere."""
    if request.path.startswith("/api/"):
        from sdd_portal.api.problemen import api_niet_gevonden

        return api_niet_gevonden(request)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)


def serverfout(request):
    if request.path.startswith("/api/"):
        from sdd_portal.api.problemen import api_serverfout

        return api_serverfout(request)
    from django.views.defaults import server_error

    return server_error(request)
