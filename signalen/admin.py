"""Beheer: the daily jobs' state and runs, read-only. The schedules themselves are the
Celery beat rows (Periodieke taken), which functioneel beheerders may edit."""

from django.contrib import admin

from sdd_portal.admin import AlleenLezenMixin

from .models import Taakrun, Taakstand


class AlleenLezen(AlleenLezenMixin, admin.ModelAdmin):
    pass


@admin.register(Taakstand)
class TaakstandAdmin(AlleenLezen):
    list_display = ("regel", "verwerkt_tot", "laatste_start")


@admin.register(Taakrun)
class TaakrunAdmin(AlleenLezen):
    list_display = (
        "regel",
        "datum",
        "van",
        "gestart",
        "seconden",
        "kandidaten",
        "signalen",
        "brieven",
        "uitgevoerd_door",
    )
    list_filter = ("regel", "uitgevoerd_door")
    date_hierarchy = "gestart"

    @admin.display(description="seconden")
    def seconden(self, obj):
        return f"{obj.seconden:.2f}"
