"""Media and documents in a sentence: the medium a statement was made in or to (« A l'antenne
de franceinfo », « sur RTL », « au micro de X », « dans une entrevue accordée à X », « une vidéo
diffusée par X ») and a document's agent (« selon un bilan lu … par X »).

Pure Python (no Django). Used by ``claims.text.cues`` and ``claims.text.verb_cues``.
"""

from __future__ import annotations

from claims.text import lexicon as lx
from claims.text.countries import is_place_name
from claims.text.credits import is_wire_agency
from claims.text.names import is_acronym
from claims.text.sentence import (
    OUTER,
    Cue,
    Sentence,
    _comma_after_day,
    _mention,
    _skip_time_words,
)
from claims.text.noun_phrases import _np_after

_DOCUMENT_LIKE = lx.NOMINAL_SELF | lx.NOMINAL_REPORT | lx.DOCUMENT_EXTRA_HEADS
# What a source hands over: "selon des éléments fournis par la CGT", "des informations données par".
_PROVIDED = frozenset({"elements", "informations", "precisions", "indications", "details", "renseignements", "explications"})
# The last word of a medium's own name: "Gravité média", "Mosaïque FM", "Nessma TV".
_MEDIUM_LAST_WORDS = frozenset({"media", "medias", "fm", "tv", "radio", "info", "infos", "news", "presse", "hebdo", "matin", "soir"})
# A medium's people spoken to: "a dit à un correspondant de l'AFP" is told to the AFP.
_REPORTERS = frozenset({"journaliste", "journalistes", "reporter", "reporters", "correspondant", "correspondante", "correspondants"})
# What a medium publishes: "selon un récit publié dans X", "une enquête parue dans X".
_PUBLISHED = frozenset({"recit", "tribune", "article", "enquete", "reportage", "editorial", "chronique", "recits", "articles"})
# "une interview accordée à X", "un entretien donné à Y": an interview granted to a medium.
_GRANTED = frozenset({"accordee", "accorde", "donnee", "donne", "accordees"})
# "dans un entretien accordé à X", "dans un courrier envoyé à l'AFP": what was sent, and how.
_SENT_TO_OUTLET = frozenset({
    "interview", "entrevue", "entretien", "courrier", "lettre", "message", "courriel", "mail", "e-mail",
    "email", "sms", "declaration", "reponse", "communique", "note", "texte", "reaction", "reactions",
})
_SENT_VERBS = frozenset({
    "accordee", "accorde", "accordees", "accordes", "donnee", "donne", "envoye", "envoyee", "envoyes",
    "envoyees", "adresse", "adressee", "adresses", "adressees", "transmis", "transmise", "transmises",
    "remis", "remise", "faite", "fait", "parvenu", "parvenue",
})


def _document_agent(s: Sentence, np: tuple[int, int, str]) -> tuple[int, int, str] | None:
    """ "un bilan lu à la télévision par X", "le communiqué publié par X", "des chiffres
    dévoilés par X": the document's author or carrier, named by "par" after a participle."""
    i, j, why = np
    head = s.head_of(i, j)
    if s.f[head] not in _DOCUMENT_LIKE | _PROVIDED | _PUBLISHED:
        return None
    k = s.next_word(head + 1)
    for _ in range(4):  # "le point de situation diffusé par": past adjectives and "de X"
        if k < s.n and s.doc[k].pos_ == "ADJ" and not s.f[k].endswith(("e", "u", "is", "it", "es")):
            k = s.next_word(k + 1)
        elif k + 1 < s.n and s.f[k] in {"de", "d'"} and s.doc[s.next_word(k + 1)].pos_ == "NOUN":
            k = s.next_word(s.next_word(k + 1) + 1)
        else:
            break
    if k >= s.n or not s.doc[k].text.islower() or not s.f[k].endswith(("e", "es", "u", "us", "is", "ees", "it", "i", "ie", "ies")):
        return None  # a participle ("lu", "publié", "diffusés"), whatever the tagger calls it
    for _ in range(16):
        k = s.next_word(k + 1)
        close = _comma_after_day(s, k)
        if close is not None:
            k = close  # "les chiffres dévoilés, lundi 26 septembre, par l'Insee"
            continue
        if k >= s.n or s.f[k] in {",", ";", ".", ":", "«", '"'} or s.finite_verb(k):
            return None
        if s.f[k] == "par":
            agent = _np_after(s, k + 1, appositions=False)
            if agent is not None and s.source_like(agent[0], agent[1]):
                return agent
            return None
        if s.f[k] == "dans":
            # "un récit publié dans l'édition dominicale du FAZ", "une tribune publiée dans Le Monde"
            where = _np_after(s, k + 1, appositions=False)
            if where is not None and s.f[s.head_of(where[0], where[1])] in {"edition", "colonnes", "pages", "page", "numero"}:
                comp = s.de_complement(s.head_of(where[0], where[1]), where[1])
                where = _np_after(s, comp, appositions=False) if comp is not None else None
            if where is not None and (s.outlet_like(where[0], where[1]) or _medium_name(s, where[0], where[1])):
                return where
            return None
    return None


