"""Reads on a real streaming replica: a private primary and hot standby (initdb, pg_basebackup -R)
on ports 5450/5451 in a temporary folder, the app served against both.

Replay on the standby is paused to make lag visible: a client that just wrote reads its write
(primary), a client that did not reads the replica's older state; once the replica has replayed,
both read it there; with the replica down, reads fall back to the primary.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PRIMARY_PORT, STANDBY_PORT, HTTP_PORT = 5450, 5451, 8152

pytestmark = pytest.mark.replica


def as_postgres(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """PostgreSQL's tools refuse to run as root: run them as the postgres user then."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *args], check=True, capture_output=True, text=True, **kwargs)


def sql(port: int, query: str, dbname: str = "postgres"):
    with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname=dbname, autocommit=True) as conn:
        cursor = conn.execute(query)
        return cursor.fetchone() if cursor.description else None


def wait_until(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out: {what}"
        time.sleep(0.1)


def replayed() -> bool:
    primary = sql(PRIMARY_PORT, "SELECT pg_current_wal_lsn()::text")[0]
    return sql(STANDBY_PORT, f"SELECT pg_last_wal_replay_lsn() >= '{primary}'::pg_lsn")[0]


@pytest.fixture(scope="module")
def pair():
    for port in (PRIMARY_PORT, STANDBY_PORT, HTTP_PORT):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, f"port {port} is taken"
    base = Path(tempfile.mkdtemp(prefix="annotator-replica-"))
    shutil.chown(base, "postgres") if os.geteuid() == 0 else None
    primary, standby = base / "primary", base / "standby"
    options = f"-c listen_addresses=127.0.0.1 -c unix_socket_directories={base} -c fsync=off"
    try:
        as_postgres(str(PG_BIN / "initdb"), "-U", "postgres", "--auth=trust", "-D", str(primary))
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(primary), "-l", str(base / "primary.log"), "-w",
                    "-o", f"{options} -p {PRIMARY_PORT}", "start")
        as_postgres(str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(PRIMARY_PORT), "-U", "postgres",
                    "-D", str(standby), "-R", "-X", "stream")
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(standby), "-l", str(base / "standby.log"), "-w",
                    "-o", f"{options} -p {STANDBY_PORT}", "start")
        assert sql(STANDBY_PORT, "SELECT pg_is_in_recovery()")[0] is True
        sql(PRIMARY_PORT, "CREATE DATABASE annotator")
        yield base, primary, standby
    finally:
        for data in (base / "standby", base / "primary"):
            if (data / "postmaster.pid").exists():
                as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def server(pair):
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "annotator.settings.base", "DJANGO_DEBUG": "0",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PRIMARY_PORT}/annotator",
        "DATABASE_REPLICA_URL": f"postgres://postgres@127.0.0.1:{STANDBY_PORT}/annotator",
    }
    env.pop("CELERY_BROKER_URL", None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "shell", "-c", (
        "from django.contrib.auth.models import Group, User\n"
        "from claims.models import Source\n"
        "a = User.objects.create_user('ann', password='ann-password-123')\n"
        "a.groups.add(Group.objects.get(name='Analyst'))\n"
        "User.objects.create_superuser('root', password='root-password-123', email='')\n"
        "Source.objects.create(slug='mehr', name='Mehr News Agency', kind='news_outlet')\n"
    )], cwd=ROOT, env=env, check=True, capture_output=True)
    log = open(pair[0] / "server.log", "wb")
    process = subprocess.Popen([*manage, "runserver", "--noreload", f"127.0.0.1:{HTTP_PORT}"],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: socket.socket().connect_ex(("127.0.0.1", HTTP_PORT)) == 0, 120, "the server")
        wait_until(replayed, 60, "the standby to catch up")
        yield f"http://127.0.0.1:{HTTP_PORT}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        print((pair[0] / "server.log").read_text(errors="replace")[-6000:])  # shown if a test failed


def client(url: str, username: str, password: str) -> requests.Session:
    session = requests.Session()
    response = session.post(f"{url}/api/v1/auth/token/", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    session.headers["Authorization"] = f"Token {response.json()['token']}"
    session.cookies.clear()  # starts with no write of its own
    return session


def claim_ids(session: requests.Session, url: str) -> set[int]:
    response = session.get(f"{url}/api/v1/claims/")
    assert response.status_code == 200, response.text
    return {c["id"] for c in response.json()["results"]}


def exported_ids(session: requests.Session, url: str) -> set[int]:
    import json

    response = session.get(f"{url}/api/v1/export/claims/?format=jsonl")
    assert response.status_code == 200, response.text
    return {json.loads(line)["id"] for line in response.text.splitlines() if line}


def test_reads_on_the_replica_and_your_own_writes_on_the_primary(pair, server):
    url = server
    writer, reader = client(url, "ann", "ann-password-123"), client(url, "root", "root-password-123")
    wait_until(replayed, 60, "the standby to catch up")
    assert claim_ids(reader, url) == set()

    sql(STANDBY_PORT, "SELECT pg_wal_replay_pause()", dbname="annotator")
    try:
        document = writer.post(f"{url}/api/v1/documents/", json={
            "title": "Dépêche", "text": "Selon l’agence Mehr, la colonne est arrivée à Mossoul.\n"})
        assert document.status_code == 201, document.text
        doc = document.json()
        claim = writer.post(f"{url}/api/v1/claims/", json={
            "document": doc["id"], "start": 0, "end": 54, "tag": "sourced",
            "attributions": [{"position": 0, "source": "mehr"}]})
        assert claim.status_code == 201, claim.text
        claim_id = claim.json()["id"]
        assert "primary_lsn" in writer.cookies  # the writer is pinned to the primary...

        # ...so its lists and exports show its write at once, read from the primary,
        assert claim_id in claim_ids(writer, url)
        assert claim_id in exported_ids(writer, url)
        # while another client's lists and exports come from the replica, which has not replayed it.
        assert claim_id not in claim_ids(reader, url)
        assert claim_id not in exported_ids(reader, url)
        # Anything but the listed reads goes to the primary: the claim itself is there.
        assert reader.get(f"{url}/api/v1/claims/{claim_id}/").status_code == 200
        assert reader.get(f"{url}/api/v1/stats/").status_code == 200
    finally:
        sql(STANDBY_PORT, "SELECT pg_wal_replay_resume()", dbname="annotator")

    wait_until(replayed, 60, "the standby to replay")
    assert claim_id in claim_ids(reader, url)
    assert claim_id in exported_ids(reader, url)
    # The writer is back on the replica once it has caught up: the cookie is dropped.
    assert claim_id in claim_ids(writer, url)
    assert "primary_lsn" not in writer.cookies


def test_reads_fall_back_to_the_primary_without_the_replica(pair, server):
    url = server
    reader = client(url, "root", "root-password-123")
    before = claim_ids(reader, url)
    as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(pair[2]), "-m", "fast", "-w", "stop")
    assert claim_ids(reader, url) == before
