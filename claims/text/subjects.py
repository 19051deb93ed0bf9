"""The subject of a verb in one parsed sentence, where the parser hung it elsewhere: on an
auxiliary, a participle, a fronted phrase, a stressed pronoun, a relative's antecedent or a
name before an apposition; where it took fronted words for the subject, or the verb for the
noun's adjective ("La source irakienne ajoute que …").

Pure Python (no Django). Read by the cue finders of ``claims.text.cues``,
``claims.text.verb_cues`` and ``claims.text.participles``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.noun_phrases import country_adjective_before_name, np_span
from claims.text.sentence import _AUX_FORMS, Sentence, _SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token


def subject_of(s: Sentence, k: int) -> tuple[int, int] | None:
    """The subject noun phrase of the verb at ``k`` as token indices, from the parse."""
    span = _parsed_subject(s, k)
    if span is None:
        return None
    i, j = span
    if not s.source_like(i, j):
        span = _source_after_fronted_words(s, i, k) or span
        i, j = span
    while j - i > 1 and s.f[j - 1] in {",", "qui"}:
        j -= 1  # "L'agence Sana, qui cite une source, a fait état": the relative clause is cut off
    span = i, j
    # "La chaîne de télévision japonaise Asahi TV a rapporté": the parser takes the country's
    # adjective for a verb and stops the subject before it; the adjective and the name are in it.
    if j + 1 < s.n and country_adjective_before_name(s, j):
        end = j + 1
        while end < s.n and s.doc[end].text[:1].isupper() and s.doc[end].pos_ in {"PROPN", "NOUN", "X"} and end - j <= 3:
            end += 1
        return i, end
    return span


def _source_after_fronted_words(s: Sentence, i: int, k: int) -> tuple[int, int] | None:
    """ "Autre élément intrigant, une source proche de l'enquête affirme": the parser takes the
    fronted words for the subject; the source between the last comma and the verb is it."""
    comma = next((q for q in range(k - 1, i, -1) if s.f[q] == ","), None)
    if comma is None:
        return None
    start = s.next_word(comma + 1)
    end = k
    while end > start and (s.doc[end - 1].pos_ in {"AUX", "ADV"} or s.f[end - 1] in {"ne", "n'"}):
        end -= 1
    words = range(start, end)
    if not words or s.f[start] not in lx.DEFINITES | {"un", "une", "des", "plusieurs"} or any(
        s.doc[q].pos_ in {"VERB", "AUX", "PRON"} or s.doc[q].is_punct for q in words
    ):
        return None
    return (start, end) if s.source_like(start, end) else None


def _parsed_subject(s: Sentence, k: int) -> tuple[int, int] | None:
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
        ) or verb.dep_ in {"iobj", "obj"} and verb.head.i < verb.i and s.f[verb.head.i] in _AUX_FORMS:
            # ("Il a nié que …": "nié" misread as the object of "a")
            if verb.head.i == verb.i:
                return None
            verb = verb.head  # "avait fait état", "a démenti jeudi": the parser hangs it on a neighbour
            continue
        if verb.dep_ == "acl:relcl":
            return np_span(s, verb.head, exclude=verb)
        # "Un responsable, s'exprimant sous couvert d'anonymat, a confirmé": parsed as a clause
        # hanging on the noun; with an auxiliary of its own the verb is finite and the noun its subject.
        if verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ in {"NOUN", "PROPN"} and any(
            s.doc[c].dep_.startswith("aux") for c in s.kids[verb.i]
        ):
            return np_span(s, verb.head, exclude=verb)
        if verb.dep_ == "amod" and verb.pos_ == "NOUN" and verb.head.i < verb.i and s.is_verb_like(verb.i):
            return np_span(s, verb.head, exclude=verb)  # "La source irakienne ajoute que …"
        return (
            _subject_of_participle_before(s, verb)
            or _subject_after_fronted_phrase(s, verb)
            or _person_before_apposition(s, verb)
        )
    else:
        return None
    before = [c for c in subjects if c.i < verb.i]
    if len(before) > 1:
        # "Une source dans le secteur pétrolier d'El Arish a déclaré": the parser took the
        # complement for a second subject; the noun it completes is the subject, up to it.
        i, j = np_span(s, before[-2])
        k, end = np_span(s, before[-1])
        between = range(j, k)
        if j == k and s.f[k - 1] not in {",", ";", ":"} and s.doc[k].text[:1].isupper():
            return i, end  # "Une source … d'Al Qaïm": the first phrase runs up to the name
        if j < k and s.f[between[0]] in {"d'", "de", "du"} and all(
            s.f[q] in {"d'", "de", "du"} or s.doc[q].pos_ in {"PROPN", "NOUN", "DET"} and s.doc[q].text[:1].isupper() for q in between
        ):
            return i, end
    subject = before[-1] if before else subjects[0]  # "(VOVWORLD) - Pékin a déclaré": the nearest
    stressed = _subject_before_stressed_pronoun(s, subject)
    if stressed is not None:
        return stressed
    if s.f[subject.i] == "qui" and verb.dep_ == "acl:relcl":
        return _antecedent_span(s, verb)
    if subject.pos_ == "VERB" and subject.i < verb.i and s.f[subject.i] in lx.PASSIVE_REPORT_FORMS | lx.INTERVIEW_FORMS:
        # "Une source militaire syrienne citée par ces médias a indiqué": the parser made the
        # participle the subject; the noun it hangs on is, up to the participle.
        nouns = [c for c in s.kids[subject.i] if c < subject.i and s.doc[c].pos_ in {"NOUN", "PROPN"}]
        if nouns:
            return s.doc[nouns[0]].left_edge.i, subject.i
    if subject.pos_ == "VERB" and subject.i < verb.i:
        # "la police n'avait pas communiqué le nombre … et un porte-parole du gouverneur a
        # déclaré": the parser made the first clause the subject; the noun joined last is it.
        joined = [t for t in subject.subtree if t.dep_ == "conj" and t.pos_ in {"NOUN", "PROPN"} and t.i < verb.i]
        if joined:
            i, j = np_span(s, joined[-1])
            while i < j and s.doc[i].pos_ == "CCONJ":
                i = s.next_word(i + 1)
            return i, j
    return _name_before_apposition(s, *np_span(s, subject))


def _subject_of_participle_before(s: Sentence, verb: "Token") -> tuple[int, int] | None:
    """ "Des témoins habitant non loin de la scène ont déclaré": the parser hangs the noun on
    the present participle that describes it; the noun is the verb's subject."""
    for c in s.kids[verb.i]:
        participle = s.doc[c]
        if c >= verb.i or participle.dep_ != "advcl" or not s.f[c].endswith("ant") and not (
            # "Nicolas Galpin, référent de la FDSEA, a déclaré": a noun in "-ent" read as a participle
            s.f[c].endswith("ent") and s.f[s.prev_word(c - 1)] == ","
        ):
            continue
        nouns = [t for t in s.kids[c] if t < c and s.doc[t].dep_ == "nsubj" and s.doc[t].pos_ in {"NOUN", "PROPN"}]
        if nouns:
            i, j = np_span(s, s.doc[nouns[0]])
            return i, min(j, c)
    return None


