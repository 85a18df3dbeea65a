"""Serializers of the client file: what is read (output) and what an action takes (input).

Output serializers read referenced UUIDs from annotations (see the views' querysets), so a
list costs the same number of queries for 1 row as for 1000. Input serializers only check
the shape of a request; the services check every rule, with the same Dutch messages as
the browser."""

from __future__ import annotations

from datetime import date

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import heeft_sdd_rol
from sdd_portal.api.serializers import SyncVelden, uuid_van

from ..ho.services.beschikkingen import REDENEN_INTREKKING
from ..models import (
    Beschikking,
    Client,
    Melding,
    Ondersteuningsplan,
    Onderzoek,
    RedenBeeindiging,
    RedenWijziging,
    Toewijzing,
)


def _redelijke_datum(waarde):
    if not date(1900, 1, 1) <= waarde <= date(2999, 12, 31):
        raise serializers.ValidationError("Kies een datum tussen 1900 en 2999.")


def _datum(label: str, **kwargs) -> serializers.DateField:
    return serializers.DateField(
        validators=[_redelijke_datum],
        error_messages={
            "invalid": f"Vul een geldige {label} in (JJJJ-MM-DD).",
            "required": f"Vul de {label} in.",
            "null": f"Vul de {label} in.",
        },
        **kwargs,
    )


def _tekst(melding: str, max_length: int, **kwargs) -> serializers.CharField:
    return serializers.CharField(
        max_length=max_length,
        error_messages={
            "required": melding,
            "blank": melding,
            "null": melding,
            "max_length": f"Gebruik hooguit {max_length} tekens.",
        },
        **kwargs,
    )


# ------------------------------------------------------------------------- clients


class ClientSerializer(SyncVelden, serializers.ModelSerializer):
    gemeente = serializers.CharField(
        source="gemeente_code", read_only=True, help_text="CBS-gemeentecode (4 cijfers)."
    )
    consulent = serializers.SerializerMethodField(
        help_text="De consulent van de SDD met de regie; alleen voor sleutels van de SDD, "
        "voor zorgaanbieders altijd leeg."
    )

    class Meta:
        model = Client
        fields = [
            "uuid",
            "bsn",
            "voornamen",
            "voorvoegsel",
            "achternaam",
            "geboortedatum",
            "straat",
            "huisnummer",
            "huisnummertoevoeging",
            "postcode",
            "woonplaats",
            "gemeente",
            "telefoon",
            "email",
            "consulent",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "format": "uuid", "nullable": True})
    def get_consulent(self, client):
        actor = self.context.get("actor")
        if actor is None or not heeft_sdd_rol(actor, Rol.CONSULENT):
            return None
        return getattr(client, "consulent_uuid", None)


# ----------------------------------------------------------------- meldingen


class OnderzoekSerializer(serializers.ModelSerializer):
    bandbreedte = uuid_van("bandbreedte.uuid", allow_null=True)
    bandbreedte_code = serializers.CharField(
        source="bandbreedte.code", read_only=True, allow_null=True
    )

    class Meta:
        model = Onderzoek
        fields = [
            "gespreksdatum",
            "verslagdatum",
            "bevindingen",
            "bandbreedte",
            "bandbreedte_code",
            "berekende_minuten",
            "was_strijk",
            "afgerond_op",
        ]
        read_only_fields = fields


