"""Reads of a desk's workflow: projects, progress, the analyst's queue, the curation view.

Every function is scoped to the user (a project or document out of reach is a 404) and runs a
fixed number of queries whatever the number of documents: progress and coverage are counted
by PostgreSQL (subqueries and aggregates), never per row in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from claims.models import (
    Assignment,
    Attribution,
    Claim,
    ClaimStatus,
    CuratedClaim,
    Document,
    Membership,
    Project,
    ProjectDocument,
    ProjectRole,
    Review,
    Sentence,
    SentenceKind,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.agreement import AgreementReport


def _my_role(user: "AbstractBaseUser") -> Subquery:
    return Subquery(Membership.objects.filter(project=OuterRef("pk"), user=user).values("role")[:1])


def project_list(*, user: "AbstractBaseUser") -> QuerySet[Project]:
    """The projects ``user`` is a member of (administrators: all), with counts and their role."""
    documents = ProjectDocument.objects.filter(project=OuterRef("pk")).order_by().values("project")
    members = Membership.objects.filter(project=OuterRef("pk")).order_by().values("project")
    return (
        Project.objects.visible_to(user)
        .annotate(
            my_role=_my_role(user),
            my_role_user_id=Value(user.pk, output_field=IntegerField()),
            document_count=Coalesce(Subquery(documents.annotate(n=Count("pk")).values("n")), 0),
            member_count=Coalesce(Subquery(members.annotate(n=Count("pk")).values("n")), 0),
        )
        .order_by("name")
    )


def project_get(*, user: "AbstractBaseUser", project_id: int) -> Project:
    """One project of ``user``'s, with ``my_role``; 404 for anyone outside it."""
    projects = Project.objects.visible_to(user).annotate(
        my_role=_my_role(user), my_role_user_id=Value(user.pk, output_field=IntegerField())
    )
    return get_object_or_404(projects, pk=project_id)


def project_document_get(*, user: "AbstractBaseUser", project: Project, document_id: int) -> Document:
    """A document of ``project`` that ``user`` may see; 404 otherwise."""
    documents = Document.objects.visible_to(user).in_project(project.pk).select_related("publisher")
    return get_object_or_404(documents.defer("search_vector"), pk=document_id)


def project_members(*, project: Project) -> QuerySet[Membership]:
    return Membership.objects.filter(project=project).select_related("user").order_by("role", "user__username")


# --- coverage ----------------------------------------------------------------------------------


def _count(queryset: QuerySet, group: str = "document") -> Coalesce:
    return Coalesce(
        Subquery(queryset.order_by().values(group).annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()),
        0,
    )


def with_coverage(assignments: QuerySet[Assignment]) -> QuerySet[Assignment]:
    """Annotate each assignment with ``body_sentences`` and ``covered_sentences``: the body
    sentences of its document, and those a claim of its analyst overlaps."""
    body = Sentence.objects.filter(document=OuterRef("document"), kind=SentenceKind.BODY)
    claims = Claim.objects.filter(
        document=OuterRef(OuterRef("document")),
        annotator=OuterRef(OuterRef("analyst")),
        start__lt=OuterRef("end"),
        end__gt=OuterRef("start"),
    )
    return assignments.annotate(body_sentences=_count(body), covered_sentences=_count(body.filter(Exists(claims))))


@dataclass(slots=True)
class AnalystProgress:
    username: str
    assigned: int
    done: int
    body_sentences: int
    covered_sentences: int

    @property
    def covered_percent(self) -> int:
        return round(100 * self.covered_sentences / self.body_sentences) if self.body_sentences else 0

    @property
    def done_percent(self) -> int:
        return round(100 * self.done / self.assigned) if self.assigned else 0


@dataclass(slots=True)
class ProjectProgress:
    documents: int = 0
    assigned_documents: int = 0
    assignments: int = 0
    done: int = 0
    curated_documents: int = 0
    analysts: list[AnalystProgress] = field(default_factory=list)

    @property
    def done_percent(self) -> int:
        return round(100 * self.done / self.assignments) if self.assignments else 0


