"""Writes on signals: read, close, close when the work is done, signals from events, and
the daily digest mail."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from sdd_portal.accounts.models import User
from sdd_portal.api.gebeurtenissen import publiceren
from sdd_portal.historie import opslaan

from .models import Dagoverzicht, Ontvanger, Signaal, SignaalGelezen
from .states import signaal_naar

MAX_NOTITIE = 2000


def _opslaan(signaal: Signaal, *, actor, reden: str) -> None:
    opslaan(signaal, actor=actor, reden=reden, valideren=False)


def gelezen(*, actor, signalen) -> int:
    """Mark signals as read for ``actor`` (their own marker; colleagues keep theirs)."""
    zichtbaar = Signaal.objects.visible_to(actor).filter(pk__in=[s.pk for s in signalen])
    nieuw = [
        SignaalGelezen(signaal_id=pk, gebruiker=actor)
        for pk in zichtbaar.values_list("pk", flat=True)
    ]
    return len(SignaalGelezen.objects.bulk_create(nieuw, ignore_conflicts=True))


def alles_gelezen(*, actor) -> int:
    return gelezen(actor=actor, signalen=list(Signaal.objects.ongelezen_voor(actor).only("pk")))


@transaction.atomic
def signaal_sluiten(*, actor, signaal: Signaal, notitie: str) -> Signaal:
    """Close a signal with a note on what was done. Anyone whose inbox holds it may."""
    if not Signaal.objects.visible_to(actor).filter(pk=signaal.pk).exists():
        raise PermissionDenied("Dit signaal staat niet in uw postvak.")
    signaal = Signaal.objects.select_for_update().get(pk=signaal.pk)
    notitie = notitie.strip()
    if signaal.status == Signaal.Status.GESLOTEN:
        raise ValidationError(
            f"Dit signaal is al gesloten op {timezone.localtime(signaal.gesloten_op):%d-%m-%Y}."
        )
    if not notitie:
        raise ValidationError(
            {"notitie": "Schrijf kort wat u gedaan heeft; dat ziet een collega later terug."}
        )
    if len(notitie) > MAX_NOTITIE:
        raise ValidationError({"notitie": f"De notitie is te lang: hooguit {MAX_NOTITIE} tekens."})
    signaal_naar(signaal, Signaal.Status.GESLOTEN)
    signaal.gesloten_op = timezone.now()
    signaal.gesloten_door = actor
    signaal.sluitnotitie = notitie
    _opslaan(signaal, actor=actor, reden="Signaal gesloten")
    SignaalGelezen.objects.get_or_create(signaal=signaal, gebruiker=actor)
    return signaal


def afhandelen(*, onderwerp, soorten: list[str], notitie: str, actor=None) -> int:
    """The work a signal asked for was done elsewhere (a plan arrived, the start was
    reported, the decision was extended): close its open signals with that note."""
    open_ = Signaal.objects.select_for_update().filter(
        onderwerp_type=ContentType.objects.get_for_model(type(onderwerp)),
        onderwerp_id=onderwerp.pk,
        soort__in=soorten,
        status=Signaal.Status.OPEN,
    )
    aantal = 0
    for signaal in open_:
        signaal_naar(signaal, Signaal.Status.GESLOTEN)
        signaal.gesloten_op = timezone.now()
        signaal.gesloten_door = actor
        signaal.sluitnotitie = notitie
        _opslaan(signaal, actor=actor, reden="Afgehandeld")
        aantal += 1
    return aantal


def gebeurtenis(
    *,
    soort: str,
    onderwerp,
    ontvanger: str,
    organisatie_id: int,
    titel: str,
    link: str = "",
    tekst: str = "",
    client=None,
    gebruiker=None,
    rol: str = "",
    actor=None,
) -> Signaal | None:
    """A signal from something that happened now (a plan was submitted or assessed).
    Once per subject and day; a repeat on the same day is ignored."""
    signaal = Signaal(
        soort=soort,
        ontvanger=ontvanger,
        organisatie_id=organisatie_id,
        rol=rol,
        gebruiker=gebruiker,
        client=client,
        onderwerp_type=ContentType.objects.get_for_model(type(onderwerp)),
        onderwerp_id=onderwerp.pk,
        peildatum=timezone.localdate(),
        titel=titel[:200],
        tekst=tekst,
        link=link,
    )
    try:
        with transaction.atomic():
            _opslaan(signaal, actor=actor, reden=titel)
    except IntegrityError:
        return None
    publiceren("signaal.nieuw", instance=signaal)
    return signaal


def voor_consulent_van(client, sdd_id: int | None = None) -> dict:
    """Addressing of a task for the client's own consulent, or for all consulenten when the
    client has none (or that consulent left)."""
    from sdd_portal.accounts.models import Organisatie, Rol

    if sdd_id is None:
        sdd_id = Organisatie.objects.sdd().values_list("pk", flat=True).first()
    consulent = client.consulent if client.consulent_id else None
    if consulent is not None and consulent.is_active:
        return {"ontvanger": Ontvanger.CONSULENT, "organisatie_id": sdd_id, "gebruiker": consulent}
    return {"ontvanger": Ontvanger.CONSULENT, "organisatie_id": sdd_id, "rol": Rol.CONSULENT}


# ------------------------------------------------------------------------ daily digest


def dagoverzichten_versturen(datum: date | None = None) -> int:
    """One mail per user who wants it and has unread open signals: counts only, no client
    data, a link to the inbox. At most one per user and day (a database rule), so a retry
    after a crash sends what was not sent yet and nothing twice."""
    datum = datum or timezone.localdate()
    verzonden = 0
    gebruikers = (
        User.objects.filter(is_active=True, dagoverzicht_mail=True, organisatie__isnull=False)
        .exclude(email="")
        .select_related("organisatie")
    )
    for gebruiker in gebruikers.iterator(chunk_size=500):
        if Dagoverzicht.objects.filter(
            gebruiker=gebruiker, datum=datum, verzonden_op__isnull=False
        ).exists():
            continue
        per_soort = list(
            Signaal.objects.ongelezen_voor(gebruiker)
            .values("soort")
            .annotate(n=Count("pk"))
            .order_by("soort")
        )
        totaal = sum(r["n"] for r in per_soort)
        if not totaal:
            continue
        with transaction.atomic():
            overzicht, _ = Dagoverzicht.objects.select_for_update().get_or_create(
                gebruiker=gebruiker, datum=datum, defaults={"aantal": totaal}
            )
            if overzicht.verzonden_op is not None:
                continue
            labels = dict(Signaal._meta.get_field("soort").choices)
            regels = "\n".join(
                f"- {labels.get(r['soort'], r['soort'])}: {r['n']}" for r in per_soort
            )
            send_mail(
                subject=f"Wmo-portaal: {totaal} ongelezen signa{'al' if totaal == 1 else 'len'}",
                message=(
                    f"Goedemorgen,\n\nIn uw postvak in het Wmo-portaal staan {totaal} ongelezen "
                    f"signalen:\n{regels}\n\nBekijk ze op {settings.PORTAL_BASE_URL}"
                    f"{reverse('signalen:postvak')}\n\nU krijgt dit overzicht omdat u het "
                    "dagelijkse overzicht aan heeft staan; u zet het uit onder Postvak → "
                    "Instellingen.\n"
                ),
                from_email=None,
                recipient_list=[gebruiker.email],
            )
            overzicht.aantal = totaal
            overzicht.verzonden_op = timezone.now()
            overzicht.save(update_fields=["aantal", "verzonden_op"])
            verzonden += 1
    return verzonden
