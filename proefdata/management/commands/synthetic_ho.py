"""Synthetic HO data at region scale, on top of the demo data, for `manage.py bench`.

`manage.py synthetic_ho --clients 10000 --decisions 50000` gives every synthetic client a
history of consecutive, non-overlapping decisions (alternating short and definitive, with
now and then a re-indication: a definitive decision straight after a definitive one), the
meldingen with their completed onderzoek, the assignments with volume, unit, frequency and
band, and the support plans (every definitive decision has its accepted plan). A realistic
fraction of clients waits on someone: plans under review, open meldingen near the six-week
term, short decisions ending within 14 days without a plan, unseen new assignments, and
rejected latest plans. All of it is fictional; the BSNs are test numbers (999xxxxxx).

Rows are written with bulk_create in chunks of clients, with their primary keys taken from
the tables' own sequences so that every foreign key is known before the insert. No history
rows are written (``Model.history.bulk_history_create`` is not needed for benchmark data).
After the insert the tables are vacuumed and analysed (VACUUM (ANALYZE)), the state autovacuum
keeps a live database in: without it the planner misjudges the new sizes and cannot use
index-only scans, and the first benchmark would measure the bulk load instead of the pages.
"""

from __future__ import annotations

import hashlib
import random
import time as clock
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from bandbreedte.models import Bandbreedte, Product
from indicaties.ho.services import definitieve_beschikking
from indicaties.models import (
    Beschikking,
    Client,
    Gemeente,
    Melding,
    Ondersteuningsplan,
    Onderzoek,
    Toewijzing,
    Verlenging,
)
from indicaties.states import BeschikkingStatus, MeldingStatus, PlanStatus
from indicaties.termijnen import bezwaartermijn_einde
from proefdata.demo.indicaties import BANDEN, demo_pdf
from proefdata.synthetisch import DOMEIN
from sdd_portal.accounts.models import Organisatie, Rol, User
from sdd_portal.validators import is_valid_bsn

from .demo_data import AANTAL_CLIENTEN, VOORNAMEN, demo_bsns, fictieve_persoon

MARKER = f"@{DOMEIN}"  # e-mail domain of every synthetic client
PDF_NAAM = "ondersteuningsplannen/synthetisch/ondersteuningsplan-synthetisch.pdf"
AANTAL_CONSULENTEN = 20
CHUNK = 1000  # clients per bulk insert round
VROEGST = date(2021, 1, 4)
LAATST = date(2027, 12, 31)
KORT_DAGEN = 56  # eight weeks, the demo product's kortdurend_weken
MIN_PER_CLIENT, MAX_PER_CLIENT = 2, 9
BAND_GEWICHTEN = (15, 30, 30, 15, 10)  # relative frequency of the demo bands HO-B1..HO-B5
AFSPRAKEN = "Cliënt is aanwezig tijdens de ondersteuning."

# Fractions of clients that wait on someone (the rest has a running or ended decision).
INGEDIEND = "ingediend"  # latest plan awaits review by the consulent
KORT_EINDIGT = "kort_eindigt"  # short decision ends within 14 days, no plan yet
AFGEWEZEN = "afgewezen"  # latest plan rejected, provider must submit a new version
NIEUW = "nieuw"  # new assignment the provider has not opened yet
MELDING_OPEN = "melding_open"  # open melding near the six-week onderzoek term
GEEINDIGD = "geeindigd"  # care ended: the last definitive decision lies in the past
LOPEND = "lopend"
FRACTIES = {
    INGEDIEND: 0.02,
    KORT_EINDIGT: 0.02,
    AFGEWEZEN: 0.01,
    NIEUW: 0.01,
    MELDING_OPEN: 0.01,
    GEEINDIGD: 0.10,
}
EINDIGT_KORT = {INGEDIEND, KORT_EINDIGT, AFGEWEZEN, NIEUW}

BEVINDINGEN = (
    "Keukentafelgesprek met cliënt{wie}. Cliënt kan lichte taken zelf; zware schoonmaak, "
    "bedden verschonen en de was lukken niet meer. Geen voorliggende voorziening."
)
OMSCHRIJVINGEN = (
    "Kan door artrose het huis niet meer zelf schoonhouden.",
    "Na een heupoperatie tijdelijk niet in staat tot zwaar huishoudelijk werk.",
    "Mantelzorger valt weg; cliënt vraagt hulp bij schoonmaak en was.",
    "COPD: snel vermoeid, kan niet stofzuigen of dweilen.",
    "Herindicatie: de situatie is veranderd.",
)
AFWIJSREDENEN = (
    "De afspraken over de was ontbreken; vul aan en dien opnieuw in.",
    "De minuten per week vallen buiten de bandbreedte.",
    "De ingangsdatum sluit niet aan op de kortdurende beschikking.",
)

