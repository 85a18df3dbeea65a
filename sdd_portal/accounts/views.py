"""Pages for contract management about provider organisations."""

from django.shortcuts import render
from django.utils import timezone

from .models import Organisatie, Rol
from .permissions import rol_vereist


@rol_vereist(Rol.CONTRACTMANAGER)
def aanbieders(request):
    organisaties = (
        Organisatie.objects.aanbieders().met_tellingen(timezone.localdate()).order_by("naam")
    )
    return render(request, "accounts/aanbieders.html", {"organisaties": organisaties})
