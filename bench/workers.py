"""Suggestion throughput on Celery workers: the same documents with one worker process, then two.

The documents (``--documents``, from the bench database) are queued in the production batches
(``claims.suggestions.TASK_BATCH``) on a RabbitMQ queue of the run's own; the figure is the
time from the first task sent to the last document ``ready``, with warm workers (each has
loaded the model before the clock starts). Prints one JSON line; ``bench/run.py`` records it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//")


def run_with(workers: int, document_ids: list[int], queue: str) -> float:
    from django.test import override_settings

    from claims.models import Document, SuggestionState

    env = {**os.environ, "CELERY_BROKER_URL": BROKER_URL, "CELERY_QUEUE": queue, "DJANGO_DEBUG": "0"}
    logs = [open(f"/tmp/bench-worker-{queue}-{i}.log", "wb") for i in range(workers)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "bench.worker_app", "worker", "--pool", "solo", "-Q", queue,
             "-n", f"bench{i}-{queue}@%h", "--without-mingle", "--without-gossip", "-l", "INFO"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        for i, log in enumerate(logs)
    ]
    try:
        for log in logs:  # ready (and warm: bench.worker_app loads the model on worker_ready)
            deadline = time.monotonic() + 180
            while b"bench worker warm." not in Path(log.name).read_bytes():
                if time.monotonic() > deadline:
                    raise RuntimeError(f"worker did not start: {log.name}")
                time.sleep(0.2)
        time.sleep(1)
        Document.objects.filter(pk__in=document_ids).update(suggestion_state=SuggestionState.QUEUED)
        from annotator.celery import app

        app.conf.broker_url = BROKER_URL
        tasks = {"default": {"BACKEND": "django_tasks_celery.CeleryBackend", "QUEUES": ["default", queue],
                             "OPTIONS": {"CELERY_APP": "annotator.celery.app"}}}
        started = time.perf_counter()
        with override_settings(TASKS=tasks, CELERY_TASK_DEFAULT_QUEUE=queue):
            from claims import tasks as task_module

            batch = 20
            for i in range(0, len(document_ids), batch):
                task_module.suggest_for_documents.using(queue_name=queue).enqueue(document_ids[i : i + batch])
        while Document.objects.filter(pk__in=document_ids).exclude(suggestion_state=SuggestionState.READY).exists():
            time.sleep(0.05)
        return time.perf_counter() - started
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)
        with app.connection_for_write(BROKER_URL) as conn:
            conn.default_channel.queue_delete(queue)


def measure(documents: int) -> dict:
    from claims.models import Document, Sentence

    ids = list(Document.objects.order_by("pk").values_list("pk", flat=True)[:documents])
    sentences = Sentence.objects.filter(document_id__in=ids, kind="body").count()
    result = {"documents": len(ids), "body_sentences": sentences, "load_start": f"{os.getloadavg()[0]:.2f}"}
    for workers in (1, 2):
        seconds = run_with(workers, ids, f"annotator-bench-{uuid.uuid4().hex[:8]}")
        result[f"{workers} worker"] = {"seconds": seconds, "docs_per_s": len(ids) / seconds}
        print(f"[workers] {workers}: {len(ids) / seconds:.1f} documents/s ({seconds:.1f} s)", file=sys.stderr, flush=True)
    result["load_end"] = f"{os.getloadavg()[0]:.2f}"
    return result


if __name__ == "__main__":
    import argparse

    import django

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=400)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "annotator.settings.base")
    django.setup()
    print(json.dumps(measure(args.documents)))
