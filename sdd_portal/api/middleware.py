"""Every API answer carries ``API-Version`` (NL API Design Rules, /core/version-header)."""

from django.conf import settings


class ApiVersieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = settings.API_VERSION
        return response
