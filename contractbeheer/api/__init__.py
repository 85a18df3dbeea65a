"""API resources of contract management: providers, contracts, client stops, capacity."""


def registreer(router) -> None:
    from . import views

    router.register("aanbieders", views.AanbiederViewSet, basename="aanbieder")
    router.register("contracten", views.ContractViewSet, basename="contract")
    router.register("clientenstops", views.ClientenstopViewSet, basename="clientenstop")
    router.register("capaciteit", views.CapaciteitViewSet, basename="capaciteit")
