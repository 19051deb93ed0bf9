"""Attribution cues in one parsed sentence: prepositional ("selon X"), speech verbs with their
subject, incises, clitics, nominal cues, "citant" chains, vague forms, media circulation.

Pure Python (no Django). ``find_cues`` returns ``Cue`` values whose mentions are token spans
of the sentence's ``Doc``; ``claims.text.attribution`` resolves them to sources and orders the
chain. Word lists are in ``claims.text.lexicon``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.registry import fold
from claims.text.segmentation import Segment

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["DOCUMENT", "INCISE", "OUTER", "SPEAKER", "Cue", "Mention", "Sentence", "find_cues"]

# Chain levels, outermost first: the outlet cited, an incise's speaker, a document, the speaker.
OUTER, INCISE, DOCUMENT, SPEAKER = 0, 1, 2, 3

_DE = {"de", "d'", "du", "des"}
_FINAL_PUNCT = {".", "!", "?", "…", ";"}
QUOTE_OPEN = {"«", "“"}
QUOTE_CLOSE = {"»", "”"}
_BREAK_PUNCT = {",", ";", ":", ".", "!", "?", "…", "(", ")", "«", "»", '"', "“", "”", "[", "]", "—", "–"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
_MAX_MENTION_TOKENS = 40  # "le porte-parole du commandement des opérations conjointes, le général…"
_NP_STOP_WORDS = {"lors", "pendant", "durant", "avant", "apres", "depuis", "hier", "lundi", "mardi",
                  "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "aujourd'hui"}
_RELATIVES = {"qui", "que", "qu'", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "ou"}
_SUBJECT_SKIP = {"je", "j'", "nous", "tu", "vous", "cela", "ca", "ceci", "ce", "c'", "celui-ci", "celle-ci"}
_AUX_FORMS = {
    "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "eut", "est", "sont",
    "etait", "etaient", "sera", "seront", "serait", "seraient", "ete", "avoir", "etre",
}
_PASSIVE_AUX = {"est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "ete"}
_NEGATION = {"ne", "n'", "pas", "jamais", "plus", "point"}
_SOURCE_HEADS = (
    lx.OUTLET_HEADS | lx.INSTITUTION_HEADS | lx.PERSON_ROLE_HEADS | lx.ANONYMOUS_HEADS
    | lx.DOCUMENT_HEADS | lx.VAGUE_HEADS | lx.VAGUE_PLURAL_REPORTS
)
# Entity labels the registry ruler gives to named sources (anonymous ones are not names).
_NAME_LABELS = {"NEWS_OUTLET", "PERSON", "INSTITUTION"}


@dataclass(slots=True)
class Mention:
    """A noun phrase naming a source, as token indices [i, j) of one sentence's Doc."""

    i: int
    j: int
    pronoun: bool = False
    vague: bool = False
    self_document: bool = False  # "un communiqué" with no author: dropped if a speaker is found
    span_end: int | None = None  # token index where the mention's text ends, when not j


@dataclass(slots=True)
class Cue:
    rule: str
    level: int
    order: int  # token index of the cue, to order cues of the same level
    cue: tuple[int, int] | None  # token indices [i, j)
    mentions: list[Mention]  # outermost first ("X citant Y": [X, Y])
    rules: list[str] = field(default_factory=list)  # per mention, when they differ from ``rule``


