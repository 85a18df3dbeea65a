"""The organisation's own page of four-eyes decisions: which roles, identity changes,
second-factor resets and API keys were requested for its people, by whom, and who
approved or rejected them (docs/adr/0011)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .models import Rol, Wijzigingsverzoek
from .roles import rollen_van
from .services import samenvatting

MAX_REGELS = 200


@login_required
def rechten(request):
    organisatie = request.user.organisatie
    if organisatie is None or not rollen_van(request.user) & set(Rol.values):
        raise PermissionDenied("Deze pagina toont de rechten van uw eigen organisatie.")
    verzoeken = list(
        Wijzigingsverzoek.objects.voor_organisatie(organisatie).select_related(
            "betrokkene", "aangevraagd_door", "beoordeeld_door"
        )[:MAX_REGELS]
    )
    for verzoek in verzoeken:
        verzoek.gevraagd = samenvatting(verzoek)
    return render(
        request,
        "accounts/rechten.html",
        {"organisatie": organisatie, "verzoeken": verzoeken, "max_regels": MAX_REGELS},
    )