class MeldingSerializer(SyncVelden, serializers.ModelSerializer):
    client = uuid_van("client_uuid", help_text="De cliënt (zie /clienten/{uuid}).")
    product = serializers.CharField(source="product_code", read_only=True)
    aanbieder = uuid_van(
        "aanbieder_uuid", allow_null=True, help_text="De aanbieder die de melding aanleverde."
    )
    onderzoekstermijn = serializers.DateField(
        read_only=True, help_text="Uiterste datum van het onderzoek (zes weken na de melding)."
    )
    onderzoek = OnderzoekSerializer(
        read_only=True, allow_null=True, help_text="Het onderzoek; leeg zolang er geen is."
    )

    class Meta:
        model = Melding
        fields = [
            "uuid",
            "client",
            "product",
            "meldingsdatum",
            "bron",
            "status",
            "omschrijving",
            "aanbieder",
            "opgegeven_minuten",
            "opgegeven_was_strijk",
            "onderzoekstermijn",
            "onderzoek",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


# ------------------------------------------------------------------ decisions


class BeschikkingSerializer(SyncVelden, serializers.ModelSerializer):
    client = uuid_van("client_uuid", help_text="De cliënt (zie /clienten/{uuid}).")
    product = serializers.CharField(source="product_code", read_only=True)
    aanbieder = uuid_van("aanbieder_uuid", help_text="De zorgaanbieder.")
    melding = uuid_van("melding_uuid", allow_null=True)
    bandbreedte = uuid_van("bandbreedte_uuid")
    bandbreedte_code = serializers.CharField(read_only=True)
    ondersteuningsplan = uuid_van(
        "plan_uuid", allow_null=True, help_text="Het geaccepteerde plan (bij een definitieve)."
    )
    vervangt = uuid_van("vervangt_uuid", allow_null=True, help_text="De vorige beschikking.")

    class Meta:
        model = Beschikking
        fields = [
            "uuid",
            "client",
            "product",
            "soort",
            "status",
            "melding",
            "bandbreedte",
            "bandbreedte_code",
            "minuten_per_week",
            "was_strijk",
            "ingangsdatum",
            "einddatum",
            "verzenddatum",
            "bezwaartermijn_tot",
            "aanbieder",
            "ondersteuningsplan",
            "vervangt",
            "ingetrokken_per",
            "intrekkingsreden",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


class IntrekkenSerializer(serializers.Serializer):
    per = _datum("datum van intrekking", help_text="Intrekken per deze datum.")
    reden = _tekst(
        "Schrijf de motivering op: die staat in de brief aan de cliënt.",
        5000,
        help_text="Motivering; staat in de brief aan de cliënt.",
    )
    verzenddatum = _datum("verzenddatum", help_text="De dag waarop de brief verstuurd wordt.")
    reden_wijziging = serializers.ChoiceField(
        choices=[(r.value, r.label) for r in REDENEN_INTREKKING],
        required=False,
        default=RedenWijziging.VERKORTING.value,
        help_text="WMO002-reden voor de aanbieder in het toewijzingsbericht (standaard 05). "
        "Intrekken per de ingangsdatum of eerder verwijdert de toewijzing (13).",
        error_messages={"invalid_choice": "Kies een reden wijziging uit WMO002: {input} kan niet."},
    )


class VerlengenSerializer(serializers.Serializer):
    nieuwe_einddatum = _datum("nieuwe einddatum")
    toelichting = _tekst(
        "Leg vast dat er niets veranderd is.",
        5000,
        help_text="Toelichting: er is niets veranderd.",
    )


# ---------------------------------------------------------------- assignments


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


class StartZorgSerializer(serializers.Serializer):
    datum = _datum("startdatum van de zorg", help_text="De dag waarop de zorg begon.")


class StopZorgSerializer(serializers.Serializer):
    einddatum = _datum(
        "einddatum van de levering", help_text="De laatste dag waarop zorg is geleverd."
    )
    reden_beeindiging = serializers.ChoiceField(
        choices=RedenBeeindiging.choices,
        help_text="Reden beëindiging (iWmo WMO588); 20 = tijdelijk beëindigd, een nieuwe "
        "start hervat de zorg.",
        error_messages={
            "invalid_choice": "Kies een redenBeeindiging uit de codelijst WMO588.",
            "required": "Vul de redenBeeindiging in.",
        },
    )


# ---------------------------------------------------------------- support plans


class OndersteuningsplanSerializer(SyncVelden, serializers.ModelSerializer):
    toewijzing = uuid_van("toewijzing_uuid", help_text="De toewijzing (zie /toewijzingen).")
    client = uuid_van("client_uuid", help_text="De cliënt (zie /clienten/{uuid}).")
    ondertekenaar = uuid_van(
        "ondertekenaar_uuid", help_text="De medewerker met ondermandaat die ondertekende."
    )
    beschikking = uuid_van(
        "beschikking_uuid",
        allow_null=True,
        help_text="De definitieve beschikking, als het plan is geaccepteerd.",
    )
    grootte = serializers.IntegerField(read_only=True, help_text="Grootte van de PDF in bytes.")
    sha256 = serializers.CharField(read_only=True, help_text="SHA-256 van de PDF.")

    class Meta:
        model = Ondersteuningsplan
        fields = [
            "uuid",
            "toewijzing",
            "client",
            "versie",
            "status",
            "minuten_per_week",
            "was_strijk",
            "ingangsdatum",
            "einddatum",
            "verzenddatum",
            "afspraken",
            "ondertekenaar",
            "bestandsnaam",
            "sha256",
            "grootte",
            "beoordeeld_op",
            "afwijsreden",
            "beschikking",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


class PlanIndienenSerializer(serializers.Serializer):
    """The browser's plan form: structured part plus the signed PDF."""

    toewijzing = serializers.UUIDField(
        help_text="De toewijzing waarbij het plan hoort.",
        error_messages={
            "required": "Geef de toewijzing op waarbij dit plan hoort.",
            "invalid": "Geef de UUID van een toewijzing op.",
        },
    )
    minuten_per_week = serializers.IntegerField(
        min_value=1,
        max_value=10080,
        error_messages={
            "required": "Vul het aantal minuten per week in.",
            "invalid": "Vul een heel aantal minuten per week in, bijvoorbeeld 150.",
            "min_value": "Het aantal minuten per week is minstens 1.",
            "max_value": "Een week heeft 10080 minuten; vul een kleiner aantal in.",
        },
    )
    was_strijk = serializers.BooleanField(
        help_text="Inclusief was en strijk.",
        error_messages={
            "required": "Geef aan of was en strijk erbij horen (true of false).",
            "invalid": "Geef aan of was en strijk erbij horen (true of false).",
        },
    )
    ingangsdatum = _datum("ingangsdatum")
    einddatum = _datum("einddatum")
    verzenddatum = _datum("verzenddatum")
    ondertekenaar = serializers.UUIDField(
        help_text="De medewerker van uw organisatie met ondermandaat die het plan ondertekende "
        "(UUID van de gebruiker).",
        error_messages={
            "required": "Geef op wie het plan ondertekende.",
            "invalid": "Geef de UUID van een medewerker op.",
        },
    )
    afspraken = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=10000,
        error_messages={"max_length": "Gebruik hooguit 10000 tekens."},
    )
    bestand = serializers.FileField(
        help_text="Het ondertekende ondersteuningsplan (PDF).",
        error_messages={
            "required": "Kies het ondertekende ondersteuningsplan (PDF).",
            "empty": "Het gekozen bestand is leeg.",
            "invalid": "Stuur het ondersteuningsplan mee als bestand (PDF).",
            "no_name": "Het bestand heeft geen naam.",
        },
    )

    def validate_toewijzing(self, waarde):
        toewijzing = (
            Toewijzing.objects.visible_to(self.context["actor"])
            .select_related("aanbieder")
            .filter(uuid=waarde)
            .first()
        )
        if toewijzing is None:
            raise serializers.ValidationError("Deze toewijzing bestaat niet of is niet van u.")
        return toewijzing

    def validate(self, data):
        from sdd_portal.accounts.models import User

        toewijzing = data["toewijzing"]
        ondertekenaar = User.objects.filter(
            uuid=data["ondertekenaar"], organisatie_id=toewijzing.aanbieder_id, is_active=True
        ).first()
        if ondertekenaar is None:
            raise serializers.ValidationError(
                {"ondertekenaar": "Kies een medewerker van uw eigen organisatie."}
            )
        data["ondertekenaar"] = ondertekenaar
        return data


class AfwijzenSerializer(serializers.Serializer):
    reden = _tekst(
        "Schrijf op wat de aanbieder moet aanpassen.",
        5000,
        help_text="Wat de aanbieder moet aanpassen.",
    )