def _outlet_before_agent(s: Sentence, np: tuple[int, int, str], agent: tuple[int, int, str]) -> tuple[int, int] | None:
    """ "des éléments fournis à l'AFP par la CGT": the outlet the document's agent gave it to."""
    for q in range(np[1], agent[0]):
        if s.f[q] in {"a", "au", "aux", "aupres"} and s.doc[q].pos_ == "ADP":
            found = _to_outlet(s, q)
            if found is not None and found[1] <= agent[0] and s.has_name(*found):
                return found  # a named one: "lu à la télévision par X" is where, not who
    return None


def _outlet_after_agent(s: Sentence, agent: tuple[int, int, str]) -> tuple[int, int] | None:
    """ "le bilan communiqué par les pompiers à France Bleu Gironde": the outlet the agent gave it to."""
    q = s.next_word(agent[1])
    if q < s.n and s.f[q] in {"a", "au", "aux"} and s.doc[q].pos_ == "ADP":
        found = _to_outlet(s, q)
        if found is not None and s.has_name(*found):
            return found
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
        sent = None  # the outlet a statement was sent to, found whole
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
            if q < s.n and f[q] in {"qu'", "que"}:
                # "Dans un entretien qu'il a accordé à X": past the relative's subject and auxiliary.
                for _ in range(3):
                    q = s.next_word(q + 1)
                    if q >= s.n or f[q] in _GRANTED:
                        break
            if q >= s.n or f[q] not in _GRANTED:
                continue
            if f[s.next_word(q + 1)] == "par":
                continue  # "l'entretien accordé par X au Figaro": X's interview, not the subject's
            q = s.next_word(q + 1)
            steps = 0
            while q < s.n and steps < 8 and s.doc[q].text.lower() not in {"à", "au", "aux", "a"}:
                q = s.next_word(q + 1)
                steps += 1
            if q >= s.n or s.doc[q].text.lower() not in {"à", "au", "aux", "a"}:
                continue
            np_from = q + 1  # "à X", "au magazine X", "aux médias Y"
        elif f[k] == "dans" and _fronted(s, k):
            # "Dans une déclaration transmise à l'AFP, ses avocats ont …", "Dans un courriel
            # adressé à Reuters, le porte-parole a …": what the speaker sent to an outlet.
            sent = _outlet_at(s, k)
            if sent is None:
                continue
        elif f[k] == "sur" and _fronted(s, k) and not {f[q] for q in range(k + 1, min(k + 3, s.n))} & {"antenne", "micro", "ondes", "plateau"}:
            # "Sur RTL, Mme X a démenti …", "Ce mercredi matin sur France Inter, la ministre a
            # affirmé …": the broadcaster, named before the speaker.
            np = _np_after(s, k + 1, appositions=False)
            if np is None or not (_known_medium(s, np[0], np[1]) or s.outlet_like(np[0], np[1])):
                continue
            after = _skip_time_words(s, np[1])
            if after >= s.n or f[after] != "," or not any(f[q] in lx.STRONG_FORMS | lx.WEAK_FORMS for q in range(after, s.n)):
                continue
            np_from = k + 1
        elif f[k] in lx.BROADCAST_FORMS and k >= 1:
            # "Dans une vidéo diffusée par le Kremlin": a document carried by a source.
            p = s.prev_word(k - 1)
            if p < 0 or f[p] not in _DOCUMENT_LIKE:
                continue
            q = s.next_word(k + 1)
            if q < s.n and f[q] == "sur":
                # "une vidéo diffusée sur le site du journal X": the medium whose site it is.
                where = _np_after(s, q + 1, appositions=False)
                comp = s.de_complement(s.head_of(where[0], where[1]), where[1]) if where is not None else None
                if comp is None or s.f[s.head_of(where[0], where[1])] not in {"site", "compte", "chaine", "page"}:
                    continue
                np_from = comp
            elif q >= s.n or f[q] != "par":
                continue
            else:
                np_from = q + 1
        else:
            continue
        if sent is not None:
            i, j = sent
        else:
            np = _np_after(s, np_from, appositions=False)
            if np is None:
                continue
            i, j, _ = np
            if not (s.outlet_like(i, j) or s.source_like(i, j) or _medium_name(s, i, j)):
                continue
            if is_place_name(s.doc[i:j].text) and not _known_medium(s, i, j):
                continue  # "dans un entretien accordé à Yaoundé": where it was given, not to whom
        s.used.update(range(start, j))
        cues.append(Cue("prep.medium", OUTER, start, (start, k + 1), [_mention(s, i, j)]))
    return cues


