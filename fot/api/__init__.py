"""API resources of the consultation tables: meetings and action items."""


def registreer(router) -> None:
    pass
