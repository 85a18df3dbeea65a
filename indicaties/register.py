"""The client register, shared by every process (the HO process now, individual guidance
later): writes on clients and their assignments. Keyword-only, one transaction each,
history with actor and reason."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from bandbreedte.models import Eenheid, Frequentie, Product, Uitvoeringsvariant
from contractbeheer.services import controleer_nieuwe_toewijzing
from sdd_portal import opmaak
from sdd_portal.api.gebeurtenissen import publiceren
from sdd_portal.historie import opslaan

from .models import Client, RedenWijziging, Toewijzing

CLIENT_FIELDS = (
    "bsn",
    "voornamen",
    "voorvoegsel",
    "achternaam",
    "geboortedatum",
    "straat",
    "huisnummer",
    "huisnummertoevoeging",
    "postcode",
    "woonplaats",
    "gemeente",
    "telefoon",
    "email",
)


@transaction.atomic
def client_registreren(*, actor, data: dict) -> Client:
    client = Client(**{field: data[field] for field in CLIENT_FIELDS if field in data})
    if client.consulent_id is None and actor.is_sdd and actor.has_rol("consulent"):
        client.consulent = actor  # the registering consulent has the regie until handed over
    opslaan(client, actor=actor, reden="Cliënt geregistreerd")
    return client


@transaction.atomic
def client_wijzigen(*, actor, client: Client, data: dict, reden: str = "") -> Client:
    client = Client.objects.select_for_update().get(pk=client.pk)
    for field in CLIENT_FIELDS:
        if field in data:
            setattr(client, field, data[field])
    opslaan(client, actor=actor, reden=reden or "Cliëntgegevens gewijzigd")
    return client


#: The units (WJ756) each execution variant (uitvoeringsvariant) assigns in.
EENHEDEN = {
    Uitvoeringsvariant.INSPANNINGSGERICHT: {
        Eenheid.MINUUT,
        Eenheid.UUR,
        Eenheid.ETMAAL,
        Eenheid.DAGDEEL,
        Eenheid.STUKS_INSPANNING,
    },
    Uitvoeringsvariant.OUTPUTGERICHT: {Eenheid.STUKS_OUTPUT, Eenheid.EURO},
}
#: CS338: these units are assigned per week, per month or in total, never per day.
NIET_PER_DAG = {Eenheid.ETMAAL, Eenheid.DAGDEEL, Eenheid.EURO, Eenheid.STUKS_INSPANNING}


def omvang_fouten(
    *,
    product: Product,
    volume: int | None,
    eenheid: str,
    frequentie: str,
    einddatum: date | None,
) -> dict[str, list[str]]:
    """What is wrong with an assignment's size for its product's execution variant, per field
    in Dutch. Inspanningsgericht and outputgericht products are assigned with a size in a
    message (OP086, CD041): volume, a unit of the variant and a fitting frequency (CS338);
    per week needs an end date (CD076). Taakgericht products are not sent (ADR 0017)."""
    fouten: dict[str, list[str]] = {"volume": [], "eenheid": [], "frequentie": [], "einddatum": []}
    variant = product.uitvoeringsvariant
    if variant == Uitvoeringsvariant.TAAKGERICHT:
        return fouten
    if volume is None or volume < 1:
        fouten["volume"].append(
            f"Vul de omvang in: product {product.code} ({variant}) wordt met een volume toegewezen."
        )
    toegestaan = EENHEDEN[Uitvoeringsvariant(variant)]
    if eenheid not in toegestaan:
        namen = ", ".join(Eenheid(e).label for e in sorted(toegestaan))
        fouten["eenheid"].append(
            f"Eenheid {eenheid or '(leeg)'} past niet bij een {variant} product; kies uit: {namen}."
        )
    if frequentie not in Frequentie.values:
        fouten["frequentie"].append("Kies een frequentie (per dag, week, maand of totaal).")
    elif eenheid in NIET_PER_DAG and frequentie == Frequentie.PER_DAG:
        fouten["frequentie"].append(
            f"De eenheid {Eenheid(eenheid).label} wordt per week, per maand of totaal "
            "toegewezen, niet per dag."
        )
    if frequentie == Frequentie.PER_WEEK and einddatum is None:
        fouten["einddatum"].append("Een toewijzing per week heeft een einddatum.")
    return fouten


def fouten_melden(fouten: dict[str, list[str]]) -> None:
    fouten = {veld: lijst for veld, lijst in fouten.items() if lijst}
    if fouten:
        raise ValidationError(fouten)


def overlap_controleren(toewijzing: Toewijzing) -> None:
    """TR302: two current assignments of one product for one client at one provider do not
    overlap in time. Deleted ones and orders to write a plan do not count (they are not in
    a 301). The caller holds the client's row lock (``client_vergrendelen``)."""
    if not toewijzing.gaat_naar_keten or toewijzing.is_verwijderd:
        return
    andere = (
        Toewijzing.objects.voor_keten()
        .actueel()
        .filter(
            client_id=toewijzing.client_id,
            aanbieder_id=toewijzing.aanbieder_id,
            product__productcategorie=toewijzing.product.productcategorie,
            product__productcode=toewijzing.product.productcode,
        )
        .exclude(pk=toewijzing.pk)
        .exclude(einddatum__lt=toewijzing.ingangsdatum)
    )
    if toewijzing.einddatum is not None:
        andere = andere.filter(ingangsdatum__lte=toewijzing.einddatum)
    botsing = andere.order_by("ingangsdatum").first()
    if botsing is not None:
        tot = f" tot en met {opmaak.datum(botsing.einddatum)}" if botsing.einddatum else ""
        raise ValidationError(
            {
                "ingangsdatum": f"Deze aanbieder heeft voor dit product al toewijzing "
                f"{botsing.pk} vanaf {opmaak.datum(botsing.ingangsdatum)}{tot}; twee "
                "toewijzingen van één product mogen elkaar niet overlappen (TR302). Beëindig "
                "of verwijder eerst de lopende toewijzing."
            }
        )


