"""What the attribution suggestions return (``SentenceSuggestion`` with its ``Link`` chain) and
the confidence each rule gives its link.

Pure Python (no Django).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claims.text.registry import source_key

# Rule confidences: how often the rule's link was right on text it was not tuned on is not
# known (see bench/RESULTS-suggestions.md); these order the rules by how direct the cue is.
CONFIDENCE = {
    "prep.selon": 0.9,
    "prep.citing": 0.85,
    "prep.passive": 0.8,
    "prep.voice": 0.85,  # "par la voix de X": X spoke for the body, in its name
    "verb.subject": 0.85,
    "verb.subject.weak": 0.75,
    "verb.incise": 0.85,
    "verb.clitic": 0.75,
    "verb.passive_agent": 0.8,
    "verb.to_outlet": 0.8,
    "nominal": 0.8,
    "nominal.to_outlet": 0.8,
    "vague.on": 0.8,
    "vague.impersonal": 0.7,
    "vague.phrase": 0.8,
    "media.circulation": 0.6,
    "quote.block": 0.7,
    "quote.pull": 0.8,  # "Une citation de : X": a pull quote's credit line
    "post.signature": 0.8,  # "— Gérard Collomb (@gerardcollomb) 10 juin 2018": an embedded post's author
    "quote.continued": 0.6,  # "Et de préciser que …": the previous chain, continued
    "prep.pour": 0.6,
    "prep.interview": 0.8,
    "caption.credit": 0.9,
    "dispatch.credit": 0.8,
}
ANAPHORA_FACTOR = 0.85  # a link whose source was found through "ce responsable", "il"...
UNRESOLVED_CONFIDENCE = 0.3  # "il" with nobody before it: a cue without a known source
UNSOURCED_CONFIDENCE = 0.6  # no cue found: likely unsourced, but cues can be missed


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # code point index into the text, inclusive
    end: int  # exclusive
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class ProposedSource:
    """A registry source (``slug`` set) or a new source proposed from the mention (``slug`` None)."""

    name: str
    kind: str
    slug: str | None = None

    @property
    def is_new(self) -> bool:
        return self.slug is None

    @property
    def identity(self) -> str:
        return self.slug if self.slug is not None else "new:" + source_key(self.name)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "slug": self.slug, "new": self.is_new}


@dataclass(frozen=True, slots=True)
class Link:
    """One link of a proposed chain."""

    source: ProposedSource
    mention: Span | None
    cue: Span | None
    rule: str
    confidence: float
    vague: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "mention": self.mention.to_dict() if self.mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
            "vague": self.vague,
        }


@dataclass(frozen=True, slots=True)
class SentenceSuggestion:
    start: int
    end: int
    text: str
    kind: str  # a LineKind value: body, headline, caption, publisher, boilerplate
    is_claim: bool
    tag: str | None  # "sourced" / "unsourced" for claims, None otherwise
    links: tuple[Link, ...] = ()
    confidence: float = 0.0
    flags: tuple[str, ...] = ()  # "caption", "vague" (CONTRACT.md "Claim flags")

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "is_claim": self.is_claim,
            "tag": self.tag,
            "confidence": round(self.confidence, 3),
            "flags": list(self.flags),
            "attributions": [link.to_dict() for link in self.links],
        }
