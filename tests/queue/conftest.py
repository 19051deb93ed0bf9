"""Celery workers over the machine's RabbitMQ, on a queue of the test's own, against the test
database. The broker is ``CELERY_TEST_BROKER_URL`` (RabbitMQ on 127.0.0.1:5672 by default)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent.parent
BROKER_URL = os.environ.get("CELERY_TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")


def database_url() -> str:
    db = connection.settings_dict
    host = db["HOST"] or "127.0.0.1"
    if host.startswith("/"):
        return f"postgres://{db['USER']}@/{db['NAME']}?host={host}&port={db['PORT'] or 5432}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    """Starts ``celery worker`` processes on one queue and reads their trace."""

    def __init__(self, tmp_path: Path, broker_url: str):
        self.queue = f"annotator-test-{uuid.uuid4().hex[:12]}"
        self.broker_url = broker_url
        self.trace = tmp_path / "trace.jsonl"
        self.trace.touch()
        self.tmp_path = tmp_path
        self.processes: list[subprocess.Popen] = []

    def env(self) -> dict:
        return {
            **os.environ, "DJANGO_SETTINGS_MODULE": "annotator.settings.base", "DJANGO_DEBUG": "0",
            "DATABASE_URL": database_url(), "CELERY_BROKER_URL": self.broker_url, "CELERY_QUEUE": self.queue,
            "TASK_TRACE_FILE": str(self.trace), "CELERY_VISIBILITY_TIMEOUT": "5",
        }

    def start(self, *names: str) -> list[subprocess.Popen]:
        """Start one worker per name and wait until each is consuming."""
        started = [self._spawn(name) for name in names]
        deadline = time.monotonic() + 120
        for name, process in zip(names, started):
            log = self.tmp_path / f"{name}.log"
            while b" ready." not in log.read_bytes():
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, f"worker {name} did not start"
                time.sleep(0.2)
        return started

    def _spawn(self, name: str) -> subprocess.Popen:
        log = open(self.tmp_path / f"{name}.log", "wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tests.queue.worker_app", "worker", "--pool", "solo",
             "-Q", self.queue, "-n", f"{name}@%h", "--without-mingle", "--without-gossip", "-l", "INFO"],
            cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        self.processes.append(process)
        return process

    def events(self) -> list[dict]:
        return [json.loads(line) for line in self.trace.read_text().splitlines() if line]

    def wait_for(self, predicate, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not predicate(self.events()):
            for process in self.processes:
                if process.returncode is None and process.poll() is not None:
                    pytest.fail(f"a worker exited early: {process.args}")
            if time.monotonic() > deadline:
                logs = "\n".join(p.read_text()[-2000:] for p in self.tmp_path.glob("*.log"))
                pytest.fail(f"timed out waiting for {what}\n{logs}")
            time.sleep(0.2)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        from annotator.celery import app

        with app.connection_for_write(self.broker_url) as conn:
            try:
                conn.default_channel.queue_delete(self.queue)
            except Exception:  # never declared (no task sent)
                pass

    @contextmanager
    def sending(self):
        """This process's ``django.tasks`` backend sends to the workers' queue and broker."""
        from annotator.celery import app

        if app.conf.broker_url != self.broker_url:
            # Another broker than the previous test's: drop the connections pooled for that one.
            app.conf.broker_url = self.broker_url
            app._pool = None
            app.amqp._producer_pool = None
        tasks = {"default": {"BACKEND": "django_tasks_celery.CeleryBackend", "QUEUES": ["default", self.queue],
                             "OPTIONS": {"CELERY_APP": "annotator.celery.app"}}}
        with override_settings(TASKS=tasks):
            yield


@pytest.fixture
def workers(tmp_path, transactional_db):
    pool = Workers(tmp_path, BROKER_URL)
    yield pool
    pool.stop()


# Redis, the other broker production may name (CELERY_BROKER_URL=redis://...), on 127.0.0.1:6379.
REDIS_BROKER_URL = os.environ.get("CELERY_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_workers(tmp_path, transactional_db):
    pool = Workers(tmp_path, REDIS_BROKER_URL)
    yield pool
    pool.stop()
