"""Form rendering in NL Design System (Utrecht) style for every form in the portal.

Django 5.2 already marks invalid widgets with ``aria-invalid`` and points
``aria-describedby`` at ``<id>_error`` and ``<id>_helptext``; templates/forms/field.html
renders those ids. This renderer adds the component classes to each widget, so forms
from libraries (login, second factor, password reset) look the same as our own.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.widgets import Input

from sdd_portal.validators import normaliseer_bsn, validate_bsn

WIDGET_CLASSES = (
    # Groups: Django copies widget attrs onto the group's container as well, so a class
    # would give the container an input's box; their inputs are styled in portal.css.
    (forms.CheckboxSelectMultiple, ""),
    (forms.RadioSelect, ""),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (Input, "utrecht-textbox utrecht-textbox--html-input"),
)


def widget_class(widget) -> str:
    return next((css for klass, css in WIDGET_CLASSES if isinstance(widget, klass)), "")


class PortalBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if not widget.is_hidden and "class" not in attrs and "class" not in widget.attrs:
            css = widget_class(widget)
            if css:
                attrs["class"] = css
        return attrs


class PortalFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = PortalBoundField


def fouten_naar_form(form, exc) -> None:
    """Put a service's ValidationError on the form: per field where it names one (the form
    keeps what the user typed; a field the form does not have becomes a form error)."""
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc.messages)


def status_voor(form) -> int:
    """400 when the form has errors (the page shows them), else 200."""
    return 400 if form is not None and form.errors else 200


class BsnVeld(forms.CharField):
    """Every BSN input of the portal (registration, search boxes, the access log search):
    spaces, dots and hyphens are dropped (``validators.normaliseer_bsn``), then
    ``validators.validate_bsn`` names what is still wrong (other characters, the number of
    digits, or the elfproef) in Dutch. Empty stays empty for optional search fields."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "BSN")
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        )
        kwargs.setdefault(
            "error_messages",
            {"max_length": "Een BSN bestaat uit precies 9 cijfers; dit is veel te lang."},
        )
        super().__init__(**kwargs)
        self.validators.append(validate_bsn)

    def to_python(self, value):
        return normaliseer_bsn(super().to_python(value))
