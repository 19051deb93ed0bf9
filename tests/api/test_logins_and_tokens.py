"""Logins resist guessing: lockout (django-axes) on the login page, the admin and the token
endpoint; API throttles; tokens that expire and can be revoked (django-rest-knox)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from knox.models import AuthToken

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def token_post(client, username, password, **extra):
    return client.post("/api/v1/auth/token/", {"username": username, "password": password}, content_type="application/json", **extra)


def test_the_login_page_locks_a_username_and_says_so(analyst):
    client = Client()
    assert "After 3 failed attempts in a row" in client.get("/accounts/login/").content.decode()
    for i in range(2):
        assert client.post("/accounts/login/", {"username": "ann", "password": f"wrong{i}"}).status_code == 200
    locked = client.post("/accounts/login/", {"username": "ann", "password": "wrong"})
    assert locked.status_code == 429 and locked["Retry-After"] == "900"
    assert "logging in is locked for 15 minutes" in locked.content.decode()
    assert 'name="username"' in locked.content.decode()  # the form is there again
    # The right password does not help while locked, from another address either.
    again = Client(REMOTE_ADDR="10.0.0.9").post("/accounts/login/", {"username": "ann", "password": PASSWORD})
    assert again.status_code == 429
    assert "_auth_user_id" not in again.wsgi_request.session


def test_one_address_is_locked_whatever_the_usernames(analyst, other_analyst):
    client = Client(REMOTE_ADDR="10.0.0.7")
    for name in ("x1", "x2", "x3"):
        client.post("/accounts/login/", {"username": name, "password": "nope"})
    assert client.post("/accounts/login/", {"username": "bob", "password": PASSWORD}).status_code == 429
    # bob from elsewhere is fine.
    assert Client(REMOTE_ADDR="10.0.0.8").post("/accounts/login/", {"username": "bob", "password": PASSWORD}).status_code == 302


def test_a_success_before_the_limit_resets_the_count(analyst):
    client = Client()
    for _ in range(2):
        client.post("/accounts/login/", {"username": "ann", "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "ann", "password": PASSWORD}).status_code == 302
    other = Client()
    for _ in range(2):
        other.post("/accounts/login/", {"username": "ann", "password": "wrong"})
    assert other.post("/accounts/login/", {"username": "ann", "password": PASSWORD}).status_code == 302


def test_the_admin_login_locks_too(admin_user):
    client = Client()
    for _ in range(3):
        client.post("/admin/login/", {"username": "root", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "root", "password": PASSWORD})
    assert response.status_code == 429
    assert "locked" in response.content.decode()


def test_the_token_endpoint_answers_429_with_retry_after(client, reviewer):
    codes = [token_post(client, "rev", f"wrong{i}").status_code for i in range(2)]
    assert codes == [400, 400]
    locked = token_post(client, "rev", "wrong")
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    assert locked.json()["code"] == "locked_out" and "locked for 15 minutes" in locked.json()["detail"]
    assert token_post(client, "rev", PASSWORD).status_code == 429
    assert not AuthToken.objects.exists()


def test_tokens_expire(client, analyst, settings):
    response = token_post(client, "ann", PASSWORD)
    expiry = parse_datetime(response.json()["expiry"])
    assert timedelta(hours=9) < expiry - timezone.now() <= timedelta(hours=10)
    token = response.json()["token"]
    assert client.get("/api/v1/sources/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
    AuthToken.objects.update(expiry=timezone.now() - timedelta(seconds=1))
    expired = client.get("/api/v1/sources/", HTTP_AUTHORIZATION=f"Token {token}")
    assert expired.status_code == 401


def test_each_login_gets_its_own_token_and_logout_revokes_one(client, analyst):
    first = token_post(client, "ann", PASSWORD).json()["token"]
    second = token_post(client, "ann", PASSWORD).json()["token"]
    assert first != second
    response = client.post("/api/v1/auth/logout/", HTTP_AUTHORIZATION=f"Token {first}")
    assert response.status_code == 204
    assert client.get("/api/v1/sources/", HTTP_AUTHORIZATION=f"Token {first}").status_code == 401
    assert client.get("/api/v1/sources/", HTTP_AUTHORIZATION=f"Token {second}").status_code == 200
    assert client.post("/api/v1/auth/logout/").status_code == 401


@pytest.fixture
def throttled(monkeypatch):
    """Low rates for these tests only (the test settings' are too high to trip). DRF reads the
    rates once, into the throttle class, so they are replaced there."""
    from django.core.cache import cache
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "5/minute"})
    cache.clear()
    yield
    cache.clear()


def test_api_throttles_per_user(api, analyst, other_analyst, throttled):
    client = api(analyst)
    codes = [client.get("/api/v1/sources/").status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    refused = client.get("/api/v1/sources/")
    assert int(refused["Retry-After"]) > 0
    assert api(other_analyst).get("/api/v1/sources/").status_code == 200  # per user


def test_api_throttles_per_anonymous_client(analyst, throttled):
    client = Client(REMOTE_ADDR="10.1.1.1")
    codes = [token_post(client, "ann", PASSWORD).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert Client(REMOTE_ADDR="10.1.1.2").post(
        "/api/v1/auth/token/", {"username": "ann", "password": PASSWORD}, content_type="application/json"
    ).status_code == 200


def test_passwords_are_hashed_with_argon2id_at_owasp_parameters():
    from django.contrib.auth.hashers import identify_hasher, make_password

    from annotator.settings import base

    assert base.PASSWORD_HASHERS[0] == "claims.hashers.OWASPArgon2PasswordHasher"
    from claims.hashers import OWASPArgon2PasswordHasher

    encoded = OWASPArgon2PasswordHasher().encode("secret", OWASPArgon2PasswordHasher().salt())
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert OWASPArgon2PasswordHasher().verify("secret", encoded)
    assert identify_hasher(make_password("x")).algorithm  # the test settings' fast hasher still works


def test_a_throttle_keeps_one_row_a_user_and_lets_requests_through_again_on_schedule(api, analyst, monkeypatch):
    from django.db.models import F
    from rest_framework.throttling import SimpleRateThrottle

    from claims.models import ThrottleBucket

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "4/minute"})
    client = api(analyst)
    codes = [client.get("/api/v1/sources/").status_code for _ in range(5)]
    assert codes == [200] * 4 + [429]  # a burst of the whole rate, then refused
    assert 0 < int(client.get("/api/v1/sources/")["Retry-After"]) <= 15  # one request every 15 s
    assert list(ThrottleBucket.objects.values_list("key", flat=True)) == [f"throttle_user_{analyst.pk}"]
    ThrottleBucket.objects.update(arrival=F("arrival") - 15)  # as if 15 s had passed
    assert client.get("/api/v1/sources/").status_code == 200
    assert client.get("/api/v1/sources/").status_code == 429


def test_expired_tokens_are_refused_and_deleted_when_used_or_at_the_next_login(client, analyst):
    expired = [AuthToken.objects.create(user=analyst, expiry=timedelta(hours=1)) for _ in range(2)]
    AuthToken.objects.filter(user=analyst).update(expiry=timezone.now() - timedelta(minutes=1))
    assert client.get("/api/v1/sources/", HTTP_AUTHORIZATION=f"Token {expired[0][1]}").status_code == 401
    assert AuthToken.objects.filter(user=analyst).count() == 1  # the one presented is gone
    assert token_post(client, "ann", PASSWORD).status_code == 200
    assert AuthToken.objects.filter(user=analyst).count() == 1  # the other expired one too; the new one left
    assert AuthToken.objects.get(user=analyst).expiry > timezone.now()
