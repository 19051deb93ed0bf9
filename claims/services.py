"""Writes. Every change to documents, claims, chains and reviews goes through these functions.

Each one checks its rules and raises ``django.core.exceptions.ValidationError`` with a
message per field (the pages show it in the form, the API turns it into a 400), or
``StaleVersion`` when the caller edited an old version of a claim (409 in the API).
"""

from __future__ import annotations

import functools
import hashlib
from concurrent.futures import ThreadPoolExecutor
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import pghistory
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from claims import permissions
from claims.signals import documents_stored
from claims.models import (
    ClaimFlag,
    Attribution,
    Claim,
    ClaimStatus,
    ClaimTag,
    Document,
    RejectReason,
    Review,
    ReviewDecision,
    Sentence,
    Source,
    SourceKind,
    SourceStatus,
    Suggestion,
    SuggestionState,
)
from claims.notifications import notify_review
from claims.querysets import search_vectors_later
from claims.text.segmentation import LineKind, provisional_title, publisher_name, segment_text, title_from_segments

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

MAX_DOCUMENT_CHARS = 1_000_000


def _audited(user_arg: str) -> Callable:
    """Name the acting user (keyword ``user_arg``) in the audit history of the writes below.

    Web pages get this from pghistory's middleware; the API with tokens, the command line,
    tasks and tests call services directly, so each write that has a user says who it is.
    """

    def decorator(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            user = kwargs.get(user_arg)
            if user is None or not getattr(user, "is_authenticated", False):
                return func(*args, **kwargs)
            with pghistory.context(user=user.pk):
                return func(*args, **kwargs)

        return wrapper

    return decorator


class StaleVersion(Exception):
    """The claim changed since the caller read it; ``current`` is its state now."""

    def __init__(self, current: Claim):
        super().__init__(f"Claim {current.pk} is at version {current.version}; reload it and edit again.")
        self.current = current


# --- documents -------------------------------------------------------------------------------


def content_hash(text: str) -> str:
    """The identity of an article's text: the same text is never stored twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validate_text(text: str, *, field: str = "text") -> None:
    """Texts are stored as given; refuse what PostgreSQL or the offsets cannot hold."""
    if not text or not text.strip():
        raise ValidationError({field: "The text is empty."})
    if "\x00" in text:
        raise ValidationError({field: "The text contains a NUL character."})
    try:
        text.encode("utf-8")  # in C: a per-character loop in Python costs an import ~5%
    except UnicodeEncodeError:
        raise ValidationError({field: "The text contains a lone surrogate (not valid Unicode)."}) from None
    if len(text) > MAX_DOCUMENT_CHARS:
        raise ValidationError({field: f"The text is longer than {MAX_DOCUMENT_CHARS:,} characters."})


def source_for_publisher_line(name: str) -> Source | None:
    """The registry source a publisher line names ("SOURCE: FRENCH PRESS TV"), if any."""
    return Source.objects.search_exact(name).first()


@dataclass(frozen=True, slots=True)
class NewDocument:
    """An article to store. The title and publisher default to what the text says."""

    text: str
    title: str = ""
    publisher: Source | None = None
    url: str = ""
    published_at: datetime | None = None
    language: str = "fr"


class InvalidDocument(ValidationError):
    """A ``ValidationError`` that also says which document of a batch is at fault."""

    def __init__(self, error: ValidationError, index: int):
        super().__init__(error.error_dict if hasattr(error, "error_dict") else error.error_list)
        self.index = index


def _publisher_from_lines(text: str, segments, cache: dict[str, Source | None]) -> Source | None:
    """The registry source named by the page's last publisher line ("SOURCE: FRENCH PRESS TV")."""
    for segment in reversed(segments):
        if segment.kind != LineKind.PUBLISHER:
            continue
        name = publisher_name(segment.text_of(text))
        if not name:
            continue
        if name not in cache:
            cache[name] = source_for_publisher_line(name)
        if cache[name] is not None:
            return cache[name]
    return None


def publisher_from_segments(text: str, segments, cache: dict[str, Source | None]) -> Source | None:
    """The registry source named by a text's publisher lines, as ``documents_create`` finds it."""
    return _publisher_from_lines(text, segments, cache)


def _check_new_document(new: NewDocument) -> None:
    validate_text(new.text)
    if "\x00" in (new.title or ""):
        raise ValidationError({"title": "The title contains a NUL character."})


@transaction.atomic
def documents_create(
    *, documents: Sequence[NewDocument], created_by: "AbstractBaseUser | None", prepare_later: bool = False
) -> list[Document]:
    """Store articles and their sentences, all or none, in a few queries per 250 articles.

    With ``prepare_later`` (a large batch) only the documents are stored here, under a provisional
    title and without search vectors; the tasks worker then finds their sentences, titles and
    publishers (``claims.segmenting``), the annotate page saying "preparing" meanwhile.
    Raises ``InvalidDocument`` (a ``ValidationError`` with ``index``) for the first bad one.
    """
    digests: dict[str, int] = {}
    for index, new in enumerate(documents):
        try:
            _check_new_document(new)
        except ValidationError as exc:
            raise InvalidDocument(exc, index) from None
        digest = content_hash(new.text)
        if digest in digests:
            raise InvalidDocument(
                ValidationError({"text": f"The same text appears twice (document {digests[digest] + 1})."}), index
            )
        digests[digest] = index
    for duplicate in Document.objects.filter(content_hash__in=digests).only("pk", "title", "content_hash"):
        raise InvalidDocument(
            ValidationError(
                {"text": f"This text is already stored as document {duplicate.pk} ({duplicate.title!r})."},
                code="duplicate",
            ),
            digests[duplicate.content_hash],
        )
    creator = created_by if created_by is not None and created_by.is_authenticated else None
    if prepare_later:
        stored = _documents_unprepared(documents, list(digests), creator)
        ids = [document.pk for document in stored]
        transaction.on_commit(lambda: _queue_suggestions(ids, prepared=False))
        return stored
    publishers: dict[str, Source | None] = {}
    stored: list[Document] = []
    remaining_hashes = iter(digests)  # insertion order: the documents' order
    for chunk, segmentations in _segmented_chunks(documents):
        hashes = [next(remaining_hashes) for _ in chunk]
        rows = [
            Document(
                title=stored_title(new.title, title_from_segments(new.text, segments)),
                text=new.text,
                language=new.language or "fr",
                publisher=new.publisher or _publisher_from_lines(new.text, segments, publishers),
                url=new.url or "",
                published_at=new.published_at,
                content_hash=digest,
                created_by=creator,
                # Set here, not by an UPDATE after commit: that would rewrite the row and
                # recompute its search vector.
                suggestion_state=SuggestionState.QUEUED,
            )
            for new, digest, segments in zip(chunk, hashes, segmentations)
        ]
        chunk_stored = Document.objects.bulk_create(rows)
        _copy_sentences(chunk_stored, segmentations)
        stored.extend(chunk_stored)
    ids = [document.pk for document in stored]
    transaction.on_commit(lambda: _queue_suggestions(ids))
    return stored


IMPORT_CHUNK = 250


def stored_title(given: str | None, found: str) -> str:
    """A document's title as stored: the one given, else the one found in its text, else
    "Untitled", cut to the column's length."""
    return ((given or "").strip() or found or "Untitled")[: Document._meta.get_field("title").max_length]


def _documents_unprepared(documents: Sequence[NewDocument], digests: list[str], creator) -> list[Document]:
    rows = [
        Document(
            title=stored_title(new.title, provisional_title(new.text)),
            text=new.text,
            language=new.language or "fr",
            publisher=new.publisher,
            url=new.url or "",
            published_at=new.published_at,
            content_hash=digest,
            created_by=creator,
            suggestion_state=SuggestionState.QUEUED,
        )
        for new, digest in zip(documents, digests)
    ]
    with search_vectors_later():
        return Document.objects.bulk_create(rows, batch_size=1000)


def _copy_sentences(documents: Sequence[Document], segmentations: Sequence) -> None:
    """Sentences through COPY: an import writes ~12 per article, and building that many model
    instances holds the GIL that the segmentation thread needs."""
    with connection.cursor() as cursor:
        with cursor.cursor.copy(
            'COPY claims_sentence (document_id, "index", start, "end", kind) FROM STDIN'
        ) as copy:
            for document, segments in zip(documents, segmentations):
                for index, segment in enumerate(segments):
                    copy.write_row((document.pk, index, segment.start, segment.end, str(segment.kind)))


def _segment_all(documents: Sequence[NewDocument]) -> list:
    return [segment_text(new.text) for new in documents]


def _segmented_chunks(documents: Sequence[NewDocument]):
    """Yield (chunk, its segmentations). For large batches the next chunk is segmented in a
    thread while the caller writes the current one: PostgreSQL's work (inserts, the search
    vector) then overlaps with Python's, which is most of an import's time."""
    chunks = [documents[i : i + IMPORT_CHUNK] for i in range(0, len(documents), IMPORT_CHUNK)]
    if len(chunks) <= 1:
        for chunk in chunks:
            yield chunk, _segment_all(chunk)
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="segment") as pool:
        pending = pool.submit(_segment_all, chunks[0])
        for k, chunk in enumerate(chunks):
            segmentations = pending.result()
            if k + 1 < len(chunks):
                pending = pool.submit(_segment_all, chunks[k + 1])
            yield chunk, segmentations


