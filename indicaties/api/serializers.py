from rest_framework import serializers

from sdd_portal.api.serializers import SyncVelden, uuid_van

from ..models import Toewijzing


class ToewijzingSerializer(SyncVelden, serializers.ModelSerializer):
    client = uuid_van("client_uuid", help_text="De cliënt (zie /clienten/{uuid}).")
    aanbieder = uuid_van("aanbieder_uuid", help_text="De zorgaanbieder (zie /aanbieders/{uuid}).")
    product = serializers.CharField(source="product_code", read_only=True)
    beschikking = uuid_van("beschikking_uuid", allow_null=True)
    bandbreedte = uuid_van("bandbreedte_uuid", allow_null=True)

    class Meta:
        model = Toewijzing
        fields = [
            "uuid",
            "client",
            "aanbieder",
            "product",
            "beschikking",
            "bandbreedte",
            "ingangsdatum",
            "einddatum",
            "volume",
            "eenheid",
            "frequentie",
            "start_zorg",
            "gezien_op",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields
