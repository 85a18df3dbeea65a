"""Scopes per resource: a view names its resource; GET/HEAD need 'lezen', the rest
'schrijven'. Which rows are visible is decided by the models' ``visible_to``."""

from rest_framework import permissions

from .scopes import LEZEN, SCHRIJVEN, scope


class HeeftScope(permissions.BasePermission):
    message = "Deze API-sleutel heeft geen recht op deze resource."

    def has_permission(self, request, view) -> bool:
        sleutel = request.auth
        if sleutel is None or not hasattr(sleutel, "heeft_scope"):
            return False
        resource = getattr(view, "api_resource", None)
        if resource is None:
            return False
        recht = LEZEN if request.method in permissions.SAFE_METHODS else SCHRIJVEN
        recht = getattr(view, "api_recht", {}).get(getattr(view, "action", None), recht)
        if not sleutel.heeft_scope(scope(resource, recht)):
            werkwoord = "lezen" if recht == LEZEN else "wijzigen"
            self.message = (
                f"Deze API-sleutel mag '{resource}' niet {werkwoord} "
                f"(scope {scope(resource, recht)} ontbreekt)."
            )
            return False
        return True
