"""Factories for the domain, with valid Dutch identifiers."""

from __future__ import annotations

import itertools
from datetime import date

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from bandbreedte.models import Product
from indicaties.models import Client, Gemeente, Toewijzing
from proefdata.management.commands.demo_data import demo_bsns
from sdd_portal.accounts.models import Organisatie, Rol, User

PASSWORD = "een-lang-testwachtwoord-2026"
_bsns = itertools.cycle(demo_bsns(5000)[1000:])  # disjoint from the demo data's first 300


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    code = "0505"
    naam = "Dordrecht"


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    soort = Organisatie.Soort.AANBIEDER
    naam = factory.Sequence(lambda n: f"Zorgaanbieder {n}")
    kvk_nummer = factory.Sequence(lambda n: f"{60000000 + n:08d}")
    agb_code = factory.Sequence(lambda n: f"98{200000 + n:06d}")
    straat = "Voorstraat"
    huisnummer = 1
    postcode = "3311AA"
    plaats = "Dordrecht"
    telefoon = "078 123 4567"
    email = factory.Sequence(lambda n: f"info{n}@aanbieder.example.org")

    class Params:
        sdd = factory.Trait(
            soort=Organisatie.Soort.SDD, naam="Sociale Dienst Drechtsteden", agb_code=""
        )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    organisatie = factory.SubFactory(OrganisatieFactory)
    rollen = factory.LazyFunction(lambda: [Rol.AANBIEDER_MEDEWERKER])

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        if create and extracted is not False and self.organisatie and self.organisatie.is_sdd:
            TOTPDevice.objects.create(user=self, name="default", confirmed=True)


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product
        django_get_or_create = ("code",)

    code = "HO"
    naam = "Huishoudelijke ondersteuning"
    productcategorie = "01"
    productcode = "01A01"


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    bsn = factory.LazyFunction(lambda: next(_bsns))
    voornamen = "Jan"
    achternaam = factory.Sequence(lambda n: f"Jansen{n}")
    geboortedatum = date(1950, 5, 17)
    straat = "Wijnstraat"
    huisnummer = 12
    postcode = "3311BT"
    woonplaats = "Dordrecht"
    gemeente = factory.SubFactory(GemeenteFactory)


class ToewijzingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Toewijzing

    client = factory.SubFactory(ClientFactory)
    aanbieder = factory.SubFactory(OrganisatieFactory)
    product = factory.SubFactory(ProductFactory)
    ingangsdatum = date(2025, 1, 1)
    einddatum = date(2025, 12, 31)
    # A size at entry, as toewijzing_vastleggen requires (CD041).
    volume = 120
    eenheid = "01"
    frequentie = "2"
