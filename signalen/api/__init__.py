"""API resource of the notification centre: signals."""


def registreer(router) -> None:
    from . import views

    router.register("signalen", views.SignaalViewSet, basename="signaal")
