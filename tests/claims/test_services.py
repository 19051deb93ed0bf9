"""Services check the rules the database cannot, with a message per field."""

import pytest
from django.core.exceptions import ValidationError

from claims import services
from claims.models import Attribution, Claim, ClaimStatus, Document, Review, Sentence
from claims.services import Link, StaleVersion
from tests.factories import DocumentFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return DocumentFactory(text="Une source a annoncé l’arrivée 🚀 des troupes, selon l’agence Mehr.\nFin.")


@pytest.fixture
def mehr():
    return SourceFactory(slug="mehr", name="Mehr News Agency", aliases=["Mehr", "agence Mehr"])


def test_document_create_stores_sentences_and_hash(document):
    assert document.content_hash == services.content_hash(document.text)
    sentences = list(document.sentences.order_by("index"))
    assert [document.text[s.start : s.end] for s in sentences] == [
        "Une source a annoncé l’arrivée 🚀 des troupes, selon l’agence Mehr.",
        "Fin.",
    ]


def test_document_create_refuses_duplicates_and_stores_nothing(document):
    with pytest.raises(ValidationError, match="already stored"):
        services.document_create(text=document.text, created_by=None)
    assert Document.objects.count() == 1


@pytest.mark.parametrize("text", ["", "   \n", "nul\x00byte", "lone \ud800 surrogate"])
def test_document_create_refuses_bad_text(text):
    with pytest.raises(ValidationError):
        services.document_create(text=text, created_by=None)
    assert Document.objects.count() == 0
    assert Sentence.objects.count() == 0


def test_claim_text_is_the_document_span_in_code_points(document, analyst, mehr):
    start = document.text.index("l’arrivée")
    end = document.text.index(" des troupes")
    claim = services.claim_create(
        document=document, user=analyst, start=start, end=end, tag="sourced", chain=[Link(mehr, 0, 55, 67)]
    )
    assert claim.text == "l’arrivée 🚀"
    assert claim.text == document.text[claim.start : claim.end]
    assert claim.status == ClaimStatus.DRAFT and claim.version == 1


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(5, 5, "end"), (-1, 3, "start"), (0, 10_000, "end"), (3, 1, "end")],
)
def test_claim_span_is_checked(document, analyst, start, end, field):
    with pytest.raises(ValidationError) as info:
        services.claim_create(document=document, user=analyst, start=start, end=end, tag="unsourced")
    assert field in info.value.message_dict
    assert Claim.objects.count() == 0


def test_unsourced_claim_carries_no_attributions(document, analyst, mehr):
    with pytest.raises(ValidationError, match="unsourced claim carries no attributions"):
        services.claim_create(document=document, user=analyst, start=0, end=10, tag="unsourced", chain=[Link(mehr, 0)])
    assert Claim.objects.count() == 0


def test_chain_positions_must_be_unique_and_contiguous(document, analyst, mehr):
    other = SourceFactory()
    for chain in ([Link(mehr, 0), Link(other, 0)], [Link(mehr, 1)], [Link(mehr, 0), Link(other, 2)]):
        with pytest.raises(ValidationError):
            services.claim_create(document=document, user=analyst, start=0, end=10, tag="sourced", chain=chain)
    assert Attribution.objects.count() == 0


def test_mention_must_lie_inside_the_document(document, analyst, mehr):
    with pytest.raises(ValidationError, match="outside the document"):
        services.claim_create(
            document=document, user=analyst, start=0, end=10, tag="sourced", chain=[Link(mehr, 0, 60, 9999)]
        )


def test_sourced_claim_needs_a_source_to_be_submitted(document, analyst, mehr):
    claim = services.claim_create(document=document, user=analyst, start=0, end=10, tag="sourced")
    with pytest.raises(ValidationError, match="at least one source"):
        services.claim_submit(claim=claim, user=analyst)
    claim = services.claim_update(claim=claim, user=analyst, version=1, chain=[Link(mehr, 0)])
    claim = services.claim_submit(claim=claim, user=analyst)
    assert claim.status == ClaimStatus.SUBMITTED


def test_stale_version_is_refused_and_nothing_changes(document, analyst):
    claim = services.claim_create(document=document, user=analyst, start=0, end=10, tag="unsourced")
    services.claim_update(claim=claim, user=analyst, version=1, end=12)
    with pytest.raises(StaleVersion) as info:
        services.claim_update(claim=claim, user=analyst, version=1, end=20)
    assert info.value.current.end == 12 and info.value.current.version == 2
    claim.refresh_from_db()
    assert claim.end == 12


def test_reorder_chain_in_one_update(document, analyst, mehr):
    other = SourceFactory(slug="al-nahrain", name="al-Nahrain")
    claim = services.claim_create(
        document=document, user=analyst, start=0, end=10, tag="sourced", chain=[Link(mehr, 0), Link(other, 1)]
    )
    services.claim_update(claim=claim, user=analyst, version=1, chain=[Link(other, 0), Link(mehr, 1)])
    assert [a.source.slug for a in claim.attributions.order_by("position")] == ["al-nahrain", "mehr"]


