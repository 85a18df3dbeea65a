"""The support plan: reading it, its review by the consulent, and its PDF."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.audit.models import Actie
from sdd_portal.forms import fouten_naar_form, status_voor

from ...models import Beschikking, Ondersteuningsplan
from ...selectors import record_of_404
from ...states import PlanStatus
from .. import services
from ..forms import PlanBeoordelingForm
from . import LEZERS

PLAN_RELATED = (
    "toewijzing__client__gemeente",
    "toewijzing__aanbieder",
    "toewijzing__bandbreedte",
    "toewijzing__beschikking",
    "toewijzing__product",
    "ondertekenaar",
    "ingediend_door",
    "beoordeeld_door",
)


@rol_vereist(*LEZERS)
def plan_detail(request, uuid):
    plan = record_of_404(
        request=request,
        model=Ondersteuningsplan,
        uuid=uuid,
        client_veld="toewijzing__client_id",
        omschrijving="Ondersteuningsplan bekeken",
        related=PLAN_RELATED,
    )
    form = None
    if request.user.has_rol(Rol.CONSULENT) and plan.status == PlanStatus.INGEDIEND:
        form = PlanBeoordelingForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                if form.cleaned_data["besluit"] == "accepteren":
                    beschikking = services.plan_accepteren(actor=request.user, plan=plan)
                    messages.success(
                        request, "Het plan is geaccepteerd en is nu de definitieve beschikking."
                    )
                    return redirect("indicaties:beschikking-detail", uuid=beschikking.uuid)
                services.plan_afwijzen(
                    actor=request.user, plan=plan, reden=form.cleaned_data["reden"]
                )
            except ValidationError as exc:
                fouten_naar_form(form, exc)
            else:
                messages.success(
                    request, "Het plan is afgewezen. De aanbieder ziet wat er moet veranderen."
                )
                return redirect("indicaties:plan-detail", uuid=plan.uuid)
    return render(
        request,
        "indicaties/plan_detail.html",
        {
            "plan": plan,
            "toewijzing": plan.toewijzing,
            "client": plan.toewijzing.client,
            "form": form,
            "beschikking": Beschikking.objects.filter(ondersteuningsplan=plan).first(),
        },
        status=status_voor(form),
    )


@rol_vereist(*LEZERS)
def plan_bestand(request, uuid):
    plan = record_of_404(
        request=request,
        model=Ondersteuningsplan,
        uuid=uuid,
        client_veld="toewijzing__client_id",
        omschrijving="Ondersteuningsplan (PDF) gedownload",
        actie=Actie.DOWNLOADEN,
        related=("toewijzing",),
    )
    return FileResponse(
        plan.bestand.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"ondersteuningsplan-v{plan.versie}.pdf",
    )
