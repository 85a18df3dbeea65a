"""TR056: the sequence the WMO301 identifications come from (ADR 0017)."""

from django.db import migrations

SEQUENTIE = "keten_bericht_301_identificatie"


class Migration(migrations.Migration):
    dependencies = [("keten", "0001_berichtenopslag")]

    operations = [
        migrations.RunSQL(
            f"CREATE SEQUENCE IF NOT EXISTS {SEQUENTIE} AS bigint MINVALUE 1 MAXVALUE "
            "999999999999 NO CYCLE",
            f"DROP SEQUENCE IF EXISTS {SEQUENTIE}",
        )
    ]
