"""Demo accounts, shared by the demo_data command and `make run` (no model imports here,
so the supervisor can print them before Django is set up). Demo only."""

import base64

DEMO_PASSWORD = "demo-wachtwoord-2026"  # noqa: S105 - demo only, printed on purpose
# Fixed TOTP secret for the demo SDD accounts, so a newcomer can add it to an
# authenticator app or ask `manage.py demo_totp`. Demo only.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
DEMO_TOTP_KEY_BASE32 = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()
SDD_NAAM = "Sociale Dienst Drechtsteden"

# (username, first name, last name, organisation name, roles)
DEMO_USERS = (
    ("consulent", "Carla", "Consulent", SDD_NAAM, ["consulent"]),
    ("contractmanager", "Kees", "Contract", SDD_NAAM, ["contractmanager"]),
    ("beheerder", "Bea", "Beheer", SDD_NAAM, ["functioneel_beheerder"]),
    # A second beheerder: changes to accounts, roles and API keys need two (four eyes).
    ("beheerder2", "Bram", "Tweede", SDD_NAAM, ["functioneel_beheerder"]),
    ("aanbieder.vlijtigliesje", "Vera", "Vlijtig", "Vlijtig Liesje", ["aanbieder_medewerker"]),
    ("aanbieder.poetszorg", "Piet", "Poets", "Poetszorg", ["aanbieder_medewerker"]),
)
