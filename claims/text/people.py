"""The people a document names, looked up by the resolver of its mentions: a person named in
full before ("M. Villeroy" is François Villeroy de Galhau), the last one named ("le gouverneur"
right after the governor's name), one named just after a pronoun or a bare title ("a annoncé le
gouverneur régional. … le gouverneur régional Oleg X"), and a plural pronoun's group.

Pure Python (no Django). ``PeopleInText`` is the part of ``claims.text.resolution``'s
``SourceResolver`` that reads people, not mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.text import lexicon as lx
from claims.text.clauses import outside_quotes
from claims.text.countries import countries_in
from claims.text.names import is_ticker, person_run
from claims.text.noun_phrases import np_span
from claims.text.results import ProposedSource
from claims.text.segmentation import Segment
from claims.text.sentence import Sentence
from claims.text.registry import fold
from claims.text.source_names import TITLE_ROLES, content_words, display_name, head_word_of


@dataclass(slots=True)
class _Memory:
    source: ProposedSource
    words: frozenset[str]
    plural: bool = False  # named in the plural ("des responsables", "les autorités")
    at: int = -1  # where the mention starts in the text
    gender: str | None = None  # "m" / "f" when the mention's article says so ("le", "la")


class PeopleInText:
    """Who the text names as people, and where (a mixin: the resolver gives ``text``,
    ``segments``, ``docs``, ``memory``, ``registry`` and ``entry_source``)."""

    text: str
    segments: list[Segment]
    docs: dict
    memory: list[_Memory]

    def _index_people(self, text: str, sentences: Iterable[Sentence]) -> None:
        # People the text names in full anywhere, sourced or not: (offset, name, as a subject
        # of a sentence that attributes nothing). "M. Marcourt" is the Jean-Claude Marcourt named
        # before; "Il écrit" after "L'auteur de la lettre est Jean-Claude Marcourt." is him.
        self.people: list[tuple[int, str, bool]] = []
        # Every person the text names in full, in text order (for a pronoun before its name).
        self.all_people: list[tuple[int, str]] = []
        self._sentences: dict[int, Sentence] = {}
        # Every organisation the text names (the tagger's ORG), in text order: what "le
        # syndicat" or "le géant français du pneu" points back to when no source fits.
        self.all_orgs: list[tuple[int, int]] = []
        for sentence in sentences:
            self._sentences[sentence.seg.start] = sentence
            for ent in sentence.doc.ents:
                if ent.label_ == "ORG" and not is_ticker(ent.text):  # ("(STLA.MI)" is a stock code)
                    self.all_orgs.append(sentence.char_span(ent.start, ent.end))
                run = person_run(sentence, ent.start, ent.end) if ent.label_ == "PER" else None
                if run is not None and sum(1 for k in range(*run) if not sentence.doc[k].is_space) >= 2:
                    a, b = sentence.char_span(*run)
                    self.all_people.append((a, text[a:b]))

    def _person_named(self, name: str) -> ProposedSource | None:
        """The person the document named before with these name words ("Villeroy de Galhau",
        "Wang" for "Wang Yi"), as a source or anywhere else in the text."""
        words = content_words(name)
        if not words:
            return None
        for item in reversed(self.memory):
            if item.source.kind == "person" and words <= content_words(item.source.name):
                return item.source
        for _, full, _ in reversed(self.people):
            if words <= content_words(full) and words != content_words(full):
                return ProposedSource(full, "person")
        return None

    def _as_person(self, name: str) -> ProposedSource:
        """The person named ``name``: the source already known under that very name, else a new
        person source."""
        known = self._person_named(name)
        return known if known is not None and known.name == name else ProposedSource(name, "person")

    def note_people(self, s: Sentence, *, subjects: bool) -> None:
        """Remember the people a sentence names in full (two name words or more); with
        ``subjects`` (a sentence that attributes nothing) note whether each is its subject or
        the predicate of its copula ("L'auteur de la lettre est Jean-Claude Marcourt")."""
        for start, end in self._person_spans(s):
            run = person_run(s, start, end)
            if run is None:
                continue
            words = [k for k in range(*run) if not s.doc[k].is_space]
            if len(words) < 2:
                continue
            a, b = s.char_span(*run)
            root = s.doc[run[0]]
            while root.head.i != root.i and root.dep_ in {"flat:name", "flat", "appos", "nmod", "amod"} and (
                root.head.i >= start - 2
                # "La ministre de la Santé, Claire Vidal, a …": the name stands for its title.
                or root.dep_ == "appos" and s.f[root.head.i] in lx.PERSON_ROLE_HEADS
            ):
                root = root.head
            subject = subjects and (
                root.dep_ in {"nsubj", "nsubj:pass"}
                or root.dep_ == "ROOT" and any(s.doc[c].dep_ == "cop" for c in s.kids[root.i])
                or root.dep_ == "ROOT" and root.left_edge.i == s.next_word(0) and root.pos_ in {"NOUN", "PROPN"}
            )
            self.people.append((a, self.text[a:b], subject))

    def _subject_named_before(self, s: Sentence, at: int) -> ProposedSource | None:
        """ "La ministre Karin X a été vaccinée, indique-t-elle": the person the sentence names in
        full as its subject, before the pronoun at text offset ``at``."""
        for start, end in self._person_spans(s):
            run = person_run(s, start, end)
            if run is None or sum(1 for k in range(*run) if not s.doc[k].is_space) < 2:
                continue
            a, b = s.char_span(*run)
            if b > at:
                return None
            if not outside_quotes(s, run[0]):
                continue  # "« Guillaume X ne craint rien », a-t-il confié": the quote's words
            root = s.doc[run[0]]
            while root.head.i != root.i and root.dep_ in {"flat:name", "flat", "appos", "nmod", "amod"}:
                root = root.head
            if root.dep_ in {"nsubj", "nsubj:pass"}:
                return self._as_person(self.text[a:b])
        return None

    @staticmethod
    def _person_spans(s: Sentence) -> list[tuple[int, int]]:
        """The people the tagger found, and the names it missed in apposition to a role ("Le
        Premier ministre, Pushpa Kamal Dahal, …", which it may call a miscellaneous entity)."""
        spans = [(ent.start, ent.end) for ent in s.doc.ents if ent.label_ == "PER"]
        # "la ministre de la Culture Rachida Dati", tagged as one organisation: the role's holder.
        spans += [
            (ent.start, ent.end) for ent in s.doc.ents
            if ent.label_ in {"ORG", "MISC"} and s.f[ent.start] in lx.PERSON_ROLE_HEADS and s.doc[ent.end - 1].pos_ == "PROPN"
        ]
        covered = {k for a, b in spans for k in range(a, b)}
        for t in s.doc:
            if t.i in covered or t.dep_ != "appos" or t.pos_ != "PROPN" or s.f[t.head.i] not in lx.PERSON_ROLE_HEADS:
                continue
            end = t.i + 1
            while end < s.n and s.doc[end].dep_ == "flat:name" and s.doc[end].text[:1].isupper():
                end += 1
            if end - t.i >= 2:
                spans.append((t.i, end))
        return sorted(spans)

    def _recent_person(
        self, at: int, title: str | None = None, back: int = 1, countries: frozenset[str] = frozenset(),
        bodies: frozenset[str] = frozenset(),
    ) -> ProposedSource | None:
        """The last person named by their name before text offset ``at``, in this sentence or
        the one before it, as a source or anywhere; with a ``title`` ("prefet"), not one named
        with another title ("le maire de Lunel, Pierre Anglade" is not "le préfet"), nor, with
        ``countries`` ("le ministre iranien"), one named with another country ("son homologue
        turc, X"), nor, with ``bodies`` (initials: "le président de la CEI"), one named without
        them. ``back``: how many sentences before this one the person may be named in."""
        window = self._sentence_before_start(at, back)
        best: tuple[int, ProposedSource] | None = None
        for item in self.memory:
            if item.source.kind == "person" and window <= item.at < at and len(content_words(item.source.name) - _PARTICLES) >= 2:
                if (best is None or item.at > best[0]) and may_hold_title(title, item.words) and _same_country(countries, countries_in(" ".join(item.words))) and self._near_person(item.source, bodies):
                    best = (item.at, item.source)
        for offset, name, _ in self.people:
            if window <= offset < at and (best is None or offset > best[0]) and (
                title is None or may_hold_title(title, self._words_around(offset, name))
            ) and _same_country(countries, countries_in(self._title_before(offset, name))) and self._near_person(ProposedSource(name, "person"), bodies, offset):
                best = (offset, self._as_person(name))
        return best[1] if best is not None else None

    def _words_around(self, offset: int, name: str) -> frozenset[str]:
        """The words just before a name on its line and those of an apposition right after it
        ("le maire de Lunel, X", "X, directeur du cabinet, …"): where a title would be."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        start = max(line_start, offset - 60)
        # Not another person's title: "le procureur X et le bourgmestre Y" (Y is no prosecutor).
        start = max([start] + [at + len(other) for at, other in self.all_people if start <= at + len(other) <= offset])
        return content_words(self.text[start:offset]) | content_words(self._apposition_after(offset, name))

    def _apposition_after(self, offset: int, name: str) -> str:
        """The words between commas right after a name ("X, directeur du cabinet, …"), or ""."""
        after = self.text[offset + len(name) : offset + len(name) + 80]
        return re.split(r"[,.;:\n]", after[1:], maxsplit=1)[0] if after.startswith(",") else ""

    def _near_person(self, person: ProposedSource, words: frozenset[str], offset: int = -1) -> bool:
        """All of ``words`` are written near one of the places the text names ``person``
        ("Thierry Bodson, président de la FGTB" for "le président de la FGTB")."""
        if not words:
            return True
        places = [offset] + [item.at for item in self.memory if item.source == person]
        places += [at for at, name, _ in self.people if name == person.name]
        return any(words <= content_words(self._clause_around(at)) for at in places if at >= 0)

    def _clause_around(self, at: int) -> str:
        """The text of the sentence around offset ``at`` (from its line or last full stop)."""
        start = max(self.text.rfind("\n", 0, at), self.text.rfind(". ", 0, at)) + 1
        ends = [e for e in (self.text.find("\n", at), self.text.find(". ", at)) if e >= 0]
        return self.text[start : min(ends) if ends else len(self.text)]

    def _title_before(self, offset: int, name: str) -> str:
        """The words of the clause right before a name and of its apposition: "son homologue
        turc, X" -> "son homologue turc"; "X, ministre turc de …" -> "ministre turc de …"."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        before = self.text[max(line_start, offset - 60) : offset].rstrip(" ,")
        before = " ".join(re.split(r"[,;:.()«»\"]", before)[-1].split()[-5:])  # the title, not the clause
        apposition = self._apposition_after(offset, name)
        return f"{before} {apposition}" if apposition else before

    def _sentence_before_start(self, at: int, back: int = 1) -> int:
        """Where the parsed sentence before the one holding text offset ``at`` starts (0 for the
        first): the reach of "the last one named" for a title, a pronoun or a kind of body."""
        starts = [seg.start for seg in self.segments if seg.start <= at and seg.start in self.docs]
        return starts[-1 - back] if len(starts) > back else 0

    def _cataphora(self, after: int) -> ProposedSource | None:
        """A pronoun with no fitting source before it ("Le gouvernement a nié … Elle a
        évoqué …", the spokeswoman named in the caption after): the first person named in the
        next two segments."""
        later = [seg for seg in self.segments if seg.start >= after][:2]
        if not later:
            return None
        limit = later[-1].end
        for offset, name in self.all_people:
            if after <= offset < limit:
                return self._as_person(name)
        return None

    def _named_just_after(self, after: int, role: str) -> ProposedSource | None:
        """ "La procureure générale de Mendoza a indiqué … « … », a déclaré Daniela Chaler": a
        role no one was named with, then a bare name in the next segment: that person. A name
        that comes with another role ("le député X") is someone else."""
        later = [seg for seg in self.segments if seg.start >= after][:1]
        if not later:
            return None
        for offset, name in self.all_people:
            if later[0].start <= offset < later[0].end:
                # ("le chef de cette république russe, X": a role a few words before the name)
                before = fold(self.text[max(later[0].start, offset - 60) : offset]).split()
                if any(w.strip(",") in lx.PERSON_ROLE_HEADS | TITLE_ROLES for w in before[-8:]) or self._person_named(name) is not None:
                    return None
                return ProposedSource(name, "person")
        return None

    def _plural_subject_before(self, at: int) -> ProposedSource | None:
        """ "Les Houthis mènent des attaques … Ils disent cibler …": a plural pronoun with no
        source before it is the named group the sentence before was about (its subject)."""
        s = self._sentence_before(at)
        if s is None:
            return None
        for token in s.doc:
            # (or the noun opening the sentence that the parser made its root, its verb misread:
            # "Les gendarmes du Finistère tapent du poing …")
            misread_root = token.dep_ == "ROOT" and token.pos_ == "NOUN" and token.i <= 1
            if not (token.dep_ == "nsubj" and token.head.dep_ == "ROOT" or misread_root) or "Plur" not in token.morph.get("Number"):
                continue
            i, j = _head_and_place(s, token.i) if misread_root else np_span(s, token)
            if s.has_name(i, j) and s.f[i] in lx.DEFINITES and j - i <= 4:
                return ProposedSource(display_name(self.span(s, i, j).text), "institution")
            if s.f[i] in lx.DEFINITES and s.f[token.i] in lx.ANONYMOUS_HEADS | lx.PERSON_ROLE_HEADS and j - i <= 6:
                # "Les infirmières de l'hôpital sont en grève. … selon elles": the people the sentence was about.
                return ProposedSource(display_name(self.span(s, i, j).text), "anonymous")
        return None

    def _sentence_before(self, at: int) -> Sentence | None:
        """The parsed sentence that ends last before text offset ``at``, if any."""
        before = [seg.start for seg in self.segments if seg.end <= at and seg.start in self._sentences]
        return self._sentences[before[-1]] if before else None

    def _role_named_later(self, role: str, after: int) -> ProposedSource | None:
        """ "…, a annoncé le gouverneur régional. « … », a écrit le gouverneur régional Oleg
        Sinegoubov": a title with no name is the person the next two segments name right after
        the same title's words."""
        words = content_words(role)
        if not words:
            return None
        later = [seg for seg in self.segments if seg.start >= after][:2]
        if not later:
            return None
        for offset, name in self.all_people:
            if after <= offset < later[-1].end:
                line_start = self.text.rfind("\n", 0, offset) + 1
                window = self.text[max(line_start, offset - 80) : offset]
                before = content_words(window)
                # "le gouverneur de la région" is "le gouverneur régional X": the same stems.
                if all(any(b[:6] == w[:6] for b in before) for w in words) or _title_right_before(head_word_of(role), words, window):
                    return self._as_person(name)
        return None

    def _organisation_before(self, at: int) -> tuple[int, int] | None:
        """The last organisation named before text offset ``at``, in this sentence or the one
        before it ("… les usines Michelin … Le géant français du pneu avait annoncé …")."""
        window = self._sentence_before_start(at)
        found = [(a, b) for a, b in self.all_orgs if window <= a and b <= at]
        return found[-1] if found else None

    def _named_last_before(self, at: int) -> ProposedSource | None:
        """The person the text named in full last before text offset ``at``, in this sentence or
        the one before it, when named after every source so far (else None: the source stands)."""
        window = self._sentence_before_start(at)
        named = [(offset, name) for offset, name in self.all_people if window <= offset < at]
        if not named:
            return None
        offset, name = named[-1]
        if any(item.at >= offset for item in self.memory if item.source.kind == "person"):
            return None
        return self._as_person(name)

    def _organisation_by_head(self, at: int, head: str) -> ProposedSource | None:
        """The last organisation named before text offset ``at``, two sentences back at most,
        whose name opens with this noun: "la banque centrale" after "La Banque du Canada a
        relevé son taux" (a body named in a fact, not yet a source)."""
        window = self._sentence_before_start(at, 2)
        for a, b in reversed(self.all_orgs):
            if window <= a and b <= at and head_word_of(self.text[a:b]).rstrip("s") == head.rstrip("s"):
                entry = self.registry.exact(self.text[a:b])
                if entry is not None:
                    return self.entry_source(entry) if entry.kind == "institution" else None
                return ProposedSource(display_name(self.text[a:b]), "institution")
        return None

    def _sentence_start_of(self, item: "_Memory") -> int:
        """The end of the sentence where ``item`` was named (people named in it do not count
        as later)."""
        for seg in self.segments:
            if seg.start <= item.at < seg.end:
                return seg.end
        return item.at

    def _subject_person_since(self, at: int) -> ProposedSource | None:
        """The last person named as the subject of a sentence that attributes nothing, after
        text offset ``at``: what a pronoun then points back to before an earlier speaker."""
        for offset, name, subject in reversed(self.people):
            if offset <= at:
                return None
            if subject:
                return self._as_person(name)
        return None

    def _office_holder(self, at: int, title: str) -> ProposedSource | None:
        """The person named before ``at`` with the office a press phrase stands for: "le chef du
        gouvernement" with "Premier ministre", "le chef de la diplomatie" with "ministre des
        Affaires étrangères" (the last one so named, however far back)."""
        needed = [{"premier", "ministre"}] if "gouvernement" in title else [{"ministre", "affaires", "etrangeres"}, {"diplomatie"}]
        best: tuple[int, ProposedSource] | None = None
        for item in self.memory:
            if item.source.kind == "person" and item.at < at and any(n <= item.words for n in needed) and (best is None or item.at > best[0]):
                best = (item.at, item.source)
        for offset, name, _ in self.people:
            if offset < at and (best is None or offset > best[0]) and any(n <= self._words_around(offset, name) for n in needed):
                best = (offset, self._as_person(name))
        return best[1] if best is not None else None

    def _same_role(self, text: str, at: int | None = None) -> ProposedSource | None:
        """The person whose earlier mention carried every word of this role ("le gouverneur de
        la Banque") with their name, or who was named before ``at`` with it in apposition ("X, le
        ministre de la Ville et du Logement, …"); a source named by the role alone is no one more precise."""
        words = content_words(text)
        if not words:
            return None
        for item in reversed(self.memory):
            if item.source.kind != "person" or words <= content_words(item.source.name):
                continue
            if words <= item.words:
                return item.source
        if at is not None and len(words) >= 3:
            for offset, name, _ in reversed(self.people):  # (in text order)
                if offset < at and words <= self._words_around(offset, name):
                    return self._as_person(name)
        return None


# Particles of a name that do not make a surname a full name ("Al-Mawsili" is one name).
_PARTICLES = frozenset({"al", "el", "ad", "as", "ar", "an", "ash", "ibn", "ben", "bin", "ould", "abu", "abou"})


def _same_country(wanted: frozenset[str], named: frozenset[str]) -> bool:
    """No country asked for, none said with the person, or one of them the same."""
    return not wanted or not named or bool(wanted & named)


def may_hold_title(title: str | None, words: frozenset[str]) -> bool:
    """A person named with ``words`` may hold ``title``: no title among them, or this one
    ("prefet" and "prefete" alike)."""
    if title is None or title in _ANY_OFFICE:
        return True
    held = {w[:5] for w in words & TITLE_ROLES}
    return not held or title[:5] in held


# Titles that say another office in other words: "le chef du gouvernement" is the Prime Minister,
# "le patron de la diplomatie" the Foreign Minister.
# Titles that stand for several offices: "le magistrat" is the prosecutor or the judge named
# before, "l'élu" the mayor or the deputy.
GENERIC_TITLES = frozenset({"magistrat", "magistrate", "elu", "elue"})
_ANY_OFFICE = frozenset({
    "chef", "cheffe", "patron", "patronne", "dirigeant", "dirigeante", "premier", "premiere", "general",
    "leader", "numero",
}) | GENERIC_TITLES


def _title_right_before(title: str, role_words: frozenset[str], before: str) -> bool:
    """ "Le maire de la commune de X a indiqué … », a déclaré le maire, Pierre Lenoir": the title
    said again right before the name, with no word the role did not have ("le ministre de la
    Défense, Pierre Lenoir" is not "le ministre de l'Intérieur")."""
    words = fold(before).replace("'", "' ").split()
    stems = {w[:6] for w in role_words}
    for n in range(len(words) - 1, -1, -1):
        if words[n].strip(",;:") == title:
            return all(w[:6] in stems for w in content_words(" ".join(words[n + 1 :])))
    return False


def _head_and_place(s: Sentence, head: int) -> tuple[int, int]:
    """The words up to ``head`` and its "de X" with a capital, if one follows ("Les gendarmes
    du Finistère"): the phrase opening a sentence whose verb the parser misread."""
    of = s.next_word(head + 1)
    name = s.next_word(of + 1)
    if name < s.n and s.f[of] in {"de", "du", "des", "d'"} and s.doc[name].text[:1].isupper():
        return 0, name + 1
    return 0, head + 1
