from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sdd_portal.accounts"
    label = "accounts"
    verbose_name = "Organisaties en gebruikers"
