from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Product


@admin.register(Product)
class ProductAdmin(SimpleHistoryAdmin):
    list_display = ("code", "naam", "productcategorie", "productcode")
    search_fields = ("code", "naam")
