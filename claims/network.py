"""Reads over whole chains: the citation network, sourcing trends per publisher.

Both start from the claims the user may see (``Claim.objects.visible_to``, so any change to
who sees what applies here too) that are approved, and run a fixed number of SQL statements
whatever the corpus size: the counting happens in PostgreSQL, Python only shapes the result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce, TruncMonth

from claims.models import Attribution, Claim, ClaimStatus, ClaimTag, CuratedClaim, Document, Source, SourceKind
from claims.text.registry import VAGUE_SLUG

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.models import Project
    from claims.querysets import ClaimQuerySet

# The claims that make the network and the trends: settled ones, i.e. approved, or taken into
# a project's curated layer (the project's reference reading, whatever their status).
SETTLED = (ClaimStatus.APPROVED,)


@dataclass(frozen=True)
class NetworkFilters:
    project: "Project | None" = None  # already checked to be in the user's reach
    publisher: Source | None = None
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive
    min_weight: int = 1
    publishers: bool = False  # add publisher -> first link edges (type "publishes")


def settled_claims(*, user: "AbstractBaseUser", filters: NetworkFilters | None = None) -> "ClaimQuerySet":
    """Approved or curated claims ``user`` may see, narrowed by the filters' project (its
    documents; curated means curated in that project), publisher and dates.

    Dates are the article's publication date, or the day it was stored when it has none.
    """
    filters = filters or NetworkFilters()
    curated = CuratedClaim.objects.filter(claim=OuterRef("pk"))
    claims = Claim.objects.visible_to(user)
    if filters.project is not None:
        curated = curated.filter(project=filters.project)
        claims = claims.filter(document__in=Document.objects.in_project(filters.project.pk).values("pk"))
    claims = claims.filter(Q(status__in=SETTLED) | Q(Exists(curated)))
    if filters.publisher is not None:
        claims = claims.filter(document__publisher=filters.publisher)
    if filters.since is not None or filters.until is not None:
        claims = claims.annotate(day=Coalesce("document__published_at", "document__created_at"))
        if filters.since is not None:
            claims = claims.filter(day__date__gte=filters.since)
        if filters.until is not None:
            claims = claims.filter(day__date__lte=filters.until)
    return claims


# --- the network --------------------------------------------------------------------------------


@dataclass
class Network:
    """Nodes keyed by source id; edges as (source id, target id, type) -> weight."""

    nodes: dict[int, dict[str, Any]] = field(default_factory=dict)
    edges: dict[tuple[int, int, str], int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        slug = {pk: node["slug"] for pk, node in self.nodes.items()}
        return {
            "nodes": [
                {k: node[k] for k in ("slug", "name", "kind", "claims", "rating", "country", "affiliation")}
                for node in sorted(self.nodes.values(), key=lambda n: (-n["claims"], n["slug"]))
            ],
            "edges": [
                {"source": slug[a], "target": slug[b], "weight": weight, "type": kind}
                for (a, b, kind), weight in sorted(self.edges.items(), key=lambda e: (-e[1], slug[e[0][0]], slug[e[0][1]], e[0][2]))
            ],
        }


NETWORK_SQL = """
WITH links AS (
    SELECT a.claim_id, a.position, a.source_id FROM claims_attribution a
    WHERE a.claim_id IN ({claims})
)
SELECT 'cites' AS type, x.source_id AS a, y.source_id AS b, COUNT(DISTINCT x.claim_id) AS n
  FROM links x JOIN links y ON y.claim_id = x.claim_id AND y.position = x.position + 1
  GROUP BY x.source_id, y.source_id
UNION ALL
SELECT 'node', l.source_id, NULL, COUNT(DISTINCT l.claim_id) FROM links l GROUP BY l.source_id
{publisher_edges}
"""

PUBLISHER_EDGES_SQL = """
UNION ALL
SELECT 'publishes', d.publisher_id, l.source_id, COUNT(DISTINCT l.claim_id)
  FROM links l JOIN claims_claim c ON c.id = l.claim_id JOIN claims_document d ON d.id = c.document_id
  WHERE l.position = 0 AND d.publisher_id IS NOT NULL
  GROUP BY d.publisher_id, l.source_id
