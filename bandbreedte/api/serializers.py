from rest_framework import serializers

from sdd_portal.api.serializers import SyncVelden, uuid_van

from ..models import Bandbreedte, Product


class ProductSerializer(SyncVelden, serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = [
            "uuid",
            "code",
            "naam",
            "productcategorie",
            "productcode",
            "eenheid",
            "frequentie",
            "uitvoeringsvariant",
            "geldig_van",
            "geldig_tot",
            "kortdurend_weken",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


class BandbreedteSerializer(SyncVelden, serializers.ModelSerializer):
    product = uuid_van("product_uuid", help_text="Het product (zie /producten/{uuid}).")
    product_code = serializers.CharField(
        source="product_code_", read_only=True, help_text="De productcode in het portaal."
    )
    normenkader = serializers.CharField(
        source="normenkader_versie", read_only=True, help_text="De normenkaderversie."
    )

    class Meta:
        model = Bandbreedte
        fields = [
            "uuid",
            "product",
            "product_code",
            "normenkader",
            "code",
            "naam",
            "min_minuten",
            "max_minuten",
            "geldig_van",
            "geldig_tot",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields
