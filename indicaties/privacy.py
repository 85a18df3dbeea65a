"""What this app holds about a client, for destruction and inzage (sdd_portal/privacy).

Provisions (decisions and assignments) end the retention clock with their end date; an
assignment without an end date still runs and keeps the whole file. ``volgorde``: children
before parents, the client last."""

from sdd_portal.privacy.registry import Clientgegevens, registreer

registreer(
    # A mailing run's print file bundles the letters of many clients: it goes with the
    # first of them (it was printed and sent long before the term ends); the run stays.
    Clientgegevens(
        "indicaties.Brief",
        pad="client",
        bestanden=("bestand",),
        bundels=("verzendrun__bestand",),
        volgorde=100,
    ),
    Clientgegevens("indicaties.Verlenging", pad="beschikking__client", volgorde=150),
    Clientgegevens(
        "indicaties.Ondersteuningsplan",
        pad="toewijzing__client",
        bestanden=("bestand",),
        volgorde=200,
    ),
    Clientgegevens("indicaties.Normtijd", pad="onderzoek__melding__client", volgorde=200),
    Clientgegevens("indicaties.Onderzoek", pad="melding__client", volgorde=250),
    Clientgegevens("indicaties.Melding", pad="client", volgorde=300),
    Clientgegevens("indicaties.Zorgmelding", pad="toewijzing__client", volgorde=340),
    Clientgegevens("indicaties.Toewijzing", pad="client", einde="einddatum", volgorde=350),
    Clientgegevens("indicaties.Beschikking", pad="client", einde="einddatum", volgorde=400),
    Clientgegevens("indicaties.Client", pad="", volgorde=900),
)
