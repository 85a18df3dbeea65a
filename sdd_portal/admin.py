"""The admin site, open to functioneel beheerders (and technical superusers)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin


class PortalAdminSite(admin.AdminSite):
    site_header = "Beheer Wmo-portaal SDD"
    site_title = "Beheer Wmo-portaal"
    index_title = "Referentiegegevens en gebruikers"

    def has_permission(self, request) -> bool:
        user = request.user
        if not (user.is_active and user.is_authenticated):
            return False
        from sdd_portal.accounts.backends import ADMIN_ROLES

        return user.is_superuser or (user.is_sdd and user.has_rol(*ADMIN_ROLES))


class PortalHistoryAdmin(SimpleHistoryAdmin):
    """Admin for domain models: every save records who (middleware) and why."""

    def save_model(self, request, obj, form, change):
        fields = ", ".join(form.changed_data) if change else ""
        obj._change_reason = (
            f"Gewijzigd in het beheerscherm ({fields})"
            if change
            else "Aangemaakt in het beheerscherm"
        )[:100]
        super().save_model(request, obj, form, change)
