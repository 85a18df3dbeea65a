"""Signals that name a client are client data (sdd_portal/privacy)."""

from sdd_portal.privacy.registry import Clientgegevens, registreer

registreer(Clientgegevens("signalen.Signaal", pad="client", volgorde=50))
