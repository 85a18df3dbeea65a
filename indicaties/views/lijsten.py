"""Bulk lists (000 items 4c-i, 4e) and the laundry-service report (000 item 5).

Bulk lists: a provider or contract management uploads a list, sees a report per row and
imports it; every read of the report is logged with the clients it matched. The laundry
report is for consulenten; every page and export is logged with the clients in it.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from sdd_portal.accounts.models import Organisatie, Rol
from sdd_portal.accounts.permissions import rol_vereist
from sdd_portal.accounts.roles import heeft_sdd_rol
from sdd_portal.audit.models import Actie
from sdd_portal.audit.services import log_access, zichtbaar_of_404
from sdd_portal.export import FORMATEN, csv_response, tabel_response
from sdd_portal.forms import fouten_naar_form, status_voor

from .. import bulk
from ..models import Bulklijst, Gemeente, Procesinstellingen
from ..rapportages import wasservice_kandidaten, wasservice_standaard_gemeenten

BULK_ROLLEN = (Rol.AANBIEDER_MEDEWERKER, Rol.CONTRACTMANAGER)
REGELS_PER_PAGINA = 100
SOORT_KEUZES = [
    (
        Bulklijst.Soort.OMZETTING,
        "Niet-omgezette toewijzingen: bsn, minuten per week en was/strijk (ja of nee)",
    ),
    (
        Bulklijst.Soort.WACHTLIJST,
        "Wachtlijstcliënten zonder bandbreedte: bsn (minuten per week en was/strijk mogen)",
    ),
]


# ------------------------------------------------------------------------- forms


class BulklijstForm(forms.Form):
    soort = forms.ChoiceField(
        label="Soort lijst",
        choices=SOORT_KEUZES,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies het soort lijst.", "invalid_choice": "Kies een soort."},
    )
    aanbieder = forms.ModelChoiceField(
        label="Aanbieder",
        queryset=Organisatie.objects.none(),
        empty_label="Kies de aanbieder van wie de lijst komt",
        error_messages={
            "required": "Kies de aanbieder van wie de lijst komt.",
            "invalid_choice": "Kies een aanbieder uit de lijst.",
        },
    )
    bestand = forms.FileField(
        label="Lijst (CSV of Excel)",
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-"
                "officedocument.spreadsheetml.sheet"
            }
        ),
        error_messages={
            "required": "Kies het bestand met de lijst.",
            "empty": "Het gekozen bestand is leeg.",
        },
        help_text=f"CSV (puntkomma of komma) of .xlsx, hooguit {bulk.MAX_REGELS} regels. De "
        "eerste regel noemt de kolommen: bsn, minuten per week, was/strijk.",
    )

    def __init__(self, *args, kiest_aanbieder: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if kiest_aanbieder:
            self.fields["aanbieder"].queryset = Organisatie.objects.aanbieders().order_by("naam")
        else:
            del self.fields["aanbieder"]


class ImporterenForm(forms.Form):
    keuze = forms.ChoiceField(choices=[("alles", "alles"), ("geldige", "geldige")])
    bevestiging = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        if data.get("keuze") == "geldige" and not data.get("bevestiging"):
            self.add_error(
                "bevestiging",
                "Vink aan dat u alleen de geldige regels wilt importeren en de regels met een "
                "fout apart aanlevert.",
            )
        return data


class WasserviceForm(forms.Form):
    gemeenten = forms.ModelMultipleChoiceField(
        label="Gemeenten",
        queryset=Gemeente.objects.order_by("naam"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies minstens één gemeente.",
            "invalid_choice": "Kies gemeenten uit de lijst.",
            "invalid_pk_value": "Kies gemeenten uit de lijst.",
        },
    )
    aftrek = forms.IntegerField(
        label="Minuten per week minder door de wasservice",
        min_value=0,
        max_value=600,
        error_messages={
            "required": "Vul in hoeveel minuten per week er af gaan.",
            "invalid": "Vul een heel aantal minuten in, bijvoorbeeld 30.",
            "min_value": "Het aantal minuten is niet negatief.",
            "max_value": "Vul hooguit 600 minuten in.",
        },
    )
    peildatum = forms.DateField(
        label="Beschikkingen geldig op",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Vul de peildatum in.",
            "invalid": "Vul een geldige peildatum in (dag-maand-jaar).",
        },
    )


# -------------------------------------------------------------------- bulk lists


@rol_vereist(*BULK_ROLLEN)
def bulklijsten(request):
    qs = (
        bulk.bulklijsten_zichtbaar(request.user)
        .select_related("aanbieder", "geupload_door")
        .defer("regels")
        .order_by("-created_at", "-id")
    )
    page = Paginator(qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "indicaties/bulklijst_lijst.html", {"page": page, "querystring": ""})


@rol_vereist(*BULK_ROLLEN)
def bulklijst_uploaden(request):
    kiest = heeft_sdd_rol(request.user, Rol.CONTRACTMANAGER)
    post = request.method == "POST"
    form = BulklijstForm(
        request.POST if post else None, request.FILES if post else None, kiest_aanbieder=kiest
    )
    if post and form.is_valid():
        try:
            lijst = bulk.bulklijst_controleren(
                actor=request.user,
                soort=form.cleaned_data["soort"],
                aanbieder=form.cleaned_data.get("aanbieder"),
                upload=form.cleaned_data["bestand"],
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            if lijst.aantal_fouten:
                messages.warning(
                    request,
                    f"De lijst is gecontroleerd: {lijst.aantal_fouten} regel(s) hebben een "
                    "fout. Er is nog niets geïmporteerd.",
                )
            else:
                messages.success(
                    request,
                    "De lijst is gecontroleerd en bevat geen fouten. Er is nog niets "
                    "geïmporteerd: kies hieronder 'Alles importeren'.",
                )
            return redirect("indicaties:bulklijst-detail", uuid=lijst.uuid)
    return render(
        request,
        "indicaties/bulklijst_form.html",
        {"form": form, "soorten": Bulklijst.Soort.choices},
        status=status_voor(form),
    )


def _lijst_of_404(request, uuid) -> Bulklijst:
    """Another organisation's list answers like a list that does not exist."""
    qs = bulk.bulklijsten_zichtbaar(request.user).select_related("aanbieder", "geupload_door")
    return zichtbaar_of_404(
        qs,
        request=request,
        uuid=uuid,
        omschrijving="Bulklijst",
        melding="Deze lijst bestaat niet of u heeft er geen toegang toe.",
    )


