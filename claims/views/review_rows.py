"""One compact row per claim in the review queue: its sentence once, with the claim's span and
each source's mention (numbered as in the chain) highlighted in it.

Offsets are code points; the sentence is the claim's text with the context that
``selectors.review_queue`` cut around it in SQL (``context_before`` / ``context_after``).
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim


def _mention_spans(claim: Claim, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """(start, end, position) of each mention inside [lo, hi), cut at the claim's edges so that
    they nest inside its mark or lie outside it; overlapping mentions keep the first."""
    spans: list[tuple[int, int, int]] = []
    for link in sorted(claim.attributions.all(), key=lambda a: a.position):
        if link.mention_start is None or link.mention_end is None:
            continue
        start, end = max(link.mention_start, lo), min(link.mention_end, hi)
        if start >= end:
            continue
        for a, b in ((start, min(end, claim.start)), (max(start, claim.start), min(end, claim.end)), (max(start, claim.end), end)):
            if a < b and not any(a < e and s < b for s, e, _ in spans):
                spans.append((a, b, link.position))
    return sorted(spans)


def queue_sentence_html(claim: Claim) -> SafeString:
    """The claim in its sentence: ``<mark>`` around the claim, ``<span class="q-mention">``
    (with the link's number) around each mention. All text goes through ``html.escape``."""
    before, after = claim.context_before or "", claim.context_after or ""
    lo = claim.start - len(before)
    window = before + claim.text + after
    hi = lo + len(window)
    mentions = _mention_spans(claim, lo, hi)
    cuts = sorted({lo, hi, claim.start, claim.end, *(s for s, _, _ in mentions), *(e for _, e, _ in mentions)})
    starts = {s: (e, position) for s, e, position in mentions}
    out: list[str] = []
    mention_end: int | None = None
    for a, b in zip(cuts, cuts[1:]):
        if a == claim.start:
            out.append('<mark class="q-claim">')
        if a in starts:
            mention_end, position = starts[a]
            out.append(
                f'<span class="q-mention" data-position="{position}">'
                f'<sup class="q-number" aria-hidden="true">{position + 1}</sup>'
            )
        out.append(escape(window[a - lo : b - lo], quote=False))
        if mention_end == b:
            out.append("</span>")
            mention_end = None
        if b == claim.end:
            out.append("</mark>")
    return mark_safe("".join(out))  # every text above went through html.escape
