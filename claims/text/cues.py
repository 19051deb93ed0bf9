"""Attribution cues in one parsed sentence: prepositional ("selon X"), speech verbs with their
subject, incises, clitics, nominal cues, "citant" chains, vague forms, media circulation; and
which incises of a sentence belong to one claim (``incises_of_one_claim``).

Pure Python (no Django). ``find_cues`` returns ``Cue`` values whose mentions are token spans
of the sentence's ``Doc``; ``claims.text.attribution`` resolves them to sources and orders the
chain. Speech-verb cues are in ``claims.text.verb_cues``, the phrases around a cue in
``claims.text.clauses``, word lists in ``claims.text.lexicon``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.media import _DOCUMENT_LIKE, _document_agent, _medium_cues, _outlet_after_agent, _outlet_before_agent, _to_outlet
from claims.text.clauses import between_quotes, media_named, named_member, np_before, outside_quotes, with_citations
from claims.text.subjects import subject_of
from claims.text.names import name_after
from claims.text.registry import fold
from claims.text.sentence import (
    Cue,
    DOCUMENT,
    INCISE,
    Mention,
    OUTER,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    SPEAKER,
    Sentence,
    _mention,
    _part_of_day_at,
    _skip_time_words,
)
from claims.text.noun_phrases import _np_after
from claims.text.verb_cues import verb_cues

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["DOCUMENT", "INCISE", "OUTER", "SPEAKER", "Cue", "Mention", "Sentence", "find_cues"]


def find_cues(s: Sentence) -> list[Cue]:
    cues: list[Cue] = []
    cues += _medium_cues(s)
    cues += _citing_verb_cues(s)
    cues += _prepositional_cues(s)
    cues += verb_cues(s)
    cues += _interviewed_subject(s, cues)
    cues += _subject_of_a_statement(s, cues)
    cues += _nominal_cues(s)
    cues += _vague_phrase_cues(s)
    cues += _circulation_cues(s)
    return cues


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
        elif w in {"aux", "au"} and f[s.next_word(k + 1)] in {"dires", "dire"} and f[s.next_word(s.next_word(k + 1) + 1)] in {"de", "d'", "du", "des"}:
            de = s.next_word(s.next_word(k + 1) + 1)
            start, end = k, de + 1 if f[de] in {"de", "d'"} else de  # "aux dires de la source", "au dire des habitants"
        elif w == "par" and k > 0 and f[participle := _participle_before(s, k)] in lx.PASSIVE_REPORT_FORMS | lx.INTERVIEW_FORMS | lx.BROADCAST_FORMS | _DISMISSED | _JUDGED \
                and not (participle > 0 and f[s.prev_word(participle - 1)] in {"une", "la", "sa", "cette"}) \
                and f[s.next_word(k + 1)] not in {"rapport", "ailleurs", "exemple", "contre", "consequent", "hasard"}:
            start, end = participle, k + 1  # "cité par X", "cité dimanche par X" (not "une reprise par X": a noun)
        elif w in {"de", "du", "d'", "des", "sur", "au"} and k > 0 and (
            f[asked := _participle_before(s, k)] in _GUEST_FORMS or w in {"sur", "au"} and f[asked] in lx.INTERVIEW_FORMS
        ) and _opens_sentence(s, asked):
            # "Interrogée (mardi) sur France Inter, la ministre …", "Invité (dimanche soir) de RTL, le Premier ministre …"
            start, end = asked, k + 1
            on = _medium_later(s, k) if f[asked] in _GUEST_FORMS else None
            if on is not None:
                end = on + 1  # "Invité des « Quatre vérités », le 22 août sur France 2, X …": the channel
        elif w in {"sur", "au"} and k > 0 and f[s.prev_word(k - 1)] in _ON_AIR_FORMS and _opens_sentence(s, _with_reflexive(s, s.prev_word(k - 1))):
            start, end = s.prev_word(k - 1), k + 1  # "S'exprimant sur France Inter, la ministre …"
        elif w in {"a", "à", "au"} and k > 1 and f[s.prev_word(k - 1)] in _INTERVIEWS and f[s.prev_word(s.prev_word(k - 1) - 1)] == "en" \
                and _opens_sentence(s, s.prev_word(s.prev_word(k - 1) - 1)):
            start, end = s.prev_word(s.prev_word(k - 1) - 1), k + 1  # "En entrevue à TVA Nouvelles, le commandant …"
        elif w == "par" and f[s.next_word(k + 1)] in {"la", "les"} and f[s.next_word(s.next_word(k + 1) + 1)] in {"voix", "bouche"} \
                and f[s.next_word(s.next_word(s.next_word(k + 1) + 1) + 1)] in {"de", "du", "d'", "des"}:
            voice = s.next_word(s.next_word(s.next_word(k + 1) + 1) + 1)
            start, end = k, voice + 1 if f[voice] in {"de", "d'"} else voice  # "par la voix de son porte-parole": who spoke
        elif w == "dans" and k > 0 and f[s.prev_word(k - 1)] in _CITED:
            start, end = s.prev_word(k - 1), k + 1  # "citée dans Le Parisien", "cité dans les deux quotidiens"
        elif w == "par" and k > 2 and f[s.prev_word(k - 1)] == "telephone" and f[s.prev_word(s.prev_word(k - 1) - 1)] in {"par", "au"} \
                and f[s.prev_word(s.prev_word(s.prev_word(k - 1) - 1) - 1)] in lx.INTERVIEW_FORMS:
            start, end = s.prev_word(s.prev_word(s.prev_word(k - 1) - 1) - 1), k + 1  # "joints par téléphone par l'AFP"
        elif w == "pour" and _opens_sentence(s, k):
            start, end = k, k + 1  # "Pour le chercheur X, ..." (a view, attributed)
        elif w in {"de", "du", "d'", "des"} and f[s.prev_word(k - 1)] in _COMES_FROM and _news_opens(s, s.prev_word(k - 1)):
            start, end = s.prev_word(k - 1), k + 1  # "L'information vient du Parisien, qui cite …"
        elif w in {"de", "d'"} and k + 1 < s.n and f[s.next_word(k + 1)] in {"meme", "memes", "bonne", "bonnes"} and f[
            s.next_word(s.next_word(k + 1) + 1)
        ] in {"source", "sources"} and (_opens_sentence(s, k) or f[s.prev_word(k - 1)] == ","):
            start, end = k, k + 1  # "De mêmes sources, on ajoute que …", "…, de même source", "de bonne source"
        elif w in {"de", "d'"} and k + 1 < s.n and f[s.next_word(k + 1)] in {"source", "sources"} and (
            _opens_sentence(s, k) or f[s.prev_word(k - 1)] == ","
        ) and _qualified_source(s, s.next_word(k + 1)):
            start, end = k, k + 1  # "De source policière, on indique que …", "…, de source sûre"
        if start is None or k in s.used:
            continue
        if w == "par" and f[start] in lx.BROADCAST_FORMS and _what_is_said(s, s.doc[start].head):
            continue  # "a dénoncé de fausses informations diffusées par des médias": what was denounced
        nxt = s.next_word(end)
        if nxt >= s.n or f[nxt] in lx.NOT_AFTER_SELON:
            continue  # "selon lesquels", "selon que": a conjunction, not a cue
        # No apposition here: "selon X, la suite de la phrase" (appositions end incises).
        np = _np_after(s, nxt, appositions=False)
        if f[nxt] in {"lui", "elle", "eux", "elles"} and s.doc[nxt].pos_ == "PRON":
            np = (nxt, nxt + 1, "pronoun")  # "prévenues selon lui du risque": the pronoun alone
        agent = _document_agent(s, np) if np is not None and w != "par" else None
        author = None
        outlet = None
        if agent is not None:
            # "selon un communiqué du ministère cité par l'agence X": X cites the ministry.
            head = s.head_of(np[0], np[1])
            comp = s.de_complement(head, np[1])
            cited_by = next((q for q in range(head + 1, agent[0]) if f[q] in lx.PASSIVE_REPORT_FORMS), None)
            if cited_by is not None and comp is not None and comp < cited_by and s.source_like(comp, cited_by):
                author = _mention(s, comp, cited_by)
            outlet = _outlet_before_agent(s, np, agent) or _outlet_after_agent(s, agent)
            if outlet is not None:
                author = None
            np = agent  # "selon un bilan lu à la télévision par le porte-parole": the speaker
        elif np is not None and f[np[0]] in {"son", "sa", "ses", "leur", "leurs"} and f[s.head_of(np[0], np[1])] in _DOCUMENT_LIKE | {
            "recit", "version", "avis", "analyse", "estimation", "estimations", "chiffres", "donnees", "calculs",
            "informations", "explications",
        }:
            # "selon son récit": whoever "son" is.
            s.used.update(range(start, np[1]))
            cues.append(Cue("prep.selon", OUTER, start, (start, end), [Mention(np[0], np[0] + 1, pronoun=True, span_end=np[1])]))
            continue
        if np is not None and not s.source_like(np[0], np[1]) and f[s.head_of(np[0], np[1])] in _SAID_NOUNS:
            comp = s.de_complement(s.head_of(np[0], np[1]), np[1])
            if comp is not None and s.source_like(comp, np[1]):
                np = (comp, np[1], np[2])  # "selon les précisions du parquet": the parquet
        unnamed_role = np is not None and f[s.head_of(np[0], np[1])] in lx.PERSON_ROLE_HEADS and not s.has_name(np[0], np[1])
        if np is not None and (not s.source_like(np[0], np[1]) or unnamed_role) and w in {"selon", "pour"}:
            # "Pour l'homme fort de la CFDT, Laurent Berger, « … »": the name in apposition;
            # "Selon le commandant régional …, le colonel X, « … »": the role's holder, by name.
            comma = next((q for q in range(np[0], min(s.n, max(np[0] + 8, np[1] + 1))) if f[q] == ","), None)
            named = name_after(s, comma) if comma is not None and not any(s.finite_verb(q) for q in range(np[0], comma)) else None
            if named is not None and named[1] < s.n and f[named[1]] == ",":
                np = (np[0], named[1], np[2])
        if np is None or not s.source_like(np[0], np[1]):
            continue  # "selon le plan", "selon la loi": not a source
        member = named_member(s, np)
        if member is not None:
            np = member  # "selon plusieurs médias locaux, dont le quotidien X": X
        if w == "pour":
            comma = s.next_word(np[1])
            head = s.f[s.head_of(np[0], np[1])]
            if comma >= s.n or s.f[comma] != "," or head in lx.DOCUMENT_HEADS | lx.VAGUE_HEADS:
                continue  # "pour la première fois", "pour le rapport": not a view
            rule = "prep.pour"
        elif w in {"sur", "au", "de", "du", "d'", "des"} and f[start] in lx.INTERVIEW_FORMS | _GUEST_FORMS | _ON_AIR_FORMS:
            if not s.outlet_like(np[0], np[1]) and not media_named(s, np[0], np[1]):
                continue  # "interrogé sur ses intentions": what about, not by whom
            if f[start] in _GUEST_FORMS | _ON_AIR_FORMS and not (s.has_name(np[0], np[1]) or media_named(s, np[0], np[1])):
                continue  # "invité du journal de 20 heures": which medium, the text does not say
            rule = "prep.interview"
        elif f[start] == "en":
            if not s.outlet_like(np[0], np[1]) and not media_named(s, np[0], np[1]):
                continue  # "en entretien avec le ministre": who was met, no medium
            rule = "prep.interview"
        elif w == "par" and f[start] in lx.INTERVIEW_FORMS | lx.BROADCAST_FORMS:
            colleagues = f[s.next_word(np[0] + 1)] in {"confreres", "confrere", "consoeurs", "consoeur"}  # "nos confrères de X"
            if not s.outlet_like(np[0], np[1]) and not media_named(s, np[0], np[1]) and not colleagues:
                continue  # "interrogé par la police", "publié par un éditeur": not an attribution
            words = [s.f[q] for q in range(np[0], np[1]) if not s.doc[q].is_space]
            if f[start] in lx.INTERVIEW_FORMS and len(words) == 2 and words[1] in {"journalistes", "presse", "medias"}:
                continue  # "interrogé par des journalistes", "par la presse": the press at large, no medium
            rule = "prep.interview" if f[start] in lx.INTERVIEW_FORMS else "prep.passive"
        elif w == "dans":
            if f[s.head_of(np[0], np[1])] in {"colonnes", "pages", "page"}:
                comp = s.de_complement(s.head_of(np[0], np[1]), np[1])  # "dans les colonnes du Monde"
                np = _np_after(s, comp, appositions=False) if comp is not None else None
                if np is None:
                    continue
            if not s.outlet_like(np[0], np[1]) and not media_named(s, np[0], np[1]):
                continue  # "cité dans le rapport": a document, read by the rules for documents
            rule = "prep.passive"
        elif w == "par" and f[s.next_word(k + 1)] in {"la", "les"} and f[s.next_word(s.next_word(k + 1) + 1)] in {"voix", "bouche"}:
            rule = "prep.voice"  # "par la voix de son porte-parole": the one who spoke for the body
        elif w == "par":
            rule = "prep.passive"
        else:
            rule = "prep.selon"
        mentions = with_citations(s, np)
        if author is not None and author.i < np[0]:
            mentions.append(author)
        if agent is not None and outlet is not None:
            mentions.insert(0, _mention(s, *outlet))  # "… fournis à l'AFP par la CGT": AFP, then the CGT
        rules = [rule] + ["prep.citing"] * (len(mentions) - 1)
        s.used.update(range(start, np[1]))
        # "selon le ministre, cité par l'agence X": X cites the one before it, so X comes first.
        order = start - s.n if w in {"par", "dans"} and f[start] in lx.PASSIVE_REPORT_FORMS | lx.INTERVIEW_FORMS else start
        cues.append(Cue(rule, OUTER, order, (start, end), mentions, rules))
    return cues


_COMES_FROM = frozenset({"vient", "venait", "provient", "provenait", "emane", "emanait"})


def _news_opens(s: Sentence, verb: int) -> bool:
    """ "L'information vient de …", "La nouvelle émane de …": a piece of news is the verb's subject."""
    first = s.next_word(0)
    noun = s.next_word(first + 1)
    return s.f[first] in {"l'", "la", "cette"} and s.f[noun] in {"information", "info", "nouvelle", "annonce", "revelation"} and verb - noun <= 2


