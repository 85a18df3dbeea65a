from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class PortalConfig(AppConfig):
    name = "sdd_portal"
    verbose_name = "Wmo-portaal"
    default = True


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "sdd_portal.admin.PortalAdminSite"
