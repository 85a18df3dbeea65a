"""API resources of contract management: providers, contracts, client stops, capacity."""

from sdd_portal.api import registry
from sdd_portal.api.registry import Verwijderbaar


def registreer(router) -> None:
    from . import views

    router.register("aanbieders", views.AanbiederViewSet, basename="aanbieder")
    router.register("contracten", views.ContractViewSet, basename="contract")
    router.register("clientenstops", views.ClientenstopViewSet, basename="clientenstop")
    router.register("capaciteit", views.CapaciteitViewSet, basename="capaciteit")


def registreren() -> None:
    """Scopes, routes and tombstones of this app (from ContractbeheerConfig.ready)."""
    registry.resource("aanbieders", "Aanbieders en contracten", volgorde=30)
    registry.resource("clientenstops", "Cliëntenstops en capaciteit", volgorde=31)
    registry.routes(registreer, volgorde=30)
    for volgorde, (resource, scope, model) in enumerate(
        [
            ("contracten", "aanbieders", "contractbeheer.Contract"),
            ("clientenstops", "clientenstops", "contractbeheer.Clientenstop"),
            ("capaciteit", "clientenstops", "contractbeheer.Capaciteit"),
        ],
        start=30,
    ):
        registry.verwijderbaar(Verwijderbaar(resource, scope, model, volgorde=volgorde))
