"""The suggestion tasks on Celery over RabbitMQ: several worker processes share one queue, each
task runs once, and a worker killed mid-task has its task delivered to another. The same tasks
over Redis, the other broker production may name."""

from __future__ import annotations

import os
import signal
from collections import Counter

from django.test import override_settings

from claims.models import Document, SuggestionState
from claims.tasks import suggest_for_document
from tests.factories import DocumentFactory

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def make_documents(count: int) -> list[int]:
    with override_settings(TASKS=DUMMY_TASKS):  # stored without computing their suggestions
        return [DocumentFactory().pk for _ in range(count)]


def enqueue(workers, ids: list[int]) -> None:
    with workers.sending():
        for pk in ids:
            suggest_for_document.using(queue_name=workers.queue).enqueue(pk)


def finished_per_document(events: list[dict]) -> Counter:
    return Counter(pk for e in events if e["event"] == "finished" and e["status"] == "SUCCESSFUL"
                   for pk in e["documents"])


def test_two_workers_drain_one_queue_each_document_once(workers):
    drain(workers, 200)


def test_over_redis_too(redis_workers):
    drain(redis_workers, 40)


def drain(workers, count: int) -> None:
    ids = make_documents(count)
    first, second = workers.start("one", "two")
    enqueue(workers, ids)

    workers.wait_for(lambda events: sum(finished_per_document(events).values()) >= count, 240, f"{count} tasks")

    events = workers.events()
    done = finished_per_document(events)
    assert set(done) == set(ids)
    assert set(done.values()) == {1}, [pk for pk, n in done.items() if n > 1]
    started = Counter(pk for e in events if e["event"] == "started" for pk in e["documents"])
    assert set(started.values()) == {1}
    by_worker = Counter(e["pid"] for e in events if e["event"] == "finished")
    assert set(by_worker) == {first.pid, second.pid}, by_worker  # both took part
    states = set(Document.objects.filter(pk__in=ids).values_list("suggestion_state", flat=True))
    assert states == {SuggestionState.READY}


def test_a_worker_killed_mid_task_has_its_task_delivered_again(workers):
    ids = make_documents(10)
    [doomed] = workers.start("doomed")
    enqueue(workers, ids)
    # The first task of a worker loads the language model: seconds in which it is running.
    workers.wait_for(lambda events: any(e["event"] == "started" for e in events), 120, "a task to start")
    os.killpg(doomed.pid, signal.SIGKILL)
    doomed.wait()
    [interrupted] = [e["documents"][0] for e in workers.events() if e["event"] == "started"]
    assert not any(e["event"] == "finished" for e in workers.events())
    # The kill may land just before the task marks its document running: either way it is not done.
    assert Document.objects.get(pk=interrupted).suggestion_state in (SuggestionState.RUNNING, SuggestionState.QUEUED)

    [rescuer] = workers.start("rescuer")
    workers.wait_for(lambda events: set(finished_per_document(events)) >= set(ids), 180, "every document")

    done = finished_per_document(workers.events())
    assert set(done) == set(ids) and set(done.values()) == {1}
    finisher = {e["pid"] for e in workers.events() if e["event"] == "finished" and interrupted in e["documents"]}
    assert finisher == {rescuer.pid}
    assert Document.objects.get(pk=interrupted).suggestion_state == SuggestionState.READY
    assert not Document.objects.filter(pk__in=ids).exclude(suggestion_state=SuggestionState.READY).exists()
