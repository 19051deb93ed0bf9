"""A country's official medium named by what it is, not by its name: « la télévision publique
iranienne », « l'agence de presse officielle syrienne », « la TV d'État » in a story about Iran.

The registry says which medium that is through its own aliases: an alias that describes
(« télévision d'État iranienne » for IRIB, « agence officielle syrienne » for SANA) gives the
entry a (medium, country) key; a mention that describes the same medium of the same country,
with whatever official word (« publique », « d'État », « officielle », « nationale »), is that
entry. A country described by two entries (no alias tells them apart) is left alone.

Pure Python: folded words (see ``registry.fold``), no model.
"""

from __future__ import annotations

from claims.text.countries import countries_in
from claims.text.registry import Registry, RegistryEntry, alias_key, loose_key

__all__ = ["official_medium"]

# The medium, by the noun that opens the description.
_MEDIUM_NOUNS = {
    "agence": "agency",
    "television": "television", "tv": "television", "tele": "television", "chaine": "television",
    "radiotelevision": "television",
    "radio": "radio",
    "media": "any",  # "un média d'État syrien": whichever the country's one official medium is
}
# What says the medium is the state's.
_OFFICIAL_WORDS = frozenset({
    "officielle", "officiel", "publique", "public", "nationale", "national", "etatique",
    "gouvernementale", "gouvernemental", "d'etat", "l'etat",
})
# Words a description may hold besides those: "l'agence de presse officielle", "de l'État", "du
# pays" (the story's country, as when none is said).
_FILLER_WORDS = frozenset({"de", "d'", "presse", "etat", "la", "l'", "du", "pays"})

_INDEX: dict[str, dict[tuple[str, str], RegistryEntry | None]] = {}


def _description(key: str, own_words: frozenset[str] = frozenset()) -> tuple[str, str | None] | None:
    """(medium, country or None) for a folded description, None when the words say more
    (a name, a place, a topic) than an official medium of a country."""
    words = key.split()
    if not words or words[0] not in _MEDIUM_NOUNS:
        return None
    medium = _MEDIUM_NOUNS[words[0]]
    official = False
    countries: set[str] = set()
    for word in words[1:]:
        if word in _OFFICIAL_WORDS:
            official = True
        elif word in _FILLER_WORDS or word in own_words:
            continue
        elif len(found := countries_in(word)) == 1:
            countries |= found
        else:
            return None
    if not official or len(countries) > 1:
        return None
    return medium, next(iter(countries), None)


def _index(registry: Registry) -> dict[tuple[str, str], RegistryEntry | None]:
    index = _INDEX.get(registry.fingerprint)
    if index is not None:
        return index
    index = {}
    for entry in registry.entries:
        if entry.kind != "news_outlet":
            continue
        # "agence officielle iranienne IRNA": the entry's own name may close its description.
        own = frozenset(alias_key(entry.slug).replace("-", " ").split()) | frozenset(
            w for alias in entry.aliases for w in alias_key(alias).split() if len(alias_key(alias).split()) == 1
        )
        keys = {d for alias in entry.aliases if (d := _description(alias_key(alias), own)) is not None and d[1] is not None}
        for key in keys:
            # Two entries described alike: neither is the one a description points at.
            index[key] = entry if key not in index else None
    if len(_INDEX) > 8:
        _INDEX.clear()
    _INDEX[registry.fingerprint] = index
    return index


def official_medium(registry: Registry, mention: str, story_country: str | None) -> RegistryEntry | None:
    """The registry's official medium a mention describes: « la télévision publique iranienne »
    is IRIB; « la TV d'État » is the state television of the country the story is about."""
    found = _description(loose_key(mention))  # ("un média d'État syrien": the article goes too)
    if found is None:
        return None
    medium, country = found
    if medium == "any" and country is None:
        return None  # "un média d'État" in a story that names several countries: which one is not said
    country = country or story_country
    if country is None:
        return None
    index = _index(registry)
    if medium == "any":
        entries = {entry.slug: entry for (_, where), entry in index.items() if where == country and entry is not None}
        return next(iter(entries.values())) if len(entries) == 1 else None
    return index.get((medium, country))
