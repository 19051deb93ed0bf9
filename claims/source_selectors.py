"""Reads for the source registry pages: the searchable list, one source's page, its history.

Lookups go through ``Source.objects`` (merged sources are gone) and claims through
``Claim.objects.visible_to`` (the user's reach). Each function runs a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404

from claims.models import Attribution, Claim, ClaimStatus, CredibilityNote, CuratedClaim, Source, SourceKind, SourceMerge
from claims.text.normalize import search_words

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.querysets import SourceQuerySet

# How many claims the source page lists (the rest through the API's ?source= filter).
SOURCE_PAGE_CLAIMS = 50


def _folded(expression: models.Expression) -> models.Func:
    return models.Func(models.Func(expression, function="unaccent"), function="lower", output_field=models.TextField())


def source_registry(
    *,
    user: "AbstractBaseUser",
    query: str = "",
    kind: str = "",
    country: str = "",
    affiliation: str = "",
    rating: str = "",
    status: str = "",
) -> "SourceQuerySet":
    """The registry filtered; ``query`` matches whatever the case, accents and word order.

    Every word of the query must appear in the name, the slug or an alias (« ministere
    defense » finds « Ministère de la Défense »). Each source carries ``claim_count``: the
    claims ``user`` may see whose chain names it.
    """
    sources = Source.objects.all()
    words = search_words(query)
    if words:
        haystack = _folded(
            models.Func(
                F("name"),
                models.Value(" "),
                F("slug"),
                models.Value(" "),
                models.Func(F("aliases"), models.Value(" "), function="array_to_string"),
                function="concat",
                output_field=models.TextField(),
            )
        )
        sources = sources.alias(haystack=haystack)
        for word in words:
            sources = sources.filter(haystack__contains=word)
    if kind:
        sources = sources.filter(kind=kind)
    if country:
        sources = sources.filter(country__iexact=country.strip()[:2])
    if affiliation:
        for word in search_words(affiliation):
            sources = sources.alias(folded_affiliation=_folded(F("affiliation"))).filter(folded_affiliation__contains=word)
    if rating:
        sources = sources.filter(rating="" if rating == "none" else rating)
    if status:
        sources = sources.filter(status=status)
    visible = Claim.objects.visible_to(user).values("pk")
    return sources.annotate(
        claim_count=Count("attributions__claim", filter=Q(attributions__claim__in=visible), distinct=True)
    ).order_by("name", "pk")


def source_get(*, slug: str) -> Source:
    """A registry source by slug; a merged one is a 404 like an unknown one."""
    source = Source.objects.filter(slug=slug).select_related("created_by").first()
    if source is None:
        raise Http404("No such source.")
    return source


def registry_choices() -> dict[str, list[str]]:
    """Countries and affiliations in use, for the registry's filters (one query)."""
    rows = Source.objects.values_list("country", "affiliation")
    countries = sorted({c for c, _ in rows if c})
    affiliations = sorted({a for _, a in rows if a}, key=str.casefold)
    return {"countries": countries, "affiliations": affiliations}


@dataclass
class SourcePage:
    source: Source
    claims: list[Claim]
    claim_total: int
    direct_total: int
    publishers: list[dict[str, Any]]
    cites: list[dict[str, Any]]
    cited_by: list[dict[str, Any]]
    anonymous_end: int
    months: list[dict[str, Any]]
    notes: list[CredibilityNote]
    merges: list[SourceMerge]

    @property
    def anonymous_share(self) -> float | None:
        return self.anonymous_end / self.claim_total if self.claim_total else None

    @property
    def month_max(self) -> int:
        return max((m["claims"] for m in self.months), default=0)


def source_page(*, user: "AbstractBaseUser", source: Source, statuses: tuple[str, ...] = (ClaimStatus.APPROVED,)) -> SourcePage:
    """Everything the source page shows, in a fixed number of queries whatever the corpus.

    ``statuses``: which claims count (approved by default). Claims cite the source directly
    (position 0) or anywhere further down a chain; curated claims (a project's reference
    reading) count whatever their status.
    """
    curated = CuratedClaim.objects.filter(claim=OuterRef("pk"))
    claims = (
        Claim.objects.visible_to(user).filter(Q(status__in=statuses) | Q(Exists(curated))).cited_source(source.pk)
    )
    ids = claims.values("pk")
    links = Attribution.objects.filter(claim_id__in=ids)
    here = Attribution.objects.filter(claim_id=OuterRef("claim_id"), source_id=source.pk)

    totals = claims.aggregate(
        total=Count("pk"),
        direct=Count("pk", filter=Q(Exists(Attribution.objects.filter(claim=OuterRef("pk"), source_id=source.pk, position=0)))),
    )

    def neighbours(offset: int) -> list[dict[str, Any]]:
        # Sources one link further (+1: whom it cites) or one link nearer (-1: who cites it).
        rows = list(
            links.filter(Exists(here.filter(position=OuterRef("position") - offset)))
            .values("source__slug", "source__name", "source__kind", "source__rating")
            .annotate(claims=Count("claim_id", distinct=True))
            .order_by("-claims", "source__name")
        )
        for row in rows:
            row["kind_label"] = str(dict(SourceKind.choices).get(row["source__kind"], row["source__kind"])).lower()
        return rows

    later = Attribution.objects.filter(claim_id=OuterRef("claim_id"), position__gt=OuterRef("position"))
    anonymous_end = (
        links.filter(source__kind=SourceKind.ANONYMOUS)
        .filter(~Exists(later))
        .aggregate(n=Count("claim_id", distinct=True))["n"]
    )
    publishers = list(
        claims.values("document__publisher__slug", "document__publisher__name")
        .annotate(claims=Count("pk"))
        .order_by("-claims", "document__publisher__name")
    )
    months = list(
        claims.annotate(month=TruncMonth(Coalesce("document__published_at", "document__created_at")))
        .values("month")
        .annotate(claims=Count("pk"))
        .order_by("month")
    )
    shown = list(
        claims.select_related("document", "annotator")
        .defer("document__text", "document__search_vector")
        .prefetch_related(models.Prefetch("attributions", queryset=Attribution.objects.select_related("source").order_by("position")))
        .order_by("-document__published_at", "-pk")[:SOURCE_PAGE_CLAIMS]
    )
    notes = list(CredibilityNote.objects.filter(source=source).select_related("user").order_by("-created_at", "-id"))
    merges = list(SourceMerge.objects.filter(into=source).select_related("source", "user", "undone_by").order_by("-created_at", "-id"))
    return SourcePage(
        source=source,
        claims=shown,
        claim_total=totals["total"],
        direct_total=totals["direct"],
        publishers=publishers,
        cites=neighbours(+1),
        cited_by=neighbours(-1),
        anonymous_end=anonymous_end,
        months=months,
        notes=notes,
        merges=merges,
    )
