"""Which source a mention names: the registry by alias, the document's earlier sources for an
anaphor ("ce responsable", "il", "le ministre"), a short form of a source named in full, or a
new source proposed from the mention with a guessed kind.

Pure Python (no Django). ``SourceResolver`` keeps what the document named so far; the document
pass in ``claims.text.attribution`` asks it for each mention's link and tells it what to
remember.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.clauses import media_named
from claims.text.cues import Mention, Sentence
from claims.text.countries import countries_in, country_of_capital, place_country, story_country
from claims.text.state_media import official_medium
from claims.text.names import is_acronym, name_after, name_in_tail, person_run
from claims.text.registry import Registry, RegistryEntry, alias_key, fold
from claims.text.results import ANAPHORA_FACTOR, CONFIDENCE, UNRESOLVED_CONFIDENCE, Link, ProposedSource, Span
from claims.text.bodies import KINDS_OF_BODIES, BodiesInText
from claims.text.memory import SourcesSoFar
from claims.text.people import GENERIC_TITLES, PeopleInText, _Memory
from claims.text.segmentation import Segment
from claims.text.sentence import ONE_OF_THEM
from claims.text.source_names import (
    NATIONALITY,
    OUTLET_RULES,
    TITLE_ROLES,
    anonymous_core,
    body_name,
    content_words,
    display_name,
    quantified_role,
    foreign_title,
    guess_kind,
    head_word_of,
    inside_a_longer_name,
    starts_with_medium,
    titled,
    written_as_a_name,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


# Words that say which of several sources, not who: "la première source militaire". (Compared
# after ``_described`` drops a final "s": "meme" stands for "même" and "mêmes".)
_ORDINALS = frozenset({"premiere", "premier", "seconde", "second", "deuxieme", "troisieme", "meme", "autre", "derniere", "dernier"})


# People at large who tell what they saw: the registry's unnamed witness, as "des habitants".
_WITNESS_LIKE = frozenset({
    "citoyen", "citoyens", "citoyenne", "citoyennes", "internaute", "internautes", "usager", "usagers",
    "usagere", "usageres",
})
_GLUED_TITLE = re.compile(r"^(?:M|Mme|Mlle|Dr)\.(?=[a-zA-ZÀ-ÿ])(\S.{1,60})$")
# A medium's own people: "ses journalistes", "son correspondant" are the medium.
OWN_REPORTERS = lx.REPORTER_NOUNS


# Members who speak as their group: "les jihadistes du JNIM" is the JNIM.
_MEMBERS = frozenset({
    "jihadistes", "djihadistes", "combattants", "militants", "rebelles", "insurges", "miliciens",
    "membres", "partisans", "elements", "hommes",
})


# "selon les chiffres du ministère", "les données de l'Insee": whose figures they are.
_FIGURES = frozenset({
    "chiffres", "chiffre", "donnees", "statistiques", "estimations", "estimation", "decompte", "bilan", "bilans",
    "previsions", "prevision", "projections", "calculs", "evaluations", "evaluation",
})
# ", Al-Jadeed,", ", France Inter,": a short name between commas.
_APPOSED_NAME = re.compile(r"\s*,\s*((?:[A-ZÀ-Ý][\w'’.-]*|(?:al|el)-[\w'’-]+)(?:\s+(?:[A-ZÀ-Ý0-9][\w'’.-]*|de|du|la)){0,3})\s*,")


# "préfecture des Yvelines", "préfecture de la Sarthe": the one prefecture a text names in full.
_PREFECTURE_NAMED = re.compile(r"\b((?<![Ss]ous-)préfecture (?:de la |des |du |de l['’]|d['’]|de )[A-ZÉÈÎ][\w'’-]+)")


def _single_name(s: Sentence, m: Mention) -> ProposedSource | None:
    """ "Masiullah, un habitant du quartier": one name, then who they are after a comma; the
    person goes by that one name (a registry source or a known body is read as usual)."""
    first = m.i
    comma = s.next_word(first + 1)
    after = s.next_word(comma + 1)
    if not (comma < m.j and s.f[comma] == "," and after < m.j and s.f[after] in {"un", "une", "le", "la", "l'"}):
        return None
    t = s.doc[first]
    if t.pos_ != "PROPN" or not t.text[:1].isupper() or not t.text.isalpha() or t.ent_type_ not in {"", "PER"}:
        return None
    role = s.next_word(after + 1)
    if role >= m.j or s.f[role] not in lx.PERSON_ROLE_HEADS | lx.ANONYMOUS_HEADS:
        return None
    return ProposedSource(t.text, "person")


_HEAD_OF_DIPLOMACY = re.compile(r"\bchefs? (?:de la diplomatie|du gouvernement)\b")


class SourceResolver(PeopleInText, BodiesInText, SourcesSoFar):
    """The sources of one document's mentions, in text order."""

    def __init__(
        self, text: str, segments: list[Segment], docs: dict[int, "Doc"], registry: Registry,
        sentences: Iterable[Sentence],
    ):
        self.text = text
        self.segments = segments
        self.docs = docs
        self.registry = registry
        self.memory: list[_Memory] = []
        self.country = story_country(text)  # for "la police" said without its country
        # For the registry's national entries only ("une source sécuritaire": the Iraqi one), the
        # country whose places the text names most when no country stands out by every word.
        self.registry_country = self.country or place_country(text)
        self._index_people(text, sentences)
        self.vague_entry = next((e for e in registry.entries if e.is_vague), None)
        # The registry's document with no author, if it has one (its alias "un document").
        generic = registry.loose("un document")
        self.unnamed_document = generic if generic is not None and generic.kind == "document" else None
        # The registry's media as a whole, if it has them (its alias "les médias").
        self.unnamed_media = registry.loose("les médias")
        # Registry sources the document names anywhere (for short forms: "ministère de la Défense").
        self.named: dict[str, RegistryEntry] = {}
        for doc in docs.values():
            for ent in doc.ents:
                entry = registry.by_slug(ent.ent_id_) if ent.ent_id_ else None
                if entry is not None:
                    self.named[entry.slug] = entry

    def span(self, s: Sentence, i: int, j: int) -> Span:
        a, b = s.char_span(i, j)
        while a < b and self.text[a] in "-‐":
            a += 1  # the clitic of "a-t-il" is "il"
        return Span(a, b, self.text[a:b])

    def link(self, s: Sentence, m: Mention, cue: Span | None, rule: str) -> Link | None:
        mention = self.span(s, m.i, m.j)
        if mention.start >= mention.end:
            return None
        confidence = CONFIDENCE.get(rule, 0.7)
        if m.vague:
            return Link(self.vague_source(), mention, cue, rule, confidence, vague=True)
        if m.pronoun:
            plural = mention.text.lower() in {"ils", "elles", "eux", "leur", "leurs"}
            gender = {"il": "m", "ils": "m", "elle": "f", "elles": "f"}.get(fold(mention.text))
            antecedent = self._own_subject(s, m, gender, plural) if rule == "prep.selon" else None
            if antecedent is None and gender is not None and not plural:
                antecedent = self._subject_named_before(s, mention.start)
            if antecedent is None:
                antecedent = self._antecedent(None, pronoun=True, plural=plural, gender=gender)
            if antecedent is None and gender is not None and not plural:
                antecedent = self._cataphora(s.seg.end)
            if antecedent is None and plural:
                antecedent = self._plural_subject_before(s.seg.start)
            if antecedent is None and gender is not None and not plural:
                antecedent = self._role_subject_before(s.seg.start, gender)
            if antecedent is None and not plural and fold(mention.text) in {"il", "lui"}:
                # "Ces chiffres ont été donnés par le docteur Mohammed X. Selon lui, …": the person
                # named last, though not yet a source.
                antecedent = self._named_last_before(mention.start)
            if antecedent is None:
                return Link(ProposedSource(mention.text, "anonymous"), mention, cue, rule, UNRESOLVED_CONFIDENCE)
            return Link(antecedent, mention, cue, rule + "+anaphora", confidence * ANAPHORA_FACTOR)
        source, how = self._resolve(s, m, mention.text)
        if how == "new" and source.kind != "news_outlet" and rule in OUTLET_RULES:
            # "à franceinfo", "à France Bleu Roussillon": an outlet by its cue, named as written.
            source = ProposedSource(display_name(mention.text), "news_outlet")
        if how == "new":
            # "rapporte al-Maaloumah" after "le site Al-Maalouma", "al-Sumeriya News" for
            # Alsumaria: one outlet under another transliteration.
            alike = self._outlet_spelled_alike(source)
            if alike is not None:
                source, how = alike
        if how == "vague":
            return Link(source, mention, cue, rule, confidence, vague=True)
        if how != "registry":
            rule = f"{rule}+{how}"
            confidence *= ANAPHORA_FACTOR
        return Link(source, mention, cue, rule, confidence)

    def vague_source(self) -> ProposedSource:
        entry = self.vague_entry
        if entry is not None:
            return ProposedSource(entry.name, entry.kind, entry.slug)
        return ProposedSource("Vague attribution", "other")

    def entry_source(self, entry: RegistryEntry) -> ProposedSource:
        return ProposedSource(entry.name, entry.kind, entry.slug)

    def _resolve(self, s: Sentence, m: Mention, text: str) -> tuple[ProposedSource, str]:
        """The source a mention names, and how it was found."""
        registry = self.registry
        if m.i > 0 and s.f[s.prev_word(m.i - 1)] == "meme" and fold(text).split()[-1] in lx.OUTLET_HEADS:
            # "précise le même média": the outlet named last, not media at large.
            for item in reversed(self.memory):
                if item.source.kind == "news_outlet" and not (item.source.slug or "").startswith("unnamed"):
                    return item.source, "anaphora"
        entry = registry.exact(text)
        if entry is not None and entry.kind == "document" and titled(s, m):
            entry = None  # "a rapporté La Dépêche": a paper's name, not "une dépêche"
        if entry is not None:
            if entry.is_vague:
                return self.entry_source(entry), "vague"
            role = quantified_role(s, m, entry)
            if role is not None:
                return role, "new"
            if entry.kind == "anonymous":
                # "une source militaire" in a story about Iraq: the Iraqi one, if the registry has it
                entry = self.national_unnamed(text, text) or entry
            return self.entry_source(entry), "registry"
        official = official_medium(registry, text, self.registry_country)
        if official is not None:  # "la télévision publique iranienne": the registry's IRIB
            return self.entry_source(official), "registry"
        single = _single_name(s, m)
        if single is not None:
            return single, "new"
        # "Pékin a dénoncé": China, by its name; "Moscou et Téhéran rejettent …": the first named.
        country = country_of_capital(text) or country_of_capital(re.split(r"\s+et\s+", text, maxsplit=1)[0])
        if country is not None:
            return self.by_name(country, "institution")
        if ONE_OF_THEM.match(fold(text)):
            # "« … », a confié l'un d'eux": one of the group named last, who speaks for it.
            for item in reversed(self.memory):
                if item.plural:
                    return item.source, "anaphora"
        if m.j - m.i <= 3 and any(c.islower() for c in text[-6:]) and " " in text.strip(" ."):
            # "la BdF": a body's initials the tagger may take for a person.
            early = self._acronym_named_before(s, m, False, s.f[m.i])
            if early is not None:
                return early, "coref"
        glued = _GLUED_TITLE.match(text)
        if glued:  # "M.al-Assad": a title glued to the name the text gave in full before
            known = self._person_named(glued.group(1))
            return (known, "anaphora") if known is not None else (ProposedSource(glued.group(1), "person"), "new")
        if s.f[m.i] in {"ses", "son", "sa", "leurs", "leur"} and s.f[s.head_of(m.i, m.j)] in OWN_REPORTERS:
            # "a indiqué l'agence, en se basant sur … ses journalistes": the medium itself.
            for item in reversed(self.memory):
                if item.source.kind == "news_outlet":
                    return item.source, "anaphora"
        head = s.head_of(m.i, m.j)
        head_word = s.f[head]
        determiner = s.f[m.i]
        complement = s.de_complement(head, m.j)
        named = s.has_name(m.i, m.j) and not (head == m.i and s.doc[head].pos_ == "NOUN" and m.j - m.i == 1)
        if head_word in lx.MEDIUM_HEADS and not named:
            # "à la chaîne locale, Al-Jadeed, M. X a …": the medium by the name in apposition.
            apposed = _APPOSED_NAME.match(self.text, s.char_span(m.i, m.j)[1])
            if apposed:
                return self.by_name(apposed.group(1), "news_outlet")
        # "selon des informations", "selon les derniers rapports": no source at all.
        qualified = any(s.doc[k].pos_ == "ADJ" and s.f[k] not in {"derniers", "dernieres", "certains", "certaines", "plusieurs"} for k in range(head + 1, m.j))
        if (head_word in lx.VAGUE_HEADS or head_word in _FIGURES) and complement is not None and s.source_like(complement, m.j):
            # "selon les informations du Monde", "… d'une source proche de l'enquête": whose they are.
            inner = Mention(complement, m.j)
            return self._resolve(s, inner, self.span(s, complement, m.j).text)
        platform = s.next_word(head + 1)
        if head_word in {"compte", "page", "chaine"} and platform < m.j and fold(s.doc[platform].text) in _PLATFORMS:
            of = s.next_word(platform + 1)
            if of < m.j and s.f[of] in {"de", "d'", "du", "des"} and s.next_word(of + 1) < m.j:
                # "la chaîne Telegram de la TV d'État", "le compte X du ministère": its owner speaks.
                return self._resolve(s, Mention(s.next_word(of + 1), m.j), self.span(s, s.next_word(of + 1), m.j).text)
        if head_word in _MEMBERS and complement is not None and s.has_name(complement, m.j):
            # "les jihadistes du JNIM", "des combattants du Hamas": the group speaks.
            group, how = self._resolve(s, Mention(complement, m.j), self.span(s, complement, m.j).text)
            if how == "new" and group.kind != "institution":
                group = ProposedSource(group.name, "institution")
            return group, how
        if (head_word in {"temoignage", "temoignages"} or head_word in _WITNESS_LIKE) and complement is None and not named:
            # "selon les témoignages", "des témoignages recueillis sur place": unnamed witnesses.
            witnesses = registry.loose("des témoins")
            if witnesses is not None and witnesses.kind == "anonymous":
                return self.entry_source(witnesses), "registry"
        if head_word in lx.VAGUE_HEADS and s.doc[head].text[:1].isupper() and media_named(s, m.i, m.j):
            return ProposedSource(display_name(text), "news_outlet"), "new"  # "selon Les Echos": a paper
        if head_word in lx.VAGUE_HEADS or (
            head_word in lx.VAGUE_PLURAL_REPORTS and complement is None and not named and not qualified
        ):
            return self.vague_source(), "vague"
        if determiner in {"son", "sa", "leur"} and head_word == "entourage" and m.j - m.i == 2:
            # "dans son entourage": the circle of the person spoken of last.
            person = self._antecedent(None, pronoun=True) or self._named_last_before(s.seg.start + s.doc[m.i].idx)
            if person is not None and person.kind == "person":
                of = "d'" if fold(person.name[:1]) in "aeiouyh" else "de "  # "entourage d'Emmanuel Macron"
                return ProposedSource(f"entourage {of}{person.name}", "anonymous"), "anaphora"
        # "ce responsable", "cette source de sécurité", "la source", "le commandant irakien".
        if determiner in {"ce", "cette"} and any(s.f[k] in {"dernier", "derniere"} for k in range(m.i, m.j)):
            # "ce dernier": the last person named, a source or not ("comme c'est le cas d'Olivier
            # X sur Sud Radio. Ce dernier a affirmé …").
            found = self._named_last_before(s.seg.start + s.doc[m.i].idx) or self._antecedent(None, pronoun=True)
            if found is not None:
                return found, "anaphora"
        if determiner in lx.DEFINITES and head_word in lx.NOMINAL_SELF and complement is None and self.memory:
            # "…, dit le communiqué": the document of the source named last.
            for item in reversed(self.memory):
                if item.source.kind not in {"news_outlet", "other", "document"}:
                    return item.source, "anaphora"
        bare = m.j - m.i == 1 and head == m.i  # "un communiqué du ministère"
        coordinated = any(s.f[k] == "et" and s.doc[k].pos_ == "CCONJ" for k in range(m.i, m.j))
        anaphoric = not coordinated and determiner in lx.DEMONSTRATIVES or not coordinated and (
            (determiner in lx.DEFINITES or bare) and not named and complement is None
            and head_word in lx.PERSON_ROLE_HEADS | lx.ANONYMOUS_HEADS | lx.INSTITUTION_HEADS | lx.OUTLET_HEADS
        ) or (head_word in {"source", "sources"} and {"meme", "memes"} & {s.f[k] for k in range(m.i, m.j)})
        # "le gouverneur de la Banque de France" after "le gouverneur de la Banque de France,
        # François Villeroy de Galhau": the same role, said again, is the same person.
        # A name inside the role's complement ("… de la république islamique d'Iran") names no one.
        role_named = named if complement is None or "," in text else s.has_name(m.i, complement)
        if determiner in lx.DEFINITES and not role_named and head_word in lx.PERSON_ROLE_HEADS:
            again = self._same_role(text)
            if again is not None:
                return again, "anaphora"
        if anaphoric and head_word in {"source", "sources"}:
            words = {s.f[k] for k in range(max(0, m.i - 2), m.j)}
            if {"meme", "memes"} & words and {s.f[k] for k in range(m.i, m.j)} <= {"la", "les", "meme", "memes", "source", "sources"}:
                # "a ajouté la même source": whoever spoke last, however the text named them;
                # cited, one named before this sentence ("X a ajouté, citant la même source": not X).
                cited = s.f[s.prev_word(m.i - 1)] in {"citant", "cite", "citent"}
                for item in reversed(self.memory):
                    if item.source.kind not in {"document", "other"} and (item.at < s.seg.start or not cited):
                        return item.source, "anaphora"
            # "la première source militaire", "cette source diplomatique": the source named with
            # those words (the ordinal only says which of them came first).
            found = self._described(text, ignoring=_ORDINALS)
            if found is not None:
                return found, "anaphora"
        if anaphoric:
            # A demonstrative points back whatever its noun; "le/la ..." only to a source named
            # with the same noun, or (singular role nouns: "le commandant") to the last person.
            plural = "Plur" in s.doc[head].morph.get("Number") or head_word.endswith(("s", "x"))
            institutional = head_word not in lx.PERSON_ROLE_HEADS | lx.ANONYMOUS_HEADS
            # "le mouvement chiite" (the tagger may call "chiite" a verb): words that say which one.
            described = any(s.doc[k].pos_ in {"ADJ", "PROPN", "NOUN", "VERB"} and not s.doc[k].is_punct for k in range(head + 1, m.j))
            national = any(NATIONALITY.search(s.f[k]) for k in range(head + 1, m.j) if s.doc[k].pos_ == "ADJ")
            if institutional and described and national:
                # "l'armée malienne": a national body, the one named with all these words or none.
                antecedent = self._described(text)
            elif institutional and described:
                # "le mouvement chiite": the one so described, else the last institution; "la
                # télévision nationale" is a medium of its own, not whichever outlet came last.
                antecedent = self._described(text) or self._antecedent(head_word, pronoun=False, by_kind=False)
                if antecedent is None and head_word in lx.INSTITUTION_HEADS:
                    antecedent = self._organisation_by_head(s.seg.start + s.doc[m.i].idx, head_word)
                if antecedent is None:
                    antecedent = self._antecedent(
                        head_word, pronoun=False, by_kind=head_word not in lx.OUTLET_HEADS, bodies=True
                    )
            else:
                antecedent = self._antecedent(
                    head_word, pronoun=False, plural=plural,
                    by_kind=(determiner in lx.DEMONSTRATIVES or not plural) and not (institutional and bare),
                    bodies=determiner in lx.DEMONSTRATIVES,  # "cette organisation"; not a bare "l'armée"
                )
            if antecedent is not None:
                return antecedent, "anaphora"
        if determiner in lx.DEFINITES and not role_named and head_word in lx.PERSON_ROLE_HEADS:
            # "Le ministre de la Ville et du Logement a dénoncé" after "X, le ministre de la Ville
            # et du Logement, …": the one named with the whole title before, not the next name.
            earlier = self._same_role(text, s.seg.start + s.doc[m.i].idx)
            if earlier is not None:
                return earlier, "anaphora"
            named_next = self._named_just_after(s.seg.end, head_word)
            if named_next is not None:
                return named_next, "coref"
        if determiner in lx.DEFINITES and head_word in lx.PERSON_ROLE_HEADS and not any(
            s.doc[k].ent_type_ in {"PER", "PERSON"} for k in range(m.i, m.j)
        ):
            listed = registry.person_by_role(text)
            if listed is not None:
                # "le Premier ministre irakien": the one the registry lists under that office, at
                # the confidence of a guess (offices change hands; the analyst checks the date).
                return self.entry_source(listed), "coref"
        entry = registry.loose(text)  # "les experts" for "des experts", after the anaphora
        if entry is not None and not entry.is_vague and not (entry.kind == "document" and titled(s, m)):
            return self.entry_source(entry), "registry"
        definite = determiner in lx.DEFINITES | lx.DEMONSTRATIVES or m.i == head and m.i > 0 and s.f[m.i - 1] == "du"
        if head_word in KINDS_OF_BODIES and not named and definite:  # "du groupe français": "de le"
            body = self._body_named_before(s, m, head_word)
            if body is not None:
                return body, "anaphora"
        if head_word in lx.ANONYMOUS_HEADS and person_run(s, m.i, m.j) is None:  # not "un responsable, Shahryar Heydari"
            core = anonymous_core(s, m.i, m.j, head, complement)
            entry = registry.loose(core)
            if entry is None or entry.kind == "anonymous":
                entry = self.national_unnamed(core, text) or entry
            role = quantified_role(s, m, entry)
            if role is not None:
                return role, "new"
            if entry is not None and not entry.is_vague and entry.kind == "anonymous":
                # "un autre habitant", "des habitants de la banlieue nord de X": the registry's
                # unnamed witness; a quantifier or a place adds nothing to who they are.
                return self.entry_source(entry), "registry"
        contained = [
            c for c in registry.contained(text)
            if written_as_a_name(text, c[0]) and not inside_a_longer_name(text, c[1])
            and not (c[0].kind == "anonymous" and _attributive(fold(text), c[1], c[2]))
        ]
        persons = [c for c in contained if c[0].kind == "person"]
        if persons:
            return self.entry_source(persons[0][0]), "registry"
        if starts_with_medium(text) or foreign_title(text):
            # "France Bleu Roussillon", "France 3 Occitanie": a medium's local edition, whatever
            # the tagger calls it; "Der Sonntag": a paper's title.
            return ProposedSource(display_name(text), "news_outlet"), "new"
        # "Le porte-parole du Pentagone, John Kirby", "M. Villeroy", "Wang Yi, conseiller
        # d'État": the person, by their name without titles; a surname alone is the person the
        # document named in full before.
        person_like = head_word in lx.PERSON_ROLE_HEADS | lx.ANONYMOUS_HEADS or any(
            s.doc[k].ent_type_ == "PER" and s.f[k - 1] != "(" for k in range(m.i, m.j)  # not "(RéNaSS)"
        ) or (
            s.doc[head].pos_ == "PROPN" and not s.outlet_like(m.i, m.j) and head_word not in lx.INSTITUTION_HEADS
            and not is_acronym(s.doc[head].text)  # "La CGT" opening a sentence: a body, not a person
        )
        if head_word in lx.MEDIUM_HEADS or body_name(s, m) and head_word not in lx.PERSON_ROLE_HEADS:
            person_like = False  # "le quotidien japonais Asahi Shimbun", "Amnesty International": no person
        words = [k for k in range(m.i, m.j) if not s.doc[k].is_space]
        if len(words) == 2 and determiner in {"l'", "le", "la", "les"} and s.doc[words[1]].text[:1].isupper() and s.doc[words[1]].ent_type_ != "PER":
            person_like = False  # "l'Insee", "la Fnac": one name with an article is a body, not a person
        if len(words) == 1 and s.doc[words[0]].text[:1].isupper() and s.doc[words[0]].text.isalpha() and not contained:
            # "Çavuşoğlu a souligné" after "son homologue turc, Mevlut Cavusoglu": a surname the
            # tagger took for a place is the person named in full before.
            known = self._person_named(s.doc[words[0]].text)
            if known is not None:
                return known, "anaphora"
        if person_like:
            run = person_run(s, m.i, m.j)
            if run is None and head_word in lx.PERSON_ROLE_HEADS:
                run = name_after(s, m.j) or name_in_tail(s, m.j)
            if run is not None and head_word in _CIRCLE and any(s.f[k] in {"de", "d'", "du"} for k in range(head + 1, run[0])):
                # "un proche d'Edouard Philippe": someone close to the person named, not that person
                circle = re.sub(r"^(?:un|une|des|les|le|la|l['’]|ses|son|sa|leurs?|deux|trois)\s*", "", text.strip(), flags=re.I)
                return ProposedSource(display_name(circle), "anonymous"), "new"
            if run is not None:
                a, b = s.char_span(*run)
                name = self.text[a:b]
                entry = registry.exact(name)
                if entry is not None and entry.kind == "person":
                    return self.entry_source(entry), "registry"
                known = self._person_named(name)
                if known is not None:
                    return known, "anaphora"
                return ProposedSource(name, "person"), "new"
            # "le chef de la diplomatie (hongroise)", "le chef du gouvernement" are how the press
            # says "le ministre des Affaires étrangères", "le Premier ministre": the same title,
            # and one a single person in the story holds.
            diplomacy = head_word == "chef" and _HEAD_OF_DIPLOMACY.search(fold(text)) is not None
            if (
                determiner in lx.DEFINITES and head_word in TITLE_ROLES | GENERIC_TITLES
                and "Plur" not in s.doc[head].morph.get("Number")
            ):
                # "…, a déclaré X. « … », a dit le gouverneur de la Banque": a definite title
                # with no name, right after a person was named, is that person.
                # A bare title ("a dit la Première ministre") reaches back over a quote of
                # several sentences; one with more words ("le ministre turc") only to the last.
                bare = diplomacy or all(s.f[k] in TITLE_ROLES | lx.DEFINITES | {"premiere"} for k in range(m.i, m.j) if not s.doc[k].is_space)
                # "Le président de la CEI": only someone named with the CEI, not the candidate named last.
                # ("le numéro un de la CFDT": the initials after a "de" past the title's number.)
                of = complement if complement is not None else next((k + 1 for k in range(head + 1, m.j) if s.f[k] in {"de", "du", "des", "d'"}), m.j)
                bodies = frozenset(fold(s.doc[k].text) for k in range(of, m.j) if is_acronym(s.doc[k].text))
                if len(content_words(text)) >= 2:
                    # "le Premier ministre" after "le Premier ministre X" and "Y, le ministre de
                    # l'Enseignement": the one named with every word of the title, not the last minister.
                    again = self._same_role(text)
                    if again is not None:
                        return again, "anaphora"
                at = s.seg.start + s.doc[m.i].idx
                recent = self._office_holder(at, fold(text)) if diplomacy else self._recent_person(
                    at, head_word, back=3 if bare or bodies else 1, countries=countries_in(text), bodies=bodies,
                )  # (a body named with the title, "de la CFDT", narrows it enough to look further back)
                if recent is not None:
                    return recent, "anaphora"
                named_later = self._role_named_later(text, s.seg.end)
                if named_later is not None:
                    return named_later, "anaphora"
        if contained and head_word in _SUB_BODIES and _in_complement(fold(text), head_word, contained[0][1]):
            # "le Bureau de coordination de l'action humanitaire de l'ONU": a body of its own,
            # named in full, not the one its name ends on.
            contained = []
        if contained:
            best = contained[0][0]
            if head_word in {"correspondant", "correspondante", "envoye", "envoyee", "journaliste"}:
                if best.kind == "news_outlet":
                    return self.entry_source(best), "registry"
            elif head_word in {"porte parole", "porte paroles"}:
                return self.entry_source(best), "registry"  # a spokesperson speaks for the institution
            elif head_word not in lx.ANONYMOUS_HEADS | lx.PERSON_ROLE_HEADS:
                return self.entry_source(best), "registry"
        if head_word == "porte parole" and complement is not None and not role_named and not self._of_a_person(s, complement, m.j):
            # "le porte-parole de Gazprom", "une porte-parole du groupe français": the unnamed
            # spokesperson of a body is the body itself (guidelines §4), found as the body's
            # own mention would be (the registry, a body named before).
            inner = self.span(s, complement, m.j).text
            entry = registry.exact(inner) or registry.loose(inner) or self._short_form(inner)
            if entry is not None and not entry.is_vague:
                return self.entry_source(entry), "registry"
            body, how = self._resolve(s, Mention(complement, m.j), inner)
            if how == "new" and body.kind == "person":
                body = ProposedSource(body.name, "institution")  # "de Naftogaz": a spokesperson's body
            if how != "vague" and body.kind != "person":
                return body, how
        if head_word == "porte parole" and complement is None and not role_named and determiner in lx.DEFINITES | {"son", "sa", "leur"}:
            spoken_for = self._spokesperson_body(s.seg.start + s.doc[m.i].idx)
            if spoken_for is not None:
                return spoken_for
        # A short form of a source the document names in full: "ministère de la Défense".
        coref = self._short_form(text)
        if coref is not None:
            return self.entry_source(coref), "coref"
        if determiner in lx.DEFINITES and head_word in lx.INSTITUTION_HEADS | lx.OUTLET_HEADS:
            # "l'Agence de santé" after "l'Agence régionale de santé (ARS)": the one named in full.
            words = content_words(text)
            if len(words) >= 2:
                for item in reversed(self.memory):
                    if item.source.kind in {"institution", "news_outlet"} and words < content_words(item.source.name):
                        return item.source, "coref"
            elif words == {head_word}:
                # "Selon le Centre" after "Le Centre national des catastrophes a fait état …":
                # the body whose name starts with that noun, the last one named.
                for item in reversed(self.memory):
                    said = alias_key(self.text[item.at : item.at + 60]).split()[:1] if item.at >= 0 else []
                    if item.source.kind in {"institution", "news_outlet"} and (
                        head_word_of(item.source.name) == head_word and words < content_words(item.source.name)
                        or item.source.slug is not None and said == [head_word]  # a registry body named in French first
                    ):
                        return item.source, "coref"
        found = self._acronym_named_before(s, m, named, determiner)
        if found is not None:
            return found, "coref"
        if head_word in _MEDIA_AT_LARGE and not named and complement is None and self.unnamed_media is not None:
            # "selon la presse sénégalaise", "des médias russes", "des radios locales": the media as a whole.
            return self.entry_source(self.unnamed_media), "registry"
        report = head_word in lx.NOMINAL_REPORT or s.doc[head].pos_ != "NOUN" and s.f[m.j - 1] in lx.NOMINAL_REPORT
        if report and complement is None and not named and self.unnamed_document is not None:
            # "d'après un bilan provisoire", "citant un premier bilan": a document with no author given.
            return self.entry_source(self.unnamed_document), "registry"
        if head_word == "prefecture" and determiner in lx.DEFINITES and m.j - m.i <= 2:
            named = _PREFECTURE_NAMED.findall(self.text)
            if len(set(named)) == 1:
                return self.by_name(named[0], "institution")  # "la préfecture" of "la préfecture des Yvelines"
        national = self._national_body(s, m, head_word, self.country)
        if national is None and self.registry_country != self.country:
            registered = self._national_body(s, m, head_word, self.registry_country)
            national = registered if registered is not None and registry.exact(registered) is not None else None
        if national is not None:
            entry = registry.exact(national)
            if entry is not None and not entry.is_vague:
                return self.entry_source(entry), "registry"  # "l'armée" in a story about Iraq: the Iraqi army
            return self.by_name(national[:1].upper() + national[1:], "institution")
        name = self.with_the_city(display_name(text), s.seg.start + s.doc[m.i].idx)
        return self.by_name(name, guess_kind(s, m, head_word))

    @staticmethod
    def _of_a_person(s: Sentence, i: int, j: int) -> bool:
        """A complement that names a person in full: "le porte-parole de Fabrizio Curcio"."""
        return person_run(s, i, j) is not None and sum(1 for k in range(i, j) if s.doc[k].ent_type_ == "PER") >= 2


