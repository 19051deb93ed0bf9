"""Speakers of participles: the noun an absolute participle hangs on ("…, l'autorité de
l'aviation civile précisant qu'…"), the main verb's subject for a participle after a verb that
reports nothing ("il a relativisé l'incident, soulignant que …"), and whether a past participle
stands without an auxiliary ("la démission, annoncée …").

Pure Python (no Django).
"""

from __future__ import annotations

from claims.text import lexicon as lx
from claims.text.clauses import has_reported_clause
from claims.text.subjects import subject_of
from claims.text.noun_phrases import np_span
from claims.text.sentence import SPEAKER, Cue, Sentence, _mention
from claims.text.speech_verbs import _speech_verb_at


def absolute_participle_speaker(s: Sentence, k: int, strength: str | None, cues: list[Cue]) -> Cue | None:
    """ "…, l'autorité de l'aviation civile précisant qu'il ne s'agissait pas …": the noun the
    participle at ``k`` hangs on speaks (an absolute clause with a subject of its own)."""
    t = s.doc[k]
    before = s.prev_word(k - 1)
    if not (
        s.f[k].endswith("ant") and t.dep_ == "acl" and t.head.i < k and (before < 0 or s.f[before] != "en")
        and strength in {"strong", "weak"} and has_reported_clause(s, k + 1)
    ):
        return None
    i, j = np_span(s, t.head, exclude=t)
    if s.doc[i].pos_ == "ADP" or s.f[i] == "selon":
        return None  # "…, selon le ministère de la Santé, assurant que …": the "selon" source's own words
    head = t.head
    named_head = head.pos_ == "PROPN" or head.ent_type_ in {"PER", "ORG", "NEWS_OUTLET", "INSTITUTION", "ANONYMOUS"} or s.source_like(head.i, head.i + 1)
    if not named_head or not s.source_like(i, j) or s.f[head.i] in lx.DOCUMENT_HEADS:
        return None
    if any(c.rule.startswith("verb.") and c.mentions and c.mentions[0].i == i for c in cues):
        return None
    return Cue("verb.subject" if strength == "strong" else "verb.subject.weak", SPEAKER, k, (k, k + 1), [_mention(s, i, j)])


def participle_speaker(s: Sentence, k: int, strength: str | None, cues: list[Cue]) -> Cue | None:
    """ "…, soulignant que …" after a main verb that reports nothing: the main verb's subject
    is the speaker of the participle's clause."""
    if strength not in {"strong", "weak"} or any(c.rule.startswith(("verb.", "prep.")) for c in cues):
        return None
    if not has_reported_clause(s, k + 1):
        return None
    main = s.doc[k].head
    while main.pos_ in {"NOUN", "PROPN"} and main.dep_ in {"obj", "obl", "obl:arg", "obl:mod"} and main.head.i < main.i:
        main = main.head  # "a condamné l'attaque affirmant que": the parser hangs it on the object
    if main.i == k or main.i > k or _speech_verb_at(s, main.i) is not None and has_reported_clause(s, main.i + 1):
        return None
    subject = subject_of(s, main.i)
    if subject is None:
        return None
    i, j = subject
    if not (s.source_like(i, j) or j - i == 1 and s.f[i] in lx.PRONOUNS_3RD):
        return None
    return Cue("verb.subject.weak", SPEAKER, k, (k, k + 1), [_mention(s, i, j)])


def bare_participle(s: Sentence, k: int) -> bool:
    """A past participle hanging on a noun, without an auxiliary: "la démission, annoncée …"."""
    t = s.doc[k]
    if not participle_without_auxiliary(s, k):
        return False
    if t.dep_ in {"acl", "amod"} and t.head.i < k:
        return True
    # "Ces informations, révélées vendredi par la RTS, ont été …": parsed as the main verb.
    before = s.prev_word(k - 1)
    return before > 0 and s.f[before] == "," and any(s.doc[c].dep_ == "nsubj" and c < before for c in s.kids[k])


def participle_without_auxiliary(s: Sentence, k: int) -> bool:
    """A past participle without an auxiliary at ``k``: after a noun it describes the noun
    ("la démission, annoncée …"); opening a sentence ("Alertés par des voisins, les pompiers ont
    …") it describes the subject and introduces no incise."""
    return "Part" in s.doc[k].morph.get("VerbForm") and not s.f[k].endswith("ant") and not has_auxiliary(s, k)


def has_auxiliary(s: Sentence, k: int) -> bool:
    """The verb at ``k`` has an auxiliary of its own ("a accusé", not "le député accusé de")."""
    return any(s.doc[c].dep_.startswith("aux") for c in s.kids[k])
