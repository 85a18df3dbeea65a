"""API resources of the consultation tables: meetings and action items."""


def registreer(router) -> None:
    from . import views

    router.register("vergaderingen", views.VergaderingViewSet, basename="vergadering")
    router.register("actiepunten", views.ActiepuntViewSet, basename="actiepunt")
