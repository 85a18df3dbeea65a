"""Synthetic data for the benchmark scales (`manage.py bench_data`)."""

# E-mail domain of every synthetic client: ``synthetic_ho`` writes ``…@synthetisch.example.org``,
# ``synthetic_sql`` ``…@sql.synthetisch.example.org``. Demo clients never end in it.
DOMEIN = "synthetisch.example.org"
