"""Two ``make serve`` instances on one database, behind one host name as a load balancer would
put them: a client whose every request goes to the other instance logs in, edits, submits and
reviews without noticing (sessions, CSRF, tokens, version checks and row locks all live in
PostgreSQL; the instances share only DJANGO_SECRET_KEY)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from itertools import cycle
from pathlib import Path

import pytest
import requests
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.test import override_settings

from claims.permissions import ANALYST_GROUP, REVIEWER_GROUP
from tests.factories import DocumentFactory, SourceFactory, UserFactory
from tests.queue.conftest import database_url

ROOT = Path(__file__).resolve().parent.parent.parent
PORTS = (8153, 8154)
HOST = "claims.example.test"
PASSWORD = "a-long-enough-password-1"


@pytest.fixture
def servers(transactional_db, tmp_path):
    env = {
        **os.environ, "DATABASE_URL": database_url(), "DJANGO_SECRET_KEY": "shared-by-every-instance-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": HOST, "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("CELERY_BROKER_URL", None)
    processes = []
    try:
        for port in PORTS:
            with socket.socket() as probe:
                assert probe.connect_ex(("127.0.0.1", port)) != 0, f"port {port} is taken"
            log = open(tmp_path / f"serve-{port}.log", "wb")
            processes.append(subprocess.Popen(
                ["make", "--no-print-directory", "serve", f"PORT={port}", "WORKERS=2", "THREADS=2"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            ))
            deadline = time.monotonic() + 180
            while True:
                with socket.socket() as probe:
                    if probe.connect_ex(("127.0.0.1", port)) == 0:
                        break
                assert processes[-1].poll() is None, (tmp_path / f"serve-{port}.log").read_text()
                assert time.monotonic() < deadline, f"make serve on {port} did not start"
                time.sleep(0.3)
        yield [f"http://127.0.0.1:{port}" for port in PORTS]
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)


class Browser:
    """Cookies, CSRF and the proxy's headers, each request on the next instance in turn."""

    def __init__(self, bases: list[str]):
        self.bases = cycle(bases)
        self.cookies: dict[str, str] = {}
        self.served_by: list[str] = []

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        base = next(self.bases)
        self.served_by.append(base)
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Referer": f"https://{HOST}{path}",
                   **kwargs.pop("headers", {})}
        if method != "GET" and "csrftoken" in self.cookies:
            headers.setdefault("X-CSRFToken", self.cookies["csrftoken"])
        response = requests.request(method, base + path, headers=headers, cookies=self.cookies,
                                    allow_redirects=False, timeout=60, **kwargs)
        for cookie in response.cookies:  # Secure cookies too: TLS ends at the proxy
            self.cookies[cookie.name] = cookie.value
        for name in [n for n, v in response.cookies.items() if v == ""]:
            self.cookies.pop(name, None)
        return response

    def log_in(self, username: str) -> None:
        page = self.request("GET", "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = self.request("POST", "/accounts/login/", data={
            "username": username, "password": PASSWORD, "csrfmiddlewaretoken": token})
        assert response.status_code == 302, re.findall(r"(?s)errorlist.{0,300}", response.text) or response.text[-3000:]


def test_a_client_alternating_between_two_instances_notices_nothing(servers):
    for username, group in (("ann", ANALYST_GROUP), ("rev", REVIEWER_GROUP)):
        user = UserFactory(username=username, groups=[group])
        # The servers run the production hashers (the tests' fast MD5 is not among them).
        user.password = PBKDF2PasswordHasher().encode(PASSWORD, "saltsaltsalt", iterations=1000)
        user.save(update_fields=["password"])
    source = SourceFactory(slug="mehr")
    with override_settings(TASKS={"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}):
        document = DocumentFactory(text="Selon l’agence Mehr, la colonne est arrivée à Mossoul.\n")

    ann = Browser(servers)
    ann.log_in("ann")  # the login page from one instance, the POST to the other
    assert ann.request("GET", "/").status_code == 200
    page = ann.request("GET", f"/documents/{document.pk}/")
    assert page.status_code == 200 and "Mossoul" in page.text

    created = ann.request("POST", "/api/v1/claims/", json={
        "document": document.pk, "start": 0, "end": 19, "tag": "unsourced"})
    assert created.status_code == 201, created.text
    claim = created.json()
    edited = ann.request("PATCH", f"/api/v1/claims/{claim['id']}/", json={
        "version": claim["version"], "tag": "sourced", "attributions": [{"position": 0, "source": source.slug}]})
    assert edited.status_code == 200, edited.text
    stale = ann.request("PATCH", f"/api/v1/claims/{claim['id']}/", json={"version": claim["version"], "tag": "unsourced"})
    assert stale.status_code == 409  # the other instance knows the version too
    submitted = ann.request("POST", f"/api/v1/claims/{claim['id']}/submit/")
    assert submitted.status_code == 200, submitted.text

    rev = Browser(list(reversed(servers)))
    rev.log_in("rev")
    queue = rev.request("GET", "/review/")
    assert queue.status_code == 200 and "Mossoul" in queue.text
    reviewed = rev.request("POST", f"/api/v1/claims/{claim['id']}/review/", json={"decision": "approve"})
    assert reviewed.status_code == 201, reviewed.text
    assert ann.request("GET", f"/api/v1/claims/{claim['id']}/").json()["status"] == "approved"

    token = ann.request("POST", "/api/v1/auth/token/", json={"username": "ann", "password": PASSWORD}).json()["token"]
    for base in servers:  # a token from one instance works on both
        response = requests.get(f"{base}/api/v1/claims/", headers={
            "Host": HOST, "X-Forwarded-Proto": "https", "Authorization": f"Token {token}"}, timeout=30)
        assert response.status_code == 200 and response.json()["results"][0]["id"] == claim["id"]

    assert ann.request("POST", "/accounts/logout/").status_code == 302
    assert ann.request("GET", "/").status_code == 302  # logged out on both
    assert set(ann.served_by) == set(servers) and set(rev.served_by) == set(servers)
