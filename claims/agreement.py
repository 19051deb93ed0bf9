"""Inter-annotator agreement on the sentence-level label, where several analysts annotated a document.

Each analyst gives every sentence of a document one label: ``sourced`` if one of their claims
over the sentence is sourced, else ``unsourced`` if one of their claims covers it, else
``no_claim``. Two analysts are compared with Cohen's kappa; three or more, or
a pool with gaps (an analyst who did not annotate a document), with Krippendorff's alpha
(the ``krippendorff`` package, nominal level, missing values allowed). The coefficients are
undefined (``None``) when the labels never vary: agreement beyond chance cannot be measured.

The share of same direct source is taken over the sentences every analyst of the document
marked sourced: the share of those where they all linked the same direct sources (position 0
of their chains). Offsets are code points, as everywhere.

The functions at the top are pure; ``agreement_report`` reads the database in a fixed number
of queries.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import krippendorff
import numpy as np

if TYPE_CHECKING:
    from claims.querysets import ClaimQuerySet

NO_CLAIM = "no_claim"
UNSOURCED = "unsourced"
SOURCED = "sourced"
LABELS = (NO_CLAIM, UNSOURCED, SOURCED)  # also the precedence: a sourced claim wins
COHEN_KAPPA = "cohen_kappa"
KRIPPENDORFF_ALPHA = "krippendorff_alpha"
# Headlines and body sentences can hold claims; captions, publisher lines and boilerplate
# ("Photo: AFP", "SOURCE: PRESS TV") would only inflate the agreement on "no claim".
LABELLED_SENTENCE_KINDS = ("body", "headline")


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    """What agreement needs of a claim: its span, tag and the source it cites directly."""

    start: int  # code point into Document.text, inclusive
    end: int  # exclusive
    tag: str
    direct_source: int | None = None


def _overlapping(sentence: tuple[int, int], claims: Iterable[ClaimSpan]) -> list[ClaimSpan]:
    start, end = sentence
    return [c for c in claims if c.start < end and c.end > start]


def sentence_labels(sentences: Sequence[tuple[int, int]], claims: Sequence[ClaimSpan]) -> list[str]:
    """One analyst's label for each ``(start, end)`` sentence, from the claims they made."""
    labels = []
    for sentence in sentences:
        tags = {c.tag for c in _overlapping(sentence, claims)}
        labels.append(SOURCED if SOURCED in tags else UNSOURCED if tags else NO_CLAIM)
    return labels


def sentence_direct_sources(sentences: Sequence[tuple[int, int]], claims: Sequence[ClaimSpan]) -> list[frozenset[int]]:
    """The direct sources one analyst linked over each sentence."""
    return [
        frozenset(c.direct_source for c in _overlapping(s, claims) if c.direct_source is not None) for s in sentences
    ]


def _defined(value: float) -> float | None:
    return None if value is None or math.isnan(value) else float(value)


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float | None:
    """Cohen's kappa of two raters who labelled the same items (``None`` if undefined)."""
    if len(first) != len(second):
        raise ValueError("Both raters must label the same items.")
    if not first:
        return None
    # From the confusion matrix, as scikit-learn's cohen_kappa_score computes it (the tests
    # check they agree); computed here because its input checks cost ~2 ms a call, which a
    # project page with a thousand shared documents pays a thousand times.
    codes = {label: i for i, label in enumerate(sorted(set(first) | set(second)))}
    matrix = np.zeros((len(codes), len(codes)))
    np.add.at(matrix, ([codes[v] for v in first], [codes[v] for v in second]), 1)
    total = matrix.sum()
    observed = np.trace(matrix) / total
    expected = float(matrix.sum(axis=0) @ matrix.sum(axis=1)) / total**2
    if expected == 1:  # a single label: agreement beyond chance is undefined
        return None
    return _defined((observed - expected) / (1 - expected))


