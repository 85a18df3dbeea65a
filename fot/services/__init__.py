"""Writes on the consultation tables. Contract management prepares and records; members
update their own action items. Keyword-only, one transaction, history with a reason
(``sdd_portal.historie``); a status changes only through ``vergadering_naar`` and
``actiepunt_naar``, which check the state machines of ``fot.states``."""

from .actiepunten import actie_bijwerken, actiepunt_naar, actiepunt_toevoegen, mag_actie_bijwerken
from .vergaderingen import (
    GEGEVENS,
    STANDAARDAGENDA,
    agendapunt_toevoegen,
    annotatie_toevoegen,
    bijlage_toevoegen,
    ledenwisselingen,
    notulen_opslaan,
    publiceren,
    ter_vaststelling,
    vaststellen,
    vergadering_naar,
    vergadering_plannen,
    vergadering_wijzigen,
    vorige_vergadering,
)

__all__ = [
    "GEGEVENS",
    "STANDAARDAGENDA",
    "actie_bijwerken",
    "actiepunt_naar",
    "actiepunt_toevoegen",
    "agendapunt_toevoegen",
    "annotatie_toevoegen",
    "bijlage_toevoegen",
    "ledenwisselingen",
    "mag_actie_bijwerken",
    "notulen_opslaan",
    "publiceren",
    "ter_vaststelling",
    "vaststellen",
    "vergadering_naar",
    "vergadering_plannen",
    "vergadering_wijzigen",
    "vorige_vergadering",
]
