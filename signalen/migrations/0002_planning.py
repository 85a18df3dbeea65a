"""The schedules of the daily jobs, as Celery beat rows that functioneel beheerders can
change in Beheer (Periodieke taken). Created here rather than in settings, because beat
would overwrite edited rows from settings at every start."""

from django.db import migrations

PLANNING = [
    ("Dagelijkse taken: signalen en verloopbrieven", "sdd_portal.signalen.dagelijkse_taken", "6"),
    ("Dagelijks overzicht per e-mail", "sdd_portal.signalen.dagoverzichten", "7"),
]


def planning_aanmaken(apps, schema_editor):
    Crontab = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for naam, taak, uur in PLANNING:
        schema, _ = Crontab.objects.get_or_create(
            minute="0",
            hour=uur,
            day_of_week="*",
            day_of_month="*",
            month_of_year="*",
            timezone="Europe/Amsterdam",
        )
        PeriodicTask.objects.get_or_create(
            name=naam, defaults={"task": taak, "crontab": schema, "enabled": True}
        )


def planning_verwijderen(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[naam for naam, _, _ in PLANNING]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("signalen", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(planning_aanmaken, planning_verwijderen)]
