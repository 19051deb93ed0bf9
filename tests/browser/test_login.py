"""The login page in a real browser: every page needs a login."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_anonymous_is_sent_to_login_then_sees_documents(page, seeded, login):
    page.goto("/")
    assert "/accounts/login/" in page.url
    login("analyst")
    assert page.get_by_role("heading", name="Documents").is_visible()
    assert page.get_by_role("link", name="Al-Anbar : des militaires US font des va-et-vient à Falloujah").is_visible()


def test_wrong_password_shows_the_form_again(page, seeded):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("analyst")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("alert").is_visible()
    assert "/accounts/login/" in page.url
