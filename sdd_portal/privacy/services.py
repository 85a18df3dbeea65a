"""Writes of the retention process: propose, review, approve under four eyes, destroy.

Every change goes through ``opslaan`` (history with actor and reason) and every status
change through the list's ``Levenscyclus``. Destruction runs per client in a transaction of
its own, so a crash loses nothing and a rerun continues where it stopped.
"""

from __future__ import annotations

import logging
from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone

from sdd_portal import wachtrij
from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.roles import heeft_sdd_rol
from sdd_portal.historie import opslaan

from . import registry
from .models import (
    Bewaarinstellingen,
    Vernietigingsitem,
    Vernietigingslijst,
    Vernietigingsverklaring,
)
from .selectors import Dossier, vernietigbaar
from .states import VERNIETIGINGSLIJST

log = logging.getLogger(__name__)
S = Vernietigingslijst.Status
OPEN = (S.CONCEPT, S.VOORGEDRAGEN, S.GOEDGEKEURD)
SYSTEEM = "maandelijkse taak"


def _alleen_beheerder(actor) -> None:
    if not heeft_sdd_rol(actor, Rol.FUNCTIONEEL_BEHEERDER):
        raise PermissionDenied(
            "Alleen een functioneel beheerder mag vernietigingslijsten behandelen."
        )


def lijst_voorstellen(*, peildatum: date, actor=None) -> Vernietigingslijst | None:
    """The month's proposal: every client past the term who is not on an open list yet.
    Safe to run twice: one list per peildatum, and an empty proposal makes no list."""
    with transaction.atomic():
        bestaand = Vernietigingslijst.objects.filter(peildatum=peildatum).first()
        if bestaand is not None:
            return bestaand
        termijn = Bewaarinstellingen.huidig().bewaartermijn_jaren
        grens = peildatum - relativedelta(years=termijn)
        al_voorgesteld = Vernietigingsitem.objects.filter(lijst__status__in=OPEN).values(
            "client_id"
        )
        kandidaten = list(
            vernietigbaar(grens)
            .exclude(pk__in=al_voorgesteld)
            .order_by("pk")
            .values_list("pk", "laatste_einde")
        )
        if not kandidaten:
            return None
        lijst = opslaan(
            Vernietigingslijst(peildatum=peildatum, bewaartermijn_jaren=termijn, grens=grens),
            actor=actor,
            reden=f"Voorgesteld door de {SYSTEEM}" if actor is None else "Voorgesteld",
        )
        items = Vernietigingsitem.objects.bulk_create(
            Vernietigingsitem(lijst=lijst, client_id=pk, laatste_einde=einde)
            for pk, einde in kandidaten
        )
        Vernietigingsitem.history.bulk_history_create(
            items, default_user=actor, default_change_reason="Voorgesteld"
        )
        return lijst


def _lijst_vergrendeld(lijst_pk: int) -> Vernietigingslijst:
    return Vernietigingslijst.objects.select_for_update().get(pk=lijst_pk)


def item_uitsluiten(*, item: Vernietigingsitem, actor, reden: str) -> Vernietigingsitem:
    """Keep one client off the list (for example a running objection or a legal hold)."""
    _alleen_beheerder(actor)
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": "Geef een reden waarom deze cliënt niet wordt vernietigd."})
    with transaction.atomic():
        lijst = _lijst_vergrendeld(item.lijst_id)
        if lijst.status != S.CONCEPT:
            raise ValidationError("Alleen op een conceptlijst kunt u cliënten uitsluiten.")
        item = Vernietigingsitem.objects.select_for_update().get(pk=item.pk)
        item.uitgesloten, item.uitsluitingsreden = True, reden[:300]
        return opslaan(item, actor=actor, reden="Uitgesloten van vernietiging")


def item_terugzetten(*, item: Vernietigingsitem, actor) -> Vernietigingsitem:
    _alleen_beheerder(actor)
    with transaction.atomic():
        lijst = _lijst_vergrendeld(item.lijst_id)
        if lijst.status != S.CONCEPT:
            raise ValidationError("Alleen op een conceptlijst kunt u een uitsluiting terugdraaien.")
        item = Vernietigingsitem.objects.select_for_update().get(pk=item.pk)
        item.uitgesloten, item.uitsluitingsreden = False, ""
        return opslaan(item, actor=actor, reden="Uitsluiting teruggedraaid")


