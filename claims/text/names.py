"""People's names inside source mentions: "le gouverneur de la Banque de France, François
Villeroy de Galhau" names François Villeroy de Galhau; "M. Villeroy", "Mme Levy", "le chef
Bordeleau" name someone by a title and a surname.

Pure Python (no Django). Works on a parsed ``claims.text.cues.Sentence``: capitalised word
runs, with name particles ("de", "al-", "ben") inside, that are not the complement of a role
("de la Banque de France", "des Affaires étrangères") and no registry entity covers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.text.normalize import fold

if TYPE_CHECKING:
    from claims.text.sentence import Sentence

__all__ = ["TITLES", "expanded_acronym", "is_acronym", "is_ticker", "name_after", "name_in_tail", "person_run", "strip_titles"]

# Titles before a name; the name without them is the person's.
TITLES = {
    "m", "m.", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "monsieur", "madame",
    "general", "colonel", "commandant", "capitaine", "lieutenant", "chef", "president",
    "presidente", "ministre", "premier", "cheikh", "sheikh", "imam", "ayatollah", "emir",
    "roi", "reine", "prince", "princesse", "maire", "juge", "maitre", "pere", "soeur", "saint",
    "sir", "lord", "lady", "marechal", "amiral", "sergent", "caporal", "depute", "deputee",
    "senateur", "senatrice", "gouverneur", "professeur", "docteur",
}
_PARTICLES = {"de", "du", "des", "d'", "la", "le", "van", "von", "der", "den", "ben", "bin", "ibn",
              "al", "el", "abou", "abu", "ould", "y", "da", "di", "dos", "do"}
# Capitalised words that start institutions and places, not people.
_NOT_NAMES = {
    "affaires", "etrangeres", "banque", "france", "etat", "etats", "republique", "nations",
    "unies", "union", "conseil", "ministere", "gouvernement", "assemblee", "senat", "police",
    "gendarmerie", "service", "services", "commission", "communication", "defense", "interieur",
    "justice", "sante", "economie", "finances", "programme", "organisation", "agence", "office",
    "association", "federation", "fraternite", "ville", "parti", "front", "unite", "forces",
    "armee", "armees", "garde", "comite", "cour", "tribunal", "chambre", "maison", "blanche", "kremlin",
    "pentagone", "elysee", "matignon", "quai", "onu", "oms", "otan", "ue", "bce", "fmi",
    "premier", "president", "presidente", "ministre", "anciens", "combattants", "education",
    "travail", "culture", "sports", "transports", "agriculture", "environnement", "energie",
    "industrie", "commerce", "recherche", "enseignement", "superieur", "nationale", "national",
    "internationale", "international", "europeenne", "europeen", "centrale", "central",
    "haut", "haute", "conseiller", "secretaire", "general", "generale", "directeur", "directrice",
    "twitter", "facebook", "x", "instagram", "telegram", "youtube",
    # portfolios of ministries: "le ministre du Travail l'Emploi Karim Haddad"
    "emploi", "investissement", "logement", "jeunesse", "solidarites", "famille", "tourisme",
    "numerique", "habitat", "cooperation", "developpement", "information", "medias", "mines",
    "hydrocarbures", "peche", "elevage", "budget", "comptes", "publics", "territoires",
}


def _folded(s: "Sentence", k: int) -> str:
    return s.f[k].rstrip(".")


def _capital(s: "Sentence", k: int) -> bool:
    t = s.doc[k]
    text = t.text
    if text[:3].lower() in {"al-", "el-"} and text[3:4].isupper():
        return True
    if text[:1] in "-‐" and text[1:2].isupper():
        return True  # "-Orientales" of "Pyrénées-Orientales": the rest of a hyphenated name
    return text[:1].isupper() and not t.is_punct


def _runs(s: "Sentence", i: int, j: int) -> list[tuple[int, int]]:
    """Capitalised word runs in [i, j), particles inside allowed ("Villeroy de Galhau")."""
    runs = []
    k = i
    while k < j:
        if s.doc[k].is_space or not _capital(s, k):
            k += 1
            continue
        start = k
        end = k + 1
        q = k + 1
        while q < j:
            t = s.doc[q]
            if t.is_space:
                q += 1
                continue
            if _capital(s, q) or (t.text == "-" and q + 1 < j and _capital(s, q + 1)):
                end = q + 1
                q += 1
                continue
            if _folded(s, q) in _PARTICLES:
                nxt = s.next_word(q + 1)
                if nxt < j and s.f[nxt] in _PARTICLES:
                    nxt = s.next_word(nxt + 1)  # "de la"
                acronym = s.doc[nxt].text.isupper() and len(s.doc[nxt].text) >= 2 if nxt < j else False
                if nxt < j and _capital(s, nxt) and not (acronym and end - start >= 2):
                    q = nxt  # (not "du SPVG" after "Éric Simard": the body the person serves)
                    continue
            break
        runs.append((start, end))
        k = end
    return runs


def strip_titles(s: "Sentence", i: int, j: int) -> tuple[int, int]:
    """[i, j) without leading titles ("M.", "Mme", "le général") and determiners."""
    while i < j and (s.doc[i].is_space or s.doc[i].is_punct or _folded(s, i) in TITLES
                     or s.f[i] in {"le", "la", "l'", "les"}):
        i += 1
    return i, j


def _after_de(s: "Sentence", k: int) -> bool:
    """Token ``k`` follows "de", "du", "des", "de la", "de l'": a complement, not a name."""
    p = s.prev_word(k - 1)
    if p >= 0 and s.f[p] in {"la", "l'", "le", "les"}:
        p = s.prev_word(p - 1)
    return p >= 0 and s.f[p] in {"de", "d'", "du", "des", "a", "au", "aux", "en", "sur", "pour", "par"}


def person_run(s: "Sentence", i: int, j: int) -> tuple[int, int] | None:
    """The token span of a person's name inside [i, j), titles stripped, if there is one."""
    for start, end in _runs(s, i, j):
        if any(s.doc[k].ent_type_ in {"NEWS_OUTLET", "INSTITUTION"} for k in range(start, end)):
            continue
        a, b = strip_titles(s, start, end)
        if a >= b:
            continue
        words = [k for k in range(a, b) if not s.doc[k].is_space and s.f[k] not in _PARTICLES]
        if not words:
            continue
        if _after_de(s, start) or all(_folded(s, k) in _NOT_NAMES for k in words):
            # "de la Communication Issa Tchiroma Bakary": a name may follow the complement's
            # institution word(s).
            rest = words
            while rest and _folded(s, rest[0]) in _NOT_NAMES:
                rest = rest[1:]
            if len(rest) >= 2 and rest != words and not any(_folded(s, k) in _NOT_NAMES for k in rest):
                return rest[0], b
            # "la préfète de Nouvelle-Aquitaine Fabienne Buccio": a hyphenated place, then two names
            # the tagger runs into it.
            dashes = [k for k in range(a, b) if s.doc[k].text in {"-", "‑"}]
            if dashes:
                after = [k for k in words if k > dashes[-1] + 1]
                if len(after) >= 2 and all(s.doc[k].text[:1].isupper() and s.doc[k].text.isalpha() for k in after) \
                        and not any(_folded(s, k) in _NOT_NAMES for k in after):
                    return after[0], b
            # "le procureur de Pontoise Eric Corbaux": a place, then the person the tagger marks.
            people = [k for k in words if s.doc[k].ent_type_ == "PER"]
            if len(people) >= 2 and people == words[len(words) - len(people) :] and people != words:
                return people[0], b
            if len(people) >= 2 and people == words and s.f[s.prev_word(start - 1)] == "d'":
                return a, b  # "le cas d'Olivier Dussopt": a name the tagger marks, after the elided "de"
            if (
                len(words) == 3 and words == list(range(a, b)) and all(s.doc[q].text[:1].isalpha() for q in words)
                and s.doc[words[0]].ent_type_ in {"LOC", "GPE"} and not _after_de(s, words[1])
            ):
                return words[1], b  # the tagger took the name for part of the place: one word, then two
            continue
        if _folded(s, words[0]) in _NOT_NAMES:
            # "l'Emploi Karim Haddad": a portfolio word glued before the name.
            rest = words
            while rest and _folded(s, rest[0]) in _NOT_NAMES:
                rest = rest[1:]
            if len(rest) >= 2 and not any(_folded(s, k) in _NOT_NAMES for k in rest) and (
                any(s.doc[k].ent_type_ == "PER" for k in rest) or all(s.doc[k].pos_ == "PROPN" for k in rest)
            ):
                return rest[0], b
            continue
        if len(words) >= 2 or s.doc[words[0]].ent_type_ == "PER" or a > start:
            return a, b
    return None