_INTERVIEWS = frozenset({"entrevue", "entretien", "interview"})  # "En entrevue à X, …": the medium that asked
_CITES = frozenset({"cite", "citent", "citait", "citaient", "cita"})
_GUEST_FORMS = frozenset({"invite", "invitee", "invites", "invitees"})  # "Invité de RTL, …": the medium asked
_ON_AIR_FORMS = frozenset({"exprimant", "intervenant"})  # "S'exprimant sur France Inter, …": the medium spoken on


def _with_reflexive(s: Sentence, k: int) -> int:
    """The "s'" before the participle at ``k`` if there is one ("S'exprimant"), else ``k``."""
    before = s.prev_word(k - 1)
    return before if before >= 0 and s.f[before] in {"s'", "se"} else k


# "des accusations balayées par X", "une information démentie par Y": X and Y say so.
_DISMISSED = frozenset({
    "balaye", "balayee", "balayes", "balayees", "dementi", "dementie", "dementis", "dementies",
    "rejete", "rejetee", "rejetes", "rejetees", "conteste", "contestee", "contestes", "contestees",
})


def _citing_verb_cues(s: Sentence) -> list[Cue]:
    """ "Le JDD cite une source proche des négociations selon laquelle …", "le quotidien a cité un
    responsable qui …": the subject cites the object, which is the claim's origin."""
    cues = []
    for k in range(s.n):
        if s.f[k] not in _CITES or k in s.used:
            continue
        before = s.prev_word(k - 1)
        if s.doc[k].pos_ not in {"VERB", "AUX"} and not (before >= 0 and s.f[before] in {"a", "ont", "avait", "avaient"}):
            continue  # ("a cité": a verb, whatever the tagger says)
        if before >= 0 and s.f[before] in {"est", "sont", "etait", "etaient", "ete", "a ete", "fut", "qui"}:
            continue  # "il est cité par": a passive; "X, qui cite Y": read with X's cue
        q = s.next_word(k + 1)
        if q < s.n and s.f[q] == "un" and s.f[s.next_word(q + 1)] == "peu":
            q = s.next_word(q + 1)  # "a cité un peu plus tard une source"
        obj = _np_after(s, _skip_time_words(s, q), appositions=False)
        if obj is None or s.f[obj[0]] == "par" or not s.source_like(obj[0], obj[1]) or s.doc[obj[0]].pos_ == "ADP" and s.f[obj[0]] not in {"des", "du"}:
            continue
        subject = subject_of(s, k) or np_before(s, k)  # "Le quotidien cite": the parser may see no verb
        if subject is None or subject[0] > k or not s.source_like(*subject) or s.f[subject[0]] in {"qui", "que", "qu'"} \
                or s.doc[subject[0]].pos_ == "ADP" or s.f[subject[0]] in lx.PREPOSITIONS:
            continue
        s.used.update(range(subject[0], obj[1]))
        cues.append(Cue("verb.subject", SPEAKER, k, (k, k + 1), [_mention(s, *subject), _mention(s, obj[0], obj[1])], ["verb.subject", "prep.citing"]))
    return cues


