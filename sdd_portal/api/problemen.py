"""Errors as RFC 9457 problem details (``application/problem+json``), in Dutch.

Every error the API gives, from DRF, from a service's ``ValidationError``, from an unknown
URL or from an unexpected exception, has ``type``, ``title``, ``status``, ``detail`` and
``instance``; validation errors add ``invalidParams`` with one entry per field (camelCase
name, code, reason).
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from djangorestframework_camel_case.util import camelize_re, underscore_to_camel
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)

PROBLEM_TYPE = "application/problem+json"

TITELS = {
    400: "Ongeldige invoer.",
    401: "Niet geauthenticeerd.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Gevraagd formaat niet beschikbaar.",
    409: "Conflict.",
    412: "Voorwaarde niet vervuld.",
    415: "Mediatype niet ondersteund.",
    422: "Verzoek niet te verwerken.",
    428: "Voorwaarde vereist.",
    429: "Te veel verzoeken.",
    500: "Interne fout.",
}


def camel(naam: str) -> str:
    return camelize_re.sub(underscore_to_camel, naam) if naam else naam


def _invalid_params(detail, prefix: str = "") -> list[dict]:
    params = []
    if isinstance(detail, dict):
        for veld, waarde in detail.items():
            # Keys are field names, or list indexes (errors of single items of a list).
            veld = str(veld)
            naam = "nonFieldErrors" if veld in ("non_field_errors", "__all__") else camel(veld)
            volledig = f"{prefix}.{naam}" if prefix and naam != "nonFieldErrors" else naam
            params.extend(_invalid_params(waarde, volledig))
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            if isinstance(item, dict | list) and not isinstance(item, str):
                params.extend(_invalid_params(item, f"{prefix}.{index}"))
            else:
                params.append(
                    {
                        "name": prefix or "nonFieldErrors",
                        "code": getattr(item, "code", "invalid"),
                        "reason": str(item),
                    }
                )
    else:
        params.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": getattr(detail, "code", "invalid"),
                "reason": str(detail),
            }
        )
    return params


def probleem(
    status_code: int, detail: str, *, instance: str = "", invalid_params=None, code: str = ""
) -> dict:
    body = {
        "type": f"https://wmo-portaal.drechtsteden.nl/api/problemen/{code or status_code}",
        "title": TITELS.get(status_code, "Fout."),
        "status": status_code,
        "detail": detail,
        "instance": instance,
    }
    if invalid_params:
        body["invalidParams"] = invalid_params
    return body


def probleem_response(
    status_code: int, detail: str, *, request=None, headers=None, **kwargs
) -> Response:
    body = probleem(
        status_code, detail, instance=request.get_full_path() if request else "", **kwargs
    )
    return Response(body, status=status_code, headers=headers, content_type=PROBLEM_TYPE)


def api_exception_handler(exc, context):
    request = context.get("request")
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    response = exception_handler(exc, context)
    if response is None:
        if isinstance(exc, Http404 | PermissionDenied):  # pragma: no cover - DRF maps these
            return None
        logger.exception("Onverwachte fout in de API", exc_info=exc)
        return probleem_response(
            500,
            "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
            request=request,
        )
    data = response.data
    invalid = None
    if isinstance(exc, exceptions.ValidationError):
        invalid = _invalid_params(data)
        velden = sorted({p["name"] for p in invalid})
        detail = "Controleer " + ", ".join(velden) + ": " + invalid[0]["reason"]
        if len(invalid) > 1:
            detail += f" (en {len(invalid) - 1} andere fout{'en' if len(invalid) > 2 else ''})"
    elif isinstance(data, dict) and "detail" in data:
        detail = str(data["detail"])
    else:
        detail = str(data)
    code = getattr(exc, "default_code", "")
    if isinstance(exc, exceptions.Throttled) and exc.wait:
        seconden = int(exc.wait) + 1
        detail = (
            f"Te veel verzoeken met deze sleutel. Probeer het over {seconden} seconden opnieuw."
        )
    body = probleem(
        response.status_code,
        detail,
        instance=request.get_full_path() if request else "",
        invalid_params=invalid,
        code=code,
    )
    response.data = body
    response.content_type = PROBLEM_TYPE
    return response


def _json_probleem(request, status_code: int, detail: str) -> JsonResponse:
    return JsonResponse(
        probleem(status_code, detail, instance=request.get_full_path()),
        status=status_code,
        content_type=PROBLEM_TYPE,
    )


@csrf_exempt  # token-authenticated API: a POST to an unknown URL is a 404, not a CSRF 403
def api_niet_gevonden(request) -> JsonResponse:
    return _json_probleem(request, status.HTTP_404_NOT_FOUND, "Deze URL bestaat niet in de API.")


def api_serverfout(request) -> JsonResponse:
    return _json_probleem(
        request, 500, "Er ging iets mis aan onze kant. Probeer het later opnieuw."
    )