# Bodies that belong to another one ("le bureau … de l'ONU", "la mission de l'UE"): themselves.
_PLATFORMS = frozenset({"twitter", "x", "telegram", "facebook", "instagram", "tiktok", "youtube", "whatsapp"})
# Whose circle, not who: "un proche de X", "un ami de X" is someone else than X.
_CIRCLE = frozenset({
    "proche", "proches", "ami", "amie", "amis", "amies", "entourage", "famille", "collegue", "collegues",
    "fils", "fille", "frere", "soeur", "pere", "mere", "epouse", "mari", "veuve", "compagnon", "compagne",
})
_SUB_BODIES = frozenset({
    "bureau", "agence", "office", "haut-commissariat", "commission", "comite", "mission", "fonds", "programme",
    "cellule", "secretariat", "delegation", "representation", "section", "antenne",
})
def _in_complement(folded: str, head: str, at: int) -> bool:
    """The registry name at ``at`` comes after the head noun and a "de" ("le bureau … de l'ONU"),
    not right after it as the body's own name ("l'agence Chine nouvelle")."""
    h = folded.find(head)
    # (the registry piece may start with its own "de": "de l'onu" matched as "l'ONU")
    return 0 <= h < at and re.search(r"\b(?:(?:de|du|des)\s+|d')(?!presse\b)", folded[h + len(head) : at + 4]) is not None


_MEDIA_AT_LARGE = frozenset({"presse", "medias", "media", "radios", "televisions", "journaux", "quotidiens"})
# Words an unnamed source's alias may follow inside a longer mention ("d'autres médias").
_BEFORE_AN_ALIAS = frozenset(
    "le la les l' un une des de d' du au aux ce cet cette ces son sa ses leur leurs plusieurs "
    "autres certains certaines nombreux nombreuses divers selon apres par a et ou que qu' qui".split()
)


def _attributive(folded: str, start: int, end: int) -> bool:
    """ "le bureau médias du Hamas": a one-word alias right after a noun it qualifies names an
    office, not "les médias"."""
    if " " in folded[start:end].strip():
        return False
    before = folded[:start].split()
    return bool(before) and before[-1].isalpha() and before[-1] not in _BEFORE_AN_ALIAS

