"""SDD staff work only with a verified second factor (TOTP); sessions end when idle or old."""

import time
from datetime import UTC, datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
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


# Session keys (epoch seconds) of the idle and absolute session limits.
LAATSTE_ACTIVITEIT = "sessie_laatste_activiteit"
SESSIE_BEGIN = "sessie_begin"
# A request with this header is background work (htmx polling), not user activity.
ACHTERGROND_HEADER = "Portaal-Achtergrond"
# Write the activity time at most once a minute, not on every request.
ACTIVITEIT_RESOLUTIE = 60


def idle_limit_seconds(user) -> int:
    """The idle limit of this user: providers' staff have their own setting."""
    organisatie = getattr(user, "organisatie", None)
    if organisatie is not None and not organisatie.is_sdd:
        return settings.SESSION_IDLE_MINUTES_AANBIEDER * 60
    return settings.SESSION_IDLE_MINUTES_SDD * 60


def sessie_starten(session, nu: int | None = None) -> None:
    """Start the idle and absolute clocks of a fresh login: the cookie and the stored session
    end at the absolute limit, not later (connected to ``user_logged_in``)."""
    nu = int(time.time()) if nu is None else nu
    session[SESSIE_BEGIN] = nu
    session[LAATSTE_ACTIVITEIT] = nu
    session.set_expiry(datetime.fromtimestamp(nu + settings.SESSION_COOKIE_AGE, tz=UTC))


def bij_inloggen(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        sessie_starten(request.session)


class SessionIdleTimeoutMiddleware:
    """Log a browser session out after a period without activity, and after its absolute age.

    Django's session cookie age alone slides with every save, so the session's start is kept
    here and the absolute limit (``SESSION_COOKIE_AGE``) is checked against it. Requests that
    carry the ``Portaal-Achtergrond`` header (htmx polling) do not count as activity. API
    requests authenticate by key, carry no session and pass untouched. Must come after the
    authentication and message middlewares. docs/adr/0014.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        session = request.session
        nu = int(time.time())
        if SESSIE_BEGIN not in session:  # a session from before this middleware
            sessie_starten(session, nu)
        begin = session[SESSIE_BEGIN]
        laatste = session.get(LAATSTE_ACTIVITEIT, nu)
        limiet = idle_limit_seconds(user)
        if nu - laatste > limiet:
            minuten = limiet // 60
            return self._uitloggen(
                request,
                f"U bent uitgelogd omdat u {minuten} minuten niets hebt gedaan. "
                "Log opnieuw in om verder te gaan.",
            )
        if nu - begin > settings.SESSION_COOKIE_AGE:
            uren = settings.SESSION_COOKIE_AGE // 3600
            duur = f"{uren} uur" if uren else f"{settings.SESSION_COOKIE_AGE // 60} minuten"
            return self._uitloggen(
                request,
                f"U bent uitgelogd omdat u langer dan {duur} was ingelogd. "
                "Log opnieuw in om verder te gaan.",
            )
        if ACHTERGROND_HEADER not in request.headers and nu - laatste >= ACTIVITEIT_RESOLUTIE:
            session[LAATSTE_ACTIVITEIT] = nu
        return self.get_response(request)

    @staticmethod
    def _uitloggen(request, melding: str):
        logout(request)
        messages.info(request, melding)
        login = reverse("two_factor:login")
        if request.headers.get("HX-Request"):
            # An htmx request would swap the login page into a fragment: reload the page.
            response = HttpResponse(status=204)
            response["HX-Redirect"] = login
            return response
        if request.method == "GET":
            return redirect_to_login(request.get_full_path(), login)
        return redirect(login)
