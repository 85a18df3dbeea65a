"""The monthly proposal of the destruction list, as a Celery beat row that functioneel
beheerders can change in Beheer (Periodieke taken); like signalen/0002, not in settings."""

from django.db import migrations

NAAM = "Vernietigingslijst voorstellen (maandelijks)"
TAAK = "sdd_portal.privacy.vernietigingslijst_voorstellen"


def planning_aanmaken(apps, schema_editor):
    Crontab = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    schema, _ = Crontab.objects.get_or_create(
        minute="30",
        hour="5",
        day_of_week="*",
        day_of_month="1",
        month_of_year="*",
        timezone="Europe/Amsterdam",
    )
    PeriodicTask.objects.get_or_create(
        name=NAAM, defaults={"task": TAAK, "crontab": schema, "enabled": True}
    )


def planning_verwijderen(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(planning_aanmaken, planning_verwijderen)]
