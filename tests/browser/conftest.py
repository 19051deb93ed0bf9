"""Browser tests: Playwright for Python driving Debian's Chromium against the live server.

Never a browser downloaded by a test tool: the executable is /usr/bin/chromium.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

DEMO_PASSWORDS = {"analyst": "analyst-demo", "analyst2": "analyst-demo", "reviewer": "reviewer-demo", "admin": "admin-demo"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    # Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
    # tests themselves (fixtures, assertions) are still plain synchronous code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def seeded(transactional_db, settings):
    """The seed data (registry, five articles, demo users), as `make run` has it."""
    from django.core.management import call_command

    settings.SEED_DEMO_USERS = True
    call_command("seed", verbosity=0)


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser context on the live server; fails the test on any console error (CSP
    violations included) and on any page served without the Content-Security-Policy."""
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    unprotected: list[str] = []  # HTML pages served without the Content-Security-Policy
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def check_policy(response) -> None:
        if response.request.resource_type == "document" and "content-security-policy" not in response.headers:
            unprotected.append(response.url)

    page.on("response", check_policy)
    page.console_errors = errors  # a test that provokes an error on purpose takes it out
    page.set_default_timeout(10_000)
    page.set_default_navigation_timeout(30_000)  # a page load on a busy 2-core machine
    yield page
    context.close()
    # A CSP violation is a console error ("Refused to execute inline script ..."): it fails here.
    assert not errors, f"browser console errors: {errors}"
    assert not unprotected, f"pages served without a Content-Security-Policy: {unprotected}"


@pytest.fixture
def login(page):
    """Log in through the real form: ``login("analyst")``."""

    def _login(username: str, password: str | None = None, *, then: str | None = "/") -> None:
        """Log in, then open ``then`` (the document list by default; None stays on the start
        page the login lands on, My queue for a project's analysts)."""
        page.context.clear_cookies()
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password or DEMO_PASSWORDS[username])
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        if then:
            page.goto(then)

    return _login
