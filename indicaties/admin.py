from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Gemeente


@admin.register(Gemeente)
class GemeenteAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "code")
    search_fields = ("naam", "code")
