"""Background tasks (Django's ``django.tasks``; ``django-tasks-db`` runs them in ``manage.py
db_worker``, the test settings run them inline).

A worker process loads the spaCy model once, on its first task, and keeps it.
"""

from __future__ import annotations

from django.tasks import task

from claims import suggestions


@task
def suggest_for_document(document_id: int) -> int:
    """Compute and store the attribution suggestions of one document."""
    return suggestions.suggestions_run(document_ids=[document_id])


@task
def suggest_for_documents(document_ids: list[int]) -> int:
    """The same for a batch of documents (an import), parsed together."""
    return suggestions.suggestions_run(document_ids=document_ids)


@task(priority=10)  # before the suggestions: the annotate page waits for the sentences
def segment_documents(document_ids: list[int]) -> int:
    """Write the sentences of documents stored without them (an annotation import)."""
    from claims.segmenting import documents_segment

    return documents_segment(document_ids=document_ids)


@task
def run_import_job(job_id: int) -> str:
    """Import an annotation file uploaded through the page (``claims.import_jobs``)."""
    from claims.import_jobs import import_job_run

    return import_job_run(job_id=job_id)
