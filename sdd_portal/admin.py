"""The admin site, open to functioneel beheerders (and technical superusers)."""

from django.contrib import admin


class PortalAdminSite(admin.AdminSite):
    site_header = "Beheer Wmo-portaal SDD"
    site_title = "Beheer Wmo-portaal"
    index_title = "Referentiegegevens en gebruikers"

    def has_permission(self, request) -> bool:
        user = request.user
        if not (user.is_active and user.is_authenticated):
            return False
        return user.is_superuser or user.has_rol("functioneel_beheerder")
