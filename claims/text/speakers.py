"""Who speaks after a speech verb or around it: the speaker of an incise past the time, the
place and the outlet spoken to ("a déclaré jeudi à Bagdad à l'AFP un officier"), an informant
("a appris l'AFP de source policière"), an outlet named in an aside ("X, qui s'exprimait sur
BFMTV, a estimé"), an incise without its comma; whose "on" it is ("Du côté de la CGT, on …"),
a cleft's subject ("C'est X qui a révélé"), who a speaker cites after the verb, a relative
clause that is not the sentence's claim. Helpers of ``claims.text.verb_cues``.

Pure Python (no Django).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.clauses import media_named, np_before, outside_quotes, skip_place
from claims.text.media import _to_outlet, audience_end
from claims.text.noun_phrases import _np_after, manner_adverb, np_span
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
    if k < s.n and s.f[k] in {"de", "d'", "du", "des"}:
        # "a-t-on appris de l'agence officielle SANA", "… du parquet": who told it, as with "auprès de"
        np = _np_after(s, s.next_word(k + 1) if s.f[k] in {"de", "d'"} else k + 1, appositions=False)
        if np is not None and s.source_like(np[0], np[1]):
            return np[0], np[1]
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
                    guest = s.next_word(q + 1) == r or s.doc[s.next_word(q + 1)].pos_ == "ADJ" and s.next_word(s.next_word(q + 1) + 1) == r
                    if np is not None and (
                        s.outlet_like(np[0], np[1]) or media_named(s, np[0], np[1])
                        # "invité (matinal) de LN24": whose guest, a name, is a medium
                        or guest and s.doc[np[0]].text[:1].isupper() and s.doc[np[0]].pos_ in {"PROPN", "NOUN", "X", "NUM"}
                        and not any(s.doc[t].ent_type_ in {"PER", "PERSON"} for t in range(np[0], np[1]))  # (a host is no medium)
                    ):
                        outlet = np[0], np[1]
                if outlet is not None:
                    return outlet
    return None


# "a tenu à répéter que", "a voulu rappeler que": the speech verb is the subject's, after these.


def _speaker_start(s: Sentence, verb_end: int) -> tuple[int, tuple[int, int] | None]:
    """Where an incise's speaker starts after its verb, past a time, a place and the outlet
    spoken to ("a déclaré jeudi à Bagdad à l'AFP un officier"), and that outlet if any."""
    start = _skip_time_words(s, verb_end)
    if start > verb_end and start < s.n and s.f[start] in lx.STRONG_FORMS | lx.WEAK_FORMS and s.f[verb_end - 1] in _AUX_FORMS:
        start = _skip_time_words(s, start + 1)  # "», a quant à lui relaté X": the participle after the aside, then who
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
    audience = audience_end(s, start)  # "a déclaré à la presse X"
    if audience is not None:
        start = s.next_word(audience + 1) if audience < s.n and s.f[audience] == "," else audience  # "aux médias, le général X"
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
        close = s.next_word(s.next_word(start + 1) + 1)
        if start < s.n and s.f[start] == "(" and close < s.n and s.f[close] == ")":
            start = _skip_time_words(s, close + 1)  # "à l'Agence France Presse (AFP) le colonel X"
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
    if end < s.n and s.f[end] == "," and s.doc[s.next_word(end + 1)].pos_ == "ADP":
        # "…, a annoncé le pouvoir judiciaire, au dixième jour de la guerre.": a circumstance closes it
        return not any(s.finite_verb(q) for q in range(end + 1, s.n))
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
    if strength not in {"strong", "weak"} or left < 0 or any(c.i < k for c in s.subjects(k, _SUBJECT_DEPS)):
        return False  # (the speaker after the verb is its subject too, inverted)
    aux = s.prev_word(k - 1)
    # "… dans le nord de Damas a indiqué l'OSDH.": a compound past after a clause of its own.
    compound = (
        aux != left and aux >= 0 and s.f[aux] in _AUX_FORMS and s.prev_word(aux - 1) == left
        and "Part" in s.doc[k].morph.get("VerbForm")
        and any("Fin" in s.doc[q].morph.get("VerbForm") for q in range(left))
    )
    if aux != left and not compound:
        return False  # "Calin Georgescu a dénoncé un coup d'Etat": an auxiliary follows the subject
    if not compound and "Pres" not in s.doc[k].morph.get("Tense") and not s.f[k].endswith(("e", "t")):
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


_SIDES = ("du cote de", "du cote du", "du cote des", "du cote d'", "chez", "dans l'entourage de", "dans l'entourage du",
          "dans son entourage", "dans leur entourage", "dans le camp de", "dans le camp du", "au sein de", "au sein du",
          "au sein des", "a", "au")


def _on_whose_side(s: Sentence, i: int, verb_end: int) -> tuple[int, int] | None:
    """Whose "on" it is: "Du côté de la CGT, on …", "Chez Renault, on …", "À Matignon, on …",
    "on explique dans son entourage que …"; None for a bare "on"."""
    if not outside_quotes(s, i):
        return None  # « On demande à nos militants … »: the quote's speaker speaks

    def side_at(q: int, stop: set[str], fronted: bool) -> tuple[int, int] | None:
        words: list[int] = []
        while q < s.n and len(words) < 5 and s.f[q] not in stop:
            words.append(q)
            q = s.next_word(q + 1)
        for n in range(min(len(words), 4), 0, -1):
            lead = " ".join(s.f[w] for w in words[:n]).replace("' ", "'")
            if lead in _SIDES and (fronted or lead not in {"a", "au"}):
                rest = words[n] if n < len(words) else None
                if lead in {"dans son entourage", "dans leur entourage"}:
                    return words[1], words[n - 1] + 1  # "son entourage": whose, the resolver says
                if rest is None:
                    return None
                np = _np_after(s, rest, appositions=False)
                loose = lead in {"a", "au"} or lead.startswith(("dans l'entourage", "dans le camp", "au sein"))
                if np is None or not (s.has_name(np[0], np[1]) or loose and s.source_like(np[0], np[1])):
                    return None  # "à la fin", "au moment": no one's side
                if lead.startswith("dans l'entourage") or lead == "dans le camp de":
                    return words[1], np[1]  # "l'entourage de X": X's circle
                return np[0], np[1]
        return None

    first = s.next_word(0)
    if first < i:
        comma = s.prev_word(i - 1)
        if comma >= 0 and s.f[comma] == ",":
            found = side_at(first, {","}, True)
            if found is not None and found[1] <= comma:
                return found
    return side_at(s.next_word(verb_end), {",", "que", "qu'", ":"} | _FINAL_PUNCT, False)


_FRONTED_ADVERBIALS = frozenset({
    "de son cote", "de leur cote", "de notre cote", "pour sa part", "pour leur part", "quant a lui", "quant a elle",
    "en revanche", "par ailleurs", "de meme", "pour autant", "toutefois", "cependant", "neanmoins", "enfin",
    "en outre", "ensuite", "mais", "et", "or", "ainsi", "aussi", "dans la foulee", "a son tour", "a leur tour",
})


def _past_fronted_adverbial(s: Sentence, i: int, j: int) -> int:
    """Where a subject starts past a linking phrase and its comma that the parser joined to it."""
    comma = next((q for q in range(i, min(j, i + 6)) if s.f[q] == ","), None)
    if comma is None:
        return i
    words = " ".join(s.f[q] for q in range(i, comma) if not s.doc[q].is_space)
    if words in _FRONTED_ADVERBIALS and s.next_word(comma + 1) < j:
        return s.next_word(comma + 1)
    return i


def _inside_qui_clause(s: Sentence, k: int) -> bool:
    """ "…, qui avait promis …": a "qui" opens the clause the verb at ``k`` is in (no comma between)."""
    q = s.prev_word(k - 1)
    while q >= 0 and s.f[q] not in {",", "(", ";", ":"} | _FINAL_PUNCT:
        if s.f[q] == "qui":
            return True
        q = s.prev_word(q - 1)
    return False


def _main_verb_after(s: Sentence, k: int) -> bool:
    """A finite verb after the relative clause at ``k`` closes (its comma): the sentence's own."""
    q = s.next_word(k + 1)
    while q < s.n and s.f[q] not in {","} | _FINAL_PUNCT:
        q = s.next_word(q + 1)
    if q >= s.n or s.f[q] != ",":
        return False
    q = s.next_word(q + 1)
    for _ in range(4):  # "…, a démissionné", "…, a ensuite démissionné"
        if q >= s.n:
            return False
        if s.finite_verb(q) or s.f[q] in _AUX_FORMS:
            return True
        if s.doc[q].pos_ not in {"ADV"}:
            return False
        q = s.next_word(q + 1)
    return False


