"""What the indications add to the portal's shell: menu items and the home-page panels of
consulenten (work to do, recently opened clients, care starting soon) and of providers
(work to do, new assignments, client counts)."""

from __future__ import annotations

from datetime import timedelta

from sdd_portal.accounts.models import Rol
from sdd_portal.accounts.navigation import NavItem
from sdd_portal.accounts.navigation import registreer as menu
from sdd_portal.audit.models import AccessLogEntry, Actie, Uitkomst
from sdd_portal.paginatie import begrensd_aantal
from sdd_portal.startpagina import HOME_LIST_SIZE, Paneelinhoud, registreer

from .models import Client, Toewijzing
from .selectors import werklijst_aanbieder, werklijst_consulent

CONSULENT = frozenset({Rol.CONSULENT})
AANBIEDER = frozenset({Rol.AANBIEDER_MEDEWERKER})

menu(
    NavItem("Werklijst", "indicaties:werklijst", CONSULENT | AANBIEDER, volgorde=20),
    NavItem("Cliënten", "indicaties:client-zoeken", CONSULENT, volgorde=30),
    NavItem("Mijn cliënten", "indicaties:client-zoeken", AANBIEDER, volgorde=31),
    NavItem(
        "Lijsten",
        "indicaties:bulklijsten",
        frozenset({Rol.CONTRACTMANAGER, Rol.AANBIEDER_MEDEWERKER}),
        volgorde=110,
    ),
    NavItem("Wasservice", "indicaties:wasservice-kandidaten", CONSULENT, volgorde=130),
    NavItem("Verzending", "indicaties:verzendruns", CONSULENT, volgorde=140),
)


def _recent_bekeken(user) -> list[Client]:
    """The clients this consulent opened most recently (from the access log)."""
    rows = (
        AccessLogEntry.objects.filter(user=user, actie=Actie.BEKIJKEN, uitkomst=Uitkomst.TOEGESTAAN)
        .exclude(client_ids=[])
        .order_by("-timestamp")
        .values_list("client_ids", flat=True)[:50]
    )
    ordered: list[int] = []
    for ids in rows:
        for client_id in ids:
            if client_id not in ordered:
                ordered.append(client_id)
    ordered = ordered[:HOME_LIST_SIZE]
    clients = Client.objects.visible_to(user).select_related("gemeente").in_bulk(ordered)
    return [clients[i] for i in ordered if i in clients]


@registreer("consulent", rollen=CONSULENT, volgorde=30)
def consulent(user, vandaag) -> Paneelinhoud:
    lijst = werklijst_consulent(user)
    recent = _recent_bekeken(user)
    starten = list(
        Toewijzing.objects.visible_to(user)
        .filter(ingangsdatum__range=(vandaag, vandaag + timedelta(days=14)))
        .select_related("client", "aanbieder", "product")
        .order_by("ingangsdatum", "id")[:HOME_LIST_SIZE]
    )
    werk = [
        ("plannen te beoordelen", lijst["plannen"].count(), "plannen"),
        (
            f"kortdurende beschikkingen eindigen binnen {lijst['kortdurend_dagen']} dagen "
            "zonder plan",
            lijst["kortdurend"].count(),
            "kort",
        ),
        ("onderzoeken naderen de termijn van zes weken", lijst["onderzoek"].count(), "onderzoek"),
    ]
    return Paneelinhoud(
        context={"werk": werk, "recent_bekeken": recent, "starten_binnenkort": starten},
        client_ids=[c.pk for c in recent] + [t.client_id for t in starten],
    )


def _aantal(qs):
    # At national scale a provider can have tens of thousands of rows here; count at most
    # 1,000 and say "meer dan 1.000" beyond that.
    aantal, afgekapt = begrensd_aantal(qs)
    return f"meer dan {aantal:,}".replace(",", ".") if afgekapt else aantal


@registreer("aanbieder", rollen=AANBIEDER, volgorde=30)
def aanbieder(user, vandaag) -> Paneelinhoud:
    lijst = werklijst_aanbieder(user)
    werk = [
        ("nieuwe toewijzingen", _aantal(lijst["nieuw"]), "nieuw"),
        ("afgewezen plannen", lijst["afgewezen"].count(), "afgewezen"),
        # Newest first: the assignments still waiting for a plan are the recent ones.
        ("ondersteuningsplannen verwacht", _aantal(lijst["verwacht"].reverse()), "verwacht"),
    ]
    zichtbaar = Toewijzing.objects.visible_to(user)
    nieuwe = list(
        zichtbaar.select_related("client", "product").order_by("-created_at", "-id")[
            :HOME_LIST_SIZE
        ]
    )
    return Paneelinhoud(
        context={
            "werk": werk,
            "nieuwe_toewijzingen": nieuwe,
            "aantal_actief": _aantal(
                zichtbaar.actief_op(vandaag).values("client_id").distinct().order_by("client_id")
            ),
            # The clients the provider has or had an assignment for: Client.visible_to(user).
            "aantal_ooit": _aantal(zichtbaar.values("client_id").distinct().order_by("client_id")),
        },
        client_ids=[t.client_id for t in nieuwe],
    )
