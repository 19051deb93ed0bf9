"""Reads. Every lookup a page or the API makes goes through here, scoped to the user."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Min, Prefetch

from claims.models import Claim, Document, Sentence, Source

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.models import Attribution, Project
    from claims.querysets import ClaimQuerySet, DocumentQuerySet, SourceQuerySet


def claim_list(*, user: "AbstractBaseUser") -> "ClaimQuerySet":
    """The claims ``user`` may see, with their chains and reviews prefetched."""
    return Claim.objects.visible_to(user).with_chain()


def deleted_claim_get(*, user: "AbstractBaseUser", claim_id: int) -> Claim | None:
    """One of the claims ``user`` may see that was deleted (for "Undo"), or None."""
    return Claim.with_deleted.visible_to(user).filter(pk=claim_id, deleted_at__isnull=False).first()


def document_list(
    *,
    user: "AbstractBaseUser",
    search: str = "",
    publisher_id: int | None = None,
    to_review: bool = False,
    project_id: int | None = None,
) -> "DocumentQuerySet":
    """Documents with their counts; counts only include the claims ``user`` may see.

    ``to_review`` keeps the documents with at least one such claim waiting for review.
    """
    if not user.is_authenticated:
        return Document.objects.none()
    documents = Document.objects.visible_to(user).select_related("publisher").defer("text", "search_vector")
    if project_id is not None:
        documents = documents.in_project(project_id)
    if publisher_id is not None:
        documents = documents.filter(publisher_id=publisher_id)
    documents = documents.search(search).with_claim_counts(Claim.objects.visible_to(user))
    if not documents.query.order_by:
        # Meta.ordering does not apply to a GROUP BY query: pages need a stable order.
        documents = documents.order_by("-created_at", "-id")
    if to_review:
        documents = documents.filter(submitted_count__gt=0)
    return documents


def project_param(*, user: "AbstractBaseUser", value: str) -> "Project | None":
    """The project a ``?project=`` names, if ``user`` is in it (404 otherwise, as for the
    project itself); None when the parameter is absent."""
    from django.http import Http404

    from claims.models import Project

    if not value:
        return None
    project = Project.objects.visible_to(user).filter(pk=int(value)).first() if value.isdigit() else None
    if project is None:
        raise Http404("No such project.")
    return project


def publisher_list() -> "SourceQuerySet":
    """Sources that published at least one stored document (the document list's filter)."""
    return Source.objects.filter(pk__in=Document.objects.filter(publisher__isnull=False).values("publisher_id"))


def document_get(*, user: "AbstractBaseUser", document_id: int) -> Document:
    """One document ``user`` may see (``DocumentQuerySet.visible_to``: a project's document is a
    404 outside it), without its search vector."""
    from django.shortcuts import get_object_or_404

    if not user.is_authenticated:
        raise PermissionDenied
    documents = Document.objects.visible_to(user).select_related("publisher").defer("search_vector")
    return get_object_or_404(documents, pk=document_id)


@dataclass(frozen=True, slots=True)
class ChainSource:
    """A source of a claim's chain as the claim list shows it."""

    name: str
    kind: str
    rating: str = ""  # the latest credibility note's, or ""


def document_for_annotation(*, user: "AbstractBaseUser", document_id: int) -> Document:
    """One document with its sentences and the claims ``user`` may see, in a fixed number of queries.

    ``document.sentence_spans``: its sentences as ``(index, start, end, kind)`` rows, in order.
    ``document.visible_claims``: the claims in text order, each with ``chain_sources`` (its
    chain's sources, in order) and ``latest_review`` (with its reviewer, or None). Their
    ``attributions`` and ``reviews`` are not prefetched: ``claim_attributions`` reads one chain.

    Rows and plain lists, not model instances and prefetch caches: on a long document building
    those cost several times the queries themselves.
    """
    from django.shortcuts import get_object_or_404

    from claims.models import Attribution, Review

    documents = Document.objects.visible_to(user).select_related("publisher").defer("search_vector")
    document = get_object_or_404(documents, pk=document_id)
    sentences = Sentence.objects.filter(document=document).order_by("index")
    document.sentence_spans = list(sentences.values_list("index", "start", "end", "kind", named=True))
    visible = Claim.objects.visible_to(user).filter(document=document)
    claims = list(visible.order_by("start", "end", "id"))
    chains: dict[int, list[ChainSource]] = {}
    links = Attribution.objects.filter(claim__in=visible.values("pk")).order_by("claim_id", "position")
    for claim_id, name, kind, rating in links.values_list("claim_id", "source__name", "source__kind", "source__rating"):
        chains.setdefault(claim_id, []).append(ChainSource(name, kind, rating))
    reviews = Review.objects.filter(claim__in=visible.values("pk")).select_related("reviewer")
    latest = {r.claim_id: r for r in reviews.order_by("claim_id", "-created_at", "-id").distinct("claim_id")}
    for claim in claims:
        claim.document = document  # not joined: that would copy the whole text into every claim row
        claim.chain_sources = chains.get(claim.pk, [])
        claim.latest_review = latest.get(claim.pk)
    document.visible_claims = claims
    return document


def claim_attributions(*, claim: Claim) -> list["Attribution"]:
    """One claim's chain with its sources, in order (one query)."""
    return list(claim.attributions.select_related("source").order_by("position"))


def source_mention(*, document: Document, source: Source, start: int, end: int) -> tuple[int, int] | None:
    """Where ``source`` is named around the span ``[start, end)``: in the span or its sentences.

    The longest of the source's name and aliases wins (« l’agence de presse Mehr » over « Mehr »),
    then the first occurrence; a match must not run into a neighbouring word. Code points.
    """
    bounds = Sentence.objects.filter(document=document, start__lt=end, end__gt=start).aggregate(
        first=Min("start"), last=Max("end")
    )
    lo = max(0, min(start, bounds["first"] if bounds["first"] is not None else start))
    hi = max(end, bounds["last"] if bounds["last"] is not None else end)
    region = document.text[lo:hi]
    for name in sorted({source.name, *source.aliases}, key=len, reverse=True):
        if not name.strip():
            continue
        match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", region, flags=re.IGNORECASE)
        if match:
            return lo + match.start(), lo + match.end()
    return None


def source_search(*, query: str = "") -> "ClaimQuerySet":
    return Source.objects.search(query)


def source_registry() -> list[dict]:
    """The whole registry as the annotate page's Source box filters it, keystroke by keystroke,
    in the browser: ``{"id", "name", "kind" (its label), "slug", "aliases"}``, by name."""
    from claims.models import SourceKind

    labels = dict(SourceKind.choices)
    rows = Source.objects.order_by("name", "pk").values_list("pk", "name", "kind", "slug", "aliases")
    return [
        {"id": pk, "name": name, "kind": str(labels.get(kind, kind)), "slug": slug, "aliases": aliases}
        for pk, name, kind, slug, aliases in rows
    ]


# Characters of context a queue row shows at most on each side of a claim, within its sentences.
QUEUE_CONTEXT_CHARS = 300


def review_queue(*, user: "AbstractBaseUser") -> "ClaimQuerySet":
    """Submitted claims ``user`` may review (never their own), oldest first.

    Each claim carries its chain, reviews, annotator and document (without the text), and the
    text of its sentences around it as ``context_before`` / ``context_after``, cut in SQL:
    a fixed number of queries, and no document text copied into every row.
    """
    from django.db.models import F, OuterRef, Subquery
    from django.db.models.functions import Coalesce, Greatest, Least, Substr

    from claims import permissions

    if not permissions.can_use_review_queue(user):
        return Claim.objects.none()
    sentences = Sentence.objects.filter(document=OuterRef("document"))
    first = sentences.filter(start__lte=OuterRef("start"), end__gt=OuterRef("start")).values("start")[:1]
    last = sentences.filter(start__lt=OuterRef("end"), end__gte=OuterRef("end")).values("end")[:1]
    before_start = Greatest(Coalesce(Subquery(first), F("start")), F("start") - QUEUE_CONTEXT_CHARS, 0)
    after_end = Least(Coalesce(Subquery(last), F("end")), F("end") + QUEUE_CONTEXT_CHARS)
    return (
        claim_list(user=user)
        .filter(status="submitted")
        .exclude(annotator=user)
        .select_related("document__publisher")
        .defer("document__text", "document__search_vector")
        .annotate(
            # PostgreSQL's substr() counts code points from 1, like Python's str from 0.
            context_before=Substr("document__text", before_start + 1, F("start") - before_start),
            context_after=Substr("document__text", F("end") + 1, after_end - F("end")),
        )
        .order_by("updated_at", "id")
    )
