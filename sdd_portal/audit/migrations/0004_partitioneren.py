"""Partition the access log by month: range partitioning on ``timestamp``.

Every page of the portal appends one row, so the table grows to tens of millions of rows.
Declarative partitioning per calendar month (Europe/Amsterdam) keeps each partition and its
indexes small, lets date filters skip whole months (partition pruning), and turns retention
into dropping a whole partition instead of deleting rows (which the trigger refuses anyway).

What this migration does, in one transaction:

1. The existing table and its indexes and identity sequence are renamed (``..._oud``).
2. A new partitioned table with the same columns is created. PostgreSQL 15 allows no
   identity column on a partitioned table, so ``id`` takes its default from a sequence owned
   by the column (what ``pg_get_serial_sequence`` and Django's sequence reset expect). The
   primary key must contain the partition key: ``(id, timestamp)``; ids stay unique because
   only the sequence hands them out.
3. One partition per month from the month of the oldest row up to twelve months ahead, and
   a DEFAULT partition, so that an insert never fails whatever its timestamp
   (``sdd_portal.audit.partities`` keeps creating months ahead and empties DEFAULT).
4. The rows are copied, then the secondary indexes are created on the partitioned table
   under their original names (exact catalog definitions, so Django's state still matches),
   the GIN index with ``fastupdate = off`` (see docs/toegangslog.md: the pending list of a
   GIN index is flushed by whichever insert fills it, a latency spike on a page), and the
   append-only trigger of migration 0002 is attached to the partitioned table (PostgreSQL
   clones it onto every partition, present and future).
5. The old table is dropped and the sequence continues after the highest id.

The Django state does not change: the model is the same, only its storage is.
The reverse migration copies the rows back into an ordinary table with an identity column.
"""

from django.db import migrations

TABEL = "audit_accesslogentry"
KOLOMMEN = (
    'id, "timestamp", username, organisatie_naam, organisatie_id, rollen, actie, '
    "omschrijving, client_ids, pad, ip_adres, uitkomst, user_id"
)
KOLOM_DEFINITIES = """
    "timestamp" timestamp with time zone NOT NULL,
    username varchar(150) NOT NULL,
    organisatie_naam varchar(200) NOT NULL,
    organisatie_id bigint NULL,
    rollen varchar(30)[] NOT NULL,
    actie varchar(20) NOT NULL,
    omschrijving varchar(300) NOT NULL,
    client_ids bigint[] NOT NULL,
    pad varchar(500) NOT NULL,
    ip_adres inet NULL,
    uitkomst varchar(20) NOT NULL,
    user_id bigint NULL
"""

# Renames the secondary indexes of TABEL to <name>_oud and leaves their definitions (as
# they read before the rename, so naming TABEL) in the temporary table audit_indexen.
INDEXEN_BEWAREN = f"""
DROP TABLE IF EXISTS pg_temp.audit_indexen;
CREATE TEMPORARY TABLE audit_indexen AS
SELECT i.relname::text AS naam,
       replace(pg_get_indexdef(i.oid), ' ON ONLY ', ' ON ') AS definitie
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = '{TABEL}'::regclass AND NOT x.indisprimary;

DO $$
DECLARE
    idx record;
BEGIN
    FOR idx IN SELECT naam FROM audit_indexen LOOP
        EXECUTE format('ALTER INDEX %I RENAME TO %I', idx.naam, left(idx.naam, 59) || '_oud');
    END LOOP;
END $$;
"""  # noqa: S608 - composed of module constants only

# Creates the indexes kept by INDEXEN_BEWAREN again, on the new table (the GIN index on a
# partitioned table takes its options at creation only: ALTER INDEX ... SET is refused, and
# the partitions created later copy them).
INDEXEN_HERSTELLEN = """
DO $$
DECLARE
    idx record;
BEGIN
    FOR idx IN SELECT definitie FROM audit_indexen ORDER BY naam LOOP
        EXECUTE regexp_replace(
            idx.definitie, ' USING gin \\(([^)]*)\\)( WITH \\(.*\\))?$', ' USING gin (\\1)%s'
        );
    END LOOP;
END $$;
DROP TABLE pg_temp.audit_indexen;
"""

TRIGGER = f"""
CREATE TRIGGER audit_accesslogentry_append_only
    BEFORE UPDATE OR DELETE ON {TABEL}
    FOR EACH ROW EXECUTE FUNCTION audit_accesslogentry_append_only();
"""

