"""Beheer → API-sleutels: functioneel beheer issues and revokes credentials."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse

from sdd_portal.accounts.models import SDD_ROLLEN, Rol, User
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
        fields = ["organisatie", "naam", "scopes", "verantwoordelijke", "geldig_tot"]
        help_texts = {
            "geldig_tot": "Verplicht; hoogstens API_SLEUTEL_MAX_GELDIGHEID_DAGEN dagen vooruit "
            "(standaard een jaar).",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "verantwoordelijke" in self.fields:
            self.fields["verantwoordelijke"].required = True
            self.fields["verantwoordelijke"].queryset = (
                User.objects.filter(is_active=True, api_sleutel__isnull=True)
                .select_related("organisatie")
                .order_by("organisatie__naam", "last_name")
            )
            self.fields["verantwoordelijke"].label_from_instance = lambda u: (
                f"{u.get_full_name() or u.username} ({u.organisatie})"
            )
        if "geldig_tot" in self.fields:
            self.fields["geldig_tot"].required = True

    def clean(self):
        data = super().clean()
        if self.instance.pk is None and data.get("organisatie"):
            try:
                services.sleutel_controleren(
                    organisatie=data["organisatie"],
                    naam=data.get("naam", ""),
                    scopes=data.get("scopes", []),
                    rollen=data.get("rollen"),
                    geldig_tot=data.get("geldig_tot"),
                    verantwoordelijke=data.get("verantwoordelijke"),
                )
            except ValidationError as fout:
                for veld, meldingen in fout.message_dict.items():
                    for melding in meldingen:
                        self.add_error(veld if veld in self.fields else None, melding)
        return data


@admin.register(ApiSleutel)
class ApiSleutelAdmin(HistorieAdmin):
    form = SleutelForm
    list_display = [
        "naam",
        "organisatie",
        "sleutel_id",
        "status",
        "verantwoordelijke",
        "geldig_tot",
        "laatst_gebruikt",
    ]
    list_filter = ["actief", "organisatie"]
    search_fields = ["naam", "sleutel_id", "organisatie__naam"]
    # After issue only the name changes: rights, responsible person and end date were
    # approved by a second beheerder; for other ones, issue a new key. 'actief' is set
    # by the approval and the revocation only, never by a form (docs/adr/0011).
    readonly_fields = [
        "organisatie",
        "sleutel_id",
        "status",
        "scopes",
        "verantwoordelijke",
        "geldig_tot",
        "ingetrokken_op",
        "ingetrokken_door",
        "laatst_gebruikt",
        "gebruiker",
    ]
    list_select_related = ["organisatie", "verantwoordelijke"]
    actions = ["intrekken"]

    @admin.display(description="status")
    def status(self, obj):
        return obj.status_tekst

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["organisatie", "naam", "scopes", "rollen", "verantwoordelijke", "geldig_tot"]
        return ["naam", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            opslaan(obj, actor=request.user, reden="Naam gewijzigd in beheer", valideren=False)
            return
        sleutel, token = services.sleutel_uitgeven(
            actor=request.user,
            organisatie=form.cleaned_data["organisatie"],
            naam=form.cleaned_data["naam"],
            scopes=form.cleaned_data["scopes"],
            rollen=form.cleaned_data.get("rollen"),
            geldig_tot=form.cleaned_data.get("geldig_tot"),
            verantwoordelijke=form.cleaned_data.get("verantwoordelijke"),
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

    def save_form(self, request, form, change):
        obj = super().save_form(request, form, change)
        if change:
            # Only the name may change after issue (the form shows nothing else); reload
            # every other column so a crafted POST cannot reactivate or widen a key.
            opgeslagen = ApiSleutel.objects.get(pk=obj.pk)
            opgeslagen.naam = obj.naam
            return opgeslagen
        return obj

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