def _medium_later(s: Sentence, k: int) -> int | None:
    """Where "sur" names a medium later in a fronted guest phrase ("Invité de l'émission X sur
    France Inter, …"), before any verb; else None."""
    for q in range(k + 1, min(s.n, k + 16)):
        if s.finite_verb(q):
            return None
        if s.f[q] == "sur":
            np = _np_after(s, s.next_word(q + 1), appositions=False)
            if np is not None and s.outlet_like(np[0], np[1]):
                return q
    return None


def _participle_before(s: Sentence, k: int) -> int:
    """The word before "par" at ``k``, past time words ("cité dimanche par", "joint mardi soir par")."""
    p = s.prev_word(k - 1)
    for _ in range(3):
        if p > 0 and (s.f[p] in lx.TIME_WORDS - lx.DEFINITES or s.doc[p].text[:1].isdigit()):
            p = s.prev_word(p - 1)
    part = next((q for q in range(p, max(0, p - 5), -1) if _part_of_day_at(s, q) == k), None)
    if part is not None and part > 0:
        p = s.prev_word(part - 1)  # "jointe en fin de matinée par X", "joint dans la soirée par X"
    # "qualifiée de « très productive » par X": the words a participle of judgement gave.
    if p > 0 and s.f[p] in QUOTE_CLOSE | {'"'}:
        opening = next((q for q in range(p - 1, max(-1, p - 15), -1) if s.f[q] in QUOTE_OPEN | {'"'}), None)
        de = s.prev_word(opening - 1) if opening is not None else -1
        if de > 0 and s.f[de] in {"de", "d'", "comme"} and s.f[s.prev_word(de - 1)] in _JUDGED:
            return s.prev_word(de - 1)
    return max(p, 0)


