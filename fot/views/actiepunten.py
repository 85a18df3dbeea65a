"""Pages of the action items: recording one in a meeting, an item with its progress, and the
action list across all meetings the user may see."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.audit.models import Actie, Uitkomst
from sdd_portal.audit.services import log_access, zichtbaar_of_404
from sdd_portal.forms import fouten_naar_form, status_voor

from .. import services
from ..forms import ALLE_AANBIEDERS, ActiepuntFilterForm, ActiepuntForm, ActieUpdateForm
from ..models import Actiepunt, ActieStatus
from .vergaderingen import ACTIE_RELATED, LEZERS, _terug, _vergadering

ACTIELIJST_PER_PAGINA = 50


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def actiepunt_nieuw(request, uuid):
    v = _vergadering(request, uuid)
    form = ActiepuntForm(request.POST, vergadering=v)
    if form.is_valid():
        data = dict(form.cleaned_data)
        punt_id = data.pop("agendapunt")
        data["agendapunt"] = v.agenda.filter(pk=punt_id).first() if punt_id else None
        try:
            actie = services.actiepunt_toevoegen(actor=request.user, vergadering=v, **data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, f"Actiepunt {actie.nummer} is vastgelegd.")
            return _terug(v, "#acties")
    return render(
        request,
        "fot/formulier.html",
        {"v": v, "form": form, "titel": "Actiepunt vastleggen"},
        status=status_voor(form),
    )


@rol_vereist(*LEZERS)
def actiepunt(request, uuid):
    actie = zichtbaar_of_404(
        Actiepunt.objects.visible_to(request.user).select_related(*ACTIE_RELATED),
        request=request,
        uuid=uuid,
        omschrijving="Overlegtafel",
        melding="Dit actiepunt bestaat niet of u heeft er geen toegang toe.",
    )
    mag = services.mag_actie_bijwerken(request.user, actie)
    form = ActieUpdateForm(request.POST or None, initial={"status": actie.status}) if mag else None
    if request.method == "POST":
        if not mag:
            log_access(
                request=request,
                actie=Actie.WIJZIGEN,
                omschrijving=f"Overlegtafel: actiepunt {actie.uuid} bijwerken geweigerd",
                uitkomst=Uitkomst.GEWEIGERD,
            )
            return HttpResponse(
                "Alleen de eigenaar of contractmanagement werkt dit bij.", status=403
            )
        if form.is_valid():
            try:
                services.actie_bijwerken(actor=request.user, actiepunt=actie, **form.cleaned_data)
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(request, "De stand van zaken is vastgelegd.")
                return redirect("fot:actiepunt", actie.uuid)
    return render(
        request,
        "fot/actiepunt.html",
        {"actie": actie, "updates": list(actie.updates.select_related("door")), "form": form},
        status=status_voor(form),
    )


def _actielijst(user, data: dict):
    """The visible action items matching the filters, soonest due first."""
    qs = (
        Actiepunt.objects.visible_to(user)
        .met_uiterlijk(user)
        .met_laatste_update()
        .select_related(*ACTIE_RELATED)
    )
    if data.get("tafel"):
        qs = qs.filter(tafel=data["tafel"])
    if data.get("status"):
        qs = qs.filter(status=data["status"])
    eigenaar = data.get("eigenaar")
    if eigenaar is not None:
        soort, pk = eigenaar
        if soort == ALLE_AANBIEDERS:
            qs = qs.filter(eigenaar_alle_aanbieders=True)
        elif soort == "o":
            qs = qs.van_organisatie(pk)
        else:
            qs = qs.filter(eigenaar_persoon_id=pk)
    if data.get("verlopen"):
        qs = qs.verlopen(timezone.localdate())
    if data.get("q"):
        qs = qs.zoek(data["q"])
    return qs.order_by(
        F("uiterlijk_datum").asc(nulls_last=True), "vergadering__datum", "tafel__naam", "id"
    )


@rol_vereist(*LEZERS)
def actiepunten(request):
    """The action items of every meeting the user may see, to track follow-up. Without a
    status in the address only the open ones."""
    data = request.GET.copy()
    data.setdefault("status", ActieStatus.OPEN)
    form = ActiepuntFilterForm(data, actor=request.user)
    page = None
    if form.is_valid():
        page = Paginator(_actielijst(request.user, form.cleaned_data), ACTIELIJST_PER_PAGINA)
        page = page.get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "fot/actiepunten.html",
        {
            "form": form,
            "page": page,
            "querystring": querystring.urlencode(),
            "vandaag": timezone.localdate(),
        },
        status=status_voor(form),
    )
