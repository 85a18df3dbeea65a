from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join

from sdd_portal.admin import PortalHistoryAdmin

from .brieven.services import controleer_tekst_onderwerp, nieuwe_versie
from .brieven.sjablonen import ELEMENTEN, VERPLICHT, controleer_tekst
from .models import Briefsjabloon, Gemeente, Procesinstellingen


@admin.register(Gemeente)
class GemeenteAdmin(PortalHistoryAdmin):
    list_display = ("naam", "code")
    search_fields = ("naam", "code")


@admin.register(Procesinstellingen)
class ProcesinstellingenAdmin(PortalHistoryAdmin):
    """One row of terms; the defaults are illustrative demo values."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Procesinstellingen.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class BriefsjabloonForm(forms.ModelForm):
    class Meta:
        model = Briefsjabloon
        fields = ("soort", "onderwerp", "tekst", "toelichting")
        widgets = {"tekst": forms.Textarea(attrs={"rows": 24, "cols": 100})}

    def clean(self):
        data = super().clean()
        # On a change the kind is read-only (not in the data): check against the stored one.
        soort = data.get("soort") or (self.instance.soort if self.instance.pk else None)
        tekst = data.get("tekst")
        if soort and tekst:
            try:
                controleer_tekst(soort, tekst)
            except ValidationError as exc:
                self.add_error("tekst", exc.message_dict["tekst"])
        if data.get("onderwerp"):
            try:
                controleer_tekst_onderwerp(data["onderwerp"])
            except ValidationError as exc:
                self.add_error("onderwerp", exc.message_dict["onderwerp"])
        return data


@admin.register(Briefsjabloon)
class BriefsjabloonAdmin(PortalHistoryAdmin):
    """Letter texts. Saving never changes a version: it stores the next version, so every
    letter keeps pointing at the exact text that produced it."""

    form = BriefsjabloonForm
    list_display = ("soort", "versie", "onderwerp", "gemaakt_op", "gemaakt_door")
    list_filter = ("soort",)
    readonly_fields = ("versie", "gemaakt_op", "gemaakt_door", "verplichte_elementen")

    @admin.display(description="Verplichte en beschikbare elementen")
    def verplichte_elementen(self, obj):
        soort = obj.soort if obj else None
        verplicht = set(VERPLICHT.get(soort, ()))
        regels = [
            format_html(
                "<li><code>{{{{ {} }}}}</code>{}: {}</li>",
                naam,
                " (verplicht)" if naam in verplicht else "",
                uitleg,
            )
            for naam, uitleg in ELEMENTEN.items()
        ]
        return format_html("<ul>{}</ul>", format_html_join("", "{}", ((r,) for r in regels)))

    def get_fields(self, request, obj=None):
        return ("soort", "onderwerp", "tekst", "toelichting", *self.readonly_fields)

    def get_readonly_fields(self, request, obj=None):
        return (*self.readonly_fields, "soort") if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        nieuw = nieuwe_versie(
            actor=request.user,
            soort=obj.soort,
            onderwerp=obj.onderwerp,
            tekst=obj.tekst,
            toelichting=obj.toelichting,
        )
        obj.pk, obj.versie = nieuw.pk, nieuw.versie
        obj._state.adding = False
        messages.info(
            request,
            f"Opgeslagen als versie {nieuw.versie}; nieuwe brieven gebruiken deze tekst. "
            "Eerdere brieven houden hun eigen versie.",
        )

    def has_delete_permission(self, request, obj=None):
        return False
