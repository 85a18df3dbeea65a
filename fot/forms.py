"""Forms of the consultation tables, with Dutch messages that name the field."""

from __future__ import annotations

from django import forms
from django.db.models import Q

from sdd_portal.accounts.models import Organisatie, Rol, User

from .models import Actiepunt, ActieStatus, Tafel, Tafellid, Vergadering

DATUM = {"type": "date"}
TIJD = {"type": "time"}


class VergaderingForm(forms.Form):
    tafel = forms.ModelChoiceField(
        label="Tafel",
        queryset=Tafel.objects.filter(actief=True),
        error_messages={
            "required": "Kies de tafel.",
            "invalid_choice": "Kies een tafel uit de lijst.",
        },
    )
    datum = forms.DateField(
        label="Datum",
        widget=forms.DateInput(attrs=DATUM, format="%Y-%m-%d"),
        error_messages={"required": "Vul de datum in.", "invalid": "Vul een geldige datum in."},
    )
    begintijd = forms.TimeField(
        label="Begintijd",
        required=False,
        widget=forms.TimeInput(attrs=TIJD, format="%H:%M"),
        error_messages={"invalid": "Vul een tijd in als 14:00."},
    )
    eindtijd = forms.TimeField(
        label="Eindtijd",
        required=False,
        widget=forms.TimeInput(attrs=TIJD, format="%H:%M"),
        error_messages={"invalid": "Vul een tijd in als 16:00."},
    )
    locatie = forms.CharField(label="Locatie", max_length=200, required=False)
    online = forms.BooleanField(label="Online (Teams)", required=False)
    voorzitter = forms.CharField(label="Voorzitter", max_length=200, required=False)
    notulist = forms.CharField(label="Notulist", max_length=200, required=False)

    def clean(self):
        data = super().clean()
        begin, eind = data.get("begintijd"), data.get("eindtijd")
        if begin and eind and eind <= begin:
            self.add_error("eindtijd", "De eindtijd ligt na de begintijd.")
        if not data.get("locatie") and not data.get("online"):
            self.add_error("locatie", "Vul de locatie in, of kies online.")
        return data


class AgendapuntForm(forms.Form):
    titel = forms.CharField(
        label="Titel",
        max_length=300,
        error_messages={
            "required": "Geef het agendapunt een titel.",
            "max_length": "De titel mag hooguit %(limit_value)d tekens zijn.",
        },
    )


class NotulenForm(forms.Form):
    titel = forms.CharField(
        label="Titel", max_length=300, error_messages={"required": "Geef het agendapunt een titel."}
    )
    notulen = forms.CharField(
        label="Verslag",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Wordt bewaard als concept tot het verslag is vastgesteld.",
    )


class ActiepuntForm(forms.Form):
    tekst = forms.CharField(
        label="Afspraak of actie",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Beschrijf de afspraak of actie."},
    )
    eigenaar_organisatie = forms.ModelChoiceField(
        label="Eigenaar (organisatie)",
        required=False,
        queryset=Organisatie.objects.all(),
        error_messages={"invalid_choice": "Kies een organisatie uit de lijst."},
    )
    eigenaar_persoon = forms.ModelChoiceField(
        label="Eigenaar (persoon)",
        required=False,
        queryset=User.objects.filter(is_active=True, organisatie__isnull=False)
        .select_related("organisatie")
        .order_by("organisatie__naam", "last_name"),
        error_messages={"invalid_choice": "Kies een persoon uit de lijst."},
    )
    eigenaar_alle_aanbieders = forms.BooleanField(label="Alle aanbieders", required=False)
    termijn = forms.DateField(
        label="Uiterlijk",
        required=False,
        widget=forms.DateInput(attrs=DATUM, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in."},
    )
    volgende_vergadering = forms.BooleanField(
        label="Uiterlijk de volgende vergadering", required=False
    )
    agendapunt = forms.ChoiceField(label="Bij agendapunt", required=False)

    def __init__(self, *args, vergadering, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agendapunt"].choices = [("", "(geen)")] + [
            (str(p.pk), f"{p.nummer}. {p.titel[:80]}") for p in vergadering.agenda.all()
        ]
        # People who can own an item of this table: staff of its member organisations,
        # SDD staff other than plain consulenten, and whoever already owns one of its
        # items. Not every active user: at national scale that select held thousands of
        # consulenten (the meeting page took 550 ms and 10 MB).
        leden = Tafellid.objects.filter(tafel_id=vergadering.tafel_id).values("organisatie_id")
        eigenaren = Actiepunt.objects.filter(tafel_id=vergadering.tafel_id).values(
            "eigenaar_persoon_id"
        )
        self.fields["eigenaar_persoon"].queryset = self.fields["eigenaar_persoon"].queryset.filter(
            Q(organisatie__in=leden)
            | (Q(organisatie__soort=Organisatie.Soort.SDD) & ~Q(rollen=[Rol.CONSULENT]))
            | Q(pk__in=eigenaren)
        )
        self.fields["eigenaar_persoon"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.organisatie.naam})"
        )