def name_after(s: "Sentence", j: int) -> tuple[int, int] | None:
    """A name right after a role ("Le ministre … Mohamed Bazoum a démenti", "le porte-parole,
    Saad Maan, a dit"): the run of capitalised words starting at ``j`` (after one comma) when a
    verb, a comma, a preposition or the end follows it."""
    k = s.next_word(j)
    if k < s.n and s.doc[k].text.lower() in {"à", "au", "aux", "auprès"}:
        # "l'ambassadeur du Koweït à l'ONU, Mansour al-Otaibi": where the role is held, then the name.
        comma = next((q for q in range(k + 1, min(s.n, k + 6)) if s.f[q] == ","), None)
        if comma is None or any(s.doc[q].pos_ in {"VERB", "AUX"} for q in range(k + 1, comma)):
            return None
        k = comma
    if k < s.n and s.f[k] == ",":
        k = s.next_word(k + 1)
        title = s.next_word(k + 1)
        if k < s.n and s.f[k] in {"le", "la"} and title < s.n and _folded(s, title) in TITLES and s.doc[title].text.islower():
            k = s.next_word(title + 1)  # "le chef de la brigade, le colonel Juan Forero,"
            noun = s.next_word(k + 1)
            if noun < s.n and s.f[noun] in {"l'", "la", "le"}:
                noun = s.next_word(noun + 1)
            if k < s.n and s.f[k] in {"de", "du"} and noun < s.n and s.doc[noun].text.islower() and s.doc[noun].pos_ == "NOUN":
                k = s.next_word(noun + 1)  # "le colonel de l'armée Boubacar Sanogoh": the title's corps
    if k >= s.n or not _capital(s, k):
        return None
    return _full_name_at(s, k, {",", ".", ")"})


