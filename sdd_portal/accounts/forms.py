from django import forms
from django.contrib.auth.forms import UserChangeForm, UserCreationForm

from .models import Rol, User


class RollenField(forms.TypedMultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("base_field", None)
        kwargs.setdefault("choices", Rol.choices)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


class GebruikerWijzigenForm(UserChangeForm):
    rollen = RollenField(label="Rollen")

    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"


class GebruikerAanmakenForm(UserCreationForm):
    rollen = RollenField(label="Rollen")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "email", "organisatie", "rollen")
