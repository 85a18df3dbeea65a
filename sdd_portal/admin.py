"""The admin site, open to functioneel beheerders (and technical superusers)."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin


class PortalAdminSite(admin.AdminSite):
    site_header = "Beheer Wmo-portaal SDD"
    site_title = "Beheer Wmo-portaal"
    index_title = "Referentiegegevens en gebruikers"

    def has_permission(self, request) -> bool:
        user = request.user
        if not (user.is_active and user.is_authenticated):
            return False
        from sdd_portal.accounts.backends import ADMIN_ROLES

        return user.is_superuser or (user.is_sdd and user.has_rol(*ADMIN_ROLES))


class AlleenLezenMixin:
    """Before a ModelAdmin in the bases: the admin only shows these rows; they are written
    by the portal's services and tasks (nobody adds, changes or deletes them here)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class HistorieAdmin(SimpleHistoryAdmin):
    """simple-history's admin, whose history page answers 404 (not 500) for an object id
    that is not a valid primary key (simple-history filters on it unchecked)."""

    def history_view(self, request, object_id, extra_context=None):
        try:
            self.model._meta.pk.to_python(admin.utils.unquote(object_id))
        except ValidationError as exc:
            raise Http404("Dit object bestaat niet.") from exc
        return super().history_view(request, object_id, extra_context)


class PortalHistoryAdmin(HistorieAdmin):
    """Admin for domain models: every save records who (middleware) and why."""

    def save_model(self, request, obj, form, change):
        fields = ", ".join(form.changed_data) if change else ""
        obj._change_reason = (
            f"Gewijzigd in het beheerscherm ({fields})"
            if change
            else "Aangemaakt in het beheerscherm"
        )[:100]
        super().save_model(request, obj, form, change)


def crontab_admin_vervangen() -> None:
    """django-celery-beat's crontab form shows ``human_readable`` of the unsaved, invalid
    values after a failed save, and celery's parser raises on them (a 500 instead of the
    form's Dutch field errors). Show a placeholder instead."""
    from django_celery_beat.admin import CrontabScheduleAdmin
    from django_celery_beat.models import CrontabSchedule

    class Crontab(CrontabScheduleAdmin):
        @admin.display(description="Leesbaar")
        def human_readable(self, obj):
            try:
                return obj.human_readable
            except Exception:  # any parse error of the invalid input
                return "(ongeldige invoer)"

    if admin.site.is_registered(CrontabSchedule):
        admin.site.unregister(CrontabSchedule)
        admin.site.register(CrontabSchedule, Crontab)
