"""How the attribution tests read the suggestions: one sentence by its words, its chain by name."""

from __future__ import annotations

from claims.text import attribution
from claims.text.registry import Registry, source_key


def run(registry: Registry, text: str):
    return attribution.suggest(text, registry)


def find(result, needle: str):
    (found,) = [s for s in result if needle in s.text]
    return found


def names(sentence) -> list[str]:
    """The chain as slugs for registry sources, folded names for new ones."""
    return [link.source.slug or source_key(link.source.name) for link in sentence.links]