def _full_name_at(s: "Sentence", k: int, ends: set[str]) -> tuple[int, int] | None:
    """The run of name words starting at ``k``, when it has two words or more, none of them a
    common word, and is followed by the end, one of ``ends``, a verb or a preposition."""
    runs = _runs(s, k, s.n)
    if not runs or runs[0][0] != k:
        return None
    start, end = runs[0]
    nxt = s.next_word(end)
    if nxt < s.n and not (s.f[nxt] in ends or s.doc[nxt].pos_ in {"AUX", "VERB", "ADP"}):
        return None
    words = [q for q in range(start, end) if not s.doc[q].is_space and s.f[q] not in _PARTICLES]
    if len(words) < 2 or any(_folded(s, q) in _NOT_NAMES for q in words):
        return None
    return start, end


def name_in_tail(s: "Sentence", j: int, limit: int = 8) -> tuple[int, int] | None:
    """A person's name a few words after a role's noun phrase, past a complement the noun
    phrase stopped at ("le ministre de l'Industrie l'Investissement Mohamed Benmeradi"): the
    first run of two or more name words tagged as a person within ``limit`` tokens, with only
    complement words (determiners, "de", nouns, adjectives) before it and the end of the phrase
    after it."""
    q = s.next_word(j)
    start = None
    while q < s.n and q - j <= limit:
        t = s.doc[q]
        if t.is_space:
            q += 1
            continue
        if t.ent_type_ == "PER" and _capital(s, q):
            start = q
            break
        if t.is_punct or t.pos_ not in {"DET", "ADP", "NOUN", "PROPN", "ADJ"} or (
            t.pos_ == "ADP" and s.f[q] not in {"de", "d'", "du", "des"}
        ):
            return None
        q += 1
    if start is None:
        return None
    return _full_name_at(s, start, {",", ".", ")", ";"})


