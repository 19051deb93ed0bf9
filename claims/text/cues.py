"""Attribution cues in one parsed sentence: prepositional ("selon X"), speech verbs with their
subject, incises, clitics, nominal cues, "citant" chains, vague forms, media circulation.

Pure Python (no Django). ``find_cues`` returns ``Cue`` values whose mentions are token spans
of the sentence's ``Doc``; ``claims.text.attribution`` resolves them to sources and orders the
chain. Word lists are in ``claims.text.lexicon``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.media import _DOCUMENT_LIKE, _document_agent, _medium_cues, _medium_name, _to_outlet
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
    SPEECH_VERB_FORMS,
    Sentence,
    _AUX_FORMS,
    _BREAK_PUNCT,
    _DE,
    _FINAL_PUNCT,
    _MAX_MENTION_TOKENS,
    _NEGATION,
    _NP_STOP_WORDS,
    _PASSIVE_AUX,
    _SUBJECT_DEPS,
    _SUBJECT_SKIP,
    _mention,
    _np_after,
    _skip_time_words,
    _speech_verb_at,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["DOCUMENT", "INCISE", "OUTER", "SPEAKER", "Cue", "Mention", "Sentence", "find_cues"]


def find_cues(s: Sentence) -> list[Cue]:
    cues: list[Cue] = []
    cues += _medium_cues(s)
    cues += _prepositional_cues(s)
    cues += _verb_cues(s)
    cues += _nominal_cues(s)
    cues += _vague_phrase_cues(s)
    cues += _circulation_cues(s)
    return cues




def _with_citations(s: Sentence, np: tuple[int, int, str]) -> list[Mention]:
    """The mention of ``np`` and, for "X citant Y" (also "X, citant Y"), the cited Y."""
    i, j, why = np
    mentions = [_mention(s, i, j)]
    k = j
    for _ in range(3):
        nxt = s.next_word(k)
        if nxt < s.n and s.f[nxt] == ",":
            nxt = s.next_word(nxt + 1)
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
        mentions.append(_mention(s, cited[0], cited[1]))
        k = cited[1]
    return mentions


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
        elif w == "par" and k > 0 and f[s.prev_word(k - 1)] in lx.PASSIVE_REPORT_FORMS | lx.INTERVIEW_FORMS | lx.BROADCAST_FORMS:
            start, end = s.prev_word(k - 1), k + 1
        elif w == "par" and k > 2 and f[s.prev_word(k - 1)] == "telephone" and f[s.prev_word(s.prev_word(k - 1) - 1)] in {"par", "au"} \
                and f[s.prev_word(s.prev_word(s.prev_word(k - 1) - 1) - 1)] in lx.INTERVIEW_FORMS:
            start, end = s.prev_word(s.prev_word(s.prev_word(k - 1) - 1) - 1), k + 1  # "joints par téléphone par l'AFP"
        elif w == "pour" and _opens_sentence(s, k):
            start, end = k, k + 1  # "Pour le chercheur X, ..." (a view, attributed)
        elif w in {"de", "d'"} and k + 1 < s.n and f[s.next_word(k + 1)] in {"source", "sources"} and (
            _opens_sentence(s, k) or f[s.prev_word(k - 1)] == ","
        ) and s.doc[s.next_word(k + 1) + 1 if s.next_word(k + 1) + 1 < s.n else k].pos_ == "ADJ":
            start, end = k, k + 1  # "De source policière, on indique que …", "…, de source sûre"
        if start is None or k in s.used:
            continue
        nxt = s.next_word(end)
        if nxt >= s.n or f[nxt] in lx.NOT_AFTER_SELON:
            continue  # "selon lesquels", "selon que": a conjunction, not a cue
        # No apposition here: "selon X, la suite de la phrase" (appositions end incises).
        np = _np_after(s, nxt, appositions=False)
        agent = _document_agent(s, np) if np is not None and w != "par" else None
        author = None
        if agent is not None:
            # "selon un communiqué du ministère cité par l'agence X": X cites the ministry.
            head = s.head_of(np[0], np[1])
            comp = s.de_complement(head, np[1])
            cited_by = next((q for q in range(head + 1, agent[0]) if f[q] in lx.PASSIVE_REPORT_FORMS), None)
            if cited_by is not None and comp is not None and comp < cited_by and s.source_like(comp, cited_by):
                author = _mention(s, comp, cited_by)
            np = agent  # "selon un bilan lu à la télévision par le porte-parole": the speaker
        elif np is not None and f[np[0]] in {"son", "sa", "ses", "leur", "leurs"} and f[s.head_of(np[0], np[1])] in _DOCUMENT_LIKE | {"recit", "version", "avis", "analyse", "estimation"}:
            # "selon son récit": whoever "son" is.
            s.used.update(range(start, np[1]))
            cues.append(Cue("prep.selon", OUTER, start, (start, end), [Mention(np[0], np[0] + 1, pronoun=True, span_end=np[1])]))
            continue
        if np is None or not s.source_like(np[0], np[1]):
            continue  # "selon le plan", "selon la loi": not a source
        if w == "pour":
            comma = s.next_word(np[1])
            head = s.f[s.head_of(np[0], np[1])]
            if comma >= s.n or s.f[comma] != "," or head in lx.DOCUMENT_HEADS | lx.VAGUE_HEADS:
                continue  # "pour la première fois", "pour le rapport": not a view
            rule = "prep.pour"
        elif w == "par" and f[start] in lx.INTERVIEW_FORMS | lx.BROADCAST_FORMS:
            if not s.outlet_like(np[0], np[1]) and not _media_named(s, np[0], np[1]):
                continue  # "interrogé par la police", "publié par un éditeur": not an attribution
            rule = "prep.interview" if f[start] in lx.INTERVIEW_FORMS else "prep.passive"
        elif w == "par":
            rule = "prep.passive"
        else:
            rule = "prep.selon"
        mentions = _with_citations(s, np)
        if author is not None and author.i < np[0]:
            mentions.append(author)
        rules = [rule] + ["prep.citing"] * (len(mentions) - 1)
        s.used.update(range(start, np[1]))
        # "selon le ministre, cité par l'agence X": X cites the one before it, so X comes first.
        order = start - s.n if w == "par" and f[start] in lx.PASSIVE_REPORT_FORMS | lx.INTERVIEW_FORMS else start
        cues.append(Cue(rule, OUTER, order, (start, end), mentions, rules))
    return cues


def _media_named(s: Sentence, i: int, j: int) -> bool:
    """A paper or broadcaster of the lexicon by its name ("Le Parisien", "franceinfo")."""
    named = " ".join(s.f[q] for q in range(i, j) if not s.doc[q].is_space)
    bare = " ".join(s.f[q] for q in range(i, j) if not s.doc[q].is_space and s.f[q] not in lx.DEFINITES)
    return named in lx.MEDIA_NAMES or bare in lx.MEDIA_NAMES


def _opens_sentence(s: Sentence, k: int) -> bool:
    """Token ``k`` starts the sentence, maybe after "Mais", "Et", "Or" or an opening quote."""
    p = s.prev_word(k - 1)
    while p >= 0 and (s.f[p] in {"mais", "et", "or", "donc", "«", "“", '"', "("}):
        p = s.prev_word(p - 1)
    return p < 0


def _verb_cues(s: Sentence) -> list[Cue]:
    cues = _verb_cues_all(s, hypothetical := set())
    # A speech verb in a "si" clause ("Si le parquet dit avoir …, on fera une enquête, a
    # expliqué X") is part of what another speaker says; alone it is kept ("S'il assure …").
    if hypothetical and any(c.order not in hypothetical and c.rule.startswith("verb.") for c in cues):
        cues = [c for c in cues if c.order not in hypothetical]
    return cues


# The forms a verb cue can have: a speech verb (SPEECH_VERB_FORMS) or an impersonal one.
_VERB_CUE_FORMS = SPEECH_VERB_FORMS | lx.IMPERSONAL_VERBS


def _verb_cues_all(s: Sentence, hypothetical: set[int]) -> list[Cue]:
    cues = []
    f = s.f
    doc = s.doc
    for k in range(s.n):
        if k in s.used:
            continue
        if f[k] not in _VERB_CUE_FORMS:
            # Only a verb that opens a quote ("X rassure : « … »") can be a cue without one of
            # these forms, and only before a colon.
            colon = s.next_word(k + 1)
            if colon >= s.n or f[colon] != ":":
                continue
        prev = s.prev_word(k - 1)
        while prev >= 0 and (doc[prev].pos_ == "ADV" or f[prev] in _NEGATION):
            prev = s.prev_word(prev - 1)
        # After a comma, a closing quote or an auxiliary the form is trusted whatever the tagger
        # says (", rapporte Reuters" as a noun, "a démenti" as a name).
        lenient = prev >= 0 and (
            f[prev] in {",", "»", "”"} or f[prev] in _AUX_FORMS
            or (doc[prev].text.startswith("-") and f[prev].lstrip("-") in lx.PRONOUNS_3RD | {"t", "on"})
        ) and doc[k].text[:1].islower()
        strength = _speech_verb_at(s, k, lenient=lenient)
        if strength is None and _introduces_quote(s, k):
            strength = "weak"  # "X rassure : « … »", "X prévient : "…"": a verb that opens a quote
        impersonal_verb = f[k] in lx.IMPERSONAL_VERBS and s.is_verb_like(k)
        if strength is None and not impersonal_verb:
            continue
        t = doc[k]
        forms = t.morph.get("VerbForm")
        before = s.prev_word(k - 1)
        if "Inf" in forms and f[k] not in lx.FAIRE_FORMS:
            continue  # "pour annoncer", "veut dire": no subject of its own
        if f[k].endswith("ant") and ("Part" in forms or "Ger" in forms or before >= 0 and f[before] == "en"):
            # "en affirmant que": governed by the main verb's speaker. When the main verb is no
            # speech verb ("il a relativisé l'incident, soulignant que …"), its subject speaks here.
            participle = _participle_speaker(s, k, strength, cues)
            if participle is not None:
                s.used.update(range(participle.mentions[0].i, participle.mentions[0].j))
                cues.append(participle)
            continue
        verb_end = k + 1
        if f[k] in lx.FAIRE_FORMS:
            verb_end = s.next_word(k + 1) + 1
        # Walk left over auxiliaries, negation, adverbs and a clitic ("a-t-il", "n'a pas").
        cue_start = k
        clitic: int | None = None
        passive = False
        p = before
        while p >= 0:
            w = f[p]
            if w in {"-t", "t", "-t-"}:
                p = s.prev_word(p - 1)
                continue
            if w.lstrip("-") in lx.PRONOUNS_3RD | {"on"} and doc[p].text.startswith("-"):
                clitic = p
                p = s.prev_word(p - 1)
                continue
            if w in _AUX_FORMS and doc[p].pos_ in {"AUX", "VERB"}:
                passive = passive or w in _PASSIVE_AUX and "Part" in forms
                cue_start = p
                p = s.prev_word(p - 1)
                continue
            if w in _NEGATION or doc[p].pos_ == "ADV":
                p = s.prev_word(p - 1)
                continue
            if _object_clitic(s, p):
                if f[p] in {"se", "s'"}:
                    passive = False  # "s'est emporté": reflexive, not passive
                p = s.prev_word(p - 1)  # "», lui a lancé X", "», s'est emporté X"
                continue
            break
        left = p  # the word before the cue
        # A clitic after the verb: "ajoute-t-il", "dit-on".
        q = s.next_word(verb_end)
        if q < s.n and f[q] in {"-t", "t"}:
            q = s.next_word(q + 1)
        if q < s.n and f[q].lstrip("-") in lx.PRONOUNS_3RD | {"on"} and doc[q].text.startswith("-"):
            clitic = q
            verb_end = q + 1
        after_break = left < 0 or f[left] in {",", "»", "”", '"', "(", "—", "–", ":"}
        # "ce qu'a indiqué X", "comme l'a rappelé X": the speaker comes after the verb, as in an incise.
        inverted = left >= 0 and (
            f[left] in {"qu'", "que"} or (f[left] == "l'" and s.prev_word(left - 1) >= 0 and f[s.prev_word(left - 1)] == "comme")
        )
        cue_span = (cue_start, verb_end)

        quoted = _between_quotes(s, k)
        if clitic is not None:
            s.used.update(range(cue_start, verb_end))
            learned = _learned_from(s, verb_end) if f[clitic].lstrip("-") == "on" else None
            if learned is not None:
                # "a-t-on appris auprès du parquet", "a-t-on appris de source policière": named.
                s.used.update(range(verb_end, learned[1]))
                cues.append(Cue("verb.incise", INCISE if after_break else SPEAKER, k, cue_span, [_mention(s, *learned)]))
            elif f[clitic].lstrip("-") == "on" or impersonal_verb:
                cues.append(Cue("vague.on", SPEAKER, k, cue_span, [Mention(cue_start, verb_end, vague=True)]))
            elif strength in {"strong", "weak"}:
                level = INCISE if after_break else SPEAKER
                cues.append(Cue("verb.clitic", level, k, cue_span, [Mention(clitic, clitic + 1, pronoun=True)]))
            continue
        if strength is None and not impersonal_verb:
            continue

        if any(f[c] in {"si", "s'"} and doc[c].dep_ == "mark" for c in s.kids[k]):
            hypothetical.add(k)  # "Si le parquet dit avoir …, a expliqué X": X's hypothesis
        complement = _has_reported_clause(s, verb_end)
        subject = _subject_of(s, k)
        if passive:
            agent = _agent_after(s, verb_end)
            if agent is not None:
                s.used.update(range(cue_start, agent[1]))
                cues.append(Cue("verb.passive_agent", SPEAKER, k, cue_span, _with_citations(s, agent)))
                continue
            if subject is not None and f[subject[0]] == "il" and complement:
                s.used.update(range(subject[0], verb_end))
                cues.append(Cue("vague.impersonal", SPEAKER, k, cue_span, [Mention(subject[0], verb_end, vague=True)]))
            continue
        if impersonal_verb:
            if subject is not None and f[subject[0]] == "il" and complement:
                s.used.update(range(subject[0], verb_end))
                cues.append(Cue("vague.impersonal", SPEAKER, k, cue_span, [Mention(subject[0], verb_end, vague=True)]))
            continue

        # Incise: the content came before (", a indiqué la source", "», a dit X"). The parser
        # often hangs such a verb on the content's verb; only a subject of its own counts here.
        own_subject = any(left < c.i < k for c in s.subjects(k)) or any(
            c.i < left and _outside_quotes(s, c.i) and s.source_like(*_np_span(s, c))
            for c in s.subjects(k)
        )
        # Right after a closing quote the verb is an incise whatever follows its speaker
        # ("», a admis le ministre mais …, X est libre"): a later quote or "que" is no clause of its own.
        after_quote = left >= 0 and (
            f[left] in QUOTE_CLOSE | {'"'}
            or f[left] == "," and s.prev_word(left - 1) >= 0 and f[s.prev_word(left - 1)] in QUOTE_CLOSE | {'"'}
        )
        bare_incise = not after_break and not inverted and _bare_incise(s, left, k, verb_end, strength)
        if (after_break or inverted or bare_incise) and (not complement or after_quote) and not own_subject:
            start = _skip_place(s, _skip_time_words(s, verb_end))
            outlet = _to_outlet(s, start)
            if outlet is not None:
                start = _skip_time_words(s, outlet[1])
            demonstrative = _demonstrative_relative(s, start)
            if demonstrative is not None:
                # "», lâche celui qui avait …": the one just spoken of, whoever that is.
                s.used.update(range(cue_start, demonstrative[1]))
                cues.append(Cue("verb.incise", INCISE, k, cue_span, [Mention(demonstrative[0], demonstrative[1], pronoun=True)]))
                continue
            np = _np_after(s, start)
            if np is not None and (s.doc[np[0]].pos_ == "ADP" and s.f[np[0]] not in _DE or s.f[np[0]] in _NP_STOP_WORDS):
                # "a déclaré en conférence de presse X", "a déclaré lors d'un point de presse …,
                # X", "a déclaré par téléphone le ministre": the speaker is the verb's subject.
                np = None
                for c in s.subjects(k, _SUBJECT_DEPS):
                    if c.i > k:
                        a, b = _np_span(s, c)
                        a = max(start, _pp_end(s, start, min(a, c.i)))
                        if s.source_like(a, b):
                            np = (a, b, "subject")
                        break
                if np is None:
                    comma = start
                    while comma < s.n and s.f[comma] not in {","} | _FINAL_PUNCT and comma - start < 15:
                        comma += 1
                    if comma < s.n and s.f[comma] == ",":
                        np = _np_after(s, comma + 1)
            if np is not None and f[s.head_of(np[0], np[1])] in _DOCUMENT_LIKE:
                agent = _document_agent(s, np)  # "indique le rapport publié jeudi par l'ONG X"
                if agent is not None:
                    np = (np[0], agent[1], agent[2])
                    s.used.update(range(cue_start, agent[1]))
                    cues.append(Cue("verb.incise", INCISE, k, cue_span, [_mention(s, agent[0], agent[1])]))
                    continue
            if np is not None and s.source_like(np[0], np[1]):
                informant = _source_inside(s, np)  # "a appris l'AFP de source policière"
                if informant is not None:
                    np = (np[0], informant[0] - 2 if s.f[informant[0] - 2] in {"de", "d'"} else informant[0] - 1, np[2])
                s.used.update(range(cue_start, informant[1] if informant else np[1]))
                mentions = _with_citations(s, (s.next_word(np[0]), s.prev_word(np[1] - 1) + 1, np[2]))
                if informant is not None:
                    mentions.append(_mention(s, *informant))
                cues.append(Cue("verb.incise", INCISE, k, cue_span, mentions))
                if outlet is None:  # "a indiqué une source à Reuters", "…, François X, sur RTL"
                    outlet = _to_outlet(s, np[1])
                    after_np = s.next_word(np[1])
                    if outlet is None and after_np < s.n and s.f[after_np] == ",":
                        outlet = _to_outlet(s, after_np + 1)
                        if outlet is None:  # "…, le ministre, Gérald X, sur France 2."
                            q = s.next_word(after_np + 1)
                            while q < s.n and q - after_np < 10 and s.f[q] not in {","} | _FINAL_PUNCT:
                                q = s.next_word(q + 1)
                            if q < s.n and s.f[q] == ",":
                                outlet = _to_outlet(s, q + 1)
                    if outlet is not None:
                        s.used.update(range(np[1], outlet[1]))
                if outlet is not None:
                    cues.append(Cue("verb.to_outlet", OUTER, k, cue_span, [_mention(s, outlet[0], outlet[1])]))
                continue
        if subject is not None and not s.source_like(*subject) and f[subject[0]] not in lx.PRONOUNS_3RD | {"on"} | _SUBJECT_SKIP:
            subject = None  # "L'état-major" parsed as "major": read the words before the verb
        if subject is None and strength == "strong" or subject is None and complement:
            subject = _np_before(s, cue_start)
        if subject is None or subject[0] > k:
            continue
        i, j = subject
        while j > i + 1 and j >= cue_start - 1 and f[j - 1] in {"l'", "le", "la", "les", "lui", "leur", "se", "s'"}:
            j -= 1  # "Le ministre l'a répété": the clitic before the verb group is its object
        word = f[i]
        if strength == "vague":
            if word == "on":
                s.used.update(range(i, verb_end))
                cues.append(Cue("vague.on", SPEAKER, k, cue_span, [Mention(i, verb_end, vague=True)]))
            continue
        if strength == "weak" and not complement:
            continue  # "a ajouté du sel", "estime le coût"
        if not complement and any(f[q] in {"ne", "n'"} for q in range(max(0, cue_start - 3), k)):
            continue  # "l'armée ne communique plus sur ses pertes": nothing is reported
        if word == "on":
            s.used.update(range(i, verb_end))
            cues.append(Cue("vague.on", SPEAKER, k, cue_span, [Mention(i, verb_end, vague=True)]))
            continue
        # "Il écrit que …", "Il affirme que …": the parser's expletive reading of a strong
        # verb in the active with "il" right before it is a person speaking; "il est dit que",
        # "il se dit que" stay impersonal.
        personal = (
            strength == "strong" and cue_start == k and s.next_word(i + 1) == k
            and f[k] not in {"dit", "dire"} | lx.IMPERSONAL_VERBS
        )
        if word == "il" and doc[i].dep_ == "expl:subj" and not personal:
            if complement:
                s.used.update(range(i, verb_end))
                cues.append(Cue("vague.impersonal", SPEAKER, k, cue_span, [Mention(i, verb_end, vague=True)]))
            continue
        if word in _SUBJECT_SKIP and not (word == "ce" and j - i >= 2 and f[s.next_word(i + 1)] in {"dernier", "derniere"}):
            continue
        if (doc[k].dep_ == "acl:relcl" or _in_relative(s, k)) and any(c.rule.startswith("verb.") for c in cues):
            continue  # "…, en réponse à X qui accuse Y", "…: X, dont les proches estiment …": content
        if not s.source_like(i, j) and s.f[i] not in lx.PRONOUNS_3RD:
            continue  # "cette décision indique que", "la population a annoncé": not a speaker
        if quoted and j - i == 1 and f[i] in lx.PRONOUNS_3RD:
            continue  # « …, mais il continue de … », a déclaré X: X's words, not a cue
        rule = "verb.subject" if strength == "strong" else "verb.subject.weak"
        s.used.update(range(i, verb_end))
        mentions = [_mention(s, i, j)]
        cue = Cue(rule, SPEAKER, k, cue_span, mentions)
        cues.append(cue)
        outlet = _to_outlet(s, verb_end)
        after = s.next_word(verb_end)
        if outlet is None and after < s.n and s.f[after] == ",":
            outlet = _to_outlet(s, after + 1)  # "a expliqué, jeudi à France Bleu, que"
        if outlet is None:
            outlet = _outlet_in_aside(s, j, cue_start)  # "X, qui s'exprimait sur BFMTV, a estimé"
        if outlet is None and after < s.n and f[after] in {"des", "de", "d'", "sa", "son", "ses", "leur", "leurs", "un", "une", "l'", "le", "la", "les"}:
            obj = _np_after(s, after, appositions=False)  # "ont rapporté des combats à l'AFP"
            if obj is not None and obj[2] in {"adp", "verb"} and obj[1] - obj[0] <= 6:
                q = s.next_word(obj[1])
                for _ in range(2):  # "des tirs nourris à l'AFP": an adjective or a bare participle
                    if q < s.n and s.doc[q].text.islower() and (
                        doc[q].pos_ == "ADJ" or doc[q].pos_ == "VERB" and "Part" in doc[q].morph.get("VerbForm")
                    ):
                        q = s.next_word(q + 1)
                outlet = _to_outlet(s, q)
        if outlet is not None:
            cues.append(Cue("verb.to_outlet", OUTER, k, cue_span, [_mention(s, outlet[0], outlet[1])]))
    return cues


def _participle_speaker(s: Sentence, k: int, strength: str | None, cues: list[Cue]) -> Cue | None:
    """ "…, soulignant que …" after a main verb that reports nothing: the main verb's subject
    is the speaker of the participle's clause."""
    if strength not in {"strong", "weak"} or any(c.rule.startswith(("verb.", "prep.")) for c in cues):
        return None
    if not _has_reported_clause(s, k + 1):
        return None
    main = s.doc[k].head
    if main.i == k or main.i > k or _speech_verb_at(s, main.i) is not None:
        return None
    subject = _subject_of(s, main.i)
    if subject is None:
        return None
    i, j = subject
    if not (s.source_like(i, j) or j - i == 1 and s.f[i] in lx.PRONOUNS_3RD):
        return None
    return Cue("verb.subject.weak", SPEAKER, k, (k, k + 1), [_mention(s, i, j)])


