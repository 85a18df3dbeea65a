"""Checks on uploaded PDFs: the content decides, not the file name."""

from __future__ import annotations

import hashlib
import io
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

ENCRYPT_RE = re.compile(rb"/Encrypt\s*(\d+\s+\d+\s+R|<<)")


def controleer_pdf(upload) -> tuple[bytes, str]:
    """Read the upload; return (content, sha256) or raise a Dutch ValidationError."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            "Het bestand is %(mb).1f MB; het maximum is %(max)d MB.",
            code="te_groot",
            params={"mb": upload.size / 1024 / 1024, "max": limit // 1024 // 1024},
        )
    upload.seek(0)
    content = upload.read()
    if not content.startswith(b"%PDF-"):
        raise ValidationError(
            "Dit bestand is geen PDF (de inhoud begint niet als een PDF), ook al heet het "
            "misschien zo. Sla het document op als PDF en probeer het opnieuw.",
            code="geen_pdf",
        )
    if b"%%EOF" not in content[-2048:]:
        raise ValidationError(
            "Deze PDF is onvolledig of beschadigd (het einde ontbreekt).", code="beschadigd"
        )
    if ENCRYPT_RE.search(content):
        raise ValidationError(
            "Deze PDF is beveiligd met een wachtwoord of versleuteld. Upload een PDF zonder "
            "beveiliging.",
            code="versleuteld",
        )
    try:
        pages = len(PdfReader(io.BytesIO(content)).pages)
    except (PdfReadError, ValueError, KeyError, TypeError, RecursionError):
        pages = 0
    if pages < 1:
        raise ValidationError(
            "Deze PDF kan niet worden gelezen (beschadigd of zonder pagina's). Sla het "
            "document opnieuw op als PDF en probeer het nog eens.",
            code="onleesbaar",
        )
    return content, hashlib.sha256(content).hexdigest()
