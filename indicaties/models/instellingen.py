"""Settings of the HO process that functioneel beheerders change."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from sdd_portal.models import Instellingen


class Procesinstellingen(Instellingen):
    """Terms of the HO process that functioneel beheerders set (one row, ``huidig()``).
    The defaults are illustrative demo values, not SDD policy."""

    verzenddatum_max_dagen_vooruit = models.PositiveSmallIntegerField(
        "verzenddatum hooguit zoveel dagen vooruit",
        default=14,
        validators=[MaxValueValidator(60)],
        help_text="Illustratieve demowaarde. De verzenddatum mag in de toekomst liggen, maar "
        "zo dicht mogelijk bij de echte verzending: de bezwaartermijn loopt ervan.",
    )
    kortdurend_signaal_dagen = models.PositiveSmallIntegerField(
        "signaal kortdurende beschikking (dagen voor einde)",
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text="Illustratieve demowaarde. Kortdurende beschikkingen die binnen zoveel "
        "dagen eindigen zonder geaccepteerd plan staan op de werklijst van de consulent.",
    )
    onderzoek_signaal_dagen = models.PositiveSmallIntegerField(
        "signaal onderzoekstermijn (dagen voor de 6 weken)",
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(42)],
        help_text="Illustratieve demowaarde.",
    )
    plan_termijn_dagen = models.PositiveSmallIntegerField(
        "ondersteuningsplan verwacht binnen (dagen na toewijzing)",
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
        help_text="Illustratieve demowaarde.",
    )
    was_aftrek_minuten = models.PositiveSmallIntegerField(
        "minder minuten bij centrale wasservice",
        default=30,
        validators=[MaxValueValidator(600)],
        help_text="Illustratieve demowaarde. Zoveel minuten per week vervallen als de cliënt "
        "overgaat naar de centrale wasservice (seed 000, punt 5).",
    )
    bezwaar_adres = models.CharField(
        "adres voor bezwaarschriften",
        max_length=200,
        default="Sociale Dienst Drechtsteden, Postbus 0000, 3300 AA Dordrecht (voorbeeldadres)",
        help_text="Illustratieve demowaarde. Staat in de bezwaarclausule van elk besluit: "
        "bezwaar gaat altijd naar de SDD, nooit naar de aanbieder.",
    )
    contact_telefoon = models.CharField(
        "telefoonnummer voor cliënten",
        max_length=40,
        default="078 000 00 00 (voorbeeldnummer)",
        help_text="Illustratieve demowaarde, voor brieven aan cliënten.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "procesinstellingen HO"
        verbose_name_plural = "procesinstellingen HO"
