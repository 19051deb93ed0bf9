"""Sentences for stored documents, written after the documents themselves.

An annotation import stores documents and claims first (claims carry their own offsets and
need no sentences to be stored, listed or exported) and queues the segmentation: a task
(``claims.tasks.segment_documents``) splits the texts and writes the sentences with COPY. Until
a document has its sentences the annotate page says it is being prepared.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, transaction

from claims import services
from claims.models import Document, Sentence, Source
from claims.text.segmentation import segment_text

BATCH = 250  # documents per task


@transaction.atomic
def documents_segment(*, document_ids: Sequence[int]) -> int:
    """Write the sentences of these documents (those that have none yet); returns how many
    documents got them. Also fills in a missing publisher from the text's publisher line,
    as ``services.documents_create`` does at once for articles."""
    documents = list(
        Document.objects.filter(pk__in=document_ids)
        .exclude(pk__in=Sentence.objects.filter(document_id__in=document_ids).values("document_id"))
        .order_by("pk")
        .select_for_update(of=("self",))  # two workers never segment one document twice
        .only("pk", "text", "publisher_id")
    )
    if not documents:
        return 0
    segmentations = [segment_text(document.text) for document in documents]
    publishers: dict[str, Source | None] = {}
    with connection.cursor() as cursor:
        with cursor.cursor.copy('COPY claims_sentence (document_id, "index", start, "end", kind) FROM STDIN') as copy:
            for document, segments in zip(documents, segmentations):
                for index, segment in enumerate(segments):
                    copy.write_row((document.pk, index, segment.start, segment.end, str(segment.kind)))
    for document, segments in zip(documents, segmentations):
        if document.publisher_id is None:
            publisher = services.publisher_from_segments(document.text, segments, publishers)
            if publisher is not None:
                Document.objects.filter(pk=document.pk).update(publisher=publisher)
    return len(documents)


def segmentation_queue(*, document_ids: Sequence[int]) -> None:
    """Queue the segmentation of these documents in batches (call after their transaction commits)."""
    from claims.task_batches import enqueue_each
    from claims.tasks import segment_documents

    ids = list(document_ids)
    enqueue_each(segment_documents, [(ids[i : i + BATCH],) for i in range(0, len(ids), BATCH)])


def is_prepared(document: Document) -> bool:
    """True once the document's sentences are stored."""
    return Sentence.objects.filter(document=document).exists()
