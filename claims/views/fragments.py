"""Rendered fragments of the annotate page, cached per document and claim state.

The text with its highlights and the claim list are functions of the document (its text and
sentences never change) and of the claims shown (their spans, tags, statuses, chains and latest
reviews). The key is a digest of exactly those, so any edit, review or chain change makes a new
key and a stale fragment is never served; unused keys age out of the cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from django.core.cache.backends.locmem import LocMemCache
from django.utils.safestring import SafeString, mark_safe

TIMEOUT = 60 * 60  # seconds; any change of state makes a new key anyway
# In the process's memory, not the shared cache: a fragment never goes stale (its key is its
# state), so sharing it would only add a round trip per page. Bounded: old keys are culled.
cache = LocMemCache("annotate-fragments", {"TIMEOUT": TIMEOUT, "OPTIONS": {"MAX_ENTRIES": 300}})


def _state(document, claims: Sequence) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{document.pk}|{len(document.sentence_spans)}|".encode())
    digest.update(document.text.encode())
    for c in claims:
        review = c.latest_review
        chain = ";".join(f"{s.name}/{s.kind}/{s.rating}" for s in c.chain_sources)  # cards show the rating
        digest.update(
            f"\n{c.pk}|{c.start}|{c.end}|{c.tag}|{c.status}|{c.version}|{chain}|{review.pk if review else ''}".encode()
        )
    return digest.hexdigest()


def cached_fragments(document, claims: Sequence, **render: Callable[[], SafeString]) -> dict[str, SafeString]:
    """``{name: html}`` for each ``name=render``, from the cache or rendered and stored."""
    state = _state(document, claims)
    keys = {name: f"annotate:{name}:{state}" for name in render}
    found = cache.get_many(keys.values())
    out = {}
    for name, key in keys.items():
        if key in found:
            out[name] = mark_safe(found[key])  # stored as rendered by text_html/claim_cards_html
        else:
            out[name] = render[name]()
            cache.set(key, str(out[name]), TIMEOUT)
    return out
