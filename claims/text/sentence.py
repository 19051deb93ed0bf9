"""A parsed sentence for the attribution cue rules: token folding, heads, names, subjects,
asides and time words, and the mentions and cues the rules find in it. Noun phrases are read by
``claims.text.noun_phrases``, speech verbs by ``claims.text.speech_verbs``.

Pure Python (no Django). Split from ``claims.text.cues`` (the rules), which imports from here
with ``claims.text.verb_cues`` and ``claims.text.clauses``.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.countries import is_place_name
from claims.text.registry import fold
from claims.text.segmentation import Segment

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["DOCUMENT", "INCISE", "ONE_OF_THEM", "OUTER", "QUOTE_CLOSE", "QUOTE_OPEN", "SPEAKER", "Cue", "Mention", "Sentence"]

# Chain levels, outermost first: the outlet cited, an incise's speaker, a document, the speaker.
OUTER, INCISE, DOCUMENT, SPEAKER = 0, 1, 2, 3

_DE = {"de", "d'", "du", "des"}
_FINAL_PUNCT = {".", "!", "?", "…", ";"}
QUOTE_OPEN = {"«", "“"}
QUOTE_CLOSE = {"»", "”"}
_BREAK_PUNCT = {",", ";", ":", ".", "!", "?", "…", "(", ")", "«", "»", '"', "“", "”", "[", "]", "—", "–"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl:subj"})
_MAX_MENTION_TOKENS = 40  # "le porte-parole du commandement des opérations conjointes, le général…"
_DAY_WORDS = {"hier", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "aujourd'hui"}
_NP_STOP_WORDS = {"lors", "pendant", "durant", "avant", "apres", "depuis"} | _DAY_WORDS
# "a confié l'un d'eux" (folded): one of a group named before.
ONE_OF_THEM = re.compile(r"^l' ?(?:un|une) d' ?(?:entre )?(?:eux|elles)$")
_RELATIVES = {"qui", "que", "qu'", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "ou"}
_SUBJECT_SKIP = {"je", "j'", "nous", "tu", "vous", "cela", "ca", "ceci", "ce", "c'", "celui-ci", "celle-ci"}
_AUX_FORMS = {
    "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "eut", "est", "sont",
    "etait", "etaient", "sera", "seront", "serait", "seraient", "ete", "avoir", "etre",
}
_PASSIVE_AUX = {"est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "ete"}
_NEGATION = {"ne", "n'", "pas", "jamais", "plus", "point"}
_INDEFINITES = frozenset({"un", "une", "des"})
_SOURCE_HEADS = (
    lx.OUTLET_HEADS | lx.INSTITUTION_HEADS | lx.PERSON_ROLE_HEADS | lx.ANONYMOUS_HEADS
    | lx.DOCUMENT_HEADS | lx.VAGUE_HEADS | lx.VAGUE_PLURAL_REPORTS
)
# A site by its address: "journaldupays.com", "lematin.ma", "Actualités.cd".
WEBSITE = re.compile(r"^[^\W_][\w\-]{2,}\.(?:com|fr|net|org|info|ma|dz|tn|sn|ci|cm|be|ch|ca|cd|bf|ml|ne|tg|bj|ga|mg|lb)$")
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
        # Outlets the text named before this sentence ("le site d'information Al-Maalomah"), folded:
        # "a déclaré à Al-Maalomah" further on is spoken to that outlet.
        self.outlets_before: frozenset[str] = frozenset()
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
        # One empty word past the end (and before the start: f[-1]): a rule that looks at the
        # word after the last one, or before the first, reads nothing instead of failing.
        self.f.append("")

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
        return min(k, self.n)

    def prev_word(self, k: int) -> int:
        while k >= 0 and self.doc[k].is_space:
            k -= 1
        return k

    def is_verb_like(self, k: int) -> bool:
        t = self.doc[k]
        if t.pos_ == "NOUN" and t.dep_ == "ROOT" and t.text.islower() and any(
            self.doc[c].dep_.startswith("nsubj") for c in self.kids[k]
        ) and any(self.doc[c].dep_ == "obj" for c in self.kids[k]):
            return True  # "L'Agence … (ANSM) annonce le rappel de …": a verb, whatever the tagger says
        if t.pos_ == "NOUN" and t.text.islower() and self.f[k] in lx.STRONG_FORMS | lx.WEAK_FORMS and any(
            self.doc[c].dep_.startswith("nsubj") and c < k for c in self.kids[k]
        ) and self.f[self.next_word(k + 1)] in {":", "que", "qu'"}:
            return True  # "Christine X (MR) ajoute : « … »": a verb with its subject, then what was said
        before = self.prev_word(k - 1)
        if before >= 0 and self.f[before] in {"maniere", "facon"}:
            return False  # "de manière précise": an adjective, whatever the tagger says
        if t.pos_ == "NOUN" and before == self.next_word(0) and t.text.islower() and self.f[k] in lx.STRONG_FORMS and (
            self.doc[before].ent_type_ in {"ORG", "PER", "NEWS_OUTLET", "PERSON", "INSTITUTION"} and self.f[k].endswith(("e", "ent"))
        ):
            return True  # "Al-Mayadeen dénonce …": a name, then a speech verb the tagger calls a noun
        if t.pos_ == "NOUN" and t.dep_ == "amod" and t.text.islower() and self.f[k] in lx.STRONG_FORMS | lx.WEAK_FORMS \
                and self.f[self.next_word(k + 1)] in {"que", "qu'"} and before >= 0 and self.doc[before].pos_ in {"NOUN", "ADJ", "PROPN"}:
            return True  # "La source irakienne ajoute que …": a verb the tagger hangs on the noun before it
        return t.pos_ not in {"NOUN", "PROPN", "DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "NUM", "SYM"}

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
            if self.f[k] in _ORDINAL_ADJECTIVES and t.pos_ == "ADJ" and k + 1 < j and self.f[self.next_word(k + 1)] not in _TITLED:
                continue  # "un premier bilan", "le dernier bulletin": an ordinal, not the "Premier" of "Premier ministre"
            if self.f[k] in _BEFORE_THE_NOUN and self.next_word(k + 1) < j and self.f[self.next_word(k + 1)] in _SOURCE_HEADS:
                continue  # "une haute source militaire" (the tagger may call "haute" the noun)
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
            if self.f[k] in _COMMON_ACRONYMS:
                continue  # "l'ONG": a kind of body, written in capitals, no name
            if t.ent_type_ in _NAME_LABELS and self.f[k] not in lx.DEFINITES | lx.DEMONSTRATIVES:
                return True
            if t.text[:3].lower() in {"al-", "el-"} and t.text[3:4].isupper():
                return True  # "al-Nahrain", "el-Sissi"
            if k == first:
                if t.pos_ == "PROPN" or 2 <= len(t.text) <= 6 and t.text.isupper() and t.text.isalpha():
                    return True  # (an acronym opening the sentence: "HRW a dénoncé")
                if t.text[:1].isupper() and is_place_name(t.text):
                    return True  # "Israël a appelé …": a country the tagger calls a noun
            elif t.text[:1].isupper() and self.f[k] not in lx.DEFINITES | lx.DEMONSTRATIVES | _INDEFINITES:
                return True  # (not "Un" after a dateline: "BEIJING, 15 nov. (Xinhua) -- Un porte-parole")
        return False

    def outlet_like(self, i: int, j: int) -> bool:
        if any(self.doc[k].ent_type_ == "NEWS_OUTLET" or WEBSITE.search(self.doc[k].text) for k in range(i, j)):
            return True  # (a news site by its address: "le journaldupays.com")
        if j > i:
            named = fold(self.doc[i:j].text).replace("’", "'")  # "L'Est républicain", "Le Dauphiné libéré"
            if named in lx.MEDIA_NAMES or re.sub(r"^(?:le |la |les )", "", named) in lx.MEDIA_NAMES:
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
        if any(self.doc[k].ent_type_ in {"PER", "ORG"} or WEBSITE.search(self.doc[k].text) for k in range(i, j)):
            return True
        if self.f[i] in {"ce", "cette"} and self.next_word(i + 1) < self.n and self.f[self.next_word(i + 1)] in {"dernier", "derniere"}:
            return True  # "ce dernier": the last person named
        if j - i == 1 and self.f[i] in {"lui", "elle", "eux", "elles"}:
            return True
        if ONE_OF_THEM.match(fold(self.doc[i:j].text)):
            return True  # "a confié l'un d'eux": one of a group named before
        one = self.next_word(i + 1) if self.f[i] == "l'" else i
        if self.f[one] in {"un", "une"} and self.f[self.next_word(one + 1)] in {"des", "de", "d'"} and self.next_word(one + 1) + 1 < j:
            return self.source_like(self.next_word(self.next_word(one + 1) + 1), j)  # "l'un des chefs de la mutinerie"
        if self.has_name(i, j):
            return True
        if " ".join(self.f[k] for k in range(i, j) if not self.doc[k].is_space) in lx.MEDIA_NAMES:
            return True  # "20 minutes précisait": a paper whose name is no name to the tagger
        head = self.head_of(i, j)
        if self.f[head] == "protection" and self.next_word(head + 1) < self.n and self.f[self.next_word(head + 1)] == "civile":
            return True  # "selon la protection civile"
        if self.f[head] in {"personne", "personnes"} and head > i:
            return True  # "la personne qui a appelé", not "personne n'a dit" (nobody)
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


_TITLED = frozenset({"ministre", "ministres", "secretaire", "president", "presidente", "adjoint"})  # "Premier ministre"
_BEFORE_THE_NOUN = frozenset({"haut", "haute", "hauts", "hautes", "ancien", "ancienne", "anciens", "anciennes", "grand", "grande"})
_ORDINAL_ADJECTIVES = frozenset({
    "premier", "premiere", "premiers", "premieres", "dernier", "derniere", "derniers", "dernieres",
    "nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles", "precedent", "precedente", "precedents", "precedentes",
})
_COMMON_ACRONYMS = frozenset({"ong", "pme", "tpe"})
_AGO_WORDS = {
    "quelques", "plusieurs", "un", "une", "deux", "trois", "quatre", "cinq", "six", "dix", "peu",
    "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "annee", "annees", "heure", "heures",
    "minutes", "de", "cela",
}


# Asides between an incise's verb and its speaker.
_ASIDES = (
    ("de", "son", "cote"), ("de", "leur", "cote"), ("de", "sa", "part"), ("pour", "sa", "part"),
    ("pour", "leur", "part"), ("a", "son", "tour"), ("a", "leur", "tour"), ("quant", "a", "lui"),
    ("quant", "a", "elle"), ("quant", "a", "eux"), ("quant", "a", "elles"), ("lui", "aussi"), ("elle", "aussi"),
    ("eux", "aussi"), ("elles", "aussi"),
    # When or again: "a par la suite indiqué", "a par ailleurs annoncé", "a une nouvelle fois démenti".
    ("par", "la", "suite"), ("par", "ailleurs"), ("en", "outre"), ("de", "nouveau"), ("a", "nouveau"),
    ("une", "nouvelle", "fois"), ("une", "fois", "de", "plus"),
    # How it was said: "a déclaré par téléphone à l'AFP X", "a dit sous couvert d'anonymat un officier".
    ("par", "telephone"), ("au", "telephone"), ("par", "ecrit"), ("sous", "couvert", "d'", "anonymat"),
    ("sous", "couvert", "de", "l'", "anonymat"), ("sous", "le", "couvert", "de", "l'", "anonymat"),
    ("sous", "le", "sceau", "de", "l'", "anonymat"), ("sous", "couvert", "de", "l'", "anonymat"),
    ("sous couvert", "d'", "anonymat"), ("sous couvert", "de", "l'", "anonymat"),  # "sous-couvert", one token
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
        if w == "sous":
            # "a précisé sous (le) couvert de l'anonymat à l'AFP une source": how, not who
            hidden = next((q for q in range(k + 1, min(s.n, k + 7)) if s.f[q] == "anonymat"), None)
            if hidden is not None:
                k = s.next_word(hidden + 1)
                continue
        if w in {"d'", "d"} and s.f[s.next_word(k + 1)] == "emblee":
            k = s.next_word(s.next_word(k + 1) + 1)  # "déclare d'emblée le directeur"
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
            which = s.next_word(nxt + 1)
            if nxt < s.n and s.f[nxt] in _PERIODS and which < s.n and s.f[which] in _WHICH_PERIOD:
                k = s.next_word(which + 1)  # "a déclaré la semaine dernière un général"
                continue
        part = _part_of_day_at(s, k)
        if part:
            k = part  # "a déclaré en début de matinée le porte-parole", "dans la soirée"
            continue
        hour = s.next_word(k + 1)
        if w in {"a", "vers"} and s.doc[k].text.lower() in {"à", "a", "vers"} and hour < s.n and _CLOCK.match(s.doc[hour].text):
            k = s.next_word(hour + 1)  # "déclare à 19h la préfète", "a indiqué vers 10 h 30 la police"
            if k < s.n and s.f[k] in {"h", "heures", "heure"}:
                k = s.next_word(k + 1)
                if k < s.n and s.doc[k].text.isdigit():
                    k = s.next_word(k + 1)
            continue
        break
    return k


_PERIODS = frozenset({"semaine", "mois", "annee", "week-end", "veille"})
_WHICH_PERIOD = frozenset({"derniere", "dernier", "passee", "passe", "precedente", "precedent", "meme"})
_CLOCK = re.compile(r"^\d{1,2}(?:h|H|:)?\d{0,2}$")


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


def _past_kicker(s: Sentence, i: int, j: int) -> int:
    """ "PRÉSIDENTIELLE 2022 - Marine Le Pen a déclaré": a label in capitals opening the
    paragraph is no part of who speaks."""
    if i != s.next_word(0):
        return i
    q = i
    while q < j and (s.doc[q].is_space or s.doc[q].like_num or s.doc[q].text.isupper() and len(s.doc[q].text) > 1):
        q += 1
    if q > i and q < j and s.doc[q].text in {"-", "–", "—"} and any(s.doc[k].text.isalpha() for k in range(i, q)):
        after = s.next_word(q + 1)
        return after if after < j else i
    return i


def _mention(s: Sentence, i: int, j: int) -> Mention:
    """A mention for the noun phrase [i, j); "les déclarations de X" becomes X."""
    if j - i == 1 and s.f[i] in lx.PRONOUNS_3RD | {"lui", "eux"}:
        return Mention(i, j, pronoun=True)
    if s.f[i] == "dont" and s.next_word(i + 1) < j:
        i = s.next_word(i + 1)  # "plusieurs journaux, dont le quotidien X, rapportent": X
    i = _past_kicker(s, i, j)
    while j - 1 > i and (
        s.doc[j - 1].is_space or s.f[j - 1] in _DAY_WORDS and s.doc[j - 1].text.islower() and s.f[j - 2] not in {"du", "de"}
        or s.f[j - 1] in lx.INTERVIEW_FORMS and s.doc[j - 1].text.islower()  # "un habitant joint (par téléphone)"
    ):
        j -= 1  # "un bilan de sources de sécurité lundi": when, not who ("Le Journal du dimanche" is a name)
    head = s.head_of(i, j)
    if s.f[head] in lx.NOMINAL_SELF or s.f[head] in lx.NOMINAL_REPORT:
        comp = s.de_complement(head, j)
        if comp is not None and s.source_like(comp, j):
            return Mention(comp, j)
        return Mention(i, j, self_document=s.f[head] in lx.NOMINAL_SELF)
    return Mention(i, j)
