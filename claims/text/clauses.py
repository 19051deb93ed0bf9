"""The phrases around a cue word in one parsed sentence: the noun phrase before a verb or
after "par", the subject of a speech verb, a reported clause after it, a relative or quoted
stretch it sits in, and the sources an agent names ("X, citant Y").

Pure Python (no Django). Shared by the cue finders of ``claims.text.cues`` and
``claims.text.verb_cues``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.media import _to_outlet
from claims.text.sentence import (
    _AUX_FORMS,
    Mention,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Sentence,
    _BREAK_PUNCT,
    _FINAL_PUNCT,
    _NEGATION,
    _SUBJECT_DEPS,
    _aside_at,
    _mention,
    _skip_time_words,
)
from claims.text.noun_phrases import NAME_PARTICLE, _np_after, country_adjective_before_name, np_span

if TYPE_CHECKING:
    from spacy.tokens import Token


def _fronted_citing(s: Sentence, i: int) -> tuple[int, int] | None:
    """ "Citant des responsables locaux, la chaîne X …": who the sentence's opening clause cites,
    when the subject at ``i`` comes right after that clause's comma."""
    comma = s.prev_word(i - 1)
    first = s.next_word(0)
    if comma < 0 or s.f[comma] != ",":
        return None
    if first < s.n and s.f[first] == "en":
        first = s.next_word(first + 1)
    if first >= s.n or s.f[first] != "citant":
        return None
    cited = _np_after(s, first + 1, appositions=False)
    if cited is None or not s.source_like(cited[0], cited[1]):
        return None
    if cited[1] != comma and (
        comma - cited[0] > 16 or any(s.f[q] in {"que", "qu'", "qui", ",", ";"} or s.finite_verb(q) for q in range(cited[1], comma))
    ):
        return None  # (what follows the noun runs to the comma: "une source de sécurité bien informée")
    s.used.update(range(first, comma))
    return cited[0], cited[1]


def with_citations(s: Sentence, np: tuple[int, int, str]) -> list[Mention]:
    """The mention of ``np`` and, for "X citant Y" (also "X, citant Y"), the cited Y."""
    i, j, why = np
    mentions = [_mention(s, i, j)]
    fronted = _fronted_citing(s, i)
    if fronted is not None:
        mentions.append(_mention(s, *fronted))  # "Citant des responsables, la chaîne X a dit": X, then them
    k = j
    for _ in range(3):
        nxt = s.next_word(k)
        adjective = s.next_word(nxt + 1) if nxt < s.n and s.f[nxt] == "et" else s.n
        if adjective < s.n and s.doc[adjective].pos_ == "ADJ" and s.doc[adjective].text.islower():
            nxt = s.next_word(adjective + 1)  # "les médias locaux et étrangers citant …"
        if nxt < s.n and s.f[nxt] == ",":
            nxt = s.next_word(nxt + 1)
        if nxt < s.n and s.f[nxt] == "en" and s.f[s.next_word(nxt + 1)] == "citant":
            nxt = s.next_word(nxt + 1)  # "X, en citant Y"
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
        cited_mention = _mention(s, cited[0], cited[1])
        # "X, qui cite un communiqué": a document X cites is a link of the chain, not X's own vehicle.
        mentions.append(replace(cited_mention, self_document=False))
        k = cited[1]
    return mentions


