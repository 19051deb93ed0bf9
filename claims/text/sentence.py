"""A parsed sentence and its noun phrases, for the attribution cue rules: token folding, heads,
names, noun phrases after a word, appositions, speech verbs, time words.

Pure Python (no Django). Split from ``claims.text.cues`` (the rules), which imports from here
with ``claims.text.verb_cues`` and ``claims.text.clauses``.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.registry import fold
from claims.text.segmentation import Segment

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["DOCUMENT", "INCISE", "OUTER", "QUOTE_CLOSE", "QUOTE_OPEN", "SPEAKER", "Cue", "Mention", "Sentence"]

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
# A site by its address: "journaldupays.com", "lematin.ma".
WEBSITE = re.compile(r"^[a-z0-9][a-z0-9\-]{2,}\.(?:com|fr|net|org|info|ma|dz|tn|sn|ci|cm|be|ch|ca|cd|bf|ml|ne|tg|bj|ga|mg|lb)$")
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
        self.used: set[int] = set()
        self.n = n = len(doc)
        self.f: list[str] = []
        # Dependents of each token, computed once: spaCy's Token.children walks the subtree,
        # which is quadratic over a long run-on sentence.
        self.kids: list[list[int]] = [[] for _ in range(n)]
        self.subject_kids: list[list[int]] = [[] for _ in range(n)]
        for k, t in enumerate(doc):
            text = t.text
            folded = " " if t.is_space else fold(text)
            if t.is_punct or not folded:
                folded = text.replace("’", "'")  # fold() strips edge punctuation: keep it
            self.f.append(folded)
            head = t.head.i
            if head != k:
                self.kids[head].append(k)
                if t.dep_ in _SUBJECT_DEPS:
                    self.subject_kids[head].append(k)

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
        if any(self.doc[k].ent_type_ == "NEWS_OUTLET" or WEBSITE.search(self.doc[k].text) for k in range(i, j)):
            return True  # (a news site by its address: "le journaldupays.com")
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
        if any(self.doc[k].ent_type_ in {"PER", "ORG"} or WEBSITE.search(self.doc[k].text) for k in range(i, j)):
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
        if w in QUOTE_OPEN | {'"'} and j > i and (
            f[s.prev_word(j - 1)] in lx.OUTLET_HEADS or s.prev_word(j - 1) == i and f[i] in lx.DEFINITES
            or f[i] in lx.DEFINITES and f[s.next_word(i + 1)] in lx.OUTLET_HEADS
        ):
            # (also "la « Radio Mondiale »": a title in quotes right after its article, and "le
            # journal local de Haute-Savoie “Le Messager”": after a described medium)
            # 'le magazine "Salama"', "le quotidien « El Watan »": the title in quotes.
            close = next((q for q in range(j + 1, min(s.n, j + 8)) if f[q] in QUOTE_CLOSE | {'"'}), None)
            if close is not None and close > j + 1 and all(not doc[q].is_punct or f[q] in {"-", "'"} for q in range(j + 1, close)):
                j = close + 1
                continue
        if w == "+" and j > i and doc[j - 1].whitespace_ == "" and t.whitespace_ == "":
            j += 1  # "le groupe 5+1"
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
            if w == "en" and j + 1 < s.n and f[s.next_word(j + 1)] in {"provenance", "chef"}:
                j = s.next_word(j + 1) + 1  # "en provenance de", "le commandant en chef"
                continue
            why = "adp"
            break
        if j > i and _aside_at(s, j):
            why = "adverb"  # "La direction de son côté fustige": an aside, then the verb
            break
        if j > i and w == "et" and _adjectives_go_on(s, i, j):
            j = s.next_word(j + 1)  # "des sources militaire et médicale": one noun, two adjectives
            continue
        if j > i and w == "et" and _name_goes_on(s, j):
            j = s.next_word(j + 1)  # "ministère des Affaires étrangères et des Expatriés": one name
            continue
        if j > i and t.pos_ in {"CCONJ", "SCONJ"}:
            why = "conj"
            break
        if j > i and t.ent_type_ == "PER" and t.ent_iob_ == "B" and doc[s.prev_word(j - 1)].ent_type_ in {"NEWS_OUTLET", "INSTITUTION"}:
            why = "determiner"  # "à l'AFP Jean Dupont": the outlet, then the speaker
            break
        if j > i and w in {"de", "d'"} and f[s.next_word(j + 1)] in {"source", "sources"} and doc[j - 1].text[:1].isupper():
            why = "adp"  # "a appris BFMTV de source policière": the outlet, then its source
            break
        if j > i and w in {"se", "s'"} and t.pos_ == "PRON":
            why = "verb"  # "un diplomate s'exprimant sous couvert d'anonymat": a clause
            break
        if j > i and w in _REPORT_PARTICIPLES and t.text.islower():
            why = "verb"  # "des témoins joints par téléphone", "le ministère cité par": a clause
            break
        if j > i and t.pos_ == "DET" and w not in _DE and not t.text[:1].isupper() and t.ent_iob_ != "I":
            prev = s.prev_word(j - 1)
            if prev >= i and doc[prev].pos_ in {"NOUN", "PROPN", "ADJ"} and f[prev] not in _DE:
                why = "determiner"  # "à l'AFP une source médicale": a second noun phrase
                break
        if j > i and w in {"ce", "cette"} and j + 1 < s.n and f[s.next_word(j + 1)] in lx.TIME_WORDS:
            why = "adverb"  # "sur France Inter ce mardi": when, not who
            break
        if j > i and (t.pos_ == "ADV" or w in _NP_STOP_WORDS) and not t.text[:1].isupper():
            whole = " ".join(f[q] for q in range(i, j + 1) if not doc[q].is_space)
            named = " ".join(f[q] for q in range(i, j + 1) if not doc[q].is_space and f[q] not in lx.DEFINITES)
            if whole not in lx.MEDIA_NAMES and named not in lx.MEDIA_NAMES:  # "Le Journal du dimanche": a title, not a day
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


_REPORT_PARTICIPLES = lx.PASSIVE_REPORT_FORMS | lx.INTERVIEW_FORMS


def _adjectives_go_on(s: Sentence, i: int, k: int) -> bool:
    """ "et" between two adjectives of the same noun ("sources locales et sécuritaires"), the noun
    a source's head: no second noun phrase starts here."""
    before, after = s.prev_word(k - 1), s.next_word(k + 1)
    if before < i or after >= s.n or s.doc[before].pos_ != "ADJ" or not s.doc[after].text.islower():
        return False
    noun = s.prev_word(before - 1)
    while noun >= i and s.doc[noun].pos_ == "ADJ":
        noun = s.prev_word(noun - 1)
    if noun < i or s.f[noun] not in {"source", "sources"}:
        return False
    nxt = s.next_word(after + 1)
    return s.doc[after].pos_ in {"ADJ", "NOUN", "VERB"} and (nxt >= s.n or s.doc[nxt].pos_ not in {"NOUN", "DET"})


