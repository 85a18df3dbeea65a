from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sdd_portal.api.serializers import SyncVelden, uuid_van

from ..models import (
    Actiepunt,
    ActieStatus,
    Actieupdate,
    Agendapunt,
    Annotatie,
    Deelname,
    Vergadering,
)


class ActieupdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actieupdate
        fields = ["datum", "tekst"]
        read_only_fields = fields


class ActiepuntSerializer(SyncVelden, serializers.ModelSerializer):
    tafel = serializers.CharField(source="tafel_naam", read_only=True, help_text="De overlegtafel.")
    vergadering = uuid_van(
        "vergadering_uuid", help_text="De vergadering waarin het is afgesproken."
    )
    agendapunt = uuid_van("agendapunt_uuid", allow_null=True)
    eigenaar_organisatie = uuid_van(
        "eigenaar_organisatie_uuid",
        allow_null=True,
        help_text="De organisatie die het uitvoert (zie /aanbieders/{uuid}).",
    )
    eigenaar = serializers.CharField(read_only=True, help_text="De eigenaar(s) in woorden.")
    updates = ActieupdateSerializer(many=True, read_only=True, help_text="Stand van zaken.")

    class Meta:
        model = Actiepunt
        fields = [
            "uuid",
            "tafel",
            "vergadering",
            "agendapunt",
            "nummer",
            "tekst",
            "eigenaar",
            "eigenaar_organisatie",
            "eigenaar_alle_aanbieders",
            "termijn",
            "volgende_vergadering",
            "status",
            "afgerond_op",
            "updates",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


class AgendapuntSerializer(serializers.ModelSerializer):
    uuid = serializers.UUIDField(read_only=True)
    bovenliggend = uuid_van("bovenliggend_uuid", allow_null=True, help_text="Bij een subpunt.")

    class Meta:
        model = Agendapunt
        fields = ["uuid", "bovenliggend", "volgorde", "nummer", "titel", "soort", "notulen"]
        read_only_fields = fields


class DeelnameSerializer(serializers.ModelSerializer):
    organisatie = serializers.CharField(source="organisatie_naam", read_only=True)

    class Meta:
        model = Deelname
        fields = ["organisatie", "naam", "rol", "aanwezig"]
        read_only_fields = fields


class AnnotatieSerializer(serializers.ModelSerializer):
    agendapunt = uuid_van("agendapunt_uuid", allow_null=True)

    class Meta:
        model = Annotatie
        fields = ["datum", "tekst", "agendapunt"]
        read_only_fields = fields


class VergaderingSerializer(SyncVelden, serializers.ModelSerializer):
    tafel = serializers.CharField(source="tafel_naam", read_only=True, help_text="De overlegtafel.")
    agenda = AgendapuntSerializer(many=True, read_only=True, help_text="Agenda met verslag.")
    actiepunten = ActiepuntSerializer(
        many=True, read_only=True, help_text="Actiepunten die in deze vergadering zijn afgesproken."
    )
    deelnemers = DeelnameSerializer(source="deelnames", many=True, read_only=True)
    annotaties = AnnotatieSerializer(
        many=True,
        read_only=True,
        help_text="Aanvullingen en correcties op het vastgestelde verslag.",
    )

    class Meta:
        model = Vergadering
        fields = [
            "uuid",
            "tafel",
            "datum",
            "datum_benaderd",
            "begintijd",
            "eindtijd",
            "locatie",
            "online",
            "voorzitter",
            "notulist",
            "status",
            "vastgesteld_op",
            "gepubliceerd_op",
            "mededelingen_leden",
            "agenda",
            "actiepunten",
            "deelnemers",
            "annotaties",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


@extend_schema_field(
    {
        "type": "string",
        "description": "open, afgerond of vervallen (vervallen: alleen contractmanagement).",
    }
)
class ActieStatusVeld(serializers.ChoiceField):
    """The choice set is documented on Actiepunt; here as plain text, so the schema's enum
    keeps one name."""


class ActieBijwerkenSerializer(serializers.Serializer):
    tekst = serializers.CharField(
        max_length=4000,
        help_text="De stand van zaken.",
        error_messages={
            "required": "Schrijf de stand van zaken op.",
            "blank": "Schrijf de stand van zaken op.",
            "null": "Schrijf de stand van zaken op.",
        },
    )
    status = ActieStatusVeld(
        choices=ActieStatus.choices,
        default=ActieStatus.OPEN,
        help_text="open, afgerond of vervallen (vervallen: alleen contractmanagement).",
        error_messages={"invalid_choice": "Kies open, afgerond of vervallen."},
    )
