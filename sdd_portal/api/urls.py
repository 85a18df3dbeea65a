"""``/api/v1/``: the resources of every app, the OpenAPI document and its docs pages."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from bandbreedte.api import registreer as bandbreedte_api
from contractbeheer.api import registreer as contractbeheer_api
from fot.api import registreer as fot_api
from indicaties.api import registreer as indicaties_api
from signalen.api import registreer as signalen_api

from . import systeem, views
from .problemen import api_niet_gevonden

router = SimpleRouter(trailing_slash=False)
for registreer in (
    indicaties_api,
    bandbreedte_api,
    contractbeheer_api,
    signalen_api,
    fot_api,
    views.registreer,
):
    registreer(router)

app_name = "api"
urlpatterns = [
    path("openapi.yaml", SpectacularAPIView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    *systeem.urlpatterns,
    *router.urls,
    # Anything else under /api/v1/ is a problem+json 404, also with DEBUG on.
    re_path(r"^.*$", api_niet_gevonden),
]
