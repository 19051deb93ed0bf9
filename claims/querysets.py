"""Chainable filters for the claims app's models."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import models
from django.db.models import Count, F, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.utils.text import slugify

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


class SourceQuerySet(models.QuerySet):
    def search(self, query: str) -> "SourceQuerySet":
        """Sources whose slug, name or aliases contain every word of ``query``, in any order,
        ignoring case and accents (« ministere defense » finds « Ministère de la Défense »)."""
        words = (query or "").split()
        if not words:
            return self
        # unaccent() over the aliases array joined as one string keeps it to one SQL clause.
        alias_blob = models.Func(
            models.Func(F("aliases"), models.Value(" | "), function="array_to_string"),
            function="unaccent",
            output_field=models.TextField(),
        )
        every_word = Q()
        for word in words:
            every_word &= (
                Q(name__unaccent__icontains=word)
                | Q(slug__icontains=word)
                | Q(alias_blob__unaccent__icontains=word)
            )
        return self.alias(alias_blob=alias_blob).filter(every_word)


    def search_exact(self, name: str) -> "SourceQuerySet":
        """Sources named exactly ``name`` (name, slug or an alias), ignoring case and accents."""
        name = (name or "").strip()
        if not name:
            return self.none()
        alias_match = RawSQL(
            "EXISTS (SELECT 1 FROM unnest(claims_source.aliases) AS alias"
            " WHERE lower(unaccent(alias)) = lower(unaccent(%s)))",
            [name],
            output_field=models.BooleanField(),
        )
        return self.alias(alias_match=alias_match).filter(
            Q(name__unaccent__iexact=name) | Q(slug=slugify(name)) | Q(alias_match=True)
        )


class DocumentQuerySet(models.QuerySet):
    def search(self, query: str) -> "DocumentQuerySet":
        """French full-text search, accent-insensitive, best match first (uses the GIN index)."""
        from claims.models import SEARCH_CONFIG

        query = (query or "").strip()
        if not query:
            return self
        search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        return (
            self.filter(search_vector=search_query)
            .annotate(rank=SearchRank(F("search_vector"), search_query))
            .order_by("-rank", "-id")
        )

    def with_claim_counts(self, claims: "ClaimQuerySet") -> "DocumentQuerySet":
        """Annotate sentence and claim counts in one query; ``claims`` is what the user may see."""
        claim_ids = claims.values("pk")
        visible = Q(claims__pk__in=claim_ids)
        return self.annotate(
            sentence_count=Count("sentences", distinct=True),
            sourced_count=Count("claims", filter=visible & Q(claims__tag="sourced"), distinct=True),
            unsourced_count=Count("claims", filter=visible & Q(claims__tag="unsourced"), distinct=True),
            submitted_count=Count("claims", filter=visible & Q(claims__status="submitted"), distinct=True),
            reviewed_count=Count(
                "claims", filter=visible & Q(claims__status__in=["approved", "rejected"]), distinct=True
            ),
            approved_count=Count("claims", filter=visible & Q(claims__status="approved"), distinct=True),
            rejected_count=Count("claims", filter=visible & Q(claims__status="rejected"), distinct=True),
        )


class ClaimQuerySet(models.QuerySet):
    def visible_to(self, user: "AbstractBaseUser") -> "ClaimQuerySet":
        """Claims ``user`` may see.

        Analysts see only their own claims so that annotations stay independent; reviewers see
        their own and every claim that reached review; administrators see everything.
        """
        from claims.permissions import is_admin, is_reviewer

        if not user.is_authenticated:
            return self.none()
        if is_admin(user):
            return self
        if is_reviewer(user):
            return self.filter(Q(annotator=user) | ~Q(status="draft"))
        return self.filter(annotator=user)

    def with_chain(self) -> "ClaimQuerySet":
        """Everything a claim's JSON or card shows, in a fixed number of queries."""
        from claims.models import Attribution, Review

        return (
            self.select_related("annotator", "document")
            .defer("document__search_vector")
            .prefetch_related(
                Prefetch("attributions", queryset=Attribution.objects.select_related("source").order_by("position")),
                Prefetch("reviews", queryset=Review.objects.select_related("reviewer").order_by("-created_at", "-id")),
            )
        )

    def cited_source(self, source_id: int, *, direct_only: bool = False) -> "ClaimQuerySet":
        """Claims whose chain names ``source_id`` (anywhere, or only at position 0)."""
        links = Q(attributions__source_id=source_id)
        if direct_only:
            links &= Q(attributions__position=0)
        return self.filter(pk__in=self.model.objects.filter(links).values("pk"))