def client_vergrendelen(client_id: int) -> None:
    """One writer per client's assignments at a time, so the overlap check holds."""
    Client.objects.select_for_update().filter(pk=client_id).values_list("pk").first()


@transaction.atomic
def toewijzing_vastleggen(
    *,
    actor,
    client: Client,
    aanbieder,
    product,
    ingangsdatum,
    einddatum=None,
    stop_afwijking_reden: str = "",
    reden: str = "Toewijzing vastgelegd",
    beschikking=None,
    bandbreedte=None,
    volume: int | None = None,
    eenheid: str = "",
    frequentie: str = "",
) -> Toewijzing:
    """Assign a product to a provider with its size (volume, unit, frequency; the unit and
    frequency default to the product's). Refused when the size does not fit the product's
    execution variant, when it overlaps an assignment of the same product at this provider
    (TR302), for a provider without a running contract for the product, or with a client
    stop in force in the client's municipality unless the consulent records why it was
    agreed with contract management."""
    eenheid = eenheid or product.eenheid
    frequentie = frequentie or product.frequentie
    controleer_nieuwe_toewijzing(
        aanbieder=aanbieder,
        product=product,
        gemeente=client.gemeente,
        datum=ingangsdatum,
        stop_afwijking_reden=stop_afwijking_reden,
    )
    fouten_melden(
        omvang_fouten(
            product=product,
            volume=volume,
            eenheid=eenheid,
            frequentie=frequentie,
            einddatum=einddatum,
        )
    )
    return _nieuwe_toewijzing(
        actor=actor,
        reden=reden,
        client=client,
        aanbieder=aanbieder,
        product=product,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        stop_afwijking_reden=stop_afwijking_reden,
        beschikking=beschikking,
        bandbreedte=bandbreedte,
        volume=volume,
        eenheid=eenheid,
        frequentie=frequentie,
    )


def _nieuwe_toewijzing(*, actor, reden: str, **velden) -> Toewijzing:
    toewijzing = Toewijzing(**velden)
    client_vergrendelen(toewijzing.client_id)
    overlap_controleren(toewijzing)
    opslaan(toewijzing, actor=actor, reden=reden)
    publiceren("toewijzing.nieuw", instance=toewijzing)
    return toewijzing


def toewijzing_beeindigen(
    *, actor, toewijzing: Toewijzing, per: date, reden_wijziging: str, reden: str
) -> Toewijzing:
    """End a (locked) assignment so that ``per`` is its first day without care. From or
    before its start it is deleted: einddatum = ingangsdatum with RedenWijziging 13
    (OP033x1, CS335); otherwise it ends the day before with the given WMO002 reason.
    The next 301 tells the provider (after commit, by the chain)."""
    if per <= toewijzing.ingangsdatum:
        toewijzing.einddatum = toewijzing.ingangsdatum
        toewijzing.reden_wijziging = RedenWijziging.VERWIJDERD
    else:
        toewijzing.einddatum = per - timedelta(days=1)
        toewijzing.reden_wijziging = reden_wijziging
    opslaan(toewijzing, actor=actor, reden=reden)
    return toewijzing


def toewijzing_omvang_wijzigen(
    *, actor, toewijzing: Toewijzing, volume: int, per: date, reden: str
) -> Toewijzing:
    """A new volume from ``per`` (OP033x1). With frequency 6 (totaal binnen geldigheidsduur)
    the assignment changes in place; an assignment the provider has not received yet also
    changes in place. Otherwise the assignment ends the day before ``per`` (RedenWijziging
    05) and a new one with a new ToewijzingNummer carries the new volume. Returns the
    assignment that carries it. The caller holds the assignment's row lock."""
    fouten_melden(
        omvang_fouten(
            product=toewijzing.product,
            volume=volume,
            eenheid=toewijzing.eenheid,
            frequentie=toewijzing.frequentie,
            einddatum=toewijzing.einddatum,
        )
    )
    if toewijzing.volume == volume:
        return toewijzing
    if toewijzing.frequentie == Frequentie.TOTAAL or not toewijzing.gaat_naar_keten:
        toewijzing.volume = volume
        opslaan(toewijzing, actor=actor, reden=reden)
        return toewijzing
    if toewijzing.einddatum is not None and per > toewijzing.einddatum:
        raise ValidationError(
            {"ingangsdatum": "De nieuwe omvang begint na het einde van de toewijzing."}
        )
    per = max(per, toewijzing.ingangsdatum)
    oude_einddatum = toewijzing.einddatum
    toewijzing_beeindigen(
        actor=actor,
        toewijzing=toewijzing,
        per=per,
        reden_wijziging=RedenWijziging.VERKORTING,
        reden=f"{reden}: beëindigd, nieuwe toewijzing met de nieuwe omvang",
    )
    return _nieuwe_toewijzing(
        actor=actor,
        reden=reden,
        client=toewijzing.client,
        aanbieder=toewijzing.aanbieder,
        product=toewijzing.product,
        ingangsdatum=per,
        einddatum=oude_einddatum,
        beschikking=toewijzing.beschikking,
        bandbreedte=toewijzing.bandbreedte,
        volume=volume,
        eenheid=toewijzing.eenheid,
        frequentie=toewijzing.frequentie,
        heeft_plan=toewijzing.heeft_plan,
        gezien_op=toewijzing.gezien_op,
        start_zorg=toewijzing.start_zorg,
    )
