"""Scoring attribution suggestions against a gold reading (format: docs/gold-format.md).

Pure Python (no Django). Three measures, per document and over all documents (micro-averaged):

- **sourced tag**: precision, recall and F1 of the tag "sourced" over the gold sentences
  (a sentence that is not a claim counts as not sourced; a predicted sentence that matches no
  gold sentence counts as a false positive when sourced, unless it lies inside a sourced gold
  sentence that the segmenter splits in two);
- **direct source**: precision, recall and F1 of the chain's position 0 — the same source (the
  registry slug, or the same name for a proposed new source) with the same mention, once with
  the mention's offsets equal ("exact") and once with the mentions overlapping ("overlap");
- **exact chain**: the share of gold sourced sentences whose predicted chain names the same
  sources in the same order; **whole chains** the same over gold chains of two links or more;
- **first source**: the share of gold sourced sentences whose predicted position 0 is the same
  source (mention not compared); **false sourced**: the share of gold sentences that are not
  sourced but were suggested sourced;
- **families**: gold sentences may name the rule families they exercise (``families``); a
  family's recall is the share of its sentences read right (the right first source for sourced
  ones, the right tag and flag for vague ones, a claim for a cut last line).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from claims.text.attribution import SentenceSuggestion
from claims.text.registry import source_key

__all__ = ["GoldDocument", "GoldError", "GoldLink", "GoldSentence", "Score", "evaluate", "parse_gold"]


class GoldError(ValueError):
    """A gold file that cannot be used; the message says where (line) and why."""


@dataclass(frozen=True, slots=True)
class GoldLink:
    slug: str | None
    name: str
    kind: str
    mention: tuple[int, int] | None
    vague: bool = False

    @property
    def identity(self) -> str:
        return self.slug if self.slug else "new:" + source_key(self.name)


@dataclass(frozen=True, slots=True)
class GoldSentence:
    start: int
    end: int
    claim: bool
    tag: str | None
    chain: tuple[GoldLink, ...] = ()
    flags: tuple[str, ...] = ()
    families: tuple[str, ...] = ()

    @property
    def sourced(self) -> bool:
        return self.claim and self.tag == "sourced"


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    sentences: tuple[GoldSentence, ...]


def parse_gold(lines: Iterable[str]) -> list[GoldDocument]:
    """Gold documents from the lines of a JSONL gold file; ``GoldError`` on the first problem."""
    documents = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            document = _gold_document(data)
        except json.JSONDecodeError as exc:
            raise GoldError(f"line {number}: not JSON ({exc.msg})") from None
        except (KeyError, TypeError, ValueError) as exc:
            raise GoldError(f"line {number}: {_message(exc)}") from None
        if document.id in seen:
            raise GoldError(f"line {number}: document id {document.id!r} appears twice")
        seen.add(document.id)
        documents.append(document)
    if not documents:
        raise GoldError("the gold file holds no document")
    return documents


def _message(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"missing field {exc.args[0]!r}"
    return str(exc)


def _span(data: Any, text: str, what: str) -> tuple[int, int]:
    start, end = data["start"], data["end"]
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        raise ValueError(f"{what}: start and end must be integers")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"{what}: [{start}, {end}) is outside the text (0-{len(text)})")
    if "text" in data and data["text"] != text[start:end]:
        raise ValueError(f"{what}: text {data['text']!r} is not text[{start}:{end}] = {text[start:end]!r}")
    return start, end


def _gold_document(data: Any) -> GoldDocument:
    if not isinstance(data, dict):
        raise ValueError("each line must be a JSON object")
    doc_id = data["id"]
    text = data["text"]
    if not isinstance(doc_id, str) or not isinstance(text, str) or not text:
        raise ValueError("id and text must be non-empty strings")
    sentences = []
    previous_end = 0
    for n, item in enumerate(data["sentences"]):
        where = f"{doc_id} sentence {n}"
        start, end = _span(item, text, where)
        if start < previous_end:
            raise ValueError(f"{where}: sentences must be in order and must not overlap")
        previous_end = end
        claim = item["claim"]
        if not isinstance(claim, bool):
            raise ValueError(f"{where}: claim must be true or false")
        tag = item.get("tag") if claim else None
        if claim and tag not in ("sourced", "unsourced"):
            raise ValueError(f"{where}: a claim's tag is sourced or unsourced, not {tag!r}")
        chain = []
        for p, link in enumerate(item.get("chain") or ()):
            source = link["source"]
            mention = None
            if link.get("mention") is not None:
                mention = _span(link["mention"], text, f"{where} link {p} mention")
            chain.append(
                GoldLink(
                    slug=source.get("slug") or None,
                    name=str(source.get("name") or source.get("slug") or ""),
                    kind=str(source.get("kind") or ""),
                    mention=mention,
                    vague=bool(link.get("vague", False)),
                )
            )
        if tag == "sourced" and not chain:
            raise ValueError(f"{where}: a sourced claim needs a chain")
        if tag != "sourced" and chain:
            raise ValueError(f"{where}: only a sourced claim has a chain")
        flags = tuple(str(f) for f in item.get("flags") or ())
        families = tuple(str(f) for f in item.get("families") or ())
        sentences.append(GoldSentence(start, end, claim, tag, tuple(chain), flags, families))
    return GoldDocument(doc_id, text, tuple(sentences))


# --- scoring -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    true_positive: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, other: "Counts") -> None:
        self.true_positive += other.true_positive
        self.predicted += other.predicted
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "correct": self.true_positive,
            "predicted": self.predicted,
            "gold": self.expected,
        }


@dataclass(slots=True)
class Score:
    id: str
    sourced: Counts = field(default_factory=Counts)
    direct_exact: Counts = field(default_factory=Counts)
    direct_overlap: Counts = field(default_factory=Counts)
    chains_equal: int = 0
    chains_total: int = 0
    long_chains_equal: int = 0  # gold chains of two links or more
    long_chains_total: int = 0
    first_source: Counts = field(default_factory=Counts)  # position 0, same source
    false_sourced: int = 0  # gold not sourced, suggested sourced
    not_sourced: int = 0  # gold sentences that are not sourced
    families: dict[str, list[int]] = field(default_factory=dict)  # family -> [right, total]
    misses: list[str] = field(default_factory=list)  # one line per sentence that went wrong

    @property
    def chain_accuracy(self) -> float:
        return self.chains_equal / self.chains_total if self.chains_total else 1.0

    @property
    def long_chain_accuracy(self) -> float:
        return self.long_chains_equal / self.long_chains_total if self.long_chains_total else 1.0

    @property
    def false_sourced_rate(self) -> float:
        return self.false_sourced / self.not_sourced if self.not_sourced else 0.0

    def add(self, other: "Score") -> None:
        self.sourced.add(other.sourced)
        self.direct_exact.add(other.direct_exact)
        self.direct_overlap.add(other.direct_overlap)
        self.first_source.add(other.first_source)
        self.chains_equal += other.chains_equal
        self.chains_total += other.chains_total
        self.long_chains_equal += other.long_chains_equal
        self.long_chains_total += other.long_chains_total
        self.false_sourced += other.false_sourced
        self.not_sourced += other.not_sourced
        for family, (right, total) in other.families.items():
            counts = self.families.setdefault(family, [0, 0])
            counts[0] += right
            counts[1] += total

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sourced_tag": self.sourced.to_dict(),
            "direct_source_exact": self.direct_exact.to_dict(),
            "direct_source_overlap": self.direct_overlap.to_dict(),
            "exact_chain": {
                "accuracy": round(self.chain_accuracy, 4),
                "correct": self.chains_equal,
                "gold": self.chains_total,
            },
            "whole_chains": {
                "accuracy": round(self.long_chain_accuracy, 4),
                "correct": self.long_chains_equal,
                "gold": self.long_chains_total,
            },
            "first_source": self.first_source.to_dict(),
            "false_sourced": {
                "rate": round(self.false_sourced_rate, 4),
                "wrong": self.false_sourced,
                "gold_not_sourced": self.not_sourced,
            },
            "families": {
                name: {"recall": round(right / total, 4) if total else 1.0, "right": right, "gold": total}
                for name, (right, total) in sorted(self.families.items())
            },
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _identity(link: Any) -> str:
    return link.source.identity


def score_document(gold: GoldDocument, predicted: Sequence[SentenceSuggestion]) -> Score:
    """Score one document's suggestions against its gold reading."""
    score = Score(gold.id)
    claims = [p for p in predicted if p.is_claim]
    matched: set[int] = set()
    for g in gold.sentences:
        # The predicted sentence that overlaps the gold one most (segmentation may differ).
        best, best_overlap = None, 0
        for n, p in enumerate(claims):
            overlap = _overlap((g.start, g.end), (p.start, p.end))
            if overlap > best_overlap:
                best, best_overlap = n, overlap
        p = claims[best] if best is not None and best not in matched else None
        if best is not None:
            matched.add(best)
        p_sourced = p is not None and p.tag == "sourced"
        score.sourced.expected += g.sourced
        score.sourced.predicted += p_sourced
        score.sourced.true_positive += g.sourced and p_sourced
        where = f"{gold.id} [{g.start}:{g.end}] {gold.text[g.start:g.end][:60]!r}"
        if g.sourced != p_sourced:
            score.misses.append(f"{where}: tag {'sourced' if g.sourced else 'not sourced'} expected")
        if not g.sourced:
            score.not_sourced += 1
            score.false_sourced += p_sourced
        # Direct source: position 0 of each chain.
        g_direct = g.chain[0] if g.sourced else None
        p_direct = p.links[0] if p_sourced and p.links else None
        for counts, exact in ((score.direct_exact, True), (score.direct_overlap, False)):
            counts.expected += g_direct is not None
            counts.predicted += p_direct is not None
            if g_direct is None or p_direct is None or g_direct.identity != _identity(p_direct):
                continue
            p_mention = (p_direct.mention.start, p_direct.mention.end) if p_direct.mention else None
            if g_direct.mention is None or p_mention is None:
                ok = g_direct.mention is None and p_mention is None
            elif exact:
                ok = g_direct.mention == p_mention
            else:
                ok = _overlap(g_direct.mention, p_mention) > 0
            counts.true_positive += ok
        first_right = (
            g_direct is not None and p_direct is not None and g_direct.identity == _identity(p_direct)
        )
        score.first_source.expected += g_direct is not None
        score.first_source.predicted += p_direct is not None
        score.first_source.true_positive += first_right
        if g.sourced:
            score.chains_total += 1
            g_chain = [link.identity for link in g.chain]
            p_chain = [_identity(link) for link in p.links] if p_sourced else []
            if g_chain == p_chain:
                score.chains_equal += 1
            elif p_sourced:
                score.misses.append(f"{where}: chain {g_chain} expected, got {p_chain}")
            if len(g_chain) > 1:
                score.long_chains_total += 1
                score.long_chains_equal += g_chain == p_chain
        p_flags = set(getattr(p, "flags", ()) or ()) if p is not None else set()
        for family in g.families:
            if family == "vague":
                right = p is not None and not p_sourced and "vague" in p_flags
            elif family == "cut":
                right = p is not None and p.is_claim and (p.tag == g.tag)
            elif family == "caption":
                right = first_right and "caption" in p_flags
            else:
                right = first_right
            counts = score.families.setdefault(family, [0, 0])
            counts[0] += right
            counts[1] += 1
        if "vague" in g.flags and "vague" not in p_flags:
            score.misses.append(f"{where}: flag vague expected")
        if "caption" in g.flags and "caption" not in p_flags:
            score.misses.append(f"{where}: flag caption expected")
    # Sourced predictions that match no gold sentence are false positives too, unless they are
    # a piece of a sourced gold sentence that the segmenter now splits in two (the gold keeps
    # the bounds read at annotation time): a piece sourced like its whole is no error.
    for n, p in enumerate(claims):
        if n not in matched and p.tag == "sourced":
            host = max(gold.sentences, key=lambda g: _overlap((g.start, g.end), (p.start, p.end)), default=None)
            if host is not None and host.sourced and _overlap((host.start, host.end), (p.start, p.end)) == p.end - p.start:
                continue
            score.sourced.predicted += 1
            score.direct_exact.predicted += 1
            score.direct_overlap.predicted += 1
            score.first_source.predicted += 1
    return score


def evaluate(
    gold: Sequence[GoldDocument], predictions: Sequence[Sequence[SentenceSuggestion]]
) -> tuple[list[Score], Score]:
    """Per-document scores and the overall (micro-averaged) score."""
    per_document = [score_document(g, p) for g, p in zip(gold, predictions, strict=True)]
    overall = Score("overall")
    for score in per_document:
        overall.add(score)
        overall.misses.extend(score.misses)
    return per_document, overall
