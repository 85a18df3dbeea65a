# ruff: noqa: E501  (letter paragraphs are kept on one line each, as a beheerder writes them)
"""Version 1 of every letter text, used until a functioneel beheerder writes a new version.
Illustrative texts in plain Dutch (B1), labelled as such in the version note."""

from __future__ import annotations

from .models import BriefSoort

TOELICHTING = "Standaardtekst van het portaal (voorbeeld); pas aan in beheer."

_SLOT = """{% if vervalzin %}{{ vervalzin }}

{% endif %}{{ namens_college }}

{{ ondertekening }}

{{ bezwaarclausule }}"""

STANDAARD: dict[str, tuple[str, str]] = {
    BriefSoort.KORTDUREND: (
        "Besluit: kortdurende {{ product }}",
        """{{ aanhef }}

U heeft zich gemeld voor hulp bij het huishouden. Wij hebben met u over uw situatie gesproken. In deze brief leest u ons besluit.

Ons besluit
U krijgt een kortdurende maatwerkvoorziening {{ product }} van {{ ingangsdatum }} tot en met {{ einddatum }}. De omvang is {{ minuten_per_week }}. U koos {{ aanbieder }} als aanbieder.

{{ nog_geen_ondersteuning }}

Waarom dit besluit?
Uit het onderzoek blijkt dat u hulp nodig heeft bij het huishouden. Wij bepaalden de omvang met het {{ normenkader }}: {{ bandbreedte }}. In deze periode maakt {{ aanbieder }} samen met u een ondersteuningsplan. Dat plan wordt het definitieve besluit over uw hulp.

"""
        + _SLOT,
    ),
    BriefSoort.DEFINITIEF: (
        "Besluit: {{ product }} volgens uw ondersteuningsplan",
        """{{ aanhef }}

{{ aanbieder }} heeft samen met u een ondersteuningsplan gemaakt. Dat plan is ons besluit over uw hulp bij het huishouden. U vindt het plan achter deze brief.

Ons besluit
U krijgt de maatwerkvoorziening {{ product }} van {{ ingangsdatum }} tot en met {{ einddatum }}. De omvang is {{ minuten_per_week }}, {{ was_strijk }}. De hulp wordt geleverd door {{ aanbieder }}.

Waarom dit besluit?
De omvang in het ondersteuningsplan past binnen {{ bandbreedte }} van het {{ normenkader }}. Daarmee kunt u uw huis schoon en leefbaar houden.

"""
        + _SLOT,
    ),
    BriefSoort.VERLENGING: (
        "Besluit: verlenging van uw {{ product }}",
        """{{ aanhef }}

Wij hebben met u besproken dat uw situatie niet veranderd is. Daarom verlengen wij uw hulp bij het huishouden.

Ons besluit
Uw maatwerkvoorziening {{ product }} liep tot en met {{ oude_einddatum }}. Zij loopt nu door tot en met {{ nieuwe_einddatum }}. De omvang blijft {{ minuten_per_week }} en de hulp blijft bij {{ aanbieder }}. U hoeft niets te doen.

{{ namens_college }}

{{ ondertekening }}

{{ bezwaarclausule }}""",
    ),
    BriefSoort.INTREKKING: (
        "Besluit: intrekking van uw {{ product }}",
        """{{ aanhef }}

Ons besluit
Wij trekken uw maatwerkvoorziening {{ product }} in. Zij vervalt per {{ ingetrokken_per }}.

Waarom dit besluit?
{{ motivering }}

{{ namens_college }}

{{ ondertekening }}

{{ bezwaarclausule }}""",
    ),
    BriefSoort.AFWIJZING: (
        "Besluit: afwijzing van uw aanvraag {{ product }}",
        """{{ aanhef }}

Op {{ meldingsdatum }} heeft u zich gemeld voor {{ product }}. Wij hebben uw situatie onderzocht.

Ons besluit
U krijgt geen maatwerkvoorziening {{ product }}.

Waarom dit besluit?
{{ motivering }}

{{ namens_college }}

{{ ondertekening }}

{{ bezwaarclausule }}""",
    ),
    BriefSoort.VERLOOPBRIEF: (
        "Uw {{ product }} stopt over zes weken",
        """{{ aanhef }}

Uw maatwerkvoorziening {{ product }} loopt tot en met {{ einddatum }}. Heeft u daarna nog hulp nodig? Neem dan vóór die datum contact met ons op. {{ contact }}

Is er niets veranderd in uw situatie? Dan kunnen wij uw hulp verlengen. U krijgt daarover een brief. Een nieuw ondersteuningsplan is dan niet nodig.

{{ ondertekening }}""",
    ),
}
