"""The registry ruler of claims.text.nlp: registry names as entities before ner."""

from __future__ import annotations

from claims.text import nlp
from claims.text.registry import Registry, RegistryEntry

REGISTRY = Registry(
    [
        RegistryEntry("le-monde", "Le Monde", "news_outlet"),
        RegistryEntry("monde-copy", "Monde", "news_outlet", aliases=("le monde",)),  # same words: the first keeps them
        RegistryEntry("divers", "Divers", "other"),
        RegistryEntry("france", "France", "institution"),
        RegistryEntry("afp", "Agence France-Presse", "news_outlet", aliases=("AFP",)),
        RegistryEntry("chaine-info", "Chaîne Info", "news_outlet"),
    ]
)


def entities(text: str) -> list[tuple[str, str, str]]:
    (doc,) = nlp.analyser(REGISTRY).parse([text])
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents if e.ent_id_]


def test_the_first_entry_keeps_words_two_entries_share_and_case_does_not_matter_for_phrases():
    assert ("LE MONDE", "NEWS_OUTLET", "le-monde") in entities("Selon LE MONDE, la réunion est annulée.")
    assert ("Le Monde", "NEWS_OUTLET", "le-monde") in entities("Selon Le Monde, la réunion est annulée.")


def test_a_one_word_name_keeps_its_case():
    assert ("Divers", "OTHER", "divers") in entities("Source : Divers")
    assert not any(slug == "divers" for _, _, slug in entities("Des témoins divers ont parlé."))


def test_the_longest_match_wins_and_names_without_accents_match():
    found = entities("L'Agence France-Presse a parlé à la chaine info de France.")
    assert ("Agence France-Presse", "NEWS_OUTLET", "afp") in found
    assert ("chaine info", "NEWS_OUTLET", "chaine-info") in found
    assert [slug for _, _, slug in found].count("france") == 1  # "France" alone, not inside the agency's name
