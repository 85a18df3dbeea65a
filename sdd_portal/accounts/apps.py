from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sdd_portal.accounts"
    label = "accounts"
    verbose_name = "Organisaties en gebruikers"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import bij_inloggen

        # The session's idle and absolute clocks start at login (docs/adr/0014).
        user_logged_in.connect(bij_inloggen, dispatch_uid="sessie_starten")
