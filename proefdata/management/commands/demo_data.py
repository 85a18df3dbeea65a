"""Demo data: municipalities, SDD, providers from the minutes, users per role, clients.

Safe to run twice: everything is matched on a natural key (CBS code, KvK number,
username, BSN) and updated in place. All numbers and people are fictional; the
BSNs are test numbers (999xxxxxx) that pass the elfproef.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from bandbreedte.models import Product, Tarief
from indicaties.models import Client, Gemeente, Toewijzing
from proefdata.demo.accounts import DEMO_PASSWORD, DEMO_TOTP_KEY_HEX, DEMO_USERS, SDD_NAAM
from sdd_portal.accounts.models import Organisatie, User
from sdd_portal.validators import is_valid_bsn

GEMEENTEN = [
    ("0482", "Alblasserdam"),
    ("0505", "Dordrecht"),
    ("0523", "Hardinxveld-Giessendam"),
    ("0531", "Hendrik-Ido-Ambacht"),
    ("0590", "Papendrecht"),
    ("0610", "Sliedrecht"),
    ("0642", "Zwijndrecht"),
]

# (code, name, iWmo category, product code, unit, frequency, delivery variant)
PRODUCTEN = [
    ("HO", "Huishoudelijke ondersteuning", "01", "01A01", "01", "2", "inspanningsgericht"),
    ("IB", "Individuele begeleiding", "02", "02A01", "01", "2", "inspanningsgericht"),
    # Outputgericht: assigned in output units (82) per month, not in dagdelen (ADR 0017).
    ("DB", "Dagbesteding", "07", "07A01", "82", "4", "outputgericht"),
    ("IB0", "Lichte begeleiding (IB0)", "02", "02A00", "01", "4", "inspanningsgericht"),
]

# Illustrative demo tariffs per hour for HO, with the collective-agreement raises of
# 1 July 2025 and 1 July 2026 (seed 000 item 3i). Not SDD's real tariffs.
HO_TARIEVEN = [
    ("2025-01-01", "2025-06-30", "38.5000", "Demotarief 2025 (illustratief)"),
    ("2025-07-01", "2026-06-30", "39.9200", "Cao-verhoging per 1 juli 2025 (illustratief)"),
    ("2026-07-01", None, "41.3000", "Cao-verhoging per 1 juli 2026 (illustratief)"),
]

CONTACTEN = [
    (
        10,
        "Contracten, tarieven en cliëntenstops",
        "Contractmanagement SDD",
        "contractmanagement@sdd.example.org",
        "078 770 8900",
    ),
    (
        20,
        "Vragen over een indicatie of bandbreedte",
        "Team Wmo-consulenten",
        "wmo-consulenten@sdd.example.org",
        "078 770 8910",
    ),
    (
        30,
        "Berichtenverkeer iWmo (301, 305, 307)",
        "Functioneel beheer iWmo",
        "berichtenverkeer@sdd.example.org",
        "",
    ),
    (40, "Declaraties en betalingen", "Team Financiën Wmo", "declaraties@sdd.example.org", ""),
    (50, "Inkoop en toetreding", "Inkoop SDD", "inkoop@sdd.example.org", ""),
]

# Providers named in the FOT minutes. KvK numbers and AGB codes are invented.
AANBIEDERS = [
    ("Lelie zorggroep", "Dordrecht"),
    ("Aafje", "Zwijndrecht"),
    ("Vlijtig Liesje", "Dordrecht"),
    ("Poetszorg", "Papendrecht"),
    ("T Zorg", "Sliedrecht"),
    ("Buurtdiensten", "Hendrik-Ido-Ambacht"),
    ("Axioncontinu", "Dordrecht"),
    ("Zorgspectrum", "Alblasserdam"),
    ("Vierstroom", "Hardinxveld-Giessendam"),
    ("Warande", "Zwijndrecht"),
    ("Privazorg", "Dordrecht"),
    ("Stichting de Merwelanden", "Dordrecht"),
    ("Depse Zorg en Hulpverlening", "Zwijndrecht"),
]

UITGETREDEN = ("Stichting de Merwelanden", "Depse Zorg en Hulpverlening")

STRATEN = [
    "Voorstraat",
    "Wijnstraat",
    "Kerkplein",
    "Dubbeldamseweg",
    "Noordendijk",
    "Merwedestraat",
    "Burgemeester de Raadtsingel",
    "Lindelaan",
    "Molenweg",
    "Dijkstraat",
]
VOORNAMEN = [
    "Anna",
    "Johannes",
    "Maria",
    "Cornelis",
    "Hendrika",
    "Pieter",
    "Wilhelmina",
    "Jan",
    "Geertruida",
    "Adrianus",
    "Fatima",
    "Mohamed",
    "Sanne",
    "Daan",
    "Ans",
    "Kees",
]
ACHTERNAMEN = [
    ("", "Bakker"),
    ("de", "Jong"),
    ("van", "Dijk"),
    ("", "Visser"),
    ("", "Smit"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("de", "Vries"),
    ("", "Mulder"),
    ("van den", "Berg"),
    ("", "Bos"),
    ("", "Yilmaz"),
    ("", "El Amrani"),
    ("", "Verhoeven"),
    ("", "Hoogendoorn"),
    ("", "Rijsdijk"),
]

POSTCODE_PREFIX = {
    "0482": 2950,
    "0505": 3311,
    "0523": 3371,
    "0531": 3341,
    "0590": 3351,
    "0610": 3361,
    "0642": 3331,
}
AANTAL_CLIENTEN = 300


def fictieve_persoon(rng: random.Random, gemeente: Gemeente) -> dict:
    """Name, birth date, address and phone of a fictional client living in ``gemeente``."""
    voorvoegsel, achternaam = rng.choice(ACHTERNAMEN)
    letters = "ABCDEGHJKLMNPRST"
    return {
        "voornamen": rng.choice(VOORNAMEN),
        "voorvoegsel": voorvoegsel,
        "achternaam": achternaam,
        "geboortedatum": date(1930, 1, 1) + timedelta(days=rng.randrange(0, 365 * 70)),
        "straat": rng.choice(STRATEN),
        "huisnummer": rng.randrange(1, 250),
        "postcode": f"{POSTCODE_PREFIX[gemeente.code] + rng.randrange(0, 9)}"
        f"{rng.choice(letters)}{rng.choice(letters)}",
        "woonplaats": gemeente.naam,
        "gemeente": gemeente,
        "telefoon": f"06 {rng.randrange(10000000, 99999999)}",
    }


def demo_bsns(count: int) -> list[str]:
    """The first ``count`` valid test BSNs in 999900006-999999990."""
    result = []
    number = 999900006
    while len(result) < count and number <= 999999990:
        if is_valid_bsn(str(number)):
            result.append(str(number))
        number += 1
    return result


class Command(BaseCommand):
    help = "Maak of ververs de demogegevens (veilig om vaker te draaien)."

    def add_arguments(self, parser):
        parser.add_argument("--clienten", type=int, default=AANTAL_CLIENTEN)
        parser.add_argument(
            "--toon-aanmeldingen",
            metavar="ADRES",
            help="Print daarna het adres en de demo-accounts (voor make run).",
        )

    def handle(self, *args, **options):
        self._laden(**options)
        if options["toon_aanmeldingen"]:
            self._aanmeldingen(options["toon_aanmeldingen"])

    def _aanmeldingen(self, adres: str) -> None:
        from proefdata.demo.accounts import DEMO_PASSWORD, DEMO_TOTP_KEY_BASE32, DEMO_USERS

        regels = [
            "",
            "=" * 72,
            f" Wmo-portaal draait op {adres}   (stoppen: Ctrl-C)",
            " Demo-accounts (alleen voor demonstratie), wachtwoord voor allemaal:",
            f"   {DEMO_PASSWORD}",
            *(
                f"   {username:<26} {organisatie:<28} {', '.join(rollen)}"
                for username, _first, _last, organisatie, rollen in DEMO_USERS
            ),
            " SDD-accounts vragen daarna een code uit een authenticator-app.",
            f" Demosleutel (base32) voor uw app: {DEMO_TOTP_KEY_BASE32}",
            " Of vraag de code van nu op met:  make totp GEBRUIKER=consulent",
            "=" * 72,
            "",
        ]
        self.stdout.write("\n".join(regels))

    @transaction.atomic
    def _laden(self, **options):
        rng = random.Random(2025)  # deterministic: the same demo on every machine
        gemeenten = {
            code: Gemeente.objects.update_or_create(code=code, defaults={"naam": naam})[0]
            for code, naam in GEMEENTEN
        }
        producten = {
            code: Product.objects.update_or_create(
                code=code,
                defaults={
                    "naam": naam,
                    "productcategorie": cat,
                    "productcode": pcode,
                    "eenheid": eenheid,
                    "frequentie": freq,
                    "uitvoeringsvariant": variant,
                },
            )[0]
            for code, naam, cat, pcode, eenheid, freq, variant in PRODUCTEN
        }
        sdd, _ = Organisatie.objects.update_or_create(
            kvk_nummer="24383578",
            defaults={
                "soort": Organisatie.Soort.SDD,
                "naam": SDD_NAAM,
                "agb_code": "",
                "straat": "Johan de Wittstraat",
                "huisnummer": 79,
                "postcode": "3311KG",
                "plaats": "Dordrecht",
                "telefoon": "078 770 8910",
                "email": "wmo@sdd.example.org",
            },
        )
        aanbieders = {}
        for index, (naam, plaats) in enumerate(AANBIEDERS):
            slug = naam.lower().replace(" ", "")
            aanbieders[naam], _ = Organisatie.objects.update_or_create(
                kvk_nummer=f"{70100000 + index * 1379:08d}",
                defaults={
                    "soort": Organisatie.Soort.AANBIEDER,
                    "naam": naam,
                    "agb_code": f"98{100001 + index * 17:06d}",
                    "straat": rng.choice(STRATEN),
                    "huisnummer": 10 + index,
                    "postcode": f"{POSTCODE_PREFIX['0505'] + index}AB",
                    "plaats": plaats,
                    "telefoon": f"078 {600 + index:03d} {1000 + index * 7:04d}",
                    "email": f"info@{slug}.example.org",
                },
            )
        organisaties = {sdd.naam: sdd, **aanbieders}
        for username, first, last, org_naam, rollen in DEMO_USERS:
            user, created = User.objects.update_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@demo.example.org",
                    "organisatie": organisaties[org_naam],
                    "rollen": rollen,
                    "is_active": True,
                },
            )
            if created or not user.check_password(DEMO_PASSWORD):
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
            if user.is_sdd:
                TOTPDevice.objects.update_or_create(
                    user=user,
                    name="default",  # two_factor asks for the device named "default"
                    defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True},
                )

        self._clienten(rng, options["clienten"], gemeenten, producten, aanbieders)
        contractbeheer_demo(producten=producten, aanbieders=aanbieders, gemeenten=gemeenten)
        from proefdata.demo.indicaties import ho_demo

        ho_demo(
            product=producten["HO"],
            aanbieder=aanbieders["Vlijtig Liesje"],
            consulent=User.objects.get(username="consulent"),
            medewerker=User.objects.get(username="aanbieder.vlijtigliesje"),
        )
        from proefdata.demo.fot import fot_demo

        fot_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demogegevens klaar: {len(gemeenten)} gemeenten, {len(aanbieders)} aanbieders, "
                f"{Client.objects.count()} cliënten, {Toewijzing.objects.count()} toewijzingen."
            )
        )

    def _clienten(self, rng, aantal, gemeenten, producten, aanbieders):
        vandaag = timezone.localdate()
        codes = sorted(gemeenten)
        # Providers that left their contracts get no new demo assignments.
        aanbieder_lijst = [a for naam, a in aanbieders.items() if naam not in UITGETREDEN]
        bsns = demo_bsns(aantal)
        consulent = User.objects.get(username="consulent")
        bestaand = set(Client.objects.filter(bsn__in=bsns).values_list("bsn", flat=True))
        nieuw = []
        for i, bsn in enumerate(bsns):
            code = codes[i % len(codes)]
            client = Client(consulent=consulent, bsn=bsn, **fictieve_persoon(rng, gemeenten[code]))
            if bsn not in bestaand:
                nieuw.append(client)
        Client.objects.bulk_create(nieuw)
        # Older demo databases: give every demo client the demo consulent.
        Client.objects.filter(bsn__in=bsns, consulent__isnull=True).update(consulent=consulent)
        # bulk_create writes no history: record the creation explicitly.
        Client.history.bulk_history_create(nieuw, default_change_reason="Demogegevens")

        if Toewijzing.objects.exists():
            return
        toewijzingen = []
        # Sizes from their own generator, so the dates above stay what they were.
        omvang_rng = random.Random(2026)
        for i, client in enumerate(Client.objects.filter(bsn__in=bsns).order_by("bsn")):
            if i % 5 == 4:
                continue  # one in five clients has no assignment yet
            aanbieder = aanbieder_lijst[i % len(aanbieder_lijst)]
            start = vandaag + timedelta(days=rng.randrange(-540, 14))
            einde = start + timedelta(days=rng.choice([182, 365, 730]))
            product = producten["HO"] if i % 3 else producten[rng.choice(["IB", "DB"])]
            toewijzingen.append(
                Toewijzing(
                    client=client,
                    aanbieder=aanbieder,
                    product=product,
                    ingangsdatum=start,
                    einddatum=einde,
                    # Every assignment has a size fitting its product (CD041), in the
                    # product's unit and frequency.
                    volume=demo_volume(product, omvang_rng),
                    eenheid=product.eenheid,
                    frequentie=product.frequentie,
                )
            )
        Toewijzing.objects.bulk_create(toewijzingen)
        Toewijzing.history.bulk_history_create(toewijzingen, default_change_reason="Demogegevens")


def demo_volume(product: Product, rng: random.Random) -> int:
    """A plausible size for a demo assignment: minutes per week for HO and IB, output units
    per month for day activities."""
    if product.eenheid == "82":
        return rng.randrange(4, 21)
    if product.code == "HO":
        return rng.randrange(60, 301, 15)
    return rng.randrange(60, 241, 30)


def contractbeheer_demo(*, producten, aanbieders, gemeenten) -> None:
    """Contracts, tariffs, mandates, stops, capacity, contacts and a signal (idempotent)."""
    from contractbeheer.models import (
        Aanbiedersignaal,
        Capaciteit,
        Clientenstop,
        Contactpersoon,
        Contract,
        Instellingen,
        Mandaat,
        Toetredingsstop,
    )

    vandaag = timezone.localdate()
    sdd_cm = User.objects.get(username="contractmanager")
    Instellingen.objects.get_or_create(pk=1)
    for start, end, bedrag, omschrijving in HO_TARIEVEN:
        Tarief.objects.update_or_create(
            product=producten["HO"],
            eenheid="04",
            ingangsdatum=start,
            defaults={"einddatum": end, "bedrag": bedrag, "omschrijving": omschrijving},
        )
    for product in ("IB", "DB"):
        Toetredingsstop.objects.get_or_create(
            product=producten[product],
            ingangsdatum=date(2021, 6, 1),
            defaults={"toelichting": "Stop op toetreding IB en DB (FOT juli 2021, item 4)."},
        )
    for index, (naam, aanbieder) in enumerate(aanbieders.items()):
        product_codes = (
            ["HO"] + (["IB"] if index % 3 == 0 else []) + (["DB"] if index % 4 == 1 else [])
        )
        if naam == "Stichting de Merwelanden":
            product_codes = ["IB"]
        if naam == "Depse Zorg en Hulpverlening":
            product_codes = ["DB"]
        for code in product_codes:
            uitgetreden = naam in UITGETREDEN
            Contract.objects.update_or_create(
                aanbieder=aanbieder,
                product=producten[code],
                ingangsdatum=date(2020, 1, 1),
                defaults={
                    "kenmerk": f"SDD-{code}-{index + 1:03d}",
                    "toetredingsdatum": date(2020, 1, 1),
                    "status": "uitgetreden" if uitgetreden else "actief",
                    "uittredingsdatum": date(2021, 7, 1) if uitgetreden else None,
                    "uittredingsreden": "Uitgetreden (FOT juli 2021)" if uitgetreden else "",
                },
            )
    vlijtig = User.objects.get(username="aanbieder.vlijtigliesje")
    mandaat, _ = Mandaat.objects.get_or_create(
        aanbieder=aanbieders["Vlijtig Liesje"],
        medewerker=vlijtig,
        defaults={
            "functie": "Teamleider HO",
            "geldig_van": date(2025, 1, 1),
            "geldig_tot": date(2027, 12, 31),
        },
    )
    mandaat.producten.add(producten["HO"])
    for volgorde, onderwerp, contact, email, telefoon in CONTACTEN:
        Contactpersoon.objects.update_or_create(
            onderwerp=onderwerp,
            defaults={
                "contact": contact,
                "email": email,
                "telefoon": telefoon,
                "volgorde": volgorde,
            },
        )
    if not Clientenstop.objects.exists():
        lelie = Clientenstop.objects.create(
            aanbieder=aanbieders["Lelie zorggroep"],
            product=producten["HO"],
            ingangsdatum=vandaag - timedelta(days=60),
            heroverwegingsdatum=vandaag - timedelta(days=3),
            reden="Personeelstekort door ziekteverzuim en verloop.",
            maatregelen="Werving van drie nieuwe medewerkers; tijdelijk extra uren van vaste "
            "krachten.",
            status="akkoord",
            aangevraagd_door=User.objects.filter(organisatie=aanbieders["Lelie zorggroep"]).first()
            or sdd_cm,
            beoordeeld_door=sdd_cm,
            beoordeeld_op=timezone.now() - timedelta(days=58),
            notitie_cm="Akkoord; heroverwegen na twee maanden.",
        )
        lelie.gemeenten.set([gemeenten["0505"], gemeenten["0642"]])
        aanvraag = Clientenstop.objects.create(
            aanbieder=aanbieders["Vlijtig Liesje"],
            product=producten["HO"],
            ingangsdatum=vandaag + timedelta(days=7),
            einddatum=vandaag + timedelta(days=97),
            reden="Twee teams zijn onderbezet tot de nieuwe medewerkers zijn ingewerkt.",
            maatregelen="Inwerktraject versneld; bestaande cliënten krijgen voorrang.",
            aangevraagd_door=vlijtig,
        )
        aanvraag.gemeenten.set([gemeenten["0590"]])
    if not Capaciteit.objects.exists():
        poetszorg = Capaciteit.objects.create(
            aanbieder=aanbieders["Poetszorg"],
            product=producten["HO"],
            aantal=15,
            vanaf_datum=vandaag,
            toelichting="Wij nemen ook cliënten van wachtlijsten over.",
        )
        poetszorg.gemeenten.set(gemeenten.values())
        aafje = Capaciteit.objects.create(
            aanbieder=aanbieders["Aafje"],
            product=producten["HO"],
            aantal=5,
            vanaf_datum=vandaag - timedelta(days=70),
            bijgewerkt_op=timezone.now() - timedelta(days=70),
        )
        aafje.gemeenten.set([gemeenten["0505"], gemeenten["0642"]])
    if not Aanbiedersignaal.objects.exists():
        client = Client.objects.visible_to(vlijtig).order_by("id").first()
        if client is not None:
            Aanbiedersignaal.objects.create(
                aanbieder=aanbieders["Vlijtig Liesje"],
                client=client,
                consulent=client.consulent,
                soort="normenkader",
                onderwerp="Bandbreedte lager dan onze berekening",
                toelichting="Volgens het HHM-normenkader komen wij op 180 minuten per week; "
                "de bandbreedte gaat uit van 120 tot 150.",
                berekende_minuten=180,
                gemeld_door=vlijtig,
            )
