"""API resources of the consultation tables: meetings and action items."""

from sdd_portal.api import registry


def registreer(router) -> None:
    from . import views

    router.register("vergaderingen", views.VergaderingViewSet, basename="vergadering")
    router.register("actiepunten", views.ActiepuntViewSet, basename="actiepunt")


def registreren() -> None:
    """Scope and routes of the consultation tables (from FotConfig.ready)."""
    registry.resource("fot", "Overlegtafels (FOT)", volgorde=50)
    registry.routes(registreer, volgorde=50)
