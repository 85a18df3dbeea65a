from django.contrib import admin

from sdd_portal.admin import PortalHistoryAdmin

from .models import Gemeente


@admin.register(Gemeente)
class GemeenteAdmin(PortalHistoryAdmin):
    list_display = ("naam", "code")
    search_fields = ("naam", "code")
