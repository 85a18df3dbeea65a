"""Writing the access log. Every view, export and endpoint that reads client data calls
``log_access``; it is the only place that creates access log rows."""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404

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


def weigering_loggen(
    *,
    request,
    model,
    uuid,
    omschrijving: str,
    client_pad: str | None = None,
    actie: Actie = Actie.BEKIJKEN,
    actor=None,
) -> AccessLogEntry:
    """Log an attempt on the ``model`` row with ``uuid`` that the visibility rule refused.

    The one way every refusal is logged, in the browser and the API alike: when the row
    exists the entry says 'geweigerd' and names the object (its kind and uuid) and, through
    ``client_pad`` (an ORM lookup such as ``"client_id"`` or ``"toewijzing__client_id"``;
    None for rows without a client), the client that was tried; a row that does not exist
    is 'niet gevonden'. The answer to the user is the same 404 either way, so it reveals
    nothing; only the log knows the difference.
    """
    naam = model._meta.verbose_name
    try:
        rij = model._default_manager.filter(uuid=uuid).values_list("pk", client_pad or "pk").first()
    except (ValidationError, ValueError):  # not a UUID: nothing can exist under it
        rij = None
    if rij is None:
        return log_access(
            request=request,
            actor=actor,
            actie=actie,
            omschrijving=f"{omschrijving}: {naam} {str(uuid)[:40]} bestaat niet",
            uitkomst=Uitkomst.NIET_GEVONDEN,
        )
    client_id = rij[1] if client_pad else None
    return log_access(
        request=request,
        actor=actor,
        actie=actie,
        omschrijving=f"{omschrijving}: {naam} {uuid} geweigerd",
        client_ids=[client_id] if client_id else [],
        uitkomst=Uitkomst.GEWEIGERD,
    )


def zichtbaar_of_404(
    zichtbaar,
    *,
    request,
    uuid,
    omschrijving: str,
    client_pad: str | None = None,
    actie: Actie = Actie.BEKIJKEN,
    melding: str = "Dit bestaat niet of u heeft er geen toegang toe.",
):
    """The row with ``uuid`` from ``zichtbaar`` (a queryset already narrowed by the
    visibility rule, ``Model.objects.visible_to(user)``); otherwise the attempt is logged by
    ``weigering_loggen`` and the answer is 404 with ``melding``. A successful read is not
    logged here: the caller logs it when the row holds client data."""
    try:
        return zichtbaar.get(uuid=uuid)
    except (zichtbaar.model.DoesNotExist, ValidationError, ValueError):
        weigering_loggen(
            request=request,
            model=zichtbaar.model,
            uuid=uuid,
            omschrijving=omschrijving,
            client_pad=client_pad,
            actie=actie,
        )
        raise Http404(melding) from None
