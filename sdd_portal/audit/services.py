"""Writing the access log. Every view, export and endpoint that reads client data calls
``log_access``; it is the only place that creates access log rows."""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.conf import settings

from .models import AccessLogEntry, Actie, Uitkomst


def client_model():
    """The model whose ids the log records (``settings.CLIENT_MODEL``, as AUTH_USER_MODEL):
    the core names the domain's client model without importing the domain."""
    return apps.get_model(settings.CLIENT_MODEL)


def client_ip(request) -> str | None:
    # REMOTE_ADDR is the peer; behind a proxy, the proxy must set it (gunicorn
    # --forwarded-allow-ips). X-Forwarded-For is not trusted blindly.
    return request.META.get("REMOTE_ADDR") or None


def log_access(
    *,
    request,
    actie: Actie,
    omschrijving: str,
    client_ids: Iterable[int] = (),
    uitkomst: Uitkomst = Uitkomst.TOEGESTAAN,
    actor=None,
) -> AccessLogEntry:
    """Append one entry. ``actor`` defaults to the request's user (an API client later)."""
    actor = actor if actor is not None else request.user
    organisatie = getattr(actor, "organisatie", None)
    return AccessLogEntry.objects.create(
        user_id=actor.pk if getattr(actor, "is_authenticated", False) else None,
        username=getattr(actor, "username", "") or "(anoniem)",
        organisatie_id=organisatie.pk if organisatie else None,
        organisatie_naam=organisatie.naam if organisatie else "",
        rollen=list(getattr(actor, "rollen", []) or []),
        actie=actie,
        omschrijving=omschrijving[:300],
        client_ids=sorted(set(client_ids)),
        pad=request.get_full_path()[:500],
        ip_adres=client_ip(request),
        uitkomst=uitkomst,
    )
