"""API resources of the normenkader: products and their bands."""


def registreer(router) -> None:
    from . import views

    router.register("producten", views.ProductViewSet, basename="product")
    router.register("bandbreedtes", views.BandbreedteViewSet, basename="bandbreedte")
