"""The database itself refuses what must never be true, whatever code path writes."""

import pytest
from django.db import DatabaseError, IntegrityError, transaction

from claims.models import Attribution, Claim, Document, Sentence
from tests.factories import DocumentFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return DocumentFactory()


def test_claim_start_must_be_before_end(document):
    user = UserFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(document=document, start=5, end=5, text="", tag="sourced", annotator=user)


def test_sentence_index_is_unique_per_document(document):
    with pytest.raises(IntegrityError), transaction.atomic():
        Sentence.objects.create(document=document, index=0, start=0, end=3)


def test_attribution_position_is_unique_per_claim_at_commit(document):
    user = UserFactory()
    source = SourceFactory()
    claim = Claim.objects.create(document=document, start=0, end=4, text=document.text[:4], tag="sourced", annotator=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attribution.objects.create(claim=claim, position=0, source=source)
        Attribution.objects.create(claim=claim, position=0, source=source)
        # The constraint is deferred (so chains can be reordered); force the check now.
        from django.db import connection

        connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_attribution_mention_needs_both_ends(document):
    user = UserFactory()
    claim = Claim.objects.create(document=document, start=0, end=4, text=document.text[:4], tag="sourced", annotator=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attribution.objects.create(claim=claim, position=0, source=SourceFactory(), mention_start=3)


def test_document_text_cannot_change_once_stored(document):
    with pytest.raises(DatabaseError, match="Cannot update"), transaction.atomic():
        Document.objects.filter(pk=document.pk).update(text="autre chose")
    document.refresh_from_db()
    assert document.title  # other fields stay editable
    Document.objects.filter(pk=document.pk).update(title="Nouveau titre")
    assert Document.objects.get(pk=document.pk).title == "Nouveau titre"


def test_search_vector_finds_words_without_accents(document):
    assert Document.objects.search("ministere").filter(pk=document.pk).exists()
    assert Document.objects.search("declare").filter(pk=document.pk).exists()
    assert not Document.objects.search("introuvablezzz").exists()
