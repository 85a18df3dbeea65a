"""Endpoints of the API itself: who am I, and the tombstones of deleted rows."""


def registreer(router) -> None:
    from .abonnementen import registreer as abonnementen

    abonnementen(router)
