"""schemathesis against a live server, driven by the committed docs/api/openapi.yaml:
zero server errors and zero answers that contradict the schema (status codes, content
types, headers, bodies), for a provider's credential and a consulent's."""

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.helpers_indicaties import keten
from tests.indicaties import conftest as indicaties_fixtures

SPEC = Path(__file__).resolve().parents[2] / "docs" / "api" / "openapi.yaml"
schema = schemathesis.openapi.from_path(SPEC)
normenkader = indicaties_fixtures.normenkader
banden = indicaties_fixtures.banden

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def omgeving(
    live_server,
    aanbieder_a,
    aanbieder_b,
    sdd,
    consulent,
    medewerker_a,
    ho,
    banden,
    mandaat_a,
    api_sleutel,
):
    """Client files of two providers (melding, onderzoek, decision, assignment, and for A a
    submitted plan), so lists and details have real content to check against the schema."""
    band = banden["HO-B3"]
    keten(
        consulent=consulent,
        aanbieder=aanbieder_a,
        product=ho,
        band=band,
        ondertekenaar=medewerker_a,
    )
    keten(consulent=consulent, aanbieder=aanbieder_b, product=ho, band=band)
    tokens = {
        "aanbieder": api_sleutel(aanbieder_a, naam="schemathesis")[1],
        "consulent": api_sleutel(sdd, naam="schemathesis", rollen=["consulent"])[1],
    }
    return f"{live_server.url}/api/v1", tokens


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_match_the_schema(case, omgeving):
    """Every generated request is sent with a provider's and with a consulent's key."""
    base_url, tokens = omgeving
    for token in tokens.values():
        case.call_and_validate(
            base_url=base_url, headers={"Authorization": f"Bearer {token}"}, checks=CHECKS
        )
