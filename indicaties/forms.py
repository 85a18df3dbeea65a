"""Forms for the client register and the mailing runs, with Dutch messages that name the
field. The forms of the HO process are in ``indicaties.ho.forms``."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from bandbreedte.models import Eenheid, Frequentie
from sdd_portal.accounts.models import Organisatie
from sdd_portal.forms import BsnVeld
from sdd_portal.validators import normalize_postcode

from .models import Client, Gemeente
from .register import CLIENT_FIELDS


class ClientForm(forms.ModelForm):
    # Accept "123 456 782" or "123.456.782" as typed; stored as the nine digits.
    bsn = BsnVeld()
    # Accept "3311 ab" as typed; clean_postcode normalises it to the stored "3311AB".
    postcode = forms.CharField(
        label="Postcode",
        max_length=7,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"max_length": "Een postcode bestaat uit 4 cijfers en 2 letters."},
    )

    class Meta:
        model = Client
        fields = list(CLIENT_FIELDS)
        widgets = {
            "geboortedatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "huisnummer": forms.NumberInput(attrs={"min": 1}),
            "telefoon": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        }
        error_messages = {
            "voornamen": {
                "max_length": "Voornamen mogen hooguit %(limit_value)d tekens zijn "
                "(nu %(show_value)d)."
            },
            "achternaam": {
                "max_length": "Een achternaam mag hooguit %(limit_value)d tekens zijn "
                "(nu %(show_value)d)."
            },
            "gemeente": {
                "invalid_choice": "Kies een van de zeven Drechtsteden-gemeenten; "
                "deze gemeente kent het portaal niet."
            },
            "geboortedatum": {"invalid": "Vul een geldige geboortedatum in (dag-maand-jaar)."},
            "huisnummer": {"invalid": "Een huisnummer is een heel getal, bijvoorbeeld 12."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = Gemeente.objects.order_by("naam")
        self.fields["gemeente"].empty_label = "Kies een gemeente"

    def clean_postcode(self) -> str:
        return normalize_postcode(self.cleaned_data.get("postcode", ""))

    def clean_geboortedatum(self):
        datum = self.cleaned_data.get("geboortedatum")
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(
                "De geboortedatum ligt in de toekomst. Controleer de datum.", code="future"
            )
        if datum and datum.year < 1900:
            raise forms.ValidationError(
                "De geboortedatum ligt voor 1900. Controleer het jaartal.", code="too_old"
            )
        return datum


class ClientZoekForm(forms.Form):
    hide_optional = True  # every search field is optional

    bsn = BsnVeld(required=False)
    naam = forms.CharField(label="Naam", required=False, max_length=200)
    geboortedatum = forms.DateField(
        label="Geboortedatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige geboortedatum in (dag-maand-jaar)."},
    )
    postcode = forms.CharField(label="Postcode", required=False, max_length=7)

    def clean_postcode(self) -> str:
        return normalize_postcode(self.cleaned_data.get("postcode", ""))

    def clean(self):
        data = super().clean()
        if not self.errors and not any(
            data.get(f) for f in ("bsn", "naam", "geboortedatum", "postcode")
        ):
            raise forms.ValidationError(
                "Vul minstens één zoekveld in: BSN, naam, geboortedatum of postcode.",
                code="empty",
            )
        return data

    def criteria(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v}


class ToewijzingForm(forms.Form):
    """Assign a product to a provider; the provider list comes with stops and capacity."""

    aanbieder = forms.ModelChoiceField(
        label="Aanbieder",
        queryset=None,
        empty_label="Kies de aanbieder die de cliënt koos",
        error_messages={"invalid_choice": "Kies een aanbieder uit de lijst."},
    )
    ingangsdatum = forms.DateField(
        label="Ingangsdatum",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige ingangsdatum in (dag-maand-jaar)."},
    )
    einddatum = forms.DateField(
        label="Einddatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige einddatum in (dag-maand-jaar)."},
    )
    stop_afwijking_reden = forms.CharField(
        label="Afspraak met contractmanagement over de cliëntenstop",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen invullen als u toch kiest voor een aanbieder met een cliëntenstop.",
    )

    def __init__(self, *args, aanbieders=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = Organisatie.objects.filter(
            pk__in=[a.pk for a in aanbieders]
        ).order_by("naam")

    def clean(self):
        data = super().clean()
        start, end = data.get("ingangsdatum"), data.get("einddatum")
        if start and end and end < start:
            self.add_error("einddatum", "De einddatum ligt voor de ingangsdatum.")
        return data


# ------------------------------------------------------------------ dates

DATUM = {"type": "date"}


def datumveld(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs=DATUM, format="%Y-%m-%d"),
        error_messages={
            "invalid": f"Vul een geldige {label.lower()} in (dag-maand-jaar).",
            "required": f"Vul de {label.lower()} in.",
        },
        **kwargs,
    )


# ------------------------------------------------------------------ mailing runs


class DirecteToewijzingForm(ToewijzingForm):
    """A product without a band (IB, DB) assigned directly: with its size (volume, unit and
    frequency; the last two default to the product's)."""

    volume = forms.IntegerField(
        label="Omvang (volume)",
        required=False,
        min_value=1,
        max_value=99_999_999,
        help_text="Verplicht voor inspannings- en outputgerichte producten (iWmo).",
        error_messages={
            "invalid": "Vul de omvang in als een heel getal.",
            "min_value": "De omvang is minstens 1.",
            "max_value": "De omvang is hoogstens 99.999.999.",
        },
    )
    eenheid = forms.ChoiceField(
        label="Eenheid",
        required=False,
        choices=[("", "Zoals bij het product"), *Eenheid.choices],
    )
    frequentie = forms.ChoiceField(
        label="Frequentie",
        required=False,
        choices=[("", "Zoals bij het product"), *Frequentie.choices],
    )
    field_order = [
        "aanbieder",
        "ingangsdatum",
        "einddatum",
        "volume",
        "eenheid",
        "frequentie",
        "stop_afwijking_reden",
    ]


class VerzendrunForm(forms.Form):
    datum = datumveld(
        "Brieven met verzenddatum tot en met",
        help_text="Alle brieven met deze of een eerdere verzenddatum die nog in geen run zitten.",
    )


class VerzondenForm(forms.Form):
    verzonden_op = datumveld(
        "Werkelijk verzonden op",
        help_text="De dag waarop de post de deur uit ging. De bezwaartermijn hangt ervan af.",
    )
