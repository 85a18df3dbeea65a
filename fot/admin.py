"""Beheer: tables and their members (contract management). Meetings, minutes and action
items are kept in the portal's own pages, where their rules apply."""

from django.contrib import admin

from sdd_portal.admin import PortalHistoryAdmin

from .models import Tafel, Tafellid


class TafellidInline(admin.TabularInline):
    model = Tafellid
    extra = 0
    fields = ("organisatie", "vertegenwoordiger", "lid_vanaf", "lid_tot")


@admin.register(Tafel)
class TafelAdmin(PortalHistoryAdmin):
    list_display = ("naam", "actief")
    inlines = [TafellidInline]


@admin.register(Tafellid)
class TafellidAdmin(PortalHistoryAdmin):
    list_display = ("tafel", "organisatie", "vertegenwoordiger", "lid_vanaf", "lid_tot")
    list_filter = ("tafel",)
