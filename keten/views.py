"""Pages of the chain: the export of a decision as an iWmo 301 message (a download)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from indicaties.ho.views.beschikkingen import BESCHIKKING_RELATED
from indicaties.models import Beschikking
from indicaties.selectors import record_of_404
from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.audit.models import Actie

from . import services


@rol_vereist(Rol.CONSULENT)
@require_POST
def beschikking_exporteren(request, uuid):
    beschikking = record_of_404(
        request=request,
        model=Beschikking,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Beschikking geëxporteerd (iWmo 301)",
        actie=Actie.EXPORTEREN,
        related=BESCHIKKING_RELATED,
    )
    try:
        xml = services.beschikking_exporteren(actor=request.user, beschikking=beschikking)
    except ValidationError as exc:
        for melding in exc.messages:
            messages.error(request, melding)
        return redirect("indicaties:beschikking-detail", uuid=beschikking.uuid)
    response = HttpResponse(xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="wmo301-{beschikking.uuid}.xml"'
    return response