def _source_inside(s: Sentence, np: tuple[int, int, str]) -> tuple[int, int] | None:
    """ "l'AFP de source policière", "Reuters de sources concordantes": an outlet's informant
    given by "de source(s) …" inside the noun phrase."""
    i, j, _ = np
    for q in range(i + 1, j - 1):
        if s.f[q] in {"de", "d'"} and s.f[s.next_word(q + 1)] in {"source", "sources"} and s.outlet_like(i, q):
            return s.next_word(q + 1), j
    return None


def _learned_from(s: Sentence, k: int) -> tuple[int, int] | None:
    """ "auprès de X", "de source X" after "a-t-on appris", "a appris l'AFP": who told it."""
    k = _skip_time_words(s, k)
    if k < s.n and s.f[k] == "aupres":
        de = s.next_word(k + 1)
        if de < s.n and s.f[de] in {"de", "d'", "du", "des"}:
            np = _np_after(s, de + 1, appositions=False)
            if np is not None and s.source_like(np[0], np[1]):
                return np[0], np[1]
    if k < s.n and s.f[k] in {"de", "d'"}:
        src = s.next_word(k + 1)
        if src < s.n and s.f[src] in {"source", "sources"}:
            np = _np_after(s, src, appositions=False)
            if np is not None:
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
                    if np is not None and (s.outlet_like(np[0], np[1]) or _media_named(s, np[0], np[1])):
                        outlet = np[0], np[1]
                if outlet is not None:
                    return outlet
    return None


