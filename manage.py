#!/usr/bin/env python
"""Django's command-line utility for the SDD Wmo portal."""

import os
import sys

# Commands that change the schema or remove partitions connect as the OWNER role
# (DATABASE_OWNER_URL); every other command, like the web server, worker and beat, as the
# runtime role of DATABASE_URL (docs/adr/0012-database-roles.md).
EIGENAAR_COMMANDOS = {
    "migrate",
    "toegangslog_bewaren",
    "toegangslog_partities",
    "synthetic_toegangslog",
    "synthetic_ho",
    "synthetic_sql",
    "bench_data",
    "bench",  # analyses tables for its facts (proefdata/meting/feiten.py)
}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sdd_portal.settings")
    if len(sys.argv) > 1 and sys.argv[1] in EIGENAAR_COMMANDOS:
        os.environ.setdefault("SDD_DATABASE_EIGENAAR", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