class ActieUpdateForm(forms.Form):
    tekst = forms.CharField(
        label="Stand van zaken",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf de stand van zaken op."},
    )
    status = forms.ChoiceField(
        label="Status",
        choices=ActieStatus.choices,
        initial=ActieStatus.OPEN,
        error_messages={"invalid_choice": "Kies open, afgerond of vervallen."},
    )


ALLE_AANBIEDERS = "alle"


class ActiepuntFilterForm(forms.Form):
    """Filters of the action list across meetings. Every choice comes from what the actor may
    see: a table or owner outside it is refused like an unknown one."""

    tafel = forms.ModelChoiceField(
        label="Tafel",
        required=False,
        queryset=Tafel.objects.none(),
        empty_label="alle tafels",
        error_messages={"invalid_choice": "Kies een tafel uit de lijst."},
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "alle statussen"), *ActieStatus.choices],
        error_messages={"invalid_choice": "Kies een status uit de lijst."},
    )
    eigenaar = forms.ChoiceField(
        label="Eigenaar",
        required=False,
        error_messages={"invalid_choice": "Kies een eigenaar uit de lijst."},
    )
    q = forms.CharField(
        label="Zoeken in de tekst",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={"max_length": "De zoektekst mag hooguit %(limit_value)d tekens zijn."},
    )
    verlopen = forms.BooleanField(
        label="Alleen verlopen",
        required=False,
        help_text="Open actiepunten waarvan de uiterste datum voorbij is.",
    )
    hide_optional = True

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        zichtbaar = Actiepunt.objects.visible_to(actor)
        self.fields["tafel"].queryset = (
            Tafel.objects.filter(vergaderingen__in=Vergadering.objects.visible_to(actor))
            .distinct()
            .order_by("naam")
        )
        organisaties = Organisatie.objects.filter(
            Q(pk__in=zichtbaar.values("eigenaar_organisatie_id"))
            | Q(pk__in=zichtbaar.values("eigenaar_persoon__organisatie_id"))
        )
        personen = (
            User.objects.filter(pk__in=zichtbaar.values("eigenaar_persoon_id"))
            .select_related("organisatie")
            .order_by("last_name", "first_name", "username")
        )
        self.fields["eigenaar"].choices = [
            ("", "alle eigenaren"),
            (ALLE_AANBIEDERS, "alle aanbieders"),
            ("Organisaties", [(f"o{o.pk}", o.naam) for o in organisaties.order_by("naam")]),
            (
                "Personen",
                [
                    (
                        f"p{u.pk}",
                        f"{u.get_full_name() or u.username}"
                        + (f" ({u.organisatie.naam})" if u.organisatie_id else ""),
                    )
                    for u in personen
                ],
            ),
        ]

    def clean_eigenaar(self) -> tuple[str, int | None] | None:
        """``("alle", None)``, ``("o", organisation pk)``, ``("p", person pk)`` or None."""
        waarde = self.cleaned_data["eigenaar"]
        if not waarde:
            return None
        if waarde == ALLE_AANBIEDERS:
            return (ALLE_AANBIEDERS, None)
        return (waarde[0], int(waarde[1:]))


class VaststellenForm(forms.Form):
    wijzigingen = forms.CharField(
        label="Wijzigingen bij vaststelling",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Leeg laten als het verslag zonder wijzigingen is vastgesteld.",
    )


class AnnotatieForm(forms.Form):
    tekst = forms.CharField(
        label="Aanvulling of correctie",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf de aanvulling of correctie op."},
    )


class GegevensForm(VergaderingForm):
    tafel = None  # a meeting stays at its table
    opname_toestemming = forms.NullBooleanField(
        label="Toestemming voor opname",
        required=False,
        widget=forms.Select(
            choices=[("unknown", "niet gevraagd"), ("true", "ja"), ("false", "nee")]
        ),
    )


class DeelnameForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    organisatie = forms.ModelChoiceField(
        label="Organisatie",
        queryset=Organisatie.objects.order_by("naam"),
        required=False,
        error_messages={"invalid_choice": "Kies een organisatie uit de lijst."},
    )
    naam = forms.CharField(label="Naam", max_length=200, required=False)
    rol = forms.CharField(label="Rol", max_length=100, required=False)
    aanwezig = forms.BooleanField(label="Aanwezig", required=False, initial=True)
    verwijderen = forms.BooleanField(label="Verwijderen", required=False)
    hide_optional = True

    def clean(self):
        data = super().clean()
        if (
            (data.get("naam") or data.get("rol"))
            and not data.get("organisatie")
            and not (data.get("verwijderen"))
        ):
            self.add_error("organisatie", "Kies voor wie deze deelnemer aanschuift.")
        return data


DeelnameFormSet = forms.formset_factory(DeelnameForm, extra=2)


class BijlageForm(forms.Form):
    omschrijving = forms.CharField(
        label="Omschrijving",
        max_length=200,
        error_messages={
            "required": "Beschrijf de bijlage (bijvoorbeeld: presentatie normenkader)."
        },
    )
    bestand = forms.FileField(
        label="Bijlage (PDF)", error_messages={"required": "Kies een PDF-bestand."}
    )
