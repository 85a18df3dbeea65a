"""Second-factor helpers."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def inloggen_met_tweede_factor(http, user) -> None:
    """Log ``user`` in on a Django test client as if they passed the TOTP step: used by the
    benchmark command and the tests, never by a request handler."""
    http.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = http.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