def krippendorff_alpha(rows: Sequence[Sequence[str | None]]) -> float | None:
    """Nominal Krippendorff's alpha; one row per rater, ``None`` where a rater gave no label."""
    if len(rows) < 2 or not rows[0]:
        return None
    values = sorted({v for row in rows for v in row if v is not None})
    if len(values) < 2:
        return None  # one value only: the package refuses it, the coefficient is undefined
    codes = {value: i for i, value in enumerate(values)}
    data = np.array([[np.nan if v is None else codes[v] for v in row] for row in rows], dtype=float)
    try:
        with np.errstate(divide="ignore", invalid="ignore"):
            return _defined(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    except ValueError:  # no unit with two labels: nothing to compare
        return None


def coefficient(rows: Sequence[Sequence[str | None]]) -> tuple[str, float | None]:
    """Cohen's kappa for two complete raters, else Krippendorff's alpha: ``(method, value)``."""
    if len(rows) == 2 and all(v is not None for row in rows for v in row):
        return COHEN_KAPPA, cohen_kappa(rows[0], rows[1])
    return KRIPPENDORFF_ALPHA, krippendorff_alpha(rows)


def observed_agreement(rows: Sequence[Sequence[str | None]]) -> float | None:
    """Share of items that every rater who labelled them labelled alike (items with 2+ labels)."""
    compared = agreed = 0
    for item in zip(*rows, strict=True):
        labels = [v for v in item if v is not None]
        if len(labels) >= 2:
            compared += 1
            agreed += len(set(labels)) == 1
    return agreed / compared if compared else None


def same_source_counts(rows: Sequence[Sequence[frozenset[int] | None]], labels: Sequence[Sequence[str | None]]) -> tuple[int, int]:
    """``(agreed, compared)`` over items every present rater marked sourced."""
    compared = agreed = 0
    for item_labels, item_sources in zip(zip(*labels, strict=True), zip(*rows, strict=True), strict=True):
        present = [i for i, label in enumerate(item_labels) if label is not None]
        if len(present) < 2 or any(item_labels[i] != SOURCED for i in present):
            continue
        compared += 1
        agreed += len({item_sources[i] for i in present}) == 1
    return agreed, compared


# --- from the database ------------------------------------------------------------------------


@dataclass(slots=True)
class Agreement:
    """Agreement over one document, or over all of them (``document_id`` None)."""

    analysts: list[str]
    sentences: int
    method: str
    value: float | None
    observed: float | None
    same_source: float | None
    same_source_sentences: int
    document_id: int | None = None
    title: str = ""

    @property
    def method_label(self) -> str:
        return "Cohen's kappa" if self.method == COHEN_KAPPA else "Krippendorff's alpha"


@dataclass(slots=True)
class AgreementReport:
    documents: list[Agreement] = field(default_factory=list)
    overall: Agreement | None = None

    def lowest(self, count: int) -> list[Agreement]:
        """The ``count`` documents that agree least (undefined coefficients last): where to
        curate first. A project page shows these, not thousands of rows."""
        return sorted(self.documents, key=lambda a: (a.value is None, a.value or 0.0, a.document_id or 0))[:count]


def _agreement(labels: list[list[str | None]], sources: list[list[frozenset[int] | None]], analysts: list[str], **extra) -> Agreement:
    method, value = coefficient(labels)
    agreed, compared = same_source_counts(sources, labels)
    return Agreement(
        analysts=analysts,
        sentences=len(labels[0]) if labels else 0,
        method=method,
        value=value,
        observed=observed_agreement(labels),
        same_source=agreed / compared if compared else None,
        same_source_sentences=compared,
        **extra,
    )


def agreement_report(*, claims: "ClaimQuerySet") -> AgreementReport:
    """Agreement per document annotated by two or more analysts in ``claims``, and pooled.

    Three queries whatever the number of documents.
    """
    from django.db.models import Count, OuterRef, Subquery

    from claims.models import Attribution, Document, Sentence

    shared = (
        claims.order_by()
        .values("document")
        .annotate(analysts=Count("annotator", distinct=True))
        .filter(analysts__gte=2)
        .values("document")
    )
    documents = dict(Document.objects.filter(pk__in=shared).order_by("pk").values_list("pk", "title"))
    if not documents:
        return AgreementReport()
    sentences: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for document_id, start, end in (
        Sentence.objects.filter(document__in=list(documents), kind__in=LABELLED_SENTENCE_KINDS)
        .order_by("document", "index")
        .values_list("document", "start", "end")
    ):
        sentences[document_id].append((start, end))
    # (claim, position) is unique: no ordering, which would join the claim and its document
    direct = Attribution.objects.filter(claim=OuterRef("pk"), position=0).order_by().values("source")[:1]
    spans: dict[int, dict[str, list[ClaimSpan]]] = defaultdict(lambda: defaultdict(list))
    for document_id, username, start, end, tag, source in (
        claims.filter(document__in=list(documents))
        .order_by()
        .annotate(direct_source=Subquery(direct))
        .values_list("document", "annotator__username", "start", "end", "tag", "direct_source")
    ):
        spans[document_id][username].append(ClaimSpan(start, end, tag, source))

    report = AgreementReport()
    everyone = sorted({name for by_analyst in spans.values() for name in by_analyst})
    pooled_labels: list[list[str | None]] = [[] for _ in everyone]
    pooled_sources: list[list[frozenset[int] | None]] = [[] for _ in everyone]
    for document_id, title in documents.items():
        units = sentences.get(document_id, [])
        analysts = sorted(spans[document_id])
        labels = [sentence_labels(units, spans[document_id][name]) for name in analysts]
        sources = [sentence_direct_sources(units, spans[document_id][name]) for name in analysts]
        if units:
            report.documents.append(_agreement(labels, sources, analysts, document_id=document_id, title=title))
        for row, name in enumerate(everyone):
            mine = analysts.index(name) if name in analysts else None
            pooled_labels[row].extend(labels[mine] if mine is not None else [None] * len(units))
            pooled_sources[row].extend(sources[mine] if mine is not None else [None] * len(units))
    if pooled_labels and pooled_labels[0]:
        report.overall = _agreement(pooled_labels, pooled_sources, everyone)
    return report
