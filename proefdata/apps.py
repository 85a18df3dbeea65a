from django.apps import AppConfig


class ProefdataConfig(AppConfig):
    name = "proefdata"
    label = "proefdata"
    verbose_name = "Proefdata (demo, synthetische gegevens, metingen)"