class Sentence:
    """One parsed sentence with the folded form of each token."""

    def __init__(self, seg: Segment, doc: "Doc"):
        self.seg = seg
        self.doc = doc
        self.f = [fold(t.text) if not t.is_space else " " for t in doc]
        # fold() strips edge punctuation: keep punctuation tokens as themselves.
        for k, t in enumerate(doc):
            if t.is_punct or not self.f[k]:
                self.f[k] = t.text.replace("’", "'")
        self.used: set[int] = set()
        self.n = len(doc)
        # Dependents of each token, computed once: spaCy's Token.children walks the subtree,
        # which is quadratic over a long run-on sentence.
        self.kids: list[list[int]] = [[] for _ in range(self.n)]
        self.subject_kids: list[list[int]] = [[] for _ in range(self.n)]
        for t in doc:
            if t.head.i != t.i:
                self.kids[t.head.i].append(t.i)
                if t.dep_ in _SUBJECT_DEPS:
                    self.subject_kids[t.head.i].append(t.i)

    def subjects(self, k: int, deps: frozenset[str] = frozenset({"nsubj", "nsubj:pass"})) -> list["Token"]:
        """Dependents of token ``k`` with one of the subject relations ``deps``."""
        return [self.doc[c] for c in self.subject_kids[k] if self.doc[c].dep_ in deps]

    # Offsets of tokens in the text.
    def char_span(self, i: int, j: int) -> tuple[int, int]:
        doc = self.doc
        while i < j and (doc[i].is_space or self.f[i] in {",", ";", ":"}):
            i += 1
        while j > i and (doc[j - 1].is_space or self.f[j - 1] in {",", ";", ":", "."}):
            j -= 1
        if j <= i:
            return self.seg.start, self.seg.start
        return self.seg.start + doc[i].idx, self.seg.start + doc[j - 1].idx + len(doc[j - 1].text)

    def next_word(self, k: int) -> int:
        while k < self.n and self.doc[k].is_space:
            k += 1
        return k

    def prev_word(self, k: int) -> int:
        while k >= 0 and self.doc[k].is_space:
            k -= 1
        return k

    def is_verb_like(self, k: int) -> bool:
        return self.doc[k].pos_ not in {"NOUN", "PROPN", "DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "NUM", "SYM"}

    def finite_verb(self, k: int) -> bool:
        """A verb that ends a noun phrase (not a past participle used as an adjective)."""
        t = self.doc[k]
        if t.pos_ not in {"VERB", "AUX"}:
            return False
        if t.text[:1].isupper() and k > 0:
            return False  # a mis-tagged name
        forms = t.morph.get("VerbForm")
        if "Part" in forms and not self.f[k].endswith("ant"):
            return False
        if not forms and "-" in t.text:
            return False
        return True

    def reduced_relative(self, k: int) -> bool:
        """A past participle opening a clause inside a noun phrase: "un rapport publié jeudi"."""
        t = self.doc[k]
        if t.pos_ not in {"VERB", "AUX"} or t.text[:1].isupper() or "-" in t.text:
            return False
        nxt = self.next_word(k + 1)
        if nxt >= self.n:
            return False
        after = self.doc[nxt]
        return after.pos_ in {"ADP", "DET", "ADV", "NUM"} or self.f[nxt] in lx.TIME_WORDS

    def head_of(self, i: int, j: int) -> int:
        """The head noun of the noun phrase [i, j): its first noun or name."""
        for k in range(i, j):
            t = self.doc[k]
            if t.is_space or t.pos_ in {"DET", "ADJ", "NUM", "PUNCT"} and self.f[k] not in _SOURCE_HEADS:
                continue
            if self.f[k] in lx.DEMONSTRATIVES or self.f[k] in lx.DEFINITES or self.f[k] in _DE:
                continue
            return k
        return i

    def has_name(self, i: int, j: int) -> bool:
        """A proper name inside [i, j): a registry entity, or a capitalised word that does not
        start the sentence (the statistical NER is too noisy on role nouns to decide this)."""
        first = self.next_word(0)
        for k in range(i, j):
            t = self.doc[k]
            if t.is_space or t.is_punct:
                continue
            if t.ent_type_ in _NAME_LABELS and self.f[k] not in lx.DEFINITES | lx.DEMONSTRATIVES:
                return True
            if t.text[:3].lower() in {"al-", "el-"} and t.text[3:4].isupper():
                return True  # "al-Nahrain", "el-Sissi"
            if k == first:
                if t.pos_ == "PROPN":
                    return True
            elif t.text[:1].isupper() and self.f[k] not in lx.DEFINITES | lx.DEMONSTRATIVES:
                return True
        return False

    def outlet_like(self, i: int, j: int) -> bool:
        if any(self.doc[k].ent_type_ == "NEWS_OUTLET" for k in range(i, j)):
            return True
        return self.f[self.head_of(i, j)] in lx.OUTLET_HEADS

    def name_run(self, i: int, j: int) -> tuple[int, int] | None:
        """The first run of name words in [i, j) that no registry entity covers and that looks
        like a person's name ("Emmanuel Macron", "John Kirby", "Haider al-Abadi")."""
        k = i
        while k < j:
            if not self._name_word(k):
                k += 1
                continue
            start = k
            while k < j and (self._name_word(k) or (self.doc[k].is_space and k + 1 < j and self._name_word(k + 1))):
                k += 1
            tokens = [t for t in self.doc[start:k] if not t.is_space]
            if len(tokens) >= 2 or any(t.ent_type_ == "PER" for t in tokens):
                return start, k
        return None

    def _name_word(self, k: int) -> bool:
        t = self.doc[k]
        if t.is_space or t.is_punct or t.ent_type_ in _NAME_LABELS:
            return False
        w = self.f[k]
        if w.startswith(("al ", "el ")) or w.startswith(("al-", "el-")):
            return True  # "al-Abadi"
        if not t.text[:1].isupper() or w in lx.DEFINITES | lx.DEMONSTRATIVES:
            return False
        return k != self.next_word(0) or t.pos_ == "PROPN"

    def source_like(self, i: int, j: int) -> bool:
        if any(self.doc[k].ent_type_ in {"PER", "ORG"} for k in range(i, j)):
            return True
        if self.f[i] in {"ce", "cette"} and self.f[self.next_word(i + 1)] in {"dernier", "derniere"}:
            return True  # "ce dernier": the last person named
        if j - i == 1 and self.f[i] in {"lui", "elle", "eux", "elles"}:
            return True
        if self.has_name(i, j):
            return True
        head = self.head_of(i, j)
        return self.f[head] in _SOURCE_HEADS

    def de_complement(self, head: int, j: int) -> int | None:
        """Start of the "de X" complement right after ``head`` (adjectives skipped), if any."""
        k = self.next_word(head + 1)
        while k < j and self.doc[k].pos_ == "ADJ" and self.f[k] not in _DE:
            k = self.next_word(k + 1)
        if k < j and self.f[k] in _DE:
            start = self.next_word(k + 1)
            if start < j:
                return start
        return None


def _np_after(s: Sentence, k: int, *, appositions: bool = True) -> tuple[int, int, str] | None:
    """The noun phrase starting at token ``k``: (i, j, why it stopped).

    It runs over nouns, names, adjectives and "de X" complements, and stops at punctuation, a
    relative pronoun, a conjunction, a preposition other than "de", a finite verb or "citant".
    A comma followed by an apposition that ends the sentence (", le général Joe Dunford.") or
    another cue does not stop it.
    """
    doc, f = s.doc, s.f
    i = s.next_word(k)
    if i >= s.n:
        return None
    j = i
    why = "end"
    while j < s.n:
        if j - i >= _MAX_MENTION_TOKENS:
            return None  # no source is named in a phrase this long: it is not a mention
        t = doc[j]
        w = f[j]
        if t.is_space:
            j += 1
            continue
        if w == "(" and j > i and j + 2 < s.n and s.f[j + 2] == ")" and _acronym_token(s.doc[j + 1].text):
            j += 3  # "l'agence régionale de santé (ARS)": the acronym is part of the name
            continue
        if w in _BREAK_PUNCT or (t.is_punct and w not in {"-", "'"}):
            why = "punct"
            break
        if w == "citant":
            why = "citant"
            break
        if j > i and w in _RELATIVES:
            why = "relative"
            break
        if j > i and w in {"a", "à"} and f[s.prev_word(j - 1)] in _BOUND_ADJECTIVES:
            j += 1  # "une source loyale à Mohamed Bazoum", "un élu proche du pouvoir"
            continue
        if j > i and t.pos_ == "ADP" and w not in _DE:
            if w == "en" and j + 1 < s.n and f[s.next_word(j + 1)] == "provenance":
                j = s.next_word(j + 1) + 1
                continue
            why = "adp"
            break
        if j > i and t.pos_ in {"CCONJ", "SCONJ"}:
            why = "conj"
            break
        if j > i and t.pos_ == "DET" and w not in _DE and not t.text[:1].isupper() and t.ent_iob_ != "I":
            prev = s.prev_word(j - 1)
            if prev >= i and doc[prev].pos_ in {"NOUN", "PROPN", "ADJ"} and f[prev] not in _DE:
                why = "determiner"  # "à l'AFP une source médicale": a second noun phrase
                break
        if j > i and (t.pos_ == "ADV" or w in _NP_STOP_WORDS) and not t.text[:1].isupper():
            why = "adverb"  # "le ministre lors d'un point presse", "X mardi"
            break
        if j > i and (s.finite_verb(j) or s.reduced_relative(j)):
            why = "verb"
            break
        j += 1
    while j > i and (doc[j - 1].is_space or f[j - 1] in _DE or f[j - 1] in {"-", "'"}):
        j -= 1
    if j <= i:
        return None
    if why == "punct" and appositions and j < s.n:
        comma = s.next_word(j)
        if comma < s.n and f[comma] == ",":
            end = _apposition_end(s, comma + 1)
            if end is not None:
                return i, end, "apposition"
    return i, j, why


_BOUND_ADJECTIVES = {"loyal", "loyale", "loyaux", "loyales", "fidele", "fideles", "lie", "liee", "lies", "liees",
                     "hostile", "hostiles", "favorable", "favorables", "opposé", "oppose", "opposee", "opposes"}


def _acronym_token(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and sum(c.isupper() for c in letters) >= len(letters) - 2 and text[:1].isupper()


def _apposition_end(s: Sentence, k: int) -> int | None:
    """End of an apposition starting at ``k`` if one is there ("le général Joe Dunford")."""
    first = s.next_word(k)
    if first >= s.n:
        return None
    t0 = s.doc[first]
    if t0.pos_ in {"ADP", "CCONJ", "SCONJ", "PRON", "ADV", "VERB", "AUX"} and s.f[first] not in _SOURCE_HEADS:
        if not t0.text[:1].isupper():
            return None
    j = first
    has_noun = False
    while j < s.n:
        t = s.doc[j]
        w = s.f[j]
        if t.is_space:
            j += 1
            continue
        if w in _BREAK_PUNCT:
            break
        if s.finite_verb(j) or w in _RELATIVES or (t.pos_ == "ADP" and w not in _DE and w != "en"):
            return None
        if t.pos_ in {"NOUN", "PROPN"} or t.text[:1].isupper():
            has_noun = True
        j += 1
    if not has_noun or all(
        s.doc[q].is_space or s.f[q] in lx.TIME_WORDS or s.doc[q].text[:1].isdigit() for q in range(first, j)
    ):
        return None  # ", vendredi": a date, not an apposition
    after = s.next_word(j)
    if after >= s.n or s.f[after] in _FINAL_PUNCT:
        return j
    if s.f[after] == ",":
        nxt = s.next_word(after + 1)
        if nxt < s.n and (s.f[nxt] == "citant" or _speech_verb_at(s, nxt) or s.f[nxt] in _AUX_FORMS):
            return j
    return None


def _speech_verb_at(s: Sentence, k: int, *, lenient: bool = False) -> str | None:
    """"strong", "weak" or "vague" if token ``k`` is a speech verb, else None.

    ``lenient``: in incise position (after a comma or a closing quote) the tagger often calls
    the verb a noun (", rapporte Reuters"); its form is trusted there.
    """
    if k >= s.n:
        return None
    if not s.is_verb_like(k) and not (lenient and s.doc[k].pos_ in {"NOUN", "PROPN", "ADJ"}):
        return None
    w = s.f[k]
    lemma = fold(s.doc[k].lemma_)
    if w in lx.STRONG_FORMS or lemma in lx.STRONG_FORMS:
        return "strong"
    if w in lx.WEAK_FORMS or lemma in lx.WEAK_FORMS:
        return "weak"
    if w in lx.FAIRE_FORMS:
        nxt = s.next_word(k + 1)
        if nxt < s.n and s.f[nxt] in lx.FAIRE_OBJECTS:
            return "strong"
        if nxt < s.n and s.f[nxt] in {"ces", "des", "de", "les", "plusieurs", "une", "un", "cette", "ses", "sa", "son"}:
            obj = s.next_word(nxt + 1)
            if obj < s.n and s.f[obj] in lx.FAIRE_STATEMENTS:
                return "strong"  # "a fait ces remarques", "fait une déclaration"
    if w in lx.STANCE_FORMS:
        p = s.prev_word(k - 1)
        while p >= 0 and s.f[p] in {"est", "sont", "etait", "a", "ont", "se", "s'"} | _NEGATION:
            if s.f[p] in {"se", "s'"}:
                return "strong"  # "s'est alarmée de la situation", "s'est félicité de"
            p = s.prev_word(p - 1)
    if w in lx.PARLER_FORMS:
        nxt = s.next_word(k + 1)
        while nxt < s.n and s.doc[nxt].pos_ == "ADV":
            nxt = s.next_word(nxt + 1)
        if nxt < s.n and s.f[nxt] in {"de", "d'", "du", "des"}:
            return "strong"  # "a parlé d'un important arsenal saisi"
    if w in lx.VAGUE_ONLY_FORMS:
        return "vague"
    if w in lx.CALL_FORMS or lemma in lx.CALL_FORMS:
        # "a appelé la communauté internationale à réagir": a call, reported.
        for q in range(k + 1, min(s.n, k + 10)):
            if s.f[q] in _FINAL_PUNCT or s.f[q] == ",":
                break
            if s.doc[q].text.lower() in {"à", "au", "aux"}:
                return "strong"
            if s.f[q] in {"de", "d'"} and q + 1 < s.n and "Inf" in s.doc[s.next_word(q + 1)].morph.get("VerbForm"):
                return "strong"  # "avise le public d'éviter le secteur"
    return None


def find_cues(s: Sentence) -> list[Cue]:
    cues: list[Cue] = []
    cues += _medium_cues(s)
    cues += _prepositional_cues(s)
    cues += _verb_cues(s)
    cues += _nominal_cues(s)
    cues += _vague_phrase_cues(s)
    cues += _circulation_cues(s)
    return cues


def _mention(s: Sentence, i: int, j: int) -> Mention:
    """A mention for the noun phrase [i, j); "les déclarations de X" becomes X."""
    if j - i == 1 and s.f[i] in lx.PRONOUNS_3RD | {"lui", "eux"}:
        return Mention(i, j, pronoun=True)
    head = s.head_of(i, j)
    if s.f[head] in lx.NOMINAL_SELF or s.f[head] in lx.NOMINAL_REPORT:
        comp = s.de_complement(head, j)
        if comp is not None and s.source_like(comp, j):
            return Mention(comp, j)
        return Mention(i, j, self_document=s.f[head] in lx.NOMINAL_SELF)
    return Mention(i, j)


def _with_citations(s: Sentence, np: tuple[int, int, str]) -> list[Mention]:
    """The mention of ``np`` and, for "X citant Y" (also "X, citant Y"), the cited Y."""
    i, j, why = np
    mentions = [_mention(s, i, j)]
    k = j
    for _ in range(3):
        nxt = s.next_word(k)
        if nxt < s.n and s.f[nxt] == ",":
            nxt = s.next_word(nxt + 1)
        if nxt < s.n and s.f[nxt] == "qui":  # "X, qui cite Y"
            verb = s.next_word(nxt + 1)
            if verb < s.n and s.f[verb] in {"cite", "citent", "citait", "citaient"}:
                nxt = verb
            else:
                break
        elif nxt >= s.n or s.f[nxt] != "citant":
            break
        cited = _np_after(s, nxt + 1, appositions=False)
        if cited is None or not s.source_like(cited[0], cited[1]):
            break
        s.used.update(range(nxt, cited[1]))
        mentions.append(_mention(s, cited[0], cited[1]))
        k = cited[1]
    return mentions


def _prepositional_cues(s: Sentence) -> list[Cue]:
    cues = []
    f = s.f
    for k in range(s.n):
        w = f[k]
        start = end = None
        if w in lx.PREPOSITIONS and s.doc[k].pos_ in {"ADP", "VERB", "ADV", "NOUN"}:
            start, end = k, k + 1
        elif w in {"d'", "d"} and k + 1 < s.n and f[k + 1] == "apres":
            start, end = k, k + 2
        elif w in {"a", "à"} and k + 2 < s.n and f[k + 1] == "en" and f[k + 2] == "croire":
            start, end = k, k + 3
        elif w == "par" and k > 0 and f[s.prev_word(k - 1)] in lx.PASSIVE_REPORT_FORMS | lx.INTERVIEW_FORMS | lx.BROADCAST_FORMS:
            start, end = s.prev_word(k - 1), k + 1
        elif w == "pour" and _opens_sentence(s, k):
            start, end = k, k + 1  # "Pour le chercheur X, ..." (a view, attributed)
        if start is None or k in s.used:
            continue
        nxt = s.next_word(end)
        if nxt >= s.n or f[nxt] in lx.NOT_AFTER_SELON:
            continue  # "selon lesquels", "selon que": a conjunction, not a cue
        # No apposition here: "selon X, la suite de la phrase" (appositions end incises).
        np = _np_after(s, nxt, appositions=False)
        agent = _document_agent(s, np) if np is not None and w != "par" else None
        if agent is not None:
            np = agent  # "selon un bilan lu à la télévision par le porte-parole": the speaker
        elif np is not None and f[np[0]] in {"son", "sa", "ses", "leur", "leurs"} and f[s.head_of(np[0], np[1])] in _DOCUMENT_LIKE | {"recit", "version", "avis", "analyse", "estimation"}:
            # "selon son récit": whoever "son" is.
            s.used.update(range(start, np[1]))
            cues.append(Cue("prep.selon", OUTER, start, (start, end), [Mention(np[0], np[0] + 1, pronoun=True, span_end=np[1])]))
            continue
        if np is None or not s.source_like(np[0], np[1]):
            continue  # "selon le plan", "selon la loi": not a source
        if w == "pour":
            comma = s.next_word(np[1])
            head = s.f[s.head_of(np[0], np[1])]
            if comma >= s.n or s.f[comma] != "," or head in lx.DOCUMENT_HEADS | lx.VAGUE_HEADS:
                continue  # "pour la première fois", "pour le rapport": not a view
            rule = "prep.pour"
        elif w == "par" and f[start] in lx.INTERVIEW_FORMS | lx.BROADCAST_FORMS:
            if not s.outlet_like(np[0], np[1]):
                continue  # "interrogé par la police", "publié par un éditeur": not an attribution
            rule = "prep.interview" if f[start] in lx.INTERVIEW_FORMS else "prep.passive"
        elif w == "par":
            rule = "prep.passive"
        else:
            rule = "prep.selon"
        mentions = _with_citations(s, np)
        rules = [rule] + ["prep.citing"] * (len(mentions) - 1)
        s.used.update(range(start, np[1]))
        cues.append(Cue(rule, OUTER, start, (start, end), mentions, rules))
    return cues


_DOCUMENT_LIKE = lx.NOMINAL_SELF | lx.NOMINAL_REPORT | lx.DOCUMENT_EXTRA_HEADS


def _document_agent(s: Sentence, np: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """ "un bilan lu à la télévision par X", "le communiqué publié par X", "des chiffres
    dévoilés par X": the document's author or carrier, named by "par" after a participle."""
    i, j, why = np
    head = s.head_of(i, j)
    if s.f[head] not in _DOCUMENT_LIKE:
        return None
    k = s.next_word(head + 1)
    for _ in range(4):  # "le point de situation diffusé par": past adjectives and "de X"
        if k < s.n and s.doc[k].pos_ == "ADJ" and not s.f[k].endswith(("e", "u", "is", "it", "es")):
            k = s.next_word(k + 1)
        elif k + 1 < s.n and s.f[k] in {"de", "d'"} and s.doc[s.next_word(k + 1)].pos_ == "NOUN":
            k = s.next_word(s.next_word(k + 1) + 1)
        else:
            break
    if k >= s.n or not s.doc[k].text.islower() or not s.f[k].endswith(("e", "es", "u", "us", "is", "ees", "it")):
        return None  # a participle ("lu", "publié", "diffusés"), whatever the tagger calls it
    for _ in range(16):
        k = s.next_word(k + 1)
        if k >= s.n or s.f[k] in {",", ";", ".", ":", "«", '"'} or s.finite_verb(k):
            return None
        if s.f[k] == "par":
            agent = _np_after(s, k + 1, appositions=False)
            if agent is not None and s.source_like(agent[0], agent[1]):
                return agent
            return None
    return None


def _medium_cues(s: Sentence) -> list[Cue]:
    """The medium a statement was made in or to, before its speaker: « A l'antenne de
    franceinfo, X a dit », « Au micro de RTL », « Dans une entrevue accordée au réseau CBC »,
    « Dans une vidéo diffusée par le Kremlin, X s'est félicité »."""
    cues = []
    f = s.f
    for k in range(s.n):
        if k in s.used:
            continue
        start = k
        np_from = None
        if f[k] in {"antenne", "micro", "ondes", "plateau"} and k >= 1:
            p = s.prev_word(k - 1)
            if p >= 0 and f[p] in {"l'", "le", "les", "la"}:
                p = s.prev_word(p - 1)
            if p < 0 or f[p] not in {"a", "sur", "au", "aux"}:
                continue
            start = p
            de = s.next_word(k + 1)
            if de >= s.n or f[de] not in {"de", "d'", "du", "des"}:
                continue
            np_from = de + 1 if f[de] in {"de", "d'"} else de
        elif f[k] in {"interview", "entrevue", "entretien", "entretiens", "interviews"}:
            q = s.next_word(k + 1)
            if q >= s.n or f[q] not in {"accordee", "accorde", "donnee", "donne", "accordees"}:
                continue
            q = s.next_word(q + 1)
            steps = 0
            while q < s.n and steps < 4 and s.doc[q].text.lower() not in {"à", "au", "aux", "a"}:
                q = s.next_word(q + 1)
                steps += 1
            if q >= s.n or s.doc[q].text.lower() not in {"à", "au", "aux", "a"}:
                continue
            np_from = q + 1 if s.doc[q].text.lower() in {"à", "a"} else q
        elif f[k] in lx.BROADCAST_FORMS and k >= 1:
            # "Dans une vidéo diffusée par le Kremlin": a document carried by a source.
            p = s.prev_word(k - 1)
            if p < 0 or f[p] not in _DOCUMENT_LIKE:
                continue
            q = s.next_word(k + 1)
            if q >= s.n or f[q] != "par":
                continue
            np_from = q + 1
        else:
            continue
        np = _np_after(s, np_from, appositions=False)
        if np is None:
            continue
        i, j, _ = np
        if not (s.outlet_like(i, j) or s.source_like(i, j) or _medium_name(s, i, j)):
            continue
        s.used.update(range(start, j))
        cues.append(Cue("prep.medium", OUTER, start, (start, k + 1), [_mention(s, i, j)]))
    return cues


def _medium_name(s: Sentence, i: int, j: int) -> bool:
    """A broadcaster's name ("franceinfo", "RTL"), a name in capitals or a proper noun."""
    words = [q for q in range(i, j) if not s.doc[q].is_space and s.f[q] not in lx.DEFINITES]
    if not words:
        return False
    joined = " ".join(s.f[q] for q in words)
    if joined in lx.MEDIA_NAMES or s.f[words[0]] in lx.MEDIA_NAMES or any(
        joined.startswith(name + " ") or ("le " + joined) == name or ("la " + joined) == name for name in lx.MEDIA_NAMES
    ):
        return True
    return any(s.doc[q].text.isupper() and len(s.doc[q].text) > 1 or s.doc[q].pos_ == "PROPN" for q in words)


def _opens_sentence(s: Sentence, k: int) -> bool:
    """Token ``k`` starts the sentence, maybe after "Mais", "Et", "Or" or an opening quote."""
    p = s.prev_word(k - 1)
    while p >= 0 and (s.f[p] in {"mais", "et", "or", "donc", "«", "“", '"', "("}):
        p = s.prev_word(p - 1)
    return p < 0


def _verb_cues(s: Sentence) -> list[Cue]:
    cues = []
    f = s.f
    doc = s.doc
    for k in range(s.n):
        if k in s.used:
            continue
        prev = s.prev_word(k - 1)
        while prev >= 0 and (doc[prev].pos_ == "ADV" or f[prev] in _NEGATION):
            prev = s.prev_word(prev - 1)
        # After a comma, a closing quote or an auxiliary the form is trusted whatever the tagger
        # says (", rapporte Reuters" as a noun, "a démenti" as a name).
        lenient = prev >= 0 and (
            f[prev] in {",", "»", "”"} or f[prev] in _AUX_FORMS
            or (doc[prev].text.startswith("-") and f[prev].lstrip("-") in lx.PRONOUNS_3RD | {"t", "on"})
        ) and doc[k].text[:1].islower()
        strength = _speech_verb_at(s, k, lenient=lenient)
        impersonal_verb = f[k] in lx.IMPERSONAL_VERBS and s.is_verb_like(k)
        if strength is None and not impersonal_verb:
            continue
        t = doc[k]
        forms = t.morph.get("VerbForm")
        before = s.prev_word(k - 1)
        if "Inf" in forms and f[k] not in lx.FAIRE_FORMS:
            continue  # "pour annoncer", "veut dire": no subject of its own
        if f[k].endswith("ant") and ("Part" in forms or "Ger" in forms or before >= 0 and f[before] == "en"):
            continue  # "en affirmant que": governed by the main verb's speaker
        verb_end = k + 1
        if f[k] in lx.FAIRE_FORMS:
            verb_end = s.next_word(k + 1) + 1
        # Walk left over auxiliaries, negation, adverbs and a clitic ("a-t-il", "n'a pas").
        cue_start = k
        clitic: int | None = None
        passive = False
        p = before
        while p >= 0:
            w = f[p]
            if w in {"-t", "t", "-t-"}:
                p = s.prev_word(p - 1)
                continue
            if w.lstrip("-") in lx.PRONOUNS_3RD | {"on"} and doc[p].text.startswith("-"):
                clitic = p
                p = s.prev_word(p - 1)
                continue
            if w in _AUX_FORMS and doc[p].pos_ in {"AUX", "VERB"}:
                passive = passive or w in _PASSIVE_AUX and "Part" in forms
                cue_start = p
                p = s.prev_word(p - 1)
                continue
            if w in _NEGATION or doc[p].pos_ == "ADV":
                p = s.prev_word(p - 1)
                continue
            break
        left = p  # the word before the cue
        # A clitic after the verb: "ajoute-t-il", "dit-on".
        q = s.next_word(verb_end)
        if q < s.n and f[q] in {"-t", "t"}:
            q = s.next_word(q + 1)
        if q < s.n and f[q].lstrip("-") in lx.PRONOUNS_3RD | {"on"} and doc[q].text.startswith("-"):
            clitic = q
            verb_end = q + 1
        after_break = left < 0 or f[left] in {",", "»", "”", '"', "(", "—", "–", ":"}
        # "ce qu'a indiqué X", "comme l'a rappelé X": the speaker comes after the verb, as in an incise.
        inverted = left >= 0 and (
            f[left] in {"qu'", "que"} or (f[left] == "l'" and s.prev_word(left - 1) >= 0 and f[s.prev_word(left - 1)] == "comme")
        )
        cue_span = (cue_start, verb_end)

        if clitic is not None:
            s.used.update(range(cue_start, verb_end))
            if f[clitic].lstrip("-") == "on" or impersonal_verb:
                cues.append(Cue("vague.on", SPEAKER, k, cue_span, [Mention(cue_start, verb_end, vague=True)]))
            elif strength in {"strong", "weak"}:
                level = INCISE if after_break else SPEAKER
                cues.append(Cue("verb.clitic", level, k, cue_span, [Mention(clitic, clitic + 1, pronoun=True)]))
            continue
        if strength is None and not impersonal_verb:
            continue

        complement = _has_reported_clause(s, verb_end)
        subject = _subject_of(s, k)
        if passive:
            agent = _agent_after(s, verb_end)
            if agent is not None:
                s.used.update(range(cue_start, agent[1]))
                cues.append(Cue("verb.passive_agent", SPEAKER, k, cue_span, _with_citations(s, agent)))
                continue
            if subject is not None and f[subject[0]] == "il" and complement:
                s.used.update(range(subject[0], verb_end))
                cues.append(Cue("vague.impersonal", SPEAKER, k, cue_span, [Mention(subject[0], verb_end, vague=True)]))
            continue
        if impersonal_verb:
            if subject is not None and f[subject[0]] == "il" and complement:
                s.used.update(range(subject[0], verb_end))
                cues.append(Cue("vague.impersonal", SPEAKER, k, cue_span, [Mention(subject[0], verb_end, vague=True)]))
            continue

        # Incise: the content came before (", a indiqué la source", "», a dit X"). The parser
        # often hangs such a verb on the content's verb; only a subject of its own counts here.
        own_subject = any(left < c.i < k for c in s.subjects(k)) or any(
            c.i < left and _outside_quotes(s, c.i) and s.source_like(*_np_span(s, c))
            for c in s.subjects(k)
        )
        if (after_break or inverted) and not complement and not own_subject:
            start = _skip_time_words(s, verb_end)
            outlet = _to_outlet(s, start)
            if outlet is not None:
                start = _skip_time_words(s, outlet[1])
            np = _np_after(s, start)
            if np is not None and (s.doc[np[0]].pos_ == "ADP" and s.f[np[0]] not in _DE or s.f[np[0]] in _NP_STOP_WORDS):
                # "a déclaré en conférence de presse X", "a déclaré lors d'un point de presse …,
                # X", "a déclaré par téléphone le ministre": the speaker is the verb's subject.
                np = None
                for c in s.subjects(k, _SUBJECT_DEPS):
                    if c.i > k:
                        a, b = _np_span(s, c)
                        a = max(start, _pp_end(s, start, min(a, c.i)))
                        if s.source_like(a, b):
                            np = (a, b, "subject")
                        break
                if np is None:
                    comma = start
                    while comma < s.n and s.f[comma] not in {","} | _FINAL_PUNCT and comma - start < 15:
                        comma += 1
                    if comma < s.n and s.f[comma] == ",":
                        np = _np_after(s, comma + 1)
            if np is not None and s.source_like(np[0], np[1]):
                s.used.update(range(cue_start, np[1]))
                cues.append(Cue("verb.incise", INCISE, k, cue_span, _with_citations(s, np)))
                if outlet is None:  # "a indiqué une source à Reuters", "…, François X, sur RTL"
                    outlet = _to_outlet(s, np[1])
                    after_np = s.next_word(np[1])
                    if outlet is None and after_np < s.n and s.f[after_np] == ",":
                        outlet = _to_outlet(s, after_np + 1)
                    if outlet is not None:
                        s.used.update(range(np[1], outlet[1]))
                if outlet is not None:
                    cues.append(Cue("verb.to_outlet", OUTER, k, cue_span, [_mention(s, outlet[0], outlet[1])]))
                continue
        if subject is not None and not s.source_like(*subject) and f[subject[0]] not in lx.PRONOUNS_3RD:
            subject = None  # "L'état-major" parsed as "major": read the words before the verb
        if subject is None and strength == "strong" or subject is None and complement:
            subject = _np_before(s, cue_start)
        if subject is None or subject[0] > k:
            continue
        i, j = subject
        word = f[i]
        if strength == "vague":
            if word == "on":
                s.used.update(range(i, verb_end))
                cues.append(Cue("vague.on", SPEAKER, k, cue_span, [Mention(i, verb_end, vague=True)]))
            continue
        if strength == "weak" and not complement:
            continue  # "a ajouté du sel", "estime le coût"
        if not complement and any(f[q] in {"ne", "n'"} for q in range(max(0, cue_start - 3), k)):
            continue  # "l'armée ne communique plus sur ses pertes": nothing is reported
        if word == "on":
            s.used.update(range(i, verb_end))
            cues.append(Cue("vague.on", SPEAKER, k, cue_span, [Mention(i, verb_end, vague=True)]))
            continue
        if word == "il" and doc[i].dep_ == "expl:subj":
            if complement:
                s.used.update(range(i, verb_end))
                cues.append(Cue("vague.impersonal", SPEAKER, k, cue_span, [Mention(i, verb_end, vague=True)]))
            continue
        if word in _SUBJECT_SKIP and not (word == "ce" and j - i >= 2 and f[s.next_word(i + 1)] in {"dernier", "derniere"}):
            continue
        if doc[k].dep_ == "acl:relcl" and any(c.rule.startswith("verb.") for c in cues):
            continue  # "…, en réponse à X qui accuse Y": the main cue's speaker speaks
        if not s.source_like(i, j) and s.f[i] not in lx.PRONOUNS_3RD:
            continue  # "cette décision indique que", "la population a annoncé": not a speaker
        rule = "verb.subject" if strength == "strong" else "verb.subject.weak"
        s.used.update(range(i, verb_end))
        mentions = [_mention(s, i, j)]
        cue = Cue(rule, SPEAKER, k, cue_span, mentions)
        cues.append(cue)
        outlet = _to_outlet(s, verb_end)
        after = s.next_word(verb_end)
        if outlet is None and after < s.n and s.f[after] == ",":
            outlet = _to_outlet(s, after + 1)  # "a expliqué, jeudi à France Bleu, que"
        if outlet is not None:
            cues.append(Cue("verb.to_outlet", OUTER, k, cue_span, [_mention(s, outlet[0], outlet[1])]))
    return cues


def _outside_quotes(s: Sentence, k: int) -> bool:
    opened = sum(1 for q in range(k) if s.f[q] in QUOTE_OPEN) - sum(1 for q in range(k) if s.f[q] in QUOTE_CLOSE)
    straight = sum(1 for q in range(k) if s.f[q] == '"')
    return opened <= 0 and straight % 2 == 0


def _np_before(s: Sentence, k: int) -> tuple[int, int] | None:
    """The subject right before a verb the parser left without one: "Le ministre … a démenti",
    "…, François Villeroy de Galhau, gouverneur de la Banque de France, a promis"."""
    end = s.prev_word(k - 1)
    if end < 0:
        return None
    if s.f[end] == ",":
        end = s.prev_word(end - 1)
    chunks: list[tuple[int, int]] = []
    j = end + 1
    q = end
    while q >= 0 and len(chunks) < 3:
        if s.f[q] == "," or q == 0:
            start = q + 1 if s.f[q] == "," else q
            chunks.append((s.next_word(start), j))
            j = q
        elif s.f[q] in _BREAK_PUNCT - {",", "(", ")"} or _verb_in_np(s, q) or s.f[q] in {"que", "qu'"}:
            chunks.append((s.next_word(q + 1), j))
            break
        q -= 1
    best = None
    for i, j2 in chunks:
        if i >= j2:
            break
        first = s.doc[i]
        if first.pos_ == "ADP" or any(_verb_in_np(s, x) for x in range(i, j2)):
            break
        if first.pos_ in {"DET", "PROPN"} or first.text[:1].isupper():
            best = (i, end + 1)
    if best is None or not s.source_like(*best):
        return None
    return best


def _pp_end(s: Sentence, k: int, limit: int) -> int:
    """Where the prepositional phrases from ``k`` end, before the name at ``limit``
    ("en conférence de presse Maureen Levy" -> "Maureen Levy")."""
    q = limit
    while q > k and (s.doc[q - 1].text[:1].isupper() or s.doc[q - 1].is_space or s.f[q - 1] in lx.DEFINITES):
        q -= 1
    return q


def _verb_in_np(s: Sentence, q: int) -> bool:
    """A finite verb at ``q``, unless a determiner makes it a noun ("Un enseignant")."""
    if not s.finite_verb(q):
        return False
    p = s.prev_word(q - 1)
    return not (p >= 0 and s.doc[p].pos_ == "DET")


def _skip_time_words(s: Sentence, k: int) -> int:
    """Skip "mercredi", "le vendredi 25 janvier", "encore" after an incise verb."""
    k = s.next_word(k)
    while k < s.n:
        w = s.f[k]
        t = s.doc[k]
        if w in lx.TIME_WORDS and w not in lx.DEFINITES | {"ce", "cette"}:
            k = s.next_word(k + 1)
            continue
        if t.text[:1].isdigit():
            k = s.next_word(k + 1)
            continue
        if w in lx.DEFINITES | {"ce", "cette"}:
            nxt = s.next_word(k + 1)
            if nxt < s.n and (s.f[nxt] in lx.TIME_WORDS or s.doc[nxt].text[:1].isdigit()) and s.f[nxt] not in lx.DEFINITES:
                k = nxt
                continue
        break
    return k


def _has_reported_clause(s: Sentence, k: int) -> bool:
    """What was said follows the verb: a "que" clause, a colon, a quote, an infinitive ("dit
    avoir", "accusé la Turquie de bombarder"). Time words and "à X" may come first."""
    k = s.next_word(k)
    steps = 0
    first = True
    while k < s.n and steps < 12:
        w = s.f[k]
        if w in {"que", "qu'", ":", "«", "“", '"'}:
            return True
        if s.doc[k].pos_ in {"VERB", "AUX"} and "Inf" in s.doc[k].morph.get("VerbForm"):
            # "dit avoir", "accusé la Turquie de bombarder"; not "a lancé une offensive pour reprendre".
            before = s.f[s.prev_word(k - 1)]
            return first or before in {"de", "d'"}
        if w in {"pour", "afin", "sans", "avant", "apres"}:
            return False
        if s.doc[k].pos_ not in {"ADV", "PRON"} and w not in _NEGATION:
            first = False
        if w == ",":
            # "a expliqué, jeudi à France Bleu, que …": a parenthetical, then the clause.
            q = s.next_word(k + 1)
            for _ in range(10):
                if q >= s.n or s.f[q] in _FINAL_PUNCT or s.finite_verb(q):
                    return False
                if s.f[q] == ",":
                    nxt = s.next_word(q + 1)
                    return nxt < s.n and s.f[nxt] in {"que", "qu'"}
                q = s.next_word(q + 1)
            return False
        if w in _FINAL_PUNCT:
            return False
        if s.finite_verb(k):
            return False
        k = s.next_word(k + 1)
        steps += 1
    return False


def _subject_of(s: Sentence, k: int) -> tuple[int, int] | None:
    """The subject noun phrase of the verb at ``k`` as token indices, from the parse."""
    doc = s.doc
    verb = doc[k]
    for _ in range(3):
        subjects = s.subjects(verb.i, _SUBJECT_DEPS)
        if not subjects:  # the parser sometimes hangs the subject on the auxiliary
            for aux in s.kids[verb.i]:
                if s.doc[aux].dep_.startswith("aux"):
                    subjects += s.subjects(aux, _SUBJECT_DEPS)
        if subjects:
            break
        if verb.dep_ in {"conj", "xcomp", "dep"} or verb.dep_.startswith("aux") or (
            verb.dep_ in {"iobj", "obj"} and verb.head.pos_ == "VERB" and verb.head.i == verb.i + 1
        ):
            if verb.head.i == verb.i:
                return None
            verb = verb.head  # "avait fait état", "a démenti jeudi": the parser hangs it on a neighbour
            continue
        if verb.dep_ == "acl:relcl":
            return _np_span(s, verb.head, exclude=verb)
        # "Un responsable, s'exprimant sous couvert d'anonymat, a confirmé": parsed as a clause
        # hanging on the noun; with an auxiliary of its own the verb is finite and the noun its subject.
        if verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ in {"NOUN", "PROPN"} and any(
            s.doc[c].dep_.startswith("aux") for c in s.kids[verb.i]
        ):
            return _np_span(s, verb.head, exclude=verb)
        return None
    else:
        return None
    before = [c for c in subjects if c.i < verb.i]
    subject = before[-1] if before else subjects[0]  # "(VOVWORLD) - Pékin a déclaré": the nearest
    if s.f[subject.i] == "qui" and verb.dep_ == "acl:relcl":
        return _np_span(s, verb.head, exclude=verb)
    return _np_span(s, subject)


def _np_span(s: Sentence, head: "Token", exclude: "Token | None" = None) -> tuple[int, int]:
    """The noun phrase of ``head``: its subtree without relative clauses, trimmed."""
    i, j = head.left_edge.i, head.right_edge.i + 1
    for child in (s.doc[c] for c in s.kids[head.i] if c > head.i):
        # A participle with complements of its own is a clause ("les experts interrogés par Le
        # Monde"); a bare one is an adjective ("les forces armées irakiennes").
        participle = (
            child.dep_ == "acl" and child.pos_ == "VERB" and bool(s.kids[child.i])
            and not child.text[:1].isupper() and "-" not in child.text
        )
        if child.dep_ == "acl:relcl" or participle or (exclude is not None and child.i == exclude.i):
            j = min(j, child.left_edge.i)
    # A clause boundary inside the subtree ("alors que le commandant"), or a fronted adverbial
    # hung on it by the parser ("Dans un communiqué …, le mouvement"): start after it.
    for p in range(i, head.i):
        spaced_dash = s.f[p] in {"-", "–", "—", "--"} and p > 0 and s.doc[p - 1].whitespace_ != "" and s.doc[p].whitespace_ != ""
        if s.f[p] in {"que", "qu'", ",", ")"} or spaced_dash or s.doc[p].pos_ == "SCONJ":
            i = p + 1
    while i < j and (s.doc[i].is_space or s.doc[i].is_punct):
        i += 1
    while j > i and (s.doc[j - 1].is_space or s.doc[j - 1].is_punct and s.f[j - 1] not in {")"}):
        j -= 1
    if j - i > _MAX_MENTION_TOKENS:
        # A parse gone wrong on a run-on sentence: keep the words around the head.
        i = max(i, head.i - _MAX_MENTION_TOKENS // 2)
        j = min(j, i + _MAX_MENTION_TOKENS)
    return i, max(j, i + 1)


def _agent_after(s: Sentence, k: int) -> tuple[int, int, str] | None:
    """ "par X" after a passive speech verb ("a été annoncé par le ministère")."""
    k = _skip_time_words(s, k)
    if k < s.n and s.f[k] == "par":
        np = _np_after(s, k + 1)
        if np is not None and s.source_like(np[0], np[1]):
            return np
    return None


def _to_outlet(s: Sentence, k: int) -> tuple[int, int] | None:
    """ "à la chaîne Y", "à l'AFP", "sur RTL", "au micro de Y", "dans une interview accordée à
    Y" after a speech verb or a nominal cue: the outlet spoken to."""
    k = _skip_time_words(s, k)
    if k >= s.n:
        return None
    word = s.doc[k].text.lower()
    nxt = s.next_word(k + 1)
    if nxt < s.n and s.f[nxt] in {"l'", "les", "le", "la"}:
        nxt = s.next_word(nxt + 1)
    on_air = nxt < s.n and s.f[nxt] in {"antenne", "micro", "ondes", "plateau"}
    if word == "sur" or word in {"au", "à"} and on_air:
        if on_air:
            de = s.next_word(nxt + 1)
            if de < s.n and s.f[de] in {"de", "d'", "du", "des"}:
                np = _np_after(s, de + 1 if s.f[de] in {"de", "d'"} else de, appositions=False)
                if np is not None and (s.outlet_like(np[0], np[1]) or _medium_name(s, np[0], np[1])):
                    return np[0], np[1]
            return None
        if word != "sur":
            return None
        np = _np_after(s, k + 1, appositions=False)
        if np is None:
            return None
        i, j, _ = np
        if any(s.f[q] in lx.PLATFORMS for q in range(i, j)):
            return None  # "sur Twitter", "sur les réseaux sociaux": where, not who
        if s.outlet_like(i, j) and s.f[s.head_of(i, j)] not in lx.MEDIA_HEADS - lx.OUTLET_HEADS:
            return i, j
        if _medium_name(s, i, j) and s.doc[s.head_of(i, j)].ent_type_ not in {"LOC", "PER"}:
            return i, j
        return None
    if word == "dans":
        q = s.next_word(k + 1)
        if q < s.n and s.f[q] in {"une", "un", "l'", "son", "sa"}:
            q = s.next_word(q + 1)
        if q < s.n and s.f[q] in {"interview", "entrevue", "entretien"}:
            a = s.next_word(q + 1)
            if a < s.n and s.f[a] in {"accordee", "accorde", "donnee", "donne"}:
                return _to_outlet(s, a + 1)
        return None
    if word not in {"à", "au", "aux"}:
        return None
    np = _np_after(s, k + 1, appositions=False)
    if np is None:
        return None
    i, j, _ = np
    head = s.head_of(i, j)
    if s.outlet_like(i, j) and s.f[head] not in {"journaliste", "journalistes", "reporter"}:
        return i, j
    named = " ".join(s.f[q] for q in range(i, j) if not s.doc[q].is_space and s.f[q] not in lx.DEFINITES)
    if any(named == name or named.startswith(name + " ") or name.endswith(" " + named) for name in lx.MEDIA_NAMES):
        return i, j  # "à France Bleu Breizh Izel", "au Soleil"
    return None


def _nominal_cues(s: Sentence) -> list[Cue]:
    """ "Dans un communiqué du ministère", "suite aux déclarations de X à la chaîne Y"."""
    cues = []
    for k in range(s.n):
        w = s.f[k]
        if k in s.used or s.doc[k].pos_ != "NOUN":
            continue
        if w not in lx.NOMINAL_SELF and w not in lx.NOMINAL_REPORT:
            continue
        if s.doc[k].dep_ in {"nsubj", "nsubj:pass"}:
            continue  # "le communiqué indique que": the verb rule reads it
        # Part of an adverbial: a preposition shortly before ("dans un", "suite aux", "lors de").
        p = s.prev_word(k - 1)
        steps = 0
        while p >= 0 and steps < 3 and s.doc[p].pos_ in {"DET", "ADJ"}:
            p = s.prev_word(p - 1)
            steps += 1
        if p < 0 or not (s.doc[p].pos_ == "ADP" or s.f[p] in {"suite", "aux", "au", "dans"}):
            continue
        before = s.prev_word(p - 1)
        if before >= 0 and s.f[before] in {"reponse", "reaction", "replique", "contraire", "malgre", "face"}:
            continue  # "en réponse aux propos de X": X is answered, not cited
        comp = s.de_complement(k, s.n)
        if comp is None:
            continue
        np = _np_after(s, comp, appositions=False)
        if np is None or not s.source_like(np[0], np[1]):
            continue
        mentions = [_mention(s, np[0], np[1])]
        s.used.update(range(k, np[1]))
        cues.append(Cue("nominal", DOCUMENT, k, (k, k + 1), mentions))
        outlet = _to_outlet(s, np[1])
        if outlet is not None:
            s.used.update(range(np[1], outlet[1]))
            cues.append(Cue("nominal.to_outlet", OUTER, k, (k, k + 1), [_mention(s, outlet[0], outlet[1])]))
    return cues


_VAGUE_PHRASES = [tuple(fold(p).split()) for p in lx.VAGUE_PHRASES]


def _vague_phrase_cues(s: Sentence) -> list[Cue]:
    words = [(k, w) for k, w in enumerate(s.f) if not s.doc[k].is_space]
    cues = []
    for n in range(len(words)):
        for phrase in _VAGUE_PHRASES:
            if n + len(phrase) <= len(words) and tuple(w for _, w in words[n : n + len(phrase)]) == phrase:
                i, j = words[n][0], words[n + len(phrase) - 1][0] + 1
                if any(p in s.used for p in range(i, j)):
                    continue
                s.used.update(range(i, j))
                cues.append(Cue("vague.phrase", OUTER, i, (i, j), [Mention(i, j, vague=True)]))
    return cues


def _circulation_cues(s: Sentence) -> list[Cue]:
    """ "Des images circulent dans les médias irakiens", "une vidéo diffusée par X"."""
    cues = []
    for k in range(s.n):
        if k in s.used or s.f[k] not in lx.CIRCULATION_FORMS or not s.is_verb_like(k):
            continue
        verb = s.doc[k]
        subjects = s.subjects(k)
        subject = subjects[0] if subjects else (verb.head if verb.dep_ in {"acl", "amod"} else None)
        if subject is None or s.f[subject.i] not in lx.CIRCULATION_SUBJECTS:
            continue
        p = s.next_word(k + 1)
        if p >= s.n or s.f[p] not in {"dans", "sur", "par"}:
            continue
        np = _np_after(s, p + 1, appositions=False)
        if np is None:
            continue
        i, j, _ = np
        labels = {s.doc[q].ent_type_ for q in range(i, j)}
        if s.f[s.head_of(i, j)] not in lx.MEDIA_HEADS and "NEWS_OUTLET" not in labels:
            continue
        s.used.update(range(k, j))
        cues.append(Cue("media.circulation", SPEAKER, k, (k, k + 1), [_mention(s, i, j)]))
    return cues