def project_progress(*, project: Project) -> ProjectProgress:
    """Done assignments and covered sentences per analyst and for the whole project (3 queries)."""
    assignments = Assignment.objects.filter(project=project)
    per_analyst = (
        with_coverage(assignments)
        .order_by()
        .values("analyst__username")
        .annotate(
            assigned=Count("pk"),
            done=Count("pk", filter=Q(done_at__isnull=False)),
            body=Sum("body_sentences"),
            covered=Sum("covered_sentences"),
        )
        .order_by("analyst__username")
    )
    progress = ProjectProgress(
        analysts=[
            AnalystProgress(row["analyst__username"], row["assigned"], row["done"], row["body"] or 0, row["covered"] or 0)
            for row in per_analyst
        ]
    )
    totals = ProjectDocument.objects.filter(project=project).aggregate(
        documents=Count("pk"),
        assigned=Count("pk", filter=Q(Exists(Assignment.objects.filter(project=project, document=OuterRef("document"))))),
        curated=Count("pk", filter=Q(Exists(CuratedClaim.objects.filter(project=project, document=OuterRef("document"))))),
    )
    progress.documents = totals["documents"]
    progress.assigned_documents = totals["assigned"]
    progress.curated_documents = totals["curated"]
    progress.assignments = sum(a.assigned for a in progress.analysts)
    progress.done = sum(a.done for a in progress.analysts)
    return progress


@dataclass(slots=True)
class DocumentRow:
    document_id: int
    title: str
    analysts: list[tuple[str, bool, int]]  # (username, done, covered percent)
    curated: int
    overlapping: bool


def project_documents(*, project: Project, user: "AbstractBaseUser") -> QuerySet[Document]:
    """The project's documents ``user`` sees (analysts: theirs), newest first, for a page of rows."""
    return (
        Document.objects.visible_to(user)
        .in_project(project.pk)
        .only("pk", "title", "created_at")
        .annotate(curated=_count(CuratedClaim.objects.filter(project=project, document=OuterRef("pk"))))
        .order_by("-created_at", "-id")
    )


def document_rows(*, project: Project, documents: list[Document]) -> list[DocumentRow]:
    """One row per document of a page: its analysts with done and coverage (one query)."""
    assignments = (
        with_coverage(Assignment.objects.filter(project=project, document__in=[d.pk for d in documents]))
        .values_list("document_id", "analyst__username", "done_at", "body_sentences", "covered_sentences")
        .order_by("document_id", "analyst__username")
    )
    per_document: dict[int, list[tuple[str, bool, int]]] = {}
    for document_id, username, done_at, body, covered in assignments:
        percent = round(100 * covered / body) if body else 0
        per_document.setdefault(document_id, []).append((username, done_at is not None, percent))
    return [
        DocumentRow(
            document_id=d.pk,
            title=d.title,
            analysts=per_document.get(d.pk, []),
            curated=d.curated,
            overlapping=len(per_document.get(d.pk, [])) >= 2,
        )
        for d in documents
    ]


def project_agreement(*, project: Project) -> "AgreementReport":
    """Agreement on the documents assigned to two or more analysts, between those analysts'
    submitted claims (drafts are not counted, as on the dashboard). Four queries."""
    # Imported here: claims.agreement loads numpy and krippendorff, which only these figures need.
    from claims.agreement import agreement_report

    overlapping = (
        Assignment.objects.filter(project=project)
        .order_by()
        .values("document")
        .annotate(n=Count("pk"))
        .filter(n__gte=2)
        .values("document")
    )
    assigned = Assignment.objects.filter(project=project, document=OuterRef("document"), analyst=OuterRef("annotator"))
    claims = Claim.objects.filter(document__in=overlapping).exclude(status=ClaimStatus.DRAFT).filter(Exists(assigned))
    return agreement_report(claims=claims)


