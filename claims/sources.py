"""Writes on the source registry beyond create and edit: confirming an analyst's proposal,
merging a duplicate into another source (and undoing it), credibility notes.

Every function checks who may do it (``claims.permissions``) and raises Django's
``ValidationError`` (the pages show it, the API answers 400/403). Each write names its user in
the audit history, so the merge and its undo show in the history of every row they touch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pghistory
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Now

from claims import permissions
from claims.models import (
    Attribution,
    Claim,
    CredibilityNote,
    Document,
    Source,
    SourceMerge,
    SourceRating,
    SourceStatus,
)
from claims.services import normalise_aliases

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

MAX_NOTE_CHARS = 10_000


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise ValidationError(message, code="permission")


def _touch_claims(claim_ids: list[int]) -> None:
    """A chain's source changed under these claims: a new version, so that a form opened
    before the merge is refused as stale rather than writing the old source back, and a new
    ``updated_at`` so that incremental pulls see the change."""
    if claim_ids:
        Claim.objects.filter(pk__in=claim_ids).update(version=F("version") + 1, updated_at=Now())


@transaction.atomic
def source_confirm(*, source: Source, user: "AbstractBaseUser") -> Source:
    """A reviewer accepts an analyst's proposed source into the registry as it is."""
    _require(permissions.can_edit_source(user), "Only reviewers, managers and admins can confirm sources.")
    with pghistory.context(user=user.pk):
        Source.objects.filter(pk=source.pk).update(status=SourceStatus.CONFIRMED, updated_at=Now())
    source.refresh_from_db()
    return source


@transaction.atomic
def source_merge(*, source: Source, into: Source, user: "AbstractBaseUser") -> SourceMerge:
    """Merge ``source`` (a duplicate) into ``into``.

    ``source``'s attributions and published documents move to ``into``; its name and aliases
    become aliases of ``into``; ``source`` stays in the database, marked merged (so the audit
    history keeps it and the merge can be undone) but is gone from every page and list.
    What moved is recorded in the returned ``SourceMerge``.
    """
    _require(permissions.can_merge_source(user), "Only reviewers, managers and admins can merge sources.")
    if source.pk == into.pk:
        raise ValidationError({"into": "A source cannot be merged into itself."})
    # Lock both rows in id order (two merges of the same pair the other way round cannot
    # deadlock) and read them again: either may have been merged meanwhile.
    locked = {s.pk: s for s in Source.all_objects.select_for_update().filter(pk__in=[source.pk, into.pk]).order_by("pk")}
    source, into = locked[source.pk], locked[into.pk]
    if source.merged_into_id is not None:
        raise ValidationError({"source": f"{source.name} was merged already."})
    if into.merged_into_id is not None:
        raise ValidationError({"into": f"{into.name} was merged into another source; merge into that one."})
    with pghistory.context(user=user.pk, merge=f"{source.slug} -> {into.slug}"):
        attributions = list(Attribution.objects.filter(source=source).values_list("pk", "claim_id"))
        documents = list(Document.objects.filter(publisher=source).values_list("pk", flat=True))
        Attribution.objects.filter(pk__in=[pk for pk, _ in attributions]).update(source=into)
        Document.objects.filter(pk__in=documents).update(publisher=into)
        _touch_claims(sorted({claim_id for _, claim_id in attributions}))
        known = {alias.casefold() for alias in [into.name, *into.aliases]}
        added = [alias for alias in normalise_aliases([source.name, *source.aliases]) if alias.casefold() not in known]
        if added:
            into.aliases = [*into.aliases, *added]
            into.save(update_fields=["aliases", "updated_at"])
        source.merged_into = into
        source.save(update_fields=["merged_into", "updated_at"])
        return SourceMerge.objects.create(
            source=source,
            into=into,
            user=user,
            attributions=[pk for pk, _ in attributions],
            documents=documents,
            aliases_added=added,
        )


@transaction.atomic
def source_unmerge(*, merge: SourceMerge, user: "AbstractBaseUser") -> Source:
    """Undo a merge: the merged source comes back with the rows that moved.

    Only rows that still point at the target move back (a chain edited since the merge keeps
    its new links); aliases the merge added go, unless someone removed them already.
    """
    _require(permissions.can_merge_source(user), "Only reviewers, managers and admins can undo a merge.")
    merge = SourceMerge.objects.select_for_update().select_related("source", "into").get(pk=merge.pk)
    if merge.undone_at is not None:
        raise ValidationError("This merge was undone already.")
    source, into = merge.source, merge.into
    with pghistory.context(user=user.pk, unmerge=f"{source.slug} <- {into.slug}"):
        moved = list(
            Attribution.objects.filter(pk__in=merge.attributions, source=into).values_list("pk", "claim_id")
        )
        Attribution.objects.filter(pk__in=[pk for pk, _ in moved]).update(source=source)
        Document.objects.filter(pk__in=merge.documents, publisher=into).update(publisher=source)
        _touch_claims(sorted({claim_id for _, claim_id in moved}))
        into = Source.all_objects.select_for_update().get(pk=into.pk)
        added = {alias.casefold() for alias in merge.aliases_added}
        into.aliases = [alias for alias in into.aliases if alias.casefold() not in added]
        into.save(update_fields=["aliases", "updated_at"])
        Source.all_objects.filter(pk=source.pk).update(merged_into=None, updated_at=Now())
        SourceMerge.objects.filter(pk=merge.pk).update(undone_at=Now(), undone_by=user)
    source.refresh_from_db()
    return source


@transaction.atomic
def credibility_note_add(*, source: Source, user: "AbstractBaseUser", text: str, rating: str) -> CredibilityNote:
    """A dated note by ``user``; its rating becomes the source's current rating."""
    _require(permissions.can_rate_source(user), "Only reviewers, managers and admins can add credibility notes.")
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "A note needs a text: why this rating?"})
    if len(text) > MAX_NOTE_CHARS:
        raise ValidationError({"text": f"A note has at most {MAX_NOTE_CHARS} characters."})
    if rating not in SourceRating.values:
        raise ValidationError({"rating": f"Unknown rating {rating!r}; one of {', '.join(SourceRating.values)}."})
    with pghistory.context(user=user.pk):
        note = CredibilityNote.objects.create(source=source, user=user, text=text, rating=rating)
        Source.all_objects.filter(pk=source.pk).update(rating=rating, updated_at=Now())
    source.rating = rating
    return note
