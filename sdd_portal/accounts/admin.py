from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied

from sdd_portal.admin import PortalHistoryAdmin
from sdd_portal.validators import normalize_postcode

from .forms import GebruikerAanmakenForm, GebruikerWijzigenForm
from .models import Organisatie, Rol, User


class OrganisatieAdminForm(forms.ModelForm):
    # Accept "3311 AB" as typed; stored as "3311AB".
    postcode = forms.CharField(label="Postcode", max_length=7)

    class Meta:
        model = Organisatie
        fields = [
            "soort",
            "naam",
            "kvk_nummer",
            "agb_code",
            "actief",
            "straat",
            "huisnummer",
            "huisnummertoevoeging",
            "postcode",
            "plaats",
            "telefoon",
            "email",
        ]

    def clean_postcode(self):
        return normalize_postcode(self.cleaned_data.get("postcode", ""))


@admin.register(Organisatie)
class OrganisatieAdmin(PortalHistoryAdmin):
    form = OrganisatieAdminForm
    list_display = ("naam", "soort", "kvk_nummer", "agb_code", "plaats", "actief")
    list_filter = ("soort", "actief")
    search_fields = ("naam", "kvk_nummer", "agb_code")
    readonly_fields = ("uuid", "created_at", "modified_at")
    fieldsets = (
        (None, {"fields": ("soort", "naam", "kvk_nummer", "agb_code", "actief")}),
        (
            "Hoofdadres",
            {"fields": ("straat", "huisnummer", "huisnummertoevoeging", "postcode", "plaats")},
        ),
        ("Contact", {"fields": ("telefoon", "email")}),
        ("Systeem", {"fields": ("uuid", "created_at", "modified_at")}),
    )

    def _beheert_sdd(self, request) -> bool:
        return request.user.is_superuser or request.user.has_rol(Rol.FUNCTIONEEL_BEHEERDER)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("soort")  # an organisation does not change kind
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_sdd and not self._beheert_sdd(request):
            return False  # contract management keeps providers, not SDD itself
        return super().has_change_permission(request, obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "soort" and not self._beheert_sdd(request):
            kwargs["choices"] = [(Organisatie.Soort.AANBIEDER, Organisatie.Soort.AANBIEDER.label)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


@admin.register(User)
class GebruikerAdmin(PortalHistoryAdmin, UserAdmin):
    form = GebruikerWijzigenForm
    add_form = GebruikerAanmakenForm
    list_display = ("username", "volledige_naam", "organisatie", "rollen_tekst", "is_active")
    list_filter = ("organisatie__soort", "is_active", "organisatie")
    list_select_related = ("organisatie",)
    search_fields = ("username", "first_name", "last_name", "email")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Persoon", {"fields": ("first_name", "last_name", "email")}),
        ("Organisatie en rollen", {"fields": ("organisatie", "rollen", "is_active")}),
        (
            "Technisch beheer",
            {
                "classes": ("collapse",),
                "fields": ("is_staff", "is_superuser", "last_login", "date_joined"),
            },
        ),
    )
    add_fieldsets = (
        (
            None,
            {
                "fields": (
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    "organisatie",
                    "rollen",
                    "password1",
                    "password2",
                )
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")

    actions = ["stuur_wachtwoord_herstelmail"]

    @admin.action(
        description="Stuur een e-mail om het wachtwoord opnieuw in te stellen",
        permissions=["change"],
    )
    def stuur_wachtwoord_herstelmail(self, request, queryset):
        sent = 0
        for user in queryset.filter(is_active=True).exclude(email=""):
            form = PasswordResetForm({"email": user.email})
            if form.is_valid():
                form.save(
                    request=request,
                    use_https=request.is_secure(),
                    email_template_name="registration/password_reset_email.txt",
                    subject_template_name="registration/password_reset_subject.txt",
                )
                sent += 1
        self.message_user(request, f"Herstelmail verstuurd aan {sent} gebruiker(s).")

    def user_change_password(self, request, id, form_url=""):
        # Setting someone else's password would let a beheerder act as that person.
        # Beheerders send a reset mail instead; only technical superusers set passwords.
        if not request.user.is_superuser:
            raise PermissionDenied("Stuur de gebruiker een herstelmail via de actie in de lijst.")
        return super().user_change_password(request, id, form_url)

    @admin.display(description="naam")
    def volledige_naam(self, obj):
        return obj.get_full_name()

    @admin.display(description="rollen")
    def rollen_tekst(self, obj):
        return ", ".join(obj.rollen_labels)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_staff", "is_superuser"]
            if obj is not None and obj.pk == request.user.pk:
                # No self-escalation: someone else changes your own roles and organisation.
                fields += ["organisatie", "rollen", "is_active"]
        return fields
