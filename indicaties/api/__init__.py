"""API resources of the client file: clients, meldingen, decisions, assignments, plans."""


def registreer(router) -> None:
    from . import views

    router.register("clienten", views.ClientViewSet, basename="client")
    router.register("meldingen", views.MeldingViewSet, basename="melding")
    router.register("beschikkingen", views.BeschikkingViewSet, basename="beschikking")
    router.register("toewijzingen", views.ToewijzingViewSet, basename="toewijzing")
    router.register(
        "ondersteuningsplannen", views.OndersteuningsplanViewSet, basename="ondersteuningsplan"
    )
