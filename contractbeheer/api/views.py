from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.decorators import action

from sdd_portal.accounts.models import Organisatie, Rol
from sdd_portal.accounts.roles import aanbieder_id, heeft_sdd_rol
from sdd_portal.api.viewsets import LeesViewSet

from .. import services
from ..models import Capaciteit, Clientenstop, Contract
from . import serializers

SYNC = "Gebruik `modifiedSince` en de `next`-link om bij te blijven."


def alleen_aanbieder(user, wat: str) -> None:
    if aanbieder_id(user) is None:
        raise PermissionDenied(f"Alleen een zorgaanbieder {wat}.")


class AanbiederWeergave:
    """Re-read a row with the list's annotations, and answer with it."""

    def opnieuw(self, obj):
        return self.get_queryset().get(pk=obj.pk)

    def aangemaakt(self, obj):
        locatie = self.request.build_absolute_uri(
            reverse(f"api:{self.basename}-detail", kwargs={"uuid": obj.uuid})
        )
        return self.detail_response(self.opnieuw(obj), status=201, headers={"Location": locatie})


# --------------------------------------------------------------- providers, contracts


@extend_schema_view(
    list=extend_schema(
        summary="Zorgaanbieders",
        description="Alle zorgaanbieders met naam, AGB-code en KvK-nummer, oudste wijziging "
        f"eerst. {SYNC}",
    ),
    retrieve=extend_schema(summary="Eén zorgaanbieder"),
)
class AanbiederViewSet(LeesViewSet):
    api_resource = "aanbieders"
    omschrijving = "zorgaanbieders"
    serializer_class = serializers.AanbiederSerializer

    def get_queryset(self):
        return Organisatie.objects.aanbieders()


@extend_schema_view(
    list=extend_schema(
        summary="Contracten",
        description="Deelovereenkomsten: contractmanagement en consulenten zien alle, een "
        f"zorgaanbieder alleen die van de eigen organisatie. {SYNC}",
    ),
    retrieve=extend_schema(summary="Eén contract"),
)
class ContractViewSet(LeesViewSet):
    api_resource = "aanbieders"
    omschrijving = "contracten"
    serializer_class = serializers.ContractSerializer

    def get_queryset(self):
        return Contract.objects.visible_to(self.request.user).annotate(
            aanbieder_uuid=F("aanbieder__uuid"), product_code=F("product__code")
        )


# ------------------------------------------------------------------- client stops

STOP = serializers.ClientenstopSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Cliëntenstops",
        description="Cliëntenstops in alle statussen: een zorgaanbieder ziet die van de eigen "
        f"organisatie, contractmanagement en consulenten alle. {SYNC}",
    ),
    retrieve=extend_schema(summary="Eén cliëntenstop"),
    create=extend_schema(
        summary="Cliëntenstop aanvragen",
        description="Een zorgaanbieder vraagt vooraf een tijdelijke cliëntenstop aan. De stop "
        "geldt pas na akkoord van contractmanagement.",
        request=serializers.ClientenstopAanvragenSerializer,
        responses={201: STOP},
    ),
)
class ClientenstopViewSet(AanbiederWeergave, mixins.CreateModelMixin, LeesViewSet):
    api_resource = "clientenstops"
    omschrijving = "cliëntenstops"
    serializer_class = STOP

    def get_queryset(self):
        return (
            Clientenstop.objects.visible_to(self.request.user)
            .annotate(aanbieder_uuid=F("aanbieder__uuid"), product_code=F("product__code"))
            .prefetch_related("gemeenten")
        )

    def create(self, request, *args, **kwargs):
        alleen_aanbieder(request.user, "vraagt een cliëntenstop aan")
        invoer = serializers.ClientenstopAanvragenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        with transaction.atomic():
            stop = services.stop_aanvragen(
                actor=request.user, aanbieder=request.user.organisatie, **invoer.validated_data
            )
        return self.aangemaakt(stop)

    @extend_schema(
        summary="Cliëntenstop beoordelen",
        description="Contractmanagement gaat akkoord (eventueel met een gewijzigde einddatum of "
        "heroverwegingsdatum) of wijst af. Alleen voor een aangevraagde stop.",
        request=serializers.StopBeoordelenSerializer,
        responses={200: STOP},
    )
    @action(detail=True, methods=["post"], url_path="beoordelen")
    def beoordelen(self, request, uuid=None):
        stop = self.get_object()
        if not heeft_sdd_rol(request.user, Rol.CONTRACTMANAGER):
            raise PermissionDenied("Alleen contractmanagement beoordeelt een cliëntenstop.")
        self.controleer_if_match(stop)
        invoer = serializers.StopBeoordelenSerializer(data=request.data, context={"stop": stop})
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        wijzigingen = {
            k: data[k] for k in ("einddatum", "heroverwegingsdatum") if data.get(k) is not None
        }
        stop = services.stop_beoordelen(
            actor=request.user,
            stop=stop,
            besluit=data["besluit"],
            notitie=data.get("notitie", ""),
            wijzigingen=wijzigingen,
        )
        return self.detail_response(self.opnieuw(stop))

    @extend_schema(
        summary="Cliëntenstop beëindigen",
        description="De zorgaanbieder (voor de eigen organisatie) of contractmanagement beëindigt "
        "een geldende cliëntenstop per de opgegeven laatste dag.",
        request=serializers.StopBeeindigenSerializer,
        responses={200: STOP},
    )
    @action(detail=True, methods=["post"], url_path="beeindigen")
    def beeindigen(self, request, uuid=None):
        stop = self.get_object()
        if not (heeft_sdd_rol(request.user, Rol.CONTRACTMANAGER) or aanbieder_id(request.user)):
            raise PermissionDenied(
                "Alleen de zorgaanbieder of contractmanagement beëindigt een cliëntenstop."
            )
        self.controleer_if_match(stop)
        invoer = serializers.StopBeeindigenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        stop = services.stop_beeindigen(
            actor=request.user,
            stop=stop,
            einddatum=invoer.validated_data["einddatum"],
            notitie=invoer.validated_data.get("notitie", ""),
        )
        return self.detail_response(self.opnieuw(stop))


