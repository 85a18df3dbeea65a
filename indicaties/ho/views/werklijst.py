"""The worklists of consulent and provider, and the client's timeline."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import log_access
from sdd_portal.paginatie import begrensd_aantal

from ...selectors import client_of_404, werklijst_aanbieder, werklijst_consulent
from ...selectors import tijdlijn as tijdlijn_van
from . import LEZERS

WERKLIJST_GROOTTE = 50


def _deel(qs):
    return {"aantal": qs.count(), "rijen": list(qs[:WERKLIJST_GROOTTE])}


@rol_vereist(*LEZERS)
def werklijst(request):
    user = request.user
    context: dict = {"vandaag": timezone.localdate(), "max": WERKLIJST_GROOTTE}
    client_ids: list[int] = []
    if user.has_rol(Rol.CONSULENT):
        alleen_eigen = request.GET.get("wie") == "mijn"
        lijst = werklijst_consulent(user, alleen_eigen=alleen_eigen)
        context.update(
            alleen_eigen=alleen_eigen,
            plannen=_deel(lijst["plannen"]),
            kortdurend=_deel(lijst["kortdurend"]),
            onderzoek=_deel(lijst["onderzoek"]),
            kortdurend_dagen=lijst["kortdurend_dagen"],
        )
        client_ids += [p.toewijzing.client_id for p in context["plannen"]["rijen"]]
        client_ids += [b.client_id for b in context["kortdurend"]["rijen"]]
        client_ids += [m.client_id for m in context["onderzoek"]["rijen"]]
    else:
        lijst = werklijst_aanbieder(user)
        verwacht = lijst["verwacht"]
        # Tens of thousands at national scale: count at most 1,000, newest first (the
        # assignments still waiting for a plan are the recent ones).
        aantal, afgekapt = begrensd_aantal(verwacht.reverse())
        context.update(
            nieuw=_deel(lijst["nieuw"]),
            afgewezen=_deel(lijst["afgewezen"]),
            verwacht={
                "aantal": aantal,
                "afgekapt": afgekapt,
                "rijen": list(verwacht[:WERKLIJST_GROOTTE]),
            },
        )
        for t in context["verwacht"]["rijen"]:
            t.plan_verwacht_op = timezone.localtime(t.created_at).date() + lijst["termijn"]
        client_ids += [t.client_id for t in context["nieuw"]["rijen"]]
        client_ids += [p.toewijzing.client_id for p in context["afgewezen"]["rijen"]]
        client_ids += [t.client_id for t in context["verwacht"]["rijen"]]
    if client_ids:
        log_access(
            request=request, actie=Actie.BEKIJKEN, omschrijving="Werklijst", client_ids=client_ids
        )
    return render(request, "indicaties/werklijst.html", context)


@rol_vereist(*LEZERS)
def tijdlijn(request, uuid):
    client = client_of_404(request=request, uuid=uuid, omschrijving="Tijdlijn bekeken")
    return render(
        request,
        "indicaties/tijdlijn.html",
        {"client": client, "gebeurtenissen": tijdlijn_van(request.user, client)},
    )
