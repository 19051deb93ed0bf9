"""Agreement: the coefficients against published worked examples and scikit-learn, then on real claims."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from claims import agreement, services
from claims.agreement import ClaimSpan
from claims.models import Claim
from claims.services import Link
from tests.factories import DocumentFactory, SourceFactory, UserFactory

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal data,
# four observers, twelve units, missing values ("."); the paper gives alpha = 0.743.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def test_krippendorff_alpha_matches_the_2011_worked_example():
    rows = [[None if v is None else str(v) for v in row] for row in KRIPPENDORFF_2011]
    assert round(agreement.krippendorff_alpha(rows), 3) == 0.743
    # Same answer through the chooser: four raters with gaps call for alpha.
    assert agreement.coefficient(rows)[0] == agreement.KRIPPENDORFF_ALPHA


def test_cohen_kappa_matches_the_50_item_textbook_example():
    # Wikipedia, "Cohen's kappa", first worked example: 50 proposals read by A and B;
    # both yes 20, A yes B no 5, A no B yes 10, both no 15 -> p_o = 0.7, p_e = 0.5, kappa = 0.4.
    a = ["yes"] * 25 + ["no"] * 25
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert round(agreement.cohen_kappa(a, b), 3) == 0.400
    assert agreement.coefficient([a, b]) == (agreement.COHEN_KAPPA, pytest.approx(0.4))
    assert agreement.observed_agreement([a, b]) == pytest.approx(0.7)


def test_cohen_kappa_second_textbook_example():
    # Wikipedia's second example: 100 items, 45/15/25/15 -> p_o = 0.60, p_e = 0.54, kappa = 0.1304.
    a = ["yes"] * 45 + ["yes"] * 15 + ["no"] * 25 + ["no"] * 15
    b = ["yes"] * 45 + ["no"] * 15 + ["yes"] * 25 + ["no"] * 15
    assert round(agreement.cohen_kappa(a, b), 3) == 0.130


@pytest.mark.filterwarnings("ignore::UserWarning")  # scikit-learn on a single label: undefined, as here
@given(
    st.lists(st.tuples(st.sampled_from(agreement.LABELS), st.sampled_from(agreement.LABELS)), min_size=1, max_size=60)
)
def test_cohen_kappa_agrees_with_scikit_learn(pairs):
    first, second = [a for a, _ in pairs], [b for _, b in pairs]
    expected = cohen_kappa_score(first, second, replace_undefined_by=np.nan)
    got = agreement.cohen_kappa(first, second)
    if np.isnan(expected):
        assert got is None
    else:
        assert got == pytest.approx(expected, abs=1e-12)


def test_undefined_coefficients_are_none_not_nan():
    assert agreement.cohen_kappa(["sourced"] * 3, ["sourced"] * 3) is None
    assert agreement.krippendorff_alpha([["no_claim"] * 3] * 3) is None
    assert agreement.cohen_kappa([], []) is None


def test_sentence_labels_prefer_sourced_and_use_overlap():
    sentences = [(0, 10), (10, 20), (20, 30)]
    claims = [ClaimSpan(2, 5, "unsourced"), ClaimSpan(4, 12, "sourced", 7), ClaimSpan(12, 14, "unsourced")]
    assert agreement.sentence_labels(sentences, claims) == ["sourced", "sourced", "no_claim"]
    assert agreement.sentence_direct_sources(sentences, claims) == [frozenset({7}), frozenset({7}), frozenset()]


def test_same_source_share_counts_only_sentences_all_marked_sourced():
    labels = [["sourced", "sourced", "unsourced", "sourced"], ["sourced", "sourced", "sourced", "sourced"]]
    sources = [[frozenset({1}), frozenset({2}), frozenset(), frozenset({3})], [frozenset({1}), frozenset({3}), frozenset({4}), frozenset({3})]]
    assert agreement.same_source_counts(sources, labels) == (2, 3)


@pytest.mark.django_db
def test_agreement_report_per_document_and_overall(django_assert_num_queries, analyst, other_analyst):
    text = "Mehr annonce une attaque. Le ministre dément. Il pleut. Selon AFP, dix morts.\n"
    document = DocumentFactory(text=text)
    lonely = DocumentFactory(text="Un seul analyste ici. Rien d’autre.\n")
    mehr, afp = SourceFactory(slug="mehr"), SourceFactory(slug="afp")
    third = UserFactory(username="cyd", groups=["Analyst"])

    def claim(user, sentence, tag, source=None):
        start = text.index(sentence)
        chain = [Link(source, 0)] if source else []
        services.claim_create(document=document, user=user, start=start, end=start + len(sentence), tag=tag, chain=chain)

    # ann: sourced(mehr), unsourced, -, sourced(afp); bob: sourced(mehr), -, -, sourced(mehr)
    claim(analyst, "Mehr annonce une attaque.", "sourced", mehr)
    claim(analyst, "Le ministre dément.", "unsourced")
    claim(analyst, "Selon AFP, dix morts.", "sourced", afp)
    claim(other_analyst, "Mehr annonce une attaque.", "sourced", mehr)
    claim(other_analyst, "Selon AFP, dix morts.", "sourced", mehr)
    services.claim_create(document=lonely, user=third, start=0, end=5, tag="unsourced")

    with django_assert_num_queries(3):
        report = agreement.agreement_report(claims=Claim.objects.all())

    assert [d.document_id for d in report.documents] == [document.pk]  # one analyst: no agreement
    doc = report.documents[0]
    assert doc.analysts == ["ann", "bob"] and doc.sentences == 4
    assert doc.method == agreement.COHEN_KAPPA
    expected = agreement.cohen_kappa(
        ["sourced", "unsourced", "no_claim", "sourced"], ["sourced", "no_claim", "no_claim", "sourced"]
    )
    assert doc.value == pytest.approx(expected) and round(doc.value, 3) == 0.600
    assert doc.observed == pytest.approx(0.75)
    assert (doc.same_source, doc.same_source_sentences) == (pytest.approx(0.5), 2)
    assert report.overall.value == pytest.approx(doc.value)

    # A third analyst on the same document: Krippendorff's alpha instead.
    claim(third, "Il pleut.", "unsourced")
    report = agreement.agreement_report(claims=Claim.objects.all())
    assert report.documents[0].method == agreement.KRIPPENDORFF_ALPHA
    assert report.documents[0].analysts == ["ann", "bob", "cyd"]
    assert report.overall.method == agreement.KRIPPENDORFF_ALPHA
    assert -1 <= report.overall.value <= 1


@pytest.mark.django_db
def test_agreement_report_is_empty_without_shared_documents(analyst):
    document = DocumentFactory()
    services.claim_create(document=document, user=analyst, start=0, end=5, tag="unsourced")
    report = agreement.agreement_report(claims=Claim.objects.all())
    assert report.documents == [] and report.overall is None
