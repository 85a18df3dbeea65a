"""Role checks for views: a user without the role gets a Dutch 403 page."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .roles import heeft_rol


def rol_vereist(*rollen: str):
    """Allow the view only to authenticated users holding one of ``rollen``."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not heeft_rol(request.user, *rollen):
                raise PermissionDenied("Uw rol geeft geen toegang tot deze pagina.")
            return view(request, *args, **kwargs)

        wrapped.rollen = rollen
        return wrapped

    return decorator
