"""Writes of the HO process: keyword-only, one transaction each, history with the acting
user and a change reason. Every function checks who may do it (the API calls these too),
validates every input with a Dutch message naming the field, and collects all problems of
one submission at once, so that a provider fixes a plan in one go instead of one error
per upload.

- ``meldingen``: melding, onderzoek, refusal;
- ``beschikkingen``: short decision, re-indication, definitive decision, extension,
  withdrawal, expiry letter;
- ``toewijzingen``: the provider opens its assignment and reports the start of care;
- ``plannen``: support plans, submitted and reviewed;
- ``signalering``: what these tell the inboxes.
"""

from .beschikkingen import (
    beschikking_intrekken,
    beschikking_verlengen,
    definitieve_beschikking,
    herindicatie_toewijzen,
    kortdurend_beschikken,
    verloopbrief_aanmaken,
    verloopbrief_sleutel,
)
from .meldingen import (
    band_voorstel,
    melding_afwijzen,
    melding_registreren,
    normtijden_optellen,
    onderzoek_opslaan,
)
from .plannen import plan_accepteren, plan_afwijzen, plan_controleren, plan_indienen
from .toewijzingen import (
    start_zorg_melden,
    stop_zorg_melden,
    toewijzing_geopend,
    zorgmelding_intrekken,
)

__all__ = [
    "band_voorstel",
    "beschikking_intrekken",
    "beschikking_verlengen",
    "definitieve_beschikking",
    "herindicatie_toewijzen",
    "kortdurend_beschikken",
    "melding_afwijzen",
    "melding_registreren",
    "normtijden_optellen",
    "onderzoek_opslaan",
    "plan_accepteren",
    "plan_afwijzen",
    "plan_controleren",
    "plan_indienen",
    "start_zorg_melden",
    "stop_zorg_melden",
    "toewijzing_geopend",
    "verloopbrief_aanmaken",
    "verloopbrief_sleutel",
    "zorgmelding_intrekken",
]
