"""Queue many runs of one task at once.

With the database backend (``django-tasks-db``) the task rows of a large import are written
in one multi-row INSERT instead of one INSERT per batch of documents; any other backend (the
immediate one in tests) gets the tasks one by one through ``Task.enqueue``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.tasks import Task, task_backends


def enqueue_each(task: Task, arguments: Sequence[tuple[Any, ...]]) -> None:
    """``task.enqueue(*args)`` for each ``args``; one statement with the database backend."""
    if not arguments:
        return
    backend = task_backends[task.backend] if isinstance(task, Task) else None
    try:
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.compat import normalize_json
        from django_tasks_db.models import DBTaskResult, get_date_max
    except ImportError:  # pragma: no cover - the backend is not installed
        DatabaseBackend = None  # noqa: N806
    if DatabaseBackend is None or not isinstance(backend, DatabaseBackend):
        for args in arguments:
            task.enqueue(*args)
        return
    backend.validate_task(task)
    DBTaskResult.objects.bulk_create(
        DBTaskResult(
            id=backend._get_id(),
            args_kwargs=normalize_json({"args": list(args), "kwargs": {}}),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            # bulk_create sends no pre_save signal: the backend's "no delay" value, as its handler sets it.
            run_after=task.run_after or get_date_max(),
            backend_name=backend.alias,
        )
        for args in arguments
    )
