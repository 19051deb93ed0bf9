"""The source registry as plain data, and matching of source mentions against it.

Pure Python (no Django): the caller builds ``RegistryEntry`` values from wherever the
registry lives (``claims.Source`` rows, ``fixtures/sources.json``) and passes them in.

Matching ignores case, accents, the apostrophe variant (' or ’), hyphens and a leading
article (l', d', le, la, les, du, de): "l’agence de presse Mehr", "L'agence de presse mehr"
and "agence de presse Mehr" are one key.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "KINDS", "RegistryEntry", "Registry", "fold", "alias_key", "loose_key", "source_key", "entries_from_json",
    "spelling_key", "spelled_alike", "proper_name",
]

# The kinds a source can have (the same values as claims.models.SourceKind).
KINDS = ("news_outlet", "person", "institution", "anonymous", "document", "other")

# The registry's marker for vague attribution ("on estime", "selon des informations").
VAGUE_SLUG = "vague-attribution"

_APOSTROPHES = "’‘`´ʼ′"
_DASHES = "-‐‑‒–—―"
_LEADING_ARTICLES = ("l'", "d'", "le ", "la ", "les ", "du ", "de ")
_SPACES_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class RegistryEntry:
    """One source of the registry: its stable slug, display name, kind and surface forms."""

    slug: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def is_vague(self) -> bool:
        return self.slug == VAGUE_SLUG


# fold() of the short strings seen so far: the cue rules fold every token of every sentence,
# and the same few thousand words come back all the time. Cleared when it grows past the limit.
_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 100_000
_FOLDED_LEN = 40


def fold(text: str) -> str:
    """Lowercase, without accents, one apostrophe, hyphens as spaces, single spaces."""
    folded = _FOLDED.get(text)
    if folded is None:
        folded = _fold(text)
        if text is not None and len(text) <= _FOLDED_LEN:
            if len(_FOLDED) >= _FOLDED_MAX:
                _FOLDED.clear()
            _FOLDED[text] = folded
    return folded


def _fold(text: str, hyphen: str = " ") -> str:
    text = unicodedata.normalize("NFKD", text or "")
    out = []
    for n, ch in enumerate(text):
        if unicodedata.combining(ch):
            continue
        if ch in _APOSTROPHES:
            out.append("'")
        elif ch in _DASHES:
            inside = 0 < n < len(text) - 1 and text[n - 1].isalnum() and text[n + 1].isalnum()
            out.append(hyphen if inside else " ")
        else:
            out.append(ch)
    folded = "".join(out).casefold().replace("' ", "'")
    return _SPACES_RE.sub(" ", folded).strip(" \t,;:.!?«»\"()[]")


def loose_key(text: str) -> str:
    """``alias_key`` without a leading indefinite article either ("un", "une", "des")."""
    key = alias_key(text)
    for article in ("un ", "une ", "des "):
        if key.startswith(article) and len(key) > len(article):
            return key[len(article) :]
    return key


def source_key(name: str) -> str:
    """How two names of proposed sources are compared: ``alias_key`` without a trailing
    acronym in brackets ("agence régionale de santé (ARS)" is "agence régionale de santé")."""
    return alias_key(re.sub(r"\s*\([^()]{1,12}\)?\s*$", "", name) or name)


_SPELLING_ARTICLES = ("al ", "el ", "an ", "as ", "ar ", "ash ", "ad ")
_SPELLING_TAILS = (" news", " tv", " media", " network", " agency", " (", " television")


def spelling_key(name: str) -> str:
    """A name reduced to what survives transliteration: no article ("al-", "el-"), no
    "News"/"TV" tail, letters only ("Al-Maaloumah" and "al-Maalouma": "maaloumah", "maalouma")."""
    key = alias_key(name)
    for tail in _SPELLING_TAILS:
        if tail in key:
            key = key[: key.index(tail)]
    for article in _SPELLING_ARTICLES:
        if key.startswith(article):
            key = key[len(article) :]
    key = re.sub(r"[^a-z0-9]", "", key)
    return key[:-4] if key.endswith("news") and len(key) >= 8 else key  # "Farsnews" is Fars


def proper_name(name: str) -> bool:
    """A name written as one (every word capitalised but an article or particle): "al-Sumeriya
    News", not "agence de presse saoudienne"."""
    words = [w for w in re.split(r"[\s\-]+", name.strip()) if w]
    return bool(words) and len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in {"al", "el", "an", "as", "ar", "ad", "de", "du"} for w in words)


def spelled_alike(a: str, b: str) -> bool:
    """Two spelling keys of one name: long enough to tell apart and nearly the same letters."""
    if a == b and len(a) >= 4:
        return True  # "Farsnews" and "Fars News Agency": the same letters once the tail is off
    if min(len(a), len(b)) < 6 or a[0] != b[0] or max(len(a), len(b)) > 16 or abs(len(a) - len(b)) > 2:
        return False
    if re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False  # "France" is not "France 24"
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def alias_key(text: str) -> str:
    """The key a mention and an alias are compared by (``fold`` without a leading article)."""
    key = fold(text)
    changed = True
    while changed:
        changed = False
        for article in _LEADING_ARTICLES:
            if key.startswith(article) and len(key) > len(article):
                key = key[len(article) :].lstrip()
                changed = True
    return key


