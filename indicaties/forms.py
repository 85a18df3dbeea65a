"""Forms for the client register, with Dutch messages that name the field."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from sdd_portal.validators import normalize_postcode, validate_bsn

from .models import Client, Gemeente
from .services import CLIENT_FIELDS


class ClientForm(forms.ModelForm):
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
            "bsn": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
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

    def clean_bsn(self) -> str:
        bsn = (self.cleaned_data.get("bsn") or "").replace(" ", "").replace(".", "")
        validate_bsn(bsn)
        return bsn

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

    bsn = forms.CharField(label="BSN", required=False, max_length=11)
    naam = forms.CharField(label="Naam", required=False, max_length=200)
    geboortedatum = forms.DateField(
        label="Geboortedatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige geboortedatum in (dag-maand-jaar)."},
    )
    postcode = forms.CharField(label="Postcode", required=False, max_length=7)

    def clean_bsn(self) -> str:
        bsn = (self.cleaned_data.get("bsn") or "").replace(" ", "").replace(".", "")
        if bsn and not (len(bsn) == 9 and bsn.isdigit()):
            raise forms.ValidationError("Een BSN bestaat uit precies 9 cijfers.", code="bsn_format")
        return bsn

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
        from sdd_portal.accounts.models import Organisatie

        self.fields["aanbieder"].queryset = Organisatie.objects.filter(
            pk__in=[a.pk for a in aanbieders]
        ).order_by("naam")

    def clean(self):
        data = super().clean()
        start, end = data.get("ingangsdatum"), data.get("einddatum")
        if start and end and end < start:
            self.add_error("einddatum", "De einddatum ligt voor de ingangsdatum.")
        return data


# ------------------------------------------------------------------ HO process

DATUM = {"type": "date"}


def _datumveld(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs=DATUM, format="%Y-%m-%d"),
        error_messages={
            "invalid": f"Vul een geldige {label.lower()} in (dag-maand-jaar).",
            "required": f"Vul de {label.lower()} in.",
        },
        **kwargs,
    )


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
    meldingsdatum = _datumveld("Meldingsdatum")
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
        from bandbreedte.models import Product

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

    gespreksdatum = _datumveld("Datum gesprek", required=False)
    verslagdatum = _datumveld("Datum onderzoeksverslag", required=False)
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
        from bandbreedte.models import Bandbreedte

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

    verzenddatum = _datumveld("Verzenddatum")
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
    ingangsdatum = _datumveld("Ingangsdatum")
    einddatum = _datumveld("Einddatum")
    verzenddatum = _datumveld("Verzenddatum")
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
        from sdd_portal.accounts.models import User

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
    nieuwe_einddatum = _datumveld("Nieuwe einddatum")
    toelichting = forms.CharField(
        label="Toelichting: er is niets veranderd",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Leg vast dat er niets veranderd is."},
    )


class StartForm(forms.Form):
    datum = _datumveld("Startdatum zorg")


class IntrekForm(forms.Form):
    per = _datumveld("Intrekken per")
    reden = forms.CharField(
        label="Motivering (staat in de brief aan de cliënt)",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf de motivering op."},
    )
    verzenddatum = _datumveld("Verzenddatum")


class AfwijsForm(forms.Form):
    motivering = forms.CharField(
        label="Motivering (staat in het besluit aan de cliënt)",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Schrijf op waarom de aanvraag wordt afgewezen."},
    )
    verzenddatum = _datumveld("Verzenddatum")


class VerzendrunForm(forms.Form):
    datum = _datumveld(
        "Brieven met verzenddatum tot en met",
        help_text="Alle brieven met deze of een eerdere verzenddatum die nog in geen run zitten.",
    )


class VerzondenForm(forms.Form):
    verzonden_op = _datumveld(
        "Werkelijk verzonden op",
        help_text="De dag waarop de post de deur uit ging. De bezwaartermijn hangt ervan af.",
    )
