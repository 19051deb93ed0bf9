"""The dashboard's figures: aggregates over a set of claims, in a fixed number of queries.

``dashboard_figures`` returns them as Python values for the page; ``figures_as_json`` as the
plain dict the API serves to researchers. Whose claims count is the caller's choice (the page
passes ``dashboard_claims(user=...)``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from claims.agreement import Agreement, AgreementReport, agreement_report
from claims.models import Attribution, Claim, ClaimStatus, ClaimTag, SourceKind

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.querysets import ClaimQuerySet

# A source that names nobody: any anonymous source, and the registry's markers for vague
# attributions ("on estime", "selon des informations") and for unnamed compilations ("Divers").
VAGUE_SOURCE_SLUGS = ("vague-attribution", "divers")
VAGUE_SOURCE = Q(source__kind=SourceKind.ANONYMOUS) | Q(source__slug__in=VAGUE_SOURCE_SLUGS)
RECENT_DAYS = 7
STATUS_CHOICES = {
    "": "Sent for review (submitted, approved, rejected)",
    "approved": "Approved only",
}


def dashboard_claims(*, user: "AbstractBaseUser", status: str = "") -> "ClaimQuerySet":
    """The claims the dashboard counts: sent for review, and visible to ``user``.

    Drafts are work in progress; leaving them out also makes the figures the same for
    reviewers (who do not see others' drafts) and administrators.
    """
    claims = Claim.objects.visible_to(user).exclude(status=ClaimStatus.DRAFT)
    if status == ClaimStatus.APPROVED:
        claims = claims.filter(status=ClaimStatus.APPROVED)
    return claims


def claims_per_week(claims: "ClaimQuerySet") -> list[tuple[Any, int, int]]:
    """``(monday, sourced, unsourced)`` for each week with claims, oldest first (one query)."""
    from django.db.models.functions import TruncWeek

    rows = (
        claims.order_by()
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(
            sourced=Count("pk", filter=Q(tag=ClaimTag.SOURCED)),
            unsourced=Count("pk", filter=Q(tag=ClaimTag.UNSOURCED)),
        )
        .order_by("week")
    )
    return [(row["week"].date(), row["sourced"], row["unsourced"]) for row in rows]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(slots=True)
class Totals:
    claims: int
    sourced: int
    unsourced: int
    anonymous_or_vague_only: int  # sourced claims whose every link is anonymous or vague

    @property
    def sourced_share(self) -> float | None:
        return _share(self.sourced, self.claims)

    @property
    def anonymous_or_vague_share(self) -> float | None:
        """Share of the sourced claims (those with a chain) that name no one."""
        return _share(self.anonymous_or_vague_only, self.sourced)


@dataclass(slots=True)
class SourceCount:
    source_id: int
    slug: str
    name: str
    kind: str
    claims: int  # claims whose chain names it anywhere
    direct: int  # claims that cite it directly (position 0)


@dataclass(slots=True)
class TagSplit:
    """Claims of one publisher or one document, split by tag."""

    key: int | None
    name: str
    claims: int
    sourced: int
    unsourced: int

    @property
    def sourced_share(self) -> float | None:
        return _share(self.sourced, self.claims)

    @property
    def unsourced_share(self) -> float | None:
        return _share(self.unsourced, self.claims)


@dataclass(slots=True)
class AnalystFigures:
    username: str
    claims: int
    recent: int  # claims created in the last RECENT_DAYS days
    active_days: int
    approvals: int
    rejections: int

    @property
    def per_active_day(self) -> float | None:
        return _share(self.claims, self.active_days)

    @property
    def approval_rate(self) -> float | None:
        """Approvals over all review decisions on the analyst's claims (a resubmission counts again)."""
        return _share(self.approvals, self.approvals + self.rejections)


@dataclass(slots=True)
class Figures:
    totals: Totals
    sources: list[SourceCount] = field(default_factory=list)
    publishers: list[TagSplit] = field(default_factory=list)
    documents: list[TagSplit] = field(default_factory=list)
    analysts: list[AnalystFigures] = field(default_factory=list)
    agreement: AgreementReport = field(default_factory=AgreementReport)


def _by_tag(claims: "ClaimQuerySet", key: str, name: str) -> list[TagSplit]:
    rows = (
        claims.order_by()
        .values(key, name)
        .annotate(
            total=Count("pk"),
            sourced=Count("pk", filter=Q(tag=ClaimTag.SOURCED)),
            unsourced=Count("pk", filter=Q(tag=ClaimTag.UNSOURCED)),
        )
        .order_by("-total", name)
    )
    return [TagSplit(r[key], r[name] or "", r["total"], r["sourced"], r["unsourced"]) for r in rows]


def dashboard_figures(*, claims: "ClaimQuerySet") -> Figures:
    """Every figure of the dashboard over ``claims``: eight queries whatever the data."""
    named_link = Attribution.objects.filter(claim=OuterRef("pk")).exclude(VAGUE_SOURCE)
    any_link = Attribution.objects.filter(claim=OuterRef("pk"))
    totals = claims.order_by().aggregate(
        claims=Count("pk"),
        sourced=Count("pk", filter=Q(tag=ClaimTag.SOURCED)),
        unsourced=Count("pk", filter=Q(tag=ClaimTag.UNSOURCED)),
        anonymous_or_vague_only=Count(
            "pk", filter=Q(tag=ClaimTag.SOURCED) & Q(Exists(any_link)) & ~Q(Exists(named_link))
        ),
    )
    sources = [
        SourceCount(r["source"], r["source__slug"], r["source__name"], r["source__kind"], r["claims"], r["direct"])
        for r in Attribution.objects.filter(claim__in=claims.order_by().values("pk"))
        .values("source", "source__slug", "source__name", "source__kind")
        .annotate(claims=Count("claim", distinct=True), direct=Count("claim", filter=Q(position=0), distinct=True))
        .order_by("-claims", "-direct", "source__name")
    ]
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    analysts = [
        AnalystFigures(
            r["annotator__username"], r["claims"], r["recent"], r["active_days"], r["approvals"], r["rejections"]
        )
        for r in claims.order_by()
        .values("annotator__username")
        .annotate(
            claims=Count("pk", distinct=True),
            recent=Count("pk", filter=Q(created_at__gte=since), distinct=True),
            active_days=Count(TruncDate("created_at"), distinct=True),
            approvals=Count("reviews", filter=Q(reviews__decision="approve"), distinct=True),
            rejections=Count("reviews", filter=Q(reviews__decision="reject"), distinct=True),
        )
        .order_by("annotator__username")
    ]
    return Figures(
        totals=Totals(**totals),
        sources=sources,
        publishers=_by_tag(claims, "document__publisher", "document__publisher__name"),
        documents=_by_tag(claims, "document", "document__title"),
        analysts=analysts,
        agreement=agreement_report(claims=claims),
    )


def _agreement_json(item: Agreement | None) -> dict[str, Any] | None:
    if item is None:
        return None
    data = asdict(item)
    if item.document_id is None:
        data.pop("document_id")
        data.pop("title")
    return data


def figures_as_json(figures: Figures) -> dict[str, Any]:
    """The figures as a plain dict of JSON types, shares as fractions in [0, 1] or null."""
    t = figures.totals
    return {
        "totals": {
            "claims": t.claims,
            "sourced": t.sourced,
            "unsourced": t.unsourced,
            "sourced_share": t.sourced_share,
            "anonymous_or_vague_only": t.anonymous_or_vague_only,
            "anonymous_or_vague_share": t.anonymous_or_vague_share,
        },
        "claims_per_source": [
            {"source": {"id": s.source_id, "slug": s.slug, "name": s.name, "kind": s.kind}, "claims": s.claims, "direct": s.direct}
            for s in figures.sources
        ],
        "claims_per_publisher": [
            {"publisher": {"id": p.key, "name": p.name} if p.key else None, "claims": p.claims, "sourced": p.sourced,
             "unsourced": p.unsourced, "sourced_share": p.sourced_share, "unsourced_share": p.unsourced_share}
            for p in figures.publishers
        ],
        "claims_per_document": [
            {"document": {"id": d.key, "title": d.name}, "claims": d.claims, "sourced": d.sourced,
             "unsourced": d.unsourced, "sourced_share": d.sourced_share, "unsourced_share": d.unsourced_share}
            for d in figures.documents
        ],
        "analysts": [
            {"username": a.username, "claims": a.claims, "recent_claims": a.recent,
             "active_days": a.active_days, "claims_per_active_day": a.per_active_day,
             "approvals": a.approvals, "rejections": a.rejections, "approval_rate": a.approval_rate}
            for a in figures.analysts
        ],
        "agreement": {
            "documents": [_agreement_json(d) for d in figures.agreement.documents],
            "overall": _agreement_json(figures.agreement.overall),
        },
    }
