"""The tasks worker's resilience: it outlives database outages and recovers orphaned tasks.

django-tasks-db's ``db_worker`` exits on the first ``OperationalError`` (a PostgreSQL restart
ends it for good), and a worker killed with ``-9`` leaves its task "running" forever. The
``run_worker`` command (``claims/management/commands/run_worker.py``) runs the same ``Worker``
inside ``run_resilient``:

- on a connection error it drops its connections and tries again after a short, growing pause
  (``RETRY_DELAYS``), never exiting; queued work is picked up as soon as the database answers;
- before polling, and after every recovery, ``recover_orphaned_tasks`` looks at "running"
  tasks whose worker is gone: one of this host whose process no longer exists, its own (a task
  interrupted by the outage), or any started longer than ``DJANGO_TASK_STALE_MINUTES`` ago.
  Such a task is queued again, unless it was already tried ``MAX_ATTEMPTS`` times: then it is
  marked failed with the reason (``WorkerLost``) and its documents' suggestions failed, which
  the annotate page offers to queue again.

Worker ids are ``<host>:<pid>:<random>`` so that the host and the process can be checked.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable
from datetime import timedelta

from django.db import InterfaceError, OperationalError, connections, transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.crypto import get_random_string

logger = logging.getLogger("claims.worker")

RETRY_DELAYS = (0.5, 1, 2, 3, 5)  # seconds between attempts while the database is away
MAX_ATTEMPTS = 3


class WorkerLost(Exception):
    """The worker running the task stopped without finishing it (killed, or the host died)."""


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{get_random_string(8)}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _orphaned(worker: str, *, own_id: str | None, started_long_ago: bool) -> bool:
    if worker == own_id:
        return True
    host, _, rest = worker.partition(":")
    pid = rest.partition(":")[0]
    if host == socket.gethostname() and pid.isascii() and pid.isdigit():
        return not _process_alive(int(pid))
    return started_long_ago


def stale_after() -> timedelta:
    return timedelta(minutes=int(os.environ.get("DJANGO_TASK_STALE_MINUTES", "30")))


def recover_orphaned_tasks(*, own_id: str | None = None) -> tuple[list[str], list[str]]:
    """Queue again (or fail, after ``MAX_ATTEMPTS``) the running tasks whose worker is gone;
    returns the ids (requeued, failed)."""
    from django_tasks_db.models import DBTaskResult

    from claims.models import Document, SuggestionState

    requeued, failed = [], []
    cutoff = timezone.now() - stale_after()
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(status=TaskResultStatus.RUNNING)
        for task in running:
            last = task.worker_ids[-1] if task.worker_ids else ""
            long_ago = task.started_at is None or task.started_at < cutoff
            if not _orphaned(last, own_id=own_id, started_long_ago=long_ago):
                continue
            if len(task.worker_ids) >= MAX_ATTEMPTS:
                reason = WorkerLost(f"the worker running this task stopped {len(task.worker_ids)} times without finishing it")
                task.set_failed(reason)
                ids = task.args_kwargs.get("args", [[]])[0] if isinstance(task.args_kwargs, dict) else []
                if isinstance(ids, int):
                    ids = [ids]
                if isinstance(ids, list) and ids:
                    Document.objects.filter(pk__in=ids).exclude(suggestion_state=SuggestionState.READY).update(
                        suggestion_state=SuggestionState.FAILED
                    )
                failed.append(str(task.pk))
            else:
                task.status = TaskResultStatus.READY
                task.started_at = None
                task.save(update_fields=["status", "started_at"])
                requeued.append(str(task.pk))
    for pk in requeued:
        logger.warning("Task id=%s: its worker stopped; queued again", pk)
    for pk in failed:
        logger.warning("Task id=%s: its worker stopped %d times; marked failed", pk, MAX_ATTEMPTS)
    return requeued, failed


def _drop_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:  # a dead socket may fail to close: it is gone either way
            pass


def run_resilient(run: Callable[[], None], *, own_id: str, sleep: Callable[[float], None] = time.sleep) -> None:
    """``run()`` (the worker's loop) again and again across database outages; returns when it
    returns (batch done, max tasks, shut down)."""
    failures = 0
    while True:
        try:
            recover_orphaned_tasks(own_id=own_id)
            failures = 0
            run()
            return
        except (OperationalError, InterfaceError) as exc:
            delay = RETRY_DELAYS[min(failures, len(RETRY_DELAYS) - 1)]
            failures += 1
            logger.warning("Database unavailable (%s); retrying in %.1f s", str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__, delay)
            _drop_connections()
            sleep(delay)
