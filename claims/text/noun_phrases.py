"""Noun phrases in a parsed sentence, for the cue rules: the one after a word (where a mention
starts and ends over names, adjectives, "de X" complements, a title in quotes, an apposition
that closes the sentence) and the one a parsed head spans (``np_span``, trimmed of relative
clauses, times and asides).

Pure Python (no Django).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.countries import countries_in
from claims.text.names import is_ticker
from claims.text.nlp import glued_hyphen
from claims.text.sentence import (
    _AUX_FORMS,
    _BREAK_PUNCT,
    _DE,
    _FINAL_PUNCT,
    _MAX_MENTION_TOKENS,
    _NP_STOP_WORDS,
    _RELATIVES,
    _SOURCE_HEADS,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Sentence,
    _aside_at,
)
from claims.text.speech_verbs import _speech_verb_at

if TYPE_CHECKING:
    from spacy.tokens import Token


def country_adjective_before_name(s: Sentence, k: int) -> bool:
    """Token ``k`` is a country's adjective before a name ("syrienne Sana", "japonaise Asahi"),
    which the tagger often calls a verb."""
    nxt = s.next_word(k + 1)
    return s.doc[k].text.islower() and bool(countries_in(s.doc[k].text)) and nxt < s.n and s.doc[nxt].text[:1].isupper()


def _capitalised_body(s: Sentence, i: int, j: int) -> bool:
    """The words so far name a body with capitals ("la Mission d'assistance des Nations unies")."""
    head = next((q for q in range(i, j) if s.doc[q].pos_ in {"NOUN", "PROPN"}), None)
    return head is not None and s.doc[head].text[:1].isupper() and s.f[head] in lx.INSTITUTION_HEADS | {"programme", "fonds", "mission", "haut-commissariat"}


_ROLE_ARTICLES = frozenset({"le", "la", "l'", "les", "un", "une", "des", "du", "au", "aux", "ce", "cette"})


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
        if (
            j > i and j + 2 < s.n and f[j + 1] == "-" and not t.whitespace_ and not doc[j + 1].whitespace_
            and doc[j + 2].text[:1].isupper() and doc[j - 1].text[:1].isupper()
        ):
            j += 3  # "Jaish ul-Adl": a name's particle glued to the next word by a hyphen
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
            after = s.next_word(j + 1)
            if w in {"web", "internet"} and f[s.prev_word(j - 1)] in lx.MEDIUM_HEADS:
                j += 1  # "le site web irakien X": the tagger calls "web" a preposition
                continue
            if w == "en" and after < s.n and f[after] == "ligne" and f[s.prev_word(j - 1)] in lx.MEDIUM_HEADS:
                j = after + 1  # "le site en ligne Press TV", "le journal en ligne X"
                continue
            if w == "sur" and after < s.n and f[after] == "place" and s.next_word(after + 1) < s.n and f[s.next_word(after + 1)] in _DE:
                j = after + 1  # "les correspondants sur place de plusieurs médias": whose they are follows
                continue
            if w == "pour" and doc[s.prev_word(j - 1)].text[:1].isupper() and _capitalised_body(s, i, j) and after < s.n and (
                f[after] in {"l'", "la", "le", "les"} or doc[after].text[:1].isupper()
            ):
                j += 1  # "le Programme des Nations unies pour l'environnement", "la Mission … pour l'Irak": one name
                continue
            if w in {"a", "au", "aux", "pour", "en"} and _initials_close_the_name(s, i, j):
                j += 1  # "la Délégation générale à l'administration pénitentiaire et à la réinsertion (DGAPR)"
                continue
            why = "adp"
            break
        if j > i and _aside_at(s, j):
            why = "adverb"  # "La direction de son côté fustige": an aside, then the verb
            break
        if j > i and w == "et" and _adjectives_go_on(s, i, j):
            j = s.next_word(j + 1)  # "des sources militaire et médicale": one noun, two adjectives
            continue
        if j > i and w == "et" and (_name_goes_on(s, j) or _initials_close_the_name(s, i, j) or _body_name_goes_on(s, i, j)):
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
        # A role noun right after its article is a noun, whatever the tagger calls it: "le
        # bourgmestre Maxime X" (tagged an adverb, or a verb).
        role_noun = w in lx.PERSON_ROLE_HEADS and s.prev_word(j - 1) == i and f[i] in _ROLE_ARTICLES
        # "des sources sécuritaires": a source's kind, whatever the tagger calls it (an adverb)
        role_noun = role_noun or f[s.prev_word(j - 1)] in {"source", "sources"} and t.text.islower() and w.endswith(("aire", "aires"))
        if j > i and (t.pos_ == "ADV" and not role_noun or w in _NP_STOP_WORDS) and not t.text[:1].isupper() \
                and not _particle_name(t.text):  # ("le groupe al-Saqour": a name the tagger calls an adverb)
            whole = " ".join(f[q] for q in range(i, j + 1) if not doc[q].is_space)
            named = " ".join(f[q] for q in range(i, j + 1) if not doc[q].is_space and f[q] not in lx.DEFINITES)
            if whole not in lx.MEDIA_NAMES and named not in lx.MEDIA_NAMES:  # "Le Journal du dimanche": a title, not a day
                why = "adverb"  # "le ministre lors d'un point presse", "X mardi"
                break
        # (a country's adjective before a name, which the tagger calls a verb, is still one:
        # "l'agence de presse officielle syrienne Sana"; so is a medium's: "le site indépendant Al-Masdar")
        described = f[s.prev_word(j - 1)] in lx.OUTLET_HEADS and t.text.islower() and doc[s.next_word(j + 1)].text[:1].isupper()
        # ("le ministère nippon des Finances": a country's adjective between a body and its portfolio)
        described = described or t.text.islower() and bool(countries_in(t.text)) and f[s.prev_word(j - 1)] in lx.INSTITUTION_HEADS \
            and f[s.next_word(j + 1)] in _DE
        if j > i and not role_noun and not described and not country_adjective_before_name(s, j) and (s.finite_verb(j) or s.reduced_relative(j)):
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


def _body_name_goes_on(s: Sentence, i: int, k: int) -> bool:
    """ "et de" inside the name of a body written with a capital ("le Centre européen de
    prévention et de contrôle des maladies"): what the body does, not a second noun phrase."""
    head = i if s.f[i] not in lx.DEFINITES | {"un", "une"} else s.next_word(i + 1)
    de, noun = s.next_word(k + 1), s.next_word(s.next_word(k + 1) + 1)
    return (
        head < k and s.doc[head].text[:1].isupper() and s.f[head] in lx.INSTITUTION_HEADS | {"centre", "centres"}
        and any(s.f[q] == "de" for q in range(head, k)) and de < s.n and s.f[de] == "de"
        and noun < s.n and s.doc[noun].pos_ == "NOUN" and s.doc[noun].text.islower()
    )


_NAME_LINKS = frozenset({"de", "des", "du", "d'", "la", "le", "les", "l'", "et", "a", "au", "aux", "pour", "en"})


def _initials_close_the_name(s: Sentence, i: int, k: int) -> bool:
    """ "la Direction de l'information et des relations publiques des armées (DIRPA)": the
    initials in brackets after the words spell all of them, "et" (or "à") included in the name;
    or a name opening with a capital goes on after "et de" up to a short form in brackets."""
    q = s.next_word(k + 1)
    for _ in range(10):
        if q >= s.n or s.f[q] in {",", ";", ":"} or s.doc[q].pos_ in {"VERB", "AUX"}:
            return False
        if s.f[q] == "(":
            break
        q = s.next_word(q + 1)
    else:
        return False
    acronym = s.next_word(q + 1)
    if acronym >= s.n or not s.doc[acronym].text.isupper() or len(s.doc[acronym].text) < 3:
        return False
    words = [s.f[w] for w in range(i, q) if not s.doc[w].is_punct and s.f[w] not in _NAME_LINKS]
    if "".join(w[:1] for w in words).casefold() == s.f[acronym].casefold():
        return True
    # "le Centre africain de contrôle et de prévention des maladies (CDC Afrique)": a name that
    # opens with a capital goes on after "et de", up to its short form in brackets.
    first = s.next_word(i + 1) if s.f[i] in _NAME_LINKS else i
    return s.doc[first].text[:1].isupper() and s.f[s.next_word(k + 1)] in {"de", "des", "du", "d'"}


_BOUND_ADJECTIVES = {"loyal", "loyale", "loyaux", "loyales", "fidele", "fideles", "lie", "liee", "lies", "liees",
                     "hostile", "hostiles", "favorable", "favorables", "opposé", "oppose", "opposee", "opposes"}


def _acronym_token(text: str) -> bool:
    if is_ticker(text):
        return False  # "Stellantis (STLA.MI)": a stock code, no part of the name
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
        if w in _BREAK_PUNCT or j > first and w in _REPORT_PARTICIPLES and t.text.islower():
            break  # (", Faouzi X cité par l'AFP": the name, then who cites him)
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
    if after >= s.n or s.f[after] in _FINAL_PUNCT or s.f[after] in _REPORT_PARTICIPLES:
        return j
    if s.f[after] == ",":
        nxt = s.next_word(after + 1)
        if nxt < s.n and (s.f[nxt] == "citant" or _speech_verb_at(s, nxt) or s.f[nxt] in _AUX_FORMS):
            return j
    return None


# A lower-case particle inside a name: "al-Muhandis", "ben Salmane", "ould Abdelaziz".
NAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|ar|an|ash|ibn|ben|bin|ould)-?[A-ZÀ-Ý]?")


