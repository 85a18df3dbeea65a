"""The HO process's fixtures (a short decision, its accepted plan, the bands) for the chain's
tests, which start from the domain as a consulent and a provider leave it."""

from tests.indicaties.conftest import (  # noqa: F401 (fixtures)
    banden,
    definitief,
    gebieden,
    ho_client,
    kortdurend,
    normenkader,
)
