"""``/abonnementen``: callback URLs of the credential's organisation, and their deliveries.

The signing secret is generated here and shown once, in the answer to the registration;
it is needed again only to verify signatures (docs/api-abonnementen.md).
"""

from __future__ import annotations

import ipaddress
import secrets
from typing import cast
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from sdd_portal.historie import opslaan

from .gebeurtenissen import PING, in_wachtrij_na_commit, nieuwe_levering
from .models import Abonnement, ApiSleutel, Levering
from .scopes import LEZEN, gebeurtenis_codes, gebeurtenis_keuzes, resource_van, scope
from .viewsets import ApiViewMixin

MAX_URL = 500
ONGELDIG = (
    "De callback-URL is geen geldige URL; bijvoorbeeld "
    "https://zorgsysteem.example.nl/sdd-gebeurtenissen."
)

# ----------------------------------------------------------------------------- services


def _intern_adres(host: str) -> bool:
    """Loopback, private, link-local and other non-public IP literals, and localhost: a
    callback must not make the portal call its own network."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return False


def callback_url_controleren(url: str) -> list[str]:
    """Every problem with a callback URL, in Dutch (empty: fine)."""
    url = (url or "").strip()
    if not url:
        return ["Vul de callback-URL in waarop u de gebeurtenissen wilt ontvangen."]
    if len(url) > MAX_URL:
        return [f"De callback-URL is te lang: hooguit {MAX_URL} tekens."]
    try:
        delen = urlsplit(url)
        delen.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return [ONGELDIG]
    if not delen.scheme or not delen.hostname:
        return [ONGELDIG]
    fouten = []
    toegestaan = ("https", "http") if settings.API_CALLBACK_HTTP_TOESTAAN else ("https",)
    if delen.scheme.lower() not in toegestaan:
        fouten.append(
            "De callback-URL moet met https:// beginnen: gebeurtenissen worden alleen "
            "versleuteld verstuurd."
        )
    if delen.username is not None or delen.password is not None:
        fouten.append(
            "Zet geen gebruikersnaam of wachtwoord in de callback-URL; controleer in plaats "
            "daarvan de handtekening (SDD-Signature) van elk bericht."
        )
    if delen.fragment:
        fouten.append("De callback-URL mag geen #-deel hebben.")
    if not settings.API_CALLBACK_HTTP_TOESTAAN and _intern_adres(delen.hostname):
        fouten.append(
            "De callback-URL moet een publiek bereikbaar adres hebben, geen intern adres "
            "(zoals localhost, 127.0.0.1 of 10.x.x.x)."
        )
    if not fouten:
        try:
            URLValidator(schemes=list(toegestaan))(url)
        except ValidationError:
            fouten.append(ONGELDIG)
    return fouten


def gebeurtenissen_controleren(sleutel: ApiSleutel, gebeurtenissen: list[str]) -> list[str]:
    if not gebeurtenissen:
        return ["Kies ten minste één gebeurtenis."]
    fouten = []
    onbekend = sorted(set(gebeurtenissen) - set(gebeurtenis_codes()))
    if onbekend:
        fouten.append(
            f"Onbekende gebeurtenis(sen): {', '.join(onbekend)}. Kies uit: "
            f"{', '.join(gebeurtenis_codes())}."
        )
    for resource in sorted({resource_van(g) for g in gebeurtenissen if g in gebeurtenis_codes()}):
        if not sleutel.heeft_scope(scope(resource, LEZEN)):
            fouten.append(
                f"Deze API-sleutel mag '{resource}' niet lezen (scope {scope(resource, LEZEN)} "
                "ontbreekt), dus zou deze gebeurtenissen nooit ontvangen."
            )
    return fouten


@transaction.atomic
def abonnement_registreren(
    *, sleutel: ApiSleutel, callback_url: str, gebeurtenissen: list[str]
) -> Abonnement:
    """Register a subscription of the credential's organisation. Raises ``ValidationError``
    with a Dutch message per field."""
    gebeurtenissen = list(dict.fromkeys(gebeurtenissen or []))
    fouten = {
        "callback_url": callback_url_controleren(callback_url),
        "gebeurtenissen": gebeurtenissen_controleren(sleutel, gebeurtenissen),
    }
    if any(fouten.values()):
        raise ValidationError({veld: lijst for veld, lijst in fouten.items() if lijst})
    abonnement = Abonnement(
        organisatie=sleutel.organisatie,
        sleutel=sleutel,
        callback_url=callback_url.strip(),
        gebeurtenissen=gebeurtenissen,
        geheim=secrets.token_urlsafe(32),
    )
    reden = "Abonnement geregistreerd via de API"
    opslaan(abonnement, actor=sleutel.gebruiker, reden=reden, valideren=False)
    return abonnement


@transaction.atomic
def abonnement_beeindigen(*, actor, abonnement: Abonnement) -> Abonnement:
    """Stop a subscription; it and its deliveries stay for the record. Deliveries still
    waiting are given up by the send task."""
    abonnement = Abonnement.objects.select_for_update().get(pk=abonnement.pk)
    if abonnement.actief:
        abonnement.actief = False
        opslaan(abonnement, actor=actor, reden="Abonnement beëindigd via de API", valideren=False)
    return abonnement


@transaction.atomic
def ping_versturen(*, abonnement: Abonnement) -> Levering:
    """Queue a test delivery (type ``ping``) to the subscription's callback URL."""
    if not abonnement.actief:
        raise ValidationError(
            "Dit abonnement is beëindigd; registreer een nieuw abonnement om te testen."
        )
    levering = nieuwe_levering(
        abonnement=abonnement,
        soort=PING,
        resource="abonnementen",
        resource_uuid=abonnement.uuid,
        nu=timezone.now(),
    )
    levering.save()
    in_wachtrij_na_commit([levering.pk])
    return levering