"""


def citation_network(*, user: "AbstractBaseUser", filters: NetworkFilters) -> Network:
    """Who cites whom in the settled chains ``user`` may see. Two queries, any corpus size.

    An edge X -> Y (type ``cites``) weighs the claims whose chain has X at position i and Y
    at i + 1; with ``filters.publishers``, an edge P -> X (type ``publishes``) weighs the claims
    of P's articles that cite X directly. Nodes are the sources cited by at least
    ``min_weight`` claims and those on an edge kept; a node's ``claims`` counts the claims
    whose chain names it (anywhere); a publisher that is cited nowhere has 0.
    """
    claims_sql, params = settled_claims(user=user, filters=filters).values("pk").query.sql_with_params()
    sql = NETWORK_SQL.format(claims=claims_sql, publisher_edges=PUBLISHER_EDGES_SQL if filters.publishers else "")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    counts: dict[int, int] = {}
    network = Network()
    for kind, a, b, n in rows:
        if kind == "node":
            counts[a] = n
        elif n >= filters.min_weight:
            network.edges[(a, b, kind)] = n
    wanted = {pk for pk, n in counts.items() if n >= filters.min_weight}
    wanted.update(pk for a, b, _ in network.edges for pk in (a, b))
    fields = ("pk", "slug", "name", "kind", "rating", "country", "affiliation")
    for row in Source.all_objects.filter(pk__in=wanted).values(*fields):
        network.nodes[row["pk"]] = {**row, "claims": counts.get(row["pk"], 0)}
    return network


# --- trends -------------------------------------------------------------------------------------


def sourcing_trends(*, user: "AbstractBaseUser", filters: NetworkFilters) -> list[dict[str, Any]]:
    """Per publisher and month: how many settled claims, and how many sourced, unsourced,
    anonymous-only (every link of the chain anonymous) and vague. One query.

    A claim is vague when its chain names the registry's vague attribution (« on estime »),
    or, where claims carry flags, when it is flagged ``vague``.
    """
    links = Attribution.objects.filter(claim=OuterRef("pk"))
    vague = Q(Exists(links.filter(source__slug=VAGUE_SLUG)))
    if any(f.name == "flags" for f in Claim._meta.get_fields()):
        vague |= Q(flags__contains=["vague"])
    anonymous_only = Q(tag=ClaimTag.SOURCED) & Q(Exists(links)) & ~Q(Exists(links.exclude(source__kind=SourceKind.ANONYMOUS)))
    rows = (
        settled_claims(user=user, filters=filters)
        .annotate(month=TruncMonth(Coalesce("document__published_at", "document__created_at")))
        .values("month", "document__publisher__slug", "document__publisher__name")
        .annotate(
            claims=Count("pk"),
            sourced=Count("pk", filter=Q(tag=ClaimTag.SOURCED)),
            unsourced=Count("pk", filter=Q(tag=ClaimTag.UNSOURCED)),
            anonymous_only=Count("pk", filter=anonymous_only),
            vague=Count("pk", filter=vague),
        )
        .order_by(F("document__publisher__name").asc(nulls_last=True), "month")
    )
    publishers: dict[str | None, dict[str, Any]] = {}
    for row in rows:
        slug = row["document__publisher__slug"]
        entry = publishers.setdefault(
            slug, {"publisher": {"slug": slug, "name": row["document__publisher__name"] or "No publisher"}, "months": []}
        )
        total = row["claims"]
        month = {"month": row["month"].strftime("%Y-%m"), "claims": total}
        for key in ("sourced", "unsourced", "anonymous_only", "vague"):
            month[key] = row[key]
            month[f"{key}_share"] = round(row[key] / total, 4) if total else 0.0
        entry["months"].append(month)
    return list(publishers.values())
