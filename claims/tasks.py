"""Background tasks (Django's ``django.tasks``; ``django-tasks-db`` runs them in ``manage.py
db_worker``, the test settings run them inline).

Imports run one way: the tasks call ``claims.suggestions`` and ``claims.segmenting``, which
call ``claims.services``; none of them imports this module. New documents reach the queue
through the ``documents_stored`` signal (``claims.signals``), connected here when the app is
ready.

A worker process loads the spaCy model once, on its first task, and keeps it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.dispatch import receiver
from django.tasks import task

from claims import segmenting, suggestions
from claims.models import SuggestionState
from claims.signals import documents_stored
from claims.task_batches import enqueue_each

logger = logging.getLogger(__name__)

TASK_BATCH = 20  # documents per task: spaCy parses them in shared batches


@task
def suggest_for_document(document_id: int) -> int:
    """Compute and store the attribution suggestions of one document."""
    return suggestions.suggestions_run(document_ids=[document_id])


@task
def suggest_for_documents(document_ids: list[int]) -> int:
    """The same for a batch of documents (an import), parsed together."""
    return suggestions.suggestions_run(document_ids=document_ids)


def suggestions_queue(*, document_ids: Sequence[int], mark_queued: bool = True) -> None:
    """Mark documents queued and hand them to the task queue (a worker computes them).

    Called after the documents' transaction commits. Documents are sent in batches so that an
    import of thousands of articles queues a few hundred tasks, not thousands; a queue that
    cannot take them marks the documents failed instead of breaking the import.
    """
    ids = list(document_ids)
    if not ids:
        return
    if mark_queued:  # new documents are stored queued already (an UPDATE rewrites the row)
        suggestions.suggestions_mark(document_ids=ids, state=SuggestionState.QUEUED)
    batches = [ids[i : i + TASK_BATCH] for i in range(0, len(ids), TASK_BATCH)]
    try:
        enqueue_each(suggest_for_documents, [(batch,) for batch in batches])  # one INSERT for all
    except Exception:  # the queue is down: say so on the documents, keep the import
        logger.exception("could not queue suggestions for %d documents", len(ids))
        suggestions.suggestions_mark(document_ids=ids, state=SuggestionState.FAILED)


@receiver(documents_stored, dispatch_uid="claims.tasks.queue_stored_documents")
def _queue_stored_documents(sender, document_ids: list[int], prepared: bool = True, **kwargs) -> None:
    if not prepared:  # a large batch stored without its sentences: they come first
        segmentation_queue(document_ids=document_ids)
    suggestions_queue(document_ids=document_ids, mark_queued=False)


@task(priority=10)  # before the suggestions: the annotate page waits for the sentences
def segment_documents(document_ids: list[int]) -> int:
    """Write the sentences of documents stored without them (an import's large batch)."""
    return segmenting.documents_segment(document_ids=document_ids)


def segmentation_queue(*, document_ids: Sequence[int]) -> None:
    """Queue the segmentation of these documents in batches (call after their transaction commits)."""
    ids = list(document_ids)
    batch = segmenting.BATCH
    enqueue_each(segment_documents, [(ids[i : i + batch],) for i in range(0, len(ids), batch)])


@task
def run_import_job(job_id: int) -> str:
    """Import an annotation file uploaded through the page (``claims.import_jobs``)."""
    from claims.import_jobs import import_job_run

    return import_job_run(job_id=job_id)
