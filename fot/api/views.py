from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action

from sdd_portal.api.viewsets import LeesViewSet

from .. import services
from ..models import Actiepunt, Agendapunt, Annotatie, Vergadering
from . import serializers

SYNC = "Gebruik `modifiedSince` en de `next`-link om bij te blijven."


def actiepunten(qs):
    """Action items with everything their representation needs, in a fixed number of
    queries."""
    return (
        qs.select_related("eigenaar_organisatie", "eigenaar_persoon")
        .annotate(
            tafel_naam=F("tafel__naam"),
            vergadering_uuid=F("vergadering__uuid"),
            agendapunt_uuid=F("agendapunt__uuid"),
            eigenaar_organisatie_uuid=F("eigenaar_organisatie__uuid"),
        )
        .prefetch_related("updates")
    )


@extend_schema_view(
    list=extend_schema(
        summary="Vergaderingen",
        description="Vergaderingen van de overlegtafels (FOT) met agenda en verslag, "
        "actiepunten, deelnemers en annotaties: contractmanagement en consulenten zien alle, een "
        "zorgaanbieder die van de tafels waarvan zij lid is (of was), zonder verslagen die nog "
        f"in concept zijn. {SYNC}",
    ),
    retrieve=extend_schema(
        summary="Eén vergadering",
        description="Met agenda en verslag, actiepunten, deelnemers en annotaties.",
    ),
)
class VergaderingViewSet(LeesViewSet):
    api_resource = "fot"
    omschrijving = "vergaderingen"
    serializer_class = serializers.VergaderingSerializer

    def get_queryset(self):
        qs = Vergadering.objects.visible_to(self.request.user).annotate(tafel_naam=F("tafel__naam"))
        return qs.prefetch_related(
            Prefetch(
                "agenda",
                queryset=Agendapunt.objects.annotate(
                    bovenliggend_uuid=F("bovenliggend__uuid")
                ).order_by("volgorde", "id"),
            ),
            Prefetch(
                "actiepunten",
                queryset=actiepunten(Actiepunt.objects.visible_to(self.request.user)).order_by(
                    "id"
                ),
            ),
            "deelnames",
            Prefetch(
                "annotaties",
                queryset=Annotatie.objects.annotate(agendapunt_uuid=F("agendapunt__uuid")),
            ),
        )


@extend_schema_view(
    list=extend_schema(
        summary="Actiepunten",
        description="Afspraken en vervolgacties van de vergaderingen die u mag zien, met hun "
        "stand van zaken: een zorgaanbieder ziet ze zodra het verslag met de leden is gedeeld "
        f"(ter vaststelling of vastgesteld), niet die van een geplande vergadering. {SYNC}",
    ),
    retrieve=extend_schema(summary="Eén actiepunt"),
)
class ActiepuntViewSet(LeesViewSet):
    api_resource = "fot"
    omschrijving = "actiepunten"
    serializer_class = serializers.ActiepuntSerializer

    def get_queryset(self):
        return actiepunten(Actiepunt.objects.visible_to(self.request.user))

    @extend_schema(
        summary="Actiepunt bijwerken",
        description="De eigenaar (of contractmanagement) legt de stand van zaken vast en kan het "
        "actiepunt daarbij afronden.",
        request=serializers.ActieBijwerkenSerializer,
        responses={200: serializers.ActiepuntSerializer},
    )
    @action(detail=True, methods=["post"], url_path="bijwerken")
    def bijwerken(self, request, uuid=None):
        actie = self.get_object()
        if not services.mag_actie_bijwerken(request.user, actie):
            raise PermissionDenied("Alleen de eigenaar of contractmanagement werkt dit bij.")
        self.controleer_if_match(actie)
        invoer = serializers.ActieBijwerkenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.actie_bijwerken(actor=request.user, actiepunt=actie, **invoer.validated_data)
        return self.detail_response(self.get_queryset().get(pk=actie.pk))
