"""Client register pages: search, view, register and change."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils import timezone

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import log_access
from sdd_portal.paginatie import BegrensdePaginator

from .. import register
from ..forms import ClientForm, ClientZoekForm, DirecteToewijzingForm
from ..models import Beschikking, Client, Melding, Toewijzing
from ..selectors import client_of_404

LEZERS = (Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER)


@rol_vereist(*LEZERS)
def client_zoeken(request):
    # Searching means a search field was sent (even empty); ?pagina=2 alone pages the list.
    gezocht = any(veld in request.GET for veld in ClientZoekForm.base_fields)
    form = ClientZoekForm(request.GET if gezocht else None)
    zoekt = gezocht and form.is_valid()
    is_aanbieder = request.user.has_rol(Rol.AANBIEDER_MEDEWERKER)
    page = None
    if zoekt or (is_aanbieder and not gezocht):
        qs = Client.objects.visible_to(request.user).select_related("gemeente")
        if zoekt:
            qs = qs.search(**form.criteria())
        page = BegrensdePaginator(qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
        log_access(
            request=request,
            actie=Actie.ZOEKEN,
            omschrijving="Cliënt zoeken" if zoekt else "Lijst eigen cliënten",
            client_ids=[c.pk for c in page.object_list],
        )
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    context = {"form": form, "page": page, "zoekt": zoekt, "querystring": querystring.urlencode()}
    template = "indicaties/client_zoeken.html"
    if request.htmx:
        template = "indicaties/_client_resultaten.html"
    return render(request, template, context)


@rol_vereist(*LEZERS)
def client_detail(request, uuid):
    client = client_of_404(request=request, uuid=uuid, omschrijving="Cliëntdossier bekeken")
    toewijzingen = (
        Toewijzing.objects.visible_to(request.user)
        .filter(client=client)
        .select_related("aanbieder", "product")
    )
    meldingen = (
        Melding.objects.visible_to(request.user).filter(client=client).select_related("product")
    )
    beschikkingen = (
        Beschikking.objects.visible_to(request.user)
        .filter(client=client)
        .select_related("product", "aanbieder")
    )
    wijzigingen = []
    if request.user.has_rol(Rol.CONSULENT):
        wijzigingen = client.history.select_related("history_user").order_by("-history_date")[:10]
    return render(
        request,
        "indicaties/client_detail.html",
        {
            "client": client,
            "toewijzingen": toewijzingen,
            "meldingen": meldingen,
            "beschikkingen": beschikkingen,
            "wijzigingen": wijzigingen,
            "vandaag": timezone.localdate(),
        },
    )


@rol_vereist(Rol.CONSULENT)
def client_registreren(request):
    form = ClientForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            client = register.client_registreren(actor=request.user, data=form.cleaned_data)
        except IntegrityError:
            form.add_error("bsn", "Er staat al een cliënt met dit BSN in het portaal.")
        else:
            messages.success(request, f"Cliënt {client.naam} is geregistreerd.")
            return redirect("indicaties:client-detail", uuid=client.uuid)
    status = 400 if form.errors else 200
    return render(
        request, "indicaties/client_form.html", {"form": form, "nieuw": True}, status=status
    )


@rol_vereist(Rol.CONSULENT)
def client_wijzigen(request, uuid):
    client = client_of_404(
        request=request, uuid=uuid, omschrijving="Cliëntgegevens geopend om te wijzigen"
    )
    opgeslagen_naam = client.naam  # the form writes typed values onto the instance
    form = ClientForm(request.POST if request.method == "POST" else None, instance=client)
    if request.method == "POST" and form.is_valid():
        try:
            register.client_wijzigen(actor=request.user, client=client, data=form.cleaned_data)
        except IntegrityError:
            form.add_error("bsn", "Er staat al een cliënt met dit BSN in het portaal.")
        else:
            messages.success(request, "De wijzigingen zijn opgeslagen.")
            return redirect("indicaties:client-detail", uuid=client.uuid)
    status = 400 if form.errors else 200
    return render(
        request,
        "indicaties/client_form.html",
        {"form": form, "client": client, "naam": opgeslagen_naam, "nieuw": False},
        status=status,
    )


@rol_vereist(Rol.CONSULENT)
def toewijzing_vastleggen(request, uuid):
    """Choose a provider for a product: client stops block, free capacity shows."""
    from bandbreedte.models import Product
    from contractbeheer.selectors import aanbieders_voor_keuze

    client = client_of_404(request=request, uuid=uuid, omschrijving="Toewijzing voorbereiden")
    from bandbreedte.models import Bandbreedte

    # Products on the bandwidth model (HO) go through melding, onderzoek and a short
    # decision; this page assigns the others (IB, DB) directly.
    met_banden = Bandbreedte.objects.geldig_op(timezone.localdate()).values("product_id")
    producten = (
        Product.objects.geldig_op(timezone.localdate()).exclude(pk__in=met_banden).order_by("code")
    )
    product = producten.filter(code=request.GET.get("product", "HO")).first()
    keuzes = aanbieders_voor_keuze(product=product, gemeente=client.gemeente) if product else []
    form = DirecteToewijzingForm(
        request.POST if request.method == "POST" else None,
        aanbieders=[k.aanbieder for k in keuzes],
    )
    if request.method == "POST" and form.is_valid():
        try:
            register.toewijzing_vastleggen(
                actor=request.user, client=client, product=product, **form.cleaned_data
            )
        except ValidationError as exc:
            for veld, fouten in exc.message_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            messages.success(
                request, f"{product.code} is toegewezen aan {form.cleaned_data['aanbieder']}."
            )
            return redirect("indicaties:client-detail", uuid=client.uuid)
    return render(
        request,
        "indicaties/toewijzing_form.html",
        {
            "client": client,
            "form": form,
            "producten": producten,
            "product": product,
            "keuzes": keuzes,
        },
        status=400 if form.errors else 200,
    )