MODELLEN = (Client, Melding, Onderzoek, Toewijzing, Ondersteuningsplan, Beschikking, Verlenging)


@contextmanager
def eigen_tijdstempels(*models):
    """Let bulk_create keep the created_at/modified_at we set (historic moments) instead of
    stamping every row with now."""
    velden = [
        (f, f.auto_now, f.auto_now_add)
        for m in models
        for f in m._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    for f, _, _ in velden:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, now_add in velden:
            f.auto_now, f.auto_now_add = now, now_add


class IdPool:
    """Primary keys from the table's own identity sequence, fetched in blocks, so that
    foreign keys between rows of one chunk are known before anything is inserted."""

    def __init__(self, model):
        self.tabel = model._meta.db_table
        self.vrij: list[int] = []

    def __call__(self) -> int:
        if not self.vrij:
            with connection.cursor() as cur:
                cur.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [self.tabel, 2000],
                )
                self.vrij = [r[0] for r in cur.fetchall()][::-1]
        return self.vrij.pop()


def synthetische_bsns(aantal: int, bezet: set[str]) -> list[str]:
    """Valid test BSNs that collide neither with the demo's nor with any client present.

    The demo fills 999900006.. from the bottom (``demo_bsns``); this takes that range from
    the top down. It holds only 9,091 valid numbers, so larger runs continue downwards in
    999899999..999000000 (still the 999xxxxxx test range)."""
    vermijd = bezet | set(demo_bsns(AANTAL_CLIENTEN))
    gekozen = [b for b in reversed(demo_bsns(10**6)) if b not in vermijd][:aantal]
    nummer = 999899999
    while len(gekozen) < aantal and nummer >= 999000000:
        bsn = str(nummer)
        if bsn not in vermijd and is_valid_bsn(bsn):
            gekozen.append(bsn)
        nummer -= 1
    if len(gekozen) < aantal:
        raise CommandError(f"Er zijn geen {aantal} vrije test-BSN's in 999xxxxxx.")
    return gekozen


def _synthetische_gebruiker(username, voornaam, achternaam, organisatie, rol) -> User:
    """A user that cannot log in (no password), created once."""
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": voornaam,
            "last_name": achternaam,
            "email": f"{username}@demo.example.org",
            "organisatie": organisatie,
            "rollen": [rol],
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@dataclass
class Referentie:
    """The demo data a synthetic generator builds on."""

    consulent: User  # the demo consulent
    product: Product  # HO
    banden: list[Bandbreedte]  # the demo bands of HO, lowest first
    aanbieders: list[Organisatie]  # providers with an HO contract in force today
    gemeenten: list[Gemeente]


def demo_referentie(vandaag: date, commando: str = "synthetic_ho") -> Referentie:
    """The demo users, product, bands, providers and municipalities, or a CommandError
    that says to run ``manage.py demo_data`` first."""
    try:
        consulent = User.objects.select_related("organisatie").get(username="consulent")
        User.objects.get(username="aanbieder.vlijtigliesje")
        product = Product.objects.get(code="HO")
    except (User.DoesNotExist, Product.DoesNotExist):
        raise CommandError(
            f"Geen demogegevens gevonden: draai eerst `manage.py demo_data`. {commando} "
            "bouwt voort op de demogebruikers, -aanbieders, -contracten en de bandbreedtes."
        ) from None
    banden = list(
        Bandbreedte.objects.filter(product=product, code__in=[c for c, _, _ in BANDEN]).order_by(
            "min_minuten"
        )
    )
    if len(banden) != len(BANDEN):
        raise CommandError(
            "De demobandbreedtes voor HO ontbreken: draai eerst `manage.py demo_data`."
        )
    from contractbeheer.models import Contract

    contracten = Contract.objects.actief_op(vandaag).filter(product=product)
    aanbieders = list(
        Organisatie.objects.filter(pk__in=contracten.values("aanbieder_id")).order_by("naam")
    )
    gemeenten = list(Gemeente.objects.order_by("code"))
    if not aanbieders or len(gemeenten) < 7:
        raise CommandError(
            "Geen aanbieders met een lopend HO-contract of geen 7 gemeenten: draai eerst "
            "`manage.py demo_data`."
        )
    return Referentie(consulent, product, banden, aanbieders, gemeenten)


