"""API resources of the normenkader: products and their bands."""

from sdd_portal.api import registry
from sdd_portal.api.registry import Verwijderbaar


def registreer(router) -> None:
    from . import views

    router.register("producten", views.ProductViewSet, basename="product")
    router.register("bandbreedtes", views.BandbreedteViewSet, basename="bandbreedte")


def registreren() -> None:
    """Scope, routes and tombstones of this app (from BandbreedteConfig.ready)."""
    registry.resource("producten", "Producten en bandbreedtes", volgorde=20)
    registry.routes(registreer, volgorde=20)
    registry.verwijderbaar(
        Verwijderbaar("producten", "producten", "bandbreedte.Product", openbaar=True, volgorde=60)
    )
