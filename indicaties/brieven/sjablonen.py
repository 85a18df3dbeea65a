"""Letter texts: which elements each kind of letter must contain, and the check that a
text a functioneel beheerder writes has them (and nothing that could run code).

A text is plain text with elements such as ``{{ ingangsdatum }}`` and, for optional
passages, ``{% if was_strijk %}...{% endif %}``. The portal fills the elements from the
structured data; the legal sentences (objection clause, revocation sentence, "namens het
college") are elements too, so their wording stays in one place and no letter lacks them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template import Engine, TemplateSyntaxError
from django.template.base import TextNode, VariableNode
from django.template.defaulttags import IfNode

from .models import BriefSoort

# Every element a letter text may use, with what it shows (for the help text).
ELEMENTEN: dict[str, str] = {
    "aanhef": "Geachte heer/mevrouw <achternaam>,",
    "client_naam": "naam van de cliënt",
    "gemeente": "gemeente van de cliënt",
    "product": "product en vorm (in natura)",
    "minuten_per_week": "omvang in minuten per week (kortdurend: de ondergrens)",
    "ingangsdatum": "ingangsdatum",
    "einddatum": "einddatum",
    "aanbieder": "de aanbieder die de cliënt koos",
    "bandbreedte": "bandbreedte (code; kortdurend alleen de ondergrens)",
    "normenkader": "normenkader en versie",
    "was_strijk": "'inclusief was en strijk' of 'zonder was en strijk'",
    "vervalzin": "de vervalzin als dit besluit een eerder besluit vervangt, anders leeg",
    "nog_geen_ondersteuning": "kortdurend: de zin dat er nog geen hulp geleverd wordt",
    "oude_einddatum": "verlenging: de einddatum tot nu toe",
    "nieuwe_einddatum": "verlenging: de nieuwe einddatum",
    "ingetrokken_per": "intrekking: de datum waarop de beschikking vervalt",
    "meldingsdatum": "afwijzing: de datum van de melding",
    "motivering": "motivering van de consulent (afwijzing, intrekking)",
    "verzenddatum": "verzenddatum",
    "bezwaarclausule": "wie, binnen welke termijn (laatste dag) en waar bezwaar kan maken",
    "namens_college": "namens het college van burgemeester en wethouders van <gemeente>",
    "ondertekening": "naam en functie van wie ondertekent (bij ondermandaat de aanbieder)",
    "contact": "hoe de cliënt de SDD bereikt",
}

_BESLUIT = (
    "product",
    "ingangsdatum",
    "einddatum",
    "aanbieder",
    "minuten_per_week",
    "bandbreedte",
    "normenkader",
    "vervalzin",
    "bezwaarclausule",
    "namens_college",
    "ondertekening",
)

VERPLICHT: dict[str, tuple[str, ...]] = {
    BriefSoort.KORTDUREND: (*_BESLUIT, "nog_geen_ondersteuning"),
    BriefSoort.DEFINITIEF: (*_BESLUIT, "was_strijk"),
    BriefSoort.VERLENGING: (
        "product",
        "oude_einddatum",
        "nieuwe_einddatum",
        "minuten_per_week",
        "aanbieder",
        "bezwaarclausule",
        "namens_college",
        "ondertekening",
    ),
    BriefSoort.INTREKKING: (
        "product",
        "ingetrokken_per",
        "motivering",
        "bezwaarclausule",
        "namens_college",
        "ondertekening",
    ),
    BriefSoort.AFWIJZING: (
        "meldingsdatum",
        "product",
        "motivering",
        "bezwaarclausule",
        "namens_college",
        "ondertekening",
    ),
    BriefSoort.VERLOOPBRIEF: ("product", "einddatum", "contact", "ondertekening"),
}

_ENGINE = Engine(builtins=["django.template.defaulttags"], libraries={}, autoescape=True)


def _knopen(nodelist):
    for node in nodelist:
        yield node
        for attr in getattr(node, "child_nodelists", ()):
            yield from _knopen(getattr(node, attr, None) or [])
        if isinstance(node, IfNode):
            for _, kinderen in node.conditions_nodelists:
                yield from _knopen(kinderen)


def compileer(tekst: str):
    """The compiled text, or a Dutch ValidationError that names the problem."""
    try:
        template = _ENGINE.from_string(tekst)
    except TemplateSyntaxError as exc:
        raise ValidationError(
            {
                "tekst": f"De tekst kan niet worden gelezen: {exc}. Gebruik {{{{ element }}}} "
                "en {% if element %}...{% endif %}."
            }
        ) from None
    return template


def gebruikte_elementen(tekst: str) -> set[str]:
    """Every element a text uses; raises on anything other than text, elements and if."""
    template = compileer(tekst)
    gebruikt: set[str] = set()
    onbekend: set[str] = set()
    for node in _knopen(template.nodelist):
        if isinstance(node, VariableNode):
            filter_expr = node.filter_expression
            if filter_expr.filters:
                raise ValidationError(
                    {
                        "tekst": "Filters (zoals |upper) zijn in briefteksten niet toegestaan; "
                        f"schrijf alleen {{{{ {filter_expr.var} }}}}."
                    }
                )
            naam = str(filter_expr.var)
            (gebruikt if naam in ELEMENTEN else onbekend).add(naam)
        elif isinstance(node, IfNode):
            for conditie, _ in node.conditions_nodelists:
                if conditie is None:
                    continue
                naam = getattr(getattr(conditie, "value", None), "var", None)
                if naam is None or str(naam) not in ELEMENTEN:
                    raise ValidationError(
                        {
                            "tekst": "Een {% if %} mag alleen één element testen, zoals "
                            "{% if vervalzin %}."
                        }
                    )
        elif not isinstance(node, TextNode):
            raise ValidationError(
                {
                    "tekst": f"Alleen elementen en {{% if %}} zijn toegestaan, niet "
                    f"'{node.token.contents.split()[0] if getattr(node, 'token', None) else node}'."
                }
            )
    if onbekend:
        raise ValidationError(
            {
                "tekst": "Onbekende elementen: "
                + ", ".join(f"{{{{ {n} }}}}" for n in sorted(onbekend))
                + ". Kies uit de lijst onder het invoerveld."
            }
        )
    return gebruikt


def controleer_tekst(soort: str, tekst: str) -> None:
    """A letter text may only be saved with every element its kind requires."""
    gebruikt = gebruikte_elementen(tekst)
    ontbreekt = [e for e in VERPLICHT[soort] if e not in gebruikt]
    if ontbreekt:
        raise ValidationError(
            {
                "tekst": "Deze tekst mist verplichte elementen voor een "
                f"{BriefSoort(soort).label.lower()}: "
                + ", ".join(f"{{{{ {e} }}}}" for e in ontbreekt)
                + ". Een brief zonder deze elementen mag niet verstuurd worden."
            }
        )