def _name_goes_on(s: Sentence, k: int) -> bool:
    """ "et" inside a body's name: a capitalised word before it, and "de/des/du" then a
    capitalised word after it ("des Affaires étrangères et des Expatriés", "de l'Europe et des
    Affaires étrangères")."""
    before = s.prev_word(k - 1)
    while before >= 0 and s.doc[before].pos_ == "ADJ" and s.doc[before].text.islower():
        before = s.prev_word(before - 1)  # "Affaires étrangères"
    if before < 0 or not s.doc[before].text[:1].isupper():
        return False
    q = s.next_word(k + 1)
    if q >= s.n or s.f[q] not in {"de", "des", "du", "d'"}:
        return False
    q = s.next_word(q + 1)
    if q < s.n and s.f[q] in {"la", "l'", "le", "les"}:
        q = s.next_word(q + 1)
    return q < s.n and s.doc[q].text[:1].isupper()

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


# Every form _speech_verb_at can answer for: any other word is no speech verb.
SPEECH_VERB_FORMS = frozenset(
    lx.STRONG_FORMS | lx.WEAK_FORMS | lx.STANCE_FORMS | lx.FAIRE_FORMS | lx.PARLER_FORMS
    | lx.VAGUE_ONLY_FORMS | lx.CALL_FORMS | lx.COUNT_FORMS | lx.FIGURE_GIVING_FORMS | lx.ASCRIBE_FORMS
)


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
    if w in lx.STRONG_FORMS:
        return "strong"
    if w in lx.COUNT_FORMS or w in lx.FIGURE_GIVING_FORMS and _figure_follows(s, k):
        return "strong"
    if w in lx.STANCE_FORMS and _reflexive(s, k):
        return "strong"  # "s'est alarmée de la situation", "s'est félicité de" (before "alarmer que")
    if w in lx.WEAK_FORMS:
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
        while p >= 0 and (s.f[p] in {"est", "sont", "etait", "a", "ont", "se", "s'"} | _NEGATION or s.doc[p].pos_ == "ADV"):
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
    if w in lx.CALL_FORMS:
        # "a appelé la communauté internationale à réagir": a call, reported.
        for q in range(k + 1, min(s.n, k + 10)):
            if s.f[q] in _FINAL_PUNCT or s.f[q] == ",":
                break
            if s.doc[q].text.lower() in {"à", "au", "aux"}:
                return "strong"
            if s.f[q] in {"de", "d'"} and q + 1 < s.n and "Inf" in s.doc[s.next_word(q + 1)].morph.get("VerbForm"):
                return "strong"  # "avise le public d'éviter le secteur"
        return "weak"  # "», a exhorté M. X", "a demandé que …": with a clause or in an incise
    if w in lx.ASCRIBE_FORMS:
        # "a attribué l'attaque aux rebelles", "l'imputent à des bandits": whose doing it was, said.
        for q in range(k + 1, min(s.n, k + 10)):
            if s.f[q] in _FINAL_PUNCT or s.f[q] == ",":
                break
            if s.doc[q].text.lower() in {"à", "au", "aux"}:
                return "strong"
    return None



