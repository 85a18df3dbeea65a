"""Pages of the HO process, by topic: melding and onderzoek (``meldingen``), the
assignment (``toewijzingen``), the support plan (``plannen``), the decision
(``beschikkingen``; its iWmo export is in ``keten``), the worklists and the client's timeline
(``werklijst``). URL names and paths are in ``indicaties.urls``; templates in
``templates/indicaties/``."""

from sdd_portal.accounts.models import Rol

LEZERS = (Rol.CONSULENT, Rol.AANBIEDER_MEDEWERKER)