_RELATIVE_PRONOUNS = {"dont", "qui", "lequel", "laquelle", "lesquels", "lesquelles"}


def _in_relative(s: Sentence, k: int) -> bool:
    """The verb at ``k`` heads a relative clause: a relative pronoun opens its subtree before
    it ("dont les proches estiment", "et qui affirme")."""
    left = s.doc[k].left_edge.i
    return any(s.f[q] in _RELATIVE_PRONOUNS and s.doc[q].pos_ == "PRON" for q in range(left, k))


def _introduces_quote(s: Sentence, k: int) -> bool:
    """A finite verb right before a colon and an opening quote: « Le maire tranche : "…" »."""
    t = s.doc[k]
    before = s.prev_word(k - 1)
    # The tagger often calls such a verb an adjective after a name ("Alain Foka rassure :").
    tagged = t.pos_ == "VERB" or t.pos_ in {"ADJ", "NOUN"} and before >= 0 and s.doc[before].pos_ == "PROPN"
    if not tagged or t.text[:1].isupper() or "Inf" in t.morph.get("VerbForm") or s.f[k].endswith("ant"):
        return False
    colon = s.next_word(k + 1)
    if colon >= s.n or s.f[colon] != ":":
        return False
    quote = s.next_word(colon + 1)
    return quote < s.n and (s.f[quote] in QUOTE_OPEN or s.f[quote] == '"')


