"""One guard for input no field can hold: a NUL character in a query or form value.

PostgreSQL text cannot contain NUL, so a view that passes such a value to a query (a search
box, a filter read from ``request.GET``) fails with a database error. Django's form fields
refuse NUL already; this middleware refuses it for every value and parameter name (query
string everywhere, form bodies outside the API) before any view runs, with a 400 and a
Dutch message naming the field (problem+json under /api/).
"""

from __future__ import annotations

import logging

from django.shortcuts import render

logger = logging.getLogger(__name__)

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def veld_met_nul(request) -> str | None:
    """The name of the first query or form parameter whose name or value holds NUL."""
    bronnen = [request.GET]
    # The API parses its own bodies (camelCase parsers; its serializer fields refuse NUL):
    # reading request.POST here would consume a multipart stream before DRF sees it.
    if (
        request.method not in ("GET", "HEAD", "OPTIONS")
        and request.content_type in FORM_TYPES
        and not request.path.startswith("/api/")
    ):
        bronnen.append(request.POST)
    for bron in bronnen:
        for naam, waarden in bron.lists():
            if "\x00" in naam or any("\x00" in w for w in waarden):
                return naam.replace("\x00", "")[:50] or "(naamloos)"
    return None


def melding(veld: str) -> str:
    return (
        f"Het veld '{veld}' bevat een ongeldig teken (NUL). Verwijder het en probeer het opnieuw."
    )


class NulTekenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        veld = veld_met_nul(request)
        if veld is None:
            return self.get_response(request)
        logger.info("NUL-teken geweigerd in %r op %s", veld, request.path)
        if request.path.startswith("/api/"):
            from sdd_portal.api.problemen import _json_probleem

            return _json_probleem(request, 400, melding(veld))
        return render(request, "400.html", {"melding": melding(veld)}, status=400)
