"""Search in the access log, for functioneel beheerders only."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from indicaties.models import Client
from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist

from .forms import ToegangslogZoekForm
from .models import AccessLogEntry, Actie
from .services import log_access


def _aware(datum, extra_days=0):
    return timezone.make_aware(datetime.combine(datum + timedelta(days=extra_days), time.min))


@rol_vereist(Rol.FUNCTIONEEL_BEHEERDER)
def zoeken(request):
    form = ToegangslogZoekForm(request.GET or None)
    entries = AccessLogEntry.objects.none()
    if not request.GET or form.is_valid():
        data = form.cleaned_data if request.GET else {}
        entries = AccessLogEntry.objects.all()
        if data.get("gebruikersnaam"):
            entries = entries.filter(username__iexact=data["gebruikersnaam"])
        if data.get("bsn"):
            client_id = Client.objects.filter(bsn=data["bsn"]).values_list("pk", flat=True).first()
            entries = entries.for_client(client_id) if client_id else AccessLogEntry.objects.none()
            # Looking up who saw a client is itself a read about that client.
            log_access(
                request=request,
                actie=Actie.ZOEKEN,
                omschrijving="Toegangslog doorzocht op cliënt",
                client_ids=[client_id] if client_id else [],
            )
        if data.get("actie"):
            entries = entries.filter(actie=data["actie"])
        if data.get("uitkomst"):
            entries = entries.filter(uitkomst=data["uitkomst"])
        if data.get("van"):
            entries = entries.filter(timestamp__gte=_aware(data["van"]))
        if data.get("tot"):
            entries = entries.filter(timestamp__lt=_aware(data["tot"], extra_days=1))
    page = Paginator(entries.order_by("-timestamp", "-id"), settings.PAGE_SIZE * 2).get_page(
        request.GET.get("pagina")
    )
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "audit/zoeken.html",
        {"form": form, "page": page, "querystring": querystring.urlencode()},
        status=400 if form.errors else 200,
    )