def _known_medium(s: Sentence, i: int, j: int) -> bool:
    """A paper or broadcaster the lexicon knows by its name ("France 2", "Le Parisien")."""
    whole = " ".join(s.f[q] for q in range(i, j) if not s.doc[q].is_space)
    bare = " ".join(s.f[q] for q in range(i, j) if not s.doc[q].is_space and s.f[q] not in lx.DEFINITES)
    return whole in lx.MEDIA_NAMES or bare in lx.MEDIA_NAMES


def _known_medium_at(s: Sentence, i: int) -> tuple[int, int] | None:
    """The longest name the lexicon knows as a medium's starting at ``i``, up to four words."""
    words = []
    q = i
    while q < s.n and len(words) < 4:
        if not s.doc[q].is_space:
            words.append(q)
        q += 1
    if not words or not (s.doc[words[0]].text[:1].isupper() or s.doc[words[0]].text[1:2].isupper()):
        return None  # (a capital first, or second: "iTELE")
    for n in range(len(words), 0, -1):
        last = words[n - 1]
        after = words[n] if n < len(words) else s.n
        # "France Bleu" in "France Bleu Breizh Izel": only the whole name; a name in capitals
        # ("sur BFMTV Christelle, …") or a person may follow.
        acronym = n == 1 and s.doc[last].text.isupper()
        if s.f[last] in lx.DEFINITES or after < s.n and (
            s.doc[after].text[:1].isupper() and s.doc[after].ent_type_ != "PER" and not acronym or s.f[after] in {"de", "d'", "du"}
        ):
            continue
        if _known_medium(s, words[0], last + 1):
            return words[0], last + 1
    return None


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


def _role_follows(s: Sentence, k: int) -> bool:
    """After the name ending at or after ``k``: ", le porte-parole …", ", ministre de …"."""
    while k < s.n and s.doc[k].pos_ == "PROPN":
        k = s.next_word(k + 1)
    if k >= s.n or s.f[k] != ",":
        return False
    head = s.next_word(k + 1)
    while head < s.n and s.doc[head].pos_ in {"DET", "ADJ"}:
        head = s.next_word(head + 1)
    return head < s.n and s.f[head] in lx.PERSON_ROLE_HEADS


def _before_speaker(s: Sentence, i: int, j: int) -> tuple[int, int]:
    """ "à l'AFP des sources locales", "à l'Agence France Presse (AFP) le colonel X": the outlet
    ends where the speakers after it begin."""
    for q in range(i + 1, j):
        if s.f[q] == ")" and q + 1 < j and s.f[s.next_word(q + 1)] in lx.DEFINITES | {"un", "une", "des"}:
            return i, q + 1
        starts_speakers = s.f[q] in {"des", "de", "d'", "du", "un", "une", "plusieurs", "le", "la", "les", "l'"} or s.doc[q].pos_ == "NUM"
        if starts_speakers and s.doc[s.prev_word(q - 1)].text[:1].isupper():
            # (also "à Reuters trois sources", "à l'AFP un responsable")
            head = s.next_word(q + 1)
            if s.f[q] in {"un", "une"} and head < j and s.f[head] in {"des", "de", "d'"}:
                head = s.next_word(head + 1)  # "à l'AFP un des chefs de la mutinerie"
            while head < j and s.doc[head].pos_ in {"DET", "NUM", "ADJ"}:
                head = s.next_word(head + 1)
            if head < j and s.f[head] in lx.ANONYMOUS_HEADS | lx.PERSON_ROLE_HEADS:
                return i, q
        nxt = s.next_word(q + 1)
        if (
            s.doc[q].pos_ == "PROPN" and s.doc[q].text[:1].isupper() and nxt < j and s.doc[nxt].pos_ == "PROPN"
            and s.doc[nxt].text[:1].isupper() and s.doc[s.head_of(i, q)].text.islower()
            and s.f[s.head_of(i, q)] in lx.OUTLET_HEADS and s.head_of(i, q) < q and _role_follows(s, nxt)
        ):
            # "à la télévision d'État Davoud Abdi, le porte-parole du ministère": a medium said in
            # words, then who spoke (not "à la chaîne Al Mayadeen", a medium and its name).
            return i, q
    return i, j


