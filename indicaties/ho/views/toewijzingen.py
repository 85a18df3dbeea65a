"""The assignment page: the provider opens it, submits a support plan, reports the start and
the stop of care (the same facts a 305/307 or the API report)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.accounts.roles import aanbieder_id
from sdd_portal.forms import fouten_naar_form

from ...models import Toewijzing, Zorgmelding
from ...selectors import record_of_404
from ...states import PlanStatus
from .. import services
from ..forms import PlanForm, StartForm, StopForm
from . import LEZERS


def _toewijzing_context(
    request, toewijzing, plan_form=None, start_form=None, stop_form=None
) -> dict:
    plannen = list(
        toewijzing.ondersteuningsplannen.select_related("ingediend_door", "beoordeeld_door")
    )
    is_aanbieder = aanbieder_id(request.user) == toewijzing.aanbieder_id
    lopend = toewijzing.einddatum is None or toewijzing.einddatum >= timezone.localdate()
    mag_indienen = (
        is_aanbieder
        and toewijzing.bandbreedte_id is not None
        and lopend
        and not any(p.status in (PlanStatus.INGEDIEND, PlanStatus.GEACCEPTEERD) for p in plannen)
    )
    if mag_indienen and plan_form is None:
        laatste = plannen[0] if plannen else None
        initial = {"verzenddatum": timezone.localdate()}
        kort = toewijzing.beschikking
        if laatste is not None:
            initial.update(
                minuten_per_week=laatste.minuten_per_week,
                was_strijk="ja" if laatste.was_strijk else "nee",
                ingangsdatum=laatste.ingangsdatum,
                einddatum=laatste.einddatum,
                ondertekenaar=laatste.ondertekenaar_id,
                afspraken=laatste.afspraken,
            )
        elif kort is not None and kort.is_kortdurend:
            initial["ingangsdatum"] = kort.einddatum + timedelta(days=1)
        plan_form = PlanForm(aanbieder=toewijzing.aanbieder, initial=initial)
    # Care starts under the definitive decision: none is delivered during the short one.
    # Every start and stop, withdrawn ones included (they stay, marked), oldest first.
    zorgmeldingen = list(
        Zorgmelding.objects.filter(toewijzing=toewijzing)
        .select_related("gemeld_door")
        .order_by("begindatum", "created_at", "id")
    )
    actueel = [m for m in zorgmeldingen if m.verwijderd_op is None]
    gestopt = {m.begindatum for m in actueel if m.soort == Zorgmelding.Soort.STOP}
    loopt = any(m.soort == Zorgmelding.Soort.START and m.begindatum not in gestopt for m in actueel)
    tijdelijk_gestopt = any(
        m.soort == Zorgmelding.Soort.STOP and m.reden_beeindiging == "20" for m in actueel
    )
    kan_starten = (
        is_aanbieder
        and not loopt
        and (not toewijzing.start_zorg or tijdelijk_gestopt)
        and toewijzing.beschikking_id is not None
        and not toewijzing.beschikking.is_kortdurend
    )
    if kan_starten and start_form is None:
        start_form = StartForm(initial={"datum": timezone.localdate()})
    kan_stoppen = is_aanbieder and loopt
    if kan_stoppen and stop_form is None:
        stop_form = StopForm(initial={"einddatum": timezone.localdate()})
    return {
        "toewijzing": toewijzing,
        "client": toewijzing.client,
        "plannen": plannen,
        "afgewezen": plannen[0] if plannen and plannen[0].status == PlanStatus.AFGEWEZEN else None,
        "plan_form": plan_form if mag_indienen else None,
        "start_form": start_form if kan_starten else None,
        "stop_form": stop_form if kan_stoppen else None,
        "zorgmeldingen": zorgmeldingen,
        "is_aanbieder": is_aanbieder,
    }


TOEWIJZING_RELATED = ("client__gemeente", "aanbieder", "product", "bandbreedte", "beschikking")


@rol_vereist(*LEZERS)
def toewijzing_detail(request, uuid):
    toewijzing = record_of_404(
        request=request,
        model=Toewijzing,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Toewijzing bekeken",
        related=TOEWIJZING_RELATED,
    )
    services.toewijzing_geopend(actor=request.user, toewijzing=toewijzing)
    return render(
        request, "indicaties/toewijzing_detail.html", _toewijzing_context(request, toewijzing)
    )


@rol_vereist(Rol.AANBIEDER_MEDEWERKER)
@require_POST
def plan_indienen(request, uuid):
    toewijzing = record_of_404(
        request=request,
        model=Toewijzing,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Ondersteuningsplan indienen",
        related=TOEWIJZING_RELATED,
    )
    form = PlanForm(request.POST, request.FILES, aanbieder=toewijzing.aanbieder)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            plan = services.plan_indienen(
                actor=request.user, toewijzing=toewijzing, upload=data.pop("bestand"), **data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                f"Versie {plan.versie} van het ondersteuningsplan is ingediend. De consulent "
                "krijgt een signaal en beoordeelt het.",
            )
            return redirect("indicaties:toewijzing-detail", uuid=toewijzing.uuid)
    return render(
        request,
        "indicaties/toewijzing_detail.html",
        _toewijzing_context(request, toewijzing, plan_form=form),
        status=400,
    )


@rol_vereist(Rol.AANBIEDER_MEDEWERKER)
@require_POST
def start_melden(request, uuid):
    toewijzing = record_of_404(
        request=request,
        model=Toewijzing,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Start zorg melden",
        related=TOEWIJZING_RELATED,
    )
    form = StartForm(request.POST)
    if form.is_valid():
        try:
            services.start_zorg_melden(
                actor=request.user, toewijzing=toewijzing, datum=form.cleaned_data["datum"]
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, "De start van de zorg is gemeld.")
            return redirect("indicaties:toewijzing-detail", uuid=toewijzing.uuid)
    return render(
        request,
        "indicaties/toewijzing_detail.html",
        _toewijzing_context(request, toewijzing, start_form=form),
        status=400,
    )


@rol_vereist(Rol.AANBIEDER_MEDEWERKER)
@require_POST
def stop_melden(request, uuid):
    toewijzing = record_of_404(
        request=request,
        model=Toewijzing,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Stop zorg melden",
        related=TOEWIJZING_RELATED,
    )
    form = StopForm(request.POST)
    if form.is_valid():
        try:
            services.stop_zorg_melden(
                actor=request.user,
                toewijzing=toewijzing,
                einddatum=form.cleaned_data["einddatum"],
                reden_beeindiging=form.cleaned_data["reden_beeindiging"],
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, "Het einde van de zorg is gemeld.")
            return redirect("indicaties:toewijzing-detail", uuid=toewijzing.uuid)
    return render(
        request,
        "indicaties/toewijzing_detail.html",
        _toewijzing_context(request, toewijzing, stop_form=form),
        status=400,
    )
