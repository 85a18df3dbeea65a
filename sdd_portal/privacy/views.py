"""Pages of the privacy duties, for functioneel beheerders only: the destruction lists
(review, four-eyes approval, the destruction record) and the inzage export (AVG art. 15).

Who: the functioneel beheerder, who already keeps the access log and the reference data.
Contract managers, consulenten and providers get 403 (docs/adr/0015)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import client_model, log_access

from . import inzage as inzage_export
from . import services
from .forms import InzageForm, RedenForm
from .models import Vernietigingslijst, Vernietigingsverklaring


@rol_vereist(Rol.FUNCTIONEEL_BEHEERDER)
def lijsten(request):
    if request.method == "POST":
        lijst = services.lijst_voorstellen(peildatum=timezone.localdate(), actor=request.user)
        if lijst is None:
            messages.info(request, "Er zijn geen cliënten van wie de bewaartermijn is verstreken.")
            return redirect("privacy:lijsten")
        return redirect("privacy:lijst", uuid=lijst.uuid)
    return render(
        request,
        "privacy/lijsten.html",
        {
            "lijsten": Vernietigingslijst.objects.select_related(
                "voorgedragen_door", "beoordeeld_door"
            ),
            "verklaringen": Vernietigingsverklaring.objects.all(),
        },
    )


def _items_met_client(request, lijst):
    items = list(lijst.items.all())
    clienten = client_model()._default_manager.in_bulk([i.client_id for i in items])
    for item in items:
        item.client = clienten.get(item.client_id)
    getoond = [i.client_id for i in items if i.client is not None]
    if getoond:
        log_access(
            request=request,
            actie=Actie.BEKIJKEN,
            omschrijving=f"Vernietigingslijst {lijst.peildatum:%d-%m-%Y} bekeken",
            client_ids=getoond,
        )
    return items


def _actie(request, lijst) -> str | None:
    """Carry out the posted action; return an error message or None."""
    actie = request.POST.get("actie", "")
    try:
        if actie in ("uitsluiten", "terugzetten"):
            item = get_object_or_404(lijst.items, pk=_int(request.POST.get("item")))
            if actie == "terugzetten":
                services.item_terugzetten(item=item, actor=request.user)
                return None
            form = RedenForm(request.POST)
            if not form.is_valid():
                return "Geef een reden waarom deze cliënt niet wordt vernietigd."
            services.item_uitsluiten(
                item=item, actor=request.user, reden=form.cleaned_data["reden"]
            )
        elif actie == "voordragen":
            services.lijst_voordragen(lijst=lijst, actor=request.user)
            messages.success(request, "De lijst is voorgedragen. Een collega moet hem goedkeuren.")
        elif actie == "goedkeuren":
            services.lijst_goedkeuren(lijst=lijst, actor=request.user)
            messages.success(request, "Goedgekeurd. De gegevens worden nu vernietigd.")
        elif actie == "afwijzen":
            form = RedenForm(request.POST)
            if not form.is_valid():
                return "Geef een reden van afwijzing."
            services.lijst_afwijzen(
                lijst=lijst, actor=request.user, reden=form.cleaned_data["reden"]
            )
        else:
            return "Onbekende actie."
    except (ValidationError, PermissionDenied) as fout:
        return " ".join(fout.messages) if isinstance(fout, ValidationError) else str(fout)
    return None


def _int(waarde) -> int:
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return 0


@rol_vereist(Rol.FUNCTIONEEL_BEHEERDER)
def lijst(request, uuid):
    lijst = get_object_or_404(Vernietigingslijst, uuid=uuid)
    if request.method == "POST":
        fout = _actie(request, lijst)
        if fout is None:
            return redirect("privacy:lijst", uuid=lijst.uuid)
        messages.error(request, fout)
        return redirect("privacy:lijst", uuid=lijst.uuid)
    S = Vernietigingslijst.Status
    return render(
        request,
        "privacy/lijst.html",
        {
            "lijst": lijst,
            "items": _items_met_client(request, lijst),
            "geschiedenis": lijst.history.select_related("history_user").order_by("history_date"),
            "verklaring": Vernietigingsverklaring.objects.filter(lijst=lijst).first(),
            "kan_beoordelen": lijst.status == S.CONCEPT,
            "kan_goedkeuren": lijst.status == S.VOORGEDRAGEN
            and lijst.voorgedragen_door_id != request.user.pk,
            "zelf_voorgedragen": lijst.status == S.VOORGEDRAGEN
            and lijst.voorgedragen_door_id == request.user.pk,
        },
    )


@rol_vereist(Rol.FUNCTIONEEL_BEHEERDER)
def inzage(request):
    form = InzageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = client_model()._default_manager.filter(bsn=form.cleaned_data["bsn"]).first()
        if client is None:
            form.add_error("bsn", "Er staat geen cliënt met dit BSN in het portaal.")
        else:
            formaat = form.cleaned_data["formaat"]
            gegevens = inzage_export.verzamelen(client)
            log_access(
                request=request,
                actie=Actie.EXPORTEREN,
                omschrijving=f"Inzage AVG art. 15 ({formaat.upper()}), kenmerk "
                f"{form.cleaned_data['kenmerk']}",
                client_ids=[client.pk],
            )
            naam = f"inzage-{timezone.localdate():%Y%m%d}-{client.uuid}"
            if formaat == "json":
                response = HttpResponse(
                    inzage_export.als_json(gegevens), content_type="application/json"
                )
                response["Content-Disposition"] = f'attachment; filename="{naam}.json"'
            else:
                response = HttpResponse(
                    inzage_export.als_pdf(gegevens), content_type="application/pdf"
                )
                response["Content-Disposition"] = f'attachment; filename="{naam}.pdf"'
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "privacy/inzage.html", {"form": form})