def _to_outlet(s: Sentence, k: int) -> tuple[int, int] | None:
    """ "à la chaîne Y", "à l'AFP", "sur RTL", "au micro de Y", "dans une interview accordée à
    Y" after a speech verb or a nominal cue: the outlet spoken to."""
    found = _outlet_at(s, k)
    if found is not None and s.f[found[0]] in {"notre", "nos"} and not s.has_name(found[0], found[1]):
        return None  # "a indiqué sur notre antenne": the page's own outlet, which sources nothing
    return _before_speaker(s, *found) if found is not None else None


def _reporters_medium(s: Sentence, head: int, j: int) -> tuple[int, int] | None:
    """The medium after a reporter's noun at ``head`` ("un journaliste de l'AFP", "au
    correspondant de SANA"), or None: a reporter of no named medium is no outlet."""
    de = s.next_word(head + 1)
    if de >= j or s.f[de] not in {"de", "d'", "du", "des"}:
        return None
    np = _np_after(s, de + 1 if s.f[de] in {"de", "d'"} else de, appositions=False)
    if np is None or not (s.outlet_like(np[0], np[1]) or _known_medium(s, np[0], np[1])):
        return None
    return np[0], np[1]


def audience_end(s: Sentence, k: int) -> int | None:
    """After "à la presse", "aux journalistes", "aux médias" at ``k`` (journalists at large,
    no outlet): the next token."""
    if k >= s.n or s.doc[k].text.lower() not in {"à", "au", "aux"}:
        return None
    noun = s.next_word(k + 1)
    if noun < s.n and s.f[noun] in {"la", "des"}:
        noun = s.next_word(noun + 1)
    if noun >= s.n or s.f[noun] not in {"presse", "medias", "journalistes"} or not s.doc[noun].text.islower():
        return None
    after = s.next_word(noun + 1)
    return after if after >= s.n or s.doc[after].pos_ != "ADJ" else None


