from rest_framework import serializers

from sdd_portal.api.serializers import SyncVelden, uuid_van

from ..models import Signaal
from ..services import MAX_NOTITIE

# (app_label, model) of a signal's subject -> the API resource that holds it.
ONDERWERP_RESOURCES: dict[tuple[str, str], str | None] = {
    ("indicaties", "beschikking"): "beschikkingen",
    ("indicaties", "toewijzing"): "toewijzingen",
    ("indicaties", "ondersteuningsplan"): "ondersteuningsplannen",
    ("contractbeheer", "clientenstop"): "clientenstops",
    ("contractbeheer", "mandaat"): None,
    ("fot", "actiepunt"): "actiepunten",
}


class SignaalOnderwerpSerializer(serializers.Serializer):
    resource = serializers.SerializerMethodField(
        help_text="De API-resource van het onderwerp, bijv. 'toewijzingen'; leeg als het "
        "onderwerp (nog) niet via de API te lezen is."
    )
    uuid = uuid_van("onderwerp_uuid", allow_null=True, help_text="Het onderwerp zelf.")

    def get_resource(self, signaal) -> str | None:
        return ONDERWERP_RESOURCES.get((signaal.onderwerp_app, signaal.onderwerp_model))


class SignaalSerializer(SyncVelden, serializers.ModelSerializer):
    client = uuid_van(
        "client_uuid", allow_null=True, help_text="De cliënt, als het signaal over één cliënt gaat."
    )
    onderwerp = SignaalOnderwerpSerializer(source="*", read_only=True)
    vervaldatum = serializers.DateField(
        source="peildatum",
        read_only=True,
        help_text="De datum waarop dit signaal verschuldigd was.",
    )
    gelezen = serializers.BooleanField(
        source="is_gelezen", read_only=True, help_text="Of deze API-sleutel het signaal las."
    )
    notitie = serializers.CharField(
        source="sluitnotitie", read_only=True, help_text="De notitie bij het sluiten."
    )

    class Meta:
        model = Signaal
        fields = [
            "uuid",
            "soort",
            "ontvanger",
            "titel",
            "tekst",
            "client",
            "onderwerp",
            "vervaldatum",
            "status",
            "gelezen",
            "gesloten_op",
            "notitie",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


class AfhandelenSerializer(serializers.Serializer):
    notitie = serializers.CharField(
        max_length=MAX_NOTITIE,
        help_text="Wat er gedaan is; collega's zien dit bij het gesloten signaal.",
        error_messages={
            "required": "Schrijf kort wat u gedaan heeft; dat ziet een collega later terug.",
            "blank": "Schrijf kort wat u gedaan heeft; dat ziet een collega later terug.",
            "null": "Schrijf kort wat u gedaan heeft; dat ziet een collega later terug.",
            "max_length": f"De notitie is te lang: hooguit {MAX_NOTITIE} tekens.",
        },
    )
