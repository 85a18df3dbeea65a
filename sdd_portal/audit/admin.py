from django.contrib import admin

from .models import AccessLogEntry


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: nobody can add, change or delete log rows through the application."""

    list_display = (
        "timestamp",
        "username",
        "organisatie_naam",
        "actie",
        "omschrijving",
        "uitkomst",
        "ip_adres",
    )
    list_filter = ("actie", "uitkomst")
    search_fields = ("username",)
    date_hierarchy = "timestamp"
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
