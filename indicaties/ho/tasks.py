"""Mail about support plans. Thin tasks: take a primary key, re-read, send once. The task
names (``indicaties.tasks.*``) are kept from before the HO package.

The worklists are the primary signal (they are computed from the data, so nothing can get
lost); these mails tell the person that something waits there. No client data goes into
a mail: only a link to the portal, where reading is logged.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from sdd_portal.wachtrij import eenmalig

from ..models import Ondersteuningsplan
from ..states import PlanStatus


def _link(pad: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + pad


@shared_task(
    name="indicaties.tasks.plan_ingediend_melden",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
@eenmalig
def plan_ingediend_melden(plan_id: int) -> bool:
    plan = (
        Ondersteuningsplan.objects.select_related("toewijzing__client__consulent", "toewijzing")
        .filter(pk=plan_id, status=PlanStatus.INGEDIEND)
        .first()
    )
    consulent = plan.toewijzing.client.consulent if plan else None
    if consulent is None or not consulent.email or not consulent.is_active:
        return False
    send_mail(
        "Wmo-portaal: ondersteuningsplan wacht op uw beoordeling",
        "Er is een ondersteuningsplan ingediend voor een cliënt van u. Beoordeel het in het "
        f"portaal:\n\n{_link(reverse('indicaties:plan-detail', args=[plan.uuid]))}\n",
        None,
        [consulent.email],
    )
    return True


@shared_task(
    name="indicaties.tasks.plan_beoordeeld_melden",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
@eenmalig
def plan_beoordeeld_melden(plan_id: int) -> bool:
    plan = (
        Ondersteuningsplan.objects.select_related("ingediend_door")
        .exclude(status=PlanStatus.INGEDIEND)
        .filter(pk=plan_id)
        .first()
    )
    if plan is None or not plan.ingediend_door.email or not plan.ingediend_door.is_active:
        return False
    uitkomst = "geaccepteerd" if plan.status == PlanStatus.GEACCEPTEERD else "afgewezen"
    send_mail(
        f"Wmo-portaal: ondersteuningsplan {uitkomst}",
        f"De SDD heeft versie {plan.versie} van een ondersteuningsplan {uitkomst}. Bekijk het "
        f"in het portaal:\n\n{_link(reverse('indicaties:plan-detail', args=[plan.uuid]))}\n",
        None,
        [plan.ingediend_door.email],
    )
    return True
