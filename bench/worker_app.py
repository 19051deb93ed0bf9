"""The Celery app ``bench/workers.py`` starts: the project's app, with the language model and the
registry analyser loaded when the worker starts, so that the throughput figures count the
documents, not each process's one-off model load (measured separately in B7)."""

from __future__ import annotations

from celery.signals import worker_ready

from annotator.celery import app  # noqa: F401  (celery -A bench.worker_app)


@worker_ready.connect(weak=False)
def _warm(**kwargs) -> None:
    from claims.suggestions import registry
    from claims.text.attribution import suggest

    suggest("Selon l’agence Mehr, la colonne est arrivée, a indiqué le ministère.", registry())
    print("bench worker warm.", flush=True)  # bench/workers.py starts the clock after this
