"""``Authorization: Bearer sdd_<sleutel-id>_<geheim>``: one credential per organisation."""

from __future__ import annotations

import hmac

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .models import ApiSleutel, hash_geheim


class SleutelAuthenticatie(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "Authorization: geef 'Bearer' gevolgd door precies één sleutel."
            )
        try:
            token = header[1].decode()
            prefix, sleutel_id, geheim = token.split("_", 2)
        except (UnicodeDecodeError, ValueError):
            raise exceptions.AuthenticationFailed(
                "Authorization: deze sleutel heeft niet de vorm sdd_<id>_<geheim>."
            ) from None
        sleutel = (
            ApiSleutel.objects.select_related(
                "gebruiker__organisatie", "organisatie", "verantwoordelijke"
            )
            .filter(sleutel_id=sleutel_id)
            .first()
        )
        # Compare in constant time even when the id is unknown.
        verwacht = sleutel.geheim_hash if sleutel else "0" * 64
        if not hmac.compare_digest(verwacht, hash_geheim(geheim)) or prefix != ApiSleutel.PREFIX:
            raise exceptions.AuthenticationFailed("Authorization: deze sleutel is onbekend.")
        weigering = self.weigering(sleutel)
        if weigering:
            # A known key that no longer works is a refused attempt by that organisation:
            # in the access log as 'geweigerd', like every other refusal.
            from sdd_portal.audit.models import Actie, Uitkomst
            from sdd_portal.audit.services import log_access

            log_access(
                request=request,
                actie=Actie.BEKIJKEN,
                omschrijving=f"API-sleutel {sleutel.sleutel_id} geweigerd: {weigering}",
                uitkomst=Uitkomst.GEWEIGERD,
                actor=sleutel.gebruiker,
            )
            raise exceptions.AuthenticationFailed(f"Authorization: {weigering}")
        # At most one write per minute for the 'last used' column.
        nu = timezone.now()
        if sleutel.laatst_gebruikt is None or (nu - sleutel.laatst_gebruikt).total_seconds() > 60:
            ApiSleutel.objects.filter(pk=sleutel.pk).update(laatst_gebruikt=nu)
        gebruiker = sleutel.gebruiker
        gebruiker.api_sleutel = sleutel
        return gebruiker, sleutel

    @staticmethod
    def weigering(sleutel: ApiSleutel) -> str | None:
        """Why a key with the right secret may not act now, in Dutch, or None."""
        if sleutel.ingetrokken:
            return "deze sleutel is ingetrokken."
        if not sleutel.actief:
            return "deze sleutel wacht nog op goedkeuring door een tweede beheerder."
        if sleutel.geldig_tot is None or sleutel.geldig_tot < timezone.localdate():
            return "deze sleutel is verlopen; vraag een nieuwe aan."
        if not sleutel.organisatie.actief:
            return "de organisatie van deze sleutel is niet meer actief."
        if not sleutel.gebruiker.is_active:
            return "het technische account van deze sleutel is gedeactiveerd."
        verantwoordelijke = sleutel.verantwoordelijke
        if verantwoordelijke is None or not verantwoordelijke.is_active:
            return "de verantwoordelijke voor deze sleutel is niet meer actief."
        return None

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class SleutelAuthenticatieSchema(OpenApiAuthenticationExtension):
    target_class = SleutelAuthenticatie
    name = "apiSleutel"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Een API-sleutel van uw organisatie: `sdd_<sleutel-id>_<geheim>`. "
            "De functioneel beheerder van de SDD geeft sleutels uit.",
        }
