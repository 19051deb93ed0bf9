"""Who speaks after a speech verb or around it: the speaker of an incise past the time, the
place and the outlet spoken to ("a déclaré jeudi à Bagdad à l'AFP un officier"), an informant
("a appris l'AFP de source policière"), an outlet named in an aside ("X, qui s'exprimait sur
BFMTV, a estimé"), an incise without its comma. Helpers of ``claims.text.verb_cues``.

Pure Python (no Django).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.clauses import manner_adverb, media_named, np_span, skip_place
from claims.text.media import _to_outlet, audience_end
from claims.text.noun_phrases import _np_after
from claims.text.sentence import (
    _AUX_FORMS,
    _FINAL_PUNCT,
    _SUBJECT_DEPS,
    _aside_at,
    QUOTE_OPEN,
    Sentence,
    _comma_after_day,
    _skip_time_words,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def _source_inside(s: Sentence, np: tuple[int, int, str]) -> tuple[int, int] | None:
    """ "l'AFP de source policière", "Reuters de sources concordantes": an outlet's informant
    given by "de source(s) …" inside the noun phrase."""
    i, j, _ = np
    for q in range(i + 1, j - 1):
        src = s.next_word(q + 1)
        if s.f[src] in {"une", "des"}:
            src = s.next_word(src + 1)  # "Sputnik d'une source sécuritaire irakienne"
        if s.f[q] in {"de", "d'"} and s.f[src] in {"source", "sources"} and s.outlet_like(i, q):
            return s.next_word(q + 1), j
    return None


def _learned_from(s: Sentence, k: int) -> tuple[int, int] | None:
    """ "auprès de X", "de source X" after "a-t-on appris", "a appris l'AFP": who told it."""
    k = _skip_time_words(s, k)
    if k < s.n and s.f[k] == "par" and s.f[s.next_word(k + 1)] == "ailleurs":
        k = _skip_time_words(s, s.next_word(k + 1) + 1)  # "a-t-on précisé par ailleurs de source …"
    if k < s.n and s.f[k] == "aupres":
        de = s.next_word(k + 1)
        if de < s.n and s.f[de] in {"de", "d'", "du", "des"}:
            np = _np_after(s, de + 1, appositions=False)
            if np is not None and s.source_like(np[0], np[1]):
                return np[0], np[1]
    if k < s.n and (s.f[k] in {"de", "d'"} or s.f[k] == "a" and s.doc[k].pos_ == "ADP"):
        src = s.next_word(k + 1)  # "de source policière", "à bonnes sources"
        if src < s.n and (s.doc[src].pos_ == "NUM" or s.f[src] in {"plusieurs", "bonne", "bonnes", "meme", "memes", "une"}):
            src = s.next_word(src + 1)  # "de deux sources sécuritaires", "de bonne source"
        if src < s.n and s.f[src] in {"source", "sources"}:
            np = _np_after(s, s.next_word(k + 1), appositions=False)
            if np is not None:
                # "à bonnes sources": sources, however good they are said to be
                return (src if s.f[np[0]] in {"bonne", "bonnes"} else np[0]), np[1]
    return None


_ON_AIR_VERBS = {
    "exprimait", "exprime", "exprimant", "intervenait", "intervient", "intervenant", "parlait",
    "parlant", "invite", "invitee", "repondait", "repondant", "interviewe", "interviewee",
}


def _outlet_in_aside(s: Sentence, i: int, j: int) -> tuple[int, int] | None:
    """The outlet named in an aside between a subject and its verb: "La députée, qui
    s'exprimait sur BFMTV, a estimé", "Le ministre, invité de France Inter, a dit"."""
    if j - i > 14:
        return None
    for q in range(i, j):
        if s.f[q] in _ON_AIR_VERBS:
            for r in range(q + 1, j):
                outlet = _to_outlet(s, r) if s.f[r] in {"sur", "a", "à", "au", "aux", "de", "du"} or s.doc[r].text.lower() in {"à", "au"} else None
                if outlet is None and s.f[r] in {"de", "du"} and s.f[q] in {"invite", "invitee"}:
                    np = _np_after(s, r + 1 if s.f[r] == "de" else r, appositions=False)
                    if np is not None and (s.outlet_like(np[0], np[1]) or media_named(s, np[0], np[1])):
                        outlet = np[0], np[1]
                if outlet is not None:
                    return outlet
    return None


# "a tenu à répéter que", "a voulu rappeler que": the speech verb is the subject's, after these.


