"""The benchmark command bench_keten: prints every step and fails loudly when a goal is missed."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from keten.iwmo.bouwen import bouw_301
from keten.iwmo.regels import controleer
from proefdata.management.commands.bench_keten import berichten


def test_the_benchmark_messages_are_all_valid_with_the_stylesheet(settings):
    if not settings.IWMO_REGELS_XSL:
        pytest.skip("IWMO_REGELS_XSL is niet ingesteld: de officiële inhoudscontrole ontbreekt.")
    for bericht in berichten(40):
        controle = controleer(bouw_301(bericht), "301")
        assert controle.stylesheet and controle.ok, controle.bevindingen


def test_bench_keten_prints_each_step_and_the_mode(settings):
    uit = StringIO()
    call_command("bench_keten", aantal=20, doel=1, vergelijk=True, stdout=uit)
    tekst = uit.getvalue()
    for regel in (
        "bouwen (bouw_301)",
        "XSD (lxml/libxml2",
        "totaal: bouwen + controleer()",
        "XSD eerste golf (xmlschema)",
        "piekgeheugen",
        "modus productie" if not settings.DEBUG else "modus DEBUG",
        "berichten met bevindingen: 0",
        "gehaald:",
    ):
        assert regel in tekst


def test_bench_keten_fails_when_the_goal_is_missed():
    with pytest.raises(CommandError, match="Niet gehaald"):
        call_command("bench_keten", aantal=5, doel=10**9, stdout=StringIO())