def _cleft_subject(s: Sentence, cue_start: int) -> tuple[int, int] | None:
    """ "C'est X qui a révélé", "Ce sont les habitants qui ont raconté": X, without "lui-même"."""
    qui = s.prev_word(cue_start - 1)
    if qui < 0 or s.f[qui] != "qui":
        return None
    for q in range(qui - 1, max(-1, qui - 30), -1):
        if s.f[q] in {"est", "etait", "sont", "etaient", "fut"} and s.prev_word(q - 1) >= 0 and s.f[s.prev_word(q - 1)] in {"c'", "ce"}:
            i, j = s.next_word(q + 1), qui
            # "C'est le journal X, citant des sources, qui rapporte": X, who cites them (read by with_citations).
            citing = next((c for c in range(i, j) if s.f[c] == "," and s.f[s.next_word(c + 1)] in {"citant", "en"}), None)
            if citing is not None:
                j = citing
            # "Charles Michel (MR) lui-même", "les habitants eux-mêmes" (which the tokenizer may split)
            while j > i and (
                s.f[j - 1] in {"lui meme", "elle meme", "eux memes", "elles memes", "meme", "memes", ","}
                or s.doc[j - 1].is_punct and not (s.f[j - 1] == ")" and "(" in s.f[i:j])
                or s.f[j - 1] in {"lui", "elle", "eux", "elles"} and j < qui and s.f[j] in {"-", "meme", "memes"}
            ):
                j -= 1
            return (i, j) if j > i and s.source_like(i, j) else None
        if s.f[q] in _FINAL_PUNCT or s.finite_verb(q) and not s.doc[q].text[:1].isupper() and not s.f[q].endswith("ant"):
            return None  # (a capitalised "verb" is a name the tagger misread: "Frankfurter"; "citant" is no clause)
    return None


