from django.apps import AppConfig


class KetenConfig(AppConfig):
    name = "keten"
    label = "keten"
    verbose_name = "iWmo-keten"

    def ready(self) -> None:
        """Plug the chain in. The domain does not know the chain: the chain listens. Every
        save of an assignment that can change a 301 queues it for its client and provider in
        the same transaction (ADR 0017). Also: menu, home panel, dossier sections and
        timeline, API resources, privacy registration and the retour watchdog (OP090)."""
        from django.db.models.signals import post_init, post_save

        from indicaties.models import Toewijzing

        from . import bewaking, portaal, privacy  # noqa: F401 (portaal, privacy register on import)
        from .api import registreren
        from .signalen import toewijzing_geladen, toewijzing_opgeslagen

        post_init.connect(
            toewijzing_geladen, sender=Toewijzing, dispatch_uid="keten.toewijzing_geladen"
        )
        post_save.connect(
            toewijzing_opgeslagen, sender=Toewijzing, dispatch_uid="keten.toewijzing_opgeslagen"
        )
        registreren()
        bewaking.registreren()
