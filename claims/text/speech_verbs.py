"""Which words report speech: a speech verb's strength at a token ("strong" whatever follows,
"weak" only with a reported clause or in an incise, "vague" only with "on"), from the lexicon's
forms and what follows them ("fait état de", "a donné un bilan", "a appelé X à").

Pure Python (no Django).
"""

from __future__ import annotations

from claims.text import lexicon as lx
from claims.text.sentence import _FINAL_PUNCT, _NEGATION, Sentence


# Forecasts said by someone; "le projet prévoit la construction …" reports nothing, so only in an incise.
_COUNT_ON_FORMS = frozenset({"table", "tablent", "tablait", "tablaient"})  # "table sur"
_FORECAST_FORMS = frozenset({
    "prevoit", "prevoient", "prevoyait", "prevoyaient", "anticipe", "anticipent", "anticipait", "anticipaient",
    "pronostique", "pronostiquent",
}) | _COUNT_ON_FORMS


_DAYS_AND_MANNER = frozenset({
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd'hui", "matin", "soir",
    "categoriquement", "fermement", "formellement", "egalement", "aussi", "donc", "toutefois", "pourtant", "en", "bloc",
})


def _object_in(s: Sentence, k: int, nouns: frozenset[str] | set[str]) -> bool:
    """The object after the verb at ``k`` is one of ``nouns`` ("l'hypothèse", "toute
    possibilité", "ces accusations"), past a day or a manner adverb, or a time or a place between
    commas ("a exclu, ce samedi à Constantine, l'hypothèse")."""
    q = s.next_word(k + 1)
    while q < s.n and s.f[q] in _DAYS_AND_MANNER:
        q = s.next_word(q + 1)  # "a rejeté mardi les résultats", "rejette catégoriquement ces accusations"
    if q < s.n and s.f[q] == ",":
        for _ in range(12):
            q = s.next_word(q + 1)
            if q >= s.n or s.f[q] == ",":
                break
        q = s.next_word(q + 1)
    if q < s.n and s.f[q] in {"l'", "le", "la", "les", "une", "un", "toute", "tout", "toutes", "cette", "ces", "ses", "leurs", "d'", "de"}:
        q = s.next_word(q + 1)
    return q < s.n and s.f[q] in nouns


_DECLARE_FORMS = frozenset({
    "declare", "declarent", "declarait", "declaraient", "declarera", "decrete", "decretent", "decretait",
    "proclame", "proclament", "proclamait",
})
# What one declares by declaring it: the act itself, no claim reported.
_DECLARED_ACTS = frozenset({"etat", "guerre", "forfait", "faillite", "deuil", "independance", "cessation", "couvre feu", "couvre-feu", "loi"})


def _declares_an_act(s: Sentence, k: int) -> bool:
    q = s.next_word(k + 1)
    if q < s.n and s.f[q] in {"l'", "la", "le", "les", "un", "une", "trois", "deux"}:
        q = s.next_word(q + 1)
    if q < s.n and s.f[q] in {"jours", "journees", "semaines"}:
        q = s.next_word(s.next_word(q + 1) + 1)  # "trois jours de deuil"
    return q < s.n and s.f[q] in _DECLARED_ACTS


# Every form _speech_verb_at can answer for: any other word is no speech verb.
SPEECH_VERB_FORMS = frozenset(
    lx.STRONG_FORMS | lx.WEAK_FORMS | lx.STANCE_FORMS | lx.FAIRE_FORMS | lx.PARLER_FORMS
    | lx.VAGUE_ONLY_FORMS | lx.CALL_FORMS | lx.COUNT_FORMS | lx.FIGURE_GIVING_FORMS | lx.ASCRIBE_FORMS
    | lx.EXPRESS_FORMS | lx.PLEAD_FORMS | lx.METTRE_FORMS | lx.WITNESS_FORMS | lx.CRY_FORMS | _FORECAST_FORMS
    | lx.RULE_OUT_FORMS | lx.REJECT_FORMS
)


