"""Forms of the HO process, with Dutch messages that name the field."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from bandbreedte.models import Bandbreedte, Product
from sdd_portal.accounts.models import User

from ..forms import ToewijzingForm, datumveld
from ..models import RedenBeeindiging, RedenWijziging
from .services.beschikkingen import REDENEN_INTREKKING

JA_NEE = [("ja", "Ja"), ("nee", "Nee")]


class JaNeeField(forms.TypedChoiceField):
    def __init__(self, *, label: str, **kwargs):
        super().__init__(
            label=label,
            choices=JA_NEE,
            coerce=lambda v: v == "ja",
            widget=forms.RadioSelect,
            error_messages={"required": f"Kies ja of nee bij '{label}'."},
            **kwargs,
        )


class MeldingForm(forms.Form):
    product = forms.ModelChoiceField(
        label="Product",
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": "Kies een product uit de lijst."},
    )
    meldingsdatum = datumveld("Meldingsdatum")
    bron = forms.ChoiceField(
        label="Soort melding",
        choices=[
            ("client", "Melding van de cliënt of zijn vertegenwoordiger"),
            ("herindicatie", "Herindicatie (de situatie is veranderd)"),
        ],
        widget=forms.RadioSelect,
        initial="client",
    )
    omschrijving = forms.CharField(
        label="Hulpvraag", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = (
            Product.objects.geldig_op(timezone.localdate())
            .filter(bandbreedtes__isnull=False)
            .distinct()
            .order_by("code")
        )

    def clean_meldingsdatum(self):
        datum = self.cleaned_data["meldingsdatum"]
        if datum > timezone.localdate():
            raise forms.ValidationError("De meldingsdatum ligt in de toekomst.")
        return datum


class OnderzoekForm(forms.Form):
    """The onderzoek with an optional normenkader calculation: one field per result area."""

    gespreksdatum = datumveld("Datum gesprek", required=False)
    verslagdatum = datumveld("Datum onderzoeksverslag", required=False)
    bevindingen = forms.CharField(
        label="Bevindingen",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    bandbreedte = forms.ModelChoiceField(
        label="Bandbreedte",
        queryset=None,
        required=False,
        empty_label="Voorstel uit de normtijden overnemen",
        error_messages={"invalid_choice": "Kies een bandbreedte uit de lijst."},
    )
    was_strijk = forms.BooleanField(label="Was en strijk zijn nodig", required=False)

    def __init__(self, *args, melding, gebieden=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.gebieden = list(gebieden)
        self.fields["bandbreedte"].queryset = Bandbreedte.objects.geldig_op(
            timezone.localdate()
        ).filter(product=melding.product)
        for gebied in self.gebieden:
            self.fields[f"normtijd_{gebied.pk}"] = forms.DecimalField(
                label=f"{gebied.naam} (minuten per week)",
                required=False,
                min_value=0,
                max_value=10080,
                decimal_places=2,
                error_messages={
                    "invalid": f"Vul bij '{gebied.naam}' een aantal minuten in, bijvoorbeeld 45 "
                    "of 12,5.",
                    "min_value": f"Het aantal minuten bij '{gebied.naam}' kan niet negatief zijn.",
                    "max_value": f"Bij '{gebied.naam}' kan niet meer dan een week aan minuten.",
                    "max_decimal_places": "Gebruik hooguit twee cijfers achter de komma.",
                },
                localize=True,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            )

    def normtijden(self) -> dict:
        return {
            g: self.cleaned_data.get(f"normtijd_{g.pk}")
            for g in self.gebieden
            if self.cleaned_data.get(f"normtijd_{g.pk}") is not None
        }


class KortdurendForm(ToewijzingForm):
    """Short decision plus assignment: the end date follows from the product's duration."""

    verzenddatum = datumveld("Verzenddatum")
    field_order = ["aanbieder", "ingangsdatum", "verzenddatum", "stop_afwijking_reden"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["einddatum"]


class HerindicatieForm(ToewijzingForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["einddatum"].required = True
        self.fields["einddatum"].error_messages["required"] = "Vul de einddatum in."


class PlanForm(forms.Form):
    minuten_per_week = forms.IntegerField(
        label="Minuten per week",
        min_value=1,
        max_value=10080,
        error_messages={
            "required": "Vul het aantal minuten per week in.",
            "invalid": "Vul een heel aantal minuten per week in, bijvoorbeeld 150.",
            "min_value": "Het aantal minuten per week is minstens 1.",
            "max_value": "Een week heeft 10080 minuten; vul een kleiner aantal in.",
        },
    )
    was_strijk = JaNeeField(label="Inclusief was en strijk")
    ingangsdatum = datumveld("Ingangsdatum")
    einddatum = datumveld("Einddatum")
    verzenddatum = datumveld("Verzenddatum")
    ondertekenaar = forms.ModelChoiceField(
        label="Ondertekend door (ondermandaat)",
        queryset=None,
        empty_label="Kies de medewerker die het plan ondertekende",
        error_messages={
            "required": "Kies wie het plan ondertekende.",
            "invalid_choice": "Kies een medewerker uit de lijst.",
        },
    )
    afspraken = forms.CharField(
        label="Afspraken",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Bijvoorbeeld: de cliënt is aanwezig tijdens de ondersteuning.",
    )
    bestand = forms.FileField(
        label="Ondersteuningsplan (PDF)",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        error_messages={
            "required": "Kies het ondertekende ondersteuningsplan (PDF).",
            "empty": "Het gekozen bestand is leeg.",
        },
        help_text="Na een foutmelding kiest u het bestand opnieuw; de andere velden blijven "
        "ingevuld.",
    )

    def __init__(self, *args, aanbieder, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ondertekenaar"].queryset = User.objects.filter(
            organisatie=aanbieder, is_active=True
        ).order_by("last_name", "first_name")
        self.fields["ondertekenaar"].label_from_instance = lambda u: u.get_full_name() or u.username


class PlanBeoordelingForm(forms.Form):
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[
            ("accepteren", "Accepteren: het plan wordt de definitieve beschikking"),
            ("afwijzen", "Afwijzen: de aanbieder moet een nieuwe versie indienen"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies accepteren of afwijzen."},
    )
    reden = forms.CharField(
        label="Wat moet de aanbieder aanpassen?",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Verplicht bij afwijzen.",
    )

    def clean(self):
        data = super().clean()
        if data.get("besluit") == "afwijzen" and not (data.get("reden") or "").strip():
            self.add_error("reden", "Schrijf op wat de aanbieder moet aanpassen.")
        return data


class VerlengForm(forms.Form):
    nieuwe_einddatum = datumveld("Nieuwe einddatum")
    toelichting = forms.CharField(
        label="Toelichting: er is niets veranderd",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Leg vast dat er niets veranderd is."},
    )


class StartForm(forms.Form):
    datum = datumveld("Startdatum zorg")


class StopForm(forms.Form):
    """The end of care (iWmo 307): for good, or for a while (reason 20)."""

    einddatum = datumveld("Laatste dag van de levering")
    reden_beeindiging = forms.ChoiceField(
        label="Reden beëindiging",
        choices=[("", "Kies een reden"), *RedenBeeindiging.choices],
        error_messages={
            "required": "Kies bij 'Reden beëindiging' waarom de levering stopt.",
            "invalid_choice": "Kies bij 'Reden beëindiging' een reden uit de lijst.",
        },
        help_text="Bij 'Levering is tijdelijk beëindigd' hervat u de zorg later met een nieuwe "
        "start.",
    )


class IntrekForm(forms.Form):
    per = datumveld("Intrekken per")
    reden = forms.CharField(
        label="Motivering (staat in de brief aan de cliënt)",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf de motivering op."},
    )
    reden_wijziging = forms.ChoiceField(
        label="Reden voor de aanbieder (iWmo)",
        choices=[(r.value, r.label) for r in REDENEN_INTREKKING],
        initial=RedenWijziging.VERKORTING,
        help_text="Gaat mee in het toewijzingsbericht. Intrekken per de ingangsdatum of eerder "
        "verwijdert de toewijzing (reden 13 Verwijderd).",
        error_messages={"invalid_choice": "Kies een reden voor de aanbieder uit de lijst."},
    )
    verzenddatum = datumveld("Verzenddatum")


class AfwijsForm(forms.Form):
    motivering = forms.CharField(
        label="Motivering (staat in het besluit aan de cliënt)",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Schrijf op waarom de aanvraag wordt afgewezen."},
    )
    verzenddatum = datumveld("Verzenddatum")