def _citing_after_verb(s: Sentence, verb_end: int) -> tuple[int, int] | None:
    """ "La chaîne X a rapporté, citant une source policière, que …", "… a indiqué l'agence,
    citant des responsables." at the sentence's end: who the speaker cites."""
    after = s.next_word(verb_end)
    candidates = [after] if after < s.n and s.f[after] == "," else []
    last = max((q for q in range(verb_end, s.n) if s.f[q] == "," and s.f[s.next_word(q + 1)] in {"citant", "en"}), default=None)
    if last is not None and last not in candidates:
        candidates.append(last)
    for comma in candidates:
        citing = s.next_word(comma + 1)
        if citing < s.n and s.f[citing] == "en":
            citing = s.next_word(citing + 1)
        if citing >= s.n or s.f[citing] != "citant":
            continue
        cited = _np_after(s, citing + 1, appositions=False)
        if cited is None or not s.source_like(cited[0], cited[1]):
            continue
        close = s.next_word(cited[1])
        if comma != after and close < s.n and s.f[close] not in {".", "!", "?"}:
            continue  # a "citant" further on must close the sentence
        s.used.update(range(citing, cited[1]))
        return cited[0], cited[1]
    return None


def _speaker_past_platform(s: Sentence, start: int) -> tuple[int, int, str] | None:
    """ "», a réagi sur Twitter le député X", "a écrit sur son compte X le ministre": past where
    it was said, the speaker."""
    if start >= s.n or s.f[start] not in {"sur", "dans"}:
        return None
    where = s.next_word(start + 1)
    if where < s.n and s.f[where] in {"son", "sa", "ses", "le", "les", "un"}:
        where = s.next_word(where + 1)
    if where >= s.n or s.f[where] not in lx.PLATFORMS:
        return None
    if s.f[s.next_word(where + 1)] in lx.PLATFORMS:
        where = s.next_word(where + 1)  # "sur son compte X"
    after = _np_after(s, s.next_word(where + 1))
    return after if after is not None and s.source_like(after[0], after[1]) else None


def _aside_pronoun(s: Sentence, i: int, j: int) -> bool:
    """The subject [i, j) is the pronoun of "quant à elle", an aside, not the verb's subject."""
    if j - i != 1 or s.f[i] not in {"lui", "elle", "eux", "elles"}:
        return False
    a = s.prev_word(i - 1)
    return a >= 0 and s.f[a] == "a" and s.prev_word(a - 1) >= 0 and s.f[s.prev_word(a - 1)] == "quant"


def _subject_before_aside(s: Sentence, i: int) -> tuple[int, int] | None:
    """The subject before "a quant à elle": the noun phrase before the auxiliary, else the
    sentence's opening words when they name a source (the parser may have made anything of them)."""
    quant = s.prev_word(s.prev_word(i - 1) - 1)
    aux = s.prev_word(quant - 1)
    end = aux if aux >= 0 and s.f[aux] in _AUX_FORMS else quant
    before = np_before(s, end)
    opening = s.next_word(0)
    if before is None and opening < end and "," not in s.f[opening:end] and s.source_like(opening, end):
        before = (opening, end)
    return before
