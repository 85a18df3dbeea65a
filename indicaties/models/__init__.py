"""The models of the indication domain, one module per topic.

- ``clienten``: municipalities and clients (the client register);
- ``toewijzingen``: assignments to providers and their support plans;
- ``meldingen``: meldingen, the onderzoek and its normtijden;
- ``beschikkingen``: decisions and their extensions;
- ``bulklijsten``: bulk lists from providers and contract management;
- ``instellingen``: the settings of the HO process;
- ``levering``: the chain's codes and the start and stop of care (``Zorgmelding``);
- letters and mailing runs live with the letters (``indicaties.brieven.models``).

Every model is importable from here: ``from indicaties.models import Client``.
"""

from ..brieven.models import Brief, Briefsjabloon, BriefSoort, BriefStatus, Verzendrun
from .beschikkingen import Beschikking, Verlenging
from .bulklijsten import Bulklijst
from .clienten import Client, Gemeente
from .instellingen import Procesinstellingen
from .levering import RedenBeeindiging, RedenWijziging, Zorgmelding
from .meldingen import Melding, Normtijd, Onderzoek
from .toewijzingen import Ondersteuningsplan, Toewijzing, plan_pad
from .velden import MINUTEN

__all__ = [
    "MINUTEN",
    "Beschikking",
    "Brief",
    "BriefSoort",
    "BriefStatus",
    "Briefsjabloon",
    "Bulklijst",
    "Client",
    "Gemeente",
    "Melding",
    "Normtijd",
    "Ondersteuningsplan",
    "Onderzoek",
    "Procesinstellingen",
    "RedenBeeindiging",
    "RedenWijziging",
    "Toewijzing",
    "Verlenging",
    "Verzendrun",
    "Zorgmelding",
    "plan_pad",
]