def _speech_verb_at(s: Sentence, k: int, *, lenient: bool = False) -> str | None:
    """"strong", "weak" or "vague" if token ``k`` is a speech verb, else None.

    ``lenient``: in incise position (after a comma or a closing quote) the tagger often calls
    the verb a noun (", rapporte Reuters"); its form is trusted there.
    """
    if k >= s.n:
        return None
    if s.f[k] in _COUNT_ON_FORMS and s.f[s.next_word(k + 1)] == "sur" \
            and s.doc[k].text.islower() and k > 0 and s.doc[s.prev_word(k - 1)].pos_ in {"PROPN", "NOUN", "PRON"} \
            and s.f[s.prev_word(k - 1)] not in lx.DEFINITES | {"une", "un", "des", "sa", "son", "ses", "cette", "leur"}:
        return "strong"  # "Bercy table sur une croissance de 1 %": a forecast, given (the tagger calls it a noun)
    if not s.is_verb_like(k) and not (lenient and s.doc[k].pos_ in {"NOUN", "PROPN", "ADJ", "DET"}):  # "a nié" as an article
        return None
    w = s.f[k]
    if w in _DECLARE_FORMS and _declares_an_act(s, k):
        return None  # "a déclaré l'état d'urgence", "a déclaré la guerre": an act, not a statement
    if w in lx.CROIRE_FORMS and s.f[s.next_word(k + 1)] == "savoir":  # (f[n] is "": no word after the last)
        return "weak"  # "», croit savoir une source à la Céni", "croit savoir Le Monde": reported
    if w in lx.STRONG_FORMS:
        return "strong"
    if w in lx.COUNT_FORMS or w in lx.FIGURE_GIVING_FORMS and _figure_follows(s, k):
        return "strong"
    if w in lx.EXPRESS_FORMS and _voiced_follows(s, k):
        return "strong"  # "a exprimé l'espoir que", "exprime ses condoléances"
    if w in lx.RULE_OUT_FORMS and _object_in(s, k, lx.RULED_OUT):
        return "strong"  # "a exclu l'hypothèse d'un attentat", "a écarté la piste terroriste"
    if w in lx.REJECT_FORMS and _object_in(s, k, lx.REJECTED):
        return "strong"  # "Moscou et Téhéran rejettent ces allégations": a denial (not "a rejeté le projet de loi")
    if w in lx.INSIST_FORMS and s.f[s.next_word(k + 1)] == "sur":
        return "strong"  # "a insisté sur les liens renforcés": what was stressed, said
    if w in lx.METTRE_FORMS:
        en = s.next_word(k + 1)
        if en < s.n and s.f[en] == "en" and s.f[s.next_word(en + 1)] in {"avant", "garde", "exergue"}:
            return "strong"  # "a mis en avant les réformes engagées", "a mis en garde contre", "en exergue"
    if w in lx.CRY_FORMS:
        nxt = s.next_word(k + 1)
        whom = s.next_word(nxt + 1) if nxt < s.n else s.n
        if whom < s.n and s.f[whom] in {"la", "le", "les", "l'", "ses", "son", "sa", "leurs"}:
            whom = s.next_word(whom + 1)
        to_someone = whom < s.n and s.doc[whom].ent_type_ != "LOC" and not (
            s.doc[whom].pos_ == "PROPN" and s.doc[whom].ent_type_ not in {"PER", "ORG"}
        )  # "a lancé aux journalistes", not "ont lancé à al-Tanf une manœuvre"
        return "strong" if nxt < s.n and s.doc[nxt].text.lower() in {"à", "au", "aux"} and to_someone else "weak"
    if w in lx.PLEAD_FORMS:
        nxt = s.next_word(k + 1)
        if nxt < s.n and (s.f[nxt] == "pour" or s.f[nxt] == "en" and s.f[s.next_word(nxt + 1)] == "faveur"):
            return "strong"  # "a plaidé pour une hausse des taux"
    if w in lx.STANCE_FORMS and _reflexive(s, k):
        return "strong"  # "s'est alarmée de la situation", "s'est félicité de" (before "alarmer que")
    if w in lx.WITNESS_FORMS and _reporters_subject(s, k):
        return "strong"  # "des journalistes de l'AFP ont vu deux corps": the medium reports it
    if w in lx.WEAK_FORMS:
        if w.startswith("continu") and _infinitive_after(s, s.next_word(k + 1)):
            return None  # "l'épidémie continue à se propager": an action going on, not "», continue-t-il"
        return "weak"
    if lenient and w in _FORECAST_FORMS:
        return "weak"  # "…, prévoit l'Insee", "…, anticipe la banque": a forecast, in an incise only
    if w in lx.FAIRE_FORMS:
        nxt = s.next_word(k + 1)
        if nxt < s.n and s.f[nxt] in lx.FAIRE_OBJECTS:
            return "strong"
        if nxt < s.n and s.f[nxt] in {"ces", "des", "de", "les", "plusieurs", "une", "un", "cette", "ses", "sa", "son"}:
            obj = s.next_word(nxt + 1)
            if obj < s.n and s.f[obj] in lx.FAIRE_STATEMENTS:
                return "strong"  # "a fait ces remarques", "fait une déclaration"
    if w in lx.PARLER_FORMS:
        nxt = s.next_word(k + 1)
        while nxt < s.n:
            past = _document_aside(s, nxt) or _comma_aside(s, nxt)  # "a parlé dans un communiqué « d'attaque »"
            if not past and s.doc[nxt].pos_ != "ADV" and s.f[nxt] not in {"«", "“", '"'}:
                break
            nxt = past or s.next_word(nxt + 1)
        if nxt < s.n and s.f[nxt] in {"de", "d'", "du", "des"}:
            return "strong"  # "a parlé d'un important arsenal saisi"
    if w in lx.VAGUE_ONLY_FORMS:
        return "vague"
    if w in {"invite", "invitee", "invites", "invitees"} and k > 0 and (
        s.f[s.prev_word(k - 1)] == "," or s.f[s.prev_word(k - 1)] in {"est", "sont", "etait"} and s.f[s.prev_word(s.prev_word(k - 1) - 1)] in {"s'", "se"}
    ):
        return None  # "M. X, invité matinal de LN24, a appelé", "X s'est invité à Matignon": a guest, not an invitation
    if w in lx.CALL_FORMS:
        # "a appelé la communauté internationale à réagir", "avise le public d'éviter le secteur":
        # a call, reported; "», a exhorté M. X", "a demandé que …": with a clause or in an incise.
        return "strong" if _to_whom_or_what(s, k, infinitive=True) else "weak"
    if w in lx.ASCRIBE_FORMS and _to_whom_or_what(s, k, infinitive=False):
        return "strong"  # "a attribué l'attaque aux rebelles", "l'imputent à des bandits"
    return None


