"""Beheer → API-sleutels: functioneel beheer issues and revokes credentials."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse

from sdd_portal.accounts.models import SDD_ROLLEN, Rol
from sdd_portal.admin import HistorieAdmin
from sdd_portal.historie import opslaan

from . import services
from .models import Abonnement, ApiSleutel, Levering
from .scopes import scope_keuzes


class SleutelForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label="Rechten",
        choices=scope_keuzes,
        widget=forms.CheckboxSelectMultiple,
        help_text="Lezen en/of schrijven per resource. Welke rijen de sleutel ziet, volgt uit "
        "de organisatie: een aanbieder ziet alleen de eigen cliënten.",
    )
    rollen = forms.MultipleChoiceField(
        label="Rollen (alleen voor de SDD)",
        choices=[(r.value, r.label) for r in Rol if r in SDD_ROLLEN],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ApiSleutel
        fields = ["organisatie", "naam", "scopes", "geldig_tot", "actief"]

    def clean(self):
        data = super().clean()
        if self.instance.pk is None and data.get("organisatie"):
            try:
                services.sleutel_controleren(
                    organisatie=data["organisatie"],
                    naam=data.get("naam", ""),
                    scopes=data.get("scopes", []),
                    rollen=data.get("rollen"),
                )
            except ValidationError as fout:
                for veld, meldingen in fout.message_dict.items():
                    for melding in meldingen:
                        self.add_error(veld if veld in self.fields else None, melding)
        return data


@admin.register(ApiSleutel)
class ApiSleutelAdmin(HistorieAdmin):
    form = SleutelForm
    list_display = ["naam", "organisatie", "sleutel_id", "actief", "geldig_tot", "laatst_gebruikt"]
    list_filter = ["actief", "organisatie"]
    search_fields = ["naam", "sleutel_id", "organisatie__naam"]
    readonly_fields = ["sleutel_id", "laatst_gebruikt", "gebruiker"]
    list_select_related = ["organisatie"]
    actions = ["intrekken"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["organisatie", "naam", "scopes", "rollen", "geldig_tot"]
        return [
            "organisatie",
            "naam",
            "sleutel_id",
            "scopes",
            "geldig_tot",
            "actief",
            "laatst_gebruikt",
            "gebruiker",
        ]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "organisatie"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            opslaan(obj, actor=request.user, reden="Gewijzigd in beheer", valideren=False)
            return
        sleutel, token = services.sleutel_uitgeven(
            actor=request.user,
            organisatie=form.cleaned_data["organisatie"],
            naam=form.cleaned_data["naam"],
            scopes=form.cleaned_data["scopes"],
            rollen=form.cleaned_data.get("rollen"),
            geldig_tot=form.cleaned_data.get("geldig_tot"),
        )
        obj.pk = sleutel.pk
        self._token = token

    def response_add(self, request, obj, post_url_continue=None):
        sleutel = ApiSleutel.objects.get(pk=obj.pk)
        return TemplateResponse(
            request,
            "admin/api/sleutel_uitgegeven.html",
            {
                **self.admin_site.each_context(request),
                "sleutel": sleutel,
                "token": self._token,
                "opts": self.model._meta,
                "title": "API-sleutel uitgegeven",
            },
        )

    @admin.action(description="Geselecteerde sleutels intrekken")
    def intrekken(self, request, queryset):
        for sleutel in queryset:
            services.sleutel_intrekken(actor=request.user, sleutel=sleutel)
        messages.success(request, f"{queryset.count()} sleutel(s) ingetrokken.")


@admin.register(Abonnement)
class AbonnementAdmin(HistorieAdmin):
    list_display = ["callback_url", "organisatie", "actief", "created_at"]
    list_filter = ["actief", "organisatie"]
    readonly_fields = ["organisatie", "sleutel", "callback_url", "gebeurtenissen", "created_at"]
    list_select_related = ["organisatie"]

    def has_add_permission(self, request):
        return False


@admin.register(Levering)
class LeveringAdmin(admin.ModelAdmin):
    list_display = [
        "aangemaakt_op",
        "abonnement",
        "gebeurtenis",
        "status",
        "pogingen",
        "laatste_statuscode",
    ]
    list_filter = ["status", "gebeurtenis"]
    readonly_fields = [f.name for f in Levering._meta.fields]
    list_select_related = ["abonnement"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
