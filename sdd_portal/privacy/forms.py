from django import forms
from django.core.exceptions import ValidationError

from sdd_portal.forms import BsnVeld


class InzageForm(forms.Form):
    bsn = BsnVeld(
        label="BSN van de cliënt",
        help_text="Spaties en punten mogen; het BSN moet precies kloppen.",
    )
    kenmerk = forms.CharField(
        label="Kenmerk van het inzageverzoek",
        max_length=100,
        help_text="Bijvoorbeeld het zaaknummer van het verzoek; komt in het toegangslog.",
    )
    formaat = forms.ChoiceField(
        label="Formaat",
        choices=[("pdf", "PDF (om te versturen)"), ("json", "JSON (machineleesbaar)")],
        initial="pdf",
        widget=forms.RadioSelect,
    )

    def clean_kenmerk(self) -> str:
        kenmerk = self.cleaned_data["kenmerk"].replace("\x00", "").strip()
        if not kenmerk:
            raise ValidationError("Vul het kenmerk van het inzageverzoek in.")
        return kenmerk


class RedenForm(forms.Form):
    reden = forms.CharField(label="Reden", max_length=300, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_reden(self) -> str:
        reden = self.cleaned_data["reden"].replace("\x00", "").strip()
        if not reden:
            raise ValidationError("Vul een reden in.")
        return reden