class Registry:
    """The registry's entries with an index from alias key to entry.

    Where two entries share a key (the registry's README forbids it, but a user may add one),
    the first entry keeps it: matching stays deterministic.
    """

    __slots__ = ("entries", "fingerprint", "_by_key", "_by_loose_key", "_by_slug", "_max_words", "_spellings")

    def __init__(self, entries: Iterable[RegistryEntry]):
        self.entries: tuple[RegistryEntry, ...] = tuple(entries)
        self._by_key: dict[str, RegistryEntry] = {}
        self._by_loose_key: dict[str, RegistryEntry] = {}
        self._by_slug: dict[str, RegistryEntry] = {}
        digest = hashlib.sha256()
        for entry in self.entries:
            self._by_slug.setdefault(entry.slug, entry)
            digest.update(repr((entry.slug, entry.name, entry.kind, tuple(entry.aliases))).encode())
            for surface in (entry.name, *entry.aliases):
                key = alias_key(surface)
                if key:
                    self._by_key.setdefault(key, entry)
                    self._by_loose_key.setdefault(loose_key(surface), entry)
        # Identifies the registry's content: analysers built for it are cached under this key.
        self.fingerprint: str = digest.hexdigest()
        # The longest alias in words bounds the search in ``contained`` (linear, not quadratic).
        self._max_words: int = max((len(key.split()) for key in self._by_key), default=0) + 1
        # Per kind, the spelling keys of the names written as names (``spelled_like``), on first use.
        self._spellings: dict[str, list[tuple[str, RegistryEntry]]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def by_slug(self, slug: str) -> RegistryEntry | None:
        return self._by_slug.get(slug)

    def exact(self, mention: str) -> RegistryEntry | None:
        """The entry one of whose names or aliases is ``mention`` (after folding)."""
        return self._by_key.get(alias_key(mention))

    def spelled_like(self, name: str, kind: str) -> RegistryEntry | None:
        """The one entry of ``kind`` a name spells another way ("al-Sumeriya News" for
        Alsumaria): transliterations of Arabic or Persian names vary from outlet to outlet."""
        if not proper_name(name):
            return None
        spellings = self._spellings.get(kind)
        if spellings is None:
            spellings = self._spellings[kind] = [
                (spelling_key(surface), entry)
                for entry in self.entries if entry.kind == kind
                for surface in (entry.name, *entry.aliases) if proper_name(surface)
            ]
        key = spelling_key(name)
        found = {entry.slug: entry for surface_key, entry in spellings if spelled_alike(key, surface_key)}
        return next(iter(found.values())) if len(found) == 1 else None

    def person_by_role(self, role: str) -> RegistryEntry | None:
        """The one person the registry lists under this role with their name ("Premier ministre
        irakien Haider al-Abadi", "Ahmad Nasrallah, commandant adjoint de l'opération d'al-Anbar")."""
        key = alias_key(role)
        # A specific office: with a country ("irakien") or a name ("de l'opération d'al-Anbar").
        named = [w for w in re.split(r"[\s'’-]+", role.strip())[1:] if w[:1].isupper() and w not in {"Premier", "Première"}]
        specific = re.search(r"(?:ien|ienne|ais|aise|ain|aine|ois|oise)s?\b", key) or named
        if len(key.split()) < 2 or not specific:
            return None  # "le général", "le général de brigade": could be anyone of that rank
        found = {}
        for entry in self.entries:
            if entry.kind != "person":
                continue
            name = alias_key(entry.name)
            for alias in entry.aliases:
                alias = alias_key(alias)
                if alias in {f"{key} {name}", f"{name}, {key}", f"{name} {key}"}:
                    found[entry.slug] = entry
        return next(iter(found.values())) if len(found) == 1 else None

    def loose(self, mention: str) -> RegistryEntry | None:
        """Like ``exact``, also ignoring an indefinite article: "les experts" is "des experts"."""
        return self._by_key.get(alias_key(mention)) or self._by_loose_key.get(loose_key(mention))

    def contained(self, mention: str) -> list[tuple[RegistryEntry, int, int]]:
        """Entries whose alias occurs in ``mention`` on word boundaries, as (entry, start, end)
        offsets into ``fold(mention)``, longest first; overlapping shorter ones are dropped."""
        folded = fold(mention)
        words = [(m.start(), m.end()) for m in re.finditer(r"[^\s']+'?", folded)]
        # Where a word is joined to the next by a hyphen: "AP" in "l'AP-HP" is not the agency AP.
        hyphens = {n for n, ch in enumerate(_fold(mention, "\x01")) if ch == "\x01"} if any(c in _DASHES for c in mention) else set()
        found: list[tuple[RegistryEntry, int, int]] = []
        n = len(words)
        for i in range(n):
            for j in range(min(n, i + self._max_words), i, -1):
                a, b = words[i][0], words[j - 1][1]
                piece = folded[a:b].rstrip("'")
                entry = self._by_key.get(alias_key(piece))
                if entry is not None and (b in hyphens or a - 1 in hyphens):
                    continue  # a part of a hyphenated name
                if entry is not None:
                    found.append((entry, a, b))
                    break
        found.sort(key=lambda item: (-(item[2] - item[1]), item[1]))
        kept: list[tuple[RegistryEntry, int, int]] = []
        for entry, a, b in found:
            if all(b <= ka or a >= kb for _, ka, kb in kept):
                kept.append((entry, a, b))
        return kept


def entries_from_json(data: Sequence[dict]) -> list[RegistryEntry]:
    """Entries from the shape of ``fixtures/sources.json`` (a list of source objects)."""
    entries = []
    for item in data:
        entries.append(
            RegistryEntry(
                slug=str(item["slug"]),
                name=str(item.get("name") or item["slug"]),
                kind=str(item.get("kind") or "other"),
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
            )
        )
    return entries
