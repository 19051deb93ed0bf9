"""Speech-verb cues in one parsed sentence: "X a déclaré que", the incise after the content
(", a indiqué la source"), clitics ("a-t-il ajouté"), the passive agent ("a été annoncé par
X"), a participle's speaker ("Interrogé par la radio X, le député Y"), "à l'AFP" as the outlet
spoken to.

Pure Python (no Django). Word lists are in ``claims.text.lexicon``.
"""

from __future__ import annotations

from claims.text import lexicon as lx
from claims.text.clauses import (
    after_closing_quote,
    agent_after,
    between_quotes,
    body_before_apposition,
    demonstrative_relative,
    name_before_apposition,
    has_reported_clause,
    in_relative,
    named_member,
    np_before,
    object_clitic,
    outside_quotes,
    pp_end,
    subject_before_relative_aside,
    with_citations,
)
from claims.text.media import _DOCUMENT_LIKE, _document_agent, _to_outlet
from claims.text.subjects import subject_of
from claims.text.sentence import (
    Cue,
    INCISE,
    Mention,
    OUTER,
    QUOTE_CLOSE,
    SPEAKER,
    Sentence,
    _AUX_FORMS,
    _DE,
    _FINAL_PUNCT,
    _NEGATION,
    _NP_STOP_WORDS,
    _PASSIVE_AUX,
    _SUBJECT_DEPS,
    _SUBJECT_SKIP,
    _aside_at,
    _comma_after_day,
    _mention,
)
from claims.text.names import name_after
from claims.text.participles import (
    absolute_participle_speaker,
    bare_participle,
    has_auxiliary,
    participle_speaker,
    participle_without_auxiliary,
)
from claims.text.noun_phrases import _np_after, np_span
from claims.text.verb_frames import NEVER_SAID, after_a_modal, introduces_quote, modal_before
from claims.text.speakers import (
    _aside_pronoun,
    _bare_incise,
    _citing_after_verb,
    _cleft_subject,
    _inside_qui_clause,
    _learned_from,
    _main_verb_after,
    _on_whose_side,
    _outlet_in_aside,
    _past_fronted_adverbial,
    _source_inside,
    _speaker_before,
    _speaker_ends_sentence,
    _speaker_past_platform,
    _speaker_start,
    _subject_before_aside,
)
from claims.text.speech_verbs import SPEECH_VERB_FORMS, _speech_verb_at


