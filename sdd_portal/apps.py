from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class PortalConfig(AppConfig):
    name = "sdd_portal"
    verbose_name = "Wmo-portaal"
    default = True

    def ready(self):
        # After the admin's autodiscovery (its app comes first in INSTALLED_APPS).
        from .admin import crontab_admin_vervangen

        crontab_admin_vervangen()


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "sdd_portal.admin.PortalAdminSite"


# Dutch section names in the admin for the libraries' apps (labels stay the same).
class AuthenticatorAppsConfig(AppConfig):
    name = "django_otp.plugins.otp_totp"
    label = "otp_totp"
    verbose_name = "Tweede factor: authenticator-apps"
    default_auto_field = "django.db.models.AutoField"


class ReservecodesConfig(AppConfig):
    name = "django_otp.plugins.otp_static"
    label = "otp_static"
    verbose_name = "Tweede factor: reservecodes"
    default_auto_field = "django.db.models.AutoField"


class InlogbeveiligingConfig(AxesAppConfig):
    verbose_name = "Inlogbeveiliging"
