"""Search in the access log, for functioneel beheerders only.

The log holds tens of millions of rows (every page appends one), so the page never counts
the whole result: ``BegrensdePaginator`` (sdd_portal/paginatie.py) counts at most ``MAX_REGELS`` + 1
rows and offers the newest ``MAX_REGELS``; beyond that the user is asked to refine the
search. Each filter has an index (docs/toegangslog.md) and date filters skip whole monthly
partitions. A search that still runs longer than ``ZOEK_TIMEOUT_MS`` is stopped with a
message instead of holding a database connection."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.db import OperationalError, connection, transaction
from django.shortcuts import render
from django.utils import timezone
from psycopg.errors import QueryCanceled

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.paginatie import BegrensdePaginator

from .forms import ToegangslogZoekForm
from .models import AccessLogEntry, Actie
from .services import client_model, log_access

MAX_REGELS = 10_000  # rows a search counts and pages through at most
ZOEK_TIMEOUT_MS = 15_000


def _aware(datum, extra_days=0):
    return timezone.make_aware(datetime.combine(datum + timedelta(days=extra_days), time.min))


def _gefilterd(request, data):
    entries = AccessLogEntry.objects.all()
    if data.get("gebruikersnaam"):
        entries = entries.filter(username__iexact=data["gebruikersnaam"])
    if data.get("bsn"):
        client_id = (
            client_model().objects.filter(bsn=data["bsn"]).values_list("pk", flat=True).first()
        )
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
    return entries


@rol_vereist(Rol.FUNCTIONEEL_BEHEERDER)
def zoeken(request):
    form = ToegangslogZoekForm(request.GET or None)
    entries = AccessLogEntry.objects.none()
    if not request.GET or form.is_valid():
        entries = _gefilterd(request, form.cleaned_data if request.GET else {})
    paginator = BegrensdePaginator(
        entries.order_by("-timestamp", "-id"),
        settings.PAGE_SIZE * 2,
        grens=MAX_REGELS,
        tel_kolom="timestamp",
    )
    te_lang = False
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {int(ZOEK_TIMEOUT_MS)}")
            page = paginator.get_page(request.GET.get("pagina"))
            page.object_list = list(page.object_list)
    except OperationalError as error:
        if not isinstance(error.__cause__, QueryCanceled):
            raise
        te_lang = True
        page = Paginator(AccessLogEntry.objects.none(), 1).get_page(1)
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "audit/zoeken.html",
        {
            "form": form,
            "page": page,
            "querystring": querystring.urlencode(),
            "te_lang": te_lang,
            "max_regels": MAX_REGELS,
        },
        status=400 if form.errors else 200,
    )
