"""What an API credential may do: read and/or write per resource, and the event kinds."""

from django.db import models

# Resource code -> Dutch label. A scope is "<resource>:lezen" or "<resource>:schrijven".
RESOURCES: dict[str, str] = {
    "clienten": "Cliënten",
    "meldingen": "Meldingen en onderzoeken",
    "beschikkingen": "Beschikkingen",
    "toewijzingen": "Toewijzingen",
    "ondersteuningsplannen": "Ondersteuningsplannen",
    "producten": "Producten en bandbreedtes",
    "aanbieders": "Aanbieders en contracten",
    "clientenstops": "Cliëntenstops en capaciteit",
    "signalen": "Signalen",
    "fot": "Overlegtafels (FOT)",
    "abonnementen": "Abonnementen",
}

LEZEN = "lezen"
SCHRIJVEN = "schrijven"


def scope(resource: str, recht: str) -> str:
    return f"{resource}:{recht}"


SCOPE_KEUZES = [
    (scope(code, recht), f"{label}: {recht}")
    for code, label in RESOURCES.items()
    for recht in (LEZEN, SCHRIJVEN)
]
ALLE_SCOPES = [code for code, _ in SCOPE_KEUZES]


class GebeurtenisSoort(models.TextChoices):
    TOEWIJZING_NIEUW = "toewijzing.nieuw", "Nieuwe toewijzing"
    BESCHIKKING_GEWIJZIGD = "beschikking.gewijzigd", "Beschikking gewijzigd"
    PLAN_GEACCEPTEERD = "ondersteuningsplan.geaccepteerd", "Ondersteuningsplan geaccepteerd"
    PLAN_AFGEWEZEN = "ondersteuningsplan.afgewezen", "Ondersteuningsplan afgewezen"
    SIGNAAL_NIEUW = "signaal.nieuw", "Nieuw signaal"