def _particle_name(word: str) -> bool:
    """ "al-Sissi", "ben-Salmane": a name's particle glued to its capitalised last part."""
    particle, dash, rest = word.partition("-")
    return bool(dash) and bool(NAME_PARTICLE.match(particle)) and rest[:1].isupper()


def manner_adverb(s: Sentence, k: int) -> bool:
    """ "désespérément", "catégoriquement": how something was said, never who said it (the
    tagger may call one a verb when a determiner follows)."""
    return s.f[k].endswith("ment") and (
        s.doc[k].pos_ == "ADV" or s.doc[k].pos_ == "VERB" and k + 1 < s.n and s.doc[k + 1].pos_ == "DET"
    )


_PARTS_OF_DAY = frozenset({"matinee", "soiree", "journee", "nuit", "apres-midi", "matin", "soir"})


def _time_phrase_at(s: Sentence, q: int) -> bool:
    """ "un peu plus tard", "plus tard", "dans la matinée", "dans la nuit": words of time."""
    w = s.f[q]
    nxt = s.next_word(q + 1)
    after = s.f[nxt]  # (f[n] is "": nothing after the last word)
    if w == "un" and after == "peu" or w == "plus" and after == "tard":
        return True
    return w == "dans" and after in {"la", "l'"} and s.f[s.next_word(nxt + 1)] in _PARTS_OF_DAY