def verb_cues(s: Sentence) -> list[Cue]:
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
        quote_incise = f[k] not in _VERB_CUE_FORMS and after_closing_quote(s, k)
        if f[k] not in _VERB_CUE_FORMS and not quote_incise:
            # Only a verb that opens a quote ("X rassure : « … »") can be a cue without one of
            # these forms, and only before a colon; or one right after a quote it closes.
            colon = s.next_word(k + 1)
            if (colon >= s.n or f[colon] != ":") and not (doc[k].pos_ == "VERB" and introduces_quote(s, k)):
                continue
        prev = s.prev_word(k - 1)
        while prev >= 0 and (doc[prev].pos_ == "ADV" or f[prev] in _NEGATION):
            prev = s.prev_word(prev - 1)
        # After a comma, a closing quote or an auxiliary the form is trusted whatever the tagger
        # says (", rapporte Reuters" as a noun, "a démenti" as a name).
        lenient = prev >= 0 and (
            f[prev] in {",", "»", "”"} or f[prev] in _AUX_FORMS
            or (doc[prev].text.startswith("-") and f[prev].lstrip("-") in lx.PRONOUNS_3RD | {"t", "on"})
            # "comme le rapporte X": the tagger reads "le rapporte" as an article and a noun.
            or f[prev] in {"le", "la", "l'"} and prev > 0 and f[s.prev_word(prev - 1)] == "comme"
            # "La CGT dénonce « une provocation »": before a quote it opens, the form is a verb.
            or s.next_word(k + 1) < s.n and f[s.next_word(k + 1)] in {"«", "“", ":"} and doc[prev].pos_ in {"NOUN", "PROPN"}
            # "L'UPAC juge que …": between a name and "que", the form is a verb whatever the tagger says.
            or s.next_word(k + 1) < s.n and f[s.next_word(k + 1)] in {"que", "qu'"} and doc[prev].pos_ in {"NOUN", "PROPN"}
        ) and doc[k].text[:1].islower()
        strength = _speech_verb_at(s, k, lenient=lenient)
        if strength is None and quote_incise:
            strength = "weak"  # "« … », convient l'avocate", "», a réagi sur Twitter X": whatever the verb
        opens_quote = strength is None and introduces_quote(s, k)
        if opens_quote:
            strength = "weak"  # "X rassure : « … »", "X prévient : "…"": a verb that opens a quote
        impersonal_verb = f[k] in lx.IMPERSONAL_VERBS and s.is_verb_like(k)
        if strength is None and not impersonal_verb:
            continue
        t = doc[k]
        forms = t.morph.get("VerbForm")
        before = s.prev_word(k - 1)
        modal = modal_before(s, k)
        if "Inf" in forms and f[k] not in lx.FAIRE_FORMS and not after_a_modal(s, k) and modal is None:
            continue  # "pour annoncer", "veut dire": no subject of its own
        absolute = absolute_participle_speaker(s, k, strength, cues)
        if absolute is not None:
            s.used.update(range(absolute.mentions[0].i, k + 1))
            cues.append(absolute)
            continue
        if f[k].endswith("ant") and ("Part" in forms or "Ger" in forms or before >= 0 and f[before] == "en"):
            # "en affirmant que": governed by the main verb's speaker. When the main verb is no
            # speech verb ("il a relativisé l'incident, soulignant que …"), its subject speaks here.
            participle = participle_speaker(s, k, strength, cues)
            if participle is not None:
                s.used.update(range(participle.mentions[0].i, participle.mentions[0].j))
                cues.append(participle)
            continue
        verb_end = k + 1
        if f[k] in lx.FAIRE_FORMS or f[k] in lx.CROIRE_FORMS and f[s.next_word(k + 1)] == "savoir":
            verb_end = s.next_word(k + 1) + 1  # "fait savoir", "croit savoir": the pair is the verb
        # Walk left over auxiliaries, negation, adverbs and a clitic ("a-t-il", "n'a pas").
        cue_start = k
        clitic: int | None = None
        passive = False
        never = False
        through_modal = False
        reflexive = False
        p = before
        if modal is not None:
            # ", a tenu à préciser le ministre", "», a-t-il tenu à rappeler": the modal and its
            # infinitive are one verb.
            cue_start, p = modal, s.prev_word(modal - 1)
        while p >= 0:
            w = f[p]
            if w in {"-t", "t", "-t-"}:
                p = s.prev_word(p - 1)
                continue
            if w.lstrip("-") in lx.PRONOUNS_3RD | {"on"} and doc[p].text.startswith("-"):
                clitic = p
                p = s.prev_word(p - 1)
                continue
            modal = s.prev_word(p - 1)
            if w == "etre" and "Part" in forms and modal >= 0 and f[modal] in {"pu", "du"} and s.prev_word(modal - 1) >= 0 \
                    and f[s.prev_word(modal - 1)] in _AUX_FORMS:
                passive = through_modal = True  # "a pu être confirmée par X": a finite passive, through a modal
                cue_start = s.prev_word(modal - 1)
                p = s.prev_word(cue_start - 1)
                continue
            if w in _AUX_FORMS and doc[p].pos_ in {"AUX", "VERB"}:
                passive = passive or w in _PASSIVE_AUX and "Part" in forms
                cue_start = p
                p = s.prev_word(p - 1)
                continue
            if w in _NEGATION or doc[p].pos_ == "ADV":
                never = never or w == "jamais"
                p = s.prev_word(p - 1)
                continue
            if w == "ni":  # "n'a jamais confirmé ni démenti": the second verb shares the first's "jamais"
                never = never or any(f[q] == "jamais" for q in range(max(0, p - 6), p))
            aside = next((a for a in range(max(0, p - 3), p + 1) if _aside_at(s, a) > p), None)
            if aside is not None:
                p = s.prev_word(aside - 1)  # "a à son tour fait état", "a pour sa part indiqué"
                continue
            if object_clitic(s, p):
                if f[p] in {"se", "s'"}:
                    passive = False  # "s'est emporté": reflexive, not passive
                    reflexive = True
                p = s.prev_word(p - 1)  # "», lui a lancé X", "», s'est emporté X"
                continue
            break
        if cue_start == k and doc[k].pos_ == "ADJ" and doc[k].text.lower().endswith(("é", "ée", "és", "ées")) and before >= 0 \
                and doc[before].pos_ == "NOUN" and f[before] not in lx.DOCUMENT_HEADS:
            continue  # "aucune victime ni dégâts signalés": what was reported, said of a noun, not who
        what = s.prev_word(before - 1) if before >= 1 else -1
        if what >= 1 and f[before] in lx.PRONOUNS_3RD and f[what] in {"qu'", "que"} and f[s.prev_word(what - 1)] == "ce" \
                and f[s.next_word(verb_end)] in {"comme", "de", "d'"}:
            continue  # "contre ce qu'il dénonce comme des cibles liées à l'Iran": how it is called, not a claim
        if cue_start == k and f[k] in {"appele", "appelee", "appeles", "appelees"} and s.doc[s.next_word(k + 1)].text[:1].isupper():
            continue  # "la capitale régionale, également appelée Kharkiv": named, not called on
        if never and f[k].startswith(NEVER_SAID):
            continue  # "Israël n'a jamais confirmé ni démenti ces opérations": a silence, nothing said
        if not through_modal and any(f[q] in {"avoir", "etre", "ayant", "etant"} for q in range(cue_start, k)):
            # "après avoir annoncé", "sans avoir dit": an infinitive, no subject of its own; "un
            # diplomate ayant réclamé l'anonymat": a clause that says which source, no statement.
            continue
        if opens_quote:
            passive = False  # "X est inquiet : « … »": a copula, not a passive
        stated = s.next_word(verb_end)
        if reflexive and f[k].startswith(lx.REFLEXIVE_NOT_SPEECH) and not (
            stated < s.n and doc[stated].pos_ == "ADJ"  # "s'est déclaré favorable à": a stance, stated
        ):
            continue  # "où elle s'est déclarée", "la situation s'est confirmée": no one speaks
        left = p  # the word before the cue
        # A clitic after the verb: "ajoute-t-il", "dit-on".
        q = s.next_word(verb_end)
        if q < s.n and f[q] in {"-t", "t"}:
            q = s.next_word(q + 1)
        if q < s.n and f[q].lstrip("-") in lx.PRONOUNS_3RD | {"on"} and doc[q].text.startswith("-"):
            clitic = q
            verb_end = q + 1
        # (Not a past participle opening the sentence: "Alertés par des voisins, les pompiers ont …".)
        after_break = left < 0 and not participle_without_auxiliary(s, k) or f[left] in {",", "»", "”", '"', "(", "—", "–", ":"}
        # "ce qu'a indiqué X", "comme l'a rappelé X": the speaker comes after the verb, as in an incise.
        inverted = left >= 0 and (
            f[left] in {"qu'", "que", "comme"}  # "comme le souligne X" (the clitic is passed over)
            or (f[left] in {"l'", "le", "la"} and s.prev_word(left - 1) >= 0 and f[s.prev_word(left - 1)] == "comme")
        )
        cue_span = (cue_start, verb_end)

        quoted = between_quotes(s, k)
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
                # "», a-t-il déclaré à la radio Franceinfo": a named outlet only; "à la radio" alone
                # points back at one, which readers of such follow-ups leave out.
                outlet = _outlet_after_verb(s, verb_end)
                if outlet is not None and any(s.doc[q].text[:1].isupper() for q in range(*outlet)):
                    cues.append(Cue("verb.to_outlet", OUTER, k, cue_span, [_mention(s, outlet[0], outlet[1])]))
            continue
        if strength is None and not impersonal_verb:
            continue

        if any(f[c] in {"si", "s'"} and doc[c].dep_ == "mark" for c in s.kids[k]):
            hypothetical.add(k)  # "Si le parquet dit avoir …, a expliqué X": X's hypothesis
        complement = has_reported_clause(s, verb_end) and not _aspect_infinitive(s, k, verb_end)
        subject = subject_of(s, k)
        if passive and any(f[q] in {"ne", "n'"} for q in range(max(0, cue_start - 3), k)):
            continue  # "Aucun bilan n'a été communiqué par les autorités": nothing said, by no one
        if passive:
            # "a été confirmée à l'AFP par un responsable": the outlet told, then who told it.
            outlet = _to_outlet(s, verb_end)
            agent = agent_after(s, outlet[1] if outlet is not None else verb_end)
            if agent is not None:
                s.used.update(range(cue_start, agent[1]))
                cues.append(Cue("verb.passive_agent", SPEAKER, k, cue_span, with_citations(s, agent)))
                if outlet is not None:
                    cues.append(Cue("verb.to_outlet", OUTER, k, cue_span, [_mention(s, outlet[0], outlet[1])]))
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
            c.i < left and outside_quotes(s, c.i) and _speaker_before(s, c) for c in s.subjects(k)
        )
        # Right after a closing quote the verb is an incise whatever follows its speaker
        # ("», a admis le ministre mais …, X est libre"): a later quote or "que" is no clause of its own.
        after_quote = left >= 0 and (
            f[left] in QUOTE_CLOSE | {'"'}
            or f[left] == "," and s.prev_word(left - 1) >= 0 and f[s.prev_word(left - 1)] in QUOTE_CLOSE | {'"'}
        )
        bare_incise = not after_break and not inverted and _bare_incise(s, left, k, verb_end, strength)
        if own_subject and after_break and not complement and _speaker_ends_sentence(s, verb_end):
            own_subject = False  # "Les enquêteurs « ont identifié un suspect », …, a poursuivi l'agence."
        if after_break and not after_quote and f[left] == "," and subject_before_relative_aside(s, left) is not None:
            own_subject = True  # "L'agence X, qui cite Y, a fait état d'un mort": no incise
        if (after_break or inverted or bare_incise) and (not complement or after_quote) and not own_subject:
            start, outlet = _speaker_start(s, verb_end)
            demonstrative = demonstrative_relative(s, start)
            if demonstrative is not None:
                # "», lâche celui qui avait …": the one just spoken of, whoever that is.
                s.used.update(range(cue_start, demonstrative[1]))
                cues.append(Cue("verb.incise", INCISE, k, cue_span, [Mention(demonstrative[0], demonstrative[1], pronoun=True)]))
                continue
            np = _np_after(s, start)
            if np is not None and f[np[0]] == "du" and f[k] == "dit":
                continue  # "l'autre dossier (dit du PNF)": a name given, no one speaks
            if np is not None and (s.doc[np[0]].pos_ == "ADP" and s.f[np[0]] not in _DE or s.f[np[0]] in _NP_STOP_WORDS):
                # "a déclaré en conférence de presse X", "a déclaré lors d'un point de presse …,
                # X", "a déclaré par téléphone le ministre": the speaker is the verb's subject.
                np = None
                for c in s.subjects(k, _SUBJECT_DEPS):
                    if c.i > k:
                        a, b = np_span(s, c)
                        a = max(start, pp_end(s, start, min(a, c.i)))
                        if s.source_like(a, b):
                            np = (a, b, "subject")
                        break
                if np is None:
                    comma = start
                    while comma < s.n and s.f[comma] not in {","} | _FINAL_PUNCT and comma - start < 15:
                        comma += 1
                    if comma < s.n and s.f[comma] == ",":
                        np = _np_after(s, comma + 1)
                if np is None:
                    np = _speaker_past_platform(s, start)  # "», a réagi sur Twitter le député X"
            if np is not None and f[s.head_of(np[0], np[1])] in _DOCUMENT_LIKE:
                agent = _document_agent(s, np)  # "indique le rapport publié jeudi par l'ONG X"
                if agent is not None:
                    np = (np[0], agent[1], agent[2])
                    s.used.update(range(cue_start, agent[1]))
                    cues.append(Cue("verb.incise", INCISE, k, cue_span, [_mention(s, agent[0], agent[1])]))
                    continue
            if np is not None and after_quote and not s.source_like(np[0], np[1]):
                named = name_after(s, np[1])
                if named is not None and s.f[s.prev_word(named[0] - 1)] == "," and s.f[s.next_word(np[0])] in lx.DEFINITES:
                    np = (np[0], named[1], np[2])  # "», a précisé au quotidien le proviseur, Jean-Luc X, qui …"
            if np is not None and s.source_like(np[0], np[1]) and f[np[0]] in {"un", "une"}:
                # "a déclaré un haut responsable de la province, Shahryar Heydari", "un policier
                # présent sur place, Mohamed Abdulahi": the person, by the name after the role.
                comma = next((q for q in range(np[1], min(s.n, np[1] + 4)) if f[q] == ","), None)
                if comma is not None and any(doc[q].pos_ not in {"ADP", "NOUN", "ADJ", "DET", "SPACE"} for q in range(np[1], comma)):
                    comma = None
                named = name_after(s, comma) if comma is not None else None
                if named is not None and any(doc[q].ent_type_ in {"PER", "PERSON"} for q in range(*named)):
                    np = (np[0], named[1], np[2])
            if np is not None and (s.source_like(np[0], np[1]) or after_quote and _someone_after_quote(s, np)):
                informant = _source_inside(s, np)  # "a appris l'AFP de source policière"
                if informant is not None:
                    np = (np[0], informant[0] - 2 if s.f[informant[0] - 2] in {"de", "d'"} else informant[0] - 1, np[2])
                elif np[1] < s.n and f[np[1]] in {"de", "d'", "aupres"}:
                    # "a appris BFMTV de source policière", "a appris franceinfo auprès du ministère"
                    informant = _learned_from(s, np[1])
                s.used.update(range(cue_start, informant[1] if informant else np[1]))
                mentions = with_citations(s, (s.next_word(np[0]), s.prev_word(np[1] - 1) + 1, np[2]))
                if informant is not None:
                    mentions.append(_mention(s, *informant))
                cues.append(Cue("verb.incise", INCISE, k, cue_span, mentions))
                if outlet is None:  # "a indiqué une source à Reuters", "…, François X, sur RTL"
                    outlet = _to_outlet(s, np[1])
                    after_np = s.next_word(np[1])
                    if outlet is None and after_np < s.n and f[after_np] == "et":
                        more = _np_after(s, s.next_word(after_np + 1), appositions=False)
                        if more is not None:  # "ont indiqué une source médicale et des témoins à l'AFP"
                            outlet = _to_outlet(s, more[1])
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
        if (
            subject is not None and subject[0] < k and (complement or strength == "strong")
            and " ".join(f[q] for q in range(*subject) if not doc[q].is_space) in lx.VAGUE_SUBJECTS
        ):
            # "Beaucoup redoutaient que …", "Certains estiment que …": nobody in particular.
            s.used.update(range(subject[0], verb_end))
            cues.append(Cue("vague.on", SPEAKER, k, cue_span, [Mention(subject[0], verb_end, vague=True)]))
            continue
        if subject is not None and not s.source_like(*subject) and f[subject[0]] not in lx.PRONOUNS_3RD | {"on"} | _SUBJECT_SKIP:
            subject = None  # "L'état-major" parsed as "major": read the words before the verb
        if subject is not None and after_quote and subject[0] < k and not outside_quotes(s, subject[0]):
            continue  # "« C'était terrible », a raconté …": the quote's words say nothing of who spoke
        cleft = _cleft_subject(s, cue_start)
        if cleft is not None:
            subject = cleft  # "C'est le Président lui-même qui avait révélé …": the one it is

        if cue_start == k and (
            bare_participle(s, k) and (subject is None or not complement and subject[0] < k)
            or doc[k].text.lower() in _ACCUSED and f[s.next_word(k + 1)] in _DE and not has_auxiliary(s, k)
        ):
            continue  # "la démission, annoncée par une source …", "le député accusé d'avoir …": no speaker
        if subject is None and strength == "strong" or subject is None and complement:
            subject = np_before(s, cue_start)
        if subject is None or subject[0] > k:
            continue
        i, j = subject
        if i == s.next_word(0) and f[i] in lx.PASSIVE_REPORT_FORMS | lx.INTERVIEW_FORMS:
            comma = next((q for q in range(i, j) if f[q] == ","), None)
            if comma is not None:
                i = s.next_word(comma + 1)  # "Citée par l'AFP, une source locale confie": the source
        if _aside_pronoun(s, i, j):
            # "La Conférence épiscopale a quant à elle exhorté": the aside's pronoun is no subject.
            before = _subject_before_aside(s, i)
            if before is None:
                continue
            i, j = before
        while j > i + 1 and j >= cue_start - 1 and f[j - 1] in {"l'", "le", "la", "les", "lui", "leur", "se", "s'"}:
            j -= 1  # "Le ministre l'a répété": the clitic before the verb group is its object
        word = f[i]
        if word == "on" and (strength != "vague" or complement):
            side = _on_whose_side(s, i, verb_end)
            if side is not None:
                # "Du côté de la CGT, on dénonce …", "On explique dans son entourage que …": named.
                s.used.update(range(i, verb_end))
                cues.append(Cue("verb.subject.weak", SPEAKER, k, cue_span, [_mention(s, *side)]))
                continue
        if strength == "vague":
            if word == "on":
                s.used.update(range(i, verb_end))
                cues.append(Cue("vague.on", SPEAKER, k, cue_span, [Mention(i, verb_end, vague=True)]))
            elif complement and f[k] in lx.BELIEF_FORMS and s.source_like(i, j):
                # "L'opposition suppose qu'Ankara …", "Washington craint que …": a stance, reported.
                s.used.update(range(i, verb_end))
                cues.append(Cue("verb.subject.weak", SPEAKER, k, cue_span, [_mention(s, i, j)]))
            elif complement and f[k] in _LEARNED and s.source_like(i, j):
                # "L'AFP a appris auprès de la préfecture que …": the outlet, then who told it; a
                # person who learns something ("le ministre a appris que") reports nothing.
                informant = _learned_from(s, verb_end)
                if informant is not None or s.outlet_like(i, j):
                    s.used.update(range(i, informant[1] if informant else verb_end))
                    mentions = [_mention(s, i, j)] + ([_mention(s, *informant)] if informant else [])
                    cues.append(Cue("verb.subject.weak", SPEAKER, k, cue_span, mentions))
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
        if word in _SUBJECT_SKIP and not (
            word == "ce" and j - i >= 2 and (f[s.next_word(i + 1)] in {"dernier", "derniere"} or doc[i].pos_ == "DET")
        ):
            continue  # ("ce quotidien a écrit": a determiner, the noun speaks; "ce dernier": the last one named)
        if (doc[k].dep_ == "acl:relcl" or in_relative(s, k)) and any(c.rule.startswith("verb.") for c in cues):
            continue  # "…, en réponse à X qui accuse Y", "…: X, dont les proches estiment …": content
        if _inside_qui_clause(s, k) and not complement and _main_verb_after(s, k):
            continue  # "Le ministre, qui avait promis une réforme, a démissionné": the resignation is the claim
        if not s.source_like(i, j) and s.f[i] not in lx.PRONOUNS_3RD:
            continue  # "cette décision indique que", "la population a annoncé": not a speaker
        if quoted and j - i == 1 and f[i] in lx.PRONOUNS_3RD:
            continue  # « …, mais il continue de … », a déclaré X: X's words, not a cue
        rule = "verb.subject" if strength == "strong" else "verb.subject.weak"
        if f[i] in lx.INTERVIEW_FORMS and s.next_word(i + 1) < j and f[s.next_word(i + 1)] == "par":
            # "Interrogée par nos confrères de X, Cécile Y, la procureure, indique": the participle's
            # clause is the medium (a cue of its own), the subject comes after its comma.
            comma = next((q for q in range(i, j) if f[q] == ","), None)
            if comma is not None:
                i = s.next_word(comma + 1)
        named = None
        if f[i] in {"l'", "le", "la", "un", "une"}:
            named = name_before_apposition(s, i)
            if named is None:
                named = body_before_apposition(s, i)
        if named is not None:
            i = named  # "Habib Sanogo, l'un des conseillers de X, affirme": the person, by name
        i = _past_fronted_adverbial(s, i, j)  # "De son côté, Stéphane Le Foll a assuré": Le Foll
        member = named_member(s, (i, j, "subject"))
        if member is not None:
            i, j = member[0], member[1]  # "Plusieurs médias, dont la BBC, ont rapporté": the BBC
        noun = next((q for q in range(i, j) if doc[q].pos_ == "NOUN"), None)
        agent = _document_agent(s, (noun, noun + 1, "subject")) if noun is not None and f[noun] in _DOCUMENT_LIKE else None
        if agent is not None and agent[1] <= j:
            i, j = agent[0], agent[1]  # "Un premier bilan fourni par des sources locales faisait état de"
        s.used.update(range(i, verb_end))
        mentions = with_citations(s, (i, j, "cleft" if cleft is not None else "subject"))  # "X, citant Y, a dit"
        if len(mentions) == 1:
            cited = _citing_after_verb(s, verb_end)
            if cited is not None:
                mentions.append(_mention(s, *cited))  # "X a rapporté, citant Y, que …"
        cue = Cue(rule, SPEAKER, k, cue_span, mentions)
        cues.append(cue)
        outlet = _outlet_after_verb(s, verb_end)
        after = s.next_word(verb_end)
        if outlet is None:
            # "X, qui s'exprimait sur BFMTV, a estimé"; "M. X, invité de LN24, a appelé" (the aside
            # read as part of the subject)
            outlet = _outlet_in_aside(s, j, cue_start) or _outlet_in_aside(s, i, j)
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


