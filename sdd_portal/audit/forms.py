from django import forms

from sdd_portal.forms import BsnVeld

from .models import Actie, Uitkomst


class ToegangslogZoekForm(forms.Form):
    hide_optional = True  # every search field is optional

    gebruikersnaam = forms.CharField(label="Gebruikersnaam", required=False, max_length=150)
    bsn = BsnVeld(label="BSN van de cliënt", required=False)
    actie = forms.ChoiceField(
        label="Actie", required=False, choices=[("", "Alle acties"), *Actie.choices]
    )
    uitkomst = forms.ChoiceField(
        label="Uitkomst", required=False, choices=[("", "Alle uitkomsten"), *Uitkomst.choices]
    )
    van = forms.DateField(
        label="Vanaf datum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Vul bij 'Vanaf datum' een geldige datum in."},
    )
    tot = forms.DateField(
        label="Tot en met datum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Vul bij 'Tot en met datum' een geldige datum in."},
    )

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", "'Tot en met datum' ligt voor 'Vanaf datum'.")
        return data
