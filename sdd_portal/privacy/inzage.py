"""A client's right of access (AVG art. 15): everything the portal holds about one client,
its history, and who viewed it when, as JSON (machine-readable) and as a PDF.

The collection walks the same registry as destruction, so what can be destroyed is exactly
what is shown. The caller logs the export in the access log (actie 'exporteren').
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from uuid import UUID

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile
from django.template.loader import render_to_string
from django.utils import timezone

from sdd_portal.audit.models import AccessLogEntry
from sdd_portal.documents import pdf_van_html

from . import registry
from .selectors import Dossier

CSS = Path(__file__).with_name("inzage.css")


def _waarde(obj, veld: models.Field):
    if veld.is_relation:
        doel = getattr(obj, veld.attname)
        if doel is None:
            return None
        gerelateerd = veld.related_model
        if gerelateerd._meta.label == "accounts.User" or hasattr(gerelateerd, "USERNAME_FIELD"):
            return (
                gerelateerd._base_manager.filter(pk=doel).values_list("username", flat=True).first()
            )
        rij = gerelateerd._base_manager.filter(pk=doel).first()
        return str(rij) if rij is not None else doel
    waarde = veld.value_from_object(obj)
    if isinstance(waarde, FieldFile):
        return waarde.name or None
    if veld.choices and waarde not in (None, ""):
        return str(dict(veld.flatchoices).get(waarde, waarde))
    return waarde


def _rij(obj, velden) -> dict:
    return {str(v.verbose_name): _waarde(obj, v) for v in velden}


def verzamelen(client) -> dict:
    """Every registered row of ``client``, its history rows and the access-log rows."""
    dossier = Dossier(client.pk)
    soorten = []
    # The client first, then its files from the top down (the reverse of deletion order).
    for soort in reversed(registry.alle()):
        velden = soort.exportvelden()
        rijen = [_rij(o, velden) for o in dossier.huidige(soort).order_by("pk")]
        historie = []
        hist = dossier.historie(soort)
        if hist is not None:
            for h in hist.order_by("history_date", "history_id").select_related("history_user"):
                historie.append(
                    {
                        "tijdstip": h.history_date,
                        "soort wijziging": h.get_history_type_display(),
                        "door": getattr(h.history_user, "username", None),
                        "reden": h.history_change_reason,
                        "gegevens": {
                            str(v.verbose_name): _waarde(h, h._meta.get_field(v.name))
                            for v in velden
                        },
                    }
                )
        if rijen or historie:
            soorten.append({"soort": soort.naam, "gegevens": rijen, "historie": historie})
    toegangslog = [
        {
            "tijdstip": e.timestamp,
            "gebruiker": e.username,
            "organisatie": e.organisatie_naam,
            "actie": e.get_actie_display(),
            "wat": e.omschrijving,
            "uitkomst": e.get_uitkomst_display(),
        }
        for e in AccessLogEntry.objects.for_client(client.pk).order_by("timestamp", "id")
    ]
    return {
        "opgesteld_op": timezone.now(),
        "client": {"id": str(client.uuid), "naam": str(client)},
        "soorten": soorten,
        "toegangslog": toegangslog,
    }


class _Encoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return str(o)
        if isinstance(o, UUID):
            return str(o)
        return super().default(o)


def als_json(gegevens: dict) -> bytes:
    return json.dumps(gegevens, cls=_Encoder, ensure_ascii=False, indent=2).encode("utf-8")


def _tekst(waarde) -> str:
    if waarde is None or waarde == "":
        return "-"
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde).strftime("%d-%m-%Y %H:%M")
    if isinstance(waarde, date):
        return waarde.strftime("%d-%m-%Y")
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, list | dict):
        return json.dumps(waarde, cls=_Encoder, ensure_ascii=False)
    return str(waarde)


def als_pdf(gegevens: dict) -> bytes:
    """The same content as a PDF/UA document (values pre-formatted as Dutch text)."""
    soorten = [
        {
            "soort": s["soort"],
            "gegevens": [[(k, _tekst(v)) for k, v in r.items()] for r in s["gegevens"]],
            "historie": [
                {
                    "tijdstip": _tekst(h["tijdstip"]),
                    "soort": h["soort wijziging"],
                    "door": _tekst(h["door"]),
                    "reden": _tekst(h["reden"]),
                    "gegevens": [(k, _tekst(v)) for k, v in h["gegevens"].items()],
                }
                for h in s["historie"]
            ],
        }
        for s in gegevens["soorten"]
    ]
    toegangslog = [{k: _tekst(v) for k, v in e.items()} for e in gegevens["toegangslog"]]
    html = render_to_string(
        "privacy/inzage_pdf.html",
        {
            "css": CSS.read_text(encoding="utf-8"),
            "client": gegevens["client"],
            "opgesteld_op": _tekst(gegevens["opgesteld_op"]),
            "soorten": soorten,
            "toegangslog": toegangslog,
        },
    )
    return pdf_van_html(html)
