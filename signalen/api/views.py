from django.apps import apps
from django.db.models import Case, Exists, F, OuterRef, Subquery, UUIDField, When
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action

from sdd_portal.api.viewsets import LeesViewSet

from .. import services
from ..models import Signaal, SignaalGelezen
from . import serializers


def _onderwerp_uuid():
    """The subject's UUID in the same query: one subquery per known subject model."""
    return Case(
        *[
            When(
                onderwerp_type__app_label=app,
                onderwerp_type__model=model,
                then=Subquery(
                    apps.get_model(app, model)
                    .objects.filter(pk=OuterRef("onderwerp_id"))
                    .values("uuid")[:1]
                ),
            )
            for app, model in serializers.ONDERWERP_RESOURCES
        ],
        default=None,
        output_field=UUIDField(),
    )


@extend_schema_view(
    list=extend_schema(
        summary="Signalen",
        description="Signalen en taken in de postvakken van deze API-sleutel: voor een "
        "zorgaanbieder die van de organisatie, voor de SDD die van de rollen van de sleutel. "
        "Open en gesloten, oudste wijziging eerst. Gebruik `modifiedSince` en de `next`-link "
        "om bij te blijven.",
    ),
    retrieve=extend_schema(summary="Eén signaal"),
)
class SignaalViewSet(LeesViewSet):
    api_resource = "signalen"
    client_veld = "client_id"
    serializer_class = serializers.SignaalSerializer

    def get_queryset(self):
        user = self.request.user
        return Signaal.objects.visible_to(user).annotate(
            client_uuid=F("client__uuid"),
            onderwerp_app=F("onderwerp_type__app_label"),
            onderwerp_model=F("onderwerp_type__model"),
            onderwerp_uuid=_onderwerp_uuid(),
            is_gelezen=Exists(
                SignaalGelezen.objects.filter(signaal_id=OuterRef("pk"), gebruiker_id=user.pk)
            ),
        )

    def _antwoord(self, signaal):
        signaal = self.get_queryset().get(pk=signaal.pk)
        self.log_clienten(self._client_ids_van([signaal]))
        return self.detail_response(signaal)

    @extend_schema(
        summary="Signaal als gelezen markeren",
        description="Markeert het signaal als gelezen voor deze API-sleutel (collega's houden "
        "hun eigen markering).",
        request=None,
        responses={200: serializers.SignaalSerializer},
    )
    @action(detail=True, methods=["post"], url_path="gelezen")
    def gelezen(self, request, uuid=None):
        signaal = self.get_object()
        self.controleer_if_match(signaal)
        services.gelezen(actor=request.user, signalen=[signaal])
        return self._antwoord(signaal)

    @extend_schema(
        summary="Signaal afhandelen",
        description="Sluit een open signaal met een notitie over wat er gedaan is.",
        request=serializers.AfhandelenSerializer,
        responses={200: serializers.SignaalSerializer},
    )
    @action(detail=True, methods=["post"], url_path="afhandelen")
    def afhandelen(self, request, uuid=None):
        signaal = self.get_object()
        self.controleer_if_match(signaal)
        invoer = serializers.AfhandelenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.signaal_sluiten(
            actor=request.user, signaal=signaal, notitie=invoer.validated_data["notitie"]
        )
        return self._antwoord(signaal)
