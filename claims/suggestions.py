"""Attribution suggestions for stored documents: the Django side of ``claims.text.attribution``.

The one home for suggestions: computing them for a document (run by the task in
``claims.tasks``, outside the request cycle), reading the ones a user still has to decide on,
and the user's decisions — accept (a draft claim through ``services.claim_create``), dismiss
(remembered per user), accept all.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils.text import slugify

from claims import permissions, services
from claims.models import Claim, Document, Source, SourceKind, Suggestion, SuggestionState
from claims.text import attribution
from claims.text.registry import Registry, RegistryEntry

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from django.db.models import QuerySet

logger = logging.getLogger(__name__)

ALREADY_ACCEPTED = "You accepted this suggestion already (claim {claim_id})."


# --- the registry -------------------------------------------------------------------------------


def registry() -> Registry:
    """The source registry as plain data for ``claims.text`` (one query)."""
    rows = Source.objects.order_by("pk").values_list("slug", "name", "kind", "aliases")
    return Registry(RegistryEntry(slug, name, kind, tuple(aliases or ())) for slug, name, kind, aliases in rows)


# --- computing ----------------------------------------------------------------------------------


def suggestion_rows(document: Document, sentences: Iterable[attribution.SentenceSuggestion]) -> list[Suggestion]:
    """Unsaved ``Suggestion`` rows for the claim sentences of a pipeline result."""
    rows = []
    for sentence in sentences:
        if not sentence.is_claim:
            continue
        rows.append(
            Suggestion(
                document=document,
                start=sentence.start,
                end=sentence.end,
                tag=sentence.tag,
                attributions=[link.to_dict() for link in sentence.links],
                flags=list(sentence.flags),
                confidence=round(sentence.confidence, 3),
            )
        )
    return rows


def _key(start: int, end: int, tag: str, attributions: Any, flags: Any = ()) -> tuple:
    chain = tuple(
        (
            (link.get("source") or {}).get("slug"),
            (link.get("source") or {}).get("name"),
            tuple(sorted((link.get("mention") or {}).items())),
        )
        for link in attributions or ()
    )
    return (start, end, tag, chain, tuple(flags or ()))


@transaction.atomic
def suggestions_store(*, document: Document, rows: Sequence[Suggestion]) -> list[Suggestion]:
    """Replace the document's suggestions with ``rows``.

    Suggestions that come out the same as before are kept as they are, so that their
    dismissals and the claims accepted from them stay linked; the others are replaced.
    """
    # Lock the document row: two runs for the same document store one after the other.
    Document.objects.select_for_update().only("pk").get(pk=document.pk)
    old = {_key(s.start, s.end, s.tag, s.attributions, s.flags): s for s in document.suggestions.all()}
    kept_ids = []
    new_rows = []
    for row in rows:
        same = old.pop(_key(row.start, row.end, row.tag, row.attributions, row.flags), None)
        if same is not None:
            if same.confidence != row.confidence:
                same.confidence = row.confidence
                same.save(update_fields=["confidence"])
            kept_ids.append(same.pk)
        else:
            new_rows.append(row)
    Suggestion.objects.filter(pk__in=[s.pk for s in old.values()]).delete()
    Suggestion.objects.bulk_create(new_rows)
    return list(document.suggestions.order_by("start", "pk"))


def suggestions_mark(*, document_ids: Sequence[int], state: str) -> None:
    """Set the suggestion state of these documents (queued, running, ready, failed)."""
    Document.objects.filter(pk__in=document_ids).update(suggestion_state=state)


def _set_state(document_ids: Sequence[int], state: str) -> None:
    suggestions_mark(document_ids=document_ids, state=state)


def suggestions_run(*, document_ids: Sequence[int]) -> int:
    """Compute and store the suggestions of these documents; returns how many were stored.

    The document's state goes running -> ready, or failed if the pipeline raises (the error is
    logged and re-raised so that the task's result records it). Deleted documents are skipped.
    """
    documents = list(Document.objects.filter(pk__in=document_ids).only("pk", "text").order_by("pk"))
    if not documents:
        return 0
    ids = [d.pk for d in documents]
    _set_state(ids, SuggestionState.RUNNING)
    try:
        results = attribution.suggest_many([d.text for d in documents], registry())
        stored = 0
        for document, sentences in zip(documents, results, strict=True):
            stored += len(suggestions_store(document=document, rows=suggestion_rows(document, sentences)))
            _set_state([document.pk], SuggestionState.READY)
    except Exception:
        logger.exception("suggestions failed for documents %s", ids)
        Document.objects.filter(pk__in=ids).exclude(suggestion_state=SuggestionState.READY).update(
            suggestion_state=SuggestionState.FAILED
        )
        raise
    return stored


# --- reading ------------------------------------------------------------------------------------


def suggestion_list(*, document: Document, user: "AbstractBaseUser") -> "QuerySet[Suggestion]":
    """The document's suggestions ``user`` has not decided on yet (not dismissed, not accepted)
    and that no claim of theirs covers (a suggestion is moot once its span is claimed)."""
    if not user.is_authenticated:
        return Suggestion.objects.none()
    accepted = Claim.objects.filter(suggestion=OuterRef("pk"), annotator=user)
    covering = Claim.objects.filter(
        document=document, annotator=user, start__lte=OuterRef("start"), end__gte=OuterRef("end")
    )
    return (
        Suggestion.objects.filter(document=document)
        .exclude(dismissed_by=user)
        .exclude(Exists(accepted))
        .exclude(Exists(covering))
        .order_by("start", "pk")
    )


def suggestion_overview(*, document: Document, user: "AbstractBaseUser") -> list[dict[str, Any]]:
    """Every suggestion of the document with what ``user`` decided (the API's shape), one query."""
    mine = Claim.objects.filter(suggestion=OuterRef("pk"), annotator=user).order_by("pk").values("pk")[:1]
    dismissed = Suggestion.dismissed_by.through.objects.filter(suggestion=OuterRef("pk"), user=user)
    rows = (
        Suggestion.objects.filter(document=document)
        .annotate(my_claim=Subquery(mine), i_dismissed=Exists(dismissed))
        .order_by("start", "pk")
    )
    return [
        {
            "id": row.pk,
            "start": row.start,
            "end": row.end,
            "text": document.text[row.start : row.end],
            "tag": row.tag,
            "confidence": row.confidence,
            "attributions": row.attributions or [],
            "flags": list(row.flags or ()),
            "dismissed": row.i_dismissed,
            "claim": row.my_claim,
        }
        for row in rows
    ]


# --- deciding -----------------------------------------------------------------------------------


def _registry_sources(suggestions_: Iterable[Suggestion]) -> dict[str, Source]:
    """The registry sources the suggestions' links name, by slug (one query)."""
    slugs = {
        (link.get("source") or {}).get("slug")
        for suggestion in suggestions_
        for link in suggestion.attributions or ()
    }
    return Source.objects.in_bulk([slug for slug in slugs if slug], field_name="slug")


def _source_for(link: dict, known: dict[str, Source]) -> Source:
    """The registry source of a proposed link; a proposed new source is created on acceptance."""
    proposed = link.get("source") or {}
    slug = proposed.get("slug")
    if slug and slug in known:
        return known[slug]
    name = (proposed.get("name") or "").strip()
    if not name:
        raise ValidationError({"attributions": "A suggested link names no source."})
    # Someone may have added it since the suggestion was made (or an earlier link of this batch).
    existing = Source.objects.search_exact(name).first() or Source.objects.filter(slug=slugify(name)[:100]).first()
    if existing is not None:
        return existing
    kind = proposed.get("kind") if proposed.get("kind") in SourceKind.values else SourceKind.OTHER
    mention = (link.get("mention") or {}).get("text") or ""
    return services.source_create(
        name=name,
        kind=kind,
        aliases=[mention] if mention and mention != name else [],
        description="Proposed by the attribution suggestions and accepted by an analyst.",
    )


def _chain(suggestion: Suggestion, known: dict[str, Source] | None = None) -> list[services.Link]:
    if suggestion.tag != "sourced":
        return []
    if known is None:
        known = _registry_sources([suggestion])
    chain = []
    for position, link in enumerate(suggestion.attributions or ()):
        mention = link.get("mention") or {}
        chain.append(
            services.Link(
                source=_source_for(link, known),
                position=position,
                mention_start=mention.get("start"),
                mention_end=mention.get("end"),
            )
        )
    return chain


@transaction.atomic
def suggestion_claim_create(
    *,
    suggestion: Suggestion,
    user: "AbstractBaseUser",
    start: int,
    end: int,
    tag: str,
    chain: Sequence[services.Link],
    flags: Sequence[str] | None = None,
) -> Claim:
    """A draft claim of ``user`` marked as coming from ``suggestion`` (once per user); its flags
    are the suggestion's unless given (a vague one made sourced drops "vague")."""
    if not permissions.can_annotate(user):
        raise ValidationError("Only analysts can accept suggestions.", code="permission")
    # Row lock: a double click (or accept-all racing a click) makes one claim, not two.
    suggestion = Suggestion.objects.select_for_update().select_related("document").get(pk=suggestion.pk)
    previous = Claim.objects.filter(suggestion=suggestion, annotator=user).values_list("pk", flat=True).first()
    if previous is not None:
        raise ValidationError(ALREADY_ACCEPTED.format(claim_id=previous), code="duplicate")
    if flags is None:
        flags = [f for f in suggestion.flags or () if not (f == "vague" and tag == "sourced")]
    return services.claim_create(
        document=suggestion.document, user=user, start=start, end=end, tag=tag, chain=chain,
        suggestion=suggestion, flags=flags,
    )


@transaction.atomic
def suggestion_accept(*, suggestion: Suggestion, user: "AbstractBaseUser") -> Claim:
    """A draft claim of ``user`` from the suggestion as it stands, marked as coming from it.

    New sources the suggestion proposes are added to the registry in the same transaction:
    if anything is refused, nothing is written.
    """
    if not permissions.can_annotate(user):
        raise ValidationError("Only analysts can accept suggestions.", code="permission")
    return suggestion_claim_create(
        suggestion=suggestion,
        user=user,
        start=suggestion.start,
        end=suggestion.end,
        tag=suggestion.tag,
        chain=_chain(suggestion),
    )


def suggestion_dismiss(*, suggestion: Suggestion, user: "AbstractBaseUser") -> None:
    """Hide the suggestion from ``user`` for good (other analysts still see it)."""
    if not permissions.can_annotate(user):
        raise ValidationError("Only analysts can dismiss suggestions.", code="permission")
    suggestion.dismissed_by.add(user)


@transaction.atomic
def suggestions_accept_all(*, document: Document, user: "AbstractBaseUser") -> list[Claim]:
    """Accept every suggestion of the document ``user`` has not decided on, except those over a
    span where ``user`` has a claim already. All or nothing."""
    if not permissions.can_annotate(user):
        raise ValidationError("Only analysts can accept suggestions.", code="permission")
    mine = Claim.objects.filter(document=document, annotator=user)
    overlapping = mine.filter(start__lt=OuterRef("end"), end__gt=OuterRef("start"))
    pending = list(suggestion_list(document=document, user=user).exclude(Exists(overlapping)))
    known = _registry_sources(pending)
    return [
        suggestion_claim_create(
            suggestion=s, user=user, start=s.start, end=s.end, tag=s.tag, chain=_chain(s, known)
        )
        for s in pending
    ]


__all__ = [
    "registry",
    "suggestion_accept",
    "suggestion_claim_create",
    "suggestion_dismiss",
    "suggestion_list",
    "suggestion_overview",
    "suggestion_rows",
    "suggestions_accept_all",
    "suggestions_mark",
    "suggestions_run",
    "suggestions_store",
]
