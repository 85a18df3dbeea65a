"""Pages of the chain: the iWmo messages (list, detail, XML download) and the consultants'
problem list. Consultants see every message; a provider's employee sees only its own
organisation's (``Bericht.objects.visible_to``); other roles get 403."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.accounts.roles import heeft_sdd_rol
from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import log_access, zichtbaar_of_404
from sdd_portal.paginatie import BegrensdePaginator

from . import selectors
from .forms import BerichtFilterForm
from .models import Bericht

LEZERS = (Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER)
NIET_GEVONDEN = "Dit bericht bestaat niet of u heeft er geen toegang toe."


def _pagina(request, qs):
    page = BegrensdePaginator(qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return page, querystring.urlencode()


def _client_ids(berichten) -> list[int]:
    return [b.client_id for b in berichten if b.client_id]


@rol_vereist(*LEZERS)
def berichten(request):
    is_sdd = heeft_sdd_rol(request.user, Rol.CONSULENT)
    gefilterd = any(veld in request.GET for veld in BerichtFilterForm.base_fields)
    form = BerichtFilterForm(request.GET if gefilterd else None, aanbieder_kiezen=is_sdd)
    page = querystring = None
    status = 200
    if not gefilterd or form.is_valid():
        qs = selectors.berichten(request.user)
        if gefilterd:
            qs = selectors.berichten_filteren(qs, **form.criteria())
        page, querystring = _pagina(request, qs)
        log_access(
            request=request,
            actie=Actie.ZOEKEN,
            omschrijving="iWmo-berichten gezocht" if gefilterd else "iWmo-berichten bekeken",
            client_ids=_client_ids(page.object_list),
        )
    else:
        status = 400
    return render(
        request,
        "keten/berichten.html",
        {"form": form, "page": page, "querystring": querystring, "is_sdd": is_sdd},
        status=status,
    )


def _bericht_of_404(request, uuid, *, omschrijving: str, actie: Actie) -> Bericht:
    bericht = zichtbaar_of_404(
        Bericht.objects.visible_to(request.user).select_related(
            "client", "aanbieder", "heenbericht"
        ),
        request=request,
        uuid=uuid,
        omschrijving=omschrijving,
        client_pad="client_id",
        actie=actie,
        melding=NIET_GEVONDEN,
    )
    log_access(
        request=request,
        actie=actie,
        omschrijving=f"{omschrijving}: {bericht}",
        client_ids=[bericht.client_id] if bericht.client_id else [],
    )
    return bericht


@rol_vereist(*LEZERS)
def bericht_detail(request, uuid):
    bericht = _bericht_of_404(
        request, uuid, omschrijving="iWmo-bericht bekeken", actie=Actie.BEKIJKEN
    )
    retour = selectors.retour_van(bericht)
    # A retour message carries its own codes; a message that was answered shows its retour's.
    retourbericht = bericht if bericht.heenbericht_id else retour
    return render(
        request,
        "keten/bericht_detail.html",
        {
            "bericht": bericht,
            "retour": retour,
            "heenbericht": bericht.heenbericht,
            "codegroepen": selectors.retourcodes_gegroepeerd(retourbericht),
            "bevindingen": selectors.bevindingen(bericht),
            "versies": [
                (v, selectors.reden_wijziging_tekst(v.reden_wijziging))
                for v in selectors.versies_van_bericht(bericht)
            ],
            "te_laat": bericht.termijn is not None
            and bericht.status in selectors.WACHT_OP_RETOUR
            and bericht.termijn < timezone.localdate(),
        },
    )


@rol_vereist(*LEZERS)
def bericht_xml(request, uuid):
    """The XML exactly as written or received: an export of client data."""
    bericht = _bericht_of_404(
        request, uuid, omschrijving="iWmo-bericht gedownload (XML)", actie=Actie.EXPORTEREN
    )
    response = HttpResponse(bytes(bericht.xml), content_type="application/xml")
    naam = f"wmo{bericht.berichtcode}-{bericht.afzender}-{bericht.identificatie}.xml"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


PROBLEEMSOORTEN = {
    "": "Alle problemen",
    "afgekeurd": "Afgekeurd of met fouten",
    "te_laat": "Retour te laat",
}


@rol_vereist(Rol.CONSULENT)
def problemen(request):
    soort = request.GET.get("soort", "")
    if soort not in PROBLEEMSOORTEN:
        return render(
            request,
            "keten/problemen.html",
            {
                "fout": "Kies bij soort een van: afgekeurd of te_laat (of laat het leeg).",
                "soorten": PROBLEEMSOORTEN,
                "soort": "",
            },
            status=400,
        )
    vandaag = timezone.localdate()
    page, querystring = _pagina(request, selectors.problemen(request.user, vandaag, soort=soort))
    log_access(
        request=request,
        actie=Actie.ZOEKEN,
        omschrijving="Probleemlijst iWmo-berichten",
        client_ids=_client_ids(page.object_list),
    )
    return render(
        request,
        "keten/problemen.html",
        {
            "page": page,
            "querystring": querystring,
            "soorten": PROBLEEMSOORTEN,
            "soort": soort,
            "vandaag": vandaag,
            "afgekeurd": selectors.AFGEKEURD,
        },
    )
