from django.contrib import admin

from sdd_portal.admin import PortalHistoryAdmin

from .models import Product


@admin.register(Product)
class ProductAdmin(PortalHistoryAdmin):
    list_display = ("code", "naam", "productcategorie", "productcode")
    search_fields = ("code", "naam")