def _outlet_at(s: Sentence, k: int) -> tuple[int, int] | None:
    k = _skip_time_words(s, k)
    if k >= s.n:
        return None
    word = s.doc[k].text.lower()
    nxt = s.next_word(k + 1)
    if nxt < s.n and s.f[nxt] in {"l'", "les", "le", "la"}:
        nxt = s.next_word(nxt + 1)
    on_air = nxt < s.n and s.f[nxt] in {"antenne", "micro", "ondes", "plateau"}
    if audience_end(s, k) is not None:
        return None  # "a déclaré à la presse", "aux médias": to journalists at large, no outlet
    if word == "à" and nxt < s.n and s.doc[nxt].text.islower() and is_wire_agency(s.doc[nxt].text):
        return nxt, nxt + 1  # "a indiqué samedi à l'ats": an agency in lower case, as Swiss dispatches write it
    if word in {"sur", "à", "au"} and not on_air:
        known = _known_medium_at(s, k + 1)
        if known is not None:
            return known  # "sur France inter": the name, however the tagger splits it
        np = _np_after(s, k + 1, appositions=False)
        if np is not None and _known_medium(s, np[0], np[1]):
            return np[0], np[1]  # "sur France 2", "à Ouest-France": a known medium, even if named like a place
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
    if word == "en" and s.f[s.next_word(k + 1)] in {"entrevue", "entretien", "interview"}:
        to = s.next_word(s.next_word(k + 1) + 1)  # "déclare en entrevue à Radio-Canada le directeur"
        return _to_outlet(s, to) if to < s.n and s.doc[to].text.lower() in {"à", "au", "aux"} else None
    if word == "dans":
        q = s.next_word(k + 1)
        if q < s.n and s.f[q] in {"une", "un", "l'", "son", "sa"}:
            q = s.next_word(q + 1)
        if q < s.n and s.f[q] in _SENT_TO_OUTLET:
            a = s.next_word(q + 1)
            if a < s.n and s.f[a] in lx.DEFINITES | {"de", "d'"}:
                return None  # "dans un entretien de la ministre": whose, not to whom
            if a < s.n and s.doc[a].pos_ == "ADJ" and s.f[a] not in _SENT_VERBS:
                a = s.next_word(a + 1)  # "dans un courriel anonyme envoyé à"
            if a < s.n and s.f[a] in _SENT_VERBS:
                return _to_outlet(s, a + 1)
            if a < s.n and s.doc[a].text.lower() in {"à", "au", "aux"}:
                return _to_outlet(s, a)  # "dans un entretien au Figaro", "dans une déclaration à l'AFP"
        return None
    if s.f[k] in lx.INTERVIEW_FORMS:
        # "…, a dit X, interrogé par France Inter", "joint par l'AFP": the outlet that asked.
        q = s.next_word(k + 1)
        if q < s.n and s.f[q] == "par":
            np = _np_after(s, q + 1, appositions=False)
            if np is not None and (s.outlet_like(np[0], np[1]) or _medium_name(s, np[0], np[1])):
                return np[0], np[1]
        return None
    if s.f[k] == "aupres":  # "a affirmé la procureure auprès de l'AFP"
        de = s.next_word(k + 1)
        if de >= s.n or s.f[de] not in {"de", "d'", "du", "des"}:
            return None
        k = de
    elif word not in {"à", "au", "aux"}:
        return None
    np = _np_after(s, k + 1, appositions=False)
    if np is None:
        return None
    i, j, _ = np
    e = i
    while e < j and s.doc[e].ent_type_ == "NEWS_OUTLET":
        e += 1
    if i < e < j and s.doc[e].text[:1].isupper():
        j = e  # "a déclaré à l'AFP Masiullah, un habitant": the outlet, then who spoke
    head = s.head_of(i, j)
    if s.f[head] == "agences" and not s.has_name(i, j):
        return None  # "a demandé aux agences compétentes", "aux agences de presse": no medium named
    if s.f[head] in _REPORTERS:
        return _reporters_medium(s, head, j)  # "a expliqué à un journaliste de l'AFP": the AFP
    if s.outlet_like(i, j):
        return i, j
    named = " ".join(s.f[q] for q in range(i, j) if not s.doc[q].is_space and s.f[q] not in lx.DEFINITES)
    if any(named == name or named.startswith(name + " ") or name.endswith(" " + named) for name in lx.MEDIA_NAMES):
        return i, j  # "à France Bleu Breizh Izel", "au Soleil"
    if named in s.outlets_before:
        return i, j  # "a déclaré à Al-Maalomah" after "le site d'information Al-Maalomah"
    if s.has_name(i, j) and is_wire_agency(s.doc[i:j].text):
        return i, j  # "confirmées à Keystone-ATS": a wire agency, however the tagger splits it
    first = i if s.f[i] not in lx.DEFINITES else s.next_word(i + 1)
    if s.f[j - 1] in _MEDIUM_LAST_WORDS and j - 1 > first and s.doc[first].text[:1].isupper():
        return i, j  # "à Gravité média", "à Radio Okapi FM": a name that says it is a medium
    comma = s.next_word(j)
    if j - i == 2 and s.f[i] == "la" and is_acronym(s.doc[i + 1].text) and (comma >= s.n or s.doc[comma].is_punct):
        return i, j  # "a déclaré X à la RAI.", "à la BBC": a broadcaster ("la chaîne") by its letters
    if s.has_name(i, j) and comma < s.n and s.f[comma] == ",":
        what = _np_after(s, comma + 1, appositions=False)  # "à la RAI, la chaîne publique"
        if what is not None and s.f[s.head_of(what[0], what[1])] in lx.MEDIA_HEADS:
            return i, j
    return None


def _fronted(s: Sentence, k: int) -> bool:
    """Token ``k`` opens the sentence, after words of time only ("Ce mercredi matin sur …")."""
    return _skip_time_words(s, s.next_word(0)) >= k and all(s.f[q] not in {",", "que", "qu'"} for q in range(k))