def _infinitive_after(s: Sentence, k: int) -> bool:
    """ "à"/"de" at ``k`` then an infinitive, past a reflexive pronoun ("à se propager")."""
    if k >= s.n or s.f[k] not in {"a", "à", "de", "d'"}:
        return False
    q = s.next_word(k + 1)
    if q < s.n and s.f[q] in {"se", "s'"}:
        q = s.next_word(q + 1)
    return q < s.n and "Inf" in s.doc[q].morph.get("VerbForm")


def _comma_aside(s: Sentence, k: int) -> int:
    """The word after a short aside between commas starting at ``k`` ("parlait, un peu plus
    tard, de mort cérébrale"), else 0; an aside with a verb is a clause of its own."""
    if s.f[k] != ",":
        return 0
    for q in range(k + 1, min(s.n, k + 7)):
        if s.f[q] == ",":
            return s.next_word(q + 1) if q > k + 1 else 0
        if s.doc[q].pos_ in {"VERB", "AUX"} or s.doc[q].is_punct:
            return 0
    return 0


def _document_aside(s: Sentence, k: int) -> int:
    """The word after "dans un communiqué" ("dans sa déclaration") starting at ``k``, else 0."""
    if s.f[k] != "dans":
        return 0
    det = s.next_word(k + 1)
    head = s.next_word(det + 1)
    if det < s.n and s.doc[det].pos_ == "DET" and head < s.n and s.f[head] in lx.DOCUMENT_HEADS:
        return s.next_word(head + 1)
    return 0


