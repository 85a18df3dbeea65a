"""API resource of the notification centre: signals."""


def registreer(router) -> None:
    pass
