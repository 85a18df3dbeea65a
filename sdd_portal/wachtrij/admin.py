from django.contrib import admin

from sdd_portal.admin import AlleenLezenMixin

from .models import Opdracht


@admin.register(Opdracht)
class OpdrachtAdmin(AlleenLezenMixin, admin.ModelAdmin):
    """Read-only view of the task outbox: what waits, what keeps failing (docs/adr/0013)."""

    list_display = (
        "taak",
        "aangemaakt_op",
        "verzonden_op",
        "verzendingen",
        "gestart_op",
        "uitgevoerd_op",
    )
    list_filter = ("taak", ("uitgevoerd_op", admin.EmptyFieldListFilter))
    show_full_result_count = False
    list_per_page = 50
