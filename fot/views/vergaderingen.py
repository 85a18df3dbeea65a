"""Pages of the meetings: overview of the tables, a meeting with its agenda, minutes,
attachments and attendance, sharing, approval, annotations and publication, the PDF of the
minutes and search in minutes and action items."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import zichtbaar_of_404
from sdd_portal.forms import fouten_naar_form, status_voor

from .. import services
from ..forms import (
    ActiepuntForm,
    AgendapuntForm,
    AnnotatieForm,
    BijlageForm,
    DeelnameFormSet,
    GegevensForm,
    NotulenForm,
    VaststellenForm,
    VergaderingForm,
)
from ..models import (
    ZOEK_ACTIEPUNT,
    ZOEK_AGENDAPUNT,
    Actiepunt,
    ActieStatus,
    Agendapunt,
    Bijlage,
    Tafel,
    Vergadering,
)

LEZERS = (Rol.CONTRACTMANAGER, Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER)
ACTIE_RELATED = ("eigenaar_organisatie", "eigenaar_persoon", "vergadering", "tafel")


def _vergadering(request, uuid) -> Vergadering:
    """The meeting if the user may see it; otherwise the refusal is logged and 404."""
    return zichtbaar_of_404(
        Vergadering.objects.visible_to(request.user).select_related("tafel", "vastgesteld_in"),
        request=request,
        uuid=uuid,
        omschrijving="Overlegtafel",
        melding="Deze vergadering bestaat niet of u heeft er geen toegang toe.",
    )


def _is_cm(user) -> bool:
    return user.has_rol(Rol.CONTRACTMANAGER) and user.organisatie and user.organisatie.is_sdd


def _tafels(user):
    zichtbaar = Vergadering.objects.visible_to(user)
    # Counted like the action list counts them: the items the user may see (for a provider,
    # none of a planned meeting or of minutes still in draft).
    open_acties = Q(
        actiepunten__status=ActieStatus.OPEN,
        actiepunten__in=Actiepunt.objects.visible_to(user),
    )
    return (
        Tafel.objects.filter(vergaderingen__in=zichtbaar)
        .distinct()
        .prefetch_related(
            Prefetch(
                "vergaderingen",
                queryset=zichtbaar.order_by("-datum", "-id"),
                to_attr="zichtbare_vergaderingen",
            )
        )
        .annotate(open_acties=Count("actiepunten", filter=open_acties, distinct=True))
        .order_by("naam")
    )


@rol_vereist(*LEZERS)
def overzicht(request):
    form = VergaderingForm() if _is_cm(request.user) else None
    return render(request, "fot/overzicht.html", {"tafels": _tafels(request.user), "form": form})


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def vergadering_nieuw(request):
    form = VergaderingForm(request.POST)
    if form.is_valid():
        try:
            vergadering = services.vergadering_plannen(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, f"{vergadering} is gepland met de standaardagenda.")
            return redirect("fot:vergadering", vergadering.uuid)
    return render(
        request,
        "fot/overzicht.html",
        {"tafels": _tafels(request.user), "form": form},
        status=status_voor(form),
    )


def _agenda_boom(vergadering) -> list[Agendapunt]:
    punten = list(
        vergadering.agenda.prefetch_related("bijlagen", "annotaties").order_by("volgorde", "id")
    )
    per_ouder: dict[int | None, list[Agendapunt]] = {}
    for punt in punten:
        per_ouder.setdefault(punt.bovenliggend_id, []).append(punt)
    for punt in punten:
        punt.kinderen = per_ouder.get(punt.pk, [])
    return per_ouder.get(None, [])


@rol_vereist(*LEZERS)
def vergadering(request, uuid):
    v = _vergadering(request, uuid)
    # Both lists through the one visibility rule: a provider never sees the items of a
    # planned meeting or of minutes still in draft, not even carried over to a later meeting.
    zichtbaar = Actiepunt.objects.visible_to(request.user)
    acties = list(
        zichtbaar.filter(vergadering=v)
        .select_related(*ACTIE_RELATED)
        .prefetch_related("updates")
        .order_by("vergadering__datum", "id")
    )
    openstaand = list(
        zichtbaar.filter(tafel=v.tafel, status=ActieStatus.OPEN, vergadering__datum__lt=v.datum)
        .select_related(*ACTIE_RELATED)
        .prefetch_related("updates")
        .order_by("vergadering__datum", "id")
    )
    vorige = services.vorige_vergadering(v)
    cm = _is_cm(request.user)
    return render(
        request,
        "fot/vergadering.html",
        {
            "v": v,
            "agenda": _agenda_boom(v),
            "deelnames": list(v.deelnames.all()),
            "acties": acties,
            "openstaand": openstaand,
            "annotaties": list(v.annotaties.select_related("door", "agendapunt")),
            "vorige": vorige,
            "cm": cm,
            "agendapunt_form": AgendapuntForm() if cm and not v.is_vergrendeld else None,
            "actie_form": ActiepuntForm(vergadering=v) if cm and not v.is_vergrendeld else None,
            "vaststellen_form": VaststellenForm()
            if cm and vorige is not None and not vorige.is_vergrendeld
            else None,
            "annotatie_form": AnnotatieForm() if cm and v.is_vergrendeld else None,
        },
    )


def _terug(v, anker: str = ""):
    return redirect(f"/fot/vergaderingen/{v.uuid}/{anker}")


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def agendapunt_nieuw(request, uuid):
    v = _vergadering(request, uuid)
    form = AgendapuntForm(request.POST)
    bovenliggend = None
    if request.POST.get("bovenliggend"):
        try:
            ouder = forms.UUIDField().clean(request.POST["bovenliggend"])
        except ValidationError:
            ouder = None  # not a UUID: no item of this meeting either
        bovenliggend = v.agenda.filter(uuid=ouder).first() if ouder else None
        if bovenliggend is None:
            raise Http404("Dit agendapunt hoort niet bij deze vergadering.")
    if form.is_valid():
        try:
            punt = services.agendapunt_toevoegen(
                actor=request.user,
                vergadering=v,
                titel=form.cleaned_data["titel"],
                bovenliggend=bovenliggend,
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, f"Agendapunt {punt.nummer} is toegevoegd.")
            return redirect("fot:agendapunt", punt.uuid)
    return render(
        request,
        "fot/formulier.html",
        {"v": v, "form": form, "titel": "Agendapunt toevoegen"},
        status=status_voor(form),
    )


@rol_vereist(*LEZERS)
def agendapunt(request, uuid):
    punt = zichtbaar_of_404(
        Agendapunt.objects.select_related("vergadering__tafel").filter(
            vergadering__in=Vergadering.objects.visible_to(request.user)
        ),
        request=request,
        uuid=uuid,
        omschrijving="Overlegtafel",
        melding="Dit agendapunt bestaat niet of u heeft er geen toegang toe.",
    )
    v = punt.vergadering
    if request.method == "POST" and not _is_cm(request.user):
        raise PermissionDenied("Alleen contractmanagement schrijft het verslag.")
    if request.method != "POST" and (not _is_cm(request.user) or v.is_vergrendeld):
        return _terug(v, f"#punt-{punt.pk}")
    form = NotulenForm(request.POST or None, initial={"titel": punt.titel, "notulen": punt.notulen})
    if request.method == "POST" and form.is_valid():
        try:
            services.notulen_opslaan(actor=request.user, agendapunt=punt, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, f"Het verslag van punt {punt.nummer} is opgeslagen.")
            return _terug(v, f"#punt-{punt.pk}")
    return render(
        request,
        "fot/formulier.html",
        {
            "v": v,
            "form": form,
            "titel": f"Verslag van punt {punt.nummer}. {punt.titel}",
            "subpunt_van": punt if punt.bovenliggend_id is None else None,
            "punt": punt,
            "bijlagen": list(punt.bijlagen.all()),
            "bijlage_form": BijlageForm(),
        },
        status=status_voor(form),
    )


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def bijlage_nieuw(request, uuid):
    try:
        punt = Agendapunt.objects.select_related("vergadering__tafel").get(uuid=uuid)
    except Agendapunt.DoesNotExist:
        raise Http404("Dit agendapunt bestaat niet.") from None
    form = BijlageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.bijlage_toevoegen(
                actor=request.user,
                agendapunt=punt,
                upload=form.cleaned_data["bestand"],
                omschrijving=form.cleaned_data["omschrijving"],
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, "De bijlage is toegevoegd.")
            return redirect("fot:agendapunt", punt.uuid)
    return render(
        request,
        "fot/formulier.html",
        {
            "v": punt.vergadering,
            "form": NotulenForm(initial={"titel": punt.titel, "notulen": punt.notulen}),
            "titel": f"Verslag van punt {punt.nummer}. {punt.titel}",
            "punt": punt,
            "bijlagen": list(punt.bijlagen.all()),
            "bijlage_form": form,
        },
        status=400,
    )


def _actie(request, uuid, stap, melding: str):
    v = _vergadering(request, uuid)
    try:
        stap(v)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, melding)
    return _terug(v)


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def delen(request, uuid):
    return _actie(
        request,
        uuid,
        lambda v: services.ter_vaststelling(actor=request.user, vergadering=v),
        "Het conceptverslag is gedeeld met de leden, ter vaststelling.",
    )


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def vaststellen(request, uuid):
    """Approve the previous meeting's minutes in this meeting."""
    v = _vergadering(request, uuid)
    vorige = services.vorige_vergadering(v)
    form = VaststellenForm(request.POST)
    if vorige is None or not form.is_valid():
        raise Http404("Er is geen vorig verslag om vast te stellen.")
    try:
        services.vaststellen(
            actor=request.user,
            vergadering=vorige,
            in_vergadering=v,
            wijzigingen=form.cleaned_data["wijzigingen"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Het verslag van {vorige.datum:%d-%m-%Y} is vastgesteld"
            + (" met wijzigingen." if form.cleaned_data["wijzigingen"] else " zonder wijzigingen."),
        )
    return _terug(v)


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def publiceren(request, uuid):
    return _actie(
        request,
        uuid,
        lambda v: services.publiceren(actor=request.user, vergadering=v),
        "Het verslag staat op de openbare pagina.",
    )


@require_POST
@rol_vereist(Rol.CONTRACTMANAGER)
def annotatie(request, uuid):
    v = _vergadering(request, uuid)
    form = AnnotatieForm(request.POST)
    if form.is_valid():
        try:
            services.annotatie_toevoegen(
                actor=request.user, vergadering=v, tekst=form.cleaned_data["tekst"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "De annotatie is toegevoegd.")
    else:
        messages.error(request, "Aanvulling of correctie: schrijf de aanvulling of correctie op.")
    return _terug(v, "#annotaties")


@rol_vereist(Rol.CONTRACTMANAGER)
def gegevens(request, uuid):
    """Meeting details and the attendance list per organisation."""
    v = _vergadering(request, uuid)
    deelnames = list(v.deelnames.all())
    initial = {f: getattr(v, f) for f in services.GEGEVENS}
    form = GegevensForm(request.POST or None, initial=initial)
    formset = DeelnameFormSet(
        request.POST or None,
        prefix="deelnemers",
        initial=[
            {
                "id": d.pk,
                "organisatie": d.organisatie_id,
                "naam": d.naam,
                "rol": d.rol,
                "aanwezig": d.aanwezig,
            }
            for d in deelnames
        ],
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        rijen = [
            f.cleaned_data
            for f in formset.forms
            if f.cleaned_data and (f.cleaned_data.get("organisatie") or f.cleaned_data.get("id"))
        ]
        try:
            services.vergadering_wijzigen(
                actor=request.user, vergadering=v, deelnames=rijen, **form.cleaned_data
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, "De gegevens en deelnemers zijn opgeslagen.")
            return _terug(v)
    fout = form.errors or any(f.errors for f in formset.forms)
    return render(
        request,
        "fot/gegevens.html",
        {"v": v, "form": form, "formset": formset},
        status=400 if fout else 200,
    )


@rol_vereist(*LEZERS)
def bijlage(request, uuid):
    from django.http import FileResponse

    b = zichtbaar_of_404(
        Bijlage.objects.select_related("agendapunt").filter(
            agendapunt__vergadering__in=Vergadering.objects.visible_to(request.user)
        ),
        request=request,
        uuid=uuid,
        omschrijving="Overlegtafel",
        actie=Actie.DOWNLOADEN,
        melding="Deze bijlage bestaat niet of u heeft er geen toegang toe.",
    )
    return FileResponse(
        b.bestand.open("rb"), content_type="application/pdf", filename=b.bestandsnaam
    )


@rol_vereist(*LEZERS)
def pdf(request, uuid):
    from ..pdf import verslag_pdf

    v = _vergadering(request, uuid)
    inhoud = verslag_pdf(v, openbaar=False, actor=request.user)
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="verslag-fot-{v.tafel.naam}-{v.datum}.pdf"'
    return response


@rol_vereist(*LEZERS)
def zoeken(request):
    q = request.GET.get("q", "").strip()
    punten, acties = [], []
    if q:
        query = SearchQuery(q, config="dutch", search_type="websearch")
        zichtbaar = Vergadering.objects.visible_to(request.user)
        punten = list(
            Agendapunt.objects.annotate(zoek=ZOEK_AGENDAPUNT)
            .filter(zoek=query, vergadering__in=zichtbaar)
            .annotate(rang=SearchRank(F("zoek"), query))
            .select_related("vergadering__tafel")
            .order_by("-rang", "-vergadering__datum")[:50]
        )
        acties = list(
            Actiepunt.objects.visible_to(request.user)
            .annotate(zoek=ZOEK_ACTIEPUNT)
            .filter(zoek=query)
            .select_related(*ACTIE_RELATED)
            .order_by("-vergadering__datum", "id")[:50]
        )
    return render(request, "fot/zoeken.html", {"q": q, "punten": punten, "acties": acties})
