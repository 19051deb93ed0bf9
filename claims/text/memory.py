"""What a text has said so far: the sources its sentences named, in order, and which of them
an anaphor points back to ("il", "la même source", "le quotidien", "le commandant").

Pure Python (no Django). A mixin of ``claims.text.resolution.SourceResolver``: it reads
``memory`` and, from ``PeopleInText``, ``_subject_person_since``, ``_sentence_start_of`` and
``_sentence_before``; from the resolver, ``_resolve`` and ``span``.
"""

from __future__ import annotations

from claims.text import lexicon as lx
from claims.text.first_names import gender_of_name
from claims.text.noun_phrases import np_span
from claims.text.people import _Memory, may_hold_title
from claims.text.registry import fold
from claims.text.results import Link, ProposedSource
from claims.text.sentence import Mention, Sentence
from claims.text.source_names import TITLE_ROLES, content_words, head_word_of

# Words for a paper, one for another when a paper is said again ("le quotidien" … "le journal").
_PAPERS = frozenset({"journal", "journaux", "quotidien", "quotidiens", "hebdomadaire", "magazine", "titre"})

# The first word of a mention of several ("les", "ses avocats", "deux responsables").
_PLURAL_OPENINGS = frozenset({
    "les", "des", "plusieurs", "certains", "certaines", "ils", "elles", "ses", "leurs", "ces",
    "nos", "vos", "mes", "deux", "trois", "quatre", "cinq", "six",
})