def named_member(s: Sentence, np: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """ "plusieurs médias, dont le quotidien X, …": the one named among a group."""
    comma = s.next_word(np[1])
    if comma >= s.n or s.f[comma] != "," or s.f[s.next_word(comma + 1)] != "dont":
        return None
    member = _np_after(s, s.next_word(s.next_word(comma + 1) + 1), appositions=False)
    if member is None or not s.source_like(member[0], member[1]) or not s.has_name(member[0], member[1]):
        return None
    return member


def media_named(s: Sentence, i: int, j: int) -> bool:
    """A paper or broadcaster of the lexicon by its name ("Le Parisien", "franceinfo")."""
    named = " ".join(s.f[q] for q in range(i, j) if not s.doc[q].is_space)
    bare = " ".join(s.f[q] for q in range(i, j) if not s.doc[q].is_space and s.f[q] not in lx.DEFINITES)
    return named in lx.MEDIA_NAMES or bare in lx.MEDIA_NAMES


_RELATIVE_PRONOUNS = {"dont", "qui", "lequel", "laquelle", "lesquels", "lesquelles"}


def in_relative(s: Sentence, k: int) -> bool:
    """The verb at ``k`` heads a relative clause: a relative pronoun opens its subtree before
    it ("dont les proches estiment", "et qui affirme")."""
    left = s.doc[k].left_edge.i
    return any(s.f[q] in _RELATIVE_PRONOUNS and s.doc[q].pos_ == "PRON" for q in range(left, k))


_OBJECT_CLITICS = {"lui", "leur", "se", "s'", "me", "m'", "te", "t'"}


def object_clitic(s: Sentence, p: int) -> bool:
    """An object or reflexive clitic right before the verb group ("lui a dit", "s'est
    emporté", "nous a confié"); "nous"/"vous" only when parsed as objects."""
    if s.doc[p].pos_ != "PRON":
        return False
    if s.f[p] in _OBJECT_CLITICS:
        return True
    if s.f[p] == "en" and p > 0 and s.f[s.prev_word(p - 1)] in {"s'", "se", "m'", "me"}:
        return True  # "s'en est pris aux accusés"
    return s.f[p] in {"nous", "vous"} and s.doc[p].dep_ in {"obj", "iobj", "expl:comp"}


def skip_place(s: Sentence, k: int) -> int:
    """Skip "à Alger", "en Bretagne", "à Paris samedi" after an incise verb: where it was said,
    not who said it (a medium there is read by ``_to_outlet``)."""
    k = s.next_word(k)
    if k >= s.n or s.doc[k].text.lower() not in {"à", "a", "en"}:
        return k
    q = s.next_word(k + 1)
    if q >= s.n or not s.doc[q].text[:1].isupper() or _to_outlet(s, k) is not None:
        return k
    if s.doc[q].ent_type_ == "PER":
        # "a déclaré à Niamey Aboubacar Cissé": the tagger runs the place into the speaker's
        # name; three capitalised words or more after "à" are a place, then the name.
        run = q
        while run < s.n and s.doc[run].text[:1].isupper() and s.doc[run].ent_type_ == "PER":
            run += 1
        if run - q >= 3 and s.doc[q].text.isalpha():
            return s.next_word(q + 1)
    if s.doc[q].ent_type_ in {"PER", "ORG", "NEWS_OUTLET", "INSTITUTION", "PERSON"}:
        return k
    end = q
    while end < s.n and (s.doc[end].text[:1].isupper() or s.f[end] == "-") and s.doc[end].ent_type_ in {"LOC", "GPE", ""}:
        end = s.next_word(end + 1)
    if end == q or end >= s.n:
        return k
    return _skip_time_words(s, end)


def demonstrative_relative(s: Sentence, k: int) -> tuple[int, int] | None:
    """ "celui qui …", "celle qui …" after an incise verb: the span to the end of the relative."""
    k = s.next_word(k)
    if k >= s.n or s.f[k] not in {"celui", "celle"}:
        return None
    q = s.next_word(k + 1)
    if q >= s.n or s.f[q] not in {"qui", "dont"}:
        return None
    end = q
    while end < s.n and s.f[end] not in _FINAL_PUNCT and s.f[end] not in {";"}:
        end += 1
    while end > q and (s.doc[end - 1].is_space or s.f[end - 1] in {",", ":"}):
        end -= 1
    return k, end


def between_quotes(s: Sentence, k: int) -> bool:
    """Token ``k`` lies between an opening quote and its closing quote, both in this sentence."""
    opened = None
    for q in range(s.n):
        w = s.f[q]
        # A straight quote glued to the word before it closes ('matériels", a-t-il'), else it opens.
        closing = w in QUOTE_CLOSE or w == '"' and q > 0 and s.doc[q - 1].whitespace_ == "" and not s.doc[q - 1].is_space
        opening = w in QUOTE_OPEN or w == '"' and not closing
        if opened is None and opening:
            opened = q
        elif opened is not None and closing:
            if opened < k < q:
                return True
            opened = None
        if q > k and opened is None:
            return False
    return False


def outside_quotes(s: Sentence, k: int) -> bool:
    opened = sum(1 for q in range(k) if s.f[q] in QUOTE_OPEN) - sum(1 for q in range(k) if s.f[q] in QUOTE_CLOSE)
    straight = sum(1 for q in range(k) if s.f[q] == '"')
    if opened > 0 or straight % 2:
        return False
    # A quote opened in the sentence before ('"Quatre personnes …. / Deux enfants", a dit X'):
    # the first quote mark after ``k`` closes it.
    for q in range(k, s.n):
        w = s.f[q]
        if w in QUOTE_OPEN:
            return True
        if w in QUOTE_CLOSE:
            return False
        if w == '"':
            glued = q > 0 and s.doc[q - 1].whitespace_ == "" and not s.doc[q - 1].is_space and s.f[q - 1] not in {":", "(", "«"}
            return not glued
    return True


def name_before_apposition(s: Sentence, i: int) -> int | None:
    """ "Habib Sanogo, l'un des conseillers de X, affirme": the parser's subject is the apposition;
    the name before its comma, at the start of the clause, is who speaks (its start, else None)."""
    comma = s.prev_word(i - 1)
    if comma < 1 or s.f[comma] != ",":
        return None
    q = comma - 1
    while q >= 0 and (s.doc[q].ent_type_ in {"PER", "PERSON"} or s.doc[q].pos_ == "PROPN") and (
        s.doc[q].text[:1].isupper() or NAME_PARTICLE.match(s.doc[q].text)  # "Abu Mahdi al-Muhandis"
    ):
        q -= 1
    start = q + 1
    words = [w for w in range(start, comma) if not s.doc[w].is_space]
    if len(words) < 2 or not any(s.doc[w].ent_type_ in {"PER", "PERSON"} for w in words) or not s.doc[start].text[:1].isupper():
        return None
    opening = start == s.next_word(0) or q >= 0 and (s.f[q] in {",", ":", "«", '"'} or s.doc[q].pos_ in {"CCONJ", "ADV"})
    return start if opening else None


# An organisation by the tagger, or a registry body or medium by the registry's patterns.
_BODY_LABELS = frozenset({"ORG", "INSTITUTION", "NEWS_OUTLET"})


def body_before_apposition(s: Sentence, i: int) -> int | None:
    """ "Les Gardiens de la Révolution, l'armée idéologique de la République islamique, ont
    annoncé": the parser's subject is the description; the organisation named before its comma,
    opening the sentence, is who speaks (its start, else None)."""
    comma = s.prev_word(i - 1)
    start = s.next_word(0)
    if comma < 2 or s.f[comma] != "," or comma - start > 8 or s.doc[comma - 1].ent_type_ not in _BODY_LABELS:
        return None
    if any(
        s.f[q] in _BREAK_PUNCT or s.doc[q].pos_ in {"VERB", "AUX"} or s.doc[q].pos_ == "ADP" and s.f[q] not in {"de", "du", "des", "d'"}
        for q in range(start, comma)
    ):
        return None  # "Ce mercredi sur France Inter, la ministre a dit": where, not who
    return start if s.f[start] in lx.DEFINITES or s.doc[start].ent_type_ in _BODY_LABELS else None



def np_before(s: Sentence, k: int) -> tuple[int, int] | None:
    """The subject right before a verb the parser left without one: "Le ministre … a démenti",
    "…, François Villeroy de Galhau, gouverneur de la Banque de France, a promis"."""
    end = s.prev_word(k - 1)
    if end < 0:
        return None
    if s.f[end] == ",":
        end = s.prev_word(end - 1)
    comma = end
    while comma > 0 and s.f[comma] != ",":
        comma -= 1
    aside = s.next_word(comma + 1)
    if comma > 0 and s.f[comma] == "," and s.doc[aside].pos_ == "VERB" and s.f[aside].endswith("ant") and s.doc[aside].text.islower():
        end = s.prev_word(comma - 1)  # "Un officier, préférant garder l'anonymat, a déclaré": an aside
    chunks: list[tuple[int, int]] = []
    j = end + 1
    q = end
    while q >= 0 and len(chunks) < 3:
        if s.f[q] == "," or q == 0:
            start = q + 1 if s.f[q] == "," else q
            chunks.append((s.next_word(start), j))
            j = q
        elif s.f[q] in _BREAK_PUNCT - {",", "(", ")"} or _verb_in_np(s, q) or s.f[q] in {"que", "qu'"}:
            relative = _relative_aside_before(s, q)
            if relative is not None:
                # "La Suède, qui assure la présidence de l'UE, a déclaré": what the aside's verb
                # governs is not the subject; the noun before the aside is.
                return np_before(s, relative)
            chunks.append((s.next_word(q + 1), j))
            break
        q -= 1
    best = None
    for i, j2 in chunks:
        while i < j2 and s.doc[i].pos_ == "CCONJ":
            i = s.next_word(i + 1)  # "Mais Alain Foka rassure :"
        if i >= j2:
            break
        first = s.doc[i]
        if first.pos_ == "ADP" or any(_verb_in_np(s, x) for x in range(i, j2)):
            break
        if first.pos_ == "VERB" and i == s.next_word(0):
            break  # "Interrogé par la chaîne X, Y a dénoncé": the opening participle's clause is no subject
        if first.pos_ in {"ADV", "SCONJ"}:
            break  # "Peu de temps après, une source … a confirmé": a time, not part of who
        if first.pos_ in {"DET", "PROPN"} or first.text[:1].isupper():
            best = (i, end + 1)
    if best is None or not s.source_like(*best):
        return None
    return best


def subject_before_relative_aside(s: Sentence, comma: int) -> tuple[int, int] | None:
    """ "L'agence Sana, qui cite une source, a fait état …": the comma at ``comma`` closes a
    relative aside on the sentence's opening noun phrase, which is then the verb's subject."""
    q = s.prev_word(comma - 1)
    while q > 0 and s.f[q] not in _BREAK_PUNCT:
        q = s.prev_word(q - 1)
    if q <= 0 or s.f[q] != "," or s.f[s.next_word(q + 1)] != "qui":
        return None
    subject = np_before(s, s.next_word(q + 1))
    return subject if subject is not None and subject[0] == s.next_word(0) else None


def pp_end(s: Sentence, k: int, limit: int) -> int:
    """Where the prepositional phrases from ``k`` end, before the name at ``limit``
    ("en conférence de presse Maureen Levy" -> "Maureen Levy")."""
    q = limit
    while q > k and (s.doc[q - 1].text[:1].isupper() or s.doc[q - 1].is_space or s.f[q - 1] in lx.DEFINITES):
        q -= 1
    return q


def _relative_aside_before(s: Sentence, q: int) -> int | None:
    """Where ", qui" opens a relative aside whose verb is at ``q`` ("La Suède, qui assure …,"),
    or None. Negation, clitics and an auxiliary may stand between "qui" and the verb."""
    p = s.prev_word(q - 1)
    while p >= 0 and q - p <= 4 and (s.f[p] in {"ne", "n'", "se", "s'", "l'", "le", "la", "les", "lui", "leur", "y", "en"} or s.doc[p].pos_ == "AUX"):
        p = s.prev_word(p - 1)
    if p < 1 or s.f[p] != "qui":
        return None
    comma = s.prev_word(p - 1)
    return comma if comma >= 1 and s.f[comma] == "," else None


def _verb_in_np(s: Sentence, q: int) -> bool:
    """A finite verb at ``q``, unless a determiner makes it a noun ("Un enseignant")."""
    if not s.finite_verb(q):
        return False
    p = s.prev_word(q - 1)
    return not (p >= 0 and s.doc[p].pos_ == "DET")


def _infinitive(s: Sentence, k: int) -> bool:
    if k >= s.n or s.doc[k].pos_ not in {"VERB", "AUX"}:
        return False
    # (the tagger may call an infinitive after "de" finite: "accusé l'Italie de succomber")
    return "Inf" in s.doc[k].morph.get("VerbForm") or s.f[k].endswith(("er", "ir", "re")) and k > 0 and s.f[s.prev_word(k - 1)] in {"de", "d'"}


def has_reported_clause(s: Sentence, k: int) -> bool:
    """What was said follows the verb: a "que" clause, a colon, a quote, an infinitive ("dit
    avoir", "accusé la Turquie de bombarder"). Time words and "à X" may come first."""
    k = s.next_word(k)
    steps = 0
    first = True
    first_noun_seen = False
    while k < s.n and steps < 12:
        w = s.f[k]
        if w == '"' and (s.next_word(k + 1) >= s.n or s.f[s.next_word(k + 1)] in {",", "."} | _FINAL_PUNCT):
            return False  # '… ils souhaitent avancer", a-t-il dit': a closing quote, no clause
        if w in {"que", "qu'", ":", "«", "“", '"'}:
            return True
        if _infinitive(s, k) and not s.doc[k].text[:1].isupper() and w not in lx.TIME_WORDS:  # "a déclaré jeudi", misread
            # (a capitalised "infinitive" is a name the tagger misread: "sur France Inter que")
            # "dit avoir", "accusé la Turquie de bombarder"; not "a lancé une offensive pour reprendre".
            before = s.f[s.prev_word(k - 1)]
            if before in {"a", "au", "aux"}:
                return False  # "à" and an infinitive ("ont lancé à al-Tanf", misread): no clause said
            return first or before in {"de", "d'", "n'", "ne"}
        aside_end = _aside_at(s, k)
        if aside_end:
            k = aside_end  # "estime pour sa part que", "indique de son côté qu'"
            continue
        if w in {"pour", "afin", "sans", "avant", "apres"}:
            return False
        told = w in {"a", "au", "aux", "sur", "aupres"} or s.doc[k].pos_ in {"DET", "PROPN"} and not first_noun_seen
        if s.doc[k].pos_ not in {"ADV", "PRON"} and w not in _NEGATION and not told:
            first = False  # ("a assuré sur iTELE n'avoir …", "a dit à l'AFP avoir …": still the verb's own)
        if s.doc[k].pos_ == "NOUN":
            first_noun_seen = True
        if w == ",":
            # "a expliqué, jeudi à France Bleu, que …", "a estimé, mercredi 22 mars, sur
            # franceinfo, qu'…": parentheticals (up to three), then the clause.
            q = s.next_word(k + 1)
            asides = 0
            for _ in range(30):
                if q >= s.n or s.f[q] in _FINAL_PUNCT or s.finite_verb(q) and s.f[q] != "citant":
                    return False  # (not "a ajouté, citant la même source, que …": who it has it from)
                if s.f[q] == ",":
                    nxt = s.next_word(q + 1)
                    if nxt < s.n and s.f[nxt] in {"que", "qu'"}:
                        return True
                    if nxt < s.n and s.f[nxt] in {"de", "d'"} and _infinitive(s, s.next_word(nxt + 1)):
                        return True  # "accuse 10 personnalités, dont des eurodéputés, d'avoir blessé …"
                    asides += 1
                    if asides == 3:
                        return False
                q = s.next_word(q + 1)
            return False
        if w in _FINAL_PUNCT:
            return False
        if s.finite_verb(k):
            return False
        k = s.next_word(k + 1)
        steps += 1
    return False


def subject_of(s: Sentence, k: int) -> tuple[int, int] | None:
    """The subject noun phrase of the verb at ``k`` as token indices, from the parse."""
    span = _parsed_subject(s, k)
    if span is None:
        return None
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
        return _subject_of_participle_before(s, verb) or _subject_after_fronted_phrase(s, verb)
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
        if c >= verb.i or participle.dep_ != "advcl" or not s.f[c].endswith("ant"):
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


def agent_after(s: Sentence, k: int) -> tuple[int, int, str] | None:
    """ "par X" after a passive speech verb ("a été annoncé par le ministère")."""
    k = _skip_time_words(s, k)
    if k < s.n and s.f[k] == "par":
        np = _np_after(s, k + 1)
        if np is not None and s.source_like(np[0], np[1]):
            return np
    return None
