"""Real Chromium (Debian's package) driven by Playwright, with axe-core checks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in
    # the test body happen outside of it, before or after page actions.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


def is_csp_violation(message) -> bool:
    return message.type == "error" and "Content Security Policy" in message.text


@pytest.fixture
def page(browser):
    """A page that fails its test on any Content-Security-Policy violation (docs/adr/0014)."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    schendingen: list[str] = []
    page.on(
        "console",
        lambda message: schendingen.append(message.text) if is_csp_violation(message) else None,
    )
    page.csp_schendingen = schendingen
    yield page
    context.close()
    assert schendingen == [], f"CSP violations: {schendingen}"


def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """Run axe-core (WCAG 2.1 A/AA rules) on the current page.

    axe is evaluated through the DevTools protocol, which the page's CSP does not govern; an
    injected <script> tag would be refused like any other inline script."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def login_in_browser(page, live_server, username, device=None):
    from django_otp.oath import totp

    from tests.factories import PASSWORD

    page.goto(f"{live_server.url}/account/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    if device is not None:
        page.get_by_text("zescijferige code").wait_for()
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        page.get_by_label("Token").fill(f"{code:06d}")
        page.get_by_role("button", name="Volgende").click()
    page.get_by_role("heading", name="Welkom").wait_for()
