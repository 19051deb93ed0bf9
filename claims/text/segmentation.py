"""Line classification and sentence segmentation for French news articles.

Pure Python (no Django). The pipeline, in order:

1. Split the text on line breaks (``\\n``, ``\\r\\n``, ``\\r``, ``\\u2028``... the same set as
   :meth:`str.splitlines`). Every line is its own paragraph: a sentence never crosses a line
   break (splitting the whole text at once glues title lines onto the next sentence).
2. Classify each non-blank line (:func:`classify_line`, in ``claims.text.line_kinds``):
   boilerplate, publisher line, caption or photo credit, headline, or body.
3. A non-body line is exactly one segment of its kind. A body line is split into sentences by
   a rule-based splitter (or pysbd's French rules with ``CLAIMS_SEGMENTER=pysbd``), whose output is re-aligned on the original text by searching forward
   (never trusting its offsets), then wrong splits are merged back: after initials and
   abbreviations ("J.-C.", "Dr.", "Mme.", "St.", "Rep.", "Gen.", "n°"), while a « ... » quote
   is still open, and before a piece that cannot start a sentence (", a indiqué la source.").

Guarantees of :func:`segment_text`, for any ``str``: segments are ordered and disjoint, each is
non-empty and has no surrounding whitespace (``str.isspace``), every non-whitespace character
of the text lies in exactly one segment, offsets are ``str`` indices (code points), and it
never raises. Work is linear in the text length: pysbd is fed bounded chunks because its own
cost grows quadratically with the length of what it is given.
"""

from __future__ import annotations

import bisect
import os
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claims.text.line_kinds import _DANGLING_WORDS, LineKind, classify_line, publisher_name

__all__ = [
    "LineKind",
    "Segment",
    "classify_line",
    "provisional_title",
    "publisher_name",
    "segment_text",
    "title_from_segments",
    "title_of",
]


@dataclass(frozen=True, slots=True)
class Segment:
    start: int  # code point index into the text, inclusive
    end: int  # exclusive
    kind: LineKind

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


# --- line breaks -------------------------------------------------------------------------------

