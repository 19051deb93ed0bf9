"""The annotate page's list of suggestions as it is shown: each suggestion with its chain, the
sources' ratings and its action URLs, and the counts and state line above the list.

Its own module so that the annotate page (``claims.views.annotate``) and the suggestion
decisions (``claims.views.suggestions``, which re-render the page) both build on it without
importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from claims import permissions, suggestions
from claims.models import Document, Source, SourceKind, SourceRating, Suggestion, SuggestionState

KIND_LABELS = dict(SourceKind.choices)

STATE_MESSAGES = {
    SuggestionState.NONE: "No suggestions were computed for this document.",
    SuggestionState.QUEUED: "Suggestions are queued; reload the page in a moment.",
    SuggestionState.RUNNING: "Suggestions are being computed; reload the page in a moment.",
    SuggestionState.FAILED: "Suggestions could not be computed for this document.",
}


@dataclass(frozen=True, slots=True)
class ShownLink:
    name: str
    kind: str
    slug: str | None
    mention: str
    vague: bool
    rule: str
    rating: str = ""  # the registry source's credibility rating, if rated
    rating_label: str = ""

    @property
    def kind_label(self) -> str:
        """The kind as the model's choices spell it ("News outlet"), as everywhere else."""
        return str(KIND_LABELS.get(self.kind, self.kind))


@dataclass(frozen=True, slots=True)
class ShownSuggestion:
    """A suggestion as the list shows it (its JSON links read once, here)."""

    pk: int
    start: int
    end: int
    tag: str
    text: str
    confidence: float
    links: tuple[ShownLink, ...]
    flags: tuple[str, ...] = ()
    url: str = ""  # its actions are url + "accept/", "edit/", "dismiss/"

    @property
    def notable(self) -> bool:
        """Shown by default: the suggestion names a source or carries a flag (caption, vague);
        the others (a body sentence with no cue) only with "Show all suggestions"."""
        return bool(self.links or self.flags)

    @property
    def summary(self) -> str:
        """Chain and confidence, for the hover title of the suggestion's mark in the text."""
        chain = " → ".join(link.name for link in self.links) or "no source"
        flags = f" [{', '.join(self.flags)}]" if self.flags else ""
        return f"Suggested {self.tag} claim: {chain}{flags} (confidence {self.confidence:.2f})"


def _suggestion_url_prefix(document: Document) -> str:
    """``/documents/<id>/suggestions``: one reverse() for the whole list, not three a card (a
    long document has a suggestion a sentence; reversing was a third of the page's time)."""
    accept = reverse("claims:suggestion-accept", args=[document.pk, 0])
    return accept.removesuffix("/0/accept/")


def _shown(document: Document, suggestion: Suggestion, ratings: dict[str, str], url_prefix: str) -> ShownSuggestion:
    """``ratings`` from ``_ratings``, ``url_prefix`` from ``_suggestion_url_prefix``: once a list."""
    links = []
    for link in suggestion.attributions or ():
        source = link.get("source") or {}
        mention = link.get("mention") or {}
        links.append(
            ShownLink(
                name=str(source.get("name") or "?"),
                kind=str(source.get("kind") or ""),
                slug=source.get("slug"),
                mention=str(mention.get("text") or ""),
                vague=bool(link.get("vague")),
                rule=str(link.get("rule") or ""),
                rating=ratings.get(source.get("slug") or "", ""),
                rating_label=RATING_LABELS.get(ratings.get(source.get("slug") or "", ""), ""),
            )
        )
    return ShownSuggestion(
        pk=suggestion.pk,
        start=suggestion.start,
        end=suggestion.end,
        tag=suggestion.tag,
        text=document.text[suggestion.start : suggestion.end],
        confidence=suggestion.confidence,
        links=tuple(links),
        # Flags come with the suggestions' caption / vague marks; none before that.
        flags=tuple(str(flag) for flag in (getattr(suggestion, "flags", None) or ())),
        url=f"{url_prefix}/{suggestion.pk}/",
    )


RATING_LABELS = {value: str(label) for value, label in SourceRating.choices}


def _ratings(pending: list[Suggestion]) -> dict[str, str]:
    """slug -> credibility rating of the rated registry sources the suggestions name (one query)."""
    slugs = {
        str((link.get("source") or {}).get("slug"))
        for s in pending
        for link in (s.attributions or ())
        if isinstance(link, dict) and (link.get("source") or {}).get("slug")
    }
    if not slugs:
        return {}
    return dict(Source.objects.filter(slug__in=slugs).exclude(rating="").values_list("slug", "rating"))


def suggestions_context(request: HttpRequest, document: Document) -> dict[str, Any]:
    """What the annotate page's suggestions block shows (one query; none unless the document's
    suggestions are ready: until then the block shows only its state)."""
    ready = document.suggestion_state == SuggestionState.READY
    pending = list(suggestions.suggestion_list(document=document, user=request.user)) if ready else []
    ratings = _ratings(pending)
    prefix = _suggestion_url_prefix(document)
    shown = [_shown(document, s, ratings, prefix) for s in pending]
    return {
        "suggestions_enabled": True,
        "suggestions": shown,
        "suggestions_sourced": sum(1 for s in shown if s.tag == "sourced"),
        "suggestions_unsourced": sum(1 for s in shown if s.tag != "sourced"),
        "suggestions_notable": sum(1 for s in shown if s.notable),
        "suggestion_state": document.suggestion_state,
        "suggestion_state_message": STATE_MESSAGES.get(document.suggestion_state, ""),
        "can_decide": permissions.can_annotate(request.user),
    }