_OBJECT_CLITICS = {"lui", "leur", "se", "s'", "me", "m'", "te", "t'"}


def _object_clitic(s: Sentence, p: int) -> bool:
    """An object or reflexive clitic right before the verb group ("lui a dit", "s'est
    emporté", "nous a confié"); "nous"/"vous" only when parsed as objects."""
    if s.doc[p].pos_ != "PRON":
        return False
    if s.f[p] in _OBJECT_CLITICS:
        return True
    return s.f[p] in {"nous", "vous"} and s.doc[p].dep_ in {"obj", "iobj", "expl:comp"}


def _skip_place(s: Sentence, k: int) -> int:
    """Skip "à Alger", "en Bretagne", "à Paris samedi" after an incise verb: where it was said,
    not who said it (a medium there is read by ``_to_outlet``)."""
    k = s.next_word(k)
    if k >= s.n or s.doc[k].text.lower() not in {"à", "a", "en"}:
        return k
    q = s.next_word(k + 1)
    if q >= s.n or not s.doc[q].text[:1].isupper() or _to_outlet(s, k) is not None:
        return k
    if s.doc[q].ent_type_ in {"PER", "ORG", "NEWS_OUTLET", "INSTITUTION", "PERSON"}:
        return k
    end = q
    while end < s.n and (s.doc[end].text[:1].isupper() or s.f[end] == "-") and s.doc[end].ent_type_ in {"LOC", "GPE", ""}:
        end = s.next_word(end + 1)
    if end == q or end >= s.n:
        return k
    return _skip_time_words(s, end)


