from django.contrib import admin

from sdd_portal.admin import PortalHistoryAdmin

from .models import Product, Tarief


@admin.register(Product)
class ProductAdmin(PortalHistoryAdmin):
    list_display = (
        "code",
        "naam",
        "productcategorie",
        "productcode",
        "eenheid",
        "frequentie",
        "uitvoeringsvariant",
        "geldig_van",
        "geldig_tot",
    )
    search_fields = ("code", "naam")


@admin.register(Tarief)
class TariefAdmin(PortalHistoryAdmin):
    list_display = ("product", "eenheid", "bedrag", "ingangsdatum", "einddatum", "omschrijving")
    list_filter = ("product",)
    list_select_related = ("product",)
