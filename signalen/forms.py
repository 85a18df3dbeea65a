from django import forms

from sdd_portal.accounts.models import User

from .services import MAX_NOTITIE


class SluitForm(forms.Form):
    notitie = forms.CharField(
        label="Wat heeft u gedaan?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_NOTITIE,
        help_text="Verplicht. Collega's zien deze notitie bij het gesloten signaal.",
        error_messages={
            "required": "Schrijf kort wat u gedaan heeft; dat ziet een collega later terug.",
            "max_length": f"De notitie is te lang: hooguit {MAX_NOTITIE} tekens.",
        },
    )


class VoorkeurenForm(forms.ModelForm):
    hide_optional = True  # a checkbox is never "required"

    class Meta:
        model = User
        fields = ["dagoverzicht_mail"]
