"""Injection sweep (issue 17, tests and figures): script payloads stored in 20 free-text
fields come back escaped on every page that shows them; 25 template-injection payloads are
shown literally, never evaluated, in pages, in the HTML of a letter and in the text of the
minutes' PDF. Run with ``-s`` for the figures."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from django.utils.html import escape
from pypdf import PdfReader

from sdd_portal.accounts.otp import inloggen_met_tweede_factor

pytestmark = pytest.mark.django_db

SCRIPTS = ['<script>alert("{m}")</script>', '"><img src=x onerror=alert("{m}")>']

# (model label, attribute of the world leading to the row, field)
VRIJE_TEKST = [
    ("indicaties.Client", "a.client", "voornamen"),
    ("indicaties.Client", "a.client", "achternaam"),
    ("indicaties.Client", "a.client", "straat"),
    ("indicaties.Client", "a.client", "woonplaats"),
    ("indicaties.Ondersteuningsplan", "a.plan", "afspraken"),
    ("contractbeheer.Aanbiedersignaal", "aanbiedersignaal_a", "onderwerp"),
    ("contractbeheer.Aanbiedersignaal", "aanbiedersignaal_a", "toelichting"),
    ("contractbeheer.Clientenstop", "stop_a", "reden"),
    ("contractbeheer.Clientenstop", "stop_a", "maatregelen"),
    ("fot.Tafel", "fot.tafel", "naam"),
    ("fot.Vergadering", "fot.gepland", "locatie"),
    ("signalen.Signaal", "postvak_a", "titel"),
    ("fot.Tafel", "fot.tafel", "omschrijving"),
    ("fot.Vergadering", "fot.vergadering", "locatie"),
    ("fot.Agendapunt", "fot.agendapunt", "titel"),
    ("fot.Agendapunt", "fot.agendapunt", "notulen"),
    ("fot.Bijlage", "fot.bijlage", "omschrijving"),
    ("fot.Actiepunt", "fot.actiepunt", "tekst"),
    ("accounts.Organisatie", "aanbieder_a", "naam"),
    ("accounts.User", "medewerker_a", "last_name"),
]

TEMPLATES = [
    "{{ 7*7 }}",
    "{{7*'7'}}",
    "{% debug %}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
    "{{ settings.SECRET_KEY }}",
    "{{ request.user.password }}",
    "{% load log %}{% get_admin_log 10 as log %}",
    "{% include 'base.html' %}",
    "{{ ''.__class__.__mro__ }}",
    "*{7*7}",
    "@(7*7)",
    "[[${7*7}]]",
    "{{constructor.constructor('alert(1)')()}}",
    "{$smarty.version}",
    "#set($x=7*7)${x}",
    "{% csrf_token %}",
    "{{ block.super }}",
    '{% now "Y" %}',
    "{{ 7|add:7 }}",
    "%{7*7}",
    "{{=7*7}}",
    "{% templatetag openbrace %}",
    "{{ brief.client.bsn }}",
]


def _pad(w, pad):
    obj = w
    for deel in pad.split("."):
        obj = getattr(obj, deel)
    return obj


def _paginas(w) -> list[tuple[object, str]]:
    a, fot = w.a, w.fot
    return [
        (w.consulent, f"/clienten/{a.client.uuid}/"),
        (w.consulent, f"/clienten/{a.client.uuid}/tijdlijn/"),
        (w.consulent, f"/plannen/{a.plan.uuid}/"),
        (w.consulent, "/werklijst/"),
        (w.medewerker_a, f"/toewijzingen/{a.toewijzing.uuid}/"),
        (w.medewerker_a, f"/signalen/{w.aanbiedersignaal_a.uuid}/"),
        (w.contractmanager, "/signalen/"),
        (w.contractmanager, f"/clientenstops/{w.stop_a.uuid}/"),
        (w.contractmanager, "/clientenstops/"),
        (w.contractmanager, "/capaciteit/"),
        (w.contractmanager, "/aanbieders/"),
        (w.medewerker_a, "/postvak/"),
        (w.medewerker_a, f"/postvak/{w.postvak_a.uuid}/"),
        (w.contractmanager, "/fot/"),
        (w.contractmanager, f"/fot/vergaderingen/{fot.vergadering.uuid}/"),
        (w.contractmanager, f"/fot/vergaderingen/{fot.gepland.uuid}/"),
        (w.contractmanager, f"/fot/agendapunten/{fot.agendapunt.uuid}/"),
        (w.contractmanager, "/fot/actiepunten/"),
        (w.medewerker_a, "/fot/actiepunten/"),
        (w.contractmanager, f"/fot/actiepunten/{fot.actiepunt.uuid}/"),
        (w.contractmanager, "/contractbeheer/"),
    ]


def _alle_html(client, w) -> str:
    delen = []
    for gebruiker, url in _paginas(w):
        client.logout()
        inloggen_met_tweede_factor(client, gebruiker)
        antwoord = client.get(url)
        assert antwoord.status_code == 200, url
        delen.append(antwoord.content.decode())
    return "\n".join(delen)


def test_script_payloads_in_20_free_text_fields_come_back_escaped(wereld, client, capsys):
    from django.apps import apps

    w = wereld
    payloads = {}
    for i, (label, pad, veld) in enumerate(VRIJE_TEKST):
        payload = SCRIPTS[i % 2].format(m=f"xss{i:02d}")
        obj = _pad(w, pad)
        apps.get_model(label).objects.filter(pk=obj.pk).update(**{veld: payload})
        payloads[f"{label}.{veld} ({pad})"] = payload
    html = _alle_html(client, w)
    rauw = [v for v, p in payloads.items() if p in html]
    ontsnapt = [v for v, p in payloads.items() if escape(p) in html]
    with capsys.disabled():
        print(
            f"\n== Script payloads: {len(payloads)} fields, rendered escaped: {len(ontsnapt)}, "
            f"rendered raw: {len(rauw)}"
        )
    assert not rauw, rauw
    assert sorted(ontsnapt) == sorted(payloads), set(payloads) - set(ontsnapt)
    assert "<script>alert(" not in html


def _pdf_tekst(inhoud: bytes) -> str:
    tekst = "".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)
    return re.sub(r"\s+", "", tekst)


def test_25_template_payloads_are_shown_literally_in_pages_letters_and_pdfs(wereld, client, capsys):
    from fot import services as fot_services
    from fot.pdf import verslag_pdf
    from indicaties.brieven.render import html as brief_html
    from indicaties.brieven.render import opmaken
    from indicaties.models import Client as Clientmodel

    w = wereld
    for i, payload in enumerate(TEMPLATES):
        fot_services.actiepunt_toevoegen(
            actor=w.contractmanager,
            vergadering=w.fot.gepland,
            tekst=f"tpl{i:02d} {payload}",
            eigenaar_organisatie=w.aanbieder_a,
            termijn=date(2026, 6, 1),
        )
    inloggen_met_tweede_factor(client, w.contractmanager)
    pagina = client.get(f"/fot/vergaderingen/{w.fot.gepland.uuid}/").content.decode()
    pagina += client.get("/fot/actiepunten/").content.decode()
    letterlijk_pagina = [p for p in TEMPLATES if escape(f"{p}") in pagina]

    pdf = _pdf_tekst(verslag_pdf(w.fot.gepland, openbaar=False))
    letterlijk_pdf = [p for p in TEMPLATES if re.sub(r"\s+", "", p) in pdf]

    # A client's name holding template syntax, in the letter a template text renders.
    letterlijk_brief = []
    for payload in TEMPLATES:
        Clientmodel.objects.filter(pk=w.a.client.pk).update(achternaam=payload)
        w.brief_a.refresh_from_db()
        w.brief_a.client.refresh_from_db()
        if escape(payload) in brief_html([opmaken(w.brief_a)]):
            letterlijk_brief.append(payload)

    with capsys.disabled():
        print(
            f"\n== Template payloads: {len(TEMPLATES)}; literal in pages: "
            f"{len(letterlijk_pagina)}, in the minutes' PDF: {len(letterlijk_pdf)}, "
            f"in a letter's HTML: {len(letterlijk_brief)}"
        )
    assert letterlijk_pagina == TEMPLATES, set(TEMPLATES) - set(letterlijk_pagina)
    assert letterlijk_brief == TEMPLATES, set(TEMPLATES) - set(letterlijk_brief)
    assert letterlijk_pdf == TEMPLATES, set(TEMPLATES) - set(letterlijk_pdf)
    assert "49" not in pagina.split("tpl00")[1][:40]
