"""The annotate page's two large fragments, built in Python: the text sentence by sentence with
the claims highlighted (``text_html``) and the claim list (``claim_cards_html``).

A long document has hundreds of sentences and a hundred cards: built from strings, every text
through ``html.escape``, they cost a fraction of the template includes they match byte for byte
(tests compare them). ``claims.views.fragments`` caches what they return.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from html import escape as html_escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from claims.models import Claim, ClaimStatus, ClaimTag, Sentence, SentenceKind, SourceRating

# --- the text, sentence by sentence, with the claims highlighted --------------------------------

STATUS_GLYPHS = {"draft": "", "submitted": "…", "approved": "✓", "rejected": "✗"}
KIND_LABELS = {
    SentenceKind.HEADLINE: "Headline",
    SentenceKind.CAPTION: "Caption",
    SentenceKind.PUBLISHER: "Publisher line",
    SentenceKind.BOILERPLATE: "Boilerplate",
}


# ``get_tag_display()`` / ``get_status_display()`` without rebuilding the choices dict per call.
TAG_LABELS = dict(ClaimTag.choices)
STATUS_LABELS = dict(ClaimStatus.choices)
RATING_LABELS = {value: str(label) for value, label in SourceRating.choices}


def _claim_title(claim: Claim) -> str:
    tag, status = TAG_LABELS.get(claim.tag, claim.tag), STATUS_LABELS.get(claim.status, claim.status)
    return f"{tag} claim, {str(status).lower()}"


def text_html(text: str, sentences: Sequence[Sentence], claims: Sequence[Claim]) -> SafeString:  # or sentence rows
    """The document's text as HTML: every character once, in order, inside a ``.t`` piece.

    Each piece carries ``data-start`` (its first code point), so that the concatenated text of
    the pieces is ``text`` and annotate.js can turn any DOM position into an offset. Sentences
    wrap their pieces; pieces are cut at every claim boundary and list the claims covering them
    (innermost first), so overlapping claims stay visible. Markers and labels sit outside the
    pieces, out of the offsets.

    Built with f-strings rather than templates or ``format_html`` (a long article has thousands
    of pieces): numbers and choice values go in as they are, all text through ``html.escape``.
    """
    n = len(text)
    cuts = {0, n}
    for item in (*sentences, *claims):
        cuts.update((min(max(item.start, 0), n), min(max(item.end, 0), n)))
    bounds = sorted(cuts)
    by_start = sorted(claims, key=lambda c: (c.start, c.end))
    titles = {c.pk: html_escape(_claim_title(c)) for c in claims}
    starts: dict[int, list[Claim]] = {}
    for claim in by_start:
        starts.setdefault(claim.start, []).append(claim)
    out: list[str] = []
    active: list[Claim] = []
    next_claim = 0
    sentence_iter = iter(sentences)
    sentence = next(sentence_iter, None)
    for a, b in zip(bounds, bounds[1:]):
        while next_claim < len(by_start) and by_start[next_claim].start <= a:
            active.append(by_start[next_claim])
            next_claim += 1
        if active:
            active = [c for c in active if c.end > a]
        while sentence is not None and sentence.end <= a:
            sentence = next(sentence_iter, None)
        if sentence is not None and sentence.start == a:
            i = int(sentence.index)
            out.append(
                f'<span class="sentence kind-{html_escape(sentence.kind)}" id="s-{i}" data-index="{i}" '
                f'data-start="{int(sentence.start)}" data-end="{int(sentence.end)}" tabindex="-1">'
            )
            if sentence.kind in KIND_LABELS:
                out.append(f'<span class="kind-label">{KIND_LABELS[sentence.kind]}</span>')
        for claim in starts.get(a, ()):
            letter = "S" if claim.tag == ClaimTag.SOURCED else "U"
            out.append(
                f'<span class="marker tag-{html_escape(claim.tag)} status-{html_escape(claim.status)}" '
                f'data-claim="{int(claim.pk)}" aria-hidden="true" title="{titles[claim.pk]}">'
                f"{letter}{STATUS_GLYPHS.get(claim.status, '')}</span>"
            )
        piece = html_escape(text[a:b], quote=False)
        if active:
            covering = sorted(active, key=lambda c: (c.end - c.start, c.start))
            classes = " ".join(["t", "hl", *sorted({f"hl-{html_escape(c.tag)}" for c in covering})])
            if len(covering) > 1:
                classes += " hl-overlap"
            ids = " ".join(str(int(c.pk)) for c in covering)
            title = "; ".join(titles[c.pk] for c in covering)
            out.append(f'<mark class="{classes}" data-start="{a}" data-claims="{ids}" title="{title}">{piece}</mark>')
        else:
            out.append(f'<span class="t" data-start="{a}">{piece}</span>')
        if sentence is not None and sentence.end == b:
            out.append("</span>")
            sentence = next(sentence_iter, None)
    return mark_safe("".join(out))  # every text above went through html_escape


# --- the claim list, card by card ---------------------------------------------------------------

CARD_TEXT_CHARS = 180  # claim_card.html's ``truncatechars:180``
_URL_PLACEHOLDER = 987654321  # a claim number that no other part of the URL contains


def _card_text(text: str) -> str:
    """``text|truncatechars:180``: Truncator's output, without walking every short text."""
    normalized = unicodedata.normalize("NFC", text)
    if len(normalized) <= CARD_TEXT_CHARS:  # combining characters only lower the count
        return normalized
    if not any(map(unicodedata.combining, normalized)):
        # Every code point counts, so the cut falls in the first 181: Truncator reads only those.
        return Truncator(normalized[: CARD_TEXT_CHARS + 1]).chars(CARD_TEXT_CHARS)
    return Truncator(text).chars(CARD_TEXT_CHARS)


