from django.contrib import admin

from sdd_portal.admin import AlleenLezenMixin, PortalHistoryAdmin

from .models import Bewaarinstellingen, Vernietigingsverklaring


@admin.register(Bewaarinstellingen)
class BewaarinstellingenAdmin(PortalHistoryAdmin):
    """One row: the retention term (the default is an illustrative value)."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Bewaarinstellingen.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Vernietigingsverklaring)
class VernietigingsverklaringAdmin(AlleenLezenMixin, admin.ModelAdmin):
    """Read-only: the record is written by the destruction task only."""

    list_display = ("peildatum", "aantal_clienten", "goedgekeurd_door", "vernietigd_op")