# -------------------------------------------------------------------------- serializers


class AbonnementSerializer(serializers.ModelSerializer):
    aangemaakt_op = serializers.DateTimeField(source="created_at", read_only=True)
    gewijzigd_op = serializers.DateTimeField(source="modified_at", read_only=True)
    callback_url = serializers.CharField(
        help_text="Waar de gebeurtenissen naartoe worden gestuurd (https)."
    )
    gebeurtenissen = serializers.ListField(
        child=serializers.ChoiceField(choices=[]),
        help_text="De soorten gebeurtenissen die u wilt ontvangen.",
    )
    sleutel = serializers.CharField(
        source="sleutel.naam",
        read_only=True,
        help_text="De API-sleutel waarvan de rechten bepalen wat u ontvangt.",
    )

    class Meta:
        model = Abonnement
        fields = [
            "uuid",
            "aangemaakt_op",
            "gewijzigd_op",
            "callback_url",
            "gebeurtenissen",
            "actief",
            "sleutel",
        ]
        read_only_fields = ["uuid", "actief"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The event kinds the apps registered (known once every app is ready).
        keuze = cast(serializers.ListField, self.fields["gebeurtenissen"]).child
        cast(serializers.ChoiceField, keuze).choices = gebeurtenis_keuzes()


class AbonnementAanmeldenSerializer(serializers.Serializer):
    # The registration's input; checked in ``abonnement_registreren`` (one place), so the
    # fields are deliberately loose here. (No docstring: it would become the schema text.)

    callback_url = serializers.CharField(
        allow_blank=True, help_text="Waar de gebeurtenissen naartoe worden gestuurd (https)."
    )
    gebeurtenissen = serializers.ListField(
        child=serializers.CharField(),
        allow_empty=True,
        help_text="Eén of meer van de geregistreerde soorten gebeurtenissen.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebeurtenissen"].help_text = (
            "Eén of meer van: " + ", ".join(gebeurtenis_codes()) + "."
        )


class AbonnementMetGeheimSerializer(AbonnementSerializer):
    geheim = serializers.CharField(
        read_only=True,
        help_text="Het geheim waarmee elke levering wordt ondertekend. Alleen nu zichtbaar: "
        "bewaar het veilig.",
    )

    class Meta(AbonnementSerializer.Meta):
        fields = [*AbonnementSerializer.Meta.fields, "geheim"]


class LeveringSerializer(serializers.ModelSerializer):
    aangemaakt_op = serializers.DateTimeField(read_only=True)
    gebeurtenis = serializers.CharField(
        read_only=True, help_text="Soort gebeurtenis, of 'ping' voor een testlevering."
    )
    status = serializers.ChoiceField(choices=Levering.Status.choices, read_only=True)

    class Meta:
        model = Levering
        fields = [
            "uuid",
            "aangemaakt_op",
            "gebeurtenis",
            "resource",
            "resource_uuid",
            "status",
            "pogingen",
            "laatste_statuscode",
            "laatste_fout",
            "volgende_poging",
            "geleverd_op",
        ]
        read_only_fields = fields


class LeveringPaginatie(CursorPagination):
    """Newest first; the ``next`` link pages back in time."""

    ordering = ("-aangemaakt_op", "-id")
    page_size = 100
    max_page_size = 1000
    page_size_query_param = "pageSize"

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }


