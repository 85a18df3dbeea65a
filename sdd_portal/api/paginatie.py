"""Incremental sync: every list is ordered by (modified_at, id) and paged with an opaque
keyset cursor, so a page costs the same at row 100 and at row 1,000,000 and no row is
skipped or repeated when rows change between pages. ``modifiedSince`` starts a sync from
a moment; see docs/api.md for the overlap a client should keep."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

MODIFIED_SINCE = "modifiedSince"
CURSOR = "cursor"
PAGE_SIZE = "pageSize"


def lees_tijdstip(waarde: str, *, veld: str) -> datetime:
    try:
        moment = parse_datetime(waarde.replace(" ", "+")) if waarde else None
    except ValueError:  # well-formed but impossible, e.g. month 13
        moment = None
    if moment is None:
        raise ValidationError(
            {veld: [f"'{waarde}' is geen tijdstip; gebruik ISO 8601, bijv. 2026-01-31T08:00:00Z."]}
        )
    try:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        # In UTC: PostgreSQL refuses odd offsets such as +23:34 that ISO 8601 allows.
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValidationError(
            {veld: [f"'{waarde}' valt buiten het bereik van geldige tijdstippen."]}
        ) from None


class SyncPaginatie(BasePagination):
    page_size = 100
    max_page_size = 1000

    def _page_size(self, request) -> int:
        waarde = request.query_params.get(PAGE_SIZE)
        if waarde in (None, ""):
            return self.page_size
        try:
            grootte = int(waarde)
        except ValueError:
            grootte = 0
        if not 1 <= grootte <= self.max_page_size:
            raise ValidationError(
                {PAGE_SIZE: [f"Kies een paginagrootte van 1 tot en met {self.max_page_size}."]}
            )
        return grootte

    @staticmethod
    def _cursor(request):
        waarde = request.query_params.get(CURSOR)
        if not waarde:
            return None
        try:
            moment, pk = json.loads(base64.urlsafe_b64decode(waarde.encode() + b"==="))
            return lees_tijdstip(moment, veld=CURSOR), int(pk)
        except (ValueError, TypeError, AttributeError, ValidationError):
            raise ValidationError(
                {CURSOR: ["Deze cursor is ongeldig; gebruik de 'next'-link van de vorige pagina."]}
            ) from None

    @staticmethod
    def _maak_cursor(moment: datetime, pk: int) -> str:
        ruw = json.dumps([moment.isoformat(), pk]).encode()
        return base64.urlsafe_b64encode(ruw).decode().rstrip("=")

    @staticmethod
    def _ophalen(qs) -> list:
        """Fetch one page with the joins in the order written: the main table by its
        (modified_at) index first, then one lookup per row for each referenced UUID.
        Letting the planner search every join order of a list with six or more
        references cost 50-60 ms of planning for 1-4 ms of execution (EXPLAIN ANALYZE on
        /beschikkingen); with join_collapse_limit = 1 planning takes 1.5 ms."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL join_collapse_limit = 1")
            return list(qs)

    def paginate_queryset(self, queryset, request, view=None):
        grootte = self._page_size(request)
        qs = queryset.order_by("modified_at", "pk")
        since = request.query_params.get(MODIFIED_SINCE)
        if since is not None:
            qs = qs.filter(modified_at__gte=lees_tijdstip(since, veld=MODIFIED_SINCE))
        cursor = self._cursor(request)
        if cursor:
            moment, pk = cursor
            qs = qs.filter(Q(modified_at__gt=moment) | Q(modified_at=moment, pk__gt=pk))
        rijen = self._ophalen(qs[: grootte + 1])
        self.request = request
        self.volgende = None
        if len(rijen) > grootte:
            rijen = rijen[:grootte]
            laatste = rijen[-1]
            if isinstance(laatste, dict):  # a values() queryset
                self.volgende = self._maak_cursor(laatste["modified_at"], laatste["id"])
            else:
                self.volgende = self._maak_cursor(laatste.modified_at, laatste.pk)
        return rijen

    def get_next_link(self):
        if self.volgende is None:
            return None
        return replace_query_param(self.request.build_absolute_uri(), CURSOR, self.volgende)

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "De volgende pagina; leeg op de laatste pagina.",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": MODIFIED_SINCE,
                "in": "query",
                "required": False,
                "description": "Alleen wat op of na dit tijdstip is gewijzigd (ISO 8601).",
                "schema": {"type": "string", "format": "date-time"},
            },
            {
                "name": CURSOR,
                "in": "query",
                "required": False,
                "description": "De cursor uit de 'next'-link van de vorige pagina.",
                "schema": {"type": "string"},
            },
            {
                "name": PAGE_SIZE,
                "in": "query",
                "required": False,
                "description": f"Aantal per pagina (1-{self.max_page_size}, standaard "
                f"{self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]
