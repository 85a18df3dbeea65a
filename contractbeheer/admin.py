"""Registers that contract management keeps in the admin: contracts, entry stops,
mandates with their documents, contacts; settings for functioneel beheerders."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html

from sdd_portal.accounts.models import User
from sdd_portal.admin import AlleenLezenMixin, PortalHistoryAdmin
from sdd_portal.documents import controleer_pdf

from . import services
from .models import (
    Capaciteit,
    Clientenstop,
    Contactpersoon,
    Contract,
    Instellingen,
    Mandaat,
    MandaatDocument,
    Toetredingsstop,
)


@admin.register(Contract)
class ContractAdmin(PortalHistoryAdmin):
    list_display = (
        "aanbieder",
        "product",
        "status",
        "ingangsdatum",
        "einddatum",
        "toetredingsdatum",
        "uittredingsdatum",
    )
    list_filter = ("status", "product")
    list_select_related = ("aanbieder", "product")
    search_fields = ("aanbieder__naam", "kenmerk")
    fieldsets = (
        (None, {"fields": ("aanbieder", "product", "kenmerk", "status")}),
        ("Looptijd", {"fields": ("ingangsdatum", "einddatum")}),
        (
            "Toetreding",
            {
                "fields": (
                    "toetredingsdatum",
                    "toetredingsreden",
                    "uitzonderingscriterium",
                    "uitzonderingsbesluit",
                )
            },
        ),
        ("Uittreding", {"fields": ("uittredingsdatum", "uittredingsreden")}),
    )


@admin.register(Toetredingsstop)
class ToetredingsstopAdmin(PortalHistoryAdmin):
    list_display = ("product", "ingangsdatum", "einddatum")


class MandaatDocumentForm(forms.ModelForm):
    upload = forms.FileField(label="PDF-bestand", required=True)

    class Meta:
        model = MandaatDocument
        fields = ["omschrijving"]

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        controleer_pdf(upload)
        return upload


class MandaatDocumentFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        heeft_al = self.instance.pk and self.instance.documenten.exists()
        nieuw = any(f.cleaned_data.get("upload") for f in self.forms if f.has_changed())
        if not heeft_al and not nieuw:
            raise ValidationError(
                "Voeg de ondertekende toestemming (PDF) toe: een mandaat zonder document "
                "is niet compleet."
            )


class MandaatDocumentInline(admin.TabularInline):
    model = MandaatDocument
    form = MandaatDocumentForm
    formset = MandaatDocumentFormSet
    extra = 1
    can_delete = False
    fields = ("omschrijving", "upload", "downloaden", "sha256", "grootte")
    readonly_fields = ("downloaden", "sha256", "grootte")

    @admin.display(description="document")
    def downloaden(self, obj):
        if not obj or not obj.pk:
            return "nog niet opgeslagen"
        url = reverse("contractbeheer:mandaatdocument", args=[obj.uuid])
        return format_html('<a href="{}">{}</a>', url, obj.bestandsnaam)

    def has_change_permission(self, request, obj=None):
        return False  # documents are evidence: add new ones, never replace


class MandaatForm(forms.ModelForm):
    class Meta:
        model = Mandaat
        fields = [
            "aanbieder",
            "medewerker",
            "functie",
            "producten",
            "geldig_van",
            "geldig_tot",
            "ingetrokken_op",
            "intrekkingsreden",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        medewerkers = self.fields["medewerker"]
        medewerkers.queryset = (
            User.objects.filter(organisatie__soort="aanbieder", is_active=True)
            .select_related("organisatie")
            .order_by("organisatie__naam", "last_name")
        )
        medewerkers.label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.organisatie.naam})"
        )
        self.fields["producten"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["producten"].choices
        )

    def clean(self):
        data = super().clean()
        aanbieder, medewerker = data.get("aanbieder"), data.get("medewerker")
        if aanbieder and medewerker and medewerker.organisatie_id != aanbieder.pk:
            self.add_error("medewerker", f"{medewerker} werkt niet bij {aanbieder}.")
        if aanbieder and data.get("producten") and data.get("geldig_van"):
            try:
                services.controleer_mandaat_binnen_contract(
                    aanbieder=aanbieder,
                    producten=data["producten"],
                    geldig_van=data["geldig_van"],
                    geldig_tot=data.get("geldig_tot"),
                )
            except ValidationError as exc:
                for veld, fouten in exc.message_dict.items():
                    self.add_error(veld, fouten)
        return data


@admin.register(Mandaat)
class MandaatAdmin(PortalHistoryAdmin):
    form = MandaatForm
    inlines = [MandaatDocumentInline]
    list_display = ("medewerker", "aanbieder", "geldig_van", "geldig_tot", "ingetrokken_op")
    list_filter = ("aanbieder",)
    list_select_related = ("medewerker", "aanbieder")
    readonly_fields = ("adres_op_documenten",)
    fieldsets = (
        (None, {"fields": ("aanbieder", "medewerker", "functie", "producten")}),
        (
            "Adres",
            {
                "fields": ("adres_op_documenten",),
                "description": "Altijd het hoofdadres van de organisatie, nooit een "
                "privéadres. Wijzig het in de organisatie.",
            },
        ),
        ("Geldigheid", {"fields": ("geldig_van", "geldig_tot")}),
        ("Intrekking", {"fields": ("ingetrokken_op", "intrekkingsreden")}),
    )

    @admin.display(description="adres op mandaat en besluiten")
    def adres_op_documenten(self, obj):
        return obj.adres if obj and obj.aanbieder_id else "Het hoofdadres van de aanbieder"

    def save_formset(self, request, form, formset, change):
        if formset.model is not MandaatDocument:
            return super().save_formset(request, form, formset, change)
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for inline_form in formset.forms:
            upload = inline_form.cleaned_data.get("upload") if inline_form.has_changed() else None
            if upload:
                document = services.mandaatdocument_toevoegen(
                    actor=request.user,
                    mandaat=form.instance,
                    upload=upload,
                    omschrijving=inline_form.cleaned_data["omschrijving"],
                )
                formset.new_objects.append(document)
        return None


@admin.register(Contactpersoon)
class ContactpersoonAdmin(PortalHistoryAdmin):
    list_display = ("onderwerp", "contact", "email", "telefoon", "volgorde")
    list_editable = ("volgorde",)


@admin.register(Instellingen)
class InstellingenAdmin(PortalHistoryAdmin):
    def has_add_permission(self, request):
        return not Instellingen.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class AlleenLezenAdmin(AlleenLezenMixin, PortalHistoryAdmin):
    """Workflows run through the portal's services; the admin only shows them."""


@admin.register(Clientenstop)
class ClientenstopAdmin(AlleenLezenAdmin):
    list_display = (
        "aanbieder",
        "product",
        "status",
        "ingangsdatum",
        "einddatum",
        "heroverwegingsdatum",
    )
    list_filter = ("status", "product")
    list_select_related = ("aanbieder", "product")


@admin.register(Capaciteit)
class CapaciteitAdmin(AlleenLezenAdmin):
    list_display = (
        "aanbieder",
        "product",
        "aantal",
        "vanaf_datum",
        "bijgewerkt_op",
        "ingetrokken_op",
    )
    list_select_related = ("aanbieder", "product")