def _subject_after_fronted_phrase(s: Sentence, verb: "Token") -> tuple[int, int] | None:
    """ "Plus tôt dans la journée, des médias israéliens ont affirmé": the parser hangs the noun
    after the comma on the fronted phrase; the words from the comma to the auxiliary are the subject."""
    aux = s.prev_word(verb.i - 1)
    if aux < 0 or s.f[aux] not in _AUX_FORMS:
        return None
    comma = s.prev_word(aux - 1)
    while comma >= 0 and s.f[comma] != "," and aux - comma <= 6:
        comma = s.prev_word(comma - 1)
    if comma < 0 or s.f[comma] != ",":
        return None
    i = s.next_word(comma + 1)
    words = range(i, aux)
    if not words or s.f[i] not in {"des", "les", "le", "la", "l'", "un", "une", "plusieurs"} or any(
        s.doc[q].pos_ in {"VERB", "AUX", "PRON"} or s.doc[q].is_punct for q in words
    ) or not any(s.doc[q].pos_ in {"NOUN", "PROPN"} for q in words):
        return None
    return i, aux


def _person_before_apposition(s: Sentence, verb: "Token") -> tuple[int, int] | None:
    """ "Au sud de la capitale, sur l'A6, Nicolas Galpin, référent de la FDSEA, a déclaré": after
    a long fronted phrase the parser loses the subject; a person's name, then a description
    between commas, right before the auxiliary, is it."""
    aux = s.prev_word(verb.i - 1)
    if aux < 0 or s.f[aux] not in _AUX_FORMS:
        return None
    comma = s.prev_word(aux - 1)
    if comma < 0 or s.f[comma] != ",":
        return None
    opening = s.prev_word(comma - 1)
    while opening >= 0 and s.f[opening] != "," and comma - opening <= 10:
        if s.doc[opening].is_punct and s.f[opening] not in {"(", ")", "-"} or s.finite_verb(opening) and s.doc[opening].pos_ == "AUX":
            return None
        opening = s.prev_word(opening - 1)
    if opening < 1 or s.f[opening] != ",":
        return None
    for ent in s.doc.ents:
        if ent.end == opening and ent.label_ in {"PER", "PERSON"}:
            before = s.prev_word(ent.start - 1)
            if before < 0 or s.f[before] == ",":
                return ent.start, ent.end
    return None


