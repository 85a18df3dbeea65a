from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from sdd_portal.admin import PortalHistoryAdmin

from .forms import GebruikerAanmakenForm, GebruikerWijzigenForm
from .models import Organisatie, User


@admin.register(Organisatie)
class OrganisatieAdmin(PortalHistoryAdmin):
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


@admin.register(User)
class GebruikerAdmin(PortalHistoryAdmin, UserAdmin):
    form = GebruikerWijzigenForm
    add_form = GebruikerAanmakenForm
    list_display = ("username", "get_full_name", "organisatie", "rollen_tekst", "is_active")
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

    @admin.display(description="rollen")
    def rollen_tekst(self, obj):
        return ", ".join(obj.rollen_labels)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_staff", "is_superuser"]
        return fields
