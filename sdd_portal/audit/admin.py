from django.contrib import admin

from sdd_portal.admin import AlleenLezenMixin
from sdd_portal.paginatie import BegrensdePaginator

from .models import AccessLogEntry
from .views import MAX_REGELS


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(AlleenLezenMixin, admin.ModelAdmin):
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
    # No date_hierarchy: its year and month links are a DISTINCT over every row (seconds at
    # tens of millions); the date filter and the search page (/beheer/toegangslog/) serve.
    list_filter = ("timestamp", "actie", "uitkomst")
    # Exact username (case-insensitive), served by accesslog_username_ts; a substring search
    # would read every row.
    search_fields = ("=username",)
    search_help_text = "Zoek op de volledige gebruikersnaam (hoofdletters maken niet uit)."
    show_full_result_count = False
    list_per_page = 50

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        """Count at most 10,000 rows (docs/toegangslog.md); the last pages are not offered."""
        return BegrensdePaginator(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            grens=MAX_REGELS,
            tel_kolom="timestamp",
        )
