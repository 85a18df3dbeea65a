"""Two database roles (docs/adr/0012-database-roles.md): the functions the owner leaves behind.

``audit_toegangslog_rechten_beperken()`` narrows every grant on the access log and on each
of its partitions to SELECT and INSERT, for every role except the table's owner. The
migrations' post_migrate handler (``sdd_portal.audit.rollen``) calls it after granting the
runtime role its rights on all tables, and the partition maintenance after creating a month.

``audit_partities_bijwerken(vooruit, vandaag)`` is the daily partition maintenance of
``sdd_portal.audit.partities`` as a ``SECURITY DEFINER`` function owned by the owner role, so
the runtime role (the Celery worker) can run it without owning the table: it only creates the
month partitions from ``vandaag``'s month through ``vooruit`` months ahead and moves rows out
of DEFAULT into their month (detach DEFAULT, create the partitions and an empty DEFAULT,
insert the rows again through the partitioned table, drop the old DEFAULT, in the caller's
transaction). It drops no partition and takes no table or SQL from its caller; ``vooruit``
is limited to 0-60 and ``vandaag`` to within a year of today. ``search_path`` is fixed
(``pg_catalog`` first, ``pg_temp`` last), new tables are created in ``public`` by name.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION audit_toegangslog_rechten_beperken() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    recht record;
BEGIN
    FOR recht IN
        SELECT c.relname, a.privilege_type,
               CASE WHEN a.grantee = 0 THEN 'PUBLIC'
                    ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS rol
        FROM pg_class c, aclexplode(c.relacl) a
        WHERE (c.oid = 'audit_accesslogentry'::regclass
               OR c.oid IN (SELECT inhrelid FROM pg_inherits
                            WHERE inhparent = 'audit_accesslogentry'::regclass))
          AND a.grantee <> c.relowner
          AND a.privilege_type NOT IN ('SELECT', 'INSERT')
    LOOP
        EXECUTE format('REVOKE %s ON %I FROM %s', recht.privilege_type, recht.relname, recht.rol);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION audit_toegangslog_rechten_beperken() FROM PUBLIC;

CREATE FUNCTION audit_partities_bijwerken(vooruit integer, vandaag date)
RETURNS SETOF text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    tz constant text := 'Europe/Amsterdam';
    eerste date := date_trunc('month', vandaag)::date;
    in_default date[];
    bestaand date[];
    nieuw date[];
    maand date;
    naam text;
    kolommen text;
BEGIN
    IF vooruit IS NULL OR vooruit < 0 OR vooruit > 60 THEN
        RAISE EXCEPTION 'vooruit moet tussen 0 en 60 maanden liggen, niet %', vooruit;
    END IF;
    IF vandaag IS NULL OR abs(vandaag - (now() AT TIME ZONE tz)::date) > 366 THEN
        RAISE EXCEPTION 'vandaag moet binnen een jaar van vandaag liggen, niet %', vandaag;
    END IF;
    PERFORM set_config('lock_timeout', '5s', true);
    PERFORM pg_advisory_xact_lock(75130001);
    -- Holds back inserts into DEFAULT only (no other partition) until the commit.
    LOCK TABLE audit_accesslogentry_default IN SHARE ROW EXCLUSIVE MODE;
    SELECT array_agg(DISTINCT date_trunc('month', "timestamp" AT TIME ZONE tz)::date)
        INTO in_default FROM audit_accesslogentry_default;
    SELECT array_agg(to_date(substr(c.relname, 23), 'YYYYMM')) INTO bestaand
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'audit_accesslogentry'::regclass
          AND c.relname ~ '^audit_accesslogentry_p[0-9]{6}$';
    nieuw := ARRAY(
        SELECT m FROM (
            SELECT (eerste + make_interval(months => n))::date AS m
            FROM generate_series(0, vooruit) AS n
            UNION SELECT unnest(in_default)
        ) s
        WHERE m IS NOT NULL AND NOT (m = ANY (coalesce(bestaand, '{}')))
        ORDER BY m
    );
    IF cardinality(nieuw) = 0 THEN
        RETURN;
    END IF;
    IF in_default IS NOT NULL THEN
        -- Rows in DEFAULT would violate the new partitions' bounds: take DEFAULT out.
        ALTER TABLE audit_accesslogentry DETACH PARTITION audit_accesslogentry_default;
        ALTER TABLE audit_accesslogentry_default RENAME TO audit_accesslogentry_default_oud;
    END IF;
    FOREACH maand IN ARRAY nieuw LOOP
        naam := 'audit_accesslogentry_p' || to_char(maand, 'YYYYMM');
        -- CREATE + ATTACH: a SHARE UPDATE EXCLUSIVE lock only, pages go on inserting.
        EXECUTE format(
            'CREATE TABLE public.%I (LIKE audit_accesslogentry INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
            naam
        );
        EXECUTE format(
            'ALTER TABLE audit_accesslogentry ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
            naam, maand::timestamp AT TIME ZONE tz,
            (maand + interval '1 month')::timestamp AT TIME ZONE tz
        );
        RETURN NEXT naam;
    END LOOP;
    IF in_default IS NOT NULL THEN
        CREATE TABLE public.audit_accesslogentry_default PARTITION OF audit_accesslogentry DEFAULT;
        SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO kolommen
            FROM pg_attribute
            WHERE attrelid = 'audit_accesslogentry'::regclass AND attnum > 0
              AND NOT attisdropped;
        EXECUTE format(
            'INSERT INTO audit_accesslogentry (%s) SELECT %s FROM audit_accesslogentry_default_oud',
            kolommen, kolommen
        );
        DROP TABLE audit_accesslogentry_default_oud;
        FOREACH maand IN ARRAY in_default LOOP
            EXECUTE format('ANALYZE %I', 'audit_accesslogentry_p' || to_char(maand, 'YYYYMM'));
        END LOOP;
    END IF;
    -- New tables got the owner's default privileges: narrow them on the log again.
    PERFORM audit_toegangslog_rechten_beperken();
END $$;
REVOKE ALL ON FUNCTION audit_partities_bijwerken(integer, date) FROM PUBLIC;
"""

REVERSE = """
DROP FUNCTION IF EXISTS audit_partities_bijwerken(integer, date);
DROP FUNCTION IF EXISTS audit_toegangslog_rechten_beperken();
"""


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_zoekindexen")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
