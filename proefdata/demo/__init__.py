"""Demo data of `manage.py demo_data`: accounts, the HO chain and the FOT meetings."""
