"""A client walked through the whole HO chain (decision letters, plan file, provider
signal, history) and a second functioneel beheerder for the four-eyes steps."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from contractbeheer.models import Aanbiedersignaal
from contractbeheer.services import signaal_melden
from indicaties.brieven import maken
from indicaties.models import Brief
from sdd_portal.accounts.models import Rol
from tests.factories import UserFactory
from tests.indicaties.conftest import (  # noqa: F401 (fixtures)
    banden,
    definitief,
    gebieden,
    ho_client,
    kortdurend,
    normenkader,
)


@pytest.fixture
def beheerder_2(sdd):
    return UserFactory(username="fb2", organisatie=sdd, rollen=[Rol.FUNCTIONEEL_BEHEERDER])


@pytest.fixture
def volledig_dossier(request, medewerker_a):
    """The client of ``definitief`` with a rendered letter on disk and a provider signal."""
    client = request.getfixturevalue("definitief").client
    brief = Brief.objects.filter(client=client).order_by("pk").first()
    assert maken.brief_maken(brief.pk) is True
    signaal_melden(
        actor=medewerker_a,
        client=client,
        soort=Aanbiedersignaal.Soort.ANDERS,
        onderwerp="Sleutel kwijt",
        toelichting="De cliënt is de sleutel kwijt.",
    )
    return client


def ver_na_einde() -> object:
    """A peildatum at which every provision made today has been over for more than 15
    years (the longest runs about a year and a half)."""
    return timezone.localdate() + timedelta(days=365 * 20)