# ---------------------------------------------------------------------------- viewset


@extend_schema_view(
    list=extend_schema(
        summary="Abonnementen",
        description="De abonnementen van uw organisatie, ook beëindigde. Het geheim staat "
        "er niet bij: dat ziet u alleen bij het registreren.",
    ),
    retrieve=extend_schema(summary="Eén abonnement"),
    create=extend_schema(
        summary="Abonnement registreren",
        description="Registreer een callback-URL (https) voor één of meer soorten "
        "gebeurtenissen. Het antwoord bevat eenmalig het geheim (`geheim`) waarmee elke "
        "levering wordt ondertekend. U ontvangt alleen gebeurtenissen over gegevens die "
        "deze API-sleutel mag zien. Zie docs/api-abonnementen.md.",
        request=AbonnementAanmeldenSerializer,
        responses={201: AbonnementMetGeheimSerializer},
    ),
    destroy=extend_schema(
        summary="Abonnement beëindigen",
        description="Er worden geen gebeurtenissen meer gestuurd. Het abonnement en zijn "
        "leveringen blijven bewaard.",
        responses={204: None},
    ),
)
class AbonnementViewSet(
    ApiViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    api_resource = "abonnementen"
    omschrijving = "abonnementen"
    serializer_class = AbonnementSerializer

    def get_queryset(self):
        # Per key: another key of the same organisation may have other scopes.
        return Abonnement.objects.filter(sleutel=self.request.auth)

    def create(self, request, *args, **kwargs):
        invoer = AbonnementAanmeldenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        abonnement = abonnement_registreren(sleutel=request.auth, **invoer.validated_data)
        data = AbonnementMetGeheimSerializer(abonnement).data
        locatie = request.build_absolute_uri(f"{request.path.rstrip('/')}/{abonnement.uuid}")
        return Response(data, status=201, headers={"Location": locatie})

    def destroy(self, request, *args, **kwargs):
        abonnement_beeindigen(actor=request.user, abonnement=self.get_object())
        return Response(status=204)

    @extend_schema(
        summary="Leveringen van een abonnement",
        description="Wat er naar dit abonnement is (of wordt) gestuurd, nieuwste eerst: "
        "status, aantal pogingen, laatste statuscode of fout en de volgende poging.",
        parameters=[
            OpenApiParameter(
                "status",
                str,
                enum=Levering.Status.values,
                required=False,
                description="Alleen leveringen met deze status.",
            ),
        ],
        responses={200: LeveringSerializer(many=True)},
    )
    @action(
        detail=True,
        methods=["get"],
        pagination_class=LeveringPaginatie,
        serializer_class=LeveringSerializer,
    )
    def leveringen(self, request, *args, **kwargs):
        abonnement = self.get_object()
        qs = abonnement.leveringen.all()
        status = request.query_params.get("status")
        if status:
            if status not in Levering.Status.values:
                raise serializers.ValidationError(
                    {"status": [f"Kies een status uit: {', '.join(Levering.Status.values)}."]}
                )
            qs = qs.filter(status=status)
        pagina = self.paginate_queryset(qs)
        return self.get_paginated_response(LeveringSerializer(pagina, many=True).data)

    @extend_schema(
        summary="Testlevering sturen",
        description="Stuurt een gebeurtenis van het type `ping` naar de callback-URL, "
        "ondertekend zoals elke levering. Volg het resultaat via de leveringen.",
        request=None,
        responses={202: LeveringSerializer},
    )
    @action(detail=True, methods=["post"], serializer_class=LeveringSerializer)
    def test(self, request, *args, **kwargs):
        levering = ping_versturen(abonnement=self.get_object())
        return Response(LeveringSerializer(levering).data, status=202)


def registreer(router) -> None:
    router.register("abonnementen", AbonnementViewSet, basename="abonnement")
