"""Reads of client data that write the access log on the way."""

from __future__ import annotations

from django.http import Http404

from sdd_portal.audit.models import Actie, Uitkomst
from sdd_portal.audit.services import log_access

from .models import Client


def client_of_404(*, request, uuid, omschrijving: str, actie: Actie = Actie.BEKIJKEN) -> Client:
    """The client with ``uuid`` if the user may see it; otherwise log the attempt and 404.

    A client of another provider answers exactly like a client that does not exist,
    so the answer reveals nothing; the access log records which client was tried.
    """
    try:
        client = (
            Client.objects.visible_to(request.user)
            .select_related("gemeente", "consulent")
            .get(uuid=uuid)
        )
    except Client.DoesNotExist:
        bestaand = Client.objects.filter(uuid=uuid).values_list("pk", flat=True).first()
        log_access(
            request=request,
            actie=actie,
            omschrijving=omschrijving,
            client_ids=[bestaand] if bestaand else [],
            uitkomst=Uitkomst.GEWEIGERD if bestaand else Uitkomst.NIET_GEVONDEN,
        )
        raise Http404("Deze cliënt bestaat niet of u heeft er geen toegang toe.") from None
    log_access(request=request, actie=actie, omschrijving=omschrijving, client_ids=[client.pk])
    return client
