"""The phrases around a cue word in one parsed sentence: the noun phrase before a verb or
after "par", a reported clause after it, a relative or quoted stretch it sits in (and a verb
right after a closing quote), and the sources an agent names ("X, citant Y"). The subject of a
speech verb is found by ``claims.text.subjects``.

Pure Python (no Django). Shared by the cue finders of ``claims.text.cues`` and
``claims.text.verb_cues``.
"""

from __future__ import annotations

from dataclasses import replace

from claims.text import lexicon as lx
from claims.text.media import _to_outlet
from claims.text.sentence import (
    Mention,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Sentence,
    _AUX_FORMS,
    _BREAK_PUNCT,
    _FINAL_PUNCT,
    _NEGATION,
    _aside_at,
    _mention,
    _skip_time_words,
)
from claims.text.noun_phrases import NAME_PARTICLE, _np_after


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


_CLOSING_QUOTES = QUOTE_CLOSE | {'"'}


def after_closing_quote(s: Sentence, k: int) -> bool:
    """The verb at ``k`` opens an incise right after a quote: "« … », convient X", "« … », a
    réagi X", "« … », s'amuse-t-il" (auxiliaries and a reflexive clitic may come between)."""
    t = s.doc[k]
    if not t.text.islower() or t.pos_ not in {"VERB", "NOUN", "ADJ"}:
        return False
    p = s.prev_word(k - 1)
    auxiliary = False
    while p >= 0 and (s.f[p] in _AUX_FORMS or s.f[p] in {"s'", "se"} or s.doc[p].pos_ == "ADV" and s.f[p].endswith("ment")):
        auxiliary = auxiliary or s.f[p] in _AUX_FORMS  # ("a sèchement tancé": an adverb between)
        p = s.prev_word(p - 1)
    nxt = s.next_word(k + 1)
    if t.pos_ != "VERB" and not auxiliary and not (nxt < s.n and (s.doc[nxt].pos_ == "DET" or s.doc[nxt].text.startswith("-"))):
        # '"…", ville de la province': a noun in apposition; "», a réagi X", "», soupire la
        # porte-parole" are verbs, whatever the tagger says.
        return False
    first = s.next_word(0)
    named = s.next_word(k + 1)
    if p >= 1 and s.doc[p].text in _CLOSING_QUOTES and (
        first < p and s.doc[first].text in QUOTE_OPEN | {'"'}
        or not any(s.doc[q].text in QUOTE_OPEN | {'"'} for q in range(p))  # (opened in an earlier sentence)
    ) and named < s.n and (s.doc[named].text.startswith("-") or s.doc[named].ent_type_ == "PER"):
        # '"Mon but n'est pas …" a sèchement tancé Jean-Marc Ayrault': a quote, no comma after it,
        # then a verb and a person's name.
        p += 1
    elif p < 1 or s.f[p] != ",":
        return False
    quote = s.prev_word(p - 1)
    if quote < 0 or s.doc[quote].text not in _CLOSING_QUOTES:
        return False
    after = s.next_word(k + 1)
    # A speaker follows: a clitic ("-t-il"), an article, a name or a title.
    return after < s.n and (
        s.doc[after].text.startswith("-") or s.doc[after].pos_ in {"DET", "PROPN"} or s.doc[after].text[:1].isupper()
        or s.doc[after].pos_ == "ADP" or s.doc[after].pos_ == "ADV"
    )


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


def agent_after(s: Sentence, k: int) -> tuple[int, int, str] | None:
    """ "par X" after a passive speech verb ("a été annoncé par le ministère")."""
    k = _skip_time_words(s, k)
    if k < s.n and s.f[k] == "par":
        np = _np_after(s, k + 1)
        if np is not None and s.source_like(np[0], np[1]):
            return np
    return None
