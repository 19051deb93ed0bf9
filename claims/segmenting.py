"""Sentences for stored documents, written after the documents themselves.

An annotation import stores documents and claims first (claims carry their own offsets and
need no sentences to be stored, listed or exported) and queues the segmentation: a task
(``claims.tasks.segment_documents``) splits the texts and writes the sentences with COPY. Until
a document has its sentences the annotate page says it is being prepared.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q

from claims import services
from claims.models import Document, Sentence, Source
from claims.querysets import search_vector_sql, search_vectors_later
from claims.text.segmentation import provisional_title, segment_text, title_from_segments

BATCH = 250  # documents per task (``claims.tasks.segmentation_queue``)


@transaction.atomic
def documents_segment(*, document_ids: Sequence[int]) -> int:
    """Write the sentences of these documents (those that have none yet); returns how many
    documents got them. Also finishes what a batch import left for later: the title found in
    the segments (in place of the provisional one), the search vector, and a missing publisher
    from the text's publisher line, as ``services.documents_create`` does at once for articles."""
    documents = list(
        Document.objects.filter(pk__in=document_ids)
        .exclude(pk__in=Sentence.objects.filter(document_id__in=document_ids).values("document_id"))
        .order_by("pk")
        .select_for_update(of=("self",))  # two workers never segment one document twice
        .annotate(unsearchable=ExpressionWrapper(Q(search_vector__isnull=True), output_field=BooleanField()))
        .only("pk", "text", "title", "publisher_id")
    )
    if not documents:
        return 0
    segmentations = [segment_text(document.text) for document in documents]
    with connection.cursor() as cursor:
        with cursor.cursor.copy('COPY claims_sentence (document_id, "index", start, "end", kind) FROM STDIN') as copy:
            for document, segments in zip(documents, segmentations):
                for index, segment in enumerate(segments):
                    copy.write_row((document.pk, index, segment.start, segment.end, str(segment.kind)))
    _finish_documents(documents, segmentations)
    return len(documents)


def _finish_documents(documents: list[Document], segmentations: list) -> None:
    """Titles, search vectors and publishers of the documents that lack them, in one UPDATE
    (the vector computed in it, the trigger that a new title fires being held off)."""
    publishers: dict[str, Source | None] = {}
    ids, titles, publisher_ids = [], [], []
    for document, segments in zip(documents, segmentations):
        title = document.title
        if document.unsearchable and title == provisional_title(document.text):
            title = services.stored_title("", title_from_segments(document.text, segments))
        publisher = None
        if document.publisher_id is None:
            publisher = services.publisher_from_segments(document.text, segments, publishers)
        if document.unsearchable or publisher is not None:
            ids.append(document.pk)
            titles.append(title)
            publisher_ids.append(publisher.pk if publisher is not None else None)
    if not ids:
        return
    with search_vectors_later(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_document d SET title = v.title, publisher_id = coalesce(d.publisher_id, v.publisher_id),"
            f" search_vector = {search_vector_sql('v.title', 'd.text')}"
            " FROM unnest(%s::bigint[], %s::text[], %s::bigint[]) AS v(id, title, publisher_id) WHERE d.id = v.id",
            [ids, titles, publisher_ids],
        )


def is_prepared(document: Document) -> bool:
    """True once the document's sentences are stored."""
    return Sentence.objects.filter(document=document).exists()
