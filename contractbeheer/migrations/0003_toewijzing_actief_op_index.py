"""An index for counting the assignments active on a date per provider and product.

The model belongs to indicaties, whose migrations are worked on elsewhere; the index is
created here with SQL (it is not in the model's Meta, so makemigrations leaves it alone).
Active assignments are read as ``einddatum >= datum AND ingangsdatum <= datum`` (plus the
open-ended ``einddatum IS NULL``) in ``contractbeheer.selectors.toewijzing_tellingen``: an
index-only range scan over this index instead of a sequential scan of the whole table.
"""

from django.db import migrations


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY: writes to the assignments go on while it is built.
    atomic = False

    dependencies = [
        ("contractbeheer", "0002_nederlandse_namen"),
        ("indicaties", "0009_beschikking_beschikking_def_einde_and_more"),
    ]

    operations = [
        migrations.RunSQL(
            sql=(
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS toewijzing_actief_op "
                "ON indicaties_toewijzing (einddatum, ingangsdatum) "
                "INCLUDE (aanbieder_id, product_id, client_id)"
            ),
            reverse_sql="DROP INDEX CONCURRENTLY IF EXISTS toewijzing_actief_op",
        ),
    ]