def _rapport(request, lijst: Bulklijst, form=None):
    alleen_fouten = request.GET.get("toon") == "fouten"
    regels = [r for r in lijst.regels if r["fouten"]] if alleen_fouten else lijst.regels
    page = Paginator(regels, REGELS_PER_PAGINA).get_page(request.GET.get("pagina"))
    log_access(
        request=request,
        actie=Actie.BEKIJKEN,
        omschrijving=f"Verslag lijst {lijst.bestandsnaam}"[:300],
        client_ids=[r["client_id"] for r in page.object_list if r.get("client_id")],
    )
    totaal = len(lijst.regels)
    return render(
        request,
        "indicaties/bulklijst_detail.html",
        {
            "lijst": lijst,
            "page": page,
            "querystring": "toon=fouten" if alleen_fouten else "",
            "alleen_fouten": alleen_fouten,
            "totaal": totaal,
            "aantal_geldig": totaal - lijst.aantal_fouten,
            "te_importeren": lijst.status == Bulklijst.Status.GECONTROLEERD,
            "form": form,
        },
        status=status_voor(form),
    )


@rol_vereist(*BULK_ROLLEN)
def bulklijst_detail(request, uuid):
    return _rapport(request, _lijst_of_404(request, uuid))


@require_POST
@rol_vereist(*BULK_ROLLEN)
def bulklijst_importeren(request, uuid):
    lijst = _lijst_of_404(request, uuid)
    form = ImporterenForm(request.POST)
    if form.is_valid():
        try:
            aantal = bulk.bulklijst_importeren(
                actor=request.user,
                lijst=lijst,
                alleen_geldige=form.cleaned_data["keuze"] == "geldige",
            )
        except ValidationError as exc:
            fouten_naar_form(form, exc)
        else:
            messages.success(
                request,
                f"{aantal} melding(en) zijn geregistreerd. De SDD bepaalt per cliënt de "
                "bandbreedte; ga niet op huisbezoek voordat die is afgegeven.",
            )
            return redirect("indicaties:bulklijst-detail", uuid=lijst.uuid)
        lijst.refresh_from_db()
    return _rapport(request, lijst, form=form)


