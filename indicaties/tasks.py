"""Mail about support plans. Thin tasks: take a primary key, re-read, send once.

The worklists are the primary signal (they are computed from the data, so nothing can get
lost); these mails tell the person that something waits there. No client data goes into
a mail: only a link to the portal, where reading is logged.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from .models import Ondersteuningsplan
from .states import PlanStatus


def _link(pad: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + pad


@shared_task(
    name="indicaties.tasks.plan_ingediend_melden",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
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


# ------------------------------------------------------------------ letters (pdf queue)


@shared_task(name="indicaties.pdf.brieven_renderen", acks_late=True)
def brieven_renderen(brief_ids: list[int]) -> int:
    """Render a batch of letters (the daily job creates hundreds at once)."""
    from .brieven.services import brief_maken

    return sum(1 for pk in brief_ids if brief_maken(pk))


@shared_task(
    name="indicaties.pdf.verzendrun_renderen",
    acks_late=True,
    # A run renders about 10 letters a second per worker process; an hour covers runs of
    # many thousands of letters, where the general limit (CELERY_TASK_TIME_LIMIT) would not.
    time_limit=3600,
    soft_time_limit=3540,
)
def verzendrun_renderen(run_id: int) -> str:
    """Render the letters of a mailing run and its print file, counting progress."""
    from .brieven.services import verzendrun_maken_pdf

    return verzendrun_maken_pdf(run_id).status
