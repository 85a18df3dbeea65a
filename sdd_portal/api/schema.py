"""OpenAPI post-processing for the NL API Design Rules: an ``API-Version`` header on every
2xx/3xx answer, problem+json on every error answer, 400 on every operation, and
``time-local`` for times without a zone."""

from __future__ import annotations

from django.conf import settings

PROBLEEM_REF = {"$ref": "#/components/schemas/Probleem"}
FOUTEN = {
    "400": "Ongeldige invoer; 'invalidParams' noemt elk veld met het probleem.",
    "401": "Geen of een ongeldige API-sleutel.",
    "406": "Het gevraagde formaat (Accept) wordt niet geleverd; gebruik application/json.",
    "403": "De API-sleutel heeft geen recht op deze resource.",
    "429": "Te veel verzoeken; wacht het aantal seconden uit 'Retry-After'.",
}
DETAIL_FOUTEN = {"404": "Niet gevonden, of niet zichtbaar voor uw organisatie."}
SCHRIJF_FOUTEN = {
    "409": "Een verzoek met dezelfde Idempotency-Key wordt nog verwerkt.",
    "415": "Het formaat van de inhoud (Content-Type) wordt niet ondersteund.",
    "412": "If-Match: de gegevens zijn intussen gewijzigd.",
    "422": "Idempotency-Key is al gebruikt voor een ander verzoek.",
}

PROBLEEM_SCHEMA = {
    "type": "object",
    "description": "Foutbericht volgens RFC 9457 (problem details).",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string", "description": "Het veld (camelCase)."},
                    "code": {"type": "string"},
                    "reason": {
                        "type": "string",
                        "description": "Wat er mis is, in het Nederlands.",
                    },
                },
            },
        },
    },
}


def _versie_header() -> dict:
    return {
        "description": "De volledige versie van de API.",
        "schema": {"type": "string", "example": settings.API_VERSION},
    }


def _probleem(beschrijving: str) -> dict:
    return {
        "description": beschrijving,
        "content": {"application/problem+json": {"schema": PROBLEEM_REF}},
    }


def _tijden(node) -> None:
    if isinstance(node, dict):
        if node.get("format") == "time":
            node["format"] = "time-local"
        for waarde in node.values():
            _tijden(waarde)
    elif isinstance(node, list):
        for waarde in node:
            _tijden(waarde)


def _lege_email(componenten: dict) -> None:
    """An optional e-mail address is answered as "" when empty, which is not a valid
    ``format: email``: in answers, say so instead of claiming the format."""
    for naam, schema in componenten.items():
        if naam.endswith("Request"):
            continue
        for eigenschap in schema.get("properties", {}).values():
            if eigenschap.get("format") == "email":
                del eigenschap["format"]
                eigenschap["description"] = "E-mailadres, of leeg als het niet bekend is."


def api_conventies(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Probleem"] = PROBLEEM_SCHEMA
    for pad, operaties in result.get("paths", {}).items():
        for methode, operatie in operaties.items():
            if methode not in ("get", "post", "put", "patch", "delete"):
                continue
            antwoorden = operatie.setdefault("responses", {})
            for code, antwoord in antwoorden.items():
                if code[0] in "23":
                    antwoord.setdefault("headers", {})["API-Version"] = _versie_header()
                    if methode == "get" and "{" in pad and code == "200":
                        antwoord["headers"]["ETag"] = {
                            "description": "Versie van deze representatie "
                            "(If-None-Match geeft 304).",
                            "schema": {"type": "string"},
                        }
                elif code[0] in "45":
                    antwoord["content"] = {"application/problem+json": {"schema": PROBLEEM_REF}}
            fouten = dict(FOUTEN)
            if "{" in pad:
                fouten.update(DETAIL_FOUTEN)
            if methode != "get":
                fouten.update(SCHRIJF_FOUTEN)
            for code, beschrijving in fouten.items():
                antwoorden.setdefault(code, _probleem(beschrijving))
            if methode == "get" and "{" in pad:
                antwoorden.setdefault(
                    "304",
                    {
                        "description": "Niet gewijzigd (If-None-Match).",
                        "headers": {"API-Version": _versie_header()},
                    },
                )
    _tijden(result)
    _lege_email(result["components"]["schemas"])
    return result
