from django.contrib import admin

from sdd_portal.admin import PortalHistoryAdmin

from .models import Bandbreedte, Normenkader, Product, Resultaatgebied, Tarief


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
        "kortdurend_weken",
        "geldig_van",
        "geldig_tot",
    )
    search_fields = ("code", "naam")


@admin.register(Tarief)
class TariefAdmin(PortalHistoryAdmin):
    list_display = ("product", "eenheid", "bedrag", "ingangsdatum", "einddatum", "omschrijving")
    list_filter = ("product",)
    list_select_related = ("product",)


class ResultaatgebiedInline(admin.TabularInline):
    model = Resultaatgebied
    extra = 0
    fields = ("volgorde", "code", "naam", "is_wasverzorging")


@admin.register(Normenkader)
class NormenkaderAdmin(PortalHistoryAdmin):
    list_display = ("versie", "geldig_van", "geldig_tot")
    inlines = [ResultaatgebiedInline]


@admin.register(Bandbreedte)
class BandbreedteAdmin(PortalHistoryAdmin):
    list_display = (
        "code",
        "product",
        "min_minuten",
        "max_minuten",
        "normenkader",
        "geldig_van",
        "geldig_tot",
    )
    list_filter = ("product", "normenkader")
    list_select_related = ("product", "normenkader")
    search_fields = ("code", "naam")