def lijst_voordragen(*, lijst: Vernietigingslijst, actor) -> Vernietigingslijst:
    """The reviewer puts the list forward for approval by a colleague."""
    _alleen_beheerder(actor)
    with transaction.atomic():
        lijst = _lijst_vergrendeld(lijst.pk)
        VERNIETIGINGSLIJST.naar(lijst, S.VOORGEDRAGEN)
        lijst.voorgedragen_door, lijst.voorgedragen_op = actor, timezone.now()
        return opslaan(lijst, actor=actor, reden="Voorgedragen ter goedkeuring")


def _tweede_beheerder(lijst: Vernietigingslijst, actor) -> None:
    _alleen_beheerder(actor)
    if lijst.voorgedragen_door_id == actor.pk:
        raise PermissionDenied(
            "Een tweede functioneel beheerder moet deze lijst beoordelen: u hebt hem zelf "
            "voorgedragen (vier ogen)."
        )


def lijst_afwijzen(*, lijst: Vernietigingslijst, actor, reden: str) -> Vernietigingslijst:
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": "Geef een reden van afwijzing."})
    with transaction.atomic():
        lijst = _lijst_vergrendeld(lijst.pk)
        _tweede_beheerder(lijst, actor)
        VERNIETIGINGSLIJST.naar(lijst, S.AFGEWEZEN)
        lijst.beoordeeld_door, lijst.beoordeeld_op = actor, timezone.now()
        lijst.afwijzingsreden = reden
        return opslaan(lijst, actor=actor, reden="Afgewezen")


def lijst_goedkeuren(*, lijst: Vernietigingslijst, actor) -> Vernietigingslijst:
    """The second beheerder approves; the destruction task starts after commit."""
    from .tasks import vernietigen

    with transaction.atomic():
        lijst = _lijst_vergrendeld(lijst.pk)
        _tweede_beheerder(lijst, actor)
        VERNIETIGINGSLIJST.naar(lijst, S.GOEDGEKEURD)
        lijst.beoordeeld_door, lijst.beoordeeld_op = actor, timezone.now()
        opslaan(lijst, actor=actor, reden="Goedgekeurd: wordt vernietigd")
        opslaan(
            Vernietigingsverklaring(
                lijst=lijst,
                lijst_uuid=lijst.uuid,
                peildatum=lijst.peildatum,
                bewaartermijn_jaren=lijst.bewaartermijn_jaren,
                voorgedragen_door=lijst.voorgedragen_door.username,
                goedgekeurd_door=actor.username,
                goedgekeurd_op=lijst.beoordeeld_op,
                aantal_uitgesloten=lijst.items.filter(uitgesloten=True).count(),
            ),
            actor=actor,
            reden="Aangemaakt bij goedkeuring",
        )
        wachtrij.plaats(vernietigen, lijst.pk)
        return lijst


# ------------------------------------------------------------------ destruction


def _sql_verwijderen(model, pks) -> None:
    """DELETE by primary key. Foreign keys in PostgreSQL are DEFERRABLE INITIALLY DEFERRED
    (Django's default), so the order within the client's transaction does not matter; the
    check at the end proves that nothing outside the registry still points at a row."""
    if not pks:
        return
    # Children that Django would cascade (read markers of a signal, norm times of an
    # onderzoek) and that hold no client data of their own go first.
    for rel in model._meta.related_objects:
        if (
            rel.on_delete.__name__ == "CASCADE"
            and not rel.many_to_many
            and rel.related_model._meta.label not in registry.REGISTER
        ):
            kinderen = list(
                rel.related_model._base_manager.filter(
                    **{f"{rel.field.attname}__in": pks}
                ).values_list("pk", flat=True)
            )
            _sql_verwijderen(rel.related_model, kinderen)
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)} "  # noqa: S608
            f"WHERE {connection.ops.quote_name(model._meta.pk.column)} = ANY(%s)",
            [list(pks)],
        )