def _someone_after_quote(s: Sentence, np: tuple[int, int, str]) -> bool:
    """ "« … », a affirmé un commercial camerounais": right after the quote it closes, the
    speech verb's indefinite noun phrase is someone new who spoke, whatever the noun (no list
    names every trade). A definite one may point back ("a assuré l'homme", "ce grand homme
    brun": one of the people just named) and is left to the lists."""
    first = s.next_word(np[0])
    head = s.head_of(np[0], np[1])
    return (
        first < head and s.f[first] in {"un", "une", "des"} and s.doc[head].pos_ == "NOUN"
        and s.doc[head].text.islower() and s.f[head] not in lx.TIME_WORDS
    )


def _outlet_after_verb(s: Sentence, verb_end: int) -> tuple[int, int] | None:
    """The outlet spoken to right after a speech verb: "a déclaré à l'AFP", "a expliqué, jeudi
    à France Bleu, que", "a estimé, mercredi 22 mars, sur franceinfo, que"."""
    outlet = _to_outlet(s, verb_end)
    after = s.next_word(verb_end)
    if outlet is None and after < s.n and s.f[after] == ",":
        outlet = _to_outlet(s, after + 1)
        close = _comma_after_day(s, after)
        if outlet is None and close is not None:
            outlet = _to_outlet(s, close + 1)
    return outlet


_ACCUSED = frozenset({"accusé", "accusée", "accusés", "accusées"})  # "le député accusé d'avoir …": who is accused
_LEARNED = frozenset({"appris", "apprend", "apprenait", "apprennent"})


def _aspect_infinitive(s: Sentence, k: int, verb_end: int) -> bool:
    """ "continueront d'être dispensés", "continue à dire": continuing to do something reports
    nothing ("a continué : « … »" does)."""
    if not s.f[k].startswith("continu"):
        return False
    q = s.next_word(verb_end)
    return q < s.n and s.f[q] in {"de", "d'", "a"} and s.next_word(q + 1) < s.n and "Inf" in s.doc[s.next_word(q + 1)].morph.get("VerbForm")
