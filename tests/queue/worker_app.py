"""The Celery app the queue tests start workers with: the project's app, plus a trace.

Every task start and finish is appended to ``TASK_TRACE_FILE`` as one JSON line (process id,
event, the task's document ids), so a test can tell which worker ran what, and how often.
"""

from __future__ import annotations

import json
import os

from django.dispatch import receiver
from django.tasks.signals import task_finished, task_started

from annotator.celery import app  # noqa: F401  (celery -A tests.queue.worker_app)


def _trace(event: str, task_result) -> None:
    ids = task_result.args[0]
    line = json.dumps({"pid": os.getpid(), "event": event, "status": str(task_result.status),
                       "documents": ids if isinstance(ids, list) else [ids]})
    # One write on an O_APPEND descriptor: lines from several workers never interleave.
    fd = os.open(os.environ["TASK_TRACE_FILE"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode())
    finally:
        os.close(fd)


@receiver(task_started)
def _started(sender, task_result, **kwargs):
    _trace("started", task_result)


@receiver(task_finished)
def _finished(sender, task_result, **kwargs):
    _trace("finished", task_result)