def np_span(s: Sentence, head: "Token", exclude: "Token | None" = None) -> tuple[int, int]:
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
    for q in range(head.i + 1, j):
        # "une source proche du maquis jointe par X": reached by someone, whatever the tagger calls it.
        if s.f[q] in lx.INTERVIEW_FORMS | lx.PASSIVE_REPORT_FORMS and s.doc[q].text.islower() and s.f[s.next_word(q + 1)] == "par":
            j = q
            break
        if _time_phrase_at(s, q):
            j = q  # "un communiqué du ministère de la Santé un peu plus tard dans la matinée": when, not who
            break
    # A clause boundary inside the subtree ("alors que le commandant"), or a fronted adverbial
    # hung on it by the parser ("Dans un communiqué …, le mouvement"): start after it.
    for p in range(i, head.i):
        spaced_dash = s.f[p] in {"-", "–", "—", "--"} and p > 0 and s.doc[p - 1].whitespace_ != "" and s.doc[p].whitespace_ != ""
        if s.f[p] in {"que", "qu'", ",", ")"} or spaced_dash or s.doc[p].pos_ == "SCONJ":
            i = p + 1
    while i < head.i and (
        s.doc[i].is_space or s.doc[i].is_punct
        # "mais la Banque de France avait …", "a lâché désespérément le maire": the conjunction
        # and the manner adverb are the clause's, not the speaker's name.
        or s.doc[i].pos_ == "CCONJ" or manner_adverb(s, i)
    ):
        i += 1
    for q in range(head.i + 1, j):
        if s.doc[q].pos_ == "VERB" and "Fin" in s.doc[q].morph.get("VerbForm") and not s.doc[q].ent_type_:
            j = q  # "La Banque de France prévoit une sortie …": the tagger hung the verb on the name
            break  # ("la télévision Al-Jazeera" tagged a verb is still a name)
    while 0 < i <= head.i:
        if s.doc[i].ent_type_ == "PER" and s.doc[i].ent_iob_ == "I" and not s.doc[i - 1].is_punct:
            i -= 1  # "Stéphane Le Foll": the parser gave the first name a subject of its own
        elif i >= 2 and glued_hyphen(s.doc, i - 1) and s.doc[i - 2].ent_type_ == "PER" and s.doc[i - 2].text[:1].isupper():
            i -= 2  # "Amir-Abdollahian": the tokenizer cut the name at its hyphen
        else:
            break
    for q in range(head.i + 1, j):
        if _aside_at(s, q):
            j = q  # "La direction de son côté": the aside is no part of who speaks
            break
    while j < s.n and _particle_name(s.doc[j].text) and s.doc[j - 1].text[:1].isupper():
        j += 1  # "Abdel Fattah al-Sissi": the tagger leaves the last part of the name out
    while j > i + 1 and (s.doc[j - 1].is_space or s.doc[j - 1].is_punct and s.f[j - 1] not in {")"} or s.f[j - 1] in {"se", "s'"}
                         or s.f[j - 1] in {"l'", "le", "la", "les", "lui", "leur"} and s.doc[j - 1].pos_ == "PRON"):
        j -= 1  # "L'armée et les paramilitaires s'accusent": the clitic is the verb's
    if j - i > _MAX_MENTION_TOKENS:
        # A parse gone wrong on a run-on sentence: keep the words around the head.
        i = max(i, head.i - _MAX_MENTION_TOKENS // 2)
        j = min(j, i + _MAX_MENTION_TOKENS)
    return i, max(j, i + 1)
