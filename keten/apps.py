from django.apps import AppConfig


class KetenConfig(AppConfig):
    name = "keten"
    label = "keten"
    verbose_name = "iWmo-keten"

    def ready(self) -> None:
        from django.db.models.signals import post_init, post_save

        from indicaties.models import Toewijzing

        from . import privacy  # noqa: F401 (registers on import)
        from .signalen import toewijzing_geladen, toewijzing_opgeslagen

        # The domain does not know the chain: the chain listens. Every save of an assignment
        # that can change a 301 queues it for its client and provider in the same transaction
        # (ADR 0017).
        post_init.connect(
            toewijzing_geladen, sender=Toewijzing, dispatch_uid="keten.toewijzing_geladen"
        )
        post_save.connect(
            toewijzing_opgeslagen, sender=Toewijzing, dispatch_uid="keten.toewijzing_opgeslagen"
        )
