"""The HO (huishoudelijke ondersteuning) bandwidth process: melding and onderzoek, the
short decision and assignment, the provider's support plan and its review, the definitive
decision, extension, withdrawal and export.

``services`` (the writes, by topic), ``views`` (the pages), ``forms`` and ``tasks`` (mail
about support plans). The models it works on are those of the app (``indicaties.models``),
its lifecycles are in ``indicaties.states``. Other processes, such as individual guidance
(IB), stand beside it on the same client register.
"""
