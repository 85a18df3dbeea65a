"""The base of every API view: credential, scopes, visibility, access log, ETags,
idempotent POSTs and the throttle. A resource's view only names its queryset,
serializer, resource code and where its client is."""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.utils.http import parse_etags
from rest_framework import exceptions, mixins, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle

from sdd_portal.audit.models import Actie, Uitkomst
from sdd_portal.audit.services import log_access, weigering_loggen

from . import idempotentie
from .authentication import SleutelAuthenticatie
from .paginatie import SyncPaginatie
from .permissions import HeeftScope
from .serializers import kolommen, snel_serialiseren


class SleutelThrottle(SimpleRateThrottle):
    """One budget per credential (per IP address before authentication)."""

    scope = "api"

    def get_cache_key(self, request, view):
        sleutel = getattr(request, "auth", None)
        ident = getattr(sleutel, "sleutel_id", None) or self.get_ident(request)
        return f"throttle_api_{ident}"


def etag_van(data) -> str:
    ruw = json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True).encode()
    return f'"{hashlib.sha256(ruw).hexdigest()[:32]}"'


def _nul_tekens(waarde, pad: str):
    """Paths of strings with a NUL character (PostgreSQL cannot store or compare them)."""
    if isinstance(waarde, str):
        if "\x00" in waarde:
            yield pad
    elif isinstance(waarde, dict):
        for sleutel, item in waarde.items():
            yield from _nul_tekens(item, f"{pad}.{sleutel}" if pad else str(sleutel))
    elif isinstance(waarde, list | tuple):
        for index, item in enumerate(waarde):
            yield from _nul_tekens(item, f"{pad}.{index}")


def _weiger_nul_tekens(request) -> None:
    """Refuse NUL characters anywhere in the query or the body with a 400 naming the field,
    before any service or query sees them (they would otherwise end in a database error)."""
    velden = list(_nul_tekens(dict(request.query_params.lists()), ""))
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        data = request.data
        if hasattr(data, "lists"):
            data = {k: [v for v in vs if isinstance(v, str)] for k, vs in data.lists()}
        velden += list(_nul_tekens(data, ""))
    if velden:
        raise exceptions.ValidationError(
            {veld: ["Het teken NUL (\\x00) is niet toegestaan."] for veld in velden}
        )


class VoorwaardeMislukt(exceptions.APIException):
    status_code = 412
    default_code = "precondition_failed"
    default_detail = (
        "If-Match: deze gegevens zijn intussen gewijzigd. Haal ze opnieuw op en probeer het "
        "dan opnieuw."
    )


