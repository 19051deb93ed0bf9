"""The audit history, read back from the pghistory event tables as timelines of steps.

Database triggers write one event row per inserted, updated or deleted row of claims,
attributions, reviews and sources (see ``claims.models.audited_events``), so bulk updates,
admin edits and raw SQL are caught too. Who did it comes from the pghistory context: the
middleware records the user of a web request, and the services name their user themselves
(``claims.services._audited``); a change made outside both (a shell, raw SQL) has no user.

A step is what one action changed: the events of one context within one transaction
(``pgh_created_at`` is the transaction's start time). A chain is rewritten as a delete and
inserts of its links, so a step shows the chain before and after rather than row diffs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model

from claims.models import AttributionEvent, ClaimEvent, ClaimStatus, ReviewEvent, SourceEvent

# Fields whose changes a timeline shows; the rest (version, timestamps) is bookkeeping.
CLAIM_FIELDS = ("status", "tag", "start", "end", "text", "version", "deleted_at")
SOURCE_FIELDS = ("name", "slug", "kind", "aliases", "country", "url", "description")
REVIEW_FIELDS = ("decision", "reason", "comment", "correction")


@dataclass(slots=True)
class Change:
    field: str
    before: Any
    after: Any

    @property
    def shown_before(self) -> str:
        return _shown(self.before)

    @property
    def shown_after(self) -> str:
        return _shown(self.after)


def _shown(value: Any) -> str:
    """A value as a reader sees it: chains as arrows, corrections as "what: before → after"."""
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return " → ".join(_shown(v) for v in value) or "no source"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_shown(pair[0])} ⇒ {_shown(pair[1])}" for key, pair in value.items())
    return str(value)


@dataclass(slots=True)
class Step:
    """One action on a claim (or source): when, by whom, and what it changed."""

    when: datetime
    user: str | None  # None: the change was made outside any request or service (no user known)
    action: str
    changes: list[Change] = field(default_factory=list)
    comment: str = ""
    reason: str = ""
    via: str = ""  # the page or endpoint, when made through the web


def _context(event) -> dict:
    return (event.pgh_context.metadata if event.pgh_context_id and event.pgh_context else None) or {}


def _group_key(event) -> tuple:
    return (event.pgh_context_id, event.pgh_created_at)


def _usernames(groups: Iterable[list]) -> dict[int, str]:
    ids = {_context(e).get("user") for events in groups for e in events} - {None}
    return dict(get_user_model().objects.filter(pk__in=ids).values_list("pk", "username")) if ids else {}


def _diff(before: dict | None, after: dict, fields: Iterable[str]) -> list[Change]:
    if before is None:
        return []
    return [Change(name, before.get(name), after.get(name)) for name in fields if before.get(name) != after.get(name)]


def _row(event, fields: Iterable[str]) -> dict:
    return {name: getattr(event, name) for name in fields}


def _claim_action(claim_events: list, review_events: list, changes: list[Change]) -> str:
    for event in review_events:
        if event.pgh_label == "insert":
            if event.decision == "approve":
                return "approved with corrections" if event.correction else "approved"
            return "rejected"
    labels = {e.pgh_label for e in claim_events}
    if "insert" in labels:
        return "created"
    if "delete" in labels:
        return "deleted"
    deleted = next((c for c in changes if c.field == "deleted_at"), None)
    if deleted is not None:  # a soft delete, or its undo
        return "deleted" if deleted.after else "restored"
    if review_events and review_events[-1].pgh_label == "delete" and any(
        c.field == "status" and c.after == ClaimStatus.SUBMITTED for c in changes
    ):
        return "decision undone"
    if review_events:
        return "review " + ("deleted" if review_events[-1].pgh_label == "delete" else "edited")
    status = next((c for c in changes if c.field == "status"), None)
    if status is not None and status.after == ClaimStatus.SUBMITTED:
        return "submitted"
    if status is not None:
        return f"status set to {status.after}"
    return "edited"


def claim_timeline(*, claim_id: int) -> list[Step]:
    """Every change to a claim, its chain and its reviews, oldest first. Six queries at most."""
    claim_events = list(
        ClaimEvent.objects.filter(pgh_obj_id=claim_id).select_related("pgh_context").order_by("pgh_id")
    )
    link_events = list(
        AttributionEvent.objects.filter(claim_id=claim_id).select_related("pgh_context").order_by("pgh_id")
    )
    review_events = list(
        ReviewEvent.objects.filter(claim_id=claim_id).select_related("pgh_context").order_by("pgh_id")
    )
    groups: dict[tuple, dict[str, list]] = defaultdict(lambda: {"claim": [], "link": [], "review": []})
    for kind, events in (("claim", claim_events), ("link", link_events), ("review", review_events)):
        for event in events:
            groups[_group_key(event)][kind].append(event)
    source_ids = {e.source_id for e in link_events}
    sources = _source_names(source_ids)
    users = _usernames(e for g in groups.values() for e in g.values())

    def group_order(item: tuple) -> tuple:
        (_, created), events = item
        # Each action writes the claim row first (a version bump), so its event id orders
        # actions that share a transaction start time; steps without one come after.
        first = [e.pgh_id for e in events["claim"]] or [float("inf")]
        return (created, min(first), min(e.pgh_id for e in events["link"] or events["review"] or events["claim"]))

    steps: list[Step] = []
    claim_state: dict | None = None
    chain: dict[int, tuple[int, int]] = {}  # attribution id -> (position, source id)
    for key, events in sorted(groups.items(), key=group_order):
        every = [e for kind in ("claim", "link", "review") for e in events[kind]]
        context = _context(every[0])
        segments = _actions(events["claim"], claim_state)
        for index, claim_events in enumerate(segments):
            # A chain is only written by the first action (create, edit, correction); a review
            # only by the last: submitting and reviewing come after saving in one request.
            links = events["link"] if index == 0 else []
            reviews = events["review"] if index == len(segments) - 1 else []
            changes: list[Change] = []
            for event in claim_events:
                row = _row(event, CLAIM_FIELDS)
                if claim_state is None and event.pgh_label == "insert":
                    # What the claim was made as: its tag and span (its chain follows below).
                    changes.extend((Change("tag", None, row["tag"]), Change("span", None, _span(row))))
                changes.extend(_diff(claim_state, row, ("status", "tag", "deleted_at")))
                if claim_state is not None and _span(claim_state) != _span(row):
                    changes.append(Change("span", _span(claim_state), _span(row)))
                claim_state = row
            chain_before = _chain_names(chain, sources)
            for event in links:
                if event.pgh_label == "delete":
                    chain.pop(event.id, None)
                else:
                    chain[event.id] = (event.position, event.source_id)
            chain_after = _chain_names(chain, sources)
            if chain_before != chain_after:
                changes.append(Change("chain", chain_before, chain_after))
            review = next((e for e in reviews if e.pgh_label == "insert"), None)
            if review is not None and review.correction:
                changes.append(Change("correction", None, review.correction))
            action = _claim_action(claim_events, reviews, changes)
            if action == "edited" and not changes and len(segments) > 1:
                continue  # "Submit" on an unchanged form saves it first: nothing to show
            steps.append(
                Step(
                    when=key[1],
                    user=users.get(context.get("user")),
                    action=action,
                    changes=_merged(changes),
                    comment=review.comment if review is not None else "",
                    reason=review.get_reason_display() if review is not None and review.reason else "",
                    via=context.get("url") or "",
                )
            )
    return steps


def _actions(claim_events: list, state: dict | None) -> list[list]:
    """The claim events of one transaction, split into actions: each service call bumps the
    version once, so an edit saved and submitted in one request reads as two steps. Writes
    that bump nothing (a correction's tag, a raw update) belong to the next bump."""
    actions: list[list] = []
    current: list = []
    version = state["version"] if state else None
    for event in claim_events:
        current.append(event)
        if event.pgh_label != "update" or event.version != version:
            actions.append(current)
            current = []
        version = event.version
    if current:
        if actions:
            actions[-1].extend(current)
        else:
            actions.append(current)
    return actions or [[]]


def _merged(changes: list[Change]) -> list[Change]:
    """One change per field: a field written twice in one action shows its first and last value."""
    merged: dict[str, Change] = {}
    for change in changes:
        if change.field in merged:
            merged[change.field].after = change.after
        else:
            merged[change.field] = Change(change.field, change.before, change.after)
    # A soft delete or its undo is the step's action, not a field to show.
    return [c for c in merged.values() if (c.before != c.after or c.field == "correction") and c.field != "deleted_at"]


def source_timeline(*, source_id: int) -> list[Step]:
    """Every change to a source of the registry, oldest first. Two or three queries."""
    events = list(SourceEvent.objects.filter(pgh_obj_id=source_id).select_related("pgh_context").order_by("pgh_id"))
    users = _usernames([events])
    steps, state = [], None
    for event in events:
        row = _row(event, SOURCE_FIELDS)
        context = _context(event)
        action = {"insert": "created", "delete": "deleted"}.get(event.pgh_label, "edited")
        steps.append(
            Step(
                when=event.pgh_created_at,
                user=users.get(context.get("user")),
                action=action,
                changes=_diff(state, row, SOURCE_FIELDS),
                via=context.get("url") or "",
            )
        )
        state = row
    return steps


def _source_names(ids: set[int]) -> dict[int, str]:
    from claims.models import Source

    return dict(Source.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


def _chain_names(chain: dict[int, tuple[int, int]], sources: dict[int, str]) -> list[str]:
    return [sources.get(source, f"source #{source}") for _, source in sorted(chain.values())]


def _span(row: dict) -> str:
    return f"[{row['start']}, {row['end']}) «{row['text']}»"
