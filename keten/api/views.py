"""The iWmo messages through the API: read-only, scoped by ``visible_to`` (a provider's key
sees its own organisation's messages), every read of a client's message in the access log."""

from __future__ import annotations

from django.db.models import F
from django.http import HttpResponse
from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer

from sdd_portal.api.viewsets import LeesViewSet
from sdd_portal.audit.models import Actie

from ..models import Bericht, Berichtcode, BerichtStatus, Richting
from . import serializers

SYNC_UITLEG = "Oudste wijziging eerst. Gebruik `modifiedSince` en de `next`-link om bij te blijven."

FILTERS = [
    OpenApiParameter("client", OpenApiTypes.UUID, description="Alleen berichten van deze cliënt."),
    OpenApiParameter(
        "aanbieder", OpenApiTypes.UUID, description="Alleen berichten met deze zorgaanbieder."
    ),
    OpenApiParameter(
        "dagtekening", OpenApiTypes.DATE, description="Alleen berichten met deze dagtekening."
    ),
    OpenApiParameter(
        "berichtcode", str, enum=Berichtcode.values, description="Alleen dit soort bericht."
    ),
    OpenApiParameter("richting", str, enum=Richting.values, description="In of uit."),
    OpenApiParameter(
        "status", str, enum=BerichtStatus.values, description="Alleen berichten met deze status."
    ),
]


class XmlRenderer(BaseRenderer):
    """Lets a client ask for ``Accept: application/xml``; errors stay JSON."""

    media_type = "application/xml"
    format = "xml"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return CamelCaseJSONRenderer().render(data, "application/json", renderer_context)


@extend_schema_view(
    list=extend_schema(
        summary="iWmo-berichten",
        description="Berichten van en naar de keten (WMO301, 302, 305, 306, 307, 308) met "
        "status, termijn en retour. Een zorgaanbieder ziet alleen de berichten van de eigen "
        "organisatie. " + SYNC_UITLEG,
        parameters=FILTERS,
    ),
    retrieve=extend_schema(
        summary="Eén iWmo-bericht",
        description="Met de retourcodes in het Nederlands (per niveau en toewijzing), de "
        "bevindingen van schema en regels en de toewijzingsversies die het meegaf.",
    ),
    xml=extend_schema(
        summary="Het XML-bestand van een iWmo-bericht",
        description="Het bericht precies zoals het is geschreven of ontvangen.",
        responses={
            (200, "application/xml"): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="Het XML-bericht."
            )
        },
    ),
)
class BerichtViewSet(LeesViewSet):
    api_resource = "berichten"
    client_veld = "client_id"
    omschrijving = "iWmo-berichten"

    def get_serializer_class(self):
        if self.action == "list":
            return serializers.BerichtSerializer
        return serializers.BerichtDetailSerializer

    def get_queryset(self):
        qs = Bericht.objects.visible_to(self.request.user).annotate(
            client_uuid=F("client__uuid"),
            aanbieder_uuid=F("aanbieder__uuid"),
            heenbericht_uuid=F("heenbericht__uuid"),
            retour_uuid=F("retour__uuid"),
        )
        if self.action == "retrieve":
            qs = qs.prefetch_related("toewijzingversies__toewijzing")
        return qs.defer("xml") if self.action != "xml" else qs

    def filter_queryset(self, queryset):
        invoer = serializers.BerichtFilterSerializer(data=self.request.query_params)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        if "client" in data:
            queryset = queryset.filter(client__uuid=data["client"])
        if "aanbieder" in data:
            queryset = queryset.filter(aanbieder__uuid=data["aanbieder"])
        for veld in ("dagtekening", "berichtcode", "richting", "status"):
            if veld in data:
                queryset = queryset.filter(**{veld: data[veld]})
        return queryset

    @action(detail=True, methods=["get"], renderer_classes=[CamelCaseJSONRenderer, XmlRenderer])
    def xml(self, request, uuid=None):
        self.log_actie = Actie.EXPORTEREN
        bericht = self.get_object()
        self.log_clienten(self._client_ids_van([bericht]))
        naam = f"wmo{bericht.berichtcode}-{bericht.afzender}-{bericht.identificatie}.xml"
        response = HttpResponse(bytes(bericht.xml), content_type="application/xml")
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response
