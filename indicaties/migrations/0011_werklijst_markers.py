"""Worklist markers kept by plan_indienen: Ondersteuningsplan.vervangen (a newer version
exists) and Toewijzing.heeft_plan (a plan was ever submitted), with partial indexes so
the provider's lists "afgewezen" and "plannen verwacht" are index range scans."""

from django.db import migrations, models

# Set-based backfill. Only versions after the first can be newer (plan_vervolgversie).
VERVANGEN = """
UPDATE indicaties_ondersteuningsplan AS p SET vervangen = true
WHERE EXISTS (
    SELECT 1 FROM indicaties_ondersteuningsplan AS q
    WHERE q.toewijzing_id = p.toewijzing_id AND q.versie > 1 AND q.versie > p.versie
)
"""
HEEFT_PLAN = """
UPDATE indicaties_toewijzing AS t SET heeft_plan = true
WHERE EXISTS (SELECT 1 FROM indicaties_ondersteuningsplan AS p WHERE p.toewijzing_id = t.id)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("indicaties", "0010_schaal_indexen"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalondersteuningsplan",
            name="vervangen",
            field=models.BooleanField(
                default=False, verbose_name="vervangen door een nieuwere versie"
            ),
        ),
        migrations.AddField(
            model_name="historicaltoewijzing",
            name="heeft_plan",
            field=models.BooleanField(
                default=False, verbose_name="er is een ondersteuningsplan ingediend"
            ),
        ),
        migrations.AddField(
            model_name="ondersteuningsplan",
            name="vervangen",
            field=models.BooleanField(
                default=False, verbose_name="vervangen door een nieuwere versie"
            ),
        ),
        migrations.AddField(
            model_name="toewijzing",
            name="heeft_plan",
            field=models.BooleanField(
                default=False, verbose_name="er is een ondersteuningsplan ingediend"
            ),
        ),
        migrations.RunSQL(VERVANGEN, migrations.RunSQL.noop, elidable=True),
        migrations.RunSQL(HEEFT_PLAN, migrations.RunSQL.noop, elidable=True),
        # Without it the planner takes status and vervangen as independent and expects
        # ~180k rejected latest versions nationally instead of a handful.
        migrations.RunSQL(
            "CREATE STATISTICS IF NOT EXISTS plan_status_vervangen (mcv) "
            "ON status, vervangen FROM indicaties_ondersteuningsplan",
            "DROP STATISTICS IF EXISTS plan_status_vervangen",
        ),
        migrations.AddIndex(
            model_name="ondersteuningsplan",
            index=models.Index(
                condition=models.Q(("status", "afgewezen"), ("vervangen", False)),
                fields=["-beoordeeld_op", "-id"],
                name="plan_afgewezen_laatste",
            ),
        ),
        migrations.AddIndex(
            model_name="toewijzing",
            index=models.Index(
                condition=models.Q(("bandbreedte__isnull", False), ("heeft_plan", False)),
                fields=["aanbieder", "created_at", "id"],
                include=("einddatum",),
                name="toewijzing_zonder_plan",
            ),
        ),
    ]