def _subject_before_stressed_pronoun(s: Sentence, pronoun: "Token") -> tuple[int, int] | None:
    """ "La CGT a elle appelé à la grève": a stressed pronoun after the auxiliary repeats the
    subject before it, which the parser may hang elsewhere."""
    aux = s.prev_word(pronoun.i - 1)
    if s.f[pronoun.i] not in {"elle", "elles", "lui", "eux"} or aux < 1 or s.doc[aux].pos_ != "AUX":
        return None
    for t in s.doc[:aux]:
        if t.dep_.startswith("nsubj") and t.pos_ in {"NOUN", "PROPN"}:
            i, j = np_span(s, t)
            return i, min(j, aux)
    return None


def _name_before_apposition(s: Sentence, i: int, j: int) -> tuple[int, int]:
    """"L'USGS, l'institut américain de géophysique, a chiffré …": the parser takes the
    description between commas for the subject; the name that opens the sentence is the speaker."""
    comma = s.prev_word(i - 1)
    after = s.next_word(j)
    if comma >= 1 and s.f[comma] == "," and not s.source_like(i, j):
        # "Mais deux témoins, un homme et une femme qui ont demandé …, ont déclaré": the
        # parser's subject is the apposition, which names no source; the noun before it does.
        first = 0
        while first < comma and s.doc[first].pos_ in {"CCONJ", "DET", "NUM"}:
            first += 1
        if first < comma and s.f[first] in lx.PERSON_ROLE_HEADS | lx.ANONYMOUS_HEADS | lx.INSTITUTION_HEADS and not any(
            s.finite_verb(q) or s.doc[q].is_punct for q in range(first, comma)
        ):
            start = 1 if s.doc[0].pos_ == "CCONJ" else 0
            return start, comma
    if comma < 1 or s.f[comma] != "," or after >= s.n or s.f[after] != ",":
        return i, j
    start = 0
    while start < comma and s.doc[start].pos_ == "DET":
        start += 1
    name = range(start, comma)
    if not name:
        return i, j
    # "Le ministre de la Santé sortant, ancien directeur de cabinet de X, aurait …": a role
    # with the article opens the sentence, the apposition says who else they are.
    role = start > 0 and s.f[0] in lx.DEFINITES and s.f[start] in lx.PERSON_ROLE_HEADS and not any(
        s.finite_verb(q) or s.doc[q].is_punct for q in name
    )
    if not role and any(s.doc[q].pos_ not in {"PROPN", "NOUN"} or not s.doc[q].text[:1].isupper() for q in name):
        return i, j
    if s.f[start] in lx.TIME_WORDS:
        return i, j  # "Mercredi, le ministre a …": a day, not a name
    return 0, comma


def _antecedent_span(s: Sentence, relative: "Token") -> tuple[int, int]:
    """What "qui" stands for: the parser hangs the relative on the last of "les observateurs de
    l'UA et de l'UE"; the whole noun phrase is the antecedent, without the preposition that
    brought it ("selon le Bureau national des statistiques, qui rapporte")."""
    i, j = _antecedent_with_preposition(s, relative)
    while i < j and (s.doc[i].pos_ == "ADP" or s.f[i] in lx.PREPOSITIONS):
        i = s.next_word(i + 1)
    return i, j


def _antecedent_with_preposition(s: Sentence, relative: "Token") -> tuple[int, int]:
    head = relative.head
    participle = head.head if head.dep_ == "obl:agent" else head
    if s.f[participle.i] in lx.PASSIVE_REPORT_FORMS | lx.INTERVIEW_FORMS and participle.head.i < participle.i \
            and participle.head.pos_ in {"NOUN", "PROPN"}:
        # "des économistes interrogés par AWP, qui tablaient": the noun the participle hangs on.
        i, _ = np_span(s, participle.head, exclude=participle)
        return i, participle.i
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first is not head and first.dep_ == "nmod" and first.head.i < first.i and first.head.pos_ == "NOUN":
        i, _ = np_span(s, first.head, exclude=relative)
        return i, relative.left_edge.i
    if head.dep_ == "nmod" and head.head.i < head.i and s.f[head.head.i] in lx.PERSON_ROLE_HEADS | lx.ANONYMOUS_HEADS:
        # "un responsable du ministère qui affirme": the person speaks, not the ministry.
        i, _ = np_span(s, head.head, exclude=relative)
        return i, relative.left_edge.i
    return np_span(s, head, exclude=relative)