def _bare_incise(s: Sentence, left: int, k: int, verb_end: int, strength: str | None) -> bool:
    """An incise without its comma at the end of the sentence: "81 cas ont été confirmés
    précise la préfecture." — a speech verb in the present after a clause, no subject before
    it, and a speaker that runs to the end of the sentence."""
    if strength not in {"strong", "weak"} or left < 0 or s.subjects(k, _SUBJECT_DEPS):
        return False
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


def _demonstrative_relative(s: Sentence, k: int) -> tuple[int, int] | None:
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


def _between_quotes(s: Sentence, k: int) -> bool:
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


def _outside_quotes(s: Sentence, k: int) -> bool:
    opened = sum(1 for q in range(k) if s.f[q] in QUOTE_OPEN) - sum(1 for q in range(k) if s.f[q] in QUOTE_CLOSE)
    straight = sum(1 for q in range(k) if s.f[q] == '"')
    return opened <= 0 and straight % 2 == 0


def _np_before(s: Sentence, k: int) -> tuple[int, int] | None:
    """The subject right before a verb the parser left without one: "Le ministre … a démenti",
    "…, François Villeroy de Galhau, gouverneur de la Banque de France, a promis"."""
    end = s.prev_word(k - 1)
    if end < 0:
        return None
    if s.f[end] == ",":
        end = s.prev_word(end - 1)
    chunks: list[tuple[int, int]] = []
    j = end + 1
    q = end
    while q >= 0 and len(chunks) < 3:
        if s.f[q] == "," or q == 0:
            start = q + 1 if s.f[q] == "," else q
            chunks.append((s.next_word(start), j))
            j = q
        elif s.f[q] in _BREAK_PUNCT - {",", "(", ")"} or _verb_in_np(s, q) or s.f[q] in {"que", "qu'"}:
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
        if first.pos_ in {"DET", "PROPN"} or first.text[:1].isupper():
            best = (i, end + 1)
    if best is None or not s.source_like(*best):
        return None
    return best