def claim_cards_html(claims: Sequence[Claim]) -> SafeString:
    """The annotate page's claim list: ``<li>`` + claim_card.html (``link=True``) for each claim.

    The same markup as the template, byte for byte (tests compare them), built like
    ``text_html``: a long document has a hundred cards, each a template include with its chain
    include and two ``{% url %}``. Claims come from ``selectors.document_for_annotation``
    (``chain_links`` and ``latest_reviews``); all text goes through ``html.escape``.
    """
    tag_labels = {value: str(label) for value, label in TAG_LABELS.items()}
    status_labels = {value: str(label) for value, label in STATUS_LABELS.items()}
    # Reverse once, not per card: the claim's number goes between prefix and suffix.
    edit_prefix, edit_suffix = map(html_escape, reverse("claims:claim-edit", args=[_URL_PLACEHOLDER]).split(str(_URL_PLACEHOLDER)))
    page_urls: dict[int, str] = {}
    out: list[str] = []
    for claim in claims:
        pk = int(claim.pk)
        tag, status = html_escape(claim.tag), html_escape(claim.status)
        if claim.document_id not in page_urls:
            page_urls[claim.document_id] = html_escape(reverse("claims:document-annotate", args=[claim.document_id]))
        out.append(
            f'\n          <li>\n<article class="claim-card tag-{tag} status-{status}" id="card-{pk}" data-claim-id="{pk}">\n'
            f'  <a class="card-open" href="{page_urls[claim.document_id]}?claim={pk}" hx-get="{edit_prefix}{pk}{edit_suffix}" '
            f'hx-target="#claim-panel" data-claim="{pk}">\n'
            f'  <span class="card-head">\n'
            f'    <span class="tag-badge tag-{tag}"><span aria-hidden="true">{"◆" if claim.tag == "sourced" else "◇"}</span> '
            f"{html_escape(tag_labels.get(claim.tag, claim.tag))}</span>\n"
            f'    <span class="status status-{status}">{html_escape(status_labels.get(claim.status, claim.status))}</span>\n'
            f"  </span>\n"
            f'  <span class="card-text">{html_escape(_card_text(claim.text))}</span>\n  '
        )
        if claim.tag == "sourced":
            out.append('<span class="card-chain"><span class="visually-hidden">Chain: </span>\n<span class="chain">')
            sources = claim.chain_sources
            for i, source in enumerate(sources):
                if i:
                    out.append(' <span class="arrow" aria-hidden="true">→</span> ')
                out.append(f'<span class="chain-source kind-{html_escape(source.kind)}">{html_escape(source.name)}')
                if source.rating:  # as chain.html: the credibility rating after the name
                    out.append(
                        f' <small class="rating rating-{html_escape(source.rating)}" title="Credibility rating">'
                        f"{html_escape(RATING_LABELS.get(source.rating, source.rating))}</small>"
                    )
                out.append("</span>")
            if not sources:
                out.append('<span class="muted">no source yet</span>')
            out.append("</span>\n</span>")
        out.append("\n  </a>\n  ")
        review = claim.latest_review
        if review is not None and (review.comment or review.reason):
            out.append(
                f'\n  <p class="review-comment"><strong>{html_escape(str(review.get_decision_display()))}'
                f'{"ed" if review.decision == "reject" else "d"} by {html_escape(str(review.reviewer))}</strong>'
            )
            if review.reason:
                out.append(f" ({html_escape(str(review.get_reason_display()).lower())})")
            if review.comment:
                out.append(f": {html_escape(review.comment)}")
            out.append("</p>\n  ")
        out.append("\n</article>\n</li>\n          ")
    return mark_safe("".join(out))  # every text above went through html_escape
