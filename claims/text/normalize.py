"""Search keys for names: accents, case, punctuation and word order do not matter.

« Ministère de la Défense », « ministere defense » and « DÉFENSE, ministère » share their
words once folded. Pure Python, used by the registry search on both sides of the match.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")
# Apostrophes of every kind split « l’agence » into « l » and « agence ».
_SHORT_WORDS = frozenset({"l", "d", "de", "du", "des", "la", "le", "les", "et", "a", "au", "aux", "the", "of"})


def fold(text: str) -> str:
    """Lower case without accents: « Défense » -> « defense », « Œuvre » -> « œuvre »."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


def search_words(query: str) -> list[str]:
    """The words a search must find, folded, in order of first appearance, without repeats.

    French articles and prepositions are dropped unless the query has nothing else, so
    « ministère de la défense » matches « Défense (ministère) ».
    """
    words = list(dict.fromkeys(_WORD.findall(fold(query))))
    meaningful = [word for word in words if word not in _SHORT_WORDS]
    return meaningful or words


def search_key(text: str) -> str:
    """One string holding the folded words of ``text``, space-separated and sorted."""
    return " ".join(sorted(set(_WORD.findall(fold(text)))))
