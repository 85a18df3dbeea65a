"""The filters of the messages list."""

from __future__ import annotations

from django import forms

from sdd_portal.accounts.models import Organisatie
from sdd_portal.forms import BsnVeld

from .models import Berichtcode, BerichtStatus, Richting


def _keuzes(leeg: str, choices) -> list[tuple[str, str]]:
    return [("", leeg), *choices]


class BerichtFilterForm(forms.Form):
    hide_optional = True  # every filter is optional

    bsn = BsnVeld(required=False)
    naam = forms.CharField(label="Naam cliënt", required=False, max_length=200)
    aanbieder = forms.ModelChoiceField(
        label="Aanbieder",
        queryset=Organisatie.objects.aanbieders().order_by("naam"),
        required=False,
        empty_label="Alle aanbieders",
        error_messages={"invalid_choice": "Kies een aanbieder uit de lijst."},
    )
    dagtekening = forms.DateField(
        label="Dagtekening",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige dagtekening in (dag-maand-jaar)."},
    )
    berichtcode = forms.ChoiceField(
        label="Soort bericht",
        required=False,
        choices=_keuzes("Alle soorten", Berichtcode.choices),
        error_messages={"invalid_choice": "Kies een soort bericht uit de lijst."},
    )
    richting = forms.ChoiceField(
        label="Richting",
        required=False,
        choices=_keuzes("In en uit", Richting.choices),
        error_messages={"invalid_choice": "Kies de richting uit de lijst: inkomend of uitgaand."},
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=_keuzes("Alle statussen", BerichtStatus.choices),
        error_messages={"invalid_choice": "Kies een status uit de lijst."},
    )

    def __init__(self, *args, aanbieder_kiezen: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not aanbieder_kiezen:
            # A provider sees only its own messages: choosing a provider means nothing.
            del self.fields["aanbieder"]

    def criteria(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if v not in ("", None)}