# --- My queue ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class More:
    """How many rows a section has after those shown: counted up to a cap ("over N" beyond it)."""

    count: int = 0
    capped: bool = False

    def __bool__(self) -> bool:
        return self.count > 0

    def __str__(self) -> str:
        return f"over {self.count:,}" if self.capped else f"{self.count:,}"


@dataclass(slots=True)
class Queue:
    documents: list[Assignment]
    rejected: list[Claim]
    drafts: list[Claim]
    more_documents: More = More()
    more_rejected: More = More()
    more_drafts: More = More()


QUEUE_LIMIT = 25  # a section's rows on the page; the rest is counted ("And N more")
# Counting stops here: a user with half a million drafts reads "over 1,000", and the count
# reads 1,001 rows instead of all of them (2 s at 1M claims).
MORE_COUNT_CAP = 1000


def _more(queryset, limit: int) -> More:
    """The rows of ``queryset`` after the first ``limit``, counted up to ``MORE_COUNT_CAP``."""
    counted = queryset.order_by().values("pk")[: limit + MORE_COUNT_CAP + 1].count() - limit
    return More(min(counted, MORE_COUNT_CAP), capped=counted > MORE_COUNT_CAP)


def analyst_queue(*, user: "AbstractBaseUser", limit: int | None = None) -> Queue:
    """What ``user`` has to do: documents assigned and not done (with coverage), rejected claims
    waiting for a fix (with the reviewer's comment), drafts not submitted: ``limit`` of each, the
    rest counted. Four queries, and one more for each section that has more than ``limit``."""
    limit = limit or QUEUE_LIMIT
    open_assignments = (
        Assignment.objects.filter(analyst=user, done_at__isnull=True)
        .filter(Exists(Membership.objects.filter(project=OuterRef("project"), user=user)))
        .select_related("project")
        .annotate(document_title=Subquery(Document.objects.filter(pk=OuterRef("document")).values("title")[:1]))
        .order_by("assigned_at", "id")
    )
    documents = list(with_coverage(open_assignments)[: limit + 1])
    more = More()
    if len(documents) > limit:
        more = _more(open_assignments, limit)
        documents = documents[:limit]
    latest = Review.objects.filter(claim=OuterRef("pk")).order_by("-created_at", "-id")
    mine = (
        Claim.objects.visible_to(user)
        .filter(annotator=user)
        .annotate(document_title=Subquery(Document.objects.filter(pk=OuterRef("document")).values("title")[:1]))
        .only("pk", "document_id", "start", "end", "text", "tag", "status", "updated_at")
        .order_by("-updated_at", "-id")
    )
    rejected = list(
        mine.filter(status=ClaimStatus.REJECTED).annotate(
            review_comment=Subquery(latest.values("comment")[:1]),
            review_reason=Subquery(latest.values("reason")[:1]),
            reviewer_name=Subquery(latest.values("reviewer__username")[:1]),
        )[: limit + 1]
    )
    drafts = list(mine.filter(status=ClaimStatus.DRAFT)[: limit + 1])
    return Queue(
        documents=documents,
        rejected=rejected[:limit],
        drafts=drafts[:limit],
        more_documents=more,
        more_rejected=_more(mine.filter(status=ClaimStatus.REJECTED), limit) if len(rejected) > limit else More(),
        more_drafts=_more(mine.filter(status=ClaimStatus.DRAFT), limit) if len(drafts) > limit else More(),
    )


# --- curation ----------------------------------------------------------------------------------


@dataclass(slots=True)
class CurationClaim:
    id: int
    annotator: str
    start: int
    end: int
    text: str
    tag: str
    status: str
    chain: list[str]  # source names, in order
    direct_source: int | None
    curated: bool = False


@dataclass(slots=True)
class CurationRow:
    index: int
    kind: str
    text: str
    cells: list[list[CurationClaim]]  # one list per analyst, in ``CurationView.analysts`` order
    curated: list[CurationClaim]
    state: str  # "agree", "disagree" or "" (nobody made a claim there)


@dataclass(slots=True)
class CurationView:
    document: Document
    analysts: list[str]
    rows: list[CurationRow]
    curated_count: int
    agreeing: int
    disagreeing: int