def _pp_end(s: Sentence, k: int, limit: int) -> int:
    """Where the prepositional phrases from ``k`` end, before the name at ``limit``
    ("en conférence de presse Maureen Levy" -> "Maureen Levy")."""
    q = limit
    while q > k and (s.doc[q - 1].text[:1].isupper() or s.doc[q - 1].is_space or s.f[q - 1] in lx.DEFINITES):
        q -= 1
    return q


def _verb_in_np(s: Sentence, q: int) -> bool:
    """A finite verb at ``q``, unless a determiner makes it a noun ("Un enseignant")."""
    if not s.finite_verb(q):
        return False
    p = s.prev_word(q - 1)
    return not (p >= 0 and s.doc[p].pos_ == "DET")


def _has_reported_clause(s: Sentence, k: int) -> bool:
    """What was said follows the verb: a "que" clause, a colon, a quote, an infinitive ("dit
    avoir", "accusé la Turquie de bombarder"). Time words and "à X" may come first."""
    k = s.next_word(k)
    steps = 0
    first = True
    while k < s.n and steps < 12:
        w = s.f[k]
        if w in {"que", "qu'", ":", "«", "“", '"'}:
            return True
        if s.doc[k].pos_ in {"VERB", "AUX"} and "Inf" in s.doc[k].morph.get("VerbForm"):
            # "dit avoir", "accusé la Turquie de bombarder"; not "a lancé une offensive pour reprendre".
            before = s.f[s.prev_word(k - 1)]
            return first or before in {"de", "d'"}
        if w in {"pour", "afin", "sans", "avant", "apres"}:
            return False
        if s.doc[k].pos_ not in {"ADV", "PRON"} and w not in _NEGATION:
            first = False
        if w == ",":
            # "a expliqué, jeudi à France Bleu, que …": a parenthetical, then the clause.
            q = s.next_word(k + 1)
            for _ in range(10):
                if q >= s.n or s.f[q] in _FINAL_PUNCT or s.finite_verb(q):
                    return False
                if s.f[q] == ",":
                    nxt = s.next_word(q + 1)
                    return nxt < s.n and s.f[nxt] in {"que", "qu'"}
                q = s.next_word(q + 1)
            return False
        if w in _FINAL_PUNCT:
            return False
        if s.finite_verb(k):
            return False
        k = s.next_word(k + 1)
        steps += 1
    return False


