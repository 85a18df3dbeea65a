"""What the chain holds about a client, for destruction and inzage (sdd_portal/privacy).

Children before parents: retour codes, assignment versions, then the messages; they go with
the client's assignments (indicaties, volgorde 350). The XML itself is not in the inzage
export (the same facts are in the fields and in the assignment versions)."""

from sdd_portal.privacy.registry import Clientgegevens, registreer

registreer(
    Clientgegevens("keten.Retourcode", pad="bericht__client", einde="created_at", volgorde=320),
    Clientgegevens(
        "keten.ToewijzingVersie", pad="toewijzing__client", einde="created_at", volgorde=330
    ),
    Clientgegevens(
        "keten.Bericht",
        pad="client",
        velden=(
            "uuid",
            "berichtcode",
            "richting",
            "status",
            "afzender",
            "ontvanger",
            "identificatie",
            "dagtekening",
            "aanbieder",
            "bestandsnaam",
            "termijn",
            "fouten",
            "verwerkt_op",
            "created_at",
        ),
        volgorde=340,
    ),
)