def medewerker_per_aanbieder(aanbieders) -> dict[int, User]:
    """One employee per provider who submits and signs its plans: the first active
    aanbieder-medewerker, or a synthetic one (no password) created once."""
    medewerker = {}
    for aanbieder in aanbieders:
        user = (
            User.objects.filter(
                organisatie=aanbieder,
                is_active=True,
                rollen__contains=[Rol.AANBIEDER_MEDEWERKER],
            )
            .order_by("username")
            .first()
        )
        if user is None:
            slug = aanbieder.naam.lower().replace(" ", "")
            user = _synthetische_gebruiker(
                f"synth.medewerker.{slug}",
                "Medewerker",
                aanbieder.naam,
                aanbieder,
                Rol.AANBIEDER_MEDEWERKER,
            )
        medewerker[aanbieder.pk] = user
    return medewerker


def synthetisch_pdf() -> tuple[str, int]:
    """One real PDF (PDF_NAAM in the documents storage) that every synthetic plan points
    at, written once; returns its SHA-256 and size."""
    storage = storages["documenten"]
    inhoud = demo_pdf("Ondersteuningsplan (synthetische benchmarkgegevens)")
    if storage.exists(PDF_NAAM):
        with storage.open(PDF_NAAM, "rb") as fh:
            if fh.read() != inhoud:
                storage.delete(PDF_NAAM)
    if not storage.exists(PDF_NAAM):
        opgeslagen = storage.save(PDF_NAAM, ContentFile(inhoud))
        if opgeslagen != PDF_NAAM:
            raise CommandError(f"Het PDF-bestand kwam op {opgeslagen} terecht.")
    return hashlib.sha256(inhoud).hexdigest(), len(inhoud)


@dataclass
class Periode:
    soort: str  # Beschikking.Soort
    ingang: date = date.min
    einde: date = date.min
    oorspronkelijk_einde: date | None = None  # end in the plan, before a re-indication cut it
    herindicatie: bool = False


@dataclass
class Tellingen:
    clienten: int = 0
    meldingen: int = 0
    onderzoeken: int = 0
    toewijzingen: int = 0
    plannen: int = 0
    beschikkingen: int = 0
    verlengingen: int = 0
    wachtend: dict = field(default_factory=dict)


