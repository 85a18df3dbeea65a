"""Demo, synthetic and benchmark data: everything `make run`, `make bench` and the tests
load or measure, and nothing a production deployment runs.

Installed only when ``SDD_PROEFDATA`` is true (default: ``DJANGO_DEBUG``), so a production
configuration has none of its management commands. It is the top layer: it may import every
app, and no app imports it (``tests/test_proefdata.py`` checks this).

- ``demo/``: the demo accounts (``accounts``, model-free for the ``make run`` supervisor), the
  HO chain (``indicaties``) and the five FOT meetings (``fot``, from ``fot_seeds``).
- ``synthetisch/``: set-based generators for the benchmark scales (inbox signals, access log).
- ``meting/``: what ``manage.py bench`` measures with (SQL time, load test, API, PDF, facts).
- ``management/commands/``: ``demo_data``, ``demo_totp``, ``synthetic_ho``, ``synthetic_sql``,
  ``synthetic_toegangslog``, ``bench_data`` and ``bench``.
"""
