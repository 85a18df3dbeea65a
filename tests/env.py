"""Loaded with ``-p tests.env`` before Django is configured: test-run environment.

Production-safe defaults (TLS redirect, secure cookies, HSTS) are switched off for the
test client and live server, which speak plain HTTP on loopback.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-not-for-any-deployment")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")
os.environ.setdefault("DJANGO_HSTS_SECONDS", "0")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("EMAIL_URL", "consolemail://")
# The demo and benchmark commands (proefdata/), which the tests load data with.
os.environ.setdefault("SDD_PROEFDATA", "true")
# The tests create the test database and migrate it, so they connect as the OWNER role
# (DATABASE_OWNER_URL when set); tests/audit/test_databaserollen.py connects as the runtime
# role on purpose (docs/adr/0012-database-roles.md).
os.environ.setdefault("SDD_DATABASE_EIGENAAR", "true")
