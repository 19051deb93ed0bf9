"""Rendered parts of the annotate page, cached per document and state.

The text with its highlights and the claim list are functions of the document (its text and
sentences never change once there) and of the claims shown (their spans, tags, statuses,
chains and latest reviews); the Source box's registry, of the registry. Their keys are made of
``selectors.annotation_state``'s digests of exactly those, read in one query, so a cached page
loads none of them, and any edit, review, chain change, deletion or source change makes a new
key: a stale part is never served; unused keys age out of the cache.

A part is stored only if the state read again after rendering it is still the one its key was
made of, so what a concurrent write changed in between is rendered again by the next request.
Nothing here depends on the user beyond the claims they may see (which the digest covers): no
CSRF token, no permission-dependent markup.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable

from django.core.cache.backends.locmem import LocMemCache
from django.template.response import TemplateResponse
from django.utils.safestring import SafeString, mark_safe

from claims.selectors import AnnotationState

TIMEOUT = 60 * 60  # seconds; any change of state makes a new key anyway
# In the process's memory, not the shared cache: a part never goes stale (its key is its
# state), so sharing it would only add a round trip per page. Bounded: old keys are culled.
cache = LocMemCache("annotate-fragments", {"TIMEOUT": TIMEOUT, "OPTIONS": {"MAX_ENTRIES": 300}})


def _document_key(document, state: AnnotationState) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{document.pk}|{state.sentences}|{state.claims}|{state.claims_digest}|".encode())
    digest.update(document.text.encode())
    return digest.hexdigest()


def keys(document, state: AnnotationState) -> dict[str, str]:
    """The cache key of each part: ``text`` and ``claim_cards`` (of the document and the claims
    shown), ``registry`` (of the registry alone: the same for every document)."""
    document_key = _document_key(document, state)
    return {
        "text": f"annotate:text:{document_key}",
        "claim_cards": f"annotate:claim_cards:{document_key}",
        "registry": f"annotate:registry:{state.registry_digest}",
    }


def cached_fragments(
    document, state: AnnotationState, *, state_now: Callable[[], AnnotationState], **render: Callable[[], SafeString]
) -> dict[str, bytes]:
    """``{name: html}`` (UTF-8) for each ``name=render`` (names of ``keys``), from the cache or
    rendered.

    ``state`` was read before anything ``render`` reads; ``state_now()`` reads it again: the
    rendered parts are stored only if it has not changed meanwhile.
    """
    names = keys(document, state)
    wanted = {name: names[name] for name in render}
    found = cache.get_many(wanted.values())
    out, rendered = {}, {}
    for name, key in wanted.items():
        if key in found:
            out[name] = found[key]  # stored as rendered by the callers' builders (all text escaped)
        else:
            out[name] = rendered[key] = str(render[name]()).encode()
    if rendered and state_now() == state:
        cache.set_many(rendered, TIMEOUT)
    return out


# --- splicing them into the rendered page -------------------------------------------------------
# A page carries ~200 kB of cached parts; through the template engine they would be joined into
# every enclosing node's output in turn and encoded again each time. The template gets a short
# placeholder instead, and the parts, already UTF-8, go into the response once it is rendered.
# The placeholder holds a secret of this process: no text of a page (all of it escaped, and
# never this secret) can take its form.

_SECRET = secrets.token_hex(16)
_PLACEHOLDER = re.compile(rb"<!--fragment:" + _SECRET.encode() + rb":(\w+)-->")


def placeholder(name: str) -> SafeString:
    """What the template shows where the part ``name`` goes (``splice_into``)."""
    return mark_safe(f"<!--fragment:{_SECRET}:{name}-->")


def splice_into(response: TemplateResponse, parts: dict[str, bytes]) -> TemplateResponse:
    """Once ``response`` is rendered, each ``placeholder(name)`` in it becomes ``parts[name]``."""

    def splice(rendered: TemplateResponse) -> None:
        pieces = _PLACEHOLDER.split(rendered.content)
        # split() alternates the text between placeholders and the names they held.
        rendered.content = [parts[piece.decode()] if i % 2 else piece for i, piece in enumerate(pieces)]

    response.add_post_render_callback(splice)
    return response
