"""The public pages: published minutes, without personal data (see ``fot.openbaar``)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from ..models import Vergadering
from ..openbaar import anoniem


def openbaar_lijst(request):
    vergaderingen = Vergadering.objects.gepubliceerd().select_related("tafel").order_by("-datum")
    return render(request, "fot/openbaar_lijst.html", {"vergaderingen": vergaderingen})


def openbaar_verslag(request, uuid):
    try:
        v = Vergadering.objects.gepubliceerd().select_related("tafel").get(uuid=uuid)
    except Vergadering.DoesNotExist:
        raise Http404("Dit verslag is niet gepubliceerd.") from None
    return render(request, "fot/openbaar_verslag.html", anoniem(v))


def openbaar_pdf(request, uuid):
    from ..pdf import verslag_pdf

    try:
        v = Vergadering.objects.gepubliceerd().select_related("tafel").get(uuid=uuid)
    except Vergadering.DoesNotExist:
        raise Http404("Dit verslag is niet gepubliceerd.") from None
    response = HttpResponse(verslag_pdf(v, openbaar=True), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="verslag-fot-{v.tafel.naam}-{v.datum}.pdf"'
    return response