class Command(BaseCommand):
    help = (
        "Voeg synthetische HO-gegevens op regioschaal toe aan de demogegevens (eerst "
        "`manage.py demo_data`): cliënten met test-BSN's, meldingen met afgerond onderzoek, "
        "beschikkingen (kortdurend/definitief, aansluitende periodes 2021-2027), "
        "toewijzingen en ondersteuningsplannen, met een realistisch deel dat op iemand "
        "wacht. Voor `manage.py bench`. Schrijft met bulk_create en zonder historie-rijen "
        "(bulk_history_create is voor benchmarkgegevens niet nodig), daarna VACUUM (ANALYZE). "
        "Een tweede run voegt niets toe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=10_000)
        parser.add_argument("--decisions", type=int, default=50_000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, clients, decisions, seed, **options):
        start = clock.perf_counter()
        if clients < 1:
            raise CommandError("--clients moet minstens 1 zijn.")
        if not MIN_PER_CLIENT * clients <= decisions <= MAX_PER_CLIENT * clients:
            raise CommandError(
                f"--decisions moet tussen {MIN_PER_CLIENT} en {MAX_PER_CLIENT} keer "
                f"--clients liggen (nu {decisions} voor {clients} cliënten)."
            )
        self.vandaag = timezone.localdate()
        self.nu = timezone.now()
        self.tz = timezone.get_current_timezone()
        self._referentie()
        bestaand = Client.objects.filter(email__endswith=MARKER).count()
        if bestaand:
            self.stdout.write(
                f"Er staan al {bestaand} synthetische cliënten in deze database "
                f"({Beschikking.objects.filter(client__email__endswith=MARKER).count()} "
                "beschikkingen); er is niets toegevoegd. Begin met een lege database om "
                "opnieuw te genereren."
            )
            return
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, deterministic
        self.tellingen = Tellingen(wachtend=dict.fromkeys(FRACTIES, 0))
        with transaction.atomic(), eigen_tijdstempels(*MODELLEN):
            self._gebruikers()
            self._pdf()
            plannen = self._plan_per_client(clients, decisions)
            bsns = synthetische_bsns(clients, set(Client.objects.values_list("bsn", flat=True)))
            self.ids = {m: IdPool(m) for m in MODELLEN}
            for begin in range(0, clients, CHUNK):
                self._chunk(begin, plannen[begin : begin + CHUNK], bsns[begin : begin + CHUNK])
                if options["verbosity"] >= 2:
                    self.stdout.write(f"  {begin + len(plannen[begin : begin + CHUNK])} cliënten")
        # The state of a database autovacuum has seen: planner statistics and the visibility
        # map (index-only scans). Right after a bulk load neither exists yet.
        with connection.cursor() as cur:
            tabellen = ", ".join(m._meta.db_table for m in MODELLEN)
            # VACUUM cannot run inside a transaction (a test's); ANALYZE can.
            opdracht = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            cur.execute(f"{opdracht} {tabellen}")
        t = self.tellingen
        seconden = clock.perf_counter() - start
        self.stdout.write(
            self.style.SUCCESS(
                f"Synthetische HO-gegevens toegevoegd in {seconden:.1f} s: {t.clienten} cliënten, "
                f"{t.beschikkingen} beschikkingen, {t.toewijzingen} toewijzingen, "
                f"{t.plannen} ondersteuningsplannen, {t.meldingen} meldingen, "
                f"{t.onderzoeken} onderzoeken, {t.verlengingen} verlengingen, "
                f"{len(self.consulenten)} consulenten."
            )
        )
        self.stdout.write(
            "Wachtend: "
            + ", ".join(f"{k} {v}" for k, v in t.wachtend.items() if k not in (GEEINDIGD,))
            + f"; beëindigd {t.wachtend[GEEINDIGD]}."
        )

    # ------------------------------------------------------------------ preparation

    def _referentie(self) -> None:
        ref = demo_referentie(self.vandaag)
        self.consulent, self.product, self.banden = ref.consulent, ref.product, ref.banden
        self.aanbieders, self.gemeenten = ref.aanbieders, ref.gemeenten

    def _gebruikers(self) -> None:
        """The demo consulent plus synthetic consulenten; one employee per provider who
        submits and signs its plans (the demo employee where there is one)."""
        sdd = self.consulent.organisatie
        self.consulenten = [self.consulent]
        for i in range(1, AANTAL_CONSULENTEN + 1):
            self.consulenten.append(
                _synthetische_gebruiker(
                    f"synth.consulent{i:02d}",
                    VOORNAMEN[i % len(VOORNAMEN)],
                    f"Synthetisch {i:02d}",
                    sdd,
                    Rol.CONSULENT,
                )
            )
        self.medewerker = medewerker_per_aanbieder(self.aanbieders)

    def _pdf(self) -> None:
        self.pdf_sha256, self.pdf_grootte = synthetisch_pdf()

    def _plan_per_client(self, clients: int, decisions: int) -> list[tuple[str, int]]:
        """(category, number of decisions) per client; the numbers add up exactly."""
        rng = self.rng
        categorieen = []
        for categorie, fractie in FRACTIES.items():
            categorieen += [categorie] * round(fractie * clients)
        categorieen = (categorieen + [LOPEND] * clients)[:clients]
        rng.shuffle(categorieen)
        minimum = [3 if c in EINDIGT_KORT else MIN_PER_CLIENT for c in categorieen]
        basis, rest = divmod(decisions, clients)
        aantallen = [basis + (1 if i < rest else 0) for i in range(clients)]
        # Spread: move one decision between two random clients, many times (sum stays).
        for _ in range(clients):
            i, j = rng.randrange(clients), rng.randrange(clients)
            if i != j and aantallen[i] > minimum[i] and aantallen[j] < MAX_PER_CLIENT:
                aantallen[i] -= 1
                aantallen[j] += 1
        # Categories ending on a short decision need at least three (K D K).
        for i in range(clients):
            while aantallen[i] < minimum[i]:
                j = rng.randrange(clients)
                if aantallen[j] > minimum[j]:
                    aantallen[j] -= 1
                    aantallen[i] += 1
        assert sum(aantallen) == decisions
        return list(zip(categorieen, aantallen, strict=True))

    # ------------------------------------------------------------------ per client

    def _moment(self, dag: date, uur: int | None = None) -> datetime:
        uur = self.rng.randint(8, 17) if uur is None else uur
        moment = datetime.combine(dag, time(uur, self.rng.randrange(60)), tzinfo=self.tz)
        return min(moment, self.nu - timedelta(minutes=5))

    def _soorten(self, aantal: int, eindigt_kort: bool) -> list[Periode]:
        """Alternating K, D, K, ...; one re-indication (D right after D) when the parity of
        ``aantal`` and the last kind do not match."""
        k, d = Beschikking.Soort.KORTDUREND, Beschikking.Soort.DEFINITIEF
        if (aantal % 2 == 1) == eindigt_kort:
            soorten = [k if i % 2 == 0 else d for i in range(aantal)]
        else:
            soorten = [k if i % 2 == 0 else d for i in range(aantal - 1)]
            soorten.insert(2, d)
        perioden = [Periode(s) for s in soorten]
        for i in range(1, len(perioden)):
            perioden[i].herindicatie = perioden[i].soort == d and perioden[i - 1].soort == d
        return perioden

    def _data(self, perioden: list[Periode], categorie: str) -> None:
        """Dates from the last decision backwards: consecutive, never overlapping."""
        rng, vandaag = self.rng, self.vandaag
        laatste = perioden[-1]
        if categorie == KORT_EINDIGT:
            laatste.einde = vandaag + timedelta(days=rng.randint(0, 13))
        elif categorie in (INGEDIEND, AFGEWEZEN):
            laatste.einde = vandaag + timedelta(days=rng.randint(5, 45))
        elif categorie == NIEUW:
            laatste.einde = vandaag - timedelta(days=rng.randint(0, 6)) + timedelta(KORT_DAGEN - 1)
        if laatste.soort == Beschikking.Soort.KORTDUREND:
            laatste.ingang = laatste.einde - timedelta(days=KORT_DAGEN - 1)
        else:
            duur = rng.randint(180, 730)
            if categorie == GEEINDIGD:
                laatste.einde = vandaag - timedelta(days=rng.randint(1, 500))
            else:
                laatste.einde = min(
                    vandaag + timedelta(days=rng.randint(0, duur - 1)),
                    LAATST,
                )
            laatste.ingang = laatste.einde - timedelta(days=duur - 1)
            laatste.ingang = min(laatste.ingang, vandaag)
        for schaal in (1.0, 0.7, 0.45, 0.3, 0.2):
            for i in range(len(perioden) - 2, -1, -1):
                huidig, volgend = perioden[i], perioden[i + 1]
                if huidig.soort == Beschikking.Soort.KORTDUREND:
                    huidig.einde = volgend.ingang - timedelta(days=1)
                    huidig.ingang = huidig.einde - timedelta(days=KORT_DAGEN - 1)
                    continue
                if volgend.herindicatie:  # cut short by the re-indication's plan
                    huidig.einde = volgend.ingang - timedelta(days=1)
                    huidig.oorspronkelijk_einde = huidig.einde + timedelta(
                        days=rng.randint(30, 180)
                    )
                    duur = max(240, int(rng.randint(300, 540) * schaal))
                else:  # care ended; a new melding came after a gap
                    gat = int(rng.randint(1, 120) * schaal)
                    huidig.einde = volgend.ingang - timedelta(days=gat + 1)
                    duur = max(120, int(rng.randint(180, 540) * schaal))
                huidig.ingang = huidig.einde - timedelta(days=duur - 1)
            if perioden[0].ingang >= VROEGST:
                break

    def _chunk(self, begin: int, plannen: list[tuple[str, int]], bsns: list[str]) -> None:
        self.rij = {m: [] for m in MODELLEN}
        for offset, ((categorie, aantal), bsn) in enumerate(zip(plannen, bsns, strict=True)):
            self._client(begin + offset, categorie, aantal, bsn)
        for model in MODELLEN:
            model.objects.bulk_create(self.rij[model], batch_size=2000)
        t = self.tellingen
        t.clienten += len(self.rij[Client])
        t.meldingen += len(self.rij[Melding])
        t.onderzoeken += len(self.rij[Onderzoek])
        t.toewijzingen += len(self.rij[Toewijzing])
        t.plannen += len(self.rij[Ondersteuningsplan])
        t.beschikkingen += len(self.rij[Beschikking])
        t.verlengingen += len(self.rij[Verlenging])

    def _nieuw(self, model, **velden):
        obj = model(id=self.ids[model](), **velden)
        self.rij[model].append(obj)
        return obj

    def _client(self, index: int, categorie: str, aantal: int, bsn: str) -> None:
        rng = self.rng
        if categorie in self.tellingen.wachtend:
            self.tellingen.wachtend[categorie] += 1
        perioden = self._soorten(aantal, categorie in EINDIGT_KORT)
        self._data(perioden, categorie)
        gemeente = self.gemeenten[index % len(self.gemeenten)]
        consulent = self.consulenten[index % len(self.consulenten)]
        vaste_aanbieder = self.aanbieders[index % len(self.aanbieders)]
        aangemaakt = self._moment(perioden[0].ingang - timedelta(days=rng.randint(45, 120)))
        client = self._nieuw(
            Client,
            created_at=aangemaakt,
            modified_at=aangemaakt,
            consulent=consulent,
            bsn=bsn,
            **fictieve_persoon(rng, gemeente),
            email=f"client{index:06d}{MARKER}",
        )

        toewijzing = kort = vorige = None
        aanbieder = vaste_aanbieder
        for nummer, periode in enumerate(perioden):
            laatste = nummer == len(perioden) - 1
            if periode.soort == Beschikking.Soort.KORTDUREND:
                if rng.random() < 0.08:  # now and then the client chooses another provider
                    aanbieder = rng.choice(self.aanbieders)
                melding, onderzoek = self._melding_met_onderzoek(
                    client, consulent, periode.ingang, Melding.Bron.CLIENT
                )
                verzonden = min(periode.ingang + timedelta(days=rng.randint(0, 7)), self.vandaag)
                verzonden = max(verzonden, onderzoek.verslagdatum)
                moment = self._moment(verzonden)
                kort = self._nieuw(
                    Beschikking,
                    created_at=moment,
                    modified_at=moment,
                    client=client,
                    product=self.product,
                    soort=Beschikking.Soort.KORTDUREND,
                    status=BeschikkingStatus.GELDIG,
                    melding=melding,
                    bandbreedte=onderzoek.bandbreedte,
                    minuten_per_week=onderzoek.bandbreedte.min_minuten,
                    was_strijk=onderzoek.was_strijk,
                    ingangsdatum=periode.ingang,
                    einddatum=periode.einde,
                    verzenddatum=verzonden,
                    bezwaartermijn_tot=bezwaartermijn_einde(verzonden),
                    aanbieder=aanbieder,
                    ondertekend_door=consulent,
                )
                gezien = None
                if not (laatste and categorie == NIEUW):
                    gezien = min(moment + timedelta(hours=rng.randint(1, 72)), self.nu)
                toewijzing = self._nieuw(
                    Toewijzing,
                    created_at=moment,
                    modified_at=gezien or moment,
                    client=client,
                    aanbieder=aanbieder,
                    product=self.product,
                    ingangsdatum=periode.ingang,
                    einddatum=periode.einde,
                    beschikking=kort,
                    bandbreedte=onderzoek.bandbreedte,
                    volume=onderzoek.bandbreedte.min_minuten,
                    eenheid=self.product.eenheid,
                    frequentie=self.product.frequentie,
                    gezien_op=gezien,
                )
                if laatste:
                    self._wachtend_plan(toewijzing, kort, categorie, consulent)
                vorige = kort
                continue

            # A definitive decision: the provider's accepted plan.
            if periode.herindicatie:
                melding, onderzoek = self._melding_met_onderzoek(
                    client,
                    consulent,
                    periode.ingang - timedelta(days=rng.randint(21, 45)),
                    Melding.Bron.HERINDICATIE,
                )
                moment = self._moment(onderzoek.verslagdatum + timedelta(days=rng.randint(0, 3)))
                toewijzing = self._nieuw(
                    Toewijzing,
                    created_at=moment,
                    modified_at=moment,
                    client=client,
                    aanbieder=aanbieder,
                    product=self.product,
                    ingangsdatum=moment.date(),
                    einddatum=periode.einde,
                    bandbreedte=onderzoek.bandbreedte,
                    volume=onderzoek.bandbreedte.min_minuten,
                    eenheid=self.product.eenheid,
                    frequentie=self.product.frequentie,
                    gezien_op=min(moment + timedelta(hours=rng.randint(1, 72)), self.nu),
                )
                band = onderzoek.bandbreedte
                vroegst = moment.date() + timedelta(days=1)
            else:
                band = kort.bandbreedte
                vroegst = kort.ingangsdatum + timedelta(days=5)
            looptijd = (periode.einde - periode.ingang).days
            verlengd = laatste and categorie == LOPEND and looptijd >= 300 and rng.random() < 0.03
            oude_einde = periode.ingang + timedelta(days=looptijd // 2) if verlengd else None
            plan = self._plannen(
                toewijzing,
                band=band,
                ingang=periode.ingang,
                einde=oude_einde or periode.oorspronkelijk_einde or periode.einde,
                vroegst=vroegst,
                uiterlijk=min(periode.ingang - timedelta(days=2), self.vandaag),
                consulent=consulent,
            )
            beoordeeld = plan.beoordeeld_op
            definitief = definitieve_beschikking(plan, toewijzing)
            definitief.id = self.ids[Beschikking]()
            definitief.created_at = definitief.modified_at = beoordeeld
            definitief.einddatum = periode.einde  # cut by a re-indication or extended
            definitief.vervangt = vorige if periode.herindicatie else None
            self.rij[Beschikking].append(definitief)
            if periode.herindicatie:
                vorige.modified_at = beoordeeld  # its end date was cut to the day before
            toewijzing.beschikking = definitief
            toewijzing.volume = plan.minuten_per_week
            toewijzing.einddatum = periode.einde
            toewijzing.modified_at = beoordeeld
            if periode.ingang <= self.vandaag:
                toewijzing.start_zorg = periode.ingang
            if verlengd:
                self._verlenging(definitief, toewijzing, oude_einde)
            vorige = definitief

        if categorie == MELDING_OPEN:
            dag = self.vandaag - timedelta(days=rng.randint(36, 41))
            moment = self._moment(dag)
            melding = self._nieuw(
                Melding,
                created_at=moment,
                modified_at=moment,
                client=client,
                product=self.product,
                meldingsdatum=dag,
                bron=Melding.Bron.HERINDICATIE,
                omschrijving=rng.choice(OMSCHRIJVINGEN),
                consulent=consulent,
                status=MeldingStatus.OPEN,
            )
            if rng.random() < 0.5:  # a draft onderzoek: the talk took place, no report yet
                gesprek = dag + timedelta(days=rng.randint(3, 20))
                moment = self._moment(gesprek)
                self._nieuw(
                    Onderzoek,
                    created_at=moment,
                    modified_at=moment,
                    melding=melding,
                    gespreksdatum=gesprek,
                    bevindingen="Concept: " + BEVINDINGEN.format(wie=""),
                )

    def _melding_met_onderzoek(self, client, consulent, uiterlijk: date, bron: str):
        """A melding whose onderzoek was completed on or before ``uiterlijk``."""
        rng = self.rng
        verslag = min(uiterlijk - timedelta(days=rng.randint(0, 7)), self.vandaag)
        gesprek = verslag - timedelta(days=rng.randint(0, 7))
        meldingsdatum = gesprek - timedelta(days=rng.randint(3, 25))
        moment = self._moment(meldingsdatum)
        afgerond = self._moment(verslag, 16)
        melding = self._nieuw(
            Melding,
            created_at=moment,
            modified_at=afgerond,
            client=client,
            product=self.product,
            meldingsdatum=meldingsdatum,
            bron=bron,
            omschrijving=rng.choice(OMSCHRIJVINGEN),
            consulent=consulent,
            status=MeldingStatus.BESCHIKT,
        )
        band = rng.choices(self.banden, weights=BAND_GEWICHTEN)[0]
        onderzoek = self._nieuw(
            Onderzoek,
            created_at=self._moment(gesprek),
            modified_at=afgerond,
            melding=melding,
            gespreksdatum=gesprek,
            verslagdatum=verslag,
            bevindingen=BEVINDINGEN.format(wie=rng.choice(("", " en dochter", " en partner"))),
            bandbreedte=band,
            berekende_minuten=rng.randint(band.min_minuten, band.max_minuten),
            was_strijk=rng.random() < 0.6,
            afgerond_op=afgerond,
            afgerond_door=consulent,
        )
        return melding, onderzoek

    def _plan(self, toewijzing, *, versie, band, ingang, einde, ingediend: date):
        rng = self.rng
        medewerker = self.medewerker[toewijzing.aanbieder.pk]
        moment = self._moment(ingediend)
        toewijzing.heeft_plan = True  # worklist marker, as plan_indienen keeps it
        plan = self._nieuw(
            Ondersteuningsplan,
            created_at=moment,
            modified_at=moment,
            toewijzing=toewijzing,
            versie=versie,
            status=PlanStatus.INGEDIEND,
            minuten_per_week=rng.randint(band.min_minuten, band.max_minuten),
            was_strijk=rng.random() < 0.6,
            ingangsdatum=ingang,
            einddatum=einde,
            afspraken=AFSPRAKEN,
            verzenddatum=ingediend + timedelta(days=rng.randint(0, 7)),
            ondertekenaar=medewerker,
            bestand=PDF_NAAM,
            bestandsnaam="ondersteuningsplan.pdf",
            sha256=self.pdf_sha256,
            grootte=self.pdf_grootte,
            ingediend_door=medewerker,
        )
        return plan

    def _beoordeel(self, plan, status: str, consulent, reden: str = "") -> None:
        moment = min(
            plan.created_at + timedelta(days=self.rng.randint(1, 5), hours=self.rng.randint(0, 6)),
            self.nu - timedelta(minutes=1),
        )
        plan.status = status
        plan.beoordeeld_door = consulent
        plan.beoordeeld_op = moment
        plan.afwijsreden = reden
        plan.modified_at = moment

    def _versies(
        self, toewijzing, *, band, ingang, einde, ingediend, vroegst, kans, status, consulent
    ):
        """A plan with the given outcome (ingediend, geaccepteerd, afgewezen); with chance
        ``kans`` an earlier version was rejected first."""
        rng = self.rng
        velden = {"band": band, "ingang": ingang, "einde": einde}
        versie = 1
        if rng.random() < kans and (ingediend - vroegst).days > 8:
            eerder = self._plan(
                toewijzing, versie=1, ingediend=ingediend - timedelta(days=8), **velden
            )
            self._beoordeel(eerder, PlanStatus.AFGEWEZEN, consulent, rng.choice(AFWIJSREDENEN))
            eerder.vervangen = True  # version 2 follows
            versie = 2
        plan = self._plan(toewijzing, versie=versie, ingediend=ingediend, **velden)
        if status != PlanStatus.INGEDIEND:
            reden = rng.choice(AFWIJSREDENEN) if status == PlanStatus.AFGEWEZEN else ""
            self._beoordeel(plan, status, consulent, reden)
        return plan

    def _plannen(self, toewijzing, *, band, ingang, einde, vroegst, uiterlijk, consulent):
        """The accepted plan of a definitive decision, one in ten after a rejected version."""
        ingediend = max(vroegst, uiterlijk - timedelta(days=self.rng.randint(3, 30)))
        return self._versies(
            toewijzing,
            band=band,
            ingang=ingang,
            einde=einde,
            ingediend=ingediend,
            vroegst=vroegst,
            kans=0.1,
            status=PlanStatus.GEACCEPTEERD,
            consulent=consulent,
        )

    def _wachtend_plan(self, toewijzing, kort, categorie: str, consulent) -> None:
        """The latest short decision of a client that waits: a plan under review or a
        rejected one (none yet for the other waiting kinds)."""
        if categorie not in (INGEDIEND, AFGEWEZEN):
            return
        ingediend = self.vandaag - timedelta(days=self.rng.randint(0, 10))
        ingediend = max(ingediend, kort.ingangsdatum + timedelta(days=1))
        plan = self._versies(
            toewijzing,
            band=kort.bandbreedte,
            ingang=kort.einddatum + timedelta(days=1),
            einde=kort.einddatum + timedelta(days=365),
            ingediend=ingediend,
            vroegst=kort.ingangsdatum + timedelta(days=1),
            kans=0.2 if categorie == INGEDIEND else 0.0,
            status=PlanStatus.INGEDIEND if categorie == INGEDIEND else PlanStatus.AFGEWEZEN,
            consulent=consulent,
        )
        toewijzing.modified_at = plan.modified_at

    def _verlenging(self, beschikking, toewijzing, oud: date) -> None:
        """Extended without changes: the end date moved, no new plan or decision."""
        moment = min(
            max(self._moment(oud - timedelta(days=21)), beschikking.created_at),
            self.nu - timedelta(minutes=1),
        )
        self._nieuw(
            Verlenging,
            created_at=moment,
            modified_at=moment,
            beschikking=beschikking,
            oude_einddatum=oud,
            nieuwe_einddatum=beschikking.einddatum,
            toelichting="Situatie ongewijzigd; verlengd zonder nieuw plan.",
            verlengd_door=beschikking.client.consulent,
        )
        beschikking.modified_at = moment
        toewijzing.modified_at = max(toewijzing.modified_at, moment)