def document_create(*, created_by: "AbstractBaseUser | None", **fields) -> Document:
    """Store one article (see ``NewDocument`` for the fields)."""
    return documents_create(documents=[NewDocument(**fields)], created_by=created_by)[0]


def _queue_suggestions(document_ids: Sequence[int], *, prepared: bool = True) -> None:
    """Announce the stored documents; the attribution suggestions listen (``claims.tasks``)
    and queue them, outside the request cycle (after the sentences when not ``prepared``)."""
    documents_stored.send(sender=Document, document_ids=list(document_ids), prepared=prepared)


# --- sources -----------------------------------------------------------------------------------


def normalise_aliases(aliases: Sequence[str]) -> list[str]:
    seen: dict[str, str] = {}
    for alias in aliases:
        alias = unicodedata.normalize("NFC", (alias or "").strip())
        if alias and alias.casefold() not in seen:
            seen[alias.casefold()] = alias
    return list(seen.values())


@transaction.atomic
def source_create(
    *,
    name: str,
    kind: str,
    aliases: Sequence[str] = (),
    slug: str = "",
    country: str = "",
    url: str = "",
    description: str = "",
    affiliation: str = "",
    language: str = "",
    user: "AbstractBaseUser | None" = None,
) -> Source:
    """Add a source. One added by someone who may not edit the registry (an analyst) is a
    proposal until a reviewer confirms it or merges it into an existing source."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "A source needs a name."})
    if kind not in SourceKind.values:
        raise ValidationError({"kind": f"Unknown kind {kind!r}; one of {', '.join(SourceKind.values)}."})
    slug = slugify(slug or name)[:100]
    if not slug:
        raise ValidationError({"slug": "A slug needs at least one letter or digit."})
    if Source.all_objects.filter(slug=slug).exists():  # merged sources keep their slug
        raise ValidationError({"slug": f"A source with slug {slug!r} exists already."})
    # One registry entry per source: a name that is already a name or an alias is that source.
    if same := Source.objects.search_exact(name).first():
        raise ValidationError({"name": f"{same.name!r} (slug {same.slug!r}) exists already under that name or alias."})
    return Source.objects.create(
        slug=slug,
        name=name,
        kind=kind,
        aliases=normalise_aliases(aliases),
        country=(country or "").upper()[:2],
        url=url or "",
        description=description or "",
        affiliation=(affiliation or "").strip(),
        language=(language or "").strip().lower(),
        status=(
            SourceStatus.PROPOSED
            if user is not None and not permissions.can_edit_source(user)
            else SourceStatus.CONFIRMED
        ),
        created_by=user if user is not None and user.is_authenticated else None,
    )


@_audited("user")
@transaction.atomic
def source_update(
    *,
    source: Source,
    user: "AbstractBaseUser",
    name: str | None = None,
    kind: str | None = None,
    aliases: Sequence[str] | None = None,
    country: str | None = None,
    url: str | None = None,
    description: str | None = None,
    affiliation: str | None = None,
    language: str | None = None,
) -> Source:
    """Edit a registry source; ``None`` keeps a field. The slug never changes: it is a stable id."""
    if not permissions.can_edit_source(user):
        raise ValidationError("Only reviewers can change registry sources.", code="permission")
    source = Source.objects.select_for_update().get(pk=source.pk)
    if name is not None:
        if not name.strip():
            raise ValidationError({"name": "A source needs a name."})
        source.name = name.strip()
    if kind is not None:
        if kind not in SourceKind.values:
            raise ValidationError({"kind": f"Unknown kind {kind!r}; one of {', '.join(SourceKind.values)}."})
        source.kind = kind
    if aliases is not None:
        source.aliases = normalise_aliases(aliases)
    if country is not None:
        source.country = country.upper()[:2]
    if url is not None:
        source.url = url
    if description is not None:
        source.description = description
    if affiliation is not None:
        source.affiliation = affiliation.strip()
    if language is not None:
        source.language = language.strip().lower()
    source.save()
    return source


# --- claims ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """One link of an attribution chain as a caller gives it."""

    source: Source
    position: int
    mention_start: int | None = None
    mention_end: int | None = None


def _check_span(document: Document, start: int, end: int) -> None:
    if start is None or end is None:
        raise ValidationError({"start": "A claim needs a start and an end offset."})
    if start < 0:
        raise ValidationError({"start": "Offsets start at 0."})
    if start >= end:
        raise ValidationError({"end": f"The end ({end}) must be after the start ({start})."})
    if end > len(document.text):
        raise ValidationError(
            {"end": f"The span ends at {end}, beyond the document's {len(document.text)} characters."}
        )
    if not document.text[start:end].strip():
        raise ValidationError({"start": "The span holds only white space."})


def validate_span(*, document: Document, start: int, end: int) -> None:
    """Raise ``ValidationError`` unless ``[start, end)`` can be a claim (pages check a selection early)."""
    _check_span(document, start, end)


def claim_check(*, document: Document, start: int, end: int, tag: str, chain: Sequence[Link] = ()) -> None:
    """The rules ``claim_create`` applies, without writing: batch imports check a whole file
    with them before storing anything. ``document`` needs only its ``text``; the chain's
    sources need only a ``name`` (they may not be stored yet)."""
    _check_span(document, start, end)
    _check_chain(document, tag, chain)


_TAGS = frozenset(ClaimTag.values)  # ``ClaimTag.values`` builds a new list at each call


def _check_chain(document: Document, tag: str, chain: Sequence[Link]) -> None:
    if tag not in _TAGS:
        raise ValidationError({"tag": f"Unknown tag {tag!r}; one of {', '.join(ClaimTag.values)}."})
    if tag == ClaimTag.UNSOURCED and chain:
        raise ValidationError({"attributions": "An unsourced claim carries no attributions."})
    positions = [link.position for link in chain]
    if len(set(positions)) != len(positions):
        raise ValidationError({"attributions": "Two links of the chain have the same position."})
    if sorted(positions) != list(range(len(chain))):
        raise ValidationError({"attributions": "Chain positions must run 0, 1, 2... without gaps."})
    for link in chain:
        if (link.mention_start is None) != (link.mention_end is None):
            raise ValidationError({"attributions": "A mention needs both a start and an end."})
        if link.mention_start is None:
            continue
        if not 0 <= link.mention_start < link.mention_end <= len(document.text):
            raise ValidationError(
                {
                    "attributions": f"The mention [{link.mention_start}, {link.mention_end}) of "
                    f"{link.source.name} is outside the document (0-{len(document.text)})."
                }
            )


def _write_chain(claim: Claim, chain: Sequence[Link]) -> list[Attribution]:
    """Replace the claim's chain, the new one in one multi-row INSERT; returns its rows in order."""
    claim.attributions.all().delete()
    if not chain:
        return []
    return Attribution.objects.bulk_create(
        Attribution(
            claim=claim,
            position=link.position,
            source=link.source,
            mention_start=link.mention_start,
            mention_end=link.mention_end,
        )
        for link in sorted(chain, key=lambda link: link.position)
    )


