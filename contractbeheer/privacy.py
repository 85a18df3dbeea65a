"""Provider signals about a client are client data (sdd_portal/privacy)."""

from sdd_portal.privacy.registry import Clientgegevens, registreer

registreer(Clientgegevens("contractbeheer.Aanbiedersignaal", pad="client", volgorde=60))
