"""API resources of contract management: providers, contracts, client stops, capacity."""


def registreer(router) -> None:
    pass
