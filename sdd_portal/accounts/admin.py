from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import PermissionDenied, ValidationError

from sdd_portal.admin import AlleenLezenMixin, PortalHistoryAdmin
from sdd_portal.validators import normalize_postcode

from . import services
from .forms import GebruikerAanmakenForm, GebruikerWijzigenForm
from .models import Organisatie, Rol, User, Wijzigingsverzoek


class OrganisatieAdminForm(forms.ModelForm):
    # Accept "3311 AB" as typed; stored as "3311AB".
    postcode = forms.CharField(label="Postcode", max_length=7)

    class Meta:
        model = Organisatie
        fields = [
            "soort",
            "naam",
            "kvk_nummer",
            "agb_code",
            "actief",
            "straat",
            "huisnummer",
            "huisnummertoevoeging",
            "postcode",
            "plaats",
            "telefoon",
            "email",
        ]

    def clean_postcode(self):
        return normalize_postcode(self.cleaned_data.get("postcode", ""))


@admin.register(Organisatie)
class OrganisatieAdmin(PortalHistoryAdmin):
    form = OrganisatieAdminForm
    list_display = ("naam", "soort", "kvk_nummer", "agb_code", "plaats", "actief")
    list_filter = ("soort", "actief")
    search_fields = ("naam", "kvk_nummer", "agb_code")
    readonly_fields = ("uuid", "created_at", "modified_at")
    fieldsets = (
        (None, {"fields": ("soort", "naam", "kvk_nummer", "agb_code", "actief")}),
        (
            "Hoofdadres",
            {"fields": ("straat", "huisnummer", "huisnummertoevoeging", "postcode", "plaats")},
        ),
        ("Contact", {"fields": ("telefoon", "email")}),
        ("Systeem", {"fields": ("uuid", "created_at", "modified_at")}),
    )

    def _beheert_sdd(self, request) -> bool:
        return request.user.is_superuser or request.user.has_rol(Rol.FUNCTIONEEL_BEHEERDER)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("soort")  # an organisation does not change kind
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_sdd and not self._beheert_sdd(request):
            return False  # contract management keeps providers, not SDD itself
        return super().has_change_permission(request, obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "soort" and not self._beheert_sdd(request):
            kwargs["choices"] = [(Organisatie.Soort.AANBIEDER, Organisatie.Soort.AANBIEDER.label)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


@admin.register(User)
class GebruikerAdmin(PortalHistoryAdmin, UserAdmin):
    form = GebruikerWijzigenForm
    add_form = GebruikerAanmakenForm
    list_display = ("username", "volledige_naam", "organisatie", "rollen_tekst", "is_active")
    list_filter = ("organisatie__soort", "is_active", "organisatie")
    list_select_related = ("organisatie",)
    search_fields = ("username", "first_name", "last_name", "email")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Persoon", {"fields": ("first_name", "last_name", "email")}),
        ("Organisatie en rollen", {"fields": ("organisatie", "rollen", "is_active")}),
        (
            "Technisch beheer",
            {
                "classes": ("collapse",),
                "fields": ("is_staff", "is_superuser", "last_login", "date_joined"),
            },
        ),
    )
    add_fieldsets = (
        (
            None,
            {
                "fields": (
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    "organisatie",
                    "rollen",
                    "password1",
                    "password2",
                )
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")

    actions = ["stuur_wachtwoord_herstelmail", "tweede_factor_resetten"]

    def save_model(self, request, obj, form, change):
        """Identity fields of someone else and every role that reads client files (or
        approves requests) wait for a second beheerder (docs/adr/0011): they are held back
        here and filed as requests; the rest is saved at once."""
        origineel = User.objects.get(pk=obj.pk) if change else None
        aanvragen = services.wijziging_scheiden(actor=request.user, origineel=origineel, nieuw=obj)
        super().save_model(request, obj, form, change)
        verzoeken = []
        for aanvraag in aanvragen:
            try:
                verzoeken += services.aanvragen_indienen(
                    actor=request.user, betrokkene=obj, aanvragen=[aanvraag]
                )
            except ValidationError as fout:
                # One open request per person and kind: the held-back change is not filed.
                messages.error(request, " ".join(fout.messages))
        for verzoek in verzoeken:
            messages.warning(
                request,
                f"{verzoek.get_soort_display()} ({services.samenvatting(verzoek)}) wacht op "
                "goedkeuring door een tweede functioneel beheerder (Wijzigingsverzoeken).",
            )

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting a user to an earlier version would change identity fields and roles
        # past the four eyes; the history is for reading.
        if request.method == "POST":
            raise PermissionDenied(
                "Een gebruiker zet u niet terug naar een eerdere versie; wijzig de velden "
                "in het gewone formulier."
            )
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    @admin.action(
        description="Tweede factor opnieuw laten instellen (na goedkeuring door een tweede "
        "beheerder)",
        permissions=["change"],
    )
    def tweede_factor_resetten(self, request, queryset):
        ingediend = 0
        for user in queryset:
            try:
                services.verzoek_indienen(
                    actor=request.user,
                    soort=Wijzigingsverzoek.Soort.TWEEDE_FACTOR,
                    betrokkene=user,
                    wijziging={},
                    reden="Authenticator kwijt of defect",
                )
                ingediend += 1
            except ValidationError as fout:
                messages.error(request, f"{user}: {' '.join(fout.messages)}")
        if ingediend:
            messages.success(
                request,
                f"{ingediend} verzoek(en) ingediend; een tweede functioneel beheerder keurt "
                "ze goed onder Wijzigingsverzoeken.",
            )

    @admin.action(
        description="Stuur een e-mail om het wachtwoord opnieuw in te stellen",
        permissions=["change"],
    )
    def stuur_wachtwoord_herstelmail(self, request, queryset):
        sent = 0
        for user in queryset.filter(is_active=True).exclude(email=""):
            form = PasswordResetForm({"email": user.email})
            if form.is_valid():
                form.save(
                    request=request,
                    use_https=request.is_secure(),
                    email_template_name="registration/password_reset_email.txt",
                    subject_template_name="registration/password_reset_subject.txt",
                )
                sent += 1
        self.message_user(request, f"Herstelmail verstuurd aan {sent} gebruiker(s).")

    def user_change_password(self, request, id, form_url=""):
        # Setting someone else's password would let a beheerder act as that person.
        # Beheerders send a reset mail instead; only technical superusers set passwords.
        if not request.user.is_superuser:
            raise PermissionDenied("Stuur de gebruiker een herstelmail via de actie in de lijst.")
        return super().user_change_password(request, id, form_url)

    @admin.display(description="naam")
    def volledige_naam(self, obj):
        return obj.get_full_name()

    @admin.display(description="rollen")
    def rollen_tekst(self, obj):
        return ", ".join(obj.rollen_labels)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_staff", "is_superuser"]
            if obj is not None and obj.pk == request.user.pk:
                # No self-escalation: someone else changes your own roles and organisation.
                fields += ["organisatie", "rollen", "is_active"]
        return fields


@admin.register(Wijzigingsverzoek)
class WijzigingsverzoekAdmin(AlleenLezenMixin, PortalHistoryAdmin):
    """One place for every pending four-eyes request: approve or reject with the actions."""

    list_display = (
        "aangevraagd_op",
        "soort",
        "betrokkene",
        "organisatie",
        "gevraagd",
        "aangevraagd_door",
        "status",
        "beoordeeld_door",
        "beoordeeld_op",
    )
    list_filter = ("status", "soort", "organisatie")
    # Open requests first ('ingediend' sorts after 'goedgekeurd' and 'afgewezen').
    ordering = ("-status", "-aangevraagd_op")
    list_select_related = ("betrokkene", "organisatie", "aangevraagd_door", "beoordeeld_door")
    search_fields = ("betrokkene__username", "betrokkene__last_name", "reden")
    actions = ["goedkeuren", "afwijzen"]
    readonly_fields = [
        "soort",
        "status",
        "betrokkene",
        "organisatie",
        "gevraagd",
        "vorige_waarden",
        "reden",
        "aangevraagd_door",
        "aangevraagd_op",
        "beoordeeld_door",
        "beoordeeld_op",
        "toelichting_beoordeling",
    ]
    fields = readonly_fields

    @admin.display(description="gevraagde wijziging")
    def gevraagd(self, obj):
        return services.samenvatting(obj)

    def has_beoordelen_permission(self, request):
        return request.user.has_perm("accounts.view_wijzigingsverzoek")

    def _beoordelen(self, request, queryset, functie, gelukt: str):
        aantal = 0
        for verzoek in queryset:
            try:
                functie(actor=request.user, verzoek=verzoek)
                aantal += 1
            except (PermissionDenied, ValidationError) as fout:
                tekst = " ".join(fout.messages) if isinstance(fout, ValidationError) else fout
                messages.error(request, f"{verzoek}: {tekst}")
        if aantal:
            messages.success(request, f"{aantal} verzoek(en) {gelukt}.")

    @admin.action(description="Geselecteerde verzoeken goedkeuren", permissions=["beoordelen"])
    def goedkeuren(self, request, queryset):
        self._beoordelen(request, queryset, services.verzoek_goedkeuren, "goedgekeurd")

    @admin.action(description="Geselecteerde verzoeken afwijzen", permissions=["beoordelen"])
    def afwijzen(self, request, queryset):
        self._beoordelen(request, queryset, services.verzoek_afwijzen, "afgewezen")
