"""Model permissions derived from roles, so the admin follows the role model."""

from django.contrib.auth.backends import BaseBackend

from .models import Rol

# App labels a functioneel beheerder maintains through the admin (reference data,
# organisations, users, second-factor devices, login lockouts).
BEHEER_APPS = frozenset(
    {"accounts", "bandbreedte", "otp_totp", "otp_static", "axes", "django_celery_beat"}
)
SECOND_FACTOR_APPS = frozenset({"otp_totp", "otp_static"})
BEHEER_MODELS = frozenset(
    {
        "indicaties.view_gemeente",
        "indicaties.change_gemeente",
        "indicaties.add_gemeente",
        "audit.view_accesslogentry",
    }
)


class RolePermissionBackend(BaseBackend):
    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        if not user_obj.is_active or not getattr(user_obj, "rollen", None):
            return False
        if Rol.FUNCTIONEEL_BEHEERDER not in user_obj.rollen:
            return False
        if perm in BEHEER_MODELS:
            return True
        app_label, codename = perm.split(".", 1)
        if app_label in SECOND_FACTOR_APPS:
            # Reset a lost authenticator (delete), never create one for someone else:
            # that would let a beheerder log in as that person.
            return codename.startswith(("view_", "delete_"))
        return app_label in BEHEER_APPS and not perm.startswith("axes.add_")

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        if not user_obj.is_active or Rol.FUNCTIONEEL_BEHEERDER not in getattr(
            user_obj, "rollen", []
        ):
            return False
        return app_label in BEHEER_APPS or app_label in {"indicaties", "audit"}
