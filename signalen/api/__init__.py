"""API resource of the notification centre: signals."""

from sdd_portal.api import registry


def registreer(router) -> None:
    from . import views

    router.register("signalen", views.SignaalViewSet, basename="signaal")


def registreren() -> None:
    """Scope, routes and event kind of the signals (from SignalenConfig.ready)."""
    registry.resource("signalen", "Signalen", volgorde=40)
    registry.routes(registreer, volgorde=40)
    registry.gebeurtenis("signaal.nieuw", "Nieuw signaal", resource="signalen", volgorde=40)
