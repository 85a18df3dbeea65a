from django.db.models import F
from drf_spectacular.utils import extend_schema, extend_schema_view

from sdd_portal.api.viewsets import LeesViewSet

from ..models import Toewijzing
from . import serializers


@extend_schema_view(
    list=extend_schema(
        summary="Toewijzingen",
        description="Toewijzingen die uw organisatie mag zien, oudste wijziging eerst. "
        "Gebruik `modifiedSince` en de `next`-link om bij te blijven.",
    ),
    retrieve=extend_schema(summary="Eén toewijzing"),
)
class ToewijzingViewSet(LeesViewSet):
    api_resource = "toewijzingen"
    client_veld = "client_id"
    serializer_class = serializers.ToewijzingSerializer

    def get_queryset(self):
        return Toewijzing.objects.visible_to(self.request.user).annotate(
            client_uuid=F("client__uuid"),
            aanbieder_uuid=F("aanbieder__uuid"),
            product_code=F("product__code"),
            beschikking_uuid=F("beschikking__uuid"),
            bandbreedte_uuid=F("bandbreedte__uuid"),
        )