# "qualifié de « … » par X", "décrite comme « … » par X": a judgement, reported with its author.
_JUDGED = frozenset({
    "qualifie", "qualifiee", "qualifies", "qualifiees", "decrit", "decrite", "decrits", "decrites",
    "juge", "jugee", "juges", "jugees", "presente", "presentee", "presentes", "presentees",
})


def _qualified_source(s: Sentence, k: int) -> bool:
    """ "source policière", "sources concordantes", "mêmes sources": "source(s)" with a word that
    says which, as in "De sources concordantes, …"."""
    before = s.prev_word(k - 1)
    if before >= 0 and s.f[before] in {"meme", "memes", "bonne", "bonnes"}:
        return True
    after = s.next_word(k + 1)
    return after < s.n and s.doc[after].text.islower() and (
        s.doc[after].pos_ == "ADJ" or s.doc[after].pos_ not in {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ"}
    )


# "cité dans X": the medium that quotes the source before it.
_CITED = {"cite", "citee", "cites", "citees"}


_STATEMENTS = frozenset({"communique", "declaration", "message", "lettre", "courrier", "texte", "video", "tweet", "publication", "allocution", "discours"})


def _subject_of_a_statement(s: Sentence, cues: list[Cue]) -> list[Cue]:
    """ "Dans un communiqué, le mouvement a rejeté l'accord": what a statement opening the
    sentence says is its subject's, whatever the verb."""
    if any(c.level == SPEAKER for c in cues):
        return []
    first = s.next_word(0)
    det = s.next_word(first + 1)
    noun = s.next_word(det + 1)
    if first >= s.n or s.f[first] != "dans" or det >= s.n or s.f[det] not in {"un", "une", "son", "sa", "leur"} or noun >= s.n or s.f[noun] not in _STATEMENTS:
        return []
    comma = next((q for q in range(noun + 1, min(s.n, noun + 12)) if s.f[q] == ","), None)
    if comma is None:
        return []
    np = _np_after(s, comma + 1, appositions=False)
    after = s.next_word(np[1]) if np is not None else s.n
    if after >= s.n or s.doc[after].pos_ not in {"AUX", "VERB"} and s.f[after] not in {"a", "ont", "s'", "se", "n'", "ne"}:
        return []  # the noun phrase is the subject of the clause that follows
    return _subject_cue(s, np)


def _subject_cue(s: Sentence, np: tuple[int, int, str] | None) -> list[Cue]:
    """The subject after an opening clause as the speaker, if it is a source no cue took."""
    if np is None or not s.source_like(np[0], np[1]) or any(q in s.used for q in range(np[0], np[1])):
        return []
    s.used.update(range(np[0], np[1]))
    return [Cue("verb.subject.weak", SPEAKER, np[0], None, [_mention(s, np[0], np[1])])]


def _interviewed_subject(s: Sentence, cues: list[Cue]) -> list[Cue]:
    """ "Contacté par l'AFP, le parquet s'est refusé à tout commentaire", "Interrogé par l'agence
    APA, un porte-parole n'était pas en mesure de donner un bilan": what the one interviewed
    answered is theirs, whatever the verb."""
    if any(c.level == SPEAKER for c in cues):
        return []
    for cue in cues:
        if cue.rule not in {"prep.interview", "prep.medium"} or cue.cue is None or not _opens_sentence(s, cue.cue[0]):
            continue  # ("Au micro d'Europe 1, X n'a pas été tendre": on air, what X says is X's)
        comma = cue.cue[1]
        while comma < s.n and s.f[comma] not in {","} | set(".;:!?"):
            comma += 1
        if comma >= s.n or s.f[comma] != ",":
            return []
        return _subject_cue(s, _np_after(s, comma + 1))
    return []


def _what_is_said(s: Sentence, noun: "Token") -> bool:
    """``noun`` is the object of a speech verb: what is said, not who carried it."""
    return noun.dep_ == "obj" and s.f[noun.head.i] in lx.STRONG_FORMS | lx.WEAK_FORMS


def _opens_sentence(s: Sentence, k: int) -> bool:
    """Token ``k`` starts the sentence, maybe after "Mais", "Et", "Or" or an opening quote."""
    p = s.prev_word(k - 1)
    while p >= 0 and (s.f[p] in {"mais", "et", "or", "donc", "«", "“", '"', "("}):
        p = s.prev_word(p - 1)
    return p < 0


# What someone said or gave, after "selon": "selon les précisions du parquet".
_SAID_NOUNS = frozenset(lx.NOMINAL_SELF | lx.NOMINAL_REPORT | lx.FIGURE_NOUNS | lx.VAGUE_HEADS | {
    "precisions", "explications", "indications", "renseignements", "termes", "mots", "dires", "chiffres", "evaluations",
})


_ASCRIBED = frozenset({"attribue", "attribuee", "attribues", "attribuees", "prete", "pretee", "pretes", "pretees"})


def _ascribed_to(s: Sentence, k: int) -> int | None:
    """Where "X" starts in "des propos attribués à X", "une déclaration prêtée à X"."""
    q = s.next_word(k + 1)
    if q >= s.n or s.f[q] not in _ASCRIBED:
        return None
    to = s.next_word(q + 1)
    if to >= s.n or s.doc[to].text.lower() not in {"à", "au", "aux"}:
        return None
    return s.next_word(to + 1)  # ("au", "aux": the article is in the word)


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
        moved = s.prev_word(before - 1) if before >= 0 and s.f[before] in {'"', "»", "”"} else before  # ('"ulcérés" par')
        if s.f[p] == "par" and moved >= 0 and s.doc[moved].pos_ in {"VERB", "ADJ"}:
            continue  # "ulcérés par les déclarations de X": what they reacted to, not a source of the claim
        if w == "propos" and s.f[p] == "a" or before >= 0 and s.f[before] in {"sujet", "propos", "quant"}:
            continue  # "À propos de la réunion", "au sujet du rapport de X": what is spoken of
        if between_quotes(s, k):
            continue  # « … dans le communiqué du parquet », a-t-il dit: the quoted speaker's words
        comp = s.de_complement(k, s.n)
        if comp is not None and s.f[comp] == "presse":
            comp = s.de_complement(comp, s.n)  # "le communiqué de presse du parquet"
        if comp is None:
            comp = _ascribed_to(s, k)  # "dans des déclarations attribuées à un haut responsable"
        if comp is None:
            continue
        np = _np_after(s, comp, appositions=False)
        if np is None or not s.source_like(np[0], np[1]):
            continue
        bare = s.doc[np[0]]
        if s.f[s.prev_word(np[0] - 1)] in {"de", "d'"} and bare.pos_ == "NOUN" and bare.text.islower() and "Sing" in bare.morph.get("Number"):
            continue  # "dans un message de soutien": what kind of message, not whose
        if w == "intervention" and s.f[s.head_of(np[0], np[1])] in lx.INTERVENING_FORCES:
            continue  # "avant l'intervention des policiers": an operation
        mentions = [_mention(s, np[0], np[1])]
        s.used.update(range(k, np[1]))
        cues.append(Cue("nominal", DOCUMENT, k, (k, k + 1), mentions))
        outlet = _to_outlet(s, np[1])
        if outlet is not None:
            s.used.update(range(np[1], outlet[1]))
            cues.append(Cue("nominal.to_outlet", OUTER, k, (k, k + 1), [_mention(s, outlet[0], outlet[1])]))
    return cues


_VAGUE_PHRASES = [tuple(fold(p).split()) for p in lx.VAGUE_PHRASES]
# The phrases by their first word, in the order of the list (only those can start at a word).
_VAGUE_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _VAGUE_PHRASES:
    _VAGUE_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


def _vague_phrase_cues(s: Sentence) -> list[Cue]:
    words = [(k, w) for k, w in enumerate(s.f[: s.n]) if not s.doc[k].is_space]
    folded = [w for _, w in words]
    cues = []
    for n, first in enumerate(folded):
        for phrase in _VAGUE_BY_FIRST.get(first, ()):
            if n + len(phrase) <= len(words) and tuple(folded[n : n + len(phrase)]) == phrase:
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
        if _what_is_said(s, subject):
            continue  # "a dénoncé de fausses informations diffusées par des médias": what was denounced
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
        if any(s.f[q] in lx.PLATFORMS for q in range(i, j)) and "NEWS_OUTLET" not in labels:
            continue  # "relayées sur les réseaux sociaux": where it circulates, not who carries it
        s.used.update(range(k, j))
        cues.append(Cue("media.circulation", SPEAKER, k, (k, k + 1), [_mention(s, i, j)]))
    return cues


def incises_of_one_claim(s: Sentence, cues: list[Cue]) -> list[Cue]:
    """Two incises in a sentence, where a later one does not cite the earlier: "Aucune victime,
    ajoute la métropole, mais un employé a été blessé, a détaillé le maire" is two claims (the
    chain is the first one's); "« … » explique le secrétaire général, « … », poursuit Eric X" is
    one speaker said twice (the one named)."""
    incises = sorted((c for c in cues if c.level == INCISE and c.cue), key=lambda c: c.cue[0])
    outside = [c for c in incises if not between_quotes(s, c.cue[0])]
    if outside:
        # "« L'Elysée dément les accusations du Monde … », a indiqué la présidence": a subject
        # inside the quote is the speaker's words, not a link of the chain.
        cues = [
            c for c in cues
            if not (
                c.level == SPEAKER and c.rule.startswith("verb.subject") and c.cue and c.mentions
                and c.cue[0] < outside[-1].cue[0] and between_quotes(s, c.mentions[0].i)
            )
        ]
        incises = [c for c in incises if c in cues]
    for first, later in zip(incises, incises[1:]):
        if any(s.f[q] in {"mais", ";"} and outside_quotes(s, q) for q in range(first.cue[1], later.cue[0])):
            cut = later.cue[0]
            return [c for c in cues if not (c.cue and c.cue[0] >= cut)]
        if s.f[later.cue[1] - 1] in _GOES_ON and any(s.f[q] in QUOTE_OPEN | {'"'} for q in range(first.cue[1], later.cue[0])):
            # "« … » explique le secrétaire général, « … », poursuit Eric X": one speaker, twice;
            # the name says who.
            named = [c for c in (first, later) if c.mentions and any(s.doc[q].ent_type_ == "PER" for q in range(c.mentions[0].i, c.mentions[0].j))]
            drop = first if named == [later] else later
            return [c for c in cues if c is not drop]
    return cues


# Verbs that go on with the same speaker's words: "…, poursuit X", "…, ajoute-t-il".
_GOES_ON = frozenset({"poursuit", "ajoute", "continue", "enchaine", "conclut", "renchérit", "rencherit", "insiste", "precise"})
