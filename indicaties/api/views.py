"""The client file through the API: clients, meldingen, decisions, assignments and
support plans. Reading is scoped by ``visible_to``; every action is an explicit POST that
calls the same service as the browser, so the same rules and Dutch messages apply."""

from __future__ import annotations

from django.db.models import F
from django.http import FileResponse
from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import aanbieder_id, heeft_sdd_rol
from sdd_portal.api.viewsets import LeesViewSet
from sdd_portal.audit.models import Actie

from ..ho import services
from ..models import Beschikking, Client, Melding, Ondersteuningsplan, Toewijzing
from . import serializers

SYNC_UITLEG = "Oudste wijziging eerst. Gebruik `modifiedSince` en de `next`-link om bij te blijven."
ALLEEN_CONSULENT = "Alleen een API-sleutel van de SDD met de rol consulent kan dit doen."


class PdfRenderer(BaseRenderer):
    """Lets a client ask for ``Accept: application/pdf``; errors stay JSON."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return CamelCaseJSONRenderer().render(data, "application/json", renderer_context)


def _is_consulent(actor, instance) -> bool:
    return heeft_sdd_rol(actor, Rol.CONSULENT)


class ActieMixin:
    """Runs an action on one row: visibility (404), role (403), If-Match (412), input
    (400), the service, and the row as it is now."""

    def voer_uit(
        self,
        request,
        *,
        mag,
        weigering: str,
        uitvoeren,
        invoer=None,
    ):
        instance = self.get_object()
        self.log_clienten(self._client_ids_van([instance]))
        if not mag(request.user, instance):
            raise exceptions.PermissionDenied(weigering)
        self.controleer_if_match(instance)
        data = {}
        if invoer is not None:
            serializer = invoer(data=request.data, context=self.get_serializer_context())
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
        uitvoeren(instance, data)
        return self.detail_response(self.get_queryset().get(pk=instance.pk))


# ------------------------------------------------------------------------- clients


@extend_schema_view(
    list=extend_schema(
        summary="Cliënten",
        description="Cliënten die uw organisatie mag zien: een zorgaanbieder ziet alleen "
        "cliënten met (of met een eerdere) toewijzing bij de eigen organisatie. " + SYNC_UITLEG,
    ),
    retrieve=extend_schema(summary="Eén cliënt"),
)
class ClientViewSet(LeesViewSet):
    api_resource = "clienten"
    client_veld = "id"
    serializer_class = serializers.ClientSerializer

    def get_queryset(self):
        return Client.objects.visible_to(self.request.user).annotate(
            gemeente_code=F("gemeente__code"),
            consulent_uuid=F("consulent__uuid"),
        )


# ----------------------------------------------------------------- meldingen


@extend_schema_view(
    list=extend_schema(
        summary="Meldingen en onderzoeken",
        description="Meldingen met het onderzoek (datums, bevindingen, bandbreedte). Een "
        "zorgaanbieder ziet meldingen die hij zelf aanleverde of die tot een beschikking bij "
        "de eigen organisatie leidden. " + SYNC_UITLEG,
    ),
    retrieve=extend_schema(summary="Eén melding met onderzoek"),
)
class MeldingViewSet(LeesViewSet):
    api_resource = "meldingen"
    client_veld = "client_id"
    serializer_class = serializers.MeldingSerializer

    def get_queryset(self):
        return (
            Melding.objects.visible_to(self.request.user)
            .select_related("onderzoek__bandbreedte")
            .annotate(
                client_uuid=F("client__uuid"),
                product_code=F("product__code"),
                aanbieder_uuid=F("aanbieder__uuid"),
            )
        )


# ------------------------------------------------------------------ decisions


@extend_schema_view(
    list=extend_schema(
        summary="Beschikkingen",
        description="Beschikkingen die uw organisatie mag zien (een zorgaanbieder: die bij de "
        "eigen organisatie). Een intrekking verandert `status`, `einddatum` of "
        "`ingetrokkenPer` en `gewijzigdOp`, dus komt mee bij de volgende synchronisatie. "
        + SYNC_UITLEG,
    ),
    retrieve=extend_schema(summary="Eén beschikking"),
    intrekken=extend_schema(
        summary="Beschikking intrekken",
        description="Trekt de beschikking in per een datum (alleen consulent). Ligt die "
        "datum op of voor de ingangsdatum, dan wordt de beschikking helemaal ingetrokken; "
        "anders eindigt ze de dag ervoor. De toewijzingen eindigen mee en de cliënt krijgt "
        "een intrekkingsbesluit. Stuur `If-Match` mee om gelijktijdige wijzigingen te "
        "voorkomen.",
        request=serializers.IntrekkenSerializer,
        responses={200: serializers.BeschikkingSerializer},
    ),
    verlengen=extend_schema(
        summary="Beschikking verlengen",
        description="Verlengt een lopende definitieve beschikking en haar toewijzing als er "
        "niets veranderd is (alleen consulent). Geen nieuw plan; de aanbieder krijgt de "
        "nieuwe einddatum in een iWmo 301 (reden 04).",
        request=serializers.VerlengenSerializer,
        responses={200: serializers.BeschikkingSerializer},
    ),
)
class BeschikkingViewSet(ActieMixin, LeesViewSet):
    api_resource = "beschikkingen"
    client_veld = "client_id"
    serializer_class = serializers.BeschikkingSerializer

    def get_queryset(self):
        return Beschikking.objects.visible_to(self.request.user).annotate(
            client_uuid=F("client__uuid"),
            product_code=F("product__code"),
            aanbieder_uuid=F("aanbieder__uuid"),
            melding_uuid=F("melding__uuid"),
            bandbreedte_uuid=F("bandbreedte__uuid"),
            bandbreedte_code=F("bandbreedte__code"),
            plan_uuid=F("ondersteuningsplan__uuid"),
            vervangt_uuid=F("vervangt__uuid"),
        )

    @action(detail=True, methods=["post"])
    def intrekken(self, request, uuid=None):
        return self.voer_uit(
            request,
            mag=_is_consulent,
            weigering=ALLEEN_CONSULENT,
            invoer=serializers.IntrekkenSerializer,
            uitvoeren=lambda beschikking, data: services.beschikking_intrekken(
                actor=request.user, beschikking=beschikking, **data
            ),
        )

    @action(detail=True, methods=["post"])
    def verlengen(self, request, uuid=None):
        return self.voer_uit(
            request,
            mag=_is_consulent,
            weigering=ALLEEN_CONSULENT,
            invoer=serializers.VerlengenSerializer,
            uitvoeren=lambda beschikking, data: services.beschikking_verlengen(
                actor=request.user, beschikking=beschikking, **data
            ),
        )


# ---------------------------------------------------------------- assignments


def _eigen_toewijzing(actor, toewijzing) -> bool:
    return aanbieder_id(actor) == toewijzing.aanbieder_id


@extend_schema_view(
    list=extend_schema(
        summary="Toewijzingen",
        description="Toewijzingen die uw organisatie mag zien. " + SYNC_UITLEG,
    ),
    retrieve=extend_schema(summary="Eén toewijzing"),
    start_zorg=extend_schema(
        summary="Start van de zorg melden",
        description="De zorgaanbieder van de toewijzing meldt dat de zorg is begonnen "
        "(iWmo 305). Alleen onder een definitieve beschikking, niet vooraf en binnen de "
        "periode van de toewijzing.",
        request=serializers.StartZorgSerializer,
        responses={200: serializers.ToewijzingSerializer},
    ),
    stop_zorg=extend_schema(
        summary="Einde van de zorg melden",
        description="De zorgaanbieder van de toewijzing meldt dat de levering stopt (iWmo "
        "307): definitief, of tijdelijk (reden 20; een nieuwe start hervat de zorg). Het is "
        "hetzelfde feit als een stop in het portaal of met een 307-bericht. Er moet een "
        "lopende start zijn (TR069); na een definitieve stop volgt geen tweede (TR415).",
        request=serializers.StopZorgSerializer,
        responses={200: serializers.ToewijzingSerializer},
    ),
)
class ToewijzingViewSet(ActieMixin, LeesViewSet):
    api_resource = "toewijzingen"
    client_veld = "client_id"
    serializer_class = serializers.ToewijzingSerializer

    def get_queryset(self):
        return Toewijzing.objects.visible_to(self.request.user).annotate(
            client_uuid=F("client__uuid"),
            aanbieder_uuid=F("aanbieder__uuid"),
            product_code=F("product__code"),
            beschikking_uuid=F("beschikking__uuid"),
            bandbreedte_uuid=F("bandbreedte__uuid"),
        )

    @action(detail=True, methods=["post"], url_path="start-zorg")
    def start_zorg(self, request, uuid=None):
        return self.voer_uit(
            request,
            mag=_eigen_toewijzing,
            weigering="Alleen de zorgaanbieder van deze toewijzing meldt de start van de zorg.",
            invoer=serializers.StartZorgSerializer,
            uitvoeren=lambda toewijzing, data: services.start_zorg_melden(
                actor=request.user, toewijzing=toewijzing, datum=data["datum"], bron="api"
            ),
        )

    @action(detail=True, methods=["post"], url_path="stop-zorg")
    def stop_zorg(self, request, uuid=None):
        return self.voer_uit(
            request,
            mag=_eigen_toewijzing,
            weigering="Alleen de zorgaanbieder van deze toewijzing meldt het einde van de zorg.",
            invoer=serializers.StopZorgSerializer,
            uitvoeren=lambda toewijzing, data: services.stop_zorg_melden(
                actor=request.user, toewijzing=toewijzing, bron="api", **data
            ),
        )


# ---------------------------------------------------------------- support plans


@extend_schema_view(
    list=extend_schema(
        summary="Ondersteuningsplannen",
        description="Alle versies van ondersteuningsplannen die uw organisatie mag zien, met "
        "status en beoordeling (zonder het bestand zelf; zie `/bestand`). " + SYNC_UITLEG,
    ),
    retrieve=extend_schema(summary="Eén versie van een ondersteuningsplan"),
    create=extend_schema(
        summary="Ondersteuningsplan indienen",
        description="De zorgaanbieder van de toewijzing dient een versie van het "
        "ondersteuningsplan in: het gestructureerde deel plus de ondertekende PDF, als "
        "`multipart/form-data`. Alles wordt in één keer gecontroleerd (bandbreedte, datums, "
        "mandaat van de ondertekenaar, PDF); bij een fout wordt niets opgeslagen en noemt "
        "`invalidParams` elk veld.",
        request={"multipart/form-data": serializers.PlanIndienenSerializer},
        responses={201: serializers.OndersteuningsplanSerializer},
    ),
    bestand=extend_schema(
        summary="Ondersteuningsplan downloaden (PDF)",
        description="Het ondertekende ondersteuningsplan zoals het is ingediend.",
        responses={
            (200, "application/pdf"): OpenApiResponse(
                response=OpenApiTypes.BINARY, description="De PDF."
            )
        },
    ),
    accepteren=extend_schema(
        summary="Ondersteuningsplan accepteren",
        description="Het plan wordt de definitieve beschikking en vervangt wat het overlapt "
        "(alleen consulent). Het antwoord is het plan; `beschikking` wijst naar de nieuwe "
        "beschikking.",
        request=None,
        responses={200: serializers.OndersteuningsplanSerializer},
    ),
    afwijzen=extend_schema(
        summary="Ondersteuningsplan afwijzen",
        description="De aanbieder krijgt te zien wat er anders moet en dient een nieuwe "
        "versie in (alleen consulent).",
        request=serializers.AfwijzenSerializer,
        responses={200: serializers.OndersteuningsplanSerializer},
    ),
)
class OndersteuningsplanViewSet(ActieMixin, LeesViewSet):
    api_resource = "ondersteuningsplannen"
    client_veld = "client_pk"
    client_pad = "toewijzing__client_id"
    serializer_class = serializers.OndersteuningsplanSerializer

    def get_queryset(self):
        return Ondersteuningsplan.objects.visible_to(self.request.user).annotate(
            toewijzing_uuid=F("toewijzing__uuid"),
            client_uuid=F("toewijzing__client__uuid"),
            client_pk=F("toewijzing__client_id"),
            ondertekenaar_uuid=F("ondertekenaar__uuid"),
            beschikking_uuid=F("beschikking__uuid"),
        )

    def create(self, request, *args, **kwargs):
        if aanbieder_id(request.user) is None:
            raise exceptions.PermissionDenied(
                "Alleen een zorgaanbieder dient een ondersteuningsplan in."
            )
        invoer = serializers.PlanIndienenSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        invoer.is_valid(raise_exception=True)
        data = dict(invoer.validated_data)
        toewijzing = data.pop("toewijzing")
        self.log_clienten([toewijzing.client_id])
        plan = services.plan_indienen(
            actor=request.user, toewijzing=toewijzing, upload=data.pop("bestand"), **data
        )
        plan = self.get_queryset().get(pk=plan.pk)
        return self.detail_response(
            plan,
            status=201,
            headers={"Location": request.build_absolute_uri(f"{request.path}/{plan.uuid}")},
        )

    @action(
        detail=True,
        methods=["get"],
        renderer_classes=[CamelCaseJSONRenderer, PdfRenderer],
    )
    def bestand(self, request, uuid=None):
        self.log_actie = Actie.DOWNLOADEN
        plan = self.get_object()
        self.log_clienten(self._client_ids_van([plan]))
        try:
            bestand = plan.bestand.open("rb")
        except FileNotFoundError:
            raise exceptions.NotFound(
                "Het bestand van dit ondersteuningsplan is niet (meer) aanwezig."
            ) from None
        return FileResponse(
            bestand,
            content_type="application/pdf",
            as_attachment=True,
            filename=f"ondersteuningsplan-v{plan.versie}.pdf",
        )

    @action(detail=True, methods=["post"])
    def accepteren(self, request, uuid=None):
        return self.voer_uit(
            request,
            mag=_is_consulent,
            weigering=ALLEEN_CONSULENT,
            uitvoeren=lambda plan, data: services.plan_accepteren(actor=request.user, plan=plan),
        )

    @action(detail=True, methods=["post"])
    def afwijzen(self, request, uuid=None):
        return self.voer_uit(
            request,
            mag=_is_consulent,
            weigering=ALLEEN_CONSULENT,
            invoer=serializers.AfwijzenSerializer,
            uitvoeren=lambda plan, data: services.plan_afwijzen(
                actor=request.user, plan=plan, reden=data["reden"]
            ),
        )
