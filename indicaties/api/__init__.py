"""API resources of the client file: clients, meldingen, decisions, assignments, plans."""


def registreer(router) -> None:
    from . import views

    router.register("toewijzingen", views.ToewijzingViewSet, basename="toewijzing")
