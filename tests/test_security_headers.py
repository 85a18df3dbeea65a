"""Content-Security-Policy and Permissions-Policy on every kind of page (docs/adr/0014).

One page per template family: login, start page, lists, htmx fragments, detail, forms (empty
and with errors), admin, the API docs, error pages (403, 404, 500) and file downloads. Each
response carries the strict policy, and its HTML has nothing the policy would block: no inline
script, no ``on...=`` handler, no inline style (the Redoc page alone may inject styles).
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import include, path

from tests.factories import ClientFactory, UserFactory

STRIKT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
UIT = ("camera", "microphone", "geolocation", "payment", "usb", "serial", "bluetooth")


def directives(header: str) -> dict[str, str]:
    return {
        deel.split()[0]: " ".join(deel.split()[1:])
        for deel in (d.strip() for d in header.split(";"))
        if deel
    }


class InlineCode(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, handlers, styles."""

    def __init__(self):
        super().__init__()
        self.gevonden: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributen = dict(attrs)
        for naam, _ in attrs:
            if naam.startswith("on"):
                self.gevonden.append(f"<{tag} {naam}=...>")
            if naam == "style":
                self.gevonden.append(f"<{tag} style=...>")
            if naam.startswith("hx-on"):
                self.gevonden.append(f"<{tag} {naam}=...> (needs eval)")
        if tag == "script" and "src" not in attributen and "nonce" not in attributen:
            self._in_script = attributen.get("type") not in ("application/json", "text/plain")
        if tag == "style" and "nonce" not in attributen:
            self.gevonden.append("<style> inline")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.gevonden.append(f"<script>{data.strip()[:40]}")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.gevonden


def assert_policies(response, *, style_src="'self'"):
    csp = response.headers.get("Content-Security-Policy")
    assert csp, f"no CSP on {response.request['PATH_INFO']}"
    gevonden = directives(csp)
    verwacht = {**STRIKT, "style-src": style_src}
    for directive, waarde in verwacht.items():
        assert gevonden.get(directive) == waarde, (directive, csp)
    assert "unsafe-inline" not in gevonden["script-src"]
    assert "unsafe-eval" not in csp
    beleid = response.headers.get("Permissions-Policy", "")
    for feature in UIT:
        assert f"{feature}=()" in beleid, (feature, beleid)


@pytest.fixture
def superuser(sdd):
    return UserFactory(username="root", organisatie=sdd, is_staff=True, is_superuser=True)


@pytest.fixture
def client_dossier(db):
    return ClientFactory(achternaam="Koppelaar")


@pytest.fixture
def capaciteit_b(aanbieder_b, ho, dordrecht):
    from django.utils import timezone

    from contractbeheer.models import Capaciteit

    melding = Capaciteit.objects.create(
        aanbieder=aanbieder_b, product=ho, aantal=12, vanaf_datum=timezone.localdate()
    )
    melding.gemeenten.set([dordrecht])
    return melding


# (name, user fixture or None, method, url or callable(fixtures) -> url, data, expected status)
PAGINAS = [
    ("login", None, "get", "/account/login/", None, 200),
    ("wachtwoord vergeten", None, "get", "/wachtwoord-vergeten/", None, 200),
    ("startpagina", "consulent", "get", "/", None, 200),
    ("startpagina aanbieder", "medewerker_a", "get", "/", None, 200),
    ("lijst", "consulent", "get", "/clienten/?naam=koppelaar", None, 200),
    ("lijst aanbieder", "medewerker_a", "get", "/clienten/", None, 200),
    ("detail", "consulent", "get", lambda f: f"/clienten/{f['client_dossier'].uuid}/", None, 200),
    ("formulier", "consulent", "get", "/clienten/nieuw/", None, 200),
    ("formulier met fouten", "consulent", "post", "/clienten/nieuw/", {"bsn": "12"}, 400),
    ("lijst met bevestigknop", "medewerker_b", "get", "/capaciteit/", None, 200),
    ("toegangslog", "beheerder", "get", "/beheer/toegangslog/", None, 200),
    ("contractbeheer", "contractmanager", "get", "/contractbeheer/", None, 200),
    ("admin", "superuser", "get", "/admin/", None, 200),
    ("admin lijst", "superuser", "get", "/admin/accounts/user/", None, 200),
    (
        "admin formulier",
        "superuser",
        "get",
        lambda f: f"/admin/accounts/user/{f['consulent'].pk}/change/",
        None,
        200,
    ),
    ("api docs", None, "get", "/api/v1/docs", None, 200),
    ("404", "consulent", "get", "/bestaat-niet/", None, 404),
    ("403", "medewerker_a", "get", "/contractbeheer/", None, 403),
    ("download", "contractmanager", "get", "/contractbeheer/?formaat=csv", None, 200),
]


@pytest.mark.parametrize(
    ("naam", "gebruiker", "methode", "url", "data", "status"),
    PAGINAS,
    ids=[p[0] for p in PAGINAS],
)
def test_every_page_type_has_the_strict_policy_and_no_inline_code(
    request, client, naam, gebruiker, methode, url, data, status, client_dossier, capaciteit_b
):
    from sdd_portal.accounts.otp import inloggen_met_tweede_factor

    if gebruiker:
        inloggen_met_tweede_factor(client, request.getfixturevalue(gebruiker))
    if callable(url):
        url = url({n: request.getfixturevalue(n) for n in ("client_dossier", "consulent")})
    response = getattr(client, methode)(url, data or {})
    assert response.status_code == status, naam
    if naam == "formulier met fouten":
        assert "BSN" in response.content.decode()
    assert_policies(response)
    if response["Content-Type"].startswith("text/html"):
        assert inline_code(response.content.decode()) == [], naam


def test_htmx_fragment_has_the_policy_and_no_inline_code(login, consulent, client_dossier):
    response = login(consulent).get(
        "/clienten/", {"naam": "koppelaar"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "Koppelaar" in response.content.decode()
    assert_policies(response)
    assert inline_code(response.content.decode()) == []


def test_base_template_configures_htmx_without_eval_or_inline_styles(login, consulent):
    html = login(consulent).get("/").content.decode()
    assert '"includeIndicatorStyles": false' in html
    assert '"allowEval": false' in html


def test_swagger_init_script_is_served_from_a_url_not_inline(client):
    pagina = client.get("/api/v1/docs").content.decode()
    assert 'src="/api/v1/docs?script="' in pagina
    script = client.get("/api/v1/docs?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()


def test_redoc_may_inject_styles_but_no_script_and_loads_no_third_party_fonts(client):
    response = client.get("/api/v1/redoc")
    assert response.status_code == 200
    assert_policies(response, style_src="'self' 'unsafe-inline'")
    html = response.content.decode()
    assert "fonts.googleapis.com" not in html
    assert [g for g in inline_code(html) if "script" in g or " on" in g] == []


def test_capacity_withdrawal_asks_confirmation_without_an_inline_handler(
    login, medewerker_b, capaciteit_b
):
    html = login(medewerker_b).get("/capaciteit/").content.decode()
    assert 'data-bevestig="Deze capaciteitsmelding intrekken?' in html
    assert "onsubmit" not in html


def _boem(request):
    raise RuntimeError("boem")


urlpatterns = [path("boem/", _boem), path("", include("sdd_portal.urls"))]
handler500 = "sdd_portal.views.serverfout"


@pytest.mark.urls(__name__)
def test_the_500_page_has_the_policy_and_no_inline_style(client, db):
    client.raise_request_exception = False
    response = client.get("/boem/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert_policies(response)
    assert inline_code(response.content.decode()) == []
