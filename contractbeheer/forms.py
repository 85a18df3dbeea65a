"""Forms for client stops, capacity and signals; Dutch messages name the field."""

from __future__ import annotations

from django import forms

from bandbreedte.models import Product
from indicaties.models import Gemeente

from .models import Aanbiedersignaal, Capaciteit, Clientenstop
from .states import StopStatus

DATE = {"type": "date"}


def _datum(label, required=True):
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        error_messages={"invalid": f"Vul bij '{label}' een geldige datum in (dag-maand-jaar)."},
    )


def _gemeenten():
    return forms.ModelMultipleChoiceField(
        label="Gemeenten",
        queryset=Gemeente.objects.order_by("naam"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies minstens één gemeente.",
            "invalid_choice": "Kies gemeenten uit de lijst.",
        },
    )


def einddata_niet_voor(form, data, start, waarvan: str) -> None:
    """Put 'end before start' errors on the end field itself, in Dutch."""
    for veld, label in (
        ("einddatum", "verwachte einddatum"),
        ("heroverwegingsdatum", "heroverwegingsdatum"),
    ):
        if start and data.get(veld) and data[veld] < start:
            form.add_error(veld, f"De {label} ligt voor de ingangsdatum{waarvan}.")


class ProductKeuzeMixin:
    """Products in code order, with a Dutch prompt."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = Product.objects.order_by("code")
        self.fields["product"].empty_label = "Kies een product"


class ClientenstopForm(ProductKeuzeMixin, forms.ModelForm):
    gemeenten = _gemeenten()
    ingangsdatum = _datum("Ingangsdatum")
    einddatum = _datum("Verwachte einddatum", required=False)
    heroverwegingsdatum = _datum("Heroverwegingsdatum", required=False)

    class Meta:
        model = Clientenstop
        fields = [
            "product",
            "gemeenten",
            "ingangsdatum",
            "einddatum",
            "heroverwegingsdatum",
            "reden",
            "maatregelen",
        ]
        widgets = {
            "reden": forms.Textarea(attrs={"rows": 3}),
            "maatregelen": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        einddata_niet_voor(self, data, data.get("ingangsdatum"), "")
        if (
            not data.get("einddatum")
            and not data.get("heroverwegingsdatum")
            and not (self.has_error("einddatum") or self.has_error("heroverwegingsdatum"))
        ):
            self.add_error(
                "einddatum",
                "Een cliëntenstop is altijd tijdelijk: vul een verwachte einddatum of een "
                "heroverwegingsdatum in.",
            )
        return data

    def _post_clean(self):
        # The service sets the organisation and requester; validate those constraints there.
        pass


class StopBeoordelingForm(forms.Form):
    ingangsdatum = None  # the stop's start, set by the view for the date checks
    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[
            (StopStatus.AKKOORD, "Akkoord"),
            (StopStatus.AKKOORD_GEWIJZIGD, "Akkoord met wijzigingen"),
            (StopStatus.AFGEWEZEN, "Afwijzen"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Kies een besluit."},
    )
    notitie_cm = forms.CharField(
        label="Notitie voor de aanbieder",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht bij afwijzen of bij akkoord met wijzigingen.",
    )
    einddatum = _datum("Verwachte einddatum (bij wijziging)", required=False)
    heroverwegingsdatum = _datum("Heroverwegingsdatum (bij wijziging)", required=False)

    def clean(self):
        data = super().clean()
        besluit = data.get("besluit")
        if (
            besluit in (StopStatus.AFGEWEZEN, StopStatus.AKKOORD_GEWIJZIGD)
            and not (data.get("notitie_cm") or "").strip()
        ):
            self.add_error("notitie_cm", "Licht toe waarom u afwijst of wat u wijzigt.")
        if self.ingangsdatum:
            einddata_niet_voor(
                self, data, self.ingangsdatum, f" van de stop ({self.ingangsdatum:%d-%m-%Y})"
            )
        if besluit == StopStatus.AKKOORD_GEWIJZIGD and not (
            data.get("einddatum") or data.get("heroverwegingsdatum")
        ):
            self.add_error("einddatum", "Vul de gewijzigde einddatum of heroverwegingsdatum in.")
        return data

    def wijzigingen(self) -> dict:
        return {
            k: self.cleaned_data[k]
            for k in ("einddatum", "heroverwegingsdatum")
            if self.cleaned_data.get(k)
        }


class StopBeeindigenForm(forms.Form):
    einddatum = _datum("Laatste dag van de stop")


class CapaciteitForm(ProductKeuzeMixin, forms.ModelForm):
    gemeenten = _gemeenten()
    aantal = forms.IntegerField(
        label="Ruimte voor ongeveer (aantal nieuwe cliënten)",
        min_value=1,
        max_value=9999,
        error_messages={
            "min_value": "Vul bij 'aantal' minstens 1 in.",
            "max_value": "Vul bij 'aantal' hooguit 9999 in.",
            "invalid": "Vul bij 'aantal' een heel getal in.",
            "required": "Vul in voor hoeveel nieuwe cliënten u ongeveer ruimte heeft.",
        },
    )
    vanaf_datum = _datum("Vanaf")
    tot_datum = _datum("Tot en met", required=False)

    class Meta:
        model = Capaciteit
        fields = ["product", "gemeenten", "aantal", "vanaf_datum", "tot_datum", "toelichting"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "aantal": {
                "min_value": "Vul een aantal van minstens 1 in.",
                "max_value": "Vul een aantal van hooguit 9999 in.",
                "invalid": "Vul bij 'aantal' een heel getal in.",
            },
        }

    def clean(self):
        data = super().clean()
        if (
            data.get("vanaf_datum")
            and data.get("tot_datum")
            and (data["tot_datum"] < data["vanaf_datum"])
        ):
            self.add_error("tot_datum", "'Tot en met' ligt voor 'vanaf'.")
        return data

    def _post_clean(self):
        pass


class SignaalForm(forms.ModelForm):
    berekende_minuten = forms.IntegerField(
        label="Eigen berekening (minuten per week)",
        required=False,
        min_value=0,
        max_value=10080,
        error_messages={
            "min_value": "Vul bij de minuten per week 0 of meer in.",
            "max_value": "Een week heeft 10080 minuten; vul bij de minuten per week minder in.",
            "invalid": "Vul de minuten per week als heel getal in.",
        },
    )

    class Meta:
        model = Aanbiedersignaal
        fields = ["soort", "onderwerp", "toelichting", "berekende_minuten"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "berekende_minuten": {
                "max_value": "Een week heeft 10080 minuten; vul minder in.",
                "invalid": "Vul de minuten per week als heel getal in.",
            },
        }

    def _post_clean(self):
        pass


class SignaalAntwoordForm(forms.Form):
    antwoord = forms.CharField(
        label="Antwoord", max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
