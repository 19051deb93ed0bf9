"""Reads. Every lookup a page or the API makes goes through here, scoped to the user."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch

from claims.models import Claim, Document, Sentence, Source

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.querysets import ClaimQuerySet, DocumentQuerySet


def claim_list(*, user: "AbstractBaseUser") -> "ClaimQuerySet":
    """The claims ``user`` may see, with their chains and reviews prefetched."""
    return Claim.objects.visible_to(user).with_chain()


def document_list(*, user: "AbstractBaseUser", search: str = "") -> "DocumentQuerySet":
    """Documents with their counts; counts only include the claims ``user`` may see."""
    if not user.is_authenticated:
        return Document.objects.none()
    documents = Document.objects.select_related("publisher").defer("text", "search_vector")
    return documents.search(search).with_claim_counts(Claim.objects.visible_to(user))


def document_for_annotation(*, user: "AbstractBaseUser", document_id: int) -> Document:
    """One document with its sentences and the claims ``user`` may see, in a fixed number of queries."""
    from django.shortcuts import get_object_or_404

    queryset = Document.objects.select_related("publisher").prefetch_related(
        Prefetch("sentences", queryset=Sentence.objects.order_by("index")),
        Prefetch("claims", queryset=claim_list(user=user).order_by("start", "end", "id"), to_attr="visible_claims"),
    )
    return get_object_or_404(queryset, pk=document_id)


def source_search(*, query: str = "") -> "ClaimQuerySet":
    return Source.objects.search(query)
