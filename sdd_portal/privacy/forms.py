from django import forms
from django.core.exceptions import ValidationError

from sdd_portal.validators import validate_bsn


def bsn_normaliseren(waarde: str) -> str:
    """Spaces and dots as people write a BSN (123 456 782, 123.456.782) are dropped."""
    return (waarde or "").replace(" ", "").replace(".", "").strip()


class InzageForm(forms.Form):
    bsn = forms.CharField(
        label="BSN van de cliënt",
        max_length=20,
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

    def clean_bsn(self) -> str:
        bsn = bsn_normaliseren(self.cleaned_data["bsn"])
        try:
            validate_bsn(bsn)
        except ValidationError as fout:
            raise ValidationError(f"BSN van de cliënt: {fout.messages[0]}") from fout
        return bsn

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