# --- acronyms ---------------------------------------------------------------------------------

_ACRONYM_RE = re.compile(r"^[A-ZÀ-Ý](?:\.?[A-ZÀ-Ý0-9]){1,7}\.?$")
_NAME_LINKS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en", "sur", "of", "the", "and", "for"}
_WORD_RE = re.compile(r"\b[dlDL]['’]|\w+|[^\w\s]")


def is_ticker(text: str) -> bool:
    """ "STLA.MI", "RENA.PA": a stock exchange code, which financial news puts in brackets after a
    company's name; no acronym of the name."""
    return bool(_TICKER_RE.match(text.strip()))


_TICKER_RE = re.compile(r"^[A-Z0-9]{2,6}\.[A-Z]{1,2}$")


def is_acronym(name: str) -> bool:
    """ "RDC", "OMS", "IP", "O.P.P": capitals only, two to eight of them."""
    return bool(_ACRONYM_RE.match(name.strip()))


def expanded_acronym(acronym: str, text: str) -> str | None:
    """The name an acronym stands for in ``text``: the words before "(ACRONYM)" whose initials
    spell it ("l'Organisation mondiale de la santé (OMS)"), else a run of words that starts with
    a capital and whose initials spell it ("la République démocratique du Congo" for "RDC",
    "Iran Press" for "IP"); None when the text has neither."""
    letters = [c for c in fold(acronym).upper() if c.isalnum()]
    if len(letters) < 2:
        return None
    words = [(m.group(), m.start()) for m in _WORD_RE.finditer(text)]
    found: str | None = None
    for n, (word, start) in enumerate(words):
        if not word[:1].isupper() or not word[:1].isalpha() or word.isupper() and len(word) > 1:
            continue  # "CGT pour le groupe TotalEnergies" does not spell out "CGT"
        initials: list[str] = []
        for k in range(n, min(len(words), n + 3 * len(letters) + 2)):
            w = words[k][0]
            if w == "-" and k > n:
                continue  # "Radio-télévision belge francophone (RTBF)": each part of a compound counts
            if not w[:1].isalnum():
                break
            if w.lower().rstrip("'’") in _NAME_LINKS:
                continue
            initials.append(fold(w[:1]).upper())  # "électorale" counts as an E
            if initials != letters[: len(initials)]:
                break
            if len(initials) == len(letters):
                end = words[k][1] + len(w)
                name = text[start:end]
                after = text[end:].lstrip()
                if after.startswith("(") and after[1:].lstrip().startswith(acronym):
                    return name  # "Organisation mondiale de la santé (OMS)": written out by the text
                tail = re.match(r"[^(),.;:!?«»\"\n]{1,60}?(?=\s*\(\s*" + re.escape(acronym) + r"\s*\))", text[end:])
                if tail is not None:
                    # "Agence nationale de sécurité du médicament et des produits de santé
                    # (ANSM)": the letters spell the start; the brackets close the name.
                    return text[start : end + tail.end()]
                if found is None and len(name.split()) >= 2 and name != acronym:
                    found = name
                break
    return found or _bracketed_before(acronym, text)


def _bracketed_before(acronym: str, text: str) -> str | None:
    """ "l'Armée de libération oromo (OLA)": a name the text gives an acronym in brackets that
    its French initials do not spell (the acronym of its English name): the words between a
    definite article and the bracket, the first a capital, none a figure."""
    bracket = re.search(r"\b(l['’]|la\s|le\s|les\s)\s*([A-ZÀ-Ý][^()\d,.;:«»\"\n]{3,60}?)\s*\(\s*" + re.escape(acronym) + r"\s*\)", text)
    if bracket is None or not 2 <= len(bracket.group(2).split()) <= 6:
        return None
    return bracket.group(2).strip()