def _figure_follows(s: Sentence, k: int) -> bool:
    """A figure is the object of the verb at ``k``: "un bilan", "un premier bilan", "ses chiffres"."""
    det = s.next_word(k + 1)
    if det >= s.n or s.doc[det].pos_ != "DET":
        return False
    noun = s.next_word(det + 1)
    if noun < s.n and s.doc[noun].pos_ == "ADJ":
        noun = s.next_word(noun + 1)  # "un nouveau bilan", "un premier bilan"
    return noun < s.n and s.f[noun] in lx.FIGURE_NOUNS


def _reflexive(s: Sentence, k: int) -> bool:
    """A reflexive clitic before the verb group at ``k`` ("s'est notamment alarmée")."""
    p = s.prev_word(k - 1)
    while p >= 0 and (s.f[p] in {"est", "sont", "etait", "a", "ont", "se", "s'"} | _NEGATION or s.doc[p].pos_ == "ADV"):
        if s.f[p] in {"se", "s'"}:
            return True
        p = s.prev_word(p - 1)
    return False


# "il y a quelques jours", "il y a deux semaines", "il y a un mois".
_AGO_WORDS = {
    "quelques", "plusieurs", "un", "une", "deux", "trois", "quatre", "cinq", "six", "dix", "peu",
    "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "annee", "annees", "heure", "heures",
    "minutes", "de", "cela",
}


