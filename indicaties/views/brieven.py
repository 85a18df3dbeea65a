"""Letters: download and preview behind the permission check and the access log, and the
mailing runs. (The withdrawal and refusal decisions that produce letters are pages of the
HO process.)"""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import log_access
from sdd_portal.forms import fouten_naar_form, status_voor

from ..brieven.render import render as render_brief
from ..brieven.services import verzendrun_maken, verzendrun_verzonden
from ..forms import VerzendrunForm, VerzondenForm
from ..models import Brief, BriefStatus, Verzendrun
from ..selectors import record_of_404

LEZERS = (Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER)


def _brief(request, uuid, omschrijving, actie=Actie.DOWNLOADEN) -> Brief:
    return record_of_404(
        request=request,
        model=Brief,
        uuid=uuid,
        client_veld="client_id",
        omschrijving=omschrijving,
        actie=actie,
        related=("client__gemeente", "beschikking", "sjabloon"),
    )


@rol_vereist(*LEZERS)
def brief_pdf(request, uuid):
    """The stored letter, as it was (or will be) sent."""
    brief = _brief(request, uuid, "Brief (PDF) gedownload")
    if not brief.bestand or brief.status not in (BriefStatus.KLAAR, BriefStatus.VERZONDEN):
        raise Http404("Deze brief wordt nog gemaakt; bekijk zolang het voorbeeld.")
    return FileResponse(
        brief.bestand.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{brief.soort}-{brief.verzenddatum:%Y%m%d}.pdf",
    )


@rol_vereist(*LEZERS)
def brief_voorbeeld(request, uuid):
    """The letter rendered now from the current data, marked VOORBEELD, shown in the
    browser: what will be sent if nothing changes."""
    brief = _brief(request, uuid, "Voorbeeld van een brief bekeken", actie=Actie.BEKIJKEN)
    try:
        pdf, _ = render_brief(brief, voorbeeld=True)
    except ValidationError as exc:
        return HttpResponse(
            "Deze brief kan niet worden gemaakt: " + " ".join(exc.messages),
            status=409,
            content_type="text/plain; charset=utf-8",
        )
    return FileResponse(
        io.BytesIO(pdf),
        content_type="application/pdf",
        filename=f"voorbeeld-{brief.soort}.pdf",
    )


# ------------------------------------------------------------------ mailing runs


@rol_vereist(Rol.CONSULENT)
def verzendruns(request):
    form = VerzendrunForm(
        request.POST if request.method == "POST" else None,
        initial={"datum": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            run = verzendrun_maken(actor=request.user, datum=form.cleaned_data["datum"])
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            return redirect("indicaties:verzendrun-detail", uuid=run.uuid)
    vandaag = timezone.localdate()
    wachtend = Brief.objects.te_verzenden(vandaag)
    pagina = Paginator(
        Verzendrun.objects.select_related("gemaakt_door", "verzonden_door").order_by(
            "-created_at", "-id"
        ),
        25,
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "indicaties/verzendruns.html",
        {
            "form": form,
            "pagina": pagina,
            "wachtend": wachtend.count(),
            "met_fout": Brief.objects.filter(status=BriefStatus.FOUT, verzendrun__isnull=True)
            .select_related("client")
            .order_by("verzenddatum", "id")[:50],
        },
        status=status_voor(form),
    )


def _run(uuid) -> Verzendrun:
    run = Verzendrun.objects.select_related("gemaakt_door", "verzonden_door").filter(uuid=uuid)
    if not run:
        raise Http404("Deze verzendrun bestaat niet.")
    return run[0]


@rol_vereist(Rol.CONSULENT)
def verzendrun_detail(request, uuid):
    run = _run(uuid)
    brieven = list(
        run.brieven.select_related("client").order_by("verzenddatum", "client__postcode", "id")
    )
    log_access(
        request=request,
        actie=Actie.BEKIJKEN,
        omschrijving=f"Verzendrun bekeken ({len(brieven)} brieven)",
        client_ids=[b.client_id for b in brieven],
    )
    context = {
        "run": run,
        "brieven": brieven,
        "form": VerzondenForm(initial={"verzonden_op": timezone.localdate()}),
    }
    if request.htmx and request.GET.get("voortgang"):
        if run.status != Verzendrun.Status.RENDEREN:
            # The run finished: reload the whole page so the send form and the
            # letter list appear (htmx only swapped the progress block so far).
            return HttpResponseClientRefresh()
        return render(request, "indicaties/_verzendrun_voortgang.html", context)
    return render(request, "indicaties/verzendrun_detail.html", context)


@rol_vereist(Rol.CONSULENT)
def verzendrun_pdf(request, uuid):
    run = _run(uuid)
    if run.status not in (Verzendrun.Status.KLAAR, Verzendrun.Status.VERZONDEN):
        raise Http404("Het printbestand is nog niet klaar.")
    log_access(
        request=request,
        actie=Actie.AFDRUKKEN,
        omschrijving=f"Printbestand verzendrun gedownload ({run.aantal} brieven)",
        client_ids=list(run.brieven.values_list("client_id", flat=True)),
    )
    return FileResponse(
        run.bestand.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"verzendrun-{run.datum:%Y%m%d}.pdf",
    )


@rol_vereist(Rol.CONSULENT)
@require_POST
def verzendrun_verzonden_view(request, uuid):
    run = _run(uuid)
    form = VerzondenForm(request.POST)
    if form.is_valid():
        try:
            verzendrun_verzonden(
                actor=request.user, run=run, verzonden_op=form.cleaned_data["verzonden_op"]
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                f"{run.aantal} brieven zijn gemarkeerd als verzonden op "
                f"{form.cleaned_data['verzonden_op']:%d-%m-%Y}.",
            )
            return redirect("indicaties:verzendrun-detail", uuid=run.uuid)
    brieven = list(run.brieven.select_related("client").order_by("verzenddatum", "id"))
    return render(
        request,
        "indicaties/verzendrun_detail.html",
        {"run": run, "brieven": brieven, "form": form},
        status=400,
    )
