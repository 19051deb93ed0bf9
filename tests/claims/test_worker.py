"""The tasks worker outlives database outages and recovers the tasks of workers that died."""

from __future__ import annotations

import os
import socket
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from claims import worker
from claims.models import Document, SuggestionState

pytestmark = pytest.mark.django_db

HOST = socket.gethostname()
DEAD_PID = 2**22 + 12345  # above Linux's default pid_max: no such process


def running_task(worker_ids: list[str], *, started: timedelta = timedelta(seconds=5), document_ids=(1,)) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        task_path="claims.tasks.suggest_for_documents",
        args_kwargs={"args": [list(document_ids)], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        run_after=None,
        started_at=timezone.now() - started,
        worker_ids=worker_ids,
    )


def test_a_task_of_a_killed_worker_is_queued_again():
    orphan = running_task([f"{HOST}:{DEAD_PID}:abc"])
    alive = running_task([f"{HOST}:{os.getpid()}:xyz"])  # this process: alive, not ours
    elsewhere = running_task(["other-host:12:abc"])  # another machine, recent: left alone
    requeued, failed = worker.recover_orphaned_tasks(own_id="me")
    assert requeued == [str(orphan.pk)] and failed == []
    orphan.refresh_from_db()
    assert orphan.status == TaskResultStatus.READY and orphan.started_at is None
    assert DBTaskResult.objects.get(pk=alive.pk).status == TaskResultStatus.RUNNING
    assert DBTaskResult.objects.get(pk=elsewhere.pk).status == TaskResultStatus.RUNNING


def test_a_task_started_long_ago_on_another_host_is_queued_again():
    stale = running_task(["other-host:12:abc"], started=timedelta(hours=2))
    assert worker.recover_orphaned_tasks(own_id="me") == ([str(stale.pk)], [])


def test_the_workers_own_interrupted_task_is_queued_again():
    own = running_task(["me"])
    assert worker.recover_orphaned_tasks(own_id="me") == ([str(own.pk)], [])


def test_after_three_lost_attempts_the_task_fails_with_its_reason():
    document = Document.objects.create(text="Un texte.", title="t", content_hash="h", suggestion_state=SuggestionState.RUNNING)
    task = running_task([f"{HOST}:{DEAD_PID}:{i}" for i in range(3)], document_ids=[document.pk])
    assert worker.recover_orphaned_tasks(own_id="me") == ([], [str(task.pk)])
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "claims.worker.WorkerLost"
    assert "stopped 3 times without finishing it" in task.traceback
    document.refresh_from_db()
    assert document.suggestion_state == SuggestionState.FAILED  # the page offers to queue it again


def test_the_loop_rides_out_database_errors(monkeypatch):
    # Closing the connections would end the test's own transaction; the real outage, with the
    # connections dropped, is tests/test_faults.py's.
    monkeypatch.setattr(worker, "_drop_connections", lambda: None)
    calls, pauses = [], []

    def run():
        calls.append(1)
        if len(calls) < 4:
            raise OperationalError("connection to server failed: Connection refused")

    worker.run_resilient(run, own_id="me", sleep=pauses.append)
    assert len(calls) == 4
    # The database answered the orphan check each time, so each failure starts the backoff anew.
    assert pauses == [0.5, 0.5, 0.5]


def test_worker_ids_name_the_host_and_the_process():
    host, pid, _ = worker.worker_id().split(":")
    assert host == HOST and int(pid) == os.getpid()


def test_failed_suggestions_can_be_queued_again_from_the_page(client, analyst, settings):
    from claims import services

    document = services.document_create(text="Selon l’AFP, la ville est tombée.", title="t", created_by=None)
    Document.objects.filter(pk=document.pk).update(suggestion_state=SuggestionState.FAILED)
    client.force_login(analyst)
    page = client.get(f"/documents/{document.pk}/").content.decode()
    assert "Compute suggestions again" in page
    response = client.post(f"/documents/{document.pk}/suggestions/queue/")
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.suggestion_state == SuggestionState.READY  # the test settings run tasks inline
