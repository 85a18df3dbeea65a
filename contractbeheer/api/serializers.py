from rest_framework import serializers

from bandbreedte.models import Product
from indicaties.models import Gemeente
from sdd_portal.accounts.models import Organisatie
from sdd_portal.api.serializers import SyncVelden, uuid_van

from ..models import Capaciteit, Clientenstop, Contract
from ..states import StopStatus

# ------------------------------------------------------------------------ reading


class AanbiederSerializer(SyncVelden, serializers.ModelSerializer):
    class Meta:
        model = Organisatie
        fields = [
            "uuid",
            "naam",
            "agb_code",
            "kvk_nummer",
            "actief",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


class ContractSerializer(SyncVelden, serializers.ModelSerializer):
    aanbieder = uuid_van("aanbieder_uuid", help_text="De zorgaanbieder (zie /aanbieders/{uuid}).")
    product = serializers.CharField(
        source="product_code", read_only=True, help_text="De productcode (zie /producten)."
    )

    class Meta:
        model = Contract
        fields = [
            "uuid",
            "aanbieder",
            "product",
            "kenmerk",
            "status",
            "ingangsdatum",
            "einddatum",
            "toetredingsdatum",
            "uittredingsdatum",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


class ClientenstopSerializer(SyncVelden, serializers.ModelSerializer):
    aanbieder = uuid_van("aanbieder_uuid", help_text="De zorgaanbieder (zie /aanbieders/{uuid}).")
    product = serializers.CharField(
        source="product_code", read_only=True, help_text="De productcode (zie /producten)."
    )
    gemeenten = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code", help_text="CBS-codes van de gemeenten."
    )
    notitie = serializers.CharField(
        source="notitie_cm", read_only=True, help_text="Notitie van contractmanagement."
    )

    class Meta:
        model = Clientenstop
        fields = [
            "uuid",
            "aanbieder",
            "product",
            "gemeenten",
            "ingangsdatum",
            "einddatum",
            "heroverwegingsdatum",
            "reden",
            "maatregelen",
            "status",
            "beoordeeld_op",
            "notitie",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


class CapaciteitSerializer(SyncVelden, serializers.ModelSerializer):
    aanbieder = uuid_van("aanbieder_uuid", help_text="De zorgaanbieder (zie /aanbieders/{uuid}).")
    product = serializers.CharField(
        source="product_code", read_only=True, help_text="De productcode (zie /producten)."
    )
    gemeenten = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code", help_text="CBS-codes van de gemeenten."
    )

    class Meta:
        model = Capaciteit
        fields = [
            "uuid",
            "aanbieder",
            "product",
            "gemeenten",
            "aantal",
            "vanaf_datum",
            "tot_datum",
            "toelichting",
            "bijgewerkt_op",
            "ingetrokken_op",
            "aangemaakt_op",
            "gewijzigd_op",
        ]
        read_only_fields = fields


# ------------------------------------------------------------------------ writing


def product_veld(**kwargs):
    return serializers.SlugRelatedField(
        slug_field="code",
        queryset=Product.objects.all(),
        help_text="De productcode, bijv. HO.",
        error_messages={
            "required": "Kies een product.",
            "null": "Kies een product.",
            "does_not_exist": "Onbekend product '{value}'; gebruik een code uit /producten.",
            "invalid": "Geef de productcode als tekst.",
        },
        **kwargs,
    )


def gemeenten_veld(**kwargs):
    return serializers.SlugRelatedField(
        many=True,
        slug_field="code",
        queryset=Gemeente.objects.all(),
        help_text="CBS-codes van de gemeenten, bijv. ['0505'].",
        allow_empty=False,
        error_messages={
            "required": "Kies minstens één gemeente.",
            "empty": "Kies minstens één gemeente.",
            "not_a_list": "Geef de gemeenten als lijst van CBS-codes.",
        },
        **kwargs,
    )


def _gemeente_fouten(veld) -> None:
    veld.child_relation.error_messages.update(
        {
            "does_not_exist": "Onbekende gemeente '{value}'; geef een CBS-gemeentecode.",
            "invalid": "Geef een CBS-gemeentecode als tekst.",
        }
    )


def datum_veld(label: str, **kwargs):
    return serializers.DateField(
        error_messages={
            "invalid": f"Vul bij '{label}' een geldige datum in (JJJJ-MM-DD).",
            "required": f"Vul bij '{label}' een datum in.",
            "null": f"Vul bij '{label}' een datum in.",
        },
        **kwargs,
    )


def tekst_veld(fout: str, **kwargs):
    return serializers.CharField(
        error_messages={"required": fout, "blank": fout, "null": fout}, **kwargs
    )


class ClientenstopAanvragenSerializer(serializers.Serializer):
    product = product_veld()
    gemeenten = gemeenten_veld()
    ingangsdatum = datum_veld("ingangsdatum")
    einddatum = datum_veld("verwachte einddatum", required=False, allow_null=True)
    heroverwegingsdatum = datum_veld("heroverwegingsdatum", required=False, allow_null=True)
    reden = tekst_veld("Geef de reden van de cliëntenstop.", max_length=4000)
    maatregelen = tekst_veld(
        "Beschrijf wat uw organisatie doet om de cliëntenstop zo kort mogelijk te houden.",
        max_length=4000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _gemeente_fouten(self.fields["gemeenten"])

    def validate(self, data):
        fouten = {}
        start = data.get("ingangsdatum")
        for veld, label in (
            ("einddatum", "verwachte einddatum"),
            ("heroverwegingsdatum", "heroverwegingsdatum"),
        ):
            if start and data.get(veld) and data[veld] < start:
                fouten[veld] = [f"De {label} ligt voor de ingangsdatum."]
        if not data.get("einddatum") and not data.get("heroverwegingsdatum"):
            fouten["einddatum"] = [
                "Een cliëntenstop is altijd tijdelijk: vul een verwachte einddatum of een "
                "heroverwegingsdatum in."
            ]
        if fouten:
            raise serializers.ValidationError(fouten)
        return data


class StopBeoordelenSerializer(serializers.Serializer):
    besluit = serializers.ChoiceField(
        choices=[
            (StopStatus.AKKOORD, "Akkoord"),
            (StopStatus.AKKOORD_GEWIJZIGD, "Akkoord met wijzigingen"),
            (StopStatus.AFGEWEZEN, "Afwijzen"),
        ],
        help_text="akkoord, akkoord_gewijzigd of afgewezen.",
        error_messages={
            "required": "Kies een besluit: akkoord, akkoord_gewijzigd of afgewezen.",
            "invalid_choice": "Kies een besluit: akkoord, akkoord_gewijzigd of afgewezen.",
        },
    )
    notitie = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        default="",
        help_text="Verplicht bij afwijzen of bij akkoord met wijzigingen.",
    )
    einddatum = datum_veld(
        "verwachte einddatum", required=False, allow_null=True, help_text="Alleen bij wijziging."
    )
    heroverwegingsdatum = datum_veld(
        "heroverwegingsdatum", required=False, allow_null=True, help_text="Alleen bij wijziging."
    )

    def validate(self, data):
        fouten = {}
        besluit = data.get("besluit")
        if (
            besluit in (StopStatus.AFGEWEZEN, StopStatus.AKKOORD_GEWIJZIGD)
            and not data.get("notitie", "").strip()
        ):
            fouten["notitie"] = ["Licht toe waarom u afwijst of wat u wijzigt."]
        stop = self.context.get("stop")
        if stop is not None:
            for veld, label in (
                ("einddatum", "verwachte einddatum"),
                ("heroverwegingsdatum", "heroverwegingsdatum"),
            ):
                if data.get(veld) and data[veld] < stop.ingangsdatum:
                    fouten[veld] = [
                        f"De {label} ligt voor de ingangsdatum van de stop "
                        f"({stop.ingangsdatum:%d-%m-%Y})."
                    ]
        if besluit == StopStatus.AKKOORD_GEWIJZIGD and not (
            data.get("einddatum") or data.get("heroverwegingsdatum")
        ):
            fouten.setdefault(
                "einddatum", ["Vul de gewijzigde einddatum of heroverwegingsdatum in."]
            )
        if fouten:
            raise serializers.ValidationError(fouten)
        return data


class StopBeeindigenSerializer(serializers.Serializer):
    einddatum = datum_veld("laatste dag van de stop", help_text="De laatste dag van de stop.")
    notitie = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


AANTAL_FOUTEN = {
    "required": "Vul in voor hoeveel nieuwe cliënten u ongeveer ruimte heeft.",
    "null": "Vul in voor hoeveel nieuwe cliënten u ongeveer ruimte heeft.",
    "min_value": "Vul bij 'aantal' minstens 1 in.",
    "max_value": "Vul bij 'aantal' hooguit 9999 in.",
    "invalid": "Vul bij 'aantal' een heel getal in.",
    "max_string_length": "Vul bij 'aantal' een heel getal in.",
}


class CapaciteitMeldenSerializer(serializers.Serializer):
    product = product_veld()
    gemeenten = gemeenten_veld()
    aantal = serializers.IntegerField(
        min_value=1,
        max_value=9999,
        error_messages=AANTAL_FOUTEN,
        help_text="Ruimte voor ongeveer dit aantal nieuwe cliënten.",
    )
    vanaf_datum = datum_veld("vanaf")
    tot_datum = datum_veld("tot en met", required=False, allow_null=True)
    toelichting = serializers.CharField(
        required=False, allow_blank=True, max_length=2000, default=""
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _gemeente_fouten(self.fields["gemeenten"])

    def validate(self, data):
        vanaf = data.get("vanaf_datum") or getattr(self.instance, "vanaf_datum", None)
        tot = data.get("tot_datum") if "tot_datum" in data else None
        if vanaf and tot and tot < vanaf:
            raise serializers.ValidationError({"tot_datum": ["'Tot en met' ligt voor 'vanaf'."]})
        return data


class CapaciteitBijwerkenSerializer(CapaciteitMeldenSerializer):
    """The same fields, all optional (PATCH): only what is sent changes."""

    def __init__(self, *args, **kwargs):
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)
