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

from contractbeheer.models import Aanbiedersignaal, Capaciteit, Clientenstop
from contractbeheer.states import StopStatus
from indicaties.models import Client, Toewijzing
from indicaties.selectors import werklijst_aanbieder, werklijst_consulent
from sdd_portal.accounts.models import Organisatie, Rol, User
from sdd_portal.audit.models import AccessLogEntry, Actie, Uitkomst
from sdd_portal.audit.services import log_access

HOME_LIST_SIZE = 10


def _recent_bekeken(user) -> list[Client]:
    """The clients this consulent opened most recently (from the access log)."""
    rows = (
        AccessLogEntry.objects.filter(user=user, actie=Actie.BEKIJKEN, uitkomst=Uitkomst.TOEGESTAAN)
        .exclude(client_ids=[])
        .order_by("-timestamp")
        .values_list("client_ids", flat=True)[:50]
    )
    ordered: list[int] = []
    for ids in rows:
        for client_id in ids:
            if client_id not in ordered:
                ordered.append(client_id)
    ordered = ordered[:HOME_LIST_SIZE]
    clients = Client.objects.visible_to(user).select_related("gemeente").in_bulk(ordered)
    return [clients[i] for i in ordered if i in clients]


@login_required
def home(request):
    user = request.user
    vandaag = timezone.localdate()
    context: dict = {"vandaag": vandaag}
    client_ids: list[int] = []
    if user.has_rol(Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER, Rol.CONTRACTMANAGER):
        from signalen.models import Signaal

        context["postvak"] = list(
            Signaal.objects.ongelezen_voor(user).order_by("-peildatum", "-id")[:HOME_LIST_SIZE]
        )
        client_ids += [s.client_id for s in context["postvak"] if s.client_id]
        from fot.selectors import mijn_actiepunten

        context["fot_acties"] = mijn_actiepunten(user)[:HOME_LIST_SIZE]
    if user.has_rol(Rol.CONSULENT):
        lijst = werklijst_consulent(user)
        context["werk"] = [
            ("plannen te beoordelen", lijst["plannen"].count(), "plannen"),
            (
                f"kortdurende beschikkingen eindigen binnen {lijst['kortdurend_dagen']} dagen "
                "zonder plan",
                lijst["kortdurend"].count(),
                "kort",
            ),
            (
                "onderzoeken naderen de termijn van zes weken",
                lijst["onderzoek"].count(),
                "onderzoek",
            ),
        ]
        context["recent_bekeken"] = _recent_bekeken(user)
        context["starten_binnenkort"] = list(
            Toewijzing.objects.visible_to(user)
            .filter(ingangsdatum__range=(vandaag, vandaag + timedelta(days=14)))
            .select_related("client", "aanbieder", "product")
            .order_by("ingangsdatum", "id")[:HOME_LIST_SIZE]
        )
        client_ids += [c.pk for c in context["recent_bekeken"]]
        client_ids += [t.client_id for t in context["starten_binnenkort"]]
    if user.has_rol(Rol.AANBIEDER_MEDEWERKER):
        from sdd_portal.paginatie import begrensd_aantal

        def _aantal(qs):
            # At national scale a provider can have tens of thousands of rows here; count
            # at most 1,000 and say "meer dan 1.000" beyond that.
            aantal, afgekapt = begrensd_aantal(qs)
            return f"meer dan {aantal:,}".replace(",", ".") if afgekapt else aantal

        lijst = werklijst_aanbieder(user)
        context["werk"] = [
            ("nieuwe toewijzingen", _aantal(lijst["nieuw"]), "nieuw"),
            ("afgewezen plannen", lijst["afgewezen"].count(), "afgewezen"),
            # Newest first: the assignments still waiting for a plan are the recent ones.
            ("ondersteuningsplannen verwacht", _aantal(lijst["verwacht"].reverse()), "verwacht"),
        ]
        zichtbaar = Toewijzing.objects.visible_to(user)
        context["nieuwe_toewijzingen"] = list(
            zichtbaar.select_related("client", "product").order_by("-created_at", "-id")[
                :HOME_LIST_SIZE
            ]
        )
        context["aantal_actief"] = _aantal(
            zichtbaar.actief_op(vandaag).values("client_id").distinct().order_by("client_id")
        )
        # The clients the provider has or had an assignment for: Client.visible_to(user).
        context["aantal_ooit"] = _aantal(
            zichtbaar.values("client_id").distinct().order_by("client_id")
        )
        context["eigen_stops"] = list(
            Clientenstop.objects.filter(aanbieder=user.organisatie)
            .exclude(status__in=[StopStatus.AFGEWEZEN, StopStatus.BEEINDIGD])
            .select_related("product")
            .order_by("-ingangsdatum")[:5]
        )
        context["eigen_capaciteit"] = list(
            Capaciteit.objects.actueel(vandaag)
            .filter(aanbieder=user.organisatie)
            .select_related("product")
            .order_by("-bijgewerkt_op")[:5]
        )
        context["eigen_signalen"] = list(
            Aanbiedersignaal.objects.visible_to(user)
            .select_related("client")
            .order_by("-modified_at", "-id")[:5]
        )
        client_ids += [s.client_id for s in context["eigen_signalen"]]
        client_ids += [t.client_id for t in context["nieuwe_toewijzingen"]]
    if user.has_rol(Rol.CONTRACTMANAGER):
        context["cm_te_doen"] = {
            "stops_aangevraagd": Clientenstop.objects.filter(status=StopStatus.AANGEVRAAGD).count(),
            "heroverweging_verlopen": Clientenstop.objects.heroverweging_verlopen(vandaag).count(),
            "signalen_open": Aanbiedersignaal.objects.open().count(),
        }
        from contractbeheer.selectors import aanbieders_met_tellingen

        context["aanbieders"], tellingen = aanbieders_met_tellingen(
            Organisatie.objects.aanbieders().filter(actief=True).order_by("naam"), vandaag
        )
        context["tellingen_berekend_op"] = tellingen.berekend_op
    if user.has_rol(Rol.FUNCTIONEEL_BEHEERDER):
        context["geweigerd"] = list(
            AccessLogEntry.objects.filter(
                uitkomst=Uitkomst.GEWEIGERD, timestamp__gte=timezone.now() - timedelta(days=7)
            ).order_by("-timestamp")[:HOME_LIST_SIZE]
        )
        context["gebruikers_per_organisatie"] = list(
            User.objects.filter(is_active=True, organisatie__isnull=False)
            .values("organisatie__naam")
            .annotate(aantal=Count("id"))
            .order_by("organisatie__naam")
        )
    if client_ids:
        log_access(
            request=request,
            actie=Actie.BEKIJKEN,
            omschrijving="Startpagina met cliëntenlijsten",
            client_ids=client_ids,
        )
    return render(request, "home.html", context)


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
