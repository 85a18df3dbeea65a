"""Pages for contract management about provider organisations."""

from django.shortcuts import render
from django.utils import timezone

from .models import Organisatie, Rol
from .permissions import rol_vereist


@rol_vereist(Rol.CONTRACTMANAGER)
def aanbieders(request):
    from contractbeheer.selectors import aanbieders_met_tellingen

    organisaties, tellingen = aanbieders_met_tellingen(
        Organisatie.objects.aanbieders().order_by("naam"), timezone.localdate()
    )
    return render(
        request,
        "accounts/aanbieders.html",
        {"organisaties": organisaties, "tellingen_berekend_op": tellingen.berekend_op},
    )
