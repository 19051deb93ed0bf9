"""``manage.py run_worker``: django-tasks-db's ``db_worker`` that survives the database.

Same options as ``db_worker``; it keeps running through PostgreSQL restarts and outages and
queues again the tasks of workers that died (see ``claims.worker``). ``make run`` and ``make
serve`` start this one.
"""

from __future__ import annotations

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from claims.worker import run_resilient, worker_id


class Command(db_worker.Command):
    help = "Run the tasks worker; it outlives database outages and recovers tasks of dead workers."

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, max_tasks,
               worker_id: str, exclude_queues, **options):  # fmt: skip
        self.configure_logging(verbosity)
        own_id = _host_worker_id()  # <host>:<pid>:<random>, so that a dead worker can be told
        queue_names = queue_name.split(",")
        worker = db_worker.Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=own_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(lambda: run_resilient(worker.run, own_id=worker.worker_id))
        else:
            worker.configure_signals()
            run_resilient(worker.run, own_id=own_id)


def _host_worker_id() -> str:
    return worker_id()