def test_review_rules(document, analyst, reviewer, mehr):
    claim = services.claim_create(document=document, user=analyst, start=0, end=10, tag="sourced", chain=[Link(mehr, 0)])
    with pytest.raises(ValidationError, match="Only submitted"):
        services.claim_review(claim=claim, reviewer=reviewer, decision="approve")
    services.claim_submit(claim=claim, user=analyst)
    with pytest.raises(ValidationError, match="annotated"):
        services.claim_review(claim=claim, reviewer=analyst, decision="approve")
    with pytest.raises(ValidationError, match="why"):
        services.claim_review(claim=claim, reviewer=reviewer, decision="reject")
    review = services.claim_review(claim=claim, reviewer=reviewer, decision="reject", comment="Mauvaise source")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED and review.comment == "Mauvaise source"
    # Rejected claims go back to their analyst, who can edit and resubmit.
    claim = services.claim_update(claim=claim, user=analyst, version=claim.version, tag="unsourced")
    services.claim_submit(claim=claim, user=analyst)
    services.claim_review(claim=claim, reviewer=reviewer, decision="approve")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    with pytest.raises(ValidationError, match="cannot be edited"):
        services.claim_update(claim=claim, user=analyst, version=claim.version, tag="sourced")
    assert Review.objects.filter(claim=claim).count() == 2


def test_reviewer_correction_is_recorded(document, analyst, reviewer, mehr):
    claim = services.claim_create(document=document, user=analyst, start=0, end=10, tag="unsourced")
    services.claim_submit(claim=claim, user=analyst)
    review = services.claim_review(
        claim=claim, reviewer=reviewer, decision="approve", tag="sourced", chain=[Link(mehr, 0)]
    )
    assert review.correction == {"tag": ["unsourced", "sourced"], "chain": [[], ["mehr"]]}
    claim.refresh_from_db()
    assert claim.tag == "sourced" and claim.attributions.get().source == mehr


def test_source_search_ignores_case_and_accents(mehr):
    from claims.models import Source

    SourceFactory(slug="ministere", name="Ministère irakien de la Défense", aliases=["ministère de la Défense irakien"])
    assert set(Source.objects.search("defense").values_list("slug", flat=True)) == {"ministere"}
    assert list(Source.objects.search("AGENCE mehr").values_list("slug", flat=True)) == ["mehr"]
    assert list(Source.objects.search_exact("Ministere de la defense irakien").values_list("slug", flat=True)) == [
        "ministere"
    ]


def test_documents_create_is_all_or_nothing_and_names_the_bad_one():
    batch = [services.NewDocument(text=f"Article {i}. Il a dit.") for i in range(3)]
    with pytest.raises(services.InvalidDocument) as info:
        services.documents_create(documents=[*batch, services.NewDocument(text="Article 1. Il a dit.")], created_by=None)
    assert info.value.index == 3 and "twice" in str(info.value)
    assert Document.objects.count() == 0


def test_documents_create_query_count_does_not_grow_with_the_batch(django_assert_max_num_queries):
    for size in (2, 40):
        batch = [services.NewDocument(text=f"Lot {size}, article {i}. Il a précisé.\nSuite.") for i in range(size)]
        with django_assert_max_num_queries(6):
            stored = services.documents_create(documents=batch, created_by=None)
        assert len(stored) == size
    assert Sentence.objects.count() == 3 * (2 + 40)  # two sentences on the first line, one on the second


@pytest.mark.django_db(transaction=True)
def test_a_claim_and_its_chain_are_stored_together_or_not_at_all(analyst):
    from django.db import IntegrityError

    from claims.models import ClaimEvent, Source

    document = DocumentFactory(text="Selon Mehr, le convoi est passé.")
    mehr = SourceFactory(slug="mehr", name="Mehr")
    claim = services.claim_create(
        document=document, user=analyst, start=0, end=32, tag="sourced", chain=[Link(mehr, 0, 6, 10)]
    )
    stored = Claim.objects.get(pk=claim.pk)
    assert (stored.text, stored.status, stored.version) == (claim.text, ClaimStatus.DRAFT, 1)
    assert list(stored.attributions.values_list("source__slug", "mention_start", "mention_end")) == [("mehr", 6, 10)]
    assert ClaimEvent.objects.filter(pgh_obj_id=claim.pk, pgh_label="insert").count() == 1  # in its history
    gone = Source(pk=999_999, slug="gone", name="Gone")  # no such row: the chain's insert fails
    with pytest.raises(IntegrityError):
        services.claim_create(
            document=document, user=analyst, start=0, end=10, tag="sourced", chain=[Link(mehr, 0), Link(gone, 1)]
        )
    assert Claim.objects.count() == 1 and Attribution.objects.count() == 1  # the new claim went with its chain
