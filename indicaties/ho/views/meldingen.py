"""Pages of the melding: registering it, the onderzoek, the decision that follows (a short
decision and assignment, or a re-indication), and refusing the request."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone

from bandbreedte.models import Resultaatgebied
from contractbeheer.selectors import aanbieders_voor_keuze
from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.forms import fouten_naar_form, status_voor

from ...models import Beschikking, Brief, Melding, Onderzoek
from ...selectors import client_of_404, record_of_404
from ...states import MeldingStatus
from .. import services
from ..forms import AfwijsForm, HerindicatieForm, KortdurendForm, MeldingForm, OnderzoekForm
from . import LEZERS


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
            fouten_naar_form(form, exc)
        else:
            messages.success(request, "De melding is geregistreerd. Leg nu het onderzoek vast.")
            return redirect("indicaties:melding-detail", uuid=melding.uuid)
    return render(
        request,
        "indicaties/melding_form.html",
        {"client": client, "form": form},
        status=status_voor(form),
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
                berekend = services.normtijden_optellen(list(normtijden.values()))
                voorstel = services.band_voorstel(
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
                    fouten_naar_form(form, exc)
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
        status=status_voor(form),
    )


@rol_vereist(Rol.CONSULENT)
def beschikken(request, uuid):
    """After the onderzoek: a short decision plus assignment, or, for a client whose
    decision is running, an assignment for the re-indication."""
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
            fouten_naar_form(form, exc)
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
        status=status_voor(form),
    )


@rol_vereist(Rol.CONSULENT)
def melding_afwijzen(request, uuid):
    melding = record_of_404(
        request=request,
        model=Melding,
        uuid=uuid,
        client_veld="client_id",
        omschrijving="Aanvraag afwijzen",
        related=("client__gemeente", "product"),
    )
    form = AfwijsForm(
        request.POST if request.method == "POST" else None,
        initial={"verzenddatum": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.melding_afwijzen(actor=request.user, melding=melding, **form.cleaned_data)
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(request, "De aanvraag is afgewezen; het besluit wordt gemaakt.")
            return redirect("indicaties:melding-detail", uuid=melding.uuid)
    return render(
        request,
        "indicaties/melding_afwijzen.html",
        {"melding": melding, "client": melding.client, "form": form},
        status=status_voor(form),
    )
