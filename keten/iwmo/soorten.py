"""iWmo 3.2 message types: namespaces, Vektis codes, versions, which retour answers which."""

from __future__ import annotations

NS_BASIS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
_NS_BERICHT = "http://www.istandaarden.nl/iwmo/3_2/wmo{}/schema"

#: Message type -> Vektis BerichtCode (code list COD002), fixed by each message's XSD.
VEKTIS_CODE = {
    "301": "414",
    "302": "415",
    "305": "418",
    "306": "419",
    "307": "420",
    "308": "421",
    "315": "444",
    "316": "445",
    "317": "480",
    "318": "481",
    "319": "482",
    "320": "483",
    "323": "484",
    "325": "485",
}
#: The retour that answers each heen message.
RETOUR_VAN_HEEN = {"301": "302", "305": "306", "307": "308"}

BERICHTVERSIE = "3"
BERICHTSUBVERSIE = "2"
XSD_VERSIE = "1.0.0"  # BasisschemaXsdVersie and BerichtXsdVersie of release 3.2

#: The message class of each heen message (and its retour) that holds one product.
PRODUCT_KLASSE = {"301": "ToegewezenProduct", "305": "StartProduct", "307": "StopProduct"}


def namespace(berichtsoort: str) -> str:
    """The namespace of message type ``berichtsoort`` ("301" ...)."""
    return _NS_BERICHT.format(berichtsoort)
