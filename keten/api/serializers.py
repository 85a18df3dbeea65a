"""Serializers of the messages: a flat list row (plain columns and annotated UUIDs, so a
list costs the same queries for 1 row as for 1000), the detail with retour codes in Dutch,
findings and the assignment versions it carried, and the input of the list filters."""

from __future__ import annotations

from datetime import date

from rest_framework import serializers

from sdd_portal.api.serializers import SyncVelden, uuid_van

from .. import selectors
from ..models import Bericht, Berichtcode, BerichtStatus, Richting, ToewijzingVersie


class BerichtSerializer(SyncVelden, serializers.ModelSerializer):
    client = uuid_van("client_uuid", allow_null=True, help_text="De cliënt (zie /clienten).")
    aanbieder = uuid_van(
        "aanbieder_uuid", allow_null=True, help_text="De zorgaanbieder (zie /aanbieders)."
    )
    heenbericht = uuid_van(
        "heenbericht_uuid",
        allow_null=True,
        help_text="Bij een retourbericht: het bericht waarop het antwoordt.",
    )
    retour = uuid_van(
        "retour_uuid",
        allow_null=True,
        help_text="Het retourbericht op dit bericht, zodra dat er is.",
    )
    termijn = serializers.DateField(
        read_only=True,
        allow_null=True,
        help_text="Uiterste datum waarop de retour verwacht wordt (OP090: drie werkdagen).",
    )

    class Meta:
        model = Bericht
        fields = [
            "uuid",
            "berichtcode",
            "richting",
            "status",
            "afzender",
            "ontvanger",
            "identificatie",
            "dagtekening",
            "client",
            "aanbieder",
            "heenbericht",
            "retour",
            "termijn",
            "sha256",
            "verwerkt_op",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


class RetourcodeSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Retourcode (WJ001).")
    tekst = serializers.CharField(help_text="De betekenis van de code in het Nederlands.")
    niveau = serializers.CharField(help_text="Bericht, Cliënt of Product.")
    toewijzingnummer = serializers.IntegerField(allow_null=True)


class BevindingSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="De regel (bijvoorbeeld TR056) of leeg.")
    tekst = serializers.CharField()


class ToewijzingVersieSerializer(serializers.ModelSerializer):
    toewijzing = uuid_van("toewijzing.uuid")
    reden_wijziging_tekst = serializers.SerializerMethodField(
        help_text="RedenWijziging (WMO002) in het Nederlands."
    )

    class Meta:
        model = ToewijzingVersie
        fields = [
            "toewijzing",
            "toewijzingnummer",
            "vastgesteld_op",
            "ingangsdatum",
            "einddatum",
            "reden_wijziging",
            "reden_wijziging_tekst",
            "productcategorie",
            "productcode",
            "volume",
            "eenheid",
            "frequentie",
        ]
        read_only_fields = fields

    def get_reden_wijziging_tekst(self, versie) -> str:
        return selectors.reden_wijziging_tekst(versie.reden_wijziging)


class BerichtDetailSerializer(BerichtSerializer):
    retourcodes = serializers.SerializerMethodField(
        help_text="De retourcodes: van dit bericht als het een retour is, anders van zijn "
        "retour (leeg zolang die er niet is)."
    )
    bevindingen = serializers.SerializerMethodField(
        help_text="Wat schema, inhoudscontrole en regels over dit bericht zeiden."
    )
    toewijzingversies = ToewijzingVersieSerializer(
        many=True, read_only=True, help_text="De toewijzingen zoals dit bericht ze meegaf."
    )

    class Meta(BerichtSerializer.Meta):
        fields = [*BerichtSerializer.Meta.fields, "retourcodes", "bevindingen", "toewijzingversies"]
        read_only_fields = fields

    def get_retourcodes(self, bericht) -> list[dict]:
        retourbericht = bericht if bericht.heenbericht_id else selectors.retour_van(bericht)
        uit = []
        for groep in selectors.retourcodes_gegroepeerd(retourbericht):
            for code in groep.codes:
                uit.append(
                    {**code, "niveau": groep.niveau, "toewijzingnummer": groep.toewijzingnummer}
                )
        return RetourcodeSerializer(uit, many=True).data

    def get_bevindingen(self, bericht) -> list[dict]:
        return BevindingSerializer(selectors.bevindingen(bericht), many=True).data


def _redelijke_datum(waarde: date) -> None:
    if not date(1900, 1, 1) <= waarde <= date(2999, 12, 31):
        raise serializers.ValidationError("Kies een datum tussen 1900 en 2999.")


def _keuze(naam: str, choices) -> serializers.ChoiceField:
    codes = ", ".join(c for c, _ in choices)
    return serializers.ChoiceField(
        choices=choices,
        required=False,
        error_messages={"invalid_choice": f"Kies {naam} uit: {codes}."},
    )


class BerichtFilterSerializer(serializers.Serializer):
    """The list's query parameters; a wrong value answers 400 naming the parameter."""

    client = serializers.UUIDField(
        required=False,
        error_messages={"invalid": "Geef de UUID van een cliënt (zie /clienten)."},
    )
    aanbieder = serializers.UUIDField(
        required=False,
        error_messages={"invalid": "Geef de UUID van een zorgaanbieder."},
    )
    dagtekening = serializers.DateField(
        required=False,
        validators=[_redelijke_datum],
        error_messages={"invalid": "Vul een geldige dagtekening in (JJJJ-MM-DD)."},
    )
    berichtcode = _keuze("een berichtcode", Berichtcode.choices)
    richting = _keuze("een richting", Richting.choices)
    status = _keuze("een status", BerichtStatus.choices)