def _subject_of(s: Sentence, k: int) -> tuple[int, int] | None:
    """The subject noun phrase of the verb at ``k`` as token indices, from the parse."""
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
        ):
            if verb.head.i == verb.i:
                return None
            verb = verb.head  # "avait fait état", "a démenti jeudi": the parser hangs it on a neighbour
            continue
        if verb.dep_ == "acl:relcl":
            return _np_span(s, verb.head, exclude=verb)
        # "Un responsable, s'exprimant sous couvert d'anonymat, a confirmé": parsed as a clause
        # hanging on the noun; with an auxiliary of its own the verb is finite and the noun its subject.
        if verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ in {"NOUN", "PROPN"} and any(
            s.doc[c].dep_.startswith("aux") for c in s.kids[verb.i]
        ):
            return _np_span(s, verb.head, exclude=verb)
        return None
    else:
        return None
    before = [c for c in subjects if c.i < verb.i]
    subject = before[-1] if before else subjects[0]  # "(VOVWORLD) - Pékin a déclaré": the nearest
    if s.f[subject.i] == "qui" and verb.dep_ == "acl:relcl":
        return _np_span(s, verb.head, exclude=verb)
    return _np_span(s, subject)


def _np_span(s: Sentence, head: "Token", exclude: "Token | None" = None) -> tuple[int, int]:
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
    # A clause boundary inside the subtree ("alors que le commandant"), or a fronted adverbial
    # hung on it by the parser ("Dans un communiqué …, le mouvement"): start after it.
    for p in range(i, head.i):
        spaced_dash = s.f[p] in {"-", "–", "—", "--"} and p > 0 and s.doc[p - 1].whitespace_ != "" and s.doc[p].whitespace_ != ""
        if s.f[p] in {"que", "qu'", ",", ")"} or spaced_dash or s.doc[p].pos_ == "SCONJ":
            i = p + 1
    while i < j and (s.doc[i].is_space or s.doc[i].is_punct):
        i += 1
    while j > i + 1 and (s.doc[j - 1].is_space or s.doc[j - 1].is_punct and s.f[j - 1] not in {")"} or s.f[j - 1] in {"se", "s'"}
                         or s.f[j - 1] in {"l'", "le", "la", "les", "lui", "leur"} and s.doc[j - 1].pos_ == "PRON"):
        j -= 1  # "L'armée et les paramilitaires s'accusent": the clitic is the verb's
    if j - i > _MAX_MENTION_TOKENS:
        # A parse gone wrong on a run-on sentence: keep the words around the head.
        i = max(i, head.i - _MAX_MENTION_TOKENS // 2)
        j = min(j, i + _MAX_MENTION_TOKENS)
    return i, max(j, i + 1)


def _agent_after(s: Sentence, k: int) -> tuple[int, int, str] | None:
    """ "par X" after a passive speech verb ("a été annoncé par le ministère")."""
    k = _skip_time_words(s, k)
    if k < s.n and s.f[k] == "par":
        np = _np_after(s, k + 1)
        if np is not None and s.source_like(np[0], np[1]):
            return np
    return None


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
        if _between_quotes(s, k):
            continue  # « … dans le communiqué du parquet », a-t-il dit: the quoted speaker's words
        comp = s.de_complement(k, s.n)
        if comp is not None and s.f[comp] == "presse":
            comp = s.de_complement(comp, s.n)  # "le communiqué de presse du parquet"
        if comp is None:
            continue
        np = _np_after(s, comp, appositions=False)
        if np is None or not s.source_like(np[0], np[1]):
            continue
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
    words = [(k, w) for k, w in enumerate(s.f) if not s.doc[k].is_space]
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
        s.used.update(range(k, j))
        cues.append(Cue("media.circulation", SPEAKER, k, (k, k + 1), [_mention(s, i, j)]))
    return cues
