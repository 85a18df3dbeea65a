"""The schedules of the daily jobs are data a functioneel beheerder can see and change;
the runs are visible to them, read-only; other roles do not reach either."""

from __future__ import annotations

from datetime import date

import pytest
from django_celery_beat.models import PeriodicTask

from signalen.regels import dagelijkse_taken

pytestmark = pytest.mark.django_db


def test_planning_staat_klaar_en_beheerder_kan_het_tijdstip_wijzigen(login, beheerder):
    taak = PeriodicTask.objects.get(task="sdd_portal.signalen.dagelijkse_taken")
    assert (taak.crontab.hour, taak.crontab.minute, str(taak.crontab.timezone)) == (
        "6",
        "0",
        "Europe/Amsterdam",
    )
    assert PeriodicTask.objects.filter(task="sdd_portal.signalen.dagoverzichten").exists()
    web = login(beheerder)
    lijst = web.get("/admin/django_celery_beat/periodictask/").content.decode()
    assert "Dagelijkse taken: signalen en verloopbrieven" in lijst
    url = f"/admin/django_celery_beat/crontabschedule/{taak.crontab_id}/change/"
    assert web.get(url).status_code == 200
    antwoord = web.post(
        url,
        {
            "minute": "30",
            "hour": "5",
            "day_of_week": "*",
            "day_of_month": "*",
            "month_of_year": "*",
            "timezone": "Europe/Amsterdam",
            # The schedule page lists the tasks that use it (an inline).
            "periodictask_set-TOTAL_FORMS": "0",
            "periodictask_set-INITIAL_FORMS": "0",
        },
    )
    assert antwoord.status_code == 302
    taak.crontab.refresh_from_db()
    assert (taak.crontab.hour, taak.crontab.minute) == ("5", "30")


def test_runs_zichtbaar_voor_beheerder_niet_te_wijzigen(login, beheerder, contractmanager):
    dagelijkse_taken(date(2026, 3, 2), door="test")
    web = login(beheerder)
    lijst = web.get("/admin/signalen/taakrun/").content.decode()
    assert "verloop" in lijst and "kortdurend_zonder_plan" in lijst
    assert web.get("/admin/signalen/taakrun/add/").status_code == 403
    cm = login(contractmanager)
    assert cm.get("/admin/signalen/taakrun/").status_code == 403
    assert cm.get("/admin/django_celery_beat/periodictask/").status_code == 403