# Asides between an incise's verb and its speaker.
_ASIDES = (
    ("de", "son", "cote"), ("de", "leur", "cote"), ("de", "sa", "part"), ("pour", "sa", "part"),
    ("pour", "leur", "part"), ("a", "son", "tour"), ("a", "leur", "tour"), ("quant", "a", "lui"),
    ("quant", "a", "elle"), ("lui", "aussi"), ("elle", "aussi"),
    # How it was said: "a déclaré par téléphone à l'AFP X", "a dit sous couvert d'anonymat un officier".
    ("par", "telephone"), ("au", "telephone"), ("par", "ecrit"), ("sous", "couvert", "d'", "anonymat"),
    ("sous", "couvert", "de", "l'", "anonymat"), ("sous", "le", "couvert", "de", "l'", "anonymat"),
    ("sous", "le", "sceau", "de", "l'", "anonymat"), ("sous", "couvert", "de", "l'", "anonymat"),
)


_ASIDE_FIRST_WORDS = frozenset(phrase[0] for phrase in _ASIDES)


def _aside_at(s: Sentence, k: int) -> int:
    """The token after an aside starting at ``k`` ("de son côté", "pour sa part"), else 0."""
    if k >= s.n or s.f[k] not in _ASIDE_FIRST_WORDS:
        return 0  # most words start no aside: _np_after asks at every word
    for phrase in _ASIDES:
        q = k
        for word in phrase:
            if q >= s.n or s.f[q] != word:
                break
            q = s.next_word(q + 1)
        else:
            if q < s.n and s.f[q] == ",":
                q = s.next_word(q + 1)
            return q
    return 0


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
        aside = _aside_at(s, k)
        if aside:
            k = aside  # "a indiqué de son côté l'agence", "a déclaré pour sa part le ministre"
            continue
        if w == "il" and k + 2 < s.n and s.f[s.next_word(k + 1)] == "y" and s.f[s.next_word(s.next_word(k + 1) + 1)] == "a":
            # "a affirmé il y a quelques jours le commandant …": how long ago, then the speaker.
            q = s.next_word(s.next_word(s.next_word(k + 1) + 1) + 1)
            while q < s.n and (s.f[q] in _AGO_WORDS or s.doc[q].text[:1].isdigit()):
                q = s.next_word(q + 1)
            if q > k + 3:
                k = q
                continue
        if w in lx.DEFINITES | {"ce", "cette"}:
            nxt = s.next_word(k + 1)
            if nxt < s.n and (s.f[nxt] in lx.TIME_WORDS or s.doc[nxt].text[:1].isdigit()) and s.f[nxt] not in lx.DEFINITES:
                k = nxt
                continue
        part = _part_of_day_at(s, k)
        if part:
            k = part  # "a déclaré en début de matinée le porte-parole", "dans la soirée"
            continue
        break
    return k


def _comma_after_day(s: Sentence, comma: int) -> int | None:
    """ "…, mardi 28 août, …": the comma that closes a day set between commas opened at
    ``comma``, else None."""
    if comma >= s.n or s.f[comma] != ",":
        return None
    close = _skip_time_words(s, comma + 1)
    return close if close > s.next_word(comma + 1) and close < s.n and s.f[close] == "," else None


_PARTS_OF_DAY = frozenset({"matinee", "journee", "soiree", "nuit", "apres midi", "apres-midi", "semaine", "matin", "soir"})


def _part_of_day_at(s: Sentence, k: int) -> int:
    """The token after "en début de matinée", "en fin d'après-midi", "dans la soirée", else 0."""
    if k >= s.n or s.f[k] not in {"en", "dans"}:
        return 0
    q = s.next_word(k + 1)
    if s.f[k] == "en" and q < s.n and s.f[q] in {"debut", "fin", "milieu"}:
        q = s.next_word(q + 1)
        if q < s.n and s.f[q] in {"de", "d'"}:
            q = s.next_word(q + 1)
    elif s.f[k] == "dans" and q < s.n and s.f[q] in {"la", "l'"}:
        q = s.next_word(q + 1)
    else:
        return 0
    return s.next_word(q + 1) if q < s.n and s.f[q] in _PARTS_OF_DAY else 0

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
