"""camelCase JSON, without walking rows that are already camelCase (see
``serializers.snel_serialiseren``)."""

from djangorestframework_camel_case.render import CamelCaseJSONRenderer
from rest_framework.renderers import JSONRenderer

from .serializers import CamelLijst


class ApiJSONRenderer(CamelCaseJSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and isinstance(data.get("results"), CamelLijst):
            return JSONRenderer.render(self, data, accepted_media_type, renderer_context)
        return super().render(data, accepted_media_type, renderer_context)
