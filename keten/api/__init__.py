"""API resource of the chain: the iWmo messages, read-only (list, detail, XML)."""

from sdd_portal.api import registry


def registreer(router) -> None:
    from . import views

    router.register("berichten", views.BerichtViewSet, basename="bericht")


def registreren() -> None:
    """Scope and routes of this app (from KetenConfig.ready)."""
    registry.resource("berichten", "iWmo-berichten", volgorde=60)
    registry.routes(registreer, volgorde=60)
