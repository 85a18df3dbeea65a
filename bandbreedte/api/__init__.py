"""API resources of the normenkader: products and their bands."""


def registreer(router) -> None:
    pass