# Exactly the separators str.splitlines() uses, so "a line" means what Python means by it.
_LINE_BREAK_RE = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def line_bounds(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each stripped, non-blank line."""
    pos = 0
    n = len(text)
    while pos <= n:
        m = _LINE_BREAK_RE.search(text, pos)
        end = m.start() if m else n
        if end > pos:
            line = text[pos:end]
            stripped = line.lstrip()
            if stripped:
                a = pos + (len(line) - len(stripped))
                b = pos + len(line.rstrip())
                yield a, b
        if m is None:
            return
        pos = m.end()


# --- sentence splitting ------------------------------------------------------------------------

_segmenter_lock = threading.Lock()
_segmenter_cache: list = []  # [pysbd.Segmenter] once built, [None] if pysbd is unavailable


def _pysbd_segmenter():
    """The shared pysbd Segmenter, built on first use (building one per call is slow)."""
    if not _segmenter_cache:
        with _segmenter_lock:
            if not _segmenter_cache:
                try:
                    import pysbd

                    seg = pysbd.Segmenter(language="fr", clean=False, char_span=False)
                except Exception:  # pragma: no cover - pysbd missing or broken
                    seg = None
                _segmenter_cache.append(seg)
    return _segmenter_cache[0]


# Characters at which pysbd may end a sentence. A line without one of these before its end is
# one sentence, so pysbd (the costly step) is skipped.
_TERMINATORS_RE = re.compile("[.!?…。！？‼⁇⁈⁉]")
_TRAILING = ".!?…。！？‼⁇⁈⁉\"'”’»)]}› \t\u00a0\u202f"

# pysbd's cost grows with the square of its input; long lines are fed to it in chunks cut at a
# likely sentence end (else at a space, else anywhere) near this size.
_CHUNK = 2000
# (The lookbehinds make a run of dots one match attempt, not one per dot: no quadratic scans.)
_CHUNK_BOUNDARY_RE = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+\s+")
_SPACE_RE = re.compile(r"\s+")
# Sentences pysbd returns are searched for this far past where they are expected.
_ALIGN_SLACK = 64
_ALIGN_PREFIX = 12

# Fallback when pysbd is unavailable or fails: end a sentence at . ! ? … followed by space and
# a capital, a digit or an opening quote.
_FALLBACK_BOUNDARY_RE = re.compile(
    r"(?<![.!?…。！？])[.!?…。！？]++[\"'”’»)\]]*+\s+(?=[«\"“(\[\dA-ZÀ-ÖØ-Þ])"
)


def _chunks(line: str) -> Iterator[tuple[int, int]]:
    n = len(line)
    lo = 0
    while lo < n:
        hi = lo + _CHUNK
        if hi >= n:
            yield lo, n
            return
        window_lo = lo + _CHUNK // 2
        cut = None
        for m in _CHUNK_BOUNDARY_RE.finditer(line, window_lo, hi):
            cut = m.end()
        if cut is None:
            for m in _SPACE_RE.finditer(line, window_lo, hi):
                cut = m.end()
        if cut is None or cut <= lo:
            cut = hi
        yield lo, cut
        lo = cut


# The rule-based splitter: a sentence may end at . ! ? … (and closing quotes or brackets) before
# white space; the merge rules below then glue back the wrong splits (abbreviations, initials,
# open quotes, a lowercase word that cannot start a sentence). On the seed articles and on a
# synthetic corpus of 2,000 articles it gives exactly pysbd's segments, about 15 times faster
# (pysbd runs dozens of regular expressions over every chunk), so it is the default;
# CLAIMS_SEGMENTER=pysbd brings pysbd back.
_RULE_BOUNDARY_RE = re.compile(r"(?<![.!?…。！？])[.!?…。！？]++[\"'”’»)\]]*+\s+(?=\S)")


def _rule_sentences(chunk: str) -> list[str]:
    out = []
    lo = 0
    for m in _RULE_BOUNDARY_RE.finditer(chunk):
        out.append(chunk[lo : m.end()])
        lo = m.end()
    out.append(chunk[lo:])
    return out


def _raw_sentences(chunk: str) -> list[str]:
    if os.environ.get("CLAIMS_SEGMENTER", "rules") != "pysbd":
        return _rule_sentences(chunk)
    seg = _pysbd_segmenter()
    if seg is not None:
        try:
            # The processor alone: Segmenter.segment() then re-finds every sentence in the text
            # from its start (quadratic) and drops the ones it cannot find. We align ourselves.
            return seg.processor(chunk).process()
        except Exception:
            try:
                return seg.segment(chunk)
            except Exception:
                pass
    out = []
    lo = 0
    for m in _FALLBACK_BOUNDARY_RE.finditer(chunk):
        out.append(chunk[lo : m.end()])
        lo = m.end()
    out.append(chunk[lo:])
    return out


def _sentence_starts(line: str, lo: int, hi: int) -> list[int]:
    """Start offsets (in ``line``) of the sentences pysbd finds in ``line[lo:hi]``.

    pysbd may alter characters (it restores its placeholder symbols as punctuation), so each
    sentence is searched for a little past where it is expected; a sentence that cannot be found
    is skipped, which only joins it to the previous one. Never quadratic: every search is bounded.
    """
    chunk = line[lo:hi]
    starts = [lo]
    cursor = 0  # in chunk
    pending = 0  # length of text skipped since the last sentence found
    for sent in _raw_sentences(chunk):
        if not isinstance(sent, str):
            sent = getattr(sent, "sent", None)
            if not isinstance(sent, str):
                continue
        t = sent.strip()
        if not t:
            continue
        limit = min(len(chunk), cursor + pending + len(t) + _ALIGN_SLACK)
        p = chunk.find(t, cursor, limit)
        if p >= 0:
            starts.append(lo + p)
            cursor = p + len(t)
            pending = 0
            continue
        prefix = t[:_ALIGN_PREFIX]
        limit = min(len(chunk), cursor + pending + len(prefix) + _ALIGN_SLACK)
        p = chunk.find(prefix, cursor, limit)
        if p >= 0:
            starts.append(lo + p)
            cursor = p + len(prefix)
            pending = len(t) - len(prefix)
        else:
            pending += len(t)
    return starts


def _pieces(line: str) -> list[tuple[int, int]]:
    """Stripped (start, end) spans of the sentences pysbd finds in a stripped line."""
    n = len(line)
    core = line.rstrip(_TRAILING)
    if _TERMINATORS_RE.search(core) is None:
        return [(0, n)]
    cuts: list[int] = []
    for lo, hi in _chunks(line):
        cuts.extend(_sentence_starts(line, lo, hi))
    cuts.append(n)
    spans = []
    prev = -1
    for i in range(len(cuts) - 1):
        a, b = cuts[i], cuts[i + 1]
        if a <= prev or b <= a:
            continue
        prev = a
        piece = line[a:b]
        s = piece.lstrip()
        if not s:
            continue
        a2 = a + (len(piece) - len(s))
        b2 = a + len(piece.rstrip())
        spans.append((a2, b2))
    return spans or [(0, n)]


# --- merging wrong splits ----------------------------------------------------------------------

# Abbreviations after which a period does not end a sentence (case-sensitive, with the period).
_ABBREVIATIONS = frozenset(
    """
    M. MM. Mme. Mmes. Mlle. Mlles. Me. Mes. Dr. Drs. Pr. Prof. Mgr. Mgrs. St. Ste. Sts. Stes.
    Gén. Gen. Gal. Gl. Col. Cdt. Cmdt. Lt. Lieut. Sgt. Capt. Cne. Adj. Maj. Cpl. Rep. Reps. Sen.
    Sén. Gov. Pres. Prés. Rev. Hon. Mr. Mrs. Ms. Sr. Jr. Cie. Ets. Bd. Av. Ave. Fg. Fbg. Vve.
    av. apr. cf. env. ex. p. pp. vol. art. chap. fig. éd. réf. tél. coll. dir. trad. vs. No. no.
    n° N° nº Nº n°. N°. nº. Nº.
    """.split()
)
# Months shortened in dates ("27 avr. 2005"): no sentence ends there when a year follows.
_MONTH_ABBREVIATIONS = frozenset("janv. févr. fév. avr. juil. sept. oct. nov. déc. dec.".split())
# A single capital initial after one of these ("le plan B.", "la vitamine D.") is not a name.
_DETERMINERS = frozenset(
    "le la les l' un une du des au aux ce cet cette son sa ses leur leurs mon ma mes notre nos "
    "votre vos".split()
)
# A piece starting with one of these continues the previous one: ", a indiqué la source."
_CONTINUATION_START = ",;:)]}»”’….!?"
_OPENERS = "([{«“\"'‘‹"

_QUOTE_CHARS_RE = re.compile("[«»“”]")


def _last_token(s: str) -> str:
    parts = s.rsplit(None, 1)
    tok = parts[-1] if parts else ""
    return tok.lstrip(_OPENERS)


def _first_token(s: str) -> str:
    parts = s.split(None, 1)
    return parts[0] if parts else ""


def _is_initials(tok: str) -> int:
    """Number of capital initials if ``tok`` is like "J.", "J.-C.", "-C.", "U.S.", else 0."""
    if len(tok) < 2 or tok[-1] != "." or len(tok) > 16:
        return 0
    body = tok[1:] if tok[0] in "-‐–" else tok
    count = 0
    i = 0
    while i < len(body):
        c = body[i]
        if not (c.isalpha() and c.isupper()):
            return 0
        if i + 1 >= len(body) or body[i + 1] != ".":
            return 0
        count += 1
        i += 2
        if i < len(body) and body[i] in "-‐–":
            i += 1
    return count


def _glue_after(prev: str, nxt: str) -> bool:
    """True if the split between two adjacent pieces of a line is a wrong one."""
    first = nxt[0]
    if first in _CONTINUATION_START:
        return True
    tok = _last_token(prev)
    if tok in _ABBREVIATIONS:
        return True
    if tok.casefold() in _MONTH_ABBREVIATIONS and first.isdigit():
        return True  # "27 avr. 05", "le 3 janv. 2024"
    n_init = _is_initials(tok)
    if n_init and (first.isupper() or first in "-‐–"):
        if n_init >= 2 or tok[0] in "-‐–":
            return True  # "J.-C.", "U.S.", "-C."
        # One initial: a name ("J. Smith", "selon M. Dupont"), unless it is a letter after a
        # determiner ("le plan B.", "la vitamine D.", "le groupe A.").
        words = prev.rsplit(None, 3)[:-1]
        words = [w.casefold().replace("’", "'") for w in words]
        if words and (words[-1] in _DETERMINERS or (
            len(words) >= 2 and words[-2] in _DETERMINERS and words[-1].isalpha()
            and words[-1].islower()
        )):
            return False
        return True
    # A sentence does not start with a lowercase word ("a-t-il dit", "poursuit-il"). Names with
    # a capital inside ("al-Abadi", "iPhone", "eBay") do start sentences, so they are left alone.
    head = _first_token(nxt)
    if head and head[0].islower() and not any(c.isupper() for c in head):
        return True
    return False


_TAIL = 200  # how much of the previous piece the glue rules look at (keeps merging linear)
_HEAD = 64  # how much of the next piece they look at


def _merge(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(spans) < 2:
        return spans
    # Quote marks of each family, in order: (positions, is_opening).
    marks: dict[str, tuple[list[int], list[bool]]] = {"«": ([], []), "“": ([], [])}
    for m in _QUOTE_CHARS_RE.finditer(line):
        ch = m.group()
        pos, opening = marks["«" if ch in "«»" else "“"]
        pos.append(m.start())
        opening.append(ch in "«“")
    depth = {"«": 0, "“": 0}

    def feed(a: int, b: int) -> None:
        for family, (pos, opening) in marks.items():
            i = bisect.bisect_left(pos, a)
            while i < len(pos) and pos[i] < b:
                if opening[i]:
                    depth[family] += 1
                elif depth[family] > 0:
                    depth[family] -= 1
                i += 1

    def quote_still_open(b: int) -> bool:
        # A quote is open and the next mark of its family closes it: the split fell inside the
        # quote. If the next mark opens another quote, the first one was never closed: an
        # unbalanced « must not swallow the rest of the paragraph.
        for family, (pos, opening) in marks.items():
            if depth[family] > 0:
                i = bisect.bisect_left(pos, b)
                if i < len(pos) and not opening[i]:
                    return True
        return False

    merged: list[tuple[int, int]] = []
    cur_a, cur_b = spans[0]
    feed(cur_a, cur_b)
    for a, b in spans[1:]:
        if quote_still_open(cur_b) or _glue_after(
            line[max(cur_a, cur_b - _TAIL) : cur_b], line[a : min(b, a + _HEAD)]
        ):
            cur_b = b
        else:
            merged.append((cur_a, cur_b))
            cur_a, cur_b = a, b
            depth["«"] = depth["“"] = 0
        feed(a, b)
    merged.append((cur_a, cur_b))
    return merged


_SENTENCE_END_BEFORE_QUOTE = ".!?…"


def _split_after_quotes(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split after a quote that closes on its own final punctuation and is followed by a new
    sentence: "« Nous partons. » Le ministre a quitté la salle." (pysbd keeps these together).

    Only where every quote mark is closed (depth back to 0) and the next word is capitalised; a
    cue after the quote (", a-t-il dit", "a-t-il lancé") keeps the quote in its sentence.
    """
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if "»" not in line[a:b] and "”" not in line[a:b]:
            out.append((a, b))
            continue
        depth = {"«": 0, "“": 0}
        start = a
        for m in _QUOTE_CHARS_RE.finditer(line, a, b):
            ch = m.group()
            family = "«" if ch in "«»" else "“"
            if ch in "«“":
                depth[family] += 1
                continue
            if depth[family] > 0:
                depth[family] -= 1
            if depth["«"] or depth["“"]:
                continue
            j = m.start() - 1  # last non-space before the closing mark (a few spaces at most)
            while j >= start and m.start() - j <= 4 and line[j].isspace():
                j -= 1
            if j < start or line[j] not in _SENTENCE_END_BEFORE_QUOTE:
                continue
            rest = line[m.end() : min(b, m.end() + _HEAD)]
            nxt = rest.lstrip()
            if len(nxt) == len(rest) or not nxt or not (nxt[0].isalpha() and nxt[0].isupper()):
                continue
            out.append((start, m.end()))
            start = m.end() + (len(rest) - len(nxt))
        out.append((start, b))
    return out


def _body_sentences(line: str) -> list[tuple[int, int]]:
    try:
        return _split_after_quotes(line, _merge(line, _pieces(line)))
    except Exception:  # pragma: no cover - never lose a line: fall back to one sentence
        return [(0, len(line))]


# --- public API --------------------------------------------------------------------------------


_CUT_END_RE = re.compile(r"(?:\.\.\.|…|\b\w{1,2}['’]\w{0,3})$")


def _cut_last_line(line: str) -> bool:
    """A last line cut mid-sentence ("… jusqu'à l'ar", "… de l'ar...", "… et qu'elle"): body
    text, not a headline."""
    words = line.split()
    if len(words) > 12 or (len(words) > 3 and bool(_CUT_END_RE.search(line))):
        return True
    last = words[-1].lower() if words else ""
    # A clause that waits for its next word: "… nécessaire et qu'elle", "… a estimé que".
    return len(words) > 6 and (last in _DANGLING_WORDS or bool(_ELIDED_PRONOUN_RE.match(last)))


_ELIDED_PRONOUN_RE = re.compile(r"^(?:qu|lorsqu|puisqu|s)['’](?:il|ils|elle|elles|on)$")


def _iter_segments(text: str) -> Iterator[Segment]:
    lines = list(line_bounds(text))
    for n, (a, b) in enumerate(lines):
        line = text[a:b]
        kind = classify_line(line)
        if kind is LineKind.HEADLINE and n == len(lines) - 1 and n > 0 and _cut_last_line(line):
            kind = LineKind.BODY
        if kind is not LineKind.BODY:
            yield Segment(a, b, kind)
            continue
        for s, e in _body_sentences(line):
            yield Segment(a + s, a + e, LineKind.BODY)


def segment_text(text: str) -> list[Segment]:
    """Ordered, disjoint segments covering every non-whitespace character of ``text``."""
    if not isinstance(text, str) or not text:
        return []
    return list(_iter_segments(text))


_TITLE_SENTENCE_MAX = 120
_TITLE_HEADLINE_MAX = 200


def _shorten(s: str, limit: int) -> str:
    s = " ".join(s.split())
    if len(s) <= limit:
        return s
    cut = s.rfind(" ", 0, limit + 1)
    if cut < limit // 2:
        cut = limit
    return s[:cut].rstrip(" ,;:-–—") + "…"


def title_of(text: str) -> str:
    """The article's title: the headline line that opens it, else its first sentence.

    Boilerplate, publisher lines and captions before the text are skipped. Only a headline
    before the first body sentence counts: a later one is a sub-heading. The first sentence is
    shortened to about 120 characters at a word boundary (with "…"). Whitespace is collapsed.
    """
    if not isinstance(text, str) or not text:
        return ""
    return title_from_segments(text, _iter_segments(text))


def provisional_title(text: str) -> str:
    """A title that costs nothing: the first non-blank line, shortened as ``title_of`` does.
    A batch import stores it and the segmentation replaces it with ``title_of``'s."""
    for a, b in line_bounds(text):
        return _shorten(text[a:b], _TITLE_SENTENCE_MAX)
    return ""


def title_from_segments(text: str, segments: Iterable[Segment]) -> str:
    """``title_of`` for a text whose segments are known already (no second segmentation)."""
    try:
        fallback = None
        for seg in segments:
            if seg.kind is LineKind.HEADLINE:
                return _shorten(seg.text_of(text), _TITLE_HEADLINE_MAX)
            if seg.kind is LineKind.BODY:
                return _shorten(seg.text_of(text), _TITLE_SENTENCE_MAX)
            if fallback is None and seg.kind is LineKind.CAPTION:
                fallback = seg
        return _shorten(fallback.text_of(text), _TITLE_SENTENCE_MAX) if fallback else ""
    except Exception:  # pragma: no cover
        return ""