def chain_of(claim: Claim) -> list[Link]:
    """The claim's chain as ``Link`` values, in order."""
    return [
        Link(a.source, a.position, a.mention_start, a.mention_end)
        for a in sorted(claim.attributions.all(), key=lambda a: a.position)
    ]


# A claim and its chain in one statement (two data-modifying CTEs): one round trip, and atomic
# without a transaction of its own (BEGIN and COMMIT would be two more).
_CLAIM_WITH_CHAIN = f"""
WITH new_claim AS (
    INSERT INTO {Claim._meta.db_table} (document_id, start, "end", text, tag, flags, status, annotator_id,
                                        suggestion_id, version, created_at, updated_at)
    VALUES (%s, %s, %s, %s, %s, %s::varchar(16)[], %s, %s, %s, 1, %s, %s)
    RETURNING id
), chain AS (
    INSERT INTO {Attribution._meta.db_table} (claim_id, position, source_id, mention_start, mention_end)
    SELECT new_claim.id, link.position, link.source_id, link.mention_start, link.mention_end
    FROM new_claim, unnest(%s::smallint[], %s::bigint[], %s::int[], %s::int[])
        AS link(position, source_id, mention_start, mention_end)
)
SELECT id FROM new_claim
"""


@_audited("user")
def claim_create(
    *,
    document: Document,
    user: "AbstractBaseUser",
    start: int,
    end: int,
    tag: str,
    chain: Sequence[Link] = (),
    suggestion: Suggestion | None = None,
    flags: Sequence[str] = (),
) -> Claim:
    """A new draft claim of ``user`` over ``document.text[start:end]``, with its chain: one
    statement, so all of it is stored or none."""
    if not permissions.can_annotate(user):
        raise ValidationError("Only analysts can create claims.", code="permission")
    _check_span(document, start, end)
    _check_chain(document, tag, chain)
    flags = check_flags(tag, flags)
    links = sorted(chain, key=lambda link: link.position)
    now = timezone.now()
    claim = Claim(
        document=document, start=start, end=end, text=document.text[start:end], tag=tag, flags=flags,
        status=ClaimStatus.DRAFT, annotator=user, suggestion=suggestion, version=1, created_at=now, updated_at=now,
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(
            _CLAIM_WITH_CHAIN,
            [
                document.pk, start, end, claim.text, tag, flags, claim.status, user.pk,
                suggestion.pk if suggestion is not None else None, now, now,
                [link.position for link in links], [link.source.pk for link in links],
                [link.mention_start for link in links], [link.mention_end for link in links],
            ],
        )  # fmt: skip
        claim.pk = cursor.fetchone()[0]
    claim._state.adding, claim._state.db = False, "default"
    return claim


def check_flags(tag: str, flags: Sequence[str]) -> list[str]:
    """The claim's flags, each once, in a fixed order; ``ValidationError`` naming ``flags``."""
    unknown = [f for f in flags if f not in ClaimFlag.values]
    if unknown:
        raise ValidationError({"flags": f"Unknown flag {unknown[0]!r}; flags are {', '.join(ClaimFlag.values)}."})
    if ClaimFlag.VAGUE in flags and tag == ClaimTag.SOURCED:
        raise ValidationError({"flags": "A vague claim points at nobody: it is unsourced, not sourced."})
    return [f for f in ClaimFlag.values if f in flags]


def _lock(claim: Claim) -> Claim:
    # Row lock: an edit and a review of the same claim run one after the other, never interleaved.
    return Claim.objects.select_for_update().select_related("document").get(pk=claim.pk)


@_audited("user")
@transaction.atomic
def claim_update(
    *,
    claim: Claim,
    user: "AbstractBaseUser",
    version: int,
    tag: str | None = None,
    chain: Sequence[Link] | None = None,
    start: int | None = None,
    end: int | None = None,
    flags: Sequence[str] | None = None,
) -> Claim:
    """Edit a draft or rejected claim. ``version`` is the one the caller read; a stale one raises.
    ``flags`` None keeps them, except "vague" when the claim becomes sourced."""
    claim = _lock(claim)
    if claim.version != version:
        raise StaleVersion(claim)
    if claim.annotator_id != user.pk and not permissions.is_admin(user):
        raise ValidationError("Only the claim's analyst can edit it.", code="permission")
    if not permissions.can_edit_claim(user, claim):
        raise ValidationError(f"This claim is {claim.status} and cannot be edited.", code="locked")
    new_start = claim.start if start is None else start
    new_end = claim.end if end is None else end
    new_tag = claim.tag if tag is None else tag
    new_chain = chain_of(claim) if chain is None else list(chain)
    if new_tag == ClaimTag.UNSOURCED and chain is None:
        new_chain = []  # switching to unsourced drops the chain
    _check_span(claim.document, new_start, new_end)
    _check_chain(claim.document, new_tag, new_chain)
    if flags is None:  # kept, but a sourced claim is not vague any more
        new_flags = [f for f in claim.flags if not (f == ClaimFlag.VAGUE and new_tag == ClaimTag.SOURCED)]
    else:
        new_flags = check_flags(new_tag, flags)
    claim.flags = new_flags
    claim.start, claim.end, claim.tag = new_start, new_end, new_tag
    claim.text = claim.document.text[new_start:new_end]
    claim.version += 1
    claim.save()
    _write_chain(claim, new_chain)
    return claim


@_audited("user")
@transaction.atomic
def claim_submit(
    *, claim: Claim, user: "AbstractBaseUser", version: int | None = None, new_version: bool = True
) -> Claim:
    """Send a draft or rejected claim to the review queue.

    ``new_version=False``: the submission completes a save made in the same transaction by the
    same user action ("Submit for review" on the page), which already counted one version."""
    claim = _lock(claim)
    if version is not None and claim.version != version:
        raise StaleVersion(claim)
    if claim.annotator_id != user.pk:
        raise ValidationError("Only the claim's analyst can submit it.", code="permission")
    if claim.status not in (ClaimStatus.DRAFT, ClaimStatus.REJECTED):
        raise ValidationError(f"This claim is {claim.status} already.", code="locked")
    if claim.tag == ClaimTag.SOURCED and not claim.attributions.exists():
        raise ValidationError({"attributions": "A sourced claim needs at least one source before it is submitted."})
    claim.status = ClaimStatus.SUBMITTED
    if new_version:
        claim.version += 1
    claim.save(update_fields=["status", "version", "updated_at"])
    return claim


@_audited("user")
@transaction.atomic
def claim_delete(*, claim: Claim, user: "AbstractBaseUser") -> None:
    claim = _lock(claim)
    if claim.annotator_id != user.pk and not permissions.is_admin(user):
        raise ValidationError("Only the claim's analyst can delete it.", code="permission")
    if not permissions.can_edit_claim(user, claim):
        raise ValidationError(f"This claim is {claim.status} and cannot be deleted.", code="locked")
    # Soft: the row stays (hidden from every list) so that "Undo" can bring it back.
    claim.deleted_at = timezone.now()
    claim.version += 1
    claim.save(update_fields=["deleted_at", "version", "updated_at"])


@_audited("user")
@transaction.atomic
def claim_restore(*, claim: Claim, user: "AbstractBaseUser") -> Claim:
    """Undo ``claim_delete``: the claim comes back as it was, one version on."""
    # Row lock, as for every change of a claim (see _lock); deleted claims are outside ``objects``.
    claim = Claim.with_deleted.select_for_update().get(pk=claim.pk)
    if claim.annotator_id != user.pk and not permissions.is_admin(user):
        raise ValidationError("Only the claim's analyst can restore it.", code="permission")
    if claim.deleted_at is None:
        raise ValidationError("This claim is not deleted.", code="state")
    claim.deleted_at = None
    claim.version += 1
    claim.save(update_fields=["deleted_at", "version", "updated_at"])
    return claim


@_audited("reviewer")
@transaction.atomic
def claim_review(
    *,
    claim: Claim,
    reviewer: "AbstractBaseUser",
    decision: str,
    comment: str = "",
    reason: str = "",
    tag: str | None = None,
    chain: Sequence[Link] | None = None,
) -> Review:
    """Approve or reject a submitted claim; an approval may correct the tag or the chain."""
    claim = _lock(claim)
    if claim.annotator_id == reviewer.pk:
        raise ValidationError("You cannot review a claim you annotated.", code="permission")
    if not permissions.can_review(reviewer):
        raise ValidationError("Only reviewers can review claims.", code="permission")
    if decision not in ReviewDecision.values:
        raise ValidationError({"decision": f"Unknown decision {decision!r}; approve or reject."})
    if reason and reason not in RejectReason.values:
        raise ValidationError({"reason": f"Unknown reason {reason!r}."})
    if claim.status != ClaimStatus.SUBMITTED:
        raise ValidationError(f"Only submitted claims can be reviewed; this one is {claim.status}.", code="state")
    comment = (comment or "").strip()
    if decision == ReviewDecision.REJECT and not (comment or reason):
        raise ValidationError({"comment": "Say why the claim is rejected: a comment or a reason."})
    correction = None
    if decision == ReviewDecision.APPROVE and (tag is not None or chain is not None):
        correction = _apply_correction(claim, tag, chain)
    claim.status = ClaimStatus.APPROVED if decision == ReviewDecision.APPROVE else ClaimStatus.REJECTED
    claim.version += 1
    claim.save(update_fields=["status", "version", "updated_at"])
    review = Review.objects.create(
        claim=claim, reviewer=reviewer, decision=decision, reason=reason, comment=comment, correction=correction
    )
    notify_review(review=review)
    return review


# How long a reviewer may take back a decision (the page offers "Undo" for less than that).
REVIEW_UNDO_SECONDS = 60


@_audited("reviewer")
@transaction.atomic
def claim_review_undo(*, claim: Claim, reviewer: "AbstractBaseUser") -> Claim:
    """Take back ``reviewer``'s decision on ``claim`` made in the last ``REVIEW_UNDO_SECONDS``:
    the review goes, the claim is submitted again (one version on). A decision that corrected the
    tag or the chain is not undone here (the correction changed the claim itself)."""
    claim = _lock(claim)
    review = claim.reviews.order_by("-created_at", "-id").first()
    if review is None or review.reviewer_id != reviewer.pk:
        raise ValidationError("You have no decision on this claim to undo.", code="state")
    if claim.status not in (ClaimStatus.APPROVED, ClaimStatus.REJECTED):
        raise ValidationError(f"This claim is {claim.status}: there is no decision to undo.", code="state")
    if review.correction:
        raise ValidationError("A decision with a correction cannot be undone.", code="state")
    if (timezone.now() - review.created_at).total_seconds() > REVIEW_UNDO_SECONDS:
        raise ValidationError("Too late to undo this decision.", code="state")
    review.delete()
    claim.status = ClaimStatus.SUBMITTED
    claim.version += 1
    claim.save(update_fields=["status", "version", "updated_at"])
    return claim


@dataclass(frozen=True, slots=True)
class BulkApproval:
    approved: list[Claim]
    refused: dict[int, str]  # claim id -> why it was not approved


@_audited("reviewer")
@transaction.atomic
def claims_bulk_approve(
    *, claim_ids: Sequence[int], reviewer: "AbstractBaseUser", comment: str = ""
) -> BulkApproval:
    """Approve several claims in one transaction; each is checked by ``claim_review``'s rules.

    A claim the rules refuse is listed with the reason and left as it was; the others are approved.
    """
    if not permissions.can_review(reviewer):
        raise ValidationError("Only reviewers can review claims.", code="permission")
    ids = sorted({int(pk) for pk in claim_ids})
    if not ids:
        raise ValidationError({"claims": "Select at least one claim to approve."})
    # Lock every row first, in id order, so that two bulk approvals cannot deadlock each other.
    # Only claims the reviewer can reach: a project's claims are reviewed by its own reviewers.
    reachable = Claim.objects.visible_to(reviewer).filter(pk__in=ids).values("pk")
    found = set(
        Claim.objects.select_for_update().filter(pk__in=reachable).order_by("pk").values_list("pk", flat=True)
    )
    approved: list[Claim] = []
    refused: dict[int, str] = {}
    for pk in ids:
        if pk not in found:
            refused[pk] = "No such claim."
            continue
        try:  # claim_review runs in a savepoint: a refused claim leaves nothing behind
            review = claim_review(claim=Claim(pk=pk), reviewer=reviewer, decision=ReviewDecision.APPROVE, comment=comment)
        except ValidationError as error:
            refused[pk] = " ".join(error.messages)
        else:
            approved.append(review.claim)
    return BulkApproval(approved=approved, refused=refused)


def _chain_summary(chain: Sequence[Link]) -> list[str]:
    return [link.source.slug for link in sorted(chain, key=lambda link: link.position)]


def _apply_correction(claim: Claim, tag: str | None, chain: Sequence[Link] | None) -> dict | None:
    before_chain = chain_of(claim)
    new_tag = claim.tag if tag is None else tag
    new_chain = before_chain if chain is None else list(chain)
    if new_tag == ClaimTag.UNSOURCED:
        new_chain = []
    _check_chain(claim.document, new_tag, new_chain)
    if new_tag == ClaimTag.SOURCED and not new_chain:  # the rule claim_submit applies, kept by corrections
        raise ValidationError({"attributions": "A sourced claim needs at least one source."})
    correction = {}
    if new_tag != claim.tag:
        correction["tag"] = [claim.tag, new_tag]
    if _chain_summary(new_chain) != _chain_summary(before_chain):
        correction["chain"] = [_chain_summary(before_chain), _chain_summary(new_chain)]
    if not correction:
        return None
    claim.tag = new_tag
    claim.save(update_fields=["tag"])
    _write_chain(claim, new_chain)
    return correction
