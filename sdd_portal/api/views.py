"""Endpoints of the API itself: who am I, and the tombstones of deleted rows."""


def registreer(router) -> None:
    pass
