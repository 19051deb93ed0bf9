"""The seed's demo project: the demo users, four seed articles assigned with an overlap, and one
article annotated by both demo analysts (claims approved by the demo reviewer) so that the
project page shows agreement and the curation page has something to settle at once.

Idempotent: the project, memberships and assignments are matched, and the demo claims are only
made when the article holds no claim of that analyst yet.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from claims import projects, services
from claims.models import Assignment, Claim, Document, Membership, Project, ProjectDocument, Sentence, Source

DEMO_PROJECT = "Demo desk: al-Anbar"
DESCRIPTION = "Four seed articles on al-Anbar, shared between the two demo analysts; one read by both."
# Seed articles by the start of their file name; the first one is read by both analysts.
ARTICLES = ("001", "002", "003", "004")
MEMBERS = (("analyst", "analyst"), ("analyst2", "analyst"), ("reviewer", "reviewer"), ("admin", "manager"))
# Both analysts on the first two articles; the analyst alone on the others.
ASSIGNED = {"001": ("analyst", "analyst2"), "002": ("analyst", "analyst2"), "003": ("analyst",), "004": ("analyst",)}
# Article 001, body sentences by the words they start with: each analyst's reading (tag, chain).
READINGS = {
    "analyst": {
        "Une source de sécurité irakienne a fait part": ("sourced", ["iraqi-security-source"]),
        "Selon Al-Sumaria News": ("sourced", ["al-sumaria", "iraqi-security-source"]),
        "Cela intervient alors que le commandant": ("sourced", ["qassem-mosleh"]),
        "Finalement, le repaire de Daech": ("unsourced", []),
    },
    "analyst2": {
        "Une source de sécurité irakienne a fait part": ("sourced", ["iraqi-security-source"]),
        "Selon Al-Sumaria News": ("sourced", ["al-sumaria"]),
        "Cela intervient alors que le commandant": ("unsourced", []),
    },
}


def _articles(paths: dict[str, str]) -> dict[str, Document]:
    """``{"001": document}`` for the seed files given as ``{"001": text}``."""
    found = {}
    for key, text in paths.items():
        document = Document.objects.filter(content_hash=services.content_hash(text)).first()
        if document is not None:
            found[key] = document
    return found


@transaction.atomic
def seed_demo_project(*, texts: dict[str, str]) -> Project | None:
    """Create (or complete) the demo project; ``texts``: the seed articles' texts by prefix."""
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=[name for name, _ in MEMBERS])}
    if len(users) < len(MEMBERS):
        return None  # the demo users come with DEBUG only
    documents = _articles({key: texts[key] for key in ARTICLES if key in texts})
    if len(documents) < len(ARTICLES):
        return None
    project, _ = Project.objects.get_or_create(name=DEMO_PROJECT, defaults={"description": DESCRIPTION, "created_by": users["admin"]})
    for username, role in MEMBERS:
        Membership.objects.get_or_create(project=project, user=users[username], defaults={"role": role})
    ProjectDocument.objects.bulk_create(
        [ProjectDocument(project=project, document=d) for d in documents.values()], ignore_conflicts=True
    )
    for key, names in ASSIGNED.items():
        missing = [n for n in names if not Assignment.objects.filter(project=project, document=documents[key], analyst=users[n]).exists()]
        if missing:
            projects.assignments_create(
                project=project, user=users["admin"], document_ids=[documents[key].pk], analysts=missing
            )
    _annotate_both(project, documents["001"], users)
    return project


def _annotate_both(project: Project, document: Document, users: dict) -> None:
    sources = {s.slug: s for s in Source.objects.filter(slug__in={slug for r in READINGS.values() for _, chain in r.values() for slug in chain})}
    sentences = list(Sentence.objects.filter(document=document, kind="body").order_by("index"))
    for username, reading in READINGS.items():
        analyst = users[username]
        if Claim.objects.filter(document=document, annotator=analyst).exists():
            continue
        for opening, (tag, chain) in reading.items():
            sentence = next((s for s in sentences if document.text[s.start : s.end].startswith(opening)), None)
            if sentence is None or any(slug not in sources for slug in chain):
                continue
            links = [services.Link(sources[slug], position) for position, slug in enumerate(chain)]
            claim = services.claim_create(
                document=document, user=analyst, start=sentence.start, end=sentence.end, tag=tag, chain=links
            )
            claim = services.claim_submit(claim=claim, user=analyst)
            services.claim_review(claim=claim, reviewer=users["reviewer"], decision="approve")
        Assignment.objects.filter(project=project, document=document, analyst=analyst).update(done_at=document.created_at)