class SourcesSoFar:
    """The sources named so far and the antecedents of anaphors (a mixin: see above)."""

    memory: list[_Memory]

    def _described(self, text: str, ignoring: frozenset[str] = frozenset()) -> ProposedSource | None:
        """The last source named with every word of ``text`` (but those ``ignoring``)."""
        words = {w.rstrip("s") for w in content_words(text)} - ignoring
        if not words:
            return None
        for item in reversed(self.memory):
            if item.source.kind in {"other", "document"}:
                continue
            if words <= {w.rstrip("s") for w in item.words}:
                return item.source
        return None

    def _antecedent(
        self, head: str | None, *, pronoun: bool, by_kind: bool = True, plural: bool = False,
        gender: str | None = None, bodies: bool = False,
    ) -> ProposedSource | None:
        if pronoun:
            for kinds in ({"person", "anonymous"}, {"institution"}):
                for item in reversed(self.memory):
                    if gender is not None and item.gender is not None and item.gender != gender and not {"source", "sources"} & item.words:
                        continue  # "Le gouvernement a nié … Elle a évoqué": not the government (a source is anyone)
                    # A body that spoke through its spokesperson is a "she" or "he" like a person.
                    spoke = "person" in kinds and {"porte", "parole"} <= item.words
                    if (item.source.kind in kinds or spoke) and (not plural or item.plural):
                        if not plural:
                            later = self._subject_person_since(max(item.at, self._sentence_start_of(item)))
                            if later is not None and _agrees(later, gender):
                                return later
                        return item.source
            if not plural:
                later = self._subject_person_since(-1)
                return later if later is not None and _agrees(later, gender) else None
            return None
        assert head is not None
        if head in {"source", "sources"} and self.memory:
            # "la première source militaire": the source so named; "la même source": the last one.
            for item in reversed(self.memory):
                if {"source", "sources"} & item.words and item.source.kind not in {"document", "other"}:
                    return item.source
            return self.memory[-1].source
        forms = {head, head + "s", head.rstrip("s")}
        if head in _PAPERS:
            forms = set(_PAPERS)  # "le journal" after "au quotidien Al-Raï": a paper is a paper
        # "l'avocat général" after "des avocats de la défense": one person is not a group of them.
        one_of_many = not plural and head in lx.PERSON_ROLE_HEADS
        candidates = [
            item for item in reversed(self.memory)
            if forms & item.words and item.source.kind not in {"other", "document"} and not (one_of_many and item.plural)
        ]
        # "La police" after "l'Association de la police …" and "la Police provinciale …": the
        # source whose own name starts with the noun, before one that only contains it.
        if candidates and head in _PAPERS:
            return candidates[0].source  # the paper named last
        for item in candidates:
            if head_word_of(item.source.name) in forms:
                return item.source
        if candidates:
            return candidates[0].source
        if head in {"ong", "ongs"}:
            return self._last_of({"institution"})  # "L'ONG dénonce …" after "Selon Amnesty International"
        if not by_kind:
            return None
        if head == "autorite" and bodies:
            # "Selon cette autorité" after a prefect or a ministry spoke: an official or a body.
            return self._last_of({"person", "institution", "anonymous"})
        for heads, kinds in (
            (lx.PERSON_ROLE_HEADS, {"person"}),
            (lx.ANONYMOUS_HEADS, {"anonymous", "person"}),
            (lx.OUTLET_HEADS, {"news_outlet"}),
            # A body by its kind only when described or pointed at ("le mouvement chiite", "cette
            # organisation"): a bare "l'armée" after "le Centre national des catastrophes" is
            # another body (a body said again is found above, by its noun).
            (lx.INSTITUTION_HEADS if bodies else frozenset(), {"institution"}),
        ):
            if head in heads:
                title = head if head in TITLE_ROLES else None
                for item in reversed(self.memory):
                    if item.source.kind in kinds and (item.source.kind != "person" or may_hold_title(title, item.words)):
                        return item.source
                return None
        return None

    def _last_of(self, kinds: set[str]) -> ProposedSource | None:
        """The source of one of these kinds spoken of last."""
        return next((item.source for item in reversed(self.memory) if item.source.kind in kinds), None)

    def remember(self, link: Link) -> None:
        if link.vague:
            return
        words = set(fold(link.source.name).split()) | content_words(link.source.name)
        if link.mention is not None:
            words |= set(fold(link.mention.text).split()) | content_words(link.mention.text)
        for item in self.memory:  # what an anaphor said of a source is said of it: merge
            if item.source == link.source:
                words |= item.words
        mention = fold(link.mention.text) if link.mention is not None else ""
        plural = mention.split(" ")[0] in _PLURAL_OPENINGS or (
            link.source.kind == "institution" and any(w.endswith("s") for w in mention.split()[:2])
        ) or link.source.kind != "person" and link.mention is not None and link.mention.text[:1].islower() \
            and mention.split(" ")[0].endswith(("s", "x"))  # "soulignent pompiers et préfecture", then "selon eux"
        gender = None
        if link.source.kind != "person" and mention:
            first = mention.split(" ")[0]
            gender = "m" if first in {"le", "du", "au", "un", "ce", "cet"} else "f" if first in {"la", "une", "cette"} else None
        elif mention.split(" ")[0] in {"mme", "madame", "la"}:
            gender = "f"
        elif mention.split(" ")[0] in {"m", "monsieur", "le"}:
            gender = "m"
        elif link.source.kind == "person":
            gender = gender_of_name(link.source.name)  # "Manuel Valls": not "elle"
        self.memory.append(_Memory(link.source, frozenset(words), plural, link.mention.start if link.mention else -1, gender))

    def _own_subject(self, s: Sentence, m: Mention, gender: str | None, plural: bool = False) -> ProposedSource | None:
        """ "La police a exhibé les corps de trois hommes, tués selon elle dans l'attaque": "selon
        elle" after the sentence's own subject, a body of the pronoun's gender, is that body;
        "selon elles" after "Les autorités turques reprochent …", a body in the plural."""
        for token in s.doc:
            if token.dep_ != "nsubj" or token.head.dep_ != "ROOT" or token.i >= m.i:
                continue
            i, j = np_span(s, token)
            article = s.f[i]
            agrees = (article == "les") if plural else (gender == "f" and article == "la" or gender == "m" and article == "le")
            if agrees and j <= m.i and s.f[s.head_of(i, j)] in lx.INSTITUTION_HEADS:
                source, how = self._resolve(s, Mention(i, j), self.span(s, i, j).text)
                return source if how != "vague" else None
        return None

    def _role_subject_before(self, at: int, gender: str) -> ProposedSource | None:
        """ "Le Premier ministre a réuni son gouvernement. Il l'a redit à la radio X": a pronoun
        with no source before it is the person the sentence before was about, by their title."""
        s = self._sentence_before(at)
        if s is None:
            return None
        for token in s.doc:
            if token.dep_ != "nsubj" or token.head.dep_ != "ROOT" or "Plur" in token.morph.get("Number"):
                continue
            i, j = np_span(s, token)
            article = s.f[i]
            if article not in {"le", "la", "l'"} or gender == "m" and article == "la" or gender == "f" and article == "le":
                continue
            if s.f[s.head_of(i, j)] not in lx.PERSON_ROLE_HEADS | TITLE_ROLES:
                continue
            source, how = self._resolve(s, Mention(i, j), self.span(s, i, j).text)
            return None if how == "vague" else source
        return None


def _agrees(person: ProposedSource, gender: str | None) -> bool:
    """A person named since may be "il" or "elle": unless their first name says otherwise."""
    said = gender_of_name(person.name)
    return gender is None or said is None or said == gender
