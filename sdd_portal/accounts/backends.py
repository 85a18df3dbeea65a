"""Model permissions derived from roles, so the admin follows the role model.

A permission is ``app_label.codename``; each role lists what it may do per model.
"""

from django.contrib.auth.backends import BaseBackend

from .models import Rol

ALL = ("view", "add", "change", "delete")

# Per role: {(app_label, model): actions}
ROLE_PERMISSIONS: dict[str, dict[tuple[str, str], tuple[str, ...]]] = {
    Rol.FUNCTIONEEL_BEHEERDER: {
        ("accounts", "organisatie"): ALL,
        ("accounts", "user"): ALL,
        # Requests are filed by editing a user or an API key and decided by the actions
        # of the list (docs/adr/0011); nobody edits or deletes a request itself.
        ("accounts", "wijzigingsverzoek"): ("view",),
        ("indicaties", "gemeente"): ("view", "add", "change"),
        ("bandbreedte", "product"): ALL,
        ("bandbreedte", "tarief"): ("view",),
        ("bandbreedte", "normenkader"): ALL,
        ("bandbreedte", "resultaatgebied"): ALL,
        ("bandbreedte", "bandbreedte"): ALL,
        ("indicaties", "procesinstellingen"): ("view", "add", "change"),
        ("indicaties", "briefsjabloon"): ("view", "add", "change"),
        ("contractbeheer", "instellingen"): ("view", "add", "change"),
        ("signalen", "taakrun"): ("view",),
        ("signalen", "taakstand"): ("view",),
        ("audit", "accesslogentry"): ("view",),
        ("privacy", "bewaarinstellingen"): ("view", "add", "change"),
        ("privacy", "vernietigingsverklaring"): ("view",),
        ("api", "apisleutel"): ("view", "add", "change"),
        ("api", "abonnement"): ("view", "change"),
        ("api", "levering"): ("view",),
        ("wachtrij", "opdracht"): ("view",),
        # Look only: a lost authenticator is reset through a four-eyes request (action
        # on the user list), never deleted or created directly for someone else, which
        # would let one beheerder log in as that person (docs/adr/0011).
        ("otp_totp", "totpdevice"): ("view",),
        ("otp_static", "staticdevice"): ("view",),
        ("axes", "accessattempt"): ("view", "delete"),
        ("axes", "accesslog"): ("view",),
        ("axes", "accessfailurelog"): ("view",),
        ("django_celery_beat", "periodictask"): ("view", "change"),
        ("django_celery_beat", "crontabschedule"): ALL,
        ("django_celery_beat", "intervalschedule"): ALL,
    },
    Rol.CONTRACTMANAGER: {
        ("accounts", "organisatie"): ("view", "add", "change"),
        ("accounts", "user"): ("view",),
        ("bandbreedte", "product"): ("view",),
        ("bandbreedte", "tarief"): ALL,
        ("bandbreedte", "bandbreedte"): ("view",),
        ("bandbreedte", "normenkader"): ("view",),
        ("contractbeheer", "contract"): ALL,
        ("contractbeheer", "toetredingsstop"): ALL,
        ("contractbeheer", "mandaat"): ("view", "add", "change"),
        ("contractbeheer", "mandaatdocument"): ("view", "add"),
        ("contractbeheer", "contactpersoon"): ALL,
        ("contractbeheer", "instellingen"): ("view",),
        ("contractbeheer", "clientenstop"): ("view",),
        ("contractbeheer", "capaciteit"): ("view",),
        ("fot", "tafel"): ("view", "add", "change"),
        ("fot", "tafellid"): ALL,
    },
}

ADMIN_ROLES = frozenset({Rol.FUNCTIONEEL_BEHEERDER, Rol.CONTRACTMANAGER})


def _allowed(user_obj) -> dict[tuple[str, str], set[str]]:
    if not user_obj.is_active or not user_obj.is_sdd:
        return {}
    allowed: dict[tuple[str, str], set[str]] = {}
    for rol in getattr(user_obj, "rollen", None) or []:
        for key, actions in ROLE_PERMISSIONS.get(rol, {}).items():
            allowed.setdefault(key, set()).update(actions)
    return allowed


class RolePermissionBackend(BaseBackend):
    def has_perm(self, user_obj, perm: str, obj=None) -> bool:
        try:
            app_label, codename = perm.split(".", 1)
            action, model = codename.split("_", 1)
        except ValueError:
            return False
        return action in _allowed(user_obj).get((app_label, model), set())

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        return any(key[0] == app_label for key in _allowed(user_obj))
