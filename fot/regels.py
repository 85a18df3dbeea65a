"""Daily rule: an action item past its due date raises a signal for its owner."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from signalen.models import SignaalSoort
from signalen.regels import Nieuw, Regel

from .models import Actiepunt, ActieStatus


class ActiepuntVerlopen(Regel):
    code = "actiepunt_verlopen"
    naam = "Actiepunten van overlegtafels over de termijn"
    soort = SignaalSoort.ACTIEPUNT_VERLOPEN
    volgorde = 70
    model = Actiepunt
    veld = "termijn"
    select_related = (
        "tafel",
        "vergadering",
        "eigenaar_organisatie",
        "eigenaar_persoon__organisatie",
    )

    def basis(self, ctx):
        return Actiepunt.objects.filter(status=ActieStatus.OPEN, termijn__isnull=False)

    def voorsprong(self, ctx):
        # Due the day after the term: an item is overdue once its last day has passed.
        return -timedelta(days=1)

    @staticmethod
    def _ziet(aanbieder_id: int, obj, ctx) -> bool:
        """Whether the provider may see the item (``Actiepunt.zichtbaarheid``): an item of a
        planned meeting or of minutes still in draft signals contract management only; the
        provider's signal follows once the minutes are shared (sharing moves the items'
        modified_at, so the next run sees them)."""
        zichtbaar = ctx.eenmaal(
            ("fot_actiepunten_zichtbaar", aanbieder_id),
            lambda: set(
                Actiepunt.objects.filter(
                    Actiepunt.zichtbaarheid.filter_voor_aanbieder(aanbieder_id)
                ).values_list("pk", flat=True)
            ),
        )
        return obj.pk in zichtbaar

    def maak(self, obj, peildatum, ctx):
        velden = {
            "titel": f"Actiepunt {obj.nummer} van {obj.tafel} is over de termijn "
            f"({obj.termijn:%d-%m-%Y})",
            "tekst": obj.tekst[:1000],
            "link": reverse("fot:vergadering", args=[obj.vergadering.uuid]) + f"#actie-{obj.pk}",
        }
        eigenaar = obj.eigenaar_organisatie
        persoon = obj.eigenaar_persoon
        if eigenaar is None and persoon is not None and persoon.organisatie_id != ctx.sdd_id:
            eigenaar = persoon.organisatie  # a provider's employee: the provider's inbox
        if eigenaar is not None and not eigenaar.is_sdd and self._ziet(eigenaar.pk, obj, ctx):
            return Nieuw(
                signalen=[
                    self.voor_aanbieder(obj, peildatum, ctx, aanbieder_id=eigenaar.pk, **velden),
                    self.voor_contractbeheer(obj, peildatum, ctx, **velden),
                ]
            )
        if persoon is not None and persoon.is_active and persoon.organisatie_id == ctx.sdd_id:
            return Nieuw(
                signalen=[
                    self.signaal(
                        obj,
                        peildatum,
                        ctx,
                        ontvanger="contractbeheer",
                        organisatie_id=ctx.sdd_id,
                        gebruiker=persoon,
                        **velden,
                    )
                ]
            )
        return Nieuw(signalen=[self.voor_contractbeheer(obj, peildatum, ctx, **velden)])
