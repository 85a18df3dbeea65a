"""Pages of the HO bandwidth process: melding and onderzoek, short decision and
assignment, the provider's support plan, review, decision, extension, export,
worklists and the client timeline."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from bandbreedte.models import Resultaatgebied
from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.accounts.roles import aanbieder_id
from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import log_access
from sdd_portal.forms import fouten_naar_form as _fouten_naar_form
from sdd_portal.forms import status_voor as _status
from sdd_portal.paginatie import begrensd_aantal

from .. import services
from ..forms import (
    HerindicatieForm,
    KortdurendForm,
    MeldingForm,
    OnderzoekForm,
    PlanBeoordelingForm,
    PlanForm,
    StartForm,
    VerlengForm,
)
from ..models import Beschikking, Brief, Melding, Ondersteuningsplan, Onderzoek, Toewijzing
from ..selectors import (
    client_of_404,
    record_of_404,
    werklijst_aanbieder,
    werklijst_consulent,
)
from ..selectors import (
    tijdlijn as tijdlijn_van,
)
from ..services.hoproces import band_voorstel, normtijden_optellen
from ..states import MeldingStatus, PlanStatus

LEZERS = (Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER)
WERKLIJST_GROOTTE = 50


# ------------------------------------------------------------------ melding, onderzoek


@rol_vereist(Rol.CONSULENT)
def melding_nieuw(request, uuid):
    client = client_of_404(request=request, uuid=uuid, omschrijving="Melding registreren")
    form = MeldingForm(
        request.POST if request.method == "POST" else None,
        initial={"meldingsdatum": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            melding = services.melding_registreren(
                actor=request.user, client=client, **form.cleaned_data
            )
        except ValidationError as exc:
            _fouten_naar_form(form, exc)
        else:
            messages.success(request, "De melding is geregistreerd. Leg nu het onderzoek vast.")
            return redirect("indicaties:melding-detail", uuid=melding.uuid)
    return render(
        request,
        "indicaties/melding_form.html",
        {"client": client, "form": form},
        status=_status(form),
    )


def _gebieden(melding) -> list[Resultaatgebied]:
    return list(
        Resultaatgebied.objects.filter(
            normenkader__bandbreedtes__product=melding.product,
            normenkader__geldig_van__lte=timezone.localdate(),
        )
        .distinct()
        .order_by("volgorde", "code")
    )


@rol_vereist(*LEZERS)
def melding_detail(request, uuid):
    melding = record_of_404(
        request=request,
        model=Melding,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Melding en onderzoek bekeken",
        related=("client__gemeente", "product", "aanbieder", "consulent"),
    )
    onderzoek = (
        Onderzoek.objects.select_related("bandbreedte__normenkader", "afgerond_door")
        .filter(melding=melding)
        .first()
    )
    is_consulent = request.user.has_rol(Rol.CONSULENT)
    bewerkbaar = is_consulent and melding.status == MeldingStatus.OPEN
    form = voorstel = berekend = None
    if bewerkbaar:
        gebieden = _gebieden(melding)
        initial = {}
        if onderzoek:
            initial = {
                "gespreksdatum": onderzoek.gespreksdatum,
                "verslagdatum": onderzoek.verslagdatum,
                "bevindingen": onderzoek.bevindingen,
                "bandbreedte": onderzoek.bandbreedte,
                "was_strijk": onderzoek.was_strijk,
            }
            for n in onderzoek.normtijden.all():
                initial[f"normtijd_{n.resultaatgebied_id}"] = n.minuten
        form = OnderzoekForm(
            request.POST if request.method == "POST" else None,
            melding=melding,
            gebieden=gebieden,
            initial=initial,
        )
        actie = request.POST.get("actie", "opslaan")
        if request.method == "POST" and form.is_valid():
            normtijden = form.normtijden()
            if normtijden:
                berekend = normtijden_optellen(list(normtijden.values()))
                voorstel = band_voorstel(
                    product=melding.product,
                    minuten=berekend,
                    datum=form.cleaned_data.get("verslagdatum") or timezone.localdate(),
                )
            if actie != "berekenen":
                try:
                    services.onderzoek_opslaan(
                        actor=request.user,
                        melding=melding,
                        gespreksdatum=form.cleaned_data["gespreksdatum"],
                        verslagdatum=form.cleaned_data["verslagdatum"],
                        bevindingen=form.cleaned_data["bevindingen"],
                        bandbreedte=form.cleaned_data["bandbreedte"],
                        was_strijk=form.cleaned_data["was_strijk"],
                        normtijden=normtijden,
                        afronden=actie == "afronden",
                    )
                except ValidationError as exc:
                    _fouten_naar_form(form, exc)
                else:
                    if actie == "afronden":
                        messages.success(
                            request, "Het onderzoek is afgerond. Geef nu de beschikking af."
                        )
                        return redirect("indicaties:melding-beschikken", uuid=melding.uuid)
                    messages.success(request, "Het onderzoek is als concept opgeslagen.")
                    return redirect("indicaties:melding-detail", uuid=melding.uuid)
    return render(
        request,
        "indicaties/melding_detail.html",
        {
            "melding": melding,
            "client": melding.client,
            "onderzoek": onderzoek,
            "normtijden": onderzoek.normtijden.select_related("resultaatgebied")
            if onderzoek
            else [],
            "form": form,
            "voorstel": voorstel,
            "berekend": berekend,
            "is_consulent": is_consulent,
            "brieven": Brief.objects.visible_to(request.user).filter(melding=melding),
        },
        status=_status(form),
    )


# ------------------------------------------------------- short decision and assignment


@rol_vereist(Rol.CONSULENT)
def beschikken(request, uuid):
    """After the onderzoek: a short decision plus assignment, or, for a client whose
    decision is running, an assignment for the re-indication."""
    from contractbeheer.selectors import aanbieders_voor_keuze

    melding = record_of_404(
        request=request,
        model=Melding,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Beschikking voorbereiden",
        related=("client__gemeente", "product"),
    )
    client = melding.client
    if melding.status != MeldingStatus.ONDERZOCHT:
        messages.warning(
            request,
            "Rond eerst het onderzoek af."
            if melding.status == MeldingStatus.OPEN
            else "Voor deze melding is al een beschikking afgegeven.",
        )
        return redirect("indicaties:melding-detail", uuid=melding.uuid)
    onderzoek = Onderzoek.objects.select_related("bandbreedte").get(melding=melding)
    vandaag = timezone.localdate()
    lopend = (
        Beschikking.objects.geldig_op(vandaag)
        .filter(client=client, product=melding.product)
        .select_related("aanbieder")
        .first()
    )
    keuzes = aanbieders_voor_keuze(product=melding.product, gemeente=client.gemeente)
    form_class = HerindicatieForm if lopend else KortdurendForm
    initial = {"ingangsdatum": vandaag, "verzenddatum": vandaag}
    if lopend:
        initial = {
            "aanbieder": lopend.aanbieder,
            "ingangsdatum": vandaag,
            "einddatum": lopend.einddatum,
        }
    form = form_class(
        request.POST if request.method == "POST" else None,
        aanbieders=[k.aanbieder for k in keuzes],
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if lopend:
                toewijzing = services.herindicatie_toewijzen(
                    actor=request.user, melding=melding, **data
                )
                messages.success(
                    request,
                    f"De herindicatie is toegewezen aan {toewijzing.aanbieder}. De aanbieder "
                    "levert een nieuw ondersteuningsplan aan.",
                )
                return redirect("indicaties:toewijzing-detail", uuid=toewijzing.uuid)
            beschikking = services.kortdurend_beschikken(
                actor=request.user, melding=melding, **data
            )
        except ValidationError as exc:
            _fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                f"De kortdurende beschikking is afgegeven en toegewezen aan "
                f"{beschikking.aanbieder}. De aanbieder ziet de toewijzing nu in zijn werklijst.",
            )
            return redirect("indicaties:beschikking-detail", uuid=beschikking.uuid)
    return render(
        request,
        "indicaties/beschikken.html",
        {
            "melding": melding,
            "client": client,
            "onderzoek": onderzoek,
            "lopend": lopend,
            "keuzes": keuzes,
            "product": melding.product,
            "form": form,
        },
        status=_status(form),
    )


# ------------------------------------------------------------- assignment and plan


def _toewijzing_context(request, toewijzing, plan_form=None, start_form=None) -> dict:
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
            from datetime import timedelta

            initial["ingangsdatum"] = kort.einddatum + timedelta(days=1)
        plan_form = PlanForm(aanbieder=toewijzing.aanbieder, initial=initial)
    # Care starts under the definitive decision: none is delivered during the short one.
    kan_starten = (
        is_aanbieder
        and not toewijzing.start_zorg
        and toewijzing.beschikking_id is not None
        and not toewijzing.beschikking.is_kortdurend
    )
    if kan_starten and start_form is None:
        start_form = StartForm(initial={"datum": timezone.localdate()})
    return {
        "toewijzing": toewijzing,
        "client": toewijzing.client,
        "plannen": plannen,
        "afgewezen": plannen[0] if plannen and plannen[0].status == PlanStatus.AFGEWEZEN else None,
        "plan_form": plan_form if mag_indienen else None,
        "start_form": start_form if kan_starten else None,
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
            _fouten_naar_form(form, exc)
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
            _fouten_naar_form(form, exc)
        else:
            messages.success(request, "De start van de zorg is gemeld.")
            return redirect("indicaties:toewijzing-detail", uuid=toewijzing.uuid)
    return render(
        request,
        "indicaties/toewijzing_detail.html",
        _toewijzing_context(request, toewijzing, start_form=form),
        status=400,
    )


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
                _fouten_naar_form(form, exc)
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
        status=_status(form),
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


# ------------------------------------------------------------------- decisions


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
            _fouten_naar_form(form, exc)
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
@require_POST
def beschikking_exporteren(request, uuid):
    beschikking = record_of_404(
        request=request,
        model=Beschikking,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Beschikking geëxporteerd (iWmo 301)",
        actie=Actie.EXPORTEREN,
        related=BESCHIKKING_RELATED,
    )
    try:
        xml = services.beschikking_exporteren(actor=request.user, beschikking=beschikking)
    except ValidationError as exc:
        for melding in exc.messages:
            messages.error(request, melding)
        return redirect("indicaties:beschikking-detail", uuid=beschikking.uuid)
    response = HttpResponse(xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="wmo301-{beschikking.uuid}.xml"'
    return response


# -------------------------------------------------------------- worklist, timeline


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
