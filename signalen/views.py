"""The inbox (postvak): signals and tasks of the user and their organisation."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import log_access, zichtbaar_of_404
from sdd_portal.historie import opslaan
from sdd_portal.paginatie import BegrensdePaginator

from . import services
from .forms import SluitForm, VoorkeurenForm
from .models import Signaal, SignaalGelezen, SignaalSoort

POSTVAK_ROLLEN = (Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER, Rol.CONTRACTMANAGER)
TOON = {"open": "Open", "gesloten": "Gesloten", "alle": "Alle"}


def _met_gelezen(qs, user):
    return qs.annotate(
        is_gelezen=Exists(SignaalGelezen.objects.filter(signaal_id=OuterRef("pk"), gebruiker=user))
    )


@rol_vereist(*POSTVAK_ROLLEN)
def postvak(request):
    toon = request.GET.get("toon", "open")
    toon = toon if toon in TOON else "open"
    soort = request.GET.get("soort", "")
    qs = Signaal.objects.visible_to(request.user).select_related("client", "gesloten_door")
    if toon != "alle":
        qs = qs.filter(status=toon)
    if soort in SignaalSoort.values:
        qs = qs.filter(soort=soort)
    page = BegrensdePaginator(
        _met_gelezen(qs, request.user).order_by("-peildatum", "-id"), settings.PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    client_ids = [s.client_id for s in page.object_list if s.client_id]
    if client_ids:
        log_access(
            request=request, actie=Actie.ZOEKEN, omschrijving="Postvak", client_ids=client_ids
        )
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "signalen/postvak.html",
        {
            "page": page,
            "toon": toon,
            "toon_keuzes": TOON,
            "soort": soort,
            "soorten": SignaalSoort.choices,
            "querystring": querystring.urlencode(),
        },
    )


def _signaal_of_404(request, uuid) -> Signaal:
    signaal = zichtbaar_of_404(
        _met_gelezen(Signaal.objects.visible_to(request.user), request.user).select_related(
            "client", "organisatie", "gebruiker", "gesloten_door"
        ),
        request=request,
        uuid=uuid,
        omschrijving="Signaal",
        client_pad="client_id",
        melding="Dit signaal bestaat niet of staat niet in uw postvak.",
    )
    if signaal.client_id:
        log_access(
            request=request,
            actie=Actie.BEKIJKEN,
            omschrijving="Signaal",
            client_ids=[signaal.client_id],
        )
    return signaal


@rol_vereist(*POSTVAK_ROLLEN)
def signaal_detail(request, uuid):
    signaal = _signaal_of_404(request, uuid)
    form = SluitForm()
    if request.method == "POST":
        form = SluitForm(request.POST)
        if form.is_valid():
            try:
                services.signaal_sluiten(
                    actor=request.user, signaal=signaal, notitie=form.cleaned_data["notitie"]
                )
            except ValidationError as exc:  # closed by a colleague in the meantime
                form.add_error(None, exc.messages[0])
            else:
                messages.success(request, "Het signaal is gesloten.")
                return redirect("signalen:postvak")
    elif not signaal.is_gelezen:
        services.gelezen(actor=request.user, signalen=[signaal])
    return render(
        request,
        "signalen/signaal_detail.html",
        {"signaal": signaal, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@rol_vereist(*POSTVAK_ROLLEN)
def alles_gelezen(request):
    aantal = services.alles_gelezen(actor=request.user)
    messages.success(
        request, f"{aantal} signa{'al' if aantal == 1 else 'len'} gemarkeerd als gelezen."
    )
    return redirect("signalen:postvak")


@rol_vereist(*Rol.values)
def voorkeuren(request):
    form = VoorkeurenForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        gebruiker = form.save(commit=False)
        opslaan(
            gebruiker,
            actor=request.user,
            reden="Voorkeur dagoverzicht gewijzigd",
            valideren=False,
            update_fields=["dagoverzicht_mail", "modified_at"],
        )
        messages.success(request, "Uw voorkeur is opgeslagen.")
        return redirect("signalen:voorkeuren")
    return render(request, "signalen/voorkeuren.html", {"form": form})
