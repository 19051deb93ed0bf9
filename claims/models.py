"""The data model: sources, documents and their sentences, claims, attribution chains, reviews.

Offsets everywhere are Unicode code points into ``Document.text`` (Python ``str`` indexing),
end-exclusive. The database holds the invariants that must never be false; the services
check the rest and explain what is wrong.
"""

from __future__ import annotations

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q

from claims.querysets import SEARCH_LATER, ClaimQuerySet, DocumentQuerySet, SourceQuerySet, search_vector_sql

# Audit history: database triggers, so bulk updates and admin edits are caught too.
def audited_events() -> tuple:
    # Fresh trackers per model: pghistory binds each tracker to the model it decorates.
    # Statement-level triggers: one INSERT ... SELECT of the events per statement, from the
    # statement's transition table, so a bulk write (an import's COPY of 50,000 claims) costs
    # one audit statement, not one per row; every row is still recorded, with its context.
    level = pgtrigger.Statement
    return (
        pghistory.InsertEvent(level=level),
        pghistory.UpdateEvent(level=level),
        pghistory.DeleteEvent(level=level),
    )


class SourceKind(models.TextChoices):
    NEWS_OUTLET = "news_outlet", "News outlet"
    PERSON = "person", "Person"
    INSTITUTION = "institution", "Institution"
    ANONYMOUS = "anonymous", "Anonymous"
    DOCUMENT = "document", "Document"
    OTHER = "other", "Other"


class SourceStatus(models.TextChoices):
    # An analyst's new source is a proposal until a reviewer confirms it or merges it away.
    PROPOSED = "proposed", "Proposed"
    CONFIRMED = "confirmed", "Confirmed"


class SourceRating(models.TextChoices):
    RELIABLE = "reliable", "Reliable"
    MIXED = "mixed", "Mixed"
    UNRELIABLE = "unreliable", "Unreliable"
    STATE_AFFILIATED = "state_affiliated", "State-affiliated"
    UNKNOWN = "unknown", "Unknown"


class SourceManager(models.Manager.from_queryset(SourceQuerySet)):
    """The registry as everyone sees it: a source merged into another is gone (404, no match).

    ``Source.all_objects`` still reaches merged sources (the merge history, undoing a merge);
    foreign keys use Django's base manager, so old rows still read their source.
    """

    def get_queryset(self) -> SourceQuerySet:
        return super().get_queryset().filter(merged_into__isnull=True)