def _reporters_subject(s: Sentence, k: int) -> bool:
    """The subject of the verb at ``k`` is a medium's reporters ("les journalistes de l'AFP")."""
    heads = [k] + [c for c in s.kids[k] if s.doc[c].dep_.startswith("aux")]
    subjects = [t for h in heads for t in s.subjects(h)]
    return any(
        s.f[t.i] in lx.REPORTER_NOUNS and (c := s.de_complement(t.i, s.n)) is not None and s.outlet_like(c, t.right_edge.i + 1)
        for t in subjects
    )


def _to_whom_or_what(s: Sentence, k: int, *, infinitive: bool) -> bool:
    """ "à", "au", "aux" (or, with ``infinitive``, "de" and an infinitive) within the next ten
    words after the verb at ``k`` ("à" and an infinitive within eighteen), before a comma or the
    end of the sentence."""
    for q in range(k + 1, min(s.n, k + 18)):
        if s.f[q] in _FINAL_PUNCT or s.f[q] == ",":
            return False
        if s.doc[q].text.lower() in {"à", "au", "aux"} and (
            q < k + 10 or infinitive and s.next_word(q + 1) < s.n and "Inf" in s.doc[s.next_word(q + 1)].morph.get("VerbForm")
        ):
            return True  # (further on, "à" and an infinitive: "a appelé ses citoyens se trouvant … à quitter")
        if infinitive and s.f[q] in {"de", "d'"} and q + 1 < s.n and "Inf" in s.doc[s.next_word(q + 1)].morph.get("VerbForm"):
            return True
    return False



def _figure_follows(s: Sentence, k: int) -> bool:
    """A figure is the object of the verb at ``k``: "un bilan", "un premier bilan", "ses chiffres"."""
    det = s.next_word(k + 1)
    while det < s.n and s.f[det] in lx.TIME_WORDS - lx.DEFINITES - {"ce", "cette"}:
        det = s.next_word(det + 1)  # "a publié jeudi ses chiffres"
    if det >= s.n or s.doc[det].pos_ != "DET" and s.f[det] not in {"des", "du"}:
        return False  # ("a diffusé vendredi des vidéos": the tagger may call "des" a preposition)
    noun = s.next_word(det + 1)
    if noun < s.n and s.doc[noun].pos_ == "ADJ":
        noun = s.next_word(noun + 1)  # "un nouveau bilan", "un premier bilan"
    return noun < s.n and s.f[noun] in lx.FIGURE_NOUNS


def _voiced_follows(s: Sentence, k: int) -> bool:
    """What the verb at ``k`` expresses is a feeling or a wish: "l'espoir", "ses condoléances"."""
    det = s.next_word(k + 1)
    if det >= s.n or s.doc[det].pos_ != "DET":
        return False
    # "l'espoir", "sa profonde inquiétude", "sa très vive inquiétude" (the tagger may call the
    # adjective before the noun anything but a noun of the list)
    noun = s.next_word(det + 1)
    for _ in range(5):
        # (adjectives, or a quote mark: ses "condoléances aux familles", ses «sincères et vives condoléances»)
        if noun < s.n and s.f[noun] not in lx.VOICED_NOUNS and (not s.doc[noun].is_punct or s.f[noun] in {'"', "«", "“"}):
            noun = s.next_word(noun + 1)
    return noun < s.n and s.f[noun] in lx.VOICED_NOUNS


def _reflexive(s: Sentence, k: int) -> bool:
    """A reflexive clitic before the verb group at ``k`` ("s'est notamment alarmée")."""
    p = s.prev_word(k - 1)
    while p >= 0 and (s.f[p] in {"est", "sont", "etait", "a", "ont", "se", "s'"} | _NEGATION or s.doc[p].pos_ == "ADV"):
        if s.f[p] in {"se", "s'"}:
            return True
        p = s.prev_word(p - 1)
    return False


# "il y a quelques jours", "il y a deux semaines", "il y a un mois".
