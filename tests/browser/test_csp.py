"""The Content-Security-Policy in a real browser: htmx, the review page's script (nonce), Swagger
UI and the admin work under it. Any violation is a console error, which fails the test (see the
``page`` fixture); so does a page served without the policy."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_policy_forbids_inline_scripts_without_the_nonce(page, seeded, login):
    login("reviewer")
    response = page.goto("/review/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self' 'nonce-" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "camera=()" in response.headers["permissions-policy"]
    # The keyboard script of the review page runs (it carries the nonce): "?" opens the help.
    page.keyboard.press("?")
    assert page.get_by_role("dialog").is_visible()


def test_an_injected_inline_script_is_refused(page, seeded, login):
    login("analyst")
    page.goto("/")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.body.appendChild(s); }"
    )
    assert page.evaluate("() => window.injected") is None
    provoked = [e for e in page.console_errors if "Content Security Policy" in e]
    assert provoked, page.console_errors
    for error in provoked:  # provoked on purpose: not a failure of the page
        page.console_errors.remove(error)


def test_swagger_ui_renders_under_the_policy(page, seeded, login):
    login("analyst")
    page.goto("/api/docs/")
    page.locator(".opblock").first.wait_for(timeout=45_000)  # a 1.4 MB bundle, then the schema
    assert page.locator(".opblock").count() > 10


def test_the_admin_works_under_the_policy(page, seeded, login):
    login("admin")
    page.goto("/admin/claims/source/")
    page.get_by_role("link", name="Add source").click()
    page.wait_for_url("**/admin/claims/source/add/")
    assert page.get_by_label("Name").is_visible()