# ----------------------------------------------------------------------- capacity

CAPACITEIT = serializers.CapaciteitSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Capaciteitsmeldingen",
        description="Gemelde ruimte voor nieuwe cliënten, ook ingetrokken meldingen (met "
        "`ingetrokkenOp`): een zorgaanbieder ziet die van de eigen organisatie, "
        f"contractmanagement en consulenten alle. {SYNC}",
    ),
    retrieve=extend_schema(summary="Eén capaciteitsmelding"),
    create=extend_schema(
        summary="Capaciteit melden",
        description="Een zorgaanbieder meldt voor hoeveel nieuwe cliënten er ongeveer ruimte is, "
        "voor een product waarvoor zij gecontracteerd is.",
        request=serializers.CapaciteitMeldenSerializer,
        responses={201: CAPACITEIT},
    ),
    partial_update=extend_schema(
        summary="Capaciteit bijwerken",
        description="De zorgaanbieder werkt een eigen, niet-ingetrokken melding bij en bevestigt "
        "haar daarmee opnieuw. Alleen de meegestuurde velden veranderen.",
        request=serializers.CapaciteitBijwerkenSerializer,
        responses={200: CAPACITEIT},
    ),
)
class CapaciteitViewSet(AanbiederWeergave, mixins.CreateModelMixin, LeesViewSet):
    api_resource = "clientenstops"
    omschrijving = "capaciteit"
    serializer_class = CAPACITEIT
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return (
            Capaciteit.objects.visible_to(self.request.user)
            .annotate(aanbieder_uuid=F("aanbieder__uuid"), product_code=F("product__code"))
            .prefetch_related("gemeenten")
        )

    def create(self, request, *args, **kwargs):
        alleen_aanbieder(request.user, "meldt capaciteit")
        invoer = serializers.CapaciteitMeldenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        melding = services.capaciteit_melden(
            actor=request.user, aanbieder=request.user.organisatie, **invoer.validated_data
        )
        return self.aangemaakt(melding)

    def partial_update(self, request, *args, **kwargs):
        melding = self.get_object()
        alleen_aanbieder(request.user, "werkt capaciteit bij")
        self.controleer_if_match(melding)
        invoer = serializers.CapaciteitBijwerkenSerializer(instance=melding, data=request.data)
        invoer.is_valid(raise_exception=True)
        melding = services.capaciteit_bijwerken(
            actor=request.user, melding=melding, data=dict(invoer.validated_data)
        )
        return self.detail_response(self.opnieuw(melding))

    @extend_schema(
        summary="Capaciteitsmelding intrekken",
        description="De zorgaanbieder trekt een eigen melding in; consulenten zien haar dan niet "
        "meer bij het kiezen van een aanbieder.",
        request=None,
        responses={200: CAPACITEIT},
    )
    @action(detail=True, methods=["post"], url_path="intrekken")
    def intrekken(self, request, uuid=None):
        melding = self.get_object()
        alleen_aanbieder(request.user, "trekt capaciteit in")
        self.controleer_if_match(melding)
        melding = services.capaciteit_intrekken(actor=request.user, melding=melding)
        return self.detail_response(self.opnieuw(melding))