class ApiViewMixin:
    authentication_classes = [SleutelAuthenticatie]
    permission_classes = [IsAuthenticated, HeeftScope]
    throttle_classes = [SleutelThrottle]
    lookup_field = "uuid"
    lookup_value_regex = "[0-9a-f-]{36}"
    pagination_class = SyncPaginatie

    api_resource: str = ""
    # Path from a row to its client's primary key, for the access log (None: no client data).
    client_veld: str | None = None
    # ORM lookup from a row to its client's primary key, for logging a refused attempt on
    # one row (default: ``client_veld``, when that is a column rather than an annotation).
    client_pad: str | None = None
    # Readable name of what was read, for the access log.
    omschrijving: str = ""

    # -- access log -------------------------------------------------------------------

    def log_clienten(self, ids) -> None:
        self._client_ids = getattr(self, "_client_ids", set()) | {i for i in ids if i}

    def _client_ids_van(self, rijen) -> list[int]:
        if not self.client_veld:
            return []
        ids = []
        for rij in rijen:
            if isinstance(rij, dict):
                ids.append(rij.get(self.client_veld))
                continue
            waarde = rij
            for deel in self.client_veld.split("."):
                waarde = getattr(waarde, deel, None)
            ids.append(waarde)
        return ids

    def _actie(self, request) -> str:
        if request.method not in ("GET", "HEAD"):
            return Actie.WIJZIGEN
        if getattr(self, "action", None) == "list":
            return Actie.ZOEKEN
        return getattr(self, "log_actie", Actie.BEKIJKEN)

    # -- lifecycle --------------------------------------------------------------------

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        _weiger_nul_tekens(request)
        self._idempotent = idempotentie.begin(request, request.auth)

    def handle_exception(self, exc):
        if isinstance(exc, idempotentie.Herhaling):
            verzoek = exc.verzoek
            headers = dict(verzoek.antwoord_headers)
            content_type = headers.pop("Content-Type", None)
            self.log_clienten(headers.pop(idempotentie.CLIENTEN, []))
            headers["Idempotent-Replayed"] = "true"
            return Response(
                verzoek.antwoord,
                status=verzoek.antwoord_status,
                headers=headers,
                content_type=content_type,
            )
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        verzoek = getattr(self, "_idempotent", None)
        if verzoek is not None and response.get("Idempotent-Replayed") is None:
            idempotentie.afronden(verzoek, response, getattr(self, "_client_ids", ()))
        self._log(request, response)
        return response

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            # Another organisation's row answers like one that does not exist; the access
            # log records which object (and client) was tried (see ``_log``).
            self._gezocht = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)
            raise

    def _log(self, request, response) -> None:
        if request.user is None or not request.user.is_authenticated:
            return
        sleutel = request.auth
        omschrijving = (
            f"API ({sleutel.naam}): {request.method} {self.omschrijving or self.api_resource}"
        )
        gezocht = getattr(self, "_gezocht", None)
        if response.status_code == 404 and gezocht is not None:
            weigering_loggen(
                request=request,
                actor=request.user,
                model=self.get_queryset().model,
                uuid=gezocht,
                omschrijving=omschrijving,
                client_pad=self.client_pad or self.client_veld,
                actie=self._actie(request),
            )
            return
        if response.status_code in (401, 403):
            uitkomst = Uitkomst.GEWEIGERD
        elif response.status_code == 404:
            uitkomst = Uitkomst.NIET_GEVONDEN
        else:
            uitkomst = Uitkomst.TOEGESTAAN
        log_access(
            request=request,
            actor=request.user,
            actie=self._actie(request),
            omschrijving=omschrijving,
            client_ids=sorted(getattr(self, "_client_ids", ())),
            uitkomst=uitkomst,
        )

    # -- reading ----------------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        # Plain columns only: fetch dicts instead of model instances (sync throughput).
        extra = [self.client_veld] if self.client_veld else []
        velden = kolommen(self.get_serializer_class(), queryset, extra)
        if velden is not None:
            queryset = queryset.values(*velden)
        pagina = self.paginate_queryset(queryset)
        self.log_clienten(self._client_ids_van(pagina))
        data = snel_serialiseren(self.get_serializer_class(), pagina, self.get_serializer_context())
        return self.get_paginated_response(data)

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        self.log_clienten(self._client_ids_van([instance]))
        return self.detail_response(instance)

    def detail_response(self, instance, *, status: int = 200, headers=None) -> Response:
        data = self.get_serializer(instance).data
        etag = etag_van(data)
        headers = {**(headers or {}), "ETag": etag}
        if status == 200 and etag in parse_etags(self.request.headers.get("If-None-Match", "")):
            return Response(status=304, headers=headers)
        return Response(data, status=status, headers=headers)

    def controleer_if_match(self, instance) -> None:
        """Optimistic locking for writes: with If-Match, refuse when the row changed."""
        waarde = self.request.headers.get("If-Match")
        if not waarde:
            return
        huidig = etag_van(self.get_serializer(instance).data)
        if waarde.strip() != "*" and huidig not in parse_etags(waarde):
            raise VoorwaardeMislukt()

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["actor"] = self.request.user
        return context


class LeesViewSet(
    ApiViewMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """A synced, read-only resource: list (cursor, modifiedSince) and detail (ETag)."""


def api_versie() -> str:
    return settings.API_VERSION
