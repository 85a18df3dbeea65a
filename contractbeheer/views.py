"""Contract-management pages: dashboard, client stops, capacity, signals, contacts."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from indicaties.selectors import client_of_404
from sdd_portal.accounts.models import Organisatie, Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.accounts.roles import aanbieder_id, heeft_sdd_rol
from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import log_access, weigering_loggen, zichtbaar_of_404
from sdd_portal.export import tabel_response
from sdd_portal.forms import fouten_naar_form as _fouten_naar_form

from . import services
from .forms import (
    CapaciteitForm,
    ClientenstopForm,
    SignaalAntwoordForm,
    SignaalForm,
    StopBeeindigenForm,
    StopBeoordelingForm,
)
from .models import (
    Aanbiedersignaal,
    Capaciteit,
    Clientenstop,
    Contactpersoon,
    Instellingen,
    MandaatDocument,
)
from .selectors import aanbieders_met_tellingen
from .selectors import dashboard as dashboard_data
from .states import STOP_GELDEND, SignaalStatus, StopStatus

LEZERS = (Rol.CONTRACTMANAGER, Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER)


def _is_aanbieder(user) -> bool:
    return aanbieder_id(user) is not None


# --------------------------------------------------------------------- dashboard


@rol_vereist(Rol.CONTRACTMANAGER)
def dashboard(request):
    data = dashboard_data()
    formaat = request.GET.get("formaat")
    if formaat in ("csv", "xlsx"):
        return _export(data, formaat)
    vandaag = timezone.localdate()
    data["aangevraagd"] = list(
        Clientenstop.objects.filter(status=StopStatus.AANGEVRAAGD)
        .select_related("aanbieder", "product")
        .order_by("ingangsdatum")[:20]
    )
    data["heroverweging"] = list(
        Clientenstop.objects.heroverweging_verlopen(vandaag)
        .select_related("aanbieder", "product")
        .order_by("heroverwegingsdatum")[:20]
    )
    return render(request, "contractbeheer/dashboard.html", data)


def _export(data, formaat):
    kop = ["Aanbieder", "AGB-code", *data["kolommen"]]
    rijen = [
        [
            r["aanbieder"].naam,
            r["aanbieder"].agb_code,
            *r["aantallen"],
            r["stops"],
            r["stops_aangevraagd"],
            r["capaciteit_verouderd"],
            r["signalen_open"],
        ]
        for r in data["rijen"]
    ]
    naam = f"contractbeheer-{data['datum']:%Y-%m-%d}"
    return tabel_response(
        naam,
        kop,
        rijen,
        formaat,
        blad="Aanbieders",
        kolombreedtes=[34, 12, *[max(14, len(k) + 2) for k in kop[2:]]],
    )


# ----------------------------------------------------------------- client stops

STOP_FILTERS = {
    "geldend": lambda qs, d: qs.geldend_op(d),
    "aangevraagd": lambda qs, d: qs.filter(status=StopStatus.AANGEVRAAGD),
    "afgelopen": lambda qs, d: qs.exclude(pk__in=qs.geldend_op(d)).exclude(
        status=StopStatus.AANGEVRAAGD
    ),
    "alle": lambda qs, d: qs,
}


@rol_vereist(*LEZERS)
def stops(request):
    vandaag = timezone.localdate()
    filter_naam = request.GET.get("toon", "geldend")
    if filter_naam not in STOP_FILTERS:
        filter_naam = "geldend"
    qs = Clientenstop.objects.visible_to(request.user)
    aanbieders = []
    gekozen = request.GET.get("aanbieder", "")
    if not _is_aanbieder(request.user):
        aanbieders = list(Organisatie.objects.aanbieders().order_by("naam").values("uuid", "naam"))
        if gekozen and any(str(a["uuid"]) == gekozen for a in aanbieders):
            qs = qs.filter(aanbieder__uuid=gekozen)
        else:
            gekozen = ""
    qs = STOP_FILTERS[filter_naam](qs, vandaag).select_related("aanbieder", "product")
    qs = qs.prefetch_related("gemeenten").order_by("aanbieder__naam", "-ingangsdatum", "-id")
    page = Paginator(qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "contractbeheer/stops.html",
        {
            "page": page,
            "toon": filter_naam,
            "querystring": f"toon={filter_naam}&aanbieder={gekozen}",
            "aanbieders": aanbieders,
            "gekozen": gekozen,
            "filters": [
                ("geldend", "Geldend"),
                ("aangevraagd", "Aangevraagd"),
                ("afgelopen", "Afgelopen of afgewezen"),
                ("alle", "Alle"),
            ],
            "vandaag": vandaag,
        },
    )


@rol_vereist(Rol.AANBIEDER_MEDEWERKER)
def stop_aanvragen(request):
    form = ClientenstopForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            stop = services.stop_aanvragen(
                actor=request.user, aanbieder=request.user.organisatie, **data
            )
        except ValidationError as exc:
            _fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                "Uw aanvraag is naar contractmanagement gestuurd. De stop geldt pas na akkoord.",
            )
            return redirect("contractbeheer:stop-detail", uuid=stop.uuid)
    return render(
        request, "contractbeheer/stop_form.html", {"form": form}, status=400 if form.errors else 200
    )


def _stop_of_404(request, uuid) -> Clientenstop:
    qs = Clientenstop.objects.visible_to(request.user).select_related(
        "aanbieder", "product", "aangevraagd_door", "beoordeeld_door"
    )
    return zichtbaar_of_404(
        qs,
        request=request,
        uuid=uuid,
        omschrijving="Cliëntenstop",
        melding="Deze cliëntenstop bestaat niet of u heeft er geen toegang toe.",
    )


@rol_vereist(*LEZERS)
def stop_detail(request, uuid):
    stop = _stop_of_404(request, uuid)
    beoordeling = beeindigen = None
    status = 200
    if request.user.has_rol(Rol.CONTRACTMANAGER) and stop.status == StopStatus.AANGEVRAAGD:
        beoordeling = StopBeoordelingForm(request.POST if request.method == "POST" else None)
        beoordeling.ingangsdatum = stop.ingangsdatum
        if request.method == "POST" and beoordeling.is_valid():
            try:
                services.stop_beoordelen(
                    actor=request.user,
                    stop=stop,
                    besluit=beoordeling.cleaned_data["besluit"],
                    notitie=beoordeling.cleaned_data["notitie_cm"],
                    wijzigingen=beoordeling.wijzigingen(),
                )
            except ValidationError as exc:
                _fouten_naar_form(beoordeling, exc)
            else:
                messages.success(request, "Uw besluit is vastgelegd.")
                return redirect("contractbeheer:stop-detail", uuid=stop.uuid)
        status = 400 if beoordeling.errors else 200
    elif stop.status in STOP_GELDEND and (
        request.user.has_rol(Rol.CONTRACTMANAGER) or _is_aanbieder(request.user)
    ):
        beeindigen = StopBeeindigenForm(
            request.POST if request.method == "POST" else None,
            initial={"einddatum": timezone.localdate()},
        )
        if request.method == "POST" and beeindigen.is_valid():
            try:
                services.stop_beeindigen(
                    actor=request.user, stop=stop, einddatum=beeindigen.cleaned_data["einddatum"]
                )
            except ValidationError as exc:
                _fouten_naar_form(beeindigen, exc)
            else:
                messages.success(request, "De cliëntenstop is beëindigd.")
                return redirect("contractbeheer:stop-detail", uuid=stop.uuid)
        status = 400 if beeindigen.errors else 200
    elif request.method == "POST":
        raise PermissionDenied("U kunt deze cliëntenstop niet wijzigen.")
    return render(
        request,
        "contractbeheer/stop_detail.html",
        {
            "stop": stop,
            "gemeenten": stop.gemeenten.all(),
            "beoordeling": beoordeling,
            "beeindigen": beeindigen,
            "geschiedenis": _geschiedenis(stop),
        },
        status=status,
    )


def _geschiedenis(stop) -> list:
    """History lines, newest first; a save and the many-to-many update that follows it
    within a few seconds (same reason) show as one line."""
    regels = []
    for h in stop.history.select_related("history_user").order_by("history_date"):
        vorige = regels[-1] if regels else None
        if (
            vorige
            and vorige.history_change_reason == h.history_change_reason
            and (h.history_date - vorige.history_date).total_seconds() < 5
        ):
            regels[-1] = h
        else:
            regels.append(h)
    return list(reversed(regels))


# ---------------------------------------------------------------------- capacity


@rol_vereist(*LEZERS)
def capaciteit(request):
    vandaag = timezone.localdate()
    weken = Instellingen.huidig().capaciteit_verouderd_na_weken
    qs = Capaciteit.objects.actueel(vandaag).visible_to(request.user)
    qs = qs.select_related("aanbieder", "product").prefetch_related("gemeenten")
    qs = qs.order_by("product__code", "aanbieder__naam", "-bijgewerkt_op")
    page = Paginator(qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    for melding in page.object_list:
        melding.verouderd = melding.is_verouderd(weken)
    return render(
        request,
        "contractbeheer/capaciteit.html",
        {
            "page": page,
            "weken": weken,
            "querystring": "",
            "mag_melden": _is_aanbieder(request.user),
        },
    )


@rol_vereist(Rol.AANBIEDER_MEDEWERKER)
def capaciteit_form(request, uuid=None):
    melding = None
    if uuid:
        melding = get_object_or_404(
            Capaciteit.objects.filter(aanbieder=request.user.organisatie, ingetrokken_op=None),
            uuid=uuid,
        )
    form = CapaciteitForm(request.POST if request.method == "POST" else None, instance=melding)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if melding:
                services.capaciteit_bijwerken(actor=request.user, melding=melding, data=data)
            else:
                services.capaciteit_melden(
                    actor=request.user, aanbieder=request.user.organisatie, **data
                )
        except ValidationError as exc:
            _fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                "De capaciteit is bijgewerkt."
                if melding
                else "Uw capaciteit is gemeld; consulenten zien haar bij het "
                "kiezen van een aanbieder.",
            )
            return redirect("contractbeheer:capaciteit")
    return render(
        request,
        "contractbeheer/capaciteit_form.html",
        {"form": form, "melding": melding},
        status=400 if form.errors else 200,
    )


@require_POST
@rol_vereist(Rol.AANBIEDER_MEDEWERKER)
def capaciteit_intrekken(request, uuid):
    melding = get_object_or_404(
        Capaciteit.objects.filter(aanbieder=request.user.organisatie), uuid=uuid
    )
    services.capaciteit_intrekken(actor=request.user, melding=melding)
    messages.success(request, "De capaciteitsmelding is ingetrokken.")
    return redirect("contractbeheer:capaciteit")


# ----------------------------------------------------------------------- signals


@rol_vereist(*LEZERS)
def signalen(request):
    qs = Aanbiedersignaal.objects.visible_to(request.user).select_related(
        "aanbieder", "client", "consulent"
    )
    alle = request.GET.get("toon") == "alle" or (
        _is_aanbieder(request.user) and request.GET.get("toon") != "open"
    )
    if not alle:
        qs = qs.open()
    eigen_consulent = request.user.has_rol(Rol.CONSULENT) and not request.user.has_rol(
        Rol.CONTRACTMANAGER
    )
    if eigen_consulent and request.GET.get("van") != "iedereen":
        qs = qs.filter(consulent=request.user)
    page = Paginator(qs.order_by("-created_at", "-id"), settings.PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    if page.object_list:
        log_access(
            request=request,
            actie=Actie.ZOEKEN,
            omschrijving="Signalenlijst",
            client_ids=[s.client_id for s in page.object_list],
        )
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "contractbeheer/signalen.html",
        {
            "page": page,
            "querystring": querystring.urlencode(),
            "alle": alle,
            "mag_melden": _is_aanbieder(request.user),
        },
    )


@rol_vereist(Rol.AANBIEDER_MEDEWERKER)
def signaal_nieuw(request):
    uuid = request.GET.get("client") or request.POST.get("client")
    try:
        client = client_of_404(request=request, uuid=uuid, omschrijving="Signaal voorbereiden")
    except (ValidationError, ValueError):
        raise Http404("Onbekende cliënt.") from None
    soort = request.GET.get("soort")
    initial = {"soort": soort} if soort in Aanbiedersignaal.Soort.values else {}
    if soort == Aanbiedersignaal.Soort.NORMENKADER:
        initial["onderwerp"] = "Ondersteuning past niet in de bandbreedte"
    form = SignaalForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            signaal = services.signaal_melden(
                actor=request.user, client=client, **form.cleaned_data
            )
        except ValidationError as exc:
            _fouten_naar_form(form, exc)
        else:
            messages.success(
                request, "Uw signaal is verstuurd naar contractmanagement en de consulent."
            )
            return redirect("contractbeheer:signaal-detail", uuid=signaal.uuid)
    return render(
        request,
        "contractbeheer/signaal_form.html",
        {"form": form, "client": client},
        status=400 if form.errors else 200,
    )


@rol_vereist(*LEZERS)
def signaal_detail(request, uuid):
    signaal = zichtbaar_of_404(
        Aanbiedersignaal.objects.visible_to(request.user).select_related(
            "aanbieder", "client", "consulent", "gemeld_door", "beantwoord_door"
        ),
        request=request,
        uuid=uuid,
        omschrijving="Signaal bekeken",
        client_pad="client_id",
        melding="Dit signaal bestaat niet of u heeft er geen toegang toe.",
    )
    log_access(
        request=request,
        actie=Actie.BEKIJKEN,
        omschrijving="Signaal bekeken",
        client_ids=[signaal.client_id],
    )
    form = None
    if signaal.status != SignaalStatus.BEANTWOORD and heeft_sdd_rol(
        request.user, Rol.CONTRACTMANAGER, Rol.CONSULENT
    ):
        form = SignaalAntwoordForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.signaal_beantwoorden(
                    actor=request.user, signaal=signaal, antwoord=form.cleaned_data["antwoord"]
                )
            except ValidationError as exc:
                _fouten_naar_form(form, exc)
            else:
                messages.success(request, "Uw antwoord is vastgelegd; de aanbieder ziet het.")
                return redirect("contractbeheer:signaal-detail", uuid=signaal.uuid)
    elif request.method == "POST":
        raise PermissionDenied("U kunt dit signaal niet beantwoorden.")
    return render(
        request,
        "contractbeheer/signaal_detail.html",
        {"signaal": signaal, "form": form},
        status=400 if form is not None and form.errors else 200,
    )


# ---------------------------------------------------------------------- contacts


@login_required
def contactpersonen(request):
    return render(
        request, "contractbeheer/contactpersonen.html", {"contacten": Contactpersoon.objects.all()}
    )


# --------------------------------------------------------------------- documents


@login_required
def mandaatdocument(request, uuid):
    document = get_object_or_404(MandaatDocument.objects.select_related("mandaat"), uuid=uuid)
    user = request.user
    eigen = _is_aanbieder(user) and document.mandaat.aanbieder_id == user.organisatie_id
    if not (eigen or heeft_sdd_rol(user, Rol.CONTRACTMANAGER)):
        weigering_loggen(
            request=request,
            model=MandaatDocument,
            uuid=uuid,
            omschrijving="Mandaatdocument",
            actie=Actie.DOWNLOADEN,
        )
        raise Http404("Document niet gevonden.")
    log_access(
        request=request,
        actie=Actie.DOWNLOADEN,
        omschrijving=f"Mandaatdocument {document.omschrijving}",
    )
    return FileResponse(
        document.bestand.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=document.bestandsnaam,
    )


@rol_vereist(Rol.CONTRACTMANAGER)
def aanbieders(request):
    """The provider organisations with their active assignments per product."""
    organisaties, tellingen = aanbieders_met_tellingen(
        Organisatie.objects.aanbieders().order_by("naam"), timezone.localdate()
    )
    return render(
        request,
        "contractbeheer/aanbieders.html",
        {"organisaties": organisaties, "tellingen_berekend_op": tellingen.berekend_op},
    )