FORWARD = f"""
{INDEXEN_BEWAREN}
ALTER TABLE {TABEL} RENAME TO {TABEL}_oud;
ALTER TABLE {TABEL}_oud RENAME CONSTRAINT {TABEL}_pkey TO {TABEL}_oud_pkey;
ALTER SEQUENCE {TABEL}_id_seq RENAME TO {TABEL}_oud_id_seq;

CREATE SEQUENCE {TABEL}_id_seq AS bigint;
CREATE TABLE {TABEL} (
    id bigint NOT NULL DEFAULT nextval('{TABEL}_id_seq'::regclass),
    {KOLOM_DEFINITIES},
    CONSTRAINT {TABEL}_pkey PRIMARY KEY (id, "timestamp")
) PARTITION BY RANGE ("timestamp");
ALTER SEQUENCE {TABEL}_id_seq OWNED BY {TABEL}.id;

-- One partition per calendar month (Dutch time) from the oldest row to 12 months ahead.
DO $$
DECLARE
    maand date;
    laatste date := date_trunc('month', now() AT TIME ZONE 'Europe/Amsterdam')::date
        + interval '12 months';
BEGIN
    maand := coalesce(
        (SELECT date_trunc('month', min("timestamp") AT TIME ZONE 'Europe/Amsterdam')::date
         FROM {TABEL}_oud),
        date_trunc('month', now() AT TIME ZONE 'Europe/Amsterdam')::date
    );
    maand := least(maand, date_trunc('month', now() AT TIME ZONE 'Europe/Amsterdam')::date);
    WHILE maand <= laatste LOOP
        EXECUTE format(
            'CREATE TABLE %I PARTITION OF {TABEL} FOR VALUES FROM (%L) TO (%L)',
            '{TABEL}_p' || to_char(maand, 'YYYYMM'),
            maand::timestamp AT TIME ZONE 'Europe/Amsterdam',
            (maand + interval '1 month')::timestamp AT TIME ZONE 'Europe/Amsterdam'
        );
        maand := maand + interval '1 month';
    END LOOP;
END $$;
CREATE TABLE {TABEL}_default PARTITION OF {TABEL} DEFAULT;

INSERT INTO {TABEL} ({KOLOMMEN}) SELECT {KOLOMMEN} FROM {TABEL}_oud;

{INDEXEN_HERSTELLEN % " WITH (fastupdate = off)"}
{TRIGGER}

SELECT setval(
    '{TABEL}_id_seq',
    greatest(
        (SELECT max(id) FROM {TABEL}_oud),
        (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
         FROM {TABEL}_oud_id_seq),
        1
    ),
    (SELECT count(*) > 0 FROM {TABEL}_oud) OR (SELECT is_called FROM {TABEL}_oud_id_seq)
);
DROP TABLE {TABEL}_oud;
"""  # noqa: S608 - composed of module constants only

REVERSE = f"""
{INDEXEN_BEWAREN}
ALTER TABLE {TABEL} RENAME TO {TABEL}_oud;
ALTER TABLE {TABEL}_oud RENAME CONSTRAINT {TABEL}_pkey TO {TABEL}_oud_pkey;
ALTER SEQUENCE {TABEL}_id_seq RENAME TO {TABEL}_oud_id_seq;

CREATE TABLE {TABEL} (
    id bigint NOT NULL GENERATED BY DEFAULT AS IDENTITY,
    {KOLOM_DEFINITIES},
    CONSTRAINT {TABEL}_pkey PRIMARY KEY (id)
);
INSERT INTO {TABEL} ({KOLOMMEN}) SELECT {KOLOMMEN} FROM {TABEL}_oud ORDER BY id;

{INDEXEN_HERSTELLEN % ""}
{TRIGGER}

SELECT setval(
    pg_get_serial_sequence('{TABEL}', 'id'),
    greatest(
        (SELECT max(id) FROM {TABEL}_oud),
        (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END
         FROM {TABEL}_oud_id_seq),
        1
    ),
    (SELECT count(*) > 0 FROM {TABEL}_oud) OR (SELECT is_called FROM {TABEL}_oud_id_seq)
);
DROP TABLE {TABEL}_oud;
"""  # noqa: S608 - composed of module constants only


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_alter_accesslogentry_actie")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
