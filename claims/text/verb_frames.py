"""What the words around a verb say about whether it reports: a modal before an infinitive
that reports ("a tenu à rappeler que"), a verb that opens a quote after a colon ("Le maire
tranche : « … »"), and verbs that, said never done, report a silence ("n'a jamais confirmé").

Pure Python (no Django). Read by ``claims.text.verb_cues``.
"""

from __future__ import annotations

from claims.text.clauses import has_reported_clause
from claims.text.sentence import QUOTE_OPEN, Sentence

# "n'a jamais confirmé ni démenti": a silence, nothing said.
NEVER_SAID = ("confirm", "dement", "comment", "reconn", "revendiqu")
_MODALS = frozenset({
    "tenu", "tient", "tenait", "tiennent", "voulu", "veut", "voulait", "veulent", "souhaite", "souhaitait",
    "souhaitent", "a souhaite", "insiste", "insistait", "s'empresse", "s'est empresse", "preferer", "prefere",
    "continue", "continuent", "continuait", "continuaient",  # "continue d'affirmer que"
})


def after_a_modal(s: Sentence, k: int) -> bool:
    """ "La préfète a tenu à répéter … que": an infinitive after a modal, with a clause to report."""
    head = s.doc[k].head
    if head.i == k or s.f[head.i] not in _MODALS or s.f[k] in {"dire"} and s.f[head.i] in {"veut", "voulait", "veulent"}:
        return False  # ("veut dire": means)
    between = {s.f[q] for q in range(head.i + 1, k)}
    return between <= {"a", "à", "de", "d'", "le", "l'", "y", "en"} and has_reported_clause(s, k + 1)


def modal_before(s: Sentence, k: int) -> int | None:
    """The modal governing the infinitive at ``k`` ("a tenu à préciser", "a voulu rassurer"):
    its index, for an incise whose verb is the pair (", a tenu à préciser le ministre")."""
    p = s.prev_word(k - 1)
    if p >= 0 and s.f[p] in {"a", "à", "de", "d'"} and s.doc[p].pos_ == "ADP":
        p = s.prev_word(p - 1)
    if p < 0 or s.f[p] not in _MODALS or "Inf" not in s.doc[k].morph.get("VerbForm"):
        return None
    # (not "n'a pas souhaité faire de commentaire": a refusal, read as its own verb)
    return None if any(s.f[q] in {"ne", "n'"} for q in range(max(0, p - 3), p)) else p


_COPULAS = frozenset({"est", "etait", "sont", "etaient", "reste", "restent", "semble", "parait", "dit", "montre", "veut", "demeure"})


def introduces_quote(s: Sentence, k: int) -> bool:
    """A finite verb right before a colon and an opening quote: « Le maire tranche : "…" »."""
    t = s.doc[k]
    before = s.prev_word(k - 1)
    # The tagger often calls such a verb an adjective after a name ("Alain Foka rassure :").
    # "X est inquiet : « … »", "X se veut rassurant : « … »": an adjective after a copula.
    after_copula = t.pos_ in {"ADJ", "VERB"} and before >= 0 and s.f[before] in _COPULAS
    tagged = t.pos_ == "VERB" or t.pos_ in {"ADJ", "NOUN"} and before >= 0 and s.doc[before].pos_ == "PROPN" or after_copula
    if not tagged or t.text[:1].isupper() or "Inf" in t.morph.get("VerbForm") or s.f[k].endswith("ant") and not after_copula:
        return False
    colon = s.next_word(k + 1)
    if colon < s.n and (
        s.doc[colon].text.lower() in {"à", "au", "aux", "contre", "devant"}
        or s.doc[k].pos_ == "VERB" and s.f[colon] in {"une", "un", "cette", "ce", "son", "sa"}
    ):
        # "s'en est pris aux accusés : « … »", "a lancé à ses juges : « … »": whom, then the
        # quote; "a donné une autre explication à ce taux : « … »": what, then the quote.
        q = colon
        for _ in range(9):
            q = s.next_word(q + 1)
            if q >= s.n or s.f[q] == ":" or s.doc[q].is_punct or s.doc[q].pos_ in {"VERB", "AUX"}:
                break
        colon = q
    if colon >= s.n or s.f[colon] != ":":
        return False
    quote = s.next_word(colon + 1)
    return quote < s.n and (s.f[quote] in QUOTE_OPEN or s.f[quote] == '"')