@pghistory.track(*audited_events())
class Source(models.Model):
    """Someone or something a claim can be attributed to: an outlet, a person, an institution..."""

    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=SourceKind.choices)
    aliases = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        help_text="Surface forms used in the text, e.g. « l’agence Mehr ».",
    )
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code.")
    url = models.URLField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    affiliation = models.CharField(max_length=200, blank=True, help_text="e.g. « state media, Iran ».")
    language = models.CharField(max_length=10, blank=True, help_text="Main language, e.g. fr, en, fa.")
    status = models.CharField(max_length=10, choices=SourceStatus.choices, default=SourceStatus.CONFIRMED)
    # The latest credibility note's rating, kept here so chips, lists and exports read it for free.
    rating = models.CharField(max_length=20, choices=SourceRating.choices, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_sources"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SourceManager()
    all_objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [GinIndex(fields=["aliases"], name="source_aliases_gin")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/sources/{self.slug}/"


@pghistory.track(*audited_events())
class CredibilityNote(models.Model):
    """A dated, signed judgement on a source; the latest one's rating is the source's rating."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="notes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    rating = models.CharField(max_length=20, choices=SourceRating.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.rating} on {self.source_id} by {self.user_id}"


class SourceMerge(models.Model):
    """One merge of ``source`` into ``into``, with what moved, so that it can be undone."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="merges_out")
    into = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="merges_in")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Ids of the rows that moved, and the aliases ``into`` gained (only those it lacked).
    attributions = ArrayField(models.BigIntegerField(), default=list, blank=True)
    documents = ArrayField(models.BigIntegerField(), default=list, blank=True)
    aliases_added = ArrayField(models.CharField(max_length=200), default=list, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"merge {self.source_id} -> {self.into_id}"


class SentenceKind(models.TextChoices):
    BODY = "body", "Body"
    HEADLINE = "headline", "Headline"
    CAPTION = "caption", "Caption or photo credit"
    PUBLISHER = "publisher", "Publisher line"
    BOILERPLATE = "boilerplate", "Boilerplate"


class SuggestionState(models.TextChoices):
    NONE = "none", "Not requested"
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class DocumentManager(models.Manager.from_queryset(DocumentQuerySet)):
    def get_queryset(self) -> DocumentQuerySet:
        # The search vector is several times the text's size and only PostgreSQL reads it.
        return super().get_queryset().defer("search_vector")


class Document(models.Model):
    """An article. Its text never changes once stored: every offset points into it."""

    title = models.CharField(max_length=500)
    text = models.TextField()
    language = models.CharField(max_length=10, default="fr")
    publisher = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="published_documents"
    )
    url = models.URLField(max_length=2000, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    suggestion_state = models.CharField(
        max_length=10, choices=SuggestionState.choices, default=SuggestionState.NONE
    )
    # Filled by a trigger on insert and on a new title; a batch import leaves it empty (the
    # French stemming is most of the cost of storing a text) and the segmentation task fills it.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = DocumentManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            GinIndex(fields=["search_vector"], name="document_search_gin"),
            models.Index(fields=["publisher", "published_at"], name="document_publisher_date"),
        ]
        triggers = [
            # Claims, sentences and suggestions hold offsets into the text: it is immutable.
            pgtrigger.ReadOnly(name="document_text_read_only", fields=["text", "content_hash"]),
            pgtrigger.Trigger(
                name="document_search_vector",
                when=pgtrigger.Before,
                operation=pgtrigger.Insert | pgtrigger.UpdateOf("title"),
                condition=pgtrigger.Condition(f"current_setting('{SEARCH_LATER}', true) IS DISTINCT FROM 'on'"),
                func=f"NEW.search_vector := {search_vector_sql('NEW.title', 'NEW.text')}; RETURN NEW;",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/documents/{self.pk}/"


class Sentence(models.Model):
    """A segment of a document's text, as found by ``claims.text.segmentation``."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="sentences")
    index = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    kind = models.CharField(max_length=12, choices=SentenceKind.choices, default=SentenceKind.BODY)

    class Meta:
        ordering = ["document", "index"]
        constraints = [
            models.UniqueConstraint(fields=["document", "index"], name="sentence_unique_index"),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="sentence_start_lt_end"),
            models.CheckConstraint(condition=Q(start__gte=0), name="sentence_start_gte_0"),
        ]

    def __str__(self) -> str:
        return f"{self.document_id}#{self.index} [{self.start}:{self.end}]"


class ClaimTag(models.TextChoices):
    SOURCED = "sourced", "Sourced"
    UNSOURCED = "unsourced", "Unsourced"


class ClaimFlag(models.TextChoices):
    """Marks a claim carries besides its tag (CONTRACT.md "Claim flags")."""

    CAPTION = "caption", "Caption"  # a picture's caption: its credit is its source
    VAGUE = "vague", "Vague attribution"  # the text points at nobody: unsourced


def _flags_field() -> ArrayField:
    return ArrayField(models.CharField(max_length=16, choices=ClaimFlag.choices), default=list, blank=True)


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class Suggestion(models.Model):
    """A machine-proposed claim for a sentence, with its proposed chain (see ``claims.text``)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="suggestions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    tag = models.CharField(max_length=10, choices=ClaimTag.choices)
    # The proposed chain in contract order: [{"source": {...}, "mention": {...}, "cue": {...},
    # "rule": "...", "confidence": 0.9, "vague": false}, ...]
    attributions = models.JSONField(default=list, blank=True)
    flags = _flags_field()  # "caption", "vague": read by the annotate page and the API
    confidence = models.FloatField(default=0.0)
    created_at = models.DateTimeField(auto_now_add=True)
    dismissed_by = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        ordering = ["document", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="suggestion_start_lt_end"),
        ]

    def __str__(self) -> str:
        return f"suggestion {self.document_id} [{self.start}:{self.end}] {self.tag}"


class ClaimManager(models.Manager.from_queryset(ClaimQuerySet)):
    """Claims that are not deleted (``Claim.with_deleted`` has them all)."""

    def get_queryset(self) -> ClaimQuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


def _unlooked_link(to: str, *, null: bool = False) -> models.ForeignKey:
    """A history row's link that nothing looks rows up by (a claim's history is read by the claim
    and the context): no index, so that an import's rows fill fewer of them."""
    return models.ForeignKey(
        to, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, null=null, blank=null,
        related_name="+", related_query_name="+",
    )  # fmt: skip


@pghistory.track(
    *audited_events(),
    attrs={
        "annotator": _unlooked_link(settings.AUTH_USER_MODEL),
        "document": _unlooked_link("claims.Document"),
        "suggestion": _unlooked_link("claims.Suggestion", null=True),
    },
)
class Claim(models.Model):
    """A span of a document that an analyst marks as a claim, tagged sourced or unsourced."""

    # No index of their own on document and annotator: claim_document_start and
    # claim_annotator_status_updated lead with them (one index fewer to fill per claim stored).
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="claims", db_index=False)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    tag = models.CharField(max_length=10, choices=ClaimTag.choices)
    flags = _flags_field()  # ClaimFlag values, each at most once
    status = models.CharField(max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.DRAFT)
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claims", db_index=False
    )
    suggestion = models.ForeignKey(  # indexed where set only (claim_suggestion): most claims have none
        Suggestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims", db_index=False
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Deleting a claim only sets this (so "Undo" can bring it back); every list, export,
    # count and API answer goes through ``objects``, which leaves deleted claims out.
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ClaimManager()
    with_deleted = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["document", "start", "end", "id"]
        # Related lookups (claim.document's reverse, Attribution.claim) see deleted claims too.
        base_manager_name = "with_deleted"
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="claim_start_lt_end"),
            models.CheckConstraint(condition=Q(start__gte=0), name="claim_start_gte_0"),
            models.CheckConstraint(condition=Q(version__gte=1), name="claim_version_gte_1"),
        ]
        indexes = [
            models.Index(fields=["document", "start"], name="claim_document_start"),
            models.Index(fields=["suggestion"], condition=Q(suggestion__isnull=False), name="claim_suggestion"),
            models.Index(fields=["status", "updated_at"], name="claim_status_updated"),
            models.Index(fields=["updated_at", "id"], name="claim_updated_id"),
            # My queue: an analyst's drafts and rejected claims, latest first.
            models.Index(fields=["annotator", "status", "-updated_at", "-id"], name="claim_annotator_status_updated"),
        ]

    def __str__(self) -> str:
        return f"claim {self.pk} ({self.tag}, {self.status})"

    @property
    def is_locked(self) -> bool:
        """Submitted and approved claims are read-only for their analyst."""
        return self.status in (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED)


