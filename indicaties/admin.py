from django.contrib import admin

from sdd_portal.admin import PortalHistoryAdmin

from .models import Gemeente, Procesinstellingen


@admin.register(Gemeente)
class GemeenteAdmin(PortalHistoryAdmin):
    list_display = ("naam", "code")
    search_fields = ("naam", "code")


@admin.register(Procesinstellingen)
class ProcesinstellingenAdmin(PortalHistoryAdmin):
    """One row of terms; the defaults are illustrative demo values."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Procesinstellingen.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