@rol_vereist(*BULK_ROLLEN)
def bulklijst_voorbeeld(request, soort):
    if soort not in Bulklijst.Soort.values:
        raise Http404("Onbekend soort lijst.")
    return csv_response(f"voorbeeld-{soort}", bulk.voorbeeld_csv(soort))


# ------------------------------------------------------------ laundry service


WASSERVICE_KOP = [
    "Cliënt",
    "BSN",
    "Gemeente",
    "Aanbieder",
    "Bandbreedte",
    "Minuten per week",
    "Minuten na aftrek",
    "Ondergrens band",
    "Beschikking tot en met",
]


def _wasservice_rij(b) -> list:
    return [
        b.client.naam,
        b.client.bsn,
        b.client.gemeente.naam,
        b.aanbieder.naam,
        b.bandbreedte.code,
        b.minuten_per_week,
        b.minuten_na_aftrek,
        b.bandbreedte.min_minuten,
        b.einddatum,
    ]


@rol_vereist(Rol.CONSULENT)
def wasservice(request):
    standaard_aftrek = Procesinstellingen.huidig().was_aftrek_minuten
    data = request.GET
    if "aftrek" not in data:  # first visit: the three starting municipalities (000 item 5)
        data = QueryDict(mutable=True)
        data.setlist(
            "gemeenten",
            [str(pk) for pk in wasservice_standaard_gemeenten().values_list("pk", flat=True)],
        )
        data["aftrek"] = str(standaard_aftrek)
        data["peildatum"] = timezone.localdate().isoformat()
    form = WasserviceForm(data)
    context = {"form": form, "standaard_aftrek": standaard_aftrek, "page": None}
    if form.is_valid():
        kandidaten = wasservice_kandidaten(actor=request.user, **_wasservice_args(form))
        formaat = request.GET.get("formaat")
        if formaat in FORMATEN:
            rijen = list(kandidaten)
            log_access(
                request=request,
                actie=Actie.EXPORTEREN,
                omschrijving=f"Kandidaten wasservice geëxporteerd ({formaat})",
                client_ids=[b.client_id for b in rijen],
            )
            naam = f"wasservice-kandidaten-{form.cleaned_data['peildatum']:%Y-%m-%d}"
            return tabel_response(
                naam,
                WASSERVICE_KOP,
                [_wasservice_rij(b) for b in rijen],
                formaat,
                blad="Kandidaten",
            )
        page = Paginator(kandidaten, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
        log_access(
            request=request,
            actie=Actie.BEKIJKEN,
            omschrijving="Kandidaten wasservice",
            client_ids=[b.client_id for b in page.object_list],
        )
        querystring = data.copy()
        querystring.pop("pagina", None)
        querystring.pop("formaat", None)
        context.update(page=page, querystring=querystring.urlencode())
    return render(
        request,
        "indicaties/wasservice_kandidaten.html",
        context,
        status=status_voor(form),
    )


def _wasservice_args(form) -> dict:
    return {
        "gemeenten": form.cleaned_data["gemeenten"],
        "datum": form.cleaned_data["peildatum"],
        "aftrek": form.cleaned_data["aftrek"],
    }