@pghistory.track(*audited_events())
class Attribution(models.Model):
    """One link of a claim's chain: position 0 is cited directly, 1 is whom that one cites..."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="attributions")
    position = models.PositiveSmallIntegerField()
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="attributions")
    mention_start = models.PositiveIntegerField(null=True, blank=True)
    mention_end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["claim", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "position"],
                name="attribution_unique_position",
                # Deferred so that a chain can be reordered inside one transaction.
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.CheckConstraint(
                condition=(Q(mention_start__isnull=True) & Q(mention_end__isnull=True))
                | (
                    Q(mention_start__isnull=False)
                    & Q(mention_end__isnull=False)
                    & Q(mention_start__gte=0)
                    & Q(mention_start__lt=F("mention_end"))
                ),
                name="attribution_mention_span_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id}@{self.position}: {self.source_id}"


class ReviewDecision(models.TextChoices):
    APPROVE = "approve", "Approve"
    REJECT = "reject", "Reject"


class RejectReason(models.TextChoices):
    WRONG_TAG = "wrong_tag", "Wrong tag"
    WRONG_SOURCE = "wrong_source", "Wrong source"
    WRONG_CHAIN_ORDER = "wrong_chain_order", "Wrong chain order"
    WRONG_SPAN = "wrong_span", "Wrong span"
    NOT_A_CLAIM = "not_a_claim", "Not a claim"


@pghistory.track(*audited_events())
class Review(models.Model):
    """A reviewer's decision on a submitted claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews")
    decision = models.CharField(max_length=10, choices=ReviewDecision.choices)
    reason = models.CharField(max_length=20, choices=RejectReason.choices, blank=True)
    comment = models.TextField(blank=True)
    # What the reviewer changed while approving: {"tag": [before, after], "chain": [before, after]}.
    correction = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.decision} on claim {self.claim_id} by {self.reviewer_id}"


class ImportJobState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ImportJob(models.Model):
    """An annotation file uploaded through the page, imported by a task (``claims.import_jobs``).

    The page polls it: ``phase`` and ``done``/``total`` drive the progress bar; at the end
    ``report`` holds the counts, or ``errors`` every bad line (nothing was imported then).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    format = models.CharField(max_length=20)
    file_name = models.CharField(max_length=255)
    size = models.BigIntegerField(default=0)
    path = models.CharField(max_length=1000, blank=True, help_text="The spooled upload, removed once imported.")
    state = models.CharField(max_length=10, choices=ImportJobState.choices, default=ImportJobState.QUEUED)
    phase = models.CharField(max_length=20, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)
    errors = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"import {self.pk} of {self.file_name} ({self.state})"

    @property
    def finished(self) -> bool:
        return self.state in (ImportJobState.DONE, ImportJobState.FAILED)


class ThrottleBucket(models.Model):
    """One API throttle's state for one user or address (``claims.api.throttles``): the time,
    in seconds since the epoch, at which its next request would arrive on schedule. The table is
    unlogged: after a crash the throttles simply start afresh."""

    key = models.CharField(max_length=200, primary_key=True)
    arrival = models.FloatField()


# The workflow models (projects, assignments, curated layer), kept in their own module.
from claims.project_models import (  # noqa: E402
    Assignment,
    CuratedClaim,
    Membership,
    Notification,
    NotificationKind,
    Project,
    ProjectDocument,
    ProjectRole,
)
