"""The decision page: reading it, extending it, withdrawing it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.forms import fouten_naar_form, status_voor

from ...models import Beschikking, Brief
from ...selectors import record_of_404
from .. import services
from ..forms import IntrekForm, VerlengForm
from . import LEZERS

BESCHIKKING_RELATED = (
    "client__gemeente",
    "product",
    "aanbieder",
    "bandbreedte__normenkader",
    "ondertekend_door",
    "vervangt",
    "ondersteuningsplan",
)


def _beschikking_context(request, beschikking, verleng_form=None) -> dict:
    is_consulent = request.user.has_rol(Rol.CONSULENT)
    kan_verlengen = (
        is_consulent
        and beschikking.status == "geldig"
        and not beschikking.is_kortdurend
        and beschikking.einddatum >= timezone.localdate()
    )
    if kan_verlengen and verleng_form is None:
        verleng_form = VerlengForm()
    return {
        "beschikking": beschikking,
        "client": beschikking.client,
        "is_consulent": is_consulent,
        "verleng_form": verleng_form if kan_verlengen else None,
        "verlengingen": beschikking.verlengingen.select_related("verlengd_door"),
        "vervangen_door": beschikking.vervangen_door.first(),
        "brieven": Brief.objects.visible_to(request.user)
        .filter(beschikking=beschikking)
        .select_related("sjabloon")
        .order_by("-created_at", "-id"),
        "kan_intrekken": is_consulent and beschikking.status == "geldig",
    }


@rol_vereist(*LEZERS)
def beschikking_detail(request, uuid):
    beschikking = record_of_404(
        request=request,
        model=Beschikking,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Beschikking bekeken",
        related=BESCHIKKING_RELATED,
    )
    return render(
        request, "indicaties/beschikking_detail.html", _beschikking_context(request, beschikking)
    )


@rol_vereist(Rol.CONSULENT)
@require_POST
def beschikking_verlengen(request, uuid):
    beschikking = record_of_404(
        request=request,
        model=Beschikking,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Beschikking verlengen",
        related=BESCHIKKING_RELATED,
    )
    form = VerlengForm(request.POST)
    if form.is_valid():
        try:
            services.beschikking_verlengen(
                actor=request.user, beschikking=beschikking, **form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                "De beschikking en de toewijzing zijn verlengd. Er is geen nieuw plan en geen "
                "nieuwe export nodig.",
            )
            return redirect("indicaties:beschikking-detail", uuid=beschikking.uuid)
    return render(
        request,
        "indicaties/beschikking_detail.html",
        _beschikking_context(request, beschikking, verleng_form=form),
        status=400,
    )


@rol_vereist(Rol.CONSULENT)
def beschikking_intrekken(request, uuid):
    beschikking = record_of_404(
        request=request,
        model=Beschikking,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Beschikking intrekken",
        related=BESCHIKKING_RELATED,
    )
    form = IntrekForm(
        request.POST if request.method == "POST" else None,
        initial={"per": timezone.localdate(), "verzenddatum": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.beschikking_intrekken(
                actor=request.user, beschikking=beschikking, **form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                "De beschikking is ingetrokken; de toewijzing eindigt mee. De cliënt krijgt "
                "een intrekkingsbesluit (zie Brieven).",
            )
            return redirect("indicaties:beschikking-detail", uuid=beschikking.uuid)
    return render(
        request,
        "indicaties/beschikking_intrekken.html",
        {"beschikking": beschikking, "client": beschikking.client, "form": form},
        status=status_voor(form),
    )
