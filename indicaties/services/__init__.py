"""The writes of the indication domain in one place, for the API, commands and tests:
the client register (``indicaties.register``) and the HO process
(``indicaties.ho.services``). Keyword-only, one transaction each, history with the acting
user and a change reason."""

from ..ho.services import (
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
    stop_zorg_melden,
    toewijzing_geopend,
    verloopbrief_aanmaken,
    verloopbrief_sleutel,
    zorgmelding_intrekken,
)
from ..register import (
    CLIENT_FIELDS,
    client_registreren,
    client_wijzigen,
    toewijzing_vastleggen,
)

__all__ = [
    "CLIENT_FIELDS",
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
    "stop_zorg_melden",
    "toewijzing_geopend",
    "toewijzing_vastleggen",
    "verloopbrief_aanmaken",
    "verloopbrief_sleutel",
    "zorgmelding_intrekken",
]
