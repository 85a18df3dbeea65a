"""Writes in the indication domain: keyword-only, one transaction each, history with the
acting user and a change reason. Views, the API, admin actions, commands and tasks all
call these functions."""

from .clienten import (
    CLIENT_FIELDS,
    client_registreren,
    client_wijzigen,
    toewijzing_vastleggen,
)
from .hoproces import (
    beschikking_exporteren,
    beschikking_intrekken,
    beschikking_verlengen,
    herindicatie_toewijzen,
    kortdurend_beschikken,
    melding_afwijzen,
    melding_registreren,
    onderzoek_opslaan,
    plan_accepteren,
    plan_afwijzen,
    plan_indienen,
    start_zorg_melden,
    toewijzing_geopend,
    verloopbrief_aanmaken,
    verloopbrief_sleutel,
)

__all__ = [
    "CLIENT_FIELDS",
    "beschikking_exporteren",
    "beschikking_intrekken",
    "beschikking_verlengen",
    "client_registreren",
    "client_wijzigen",
    "herindicatie_toewijzen",
    "kortdurend_beschikken",
    "melding_afwijzen",
    "melding_registreren",
    "onderzoek_opslaan",
    "plan_accepteren",
    "plan_afwijzen",
    "plan_indienen",
    "start_zorg_melden",
    "toewijzing_geopend",
    "toewijzing_vastleggen",
    "verloopbrief_aanmaken",
    "verloopbrief_sleutel",
]
