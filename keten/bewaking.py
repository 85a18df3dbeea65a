"""The chain's watchdog, registered with the signal engine (``signalen.regels``) in
``KetenConfig.ready``.

- OP090: the receiver answers every message with its retour within three working days. A
  message we sent that still has no retour the day after its ``termijn`` raises a signal for
  the consulent of the client (or all consulenten): the portal only placed it in the export
  folder, so someone must ask the provider or the exchange software what happened
  (OP090x2: outside the message traffic).
- A start of care that does not come: the domain's rule ``start_niet_gemeld``
  (``indicaties/regels.py``, five working days after the start) already watches every
  assignment, because a 305, the portal and the API all report the same fact
  (``Zorgmelding``, ``Toewijzing.start_zorg``); a 305 that arrives closes its signal. This
  module adds no second signal for the same missing start.
"""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from sdd_portal.opmaak import datum
from signalen.models import SignaalSoort
from signalen.regels import Nieuw, Regel, registreer

from .models import Bericht, BerichtStatus, Richting


class RetourTeLaat(Regel):
    """OP090: an outgoing message without a retour after its term (three working days)."""

    code = "retour_te_laat"
    naam = "Verzonden iWmo-berichten zonder retour na drie werkdagen"
    soort = SignaalSoort.RETOUR_TE_LAAT
    volgorde = 60
    veld = "termijn"
    model = Bericht
    select_related = ("client__consulent", "aanbieder")

    def basis(self, ctx):
        return Bericht.objects.filter(
            richting=Richting.UIT,
            status__in=[BerichtStatus.KLAARGEZET, BerichtStatus.VERZONDEN],
            termijn__isnull=False,
            client__isnull=False,
            retour__isnull=True,
        )

    def voorsprong(self, ctx):
        # Due the day after the term: on the last day the retour is still on time.
        return timedelta(days=-1)

    def maak(self, obj, peildatum, ctx):
        aanbieder = obj.aanbieder.naam if obj.aanbieder else obj.ontvanger
        return Nieuw(
            signalen=[
                self.voor_consulent(
                    obj,
                    peildatum,
                    ctx,
                    client=obj.client,
                    titel=f"Geen retour op {obj.get_berichtcode_display()} {obj.identificatie} "
                    f"voor {obj.client.naam}",
                    tekst=f"Het bericht aan {aanbieder} van {datum(obj.dagtekening)} had "
                    f"uiterlijk {datum(obj.termijn)} beantwoord moeten zijn (OP090). Vraag de "
                    "aanbieder of het bericht is aangekomen; zet het zo nodig opnieuw klaar.",
                    link=reverse("indicaties:client-detail", args=[obj.client.uuid]),
                )
            ]
        )


def registreren() -> None:
    registreer(RetourTeLaat())
