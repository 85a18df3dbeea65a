import uuid

from django.db.models import F
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import ValidationError

from sdd_portal.api.viewsets import LeesViewSet

from ..models import Bandbreedte, Product
from . import serializers


@extend_schema_view(
    list=extend_schema(
        summary="Producten",
        description="Alle producten (maatwerkvoorzieningen) met hun iWmo-codes, oudste "
        "wijziging eerst. Gebruik `modifiedSince` en de `next`-link om bij te blijven.",
    ),
    retrieve=extend_schema(summary="Eén product"),
)
class ProductViewSet(LeesViewSet):
    api_resource = "producten"
    serializer_class = serializers.ProductSerializer
    queryset = Product.objects.all()


PRODUCT_FILTER = OpenApiParameter(
    "product",
    OpenApiTypes.UUID,
    description="Alleen de bandbreedtes van dit product (UUID).",
)


@extend_schema_view(
    list=extend_schema(
        summary="Bandbreedtes",
        description="Bandbreedtes (minuten per week) per product en normenkaderversie, oudste "
        "wijziging eerst. Gebruik `modifiedSince` en de `next`-link om bij te blijven.",
        parameters=[PRODUCT_FILTER],
    ),
    retrieve=extend_schema(summary="Eén bandbreedte"),
)
class BandbreedteViewSet(LeesViewSet):
    api_resource = "producten"
    omschrijving = "bandbreedtes"
    serializer_class = serializers.BandbreedteSerializer

    def get_queryset(self):
        return Bandbreedte.objects.annotate(
            product_uuid=F("product__uuid"),
            product_code_=F("product__code"),
            normenkader_versie=F("normenkader__versie"),
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        product = self.request.query_params.get("product")
        if product:
            try:
                queryset = queryset.filter(product__uuid=uuid.UUID(product))
            except ValueError:
                raise ValidationError({"product": ["Geef de UUID van een product."]}) from None
        return queryset
