from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "sdd_portal.privacy"
    label = "privacy"
    verbose_name = "Privacy: bewaren, vernietigen en inzage"

    def ready(self) -> None:
        """The menu item; the domain apps register their client data from their own
        ``privacy.py`` (registry.py)."""
        from sdd_portal.accounts.models import Rol
        from sdd_portal.accounts.navigation import NavItem, registreer

        registreer(
            NavItem(
                "Vernietiging en inzage",
                "privacy:lijsten",
                frozenset({Rol.FUNCTIONEEL_BEHEERDER}),
                volgorde=165,
            )
        )
