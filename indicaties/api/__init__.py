"""API resources of the client file: clients, meldingen, decisions, assignments, plans."""

from sdd_portal.api import registry
from sdd_portal.api.registry import Verwijderbaar


def registreer(router) -> None:
    from . import views

    router.register("clienten", views.ClientViewSet, basename="client")
    router.register("meldingen", views.MeldingViewSet, basename="melding")
    router.register("beschikkingen", views.BeschikkingViewSet, basename="beschikking")
    router.register("toewijzingen", views.ToewijzingViewSet, basename="toewijzing")
    router.register(
        "ondersteuningsplannen", views.OndersteuningsplanViewSet, basename="ondersteuningsplan"
    )


def registreren() -> None:
    """Scopes, routes, event kinds and tombstones of this app (from IndicatiesConfig.ready)."""
    for volgorde, (code, label) in enumerate(
        [
            ("clienten", "Cliënten"),
            ("meldingen", "Meldingen en onderzoeken"),
            ("beschikkingen", "Beschikkingen"),
            ("toewijzingen", "Toewijzingen"),
            ("ondersteuningsplannen", "Ondersteuningsplannen"),
        ],
        start=10,
    ):
        registry.resource(code, label, volgorde=volgorde)
    registry.routes(registreer, volgorde=10)
    registry.gebeurtenis(
        "toewijzing.nieuw", "Nieuwe toewijzing", resource="toewijzingen", volgorde=10
    )
    registry.gebeurtenis(
        "beschikking.gewijzigd", "Beschikking gewijzigd", resource="beschikkingen", volgorde=11
    )
    registry.gebeurtenis(
        "ondersteuningsplan.geaccepteerd",
        "Ondersteuningsplan geaccepteerd",
        resource="ondersteuningsplannen",
        volgorde=12,
    )
    registry.gebeurtenis(
        "ondersteuningsplan.afgewezen",
        "Ondersteuningsplan afgewezen",
        resource="ondersteuningsplannen",
        volgorde=13,
    )
    registry.verwijderbaar(
        Verwijderbaar("toewijzingen", "toewijzingen", "indicaties.Toewijzing", volgorde=10)
    )
    registry.verwijderbaar(
        Verwijderbaar("beschikkingen", "beschikkingen", "indicaties.Beschikking", volgorde=11)
    )
