"""Endpoints of the API itself: ``/ik`` (who is calling) and ``/verwijderingen``, the
tombstones of deleted rows, so a syncing client can mirror the state exactly.

Withdrawals, refusals and ends are state changes: the row stays and its ``status`` and
``gewijzigdOp`` change, so a ``modifiedSince`` sync sees them. Rows that are really
deleted (in Beheer, e.g. a contract entered by mistake) disappear from the lists; their
deletion is read from the history tables (simple-history keeps a '-' record) and listed
here per resource, filtered by what the credential may see.
"""

from __future__ import annotations

from datetime import timedelta

from django.apps import apps
from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from sdd_portal.accounts.roles import aanbieder_id
from sdd_portal.zichtbaarheid import zichtbaarheid_van

from . import registry
from .paginatie import MODIFIED_SINCE, PAGE_SIZE, SyncPaginatie, lees_tijdstip
from .scopes import LEZEN, scope
from .viewsets import ApiViewMixin


def _zichtbare_verwijderingen(user, sleutel, vanaf):
    provider = aanbieder_id(user)
    for item in registry.verwijderbare():
        if not sleutel.heeft_scope(scope(item.scope_resource, LEZEN)):
            continue
        model = apps.get_model(item.model)
        historie = model.history.filter(history_type="-", history_date__gte=vanaf)
        if not item.openbaar:
            # The same rule as reading the live rows: the model's zichtbaarheid declaration
            # (its provider lookup is a plain column, which the history table has too).
            regel = zichtbaarheid_van(model)
            if not regel.ziet_alles(user):
                voorwaarde = None if provider is None else regel.filter_voor_aanbieder(provider)
                if voorwaarde is None:
                    continue
                historie = historie.filter(voorwaarde)
        for uuid, moment in historie.values_list("uuid", "history_date"):
            yield {"resource": item.resource, "uuid": uuid, "verwijderd_op": moment}


class IkSerializer(serializers.Serializer):
    organisatie = serializers.UUIDField(source="organisatie.uuid")
    organisatie_naam = serializers.CharField(source="organisatie.naam")
    sleutel = serializers.CharField(source="naam")
    rollen = serializers.ListField(child=serializers.CharField(), source="gebruiker.rollen")
    scopes = serializers.ListField(child=serializers.CharField())


class VerwijderingSerializer(serializers.Serializer):
    resource = serializers.CharField()
    uuid = serializers.UUIDField()
    verwijderd_op = serializers.DateTimeField()


class IkView(ApiViewMixin, generics.GenericAPIView):
    """Which organisation, roles and scopes this credential has."""

    permission_classes = [IsAuthenticated]
    serializer_class = IkSerializer
    pagination_class = None
    api_resource = "ik"

    @extend_schema(
        summary="Over deze API-sleutel",
        description="Organisatie, rollen en rechten van de sleutel waarmee u belt. "
        "Handig om een nieuwe koppeling te controleren.",
        responses=IkSerializer,
    )
    def get(self, request):
        return Response(IkSerializer(request.auth).data)


class VerwijderingenView(ApiViewMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = VerwijderingSerializer
    pagination_class = None
    api_resource = "verwijderingen"

    @extend_schema(
        summary="Verwijderde gegevens (tombstones)",
        description="Wat sinds `modifiedSince` is verwijderd, per resource, alleen van "
        "resources die uw sleutel mag lezen en rijen die uw organisatie mocht zien. "
        "Intrekkingen en beëindigingen staan hier niet: die zijn statuswijzigingen en "
        "komen mee in de gewone lijst met `modifiedSince`.",
        parameters=[
            OpenApiParameter(
                MODIFIED_SINCE,
                str,
                required=True,
                description="Verwijderd op of na dit tijdstip (ISO 8601).",
            ),
            OpenApiParameter(
                PAGE_SIZE, int, required=False, description="Aantal per pagina (1-1000)."
            ),
        ],
        responses=inline_serializer(
            "Verwijderingen",
            {
                "next": serializers.URLField(allow_null=True),
                "results": VerwijderingSerializer(many=True),
            },
        ),
    )
    def get(self, request):
        waarde = request.query_params.get(MODIFIED_SINCE)
        if not waarde:
            raise ValidationError({MODIFIED_SINCE: ["Geef aan vanaf welk tijdstip (ISO 8601)."]})
        vanaf = lees_tijdstip(waarde, veld=MODIFIED_SINCE)
        grootte = SyncPaginatie()._page_size(request)
        rijen = sorted(
            _zichtbare_verwijderingen(request.user, request.auth, vanaf),
            key=lambda r: (r["verwijderd_op"], r["resource"], str(r["uuid"])),
        )
        volgende = None
        if len(rijen) > grootte:
            grens = rijen[grootte - 1]["verwijderd_op"]
            # Keep every row of the boundary moment on this page; the next page starts
            # strictly after it, so nothing is lost or repeated.
            rijen = [r for r in rijen if r["verwijderd_op"] <= grens]
            volgende = replace_query_param(
                request.build_absolute_uri(),
                MODIFIED_SINCE,
                (grens + timedelta(microseconds=1)).isoformat(),
            )
        return Response(
            {"next": volgende, "results": VerwijderingSerializer(rijen, many=True).data}
        )


urlpatterns = [
    path("ik", IkView.as_view(), name="ik"),
    path("verwijderingen", VerwijderingenView.as_view(), name="verwijderingen"),
]