def _speaker_start(s: Sentence, verb_end: int) -> tuple[int, tuple[int, int] | None]:
    """Where an incise's speaker starts after its verb, past a time, a place and the outlet
    spoken to ("a déclaré jeudi à Bagdad à l'AFP un officier"), and that outlet if any."""
    start = _skip_time_words(s, verb_end)
    while start + 1 < s.n and manner_adverb(s, start) and s.doc[start + 1].pos_ == "DET":
        start += 1  # "a lâché désespérément le maire": how, not who (the tagger may call it a verb)
    for _ in range(2):
        nxt = s.next_word(start + 1)
        if start < s.n and s.doc[start].pos_ == "ADV" and s.doc[start].text.islower() and nxt < s.n and s.doc[nxt].pos_ in {"DET", "PROPN"}:
            start = nxt  # "estime néanmoins le ministère public": a connective, then who
        elif start < s.n and s.f[start] == "," and _aside_at(s, nxt):
            start = _aside_at(s, nxt)  # "ajoute, de son côté, Maître X"
    close = _comma_after_day(s, start)
    if close is not None:
        start = close + 1  # "a annoncé, mardi 28 août, le ministère": the day between commas
    start = skip_place(s, start)
    start = audience_end(s, start) or start  # "a déclaré à la presse X"
    outlet = _to_outlet(s, start)
    if outlet is None and start < s.n and s.f[start] == "dans":
        # "a déclaré dans un communiqué Khalid X": the medium of the statement, then its speaker.
        det = s.next_word(start + 1)
        noun = s.next_word(det + 1)
        if det < s.n and s.f[det] in {"un", "une", "son", "sa", "leur"} and noun < s.n and s.f[noun] in _STATEMENT_NOUNS:
            start = skip_place(s, _skip_time_words(s, noun + 1))
            outlet = _to_outlet(s, start)
    if outlet is not None:
        start = _skip_time_words(s, outlet[1])
        if start < s.n and s.f[start] == ",":
            start = s.next_word(start + 1)  # "a déclaré à l'AFP, Bob X, porte-parole de …"
    return start, outlet


_STATEMENT_NOUNS = frozenset({
    "communique", "declaration", "message", "tweet", "video", "entretien", "interview", "courrier",
    "lettre", "courriel", "texte", "post", "publication",
})


def _speaker_ends_sentence(s: Sentence, verb_end: int) -> bool:
    """After the verb, a source that runs to the end of the sentence: an inverted speaker."""
    np = _np_after(s, _speaker_start(s, verb_end)[0])
    if np is None or not s.source_like(np[0], np[1]) or s.doc[np[0]].pos_ == "ADP":
        return False
    if s.f[s.head_of(np[0], np[1])] in lx.VAGUE_HEADS:
        return False  # "X, Y, a démenti ces informations.": what was denied, not who
    end = s.next_word(np[1])
    if end < s.n and s.f[end] == "et":  # "…, ont déclaré des médecins et des sources locales."
        more = _np_after(s, s.next_word(end + 1))
        if more is not None and s.source_like(more[0], more[1]):
            end = s.next_word(more[1])
    return end >= s.n or s.f[end] in _FINAL_PUNCT


def _speaker_before(s: Sentence, c: "Token") -> bool:
    """The parser's subject ``c``, before an incise's comma, is a speaker of the verb: a source,
    not a quote mark, a dateline's place ("Kinshasa - …") or a clause of its own."""
    if c.text in QUOTE_OPEN or c.i + 1 < s.n and s.doc[c.i + 1].text in {"-", "–", "—"}:
        return False
    i, j = np_span(s, c)
    return s.source_like(i, j) and not _holds_a_clause(s, i, j)


def _holds_a_clause(s: Sentence, i: int, j: int) -> bool:
    """A "subject" the parser ran over a clause of its own ("La victime, une mère de famille, a
    péri vers 2 heures, a indiqué X"): an auxiliary of a verb that is not in a relative clause."""
    for q in range(i, j):
        t = s.doc[q]
        if t.pos_ == "AUX" and t.dep_.startswith("aux") and not t.head.dep_.startswith("acl"):
            return True
    return False


def _bare_incise(s: Sentence, left: int, k: int, verb_end: int, strength: str | None) -> bool:
    """An incise without its comma at the end of the sentence: "81 cas ont été confirmés
    précise la préfecture." — a speech verb in the present after a clause, no subject before
    it, and a speaker that runs to the end of the sentence."""
    if strength not in {"strong", "weak"} or left < 0 or s.subjects(k, _SUBJECT_DEPS):
        return False
    if s.prev_word(k - 1) != left:
        return False  # "Calin Georgescu a dénoncé un coup d'Etat": an auxiliary follows the subject
    if "Pres" not in s.doc[k].morph.get("Tense") and not s.f[k].endswith(("e", "t")):
        return False
    if s.doc[left].pos_ not in {"VERB", "ADJ", "NOUN", "PROPN", "NUM"} or s.f[left] in _AUX_FORMS:
        return False
    start = _skip_time_words(s, verb_end)
    if start >= s.n or s.f[start] not in lx.DEFINITES | {"un", "une", "des", "ce", "cette"} and not s.doc[start].text[:1].isupper():
        return False
    np = _np_after(s, start, appositions=False)
    if np is None or not s.source_like(np[0], np[1]):
        return False
    end = s.next_word(np[1])
    return end >= s.n or s.f[end] in _FINAL_PUNCT
