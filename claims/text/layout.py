"""How a news text is laid out, for the document pass: where its lines start and end, which
quotes a sentence opens or closes, which body segment is only a photo credit, and which lead
sentences a standfirst repeats from the body.

Pure Python (no Django, no spaCy).
"""

from __future__ import annotations

import re

from claims.text.credits import credit_only
from claims.text.registry import fold
from claims.text.results import SentenceSuggestion
from claims.text.segmentation import LineKind, Segment, line_bounds


def quote_marks(text: str) -> list[tuple[int, bool]]:
    """The quotation marks of a sentence in order, as (offset, opens): « » “ ” by their shape; a
    straight quote glued to the word after it opens ('"Nous'), glued to the word before it closes
    ('pérennes",'); a spaced one (' " ') opens at the start of the sentence or after a colon, and
    closes elsewhere."""
    out = []
    for n, c in enumerate(text):
        if c in "«“":
            out.append((n, True))
        elif c in "»”":
            out.append((n, False))
        elif c == '"':
            before = text[n - 1] if n > 0 else " "
            after = text[n + 1] if n + 1 < len(text) else " "
            if before.isspace() or before in "(:[":
                # 'l'instant ", a-t-il': spaced, after the words it closes
                spaced_close = (after.isspace() or after in ",.;:!?)…") and text[:n].strip() and not text[:n].rstrip().endswith(":")
                out.append((n, not spaced_close))
            else:
                out.append((n, False))
    return out


def credit_tail(text: str, seg: Segment) -> bool:
    """A body segment that is only a photo credit and ends its line, after a sentence on the
    same line: "Un ou des malfrats … (archives). KEYSTONE/PETER KLAUNZER sda-ats"."""
    if seg.kind is not LineKind.BODY or starts_line(text, seg.start) or not ends_line(text, seg.end):
        return False
    return credit_only(text[seg.start : seg.end])


LINE_BREAKS = "\n\r\u2028\u2029"


def starts_line(text: str, at: int) -> bool:
    """Only spaces or tabs between the line's start and ``at`` (looked at without copying the
    text before it: this runs for every body segment)."""
    k = at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in LINE_BREAKS


def ends_line(text: str, at: int) -> bool:
    """Only spaces or tabs between ``at`` and the line's end."""
    k = at
    while k < len(text) and text[k] in " \t":
        k += 1
    return k == len(text) or text[k] in LINE_BREAKS


def text_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, whitespace trimmed (the segmenter's lines)."""
    return list(line_bounds(text))


# A lead paragraph whose sentence says again what one body sentence says (most of its words), or
# two body sentences in a row: a standfirst, no claim of its own (the body's sentence is).
_STANDFIRST_ONE = 0.85
_STANDFIRST_TWO = 0.95
_STANDFIRST_LINES = 3  # the lead is among the text's first lines (headline included)


def standfirsts(lines: list[tuple[int, int]], out: list[SentenceSuggestion]) -> list[SentenceSuggestion]:
    """The lead's claims that the body repeats are its standfirst: not claims, so that the
    analyst annotates each claim once, in the body where it is told at length. ``lines`` are
    the text's (``text_lines``)."""
    if len(lines) <= _STANDFIRST_LINES:
        return out
    lead_end = lines[_STANDFIRST_LINES - 1][1]
    words = [_content_words(item.text) for item in out]
    figures = [_figures(item.text) for item in out]
    result = list(out)
    for n, item in enumerate(out):
        if item.start >= lead_end:
            break
        if not item.is_claim or item.kind != str(LineKind.BODY) or len(words[n]) < 5:
            continue
        line_end = next(end for start, end in lines if start <= item.start < end + 1)
        later = [k for k in range(n + 1, len(out)) if out[k].start > line_end]
        if len(later) < 3:
            continue
        # The same figures too: "le convoi 5" does not repeat "le convoi 0".
        best_one = max((len(words[n] & words[k]) for k in later if figures[n] <= figures[k]), default=0)
        best_two = max(
            (len(words[n] & (words[k] | words[k + 1])) for k in later[:-1] if figures[n] <= figures[k] | figures[k + 1]), default=0
        )
        if best_one >= _STANDFIRST_ONE * len(words[n]) or best_two >= _STANDFIRST_TWO * len(words[n]):
            result[n] = SentenceSuggestion(item.start, item.end, item.text, "standfirst", False, None)
    return result


def _figures(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+(?:[.,]\d+)?", text))


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", fold(text)) if len(w) >= 4 and not w.isdigit())