def _reading(cell: list[CurationClaim]) -> tuple:
    """What an analyst said about a sentence: nothing, or each claim's tag and direct source."""
    return tuple(sorted((c.tag, c.direct_source or 0) for c in cell))


def curation_view(*, user: "AbstractBaseUser", project: Project, document: Document) -> CurationView:
    """The analysts' claims on ``document`` side by side, one row per sentence (a claim sits on
    the sentence where it starts), with the project's curated claims and, per row, whether the
    analysts agree (same tags and direct sources) or not. Five queries.

    Analysts are those assigned the document, plus anyone whose claim ``user`` can see there.
    """
    text = document.text
    sentences = list(
        Sentence.objects.filter(document=document).order_by("index").values_list("index", "start", "end", "kind")
    )
    visible = Claim.objects.visible_to(user).filter(document=document)
    claims = list(
        visible.order_by("start", "end", "id").values_list(
            "pk", "annotator__username", "start", "end", "text", "tag", "status"
        )
    )
    chains: dict[int, list[tuple[str, int]]] = {}
    links = Attribution.objects.filter(claim__in=visible.values("pk")).order_by("claim_id", "position")
    for claim_id, name, source_id in links.values_list("claim_id", "source__name", "source_id"):
        chains.setdefault(claim_id, []).append((name, source_id))
    curated_ids = set(
        CuratedClaim.objects.filter(project=project, document=document).values_list("claim_id", flat=True)
    )
    assigned = list(
        Assignment.objects.filter(project=project, document=document)
        .order_by("analyst__username")
        .values_list("analyst__username", flat=True)
    )
    items = []
    for pk, annotator, start, end, claim_text, tag, status in claims:
        chain = chains.get(pk, [])
        items.append(
            CurationClaim(
                pk, annotator, start, end, claim_text, tag, status, [name for name, _ in chain],
                chain[0][1] if chain else None, pk in curated_ids,
            )
        )
    analysts = list(dict.fromkeys([*assigned, *(c.annotator for c in items if not c.curated or c.annotator in assigned)]))
    column = {name: i for i, name in enumerate(analysts)}

    def row_of(claim: CurationClaim) -> int:
        for position, (_, start, end, _) in enumerate(sentences):
            if start <= claim.start < end:
                return position
        return max(0, len(sentences) - 1)

    cells = [[[] for _ in analysts] for _ in sentences]
    curated_cells: list[list[CurationClaim]] = [[] for _ in sentences]
    for claim in items:
        if not sentences:
            break
        row = row_of(claim)
        if claim.curated:
            curated_cells[row].append(claim)
        if claim.annotator in column and (claim.status != ClaimStatus.DRAFT or claim.annotator != user.get_username()):
            cells[row][column[claim.annotator]].append(claim)
    rows = []
    agreeing = disagreeing = 0
    for position, (index, start, end, kind) in enumerate(sentences):
        readings = {_reading(cell) for cell in cells[position]}
        state = ""
        if any(cells[position]):
            state = "agree" if len(readings) == 1 and len(analysts) >= 2 else "disagree" if len(analysts) >= 2 else ""
        agreeing += state == "agree"
        disagreeing += state == "disagree"
        rows.append(CurationRow(index, kind, text[start:end], cells[position], curated_cells[position], state))
    return CurationView(document, analysts, rows, len(curated_ids), agreeing, disagreeing)


def project_curated_claims(*, project: Project, document: Document | None = None) -> QuerySet[CuratedClaim]:
    curated = CuratedClaim.objects.filter(project=project)
    if document is not None:
        curated = curated.filter(document=document)
    return curated


def project_for_document(*, user: "AbstractBaseUser", document: Document) -> Project | None:
    """The project whose guidelines the annotate page shows: the first (by name) of the
    document's projects that ``user`` is in (administrators: any)."""
    projects = Project.objects.visible_to(user).filter(document_links__document=document).order_by("name")
    return projects.only("pk", "name", "guidelines").first()

