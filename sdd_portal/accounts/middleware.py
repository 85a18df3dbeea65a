"""SDD staff work only with a verified second factor (TOTP)."""

from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

EXEMPT_PREFIXES = ("/static/", "/healthz", "/account/", "/uitloggen")


def requires_second_factor(user) -> bool:
    return user.is_sdd or user.is_superuser


class SecondFactorRequiredMiddleware:
    """Send an SDD user without a verified device to the TOTP setup or back to login.

    Must come after django_otp's OTPMiddleware, which sets ``request.user.is_verified``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and requires_second_factor(user)
            and request.path == reverse("two_factor:disable")
        ):
            raise PermissionDenied("De tweede factor is verplicht voor medewerkers van de SDD.")
        if (
            user.is_authenticated
            and requires_second_factor(user)
            and not user.is_verified()
            and not request.path.startswith(EXEMPT_PREFIXES)
        ):
            from django_otp import devices_for_user

            if any(devices_for_user(user, confirmed=True)):
                # Logged in some other way than the two-step login: start again.
                logout(request)
                return redirect(reverse("two_factor:login"))
            return redirect(reverse("two_factor:setup"))
        return self.get_response(request)
