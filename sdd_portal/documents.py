"""The document engine of the portal, used by every app that makes or takes PDFs.

- Uploads: ``controleer_pdf`` checks an uploaded PDF by its content, not its name.
- Rendering: ``pdf_van_html`` turns HTML into a tagged PDF/UA-1 with WeasyPrint while
  refusing every URL fetch (CSS is inlined and fonts are local, so a document cannot leak
  data or hang on the network); ``met_bijlage`` appends a PDF (tags and metadata kept);
  ``aantal_paginas`` counts pages.

WeasyPrint is imported only inside the functions that render (a lint rule bans its
module-level import): importing this module costs nothing for a process that never renders.
"""

from __future__ import annotations

import hashlib
import io
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from pypdf import PdfReader, PdfWriter
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


class NetwerkGeweigerd(ValueError):
    """Raised for every URL a document tries to fetch while rendering."""


def _geen_netwerk():
    """WeasyPrint's URL fetcher for our documents: it refuses every URL, so rendering never
    reaches the network or the file system (the resource is skipped with a warning)."""
    from weasyprint.urls import URLFetcher

    class GeenNetwerk(URLFetcher):
        def fetch(self, url, headers=None):
            raise NetwerkGeweigerd(f"Documenten halen niets op van buiten: {url}")

    return GeenNetwerk()


def pdf_van_html(bron: str) -> bytes:
    """A PDF/UA-1 document (A4 and fonts as the HTML's own CSS says) from ``bron``."""
    from weasyprint import HTML

    return HTML(string=bron, url_fetcher=_geen_netwerk(), base_url="about:blank").write_pdf(
        pdf_variant="pdf/ua-1"
    )


def met_bijlage(pdf: bytes, bijlage) -> bytes:
    """``pdf`` (tags, language and metadata kept) followed by the pages of ``bijlage``."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.append(PdfReader(bijlage))
    uit = io.BytesIO()
    writer.write(uit)
    return uit.getvalue()


def aantal_paginas(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
