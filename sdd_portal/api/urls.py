"""``/api/v1/``: the resources every app registered, the OpenAPI document and its docs pages."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.urls import path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import SimpleRouter

from . import registry, systeem, views
from .problemen import api_niet_gevonden

# Every app registered its routes in its AppConfig.ready (sdd_portal/api/registry.py).
registry.routes(views.registreer, volgorde=900)
router = SimpleRouter(trailing_slash=False)
registry.routes_registreren(router)

app_name = "api"
urlpatterns = [
    path("openapi.yaml", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI's init script comes from a URL, not inline (docs/adr/0014).
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    # Redoc injects its styles as <style> elements and searches in a blob: worker: this page
    # alone may do so; script stays 'self' only.
    path(
        "redoc",
        csp_update({"style-src": [UNSAFE_INLINE], "worker-src": [SELF, "blob:"]})(
            SpectacularRedocView.as_view(url_name="api:schema")
        ),
        name="redoc",
    ),
    *systeem.urlpatterns,
    *router.urls,
    # Anything else under /api/v1/ is a problem+json 404, also with DEBUG on.
    re_path(r"^.*$", api_niet_gevonden),
]
