"""TR056: the sequence the WMO301 identifications come from (ADR 0017); the date a retour
code was recorded (the retention clock of sdd_portal.privacy counts from it)."""

import django.utils.timezone
from django.db import migrations, models

SEQUENTIE = "keten_bericht_301_identificatie"


class Migration(migrations.Migration):
    dependencies = [("keten", "0001_berichtenopslag")]

    operations = [
        migrations.RunSQL(
            f"CREATE SEQUENCE IF NOT EXISTS {SEQUENTIE} AS bigint MINVALUE 1 MAXVALUE "
            "999999999999 NO CYCLE",
            f"DROP SEQUENCE IF EXISTS {SEQUENTIE}",
        ),
        migrations.AddField(
            model_name="retourcode",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True,
                default=django.utils.timezone.now,
                verbose_name="vastgelegd op",
            ),
            preserve_default=False,
        ),
    ]