def client_vernietigen(*, item_pk: int) -> dict[str, int]:
    """Destroy one client on an approved list: rows, history rows and files. Returns the
    counts per kind (empty when there was nothing to do: already done or excluded)."""
    with transaction.atomic():
        item = Vernietigingsitem.objects.select_for_update().select_related("lijst").get(pk=item_pk)
        lijst = item.lijst
        if item.vernietigd_op or item.uitgesloten or lijst.status != S.GOEDGEKEURD:
            return {}
        clienten = registry.clientsoort().model_class._default_manager
        if (
            clienten.filter(pk=item.client_id).exists()
            and not vernietigbaar(lijst.grens).filter(pk=item.client_id).exists()
        ):
            # New data since the proposal (a new provision): the client stays.
            item.uitgesloten = True
            item.uitsluitingsreden = "Nieuwe gegevens sinds het voorstel; niet vernietigd."
            opslaan(item, actor=lijst.beoordeeld_door, reden="Automatisch uitgesloten")
            _verklaring_bijwerken(lijst, {}, uitgesloten=1)
            return {}
        dossier = Dossier(item.client_id)
        aantallen: dict[str, int] = {}
        bestanden: list[tuple[object, str]] = []
        historisch = 0
        bundels = []
        for soort in registry.alle():
            model = soort.model_class
            pks = list(dossier.huidige(soort).values_list("pk", flat=True))
            bundels += _bundels(soort, dossier)
            for veld in soort.bestanden:
                storage = model._meta.get_field(veld).storage
                bestanden += [(storage, naam) for naam in dossier.bestanden(soort)]
            historie = dossier.historie(soort)
            if historie is not None:
                historisch += historie.count()
                _sql_verwijderen(historie.model, list(historie.values_list("pk", flat=True)))
            if pks:
                aantallen[soort.naam] = len(pks)
            _sql_verwijderen(model, pks)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            # Back to Django's default (every foreign key deferred) for what follows.
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        # Every row is gone and no foreign key objects: now the files (a crash from here
        # to the commit leaves rows whose files are gone, and the rerun removes the rows).
        verwijderd = 0
        for storage, naam in sorted(set(bestanden), key=lambda b: b[1]):
            if storage.exists(naam):
                storage.delete(naam)
                verwijderd += 1
        for rij, veld in bundels:
            bestand = getattr(rij, veld)
            if bestand.name and bestand.storage.exists(bestand.name):
                bestand.storage.delete(bestand.name)
                verwijderd += 1
            setattr(rij, veld, "")
            opslaan(
                rij,
                actor=lijst.beoordeeld_door,
                reden="Bestand vernietigd (bewaartermijn)",
                valideren=False,
                update_fields=[veld],
            )
        aantallen["historische regels"] = historisch
        aantallen["bestanden"] = verwijderd
        item.vernietigd_op = timezone.now()
        opslaan(item, actor=lijst.beoordeeld_door, reden="Vernietigd", valideren=False)
        _verklaring_bijwerken(lijst, aantallen, clienten=1)
        return aantallen


def _bundels(soort, dossier) -> list[tuple[object, str]]:
    """Shared rows (a mailing run) whose file bundles this client's documents."""
    gevonden = []
    for pad in soort.bundels:
        fk, veld = pad.split("__")
        ouder = soort.model_class._meta.get_field(fk).related_model
        ids = dossier.huidige(soort).exclude(**{f"{fk}__isnull": True}).values(fk)
        for rij in (
            ouder._default_manager.select_for_update().filter(pk__in=ids).exclude(**{veld: ""})
        ):
            gevonden.append((rij, veld))
    return gevonden


def _verklaring_bijwerken(lijst, aantallen, *, clienten: int = 0, uitgesloten: int = 0) -> None:
    verklaring = Vernietigingsverklaring.objects.select_for_update().get(lijst=lijst)
    for soort, aantal in aantallen.items():
        verklaring.aantallen[soort] = verklaring.aantallen.get(soort, 0) + aantal
    verklaring.aantal_clienten += clienten
    verklaring.aantal_uitgesloten += uitgesloten
    opslaan(verklaring, actor=lijst.beoordeeld_door, reden="Aantallen bijgewerkt", valideren=False)


def te_vernietigen(lijst: Vernietigingslijst):
    return lijst.items.filter(uitgesloten=False, vernietigd_op__isnull=True)


def lijst_afronden(*, lijst_pk: int) -> bool:
    """Mark the list destroyed once no client is left; True when done."""
    with transaction.atomic():
        lijst = _lijst_vergrendeld(lijst_pk)
        if lijst.status == S.VERNIETIGD:
            return True
        if lijst.status != S.GOEDGEKEURD or te_vernietigen(lijst).exists():
            return False
        VERNIETIGINGSLIJST.naar(lijst, S.VERNIETIGD)
        opslaan(lijst, actor=lijst.beoordeeld_door, reden="Vernietiging voltooid")
        verklaring = Vernietigingsverklaring.objects.select_for_update().get(lijst=lijst)
        verklaring.vernietigd_op = timezone.now()
        opslaan(verklaring, actor=lijst.beoordeeld_door, reden="Vernietiging voltooid")
        log.info("Vernietigingslijst %s vernietigd: %s", lijst.uuid, verklaring.aantallen)
        return True
