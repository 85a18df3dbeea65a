"""Measurement helpers for ``manage.py bench``: the SQL time of a page's main query
(:mod:`.sql`), the load test over loopback HTTP (:mod:`.last`), the API lists and full sync
against gunicorn (:mod:`.api`), the PDF rendering rate (:mod:`.pdf`) and the facts about the
machine and the data a measurement ran on (:mod:`.feiten`)."""
