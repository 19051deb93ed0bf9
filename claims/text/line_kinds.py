"""What each line of a news page is: body text, headline, caption or photo credit, publisher line
or boilerplate (share buttons, "Lire aussi", bylines, dates).

Pure Python (no Django). ``claims.text.segmentation`` classifies every line with
``classify_line`` before it splits body lines into sentences.
"""

from __future__ import annotations

import enum
import re

from claims.text.credits import PHOTO_AGENCIES, WIRE_AGENCIES, agency_after_stop, credit_only, leading_credit

__all__ = ["LineKind", "classify_line", "is_byline", "is_editors_tag", "post_signature", "publisher_name", "pull_quote_speaker"]


class LineKind(enum.StrEnum):
    BODY = "body"
    HEADLINE = "headline"
    CAPTION = "caption"  # caption or photo credit
    PUBLISHER = "publisher"  # "SOURCE: FRENCH PRESS TV", "Source: Divers"
    BOILERPLATE = "boilerplate"  # "TV", "Partager Cet Article", share/social lines


# --- line classification -----------------------------------------------------------------------

_FINAL_PUNCT = ".!?…;:,。！？‼⁇⁈⁉"  # a line ending with one of these is a sentence (or a fragment)
_CLOSERS = "\"'”’)]}›"  # closing marks that may follow the final punctuation
_AGENCY_NAMES = (
    "AFP AP Reuters DPA EFE ANSA Belga ATS Xinhua TASS Anadolu APS MAP IRNA Sputnik "
    "Getty_Images Getty EPA Sipa Maxppp Abaca Hans_Lucas Shutterstock Wikimedia_Commons "
    "Pixabay Unsplash"
).split()
# Wire and photo agencies, spelt as usual or in capitals ("REUTERS"), case-sensitive on purpose:
# "/ap" or "/map" at the end of a URL is not a credit.
_WIRE_AGENCIES = "|".join(
    sorted(
        {re.escape(v.replace("_", " ")) for a in _AGENCY_NAMES for v in (a, a.upper())},
        key=len,
        reverse=True,
    )
)

# "SOURCE: FRENCH PRESS TV", "Source : Divers", "Sources – AFP, Reuters", "(Source : AFP)".
_PUBLISHER_RE = re.compile(
    r"^\(?\s*(?i:sources?)(?:\s*[:：]|\s+[\-–—])\s*(?P<name>[^\s:：].*?)\s*\)?\s*\.?$", re.DOTALL
)
# "Avec AFP", "(avec AFP et Reuters)": wire agencies credited for the text, not the photo.
_WITH_AGENCY_RE = re.compile(
    r"^\(?\s*(?i:avec|with)\s+(?:l['’]\s*)?(?P<name>(?:" + _WIRE_AGENCIES + r"|(?i:agences?))"
    r"(?:\s*(?:,|et|and|&)\s*(?:l['’]\s*)?(?:" + _WIRE_AGENCIES + r"|(?i:agences?)))*)"
    r"\s*\)?\s*\.?$"
)
_MAX_PUBLISHER_WORDS = 8

# Copyright notices are page furniture, not a credit for one picture.
_COPYRIGHT_RE = re.compile(
    r"tous droits réservés|all rights reserved|^(?:copyright\b|\(c\)\s)", re.IGNORECASE
)

# Photo credits / captions. Kept narrow: a body sentence may mention a photo ("(photo)"),
# so only credit-shaped patterns count.
_CAPTION_PREFIX_RE = re.compile(  # "Photo : X", "Crédit photo : X", "Photo d'illustration"
    r"^(?:photos?|crédits?(?:\s+photos?)?|credits?|source\s+photo|illustration|image|"
    r"capture\s+d['’]écran|légende|caption)\s*(?:[:/©|\-–—]|d['’]\s*(?:illustration|archives?)\b)",
    re.IGNORECASE,
)
_CAPTION_PAREN_RE = re.compile(  # trailing "(AFP photo)", "(Photo : Reuters)", "(Photo d'archives)"
    r"\((?P<inner>[^()]{1,80})\)\s*(?:\.\s*)?$"
)
_PHOTO_WORD_RE = re.compile(
    r"\b(?:photos?|crédits?|credits?|illustration|archives|capture|image)\b", re.IGNORECASE
)
_CAPTION_TAIL_RE = re.compile(  # "... Ludovic Marin / AFP", "... DC. AFP PHOTO", "Photo AFP"
    r"(?:/\s*(?:" + _WIRE_AGENCIES + r")(?:\s*/\s*[\w\- ]{1,30})?"
    r"|\b(?:" + _WIRE_AGENCIES + r")\s+(?i:photos?)"
    r"|\b(?i:photos?)\s+(?:" + _WIRE_AGENCIES + r"))\s*$"
)
# "PHOTO SURYO WIBOWO, ASSOCIATED PRESS", "Photo Jean Dupont, Reuters": the photographer, then the agency.
_PHOTO_BY_RE = re.compile(r"^(?i:photos?)\s+[^.!?:,]{2,50},\s*(?i:" + _WIRE_AGENCIES + r"|associated press|getty images)\s*\.?$")
_MAX_CAPTION_WORDS = 80  # a long paragraph that happens to end with a credit is still body text
# "… 2022. ( AFP / LUDOVIC MARIN )", "(BERTRAND GUAY / AFP)": a photographer and an agency.
_CAPTION_SLASH_PAREN_RE = re.compile(
    r"\(\s*(?:(?:" + _WIRE_AGENCIES + r")\s*/\s*[^()/]{2,40}|[^()/]{2,40}/\s*(?:" + _WIRE_AGENCIES + r"))\s*\)\s*\.?$"
)
_CAPTION_SQUARE_RE = re.compile(r"\[[^\[\]]{0,40}(?:" + _WIRE_AGENCIES + r")\s*/[^\[\]]{0,40}\]\s*\.?$")
_CAPTION_DASH_AGENCY_RE = re.compile(r"[^.!?\s]\s+[-–—]\s+(?:" + _WIRE_AGENCIES + r")(?:\s+(?:Afrique|France|Photo|Images))?\s*$")
# "… affaires étrangères - Photo THX/TTXVN", "… | Photo : Jean Dupont": a credit after a dash.
_CAPTION_PHOTO_TAIL_RE = re.compile(r"\s[-–—|]\s*(?i:photos?|crédits?(?:\s+photos?)?)\s*:?\s*[^\s:][^:.!?]{0,40}$")
# "… (image d'illustration) Photo: AFP": a credit after the aside that closes a caption.
# "… au centre-ville de Québec Photo : Radio-Canada / Stéphane Lamontagne": run into the caption.
_CREDIT_AFTER_ASIDE_RE = re.compile(
    r"(?:\)\s+(?P<tail>(?i:photos?|crédits?(?:\s+photos?)?)\s*[:©]\s*[^:()]{1,40})"
    r"|\w\s+(?P<run>(?:Photos?|Crédits?(?:\s+photos?)?)\s*:\s*[^:()]{1,60}))$"
)

# Page furniture, compared after casefolding and trimming punctuation.
_BOILERPLATE_PHRASES = frozenset(
    """
    partager|partagez|partager cet article|partagez cet article|partager l'article|
    partager sur facebook|partager sur twitter|share|share this|share this article|
    share on facebook|share on twitter|tweet|tweeter|imprimer|print|envoyer|envoyer par email|
    envoyer par e-mail|email|e-mail|commenter|commentaires|réagir|lire aussi|à lire aussi|
    lire la suite|lire plus|voir aussi|à voir aussi|voir plus|en savoir plus|read more|see also|
    related|publicité|advertisement|abonnez-vous|s'abonner|newsletter|suivez-nous|suivez nous|
    follow us|retour|haut de page|accueil|menu|fermer|copier le lien|copy link|tv|vidéo|video|
    vidéos|videos|photo|photos|diaporama|audio|podcast|live|en direct|direct|à la une|
    mots-clés|tags|sommaire|écouter|écouter cet article|j'aime|like|ajouter aux favoris
    """.replace("\n", "")
    .replace(" |", "|")
    .replace("| ", "|")
    .replace("’", "'")
    .strip()
    .split("|")
)
_SOCIAL_WORDS = frozenset(
    "facebook twitter x whatsapp linkedin telegram messenger email e-mail mail pinterest reddit "
    "instagram youtube tiktok partager share tweet imprimer print copier lien link vk flipboard "
    "sms bluesky threads mastodon".split()
)
_BOILERPLATE_PREFIX_RE = re.compile(  # "Lire aussi : <other article>", "Mots-clés : Irak, Daech"
    r"^(?:(?:à\s+)?(?:lire|voir)\s+(?:aussi|également|plus|la suite)\b"
    r"|(?:mots[\s-]clés|tags|thèmes|sujets|catégories?|related|read more)\s*:)",
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(  # "Publié le 25/01/2019 à 10h30", "Mis à jour le ..."
    r"^(?:publié|publiée|mis à jour|mise à jour|modifié|modifiée|actualisé|actualisée|"
    r"posted|published|updated|dernière mise à jour)\b",
    re.IGNORECASE,
)
# An editors' tag closing a wire copy: "[vs gp apr 27/04/2005 21:00]" (initials, then a date).
_EDITORS_TAG_RE = re.compile(r"^\[[a-z]{1,4}(?:\s+[a-z]{1,4}){0,4}\s+\d{1,2}/\d{1,2}/\d{2,4}(?:\s+\d{1,2}[:h]\d{2})?\s*\]$")
_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    "décembre|decembre|january|february|march|april|may|june|july|august|september|october|"
    "november|december"
)
# A line that is only a date (and time): "Vendredi 25 janvier 2019, 10h32".
_DATE_ONLY_RE = re.compile(
    r"^(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
    r"(?:\d{1,2}(?:er)?\s+(?:" + _MONTHS + r")\s+\d{4}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4})"
    r"[\s\d:hHà,|/.\-–—]*(?:(?:min|GMT|UTC|CET|CEST)\s*)?$",
    re.IGNORECASE,
)
_BYLINE_CONNECTORS = frozenset({"et", "and", "avec", "with", "de", "du", "des", "la", "le", ","})
_MAX_BYLINE_WORDS = 8

_MAX_HEADLINE_WORDS = 20
# A headline does not end on a word that needs a complement: such a line is a cut sentence.
_DANGLING_WORDS = frozenset(
    "de du des la le les l' d' à au aux et ou que qui en un une sur pour par avec dans ce cette "
    "ces son sa ses mais donc ni car dont où the of and a to in on for with "
    # auxiliaries and clitics wait for their verb: "… plus de 100 blessés ont"
    "ont sont est était étaient avait avaient été sera seront se s' qu' y ne n' très plus".split()
)
# "Biden : « L'Amérique est de retour »": the usual quote-headline shape, the one case where a
# line ending with » is not a sentence.
_QUOTE_HEADLINE_RE = re.compile(r"^[^«»:：.!?]{1,80}[:：]\s*«[^«».!?]{1,200}»$")

_LINE_STRIP_PUNCT = " \t:|•·-–—»«›‹>*_.,;!?\"'“”‘’()[]"


def _letters(s: str) -> int:
    return sum(1 for c in s if c.isalpha())


def _first_letter_is_lower(s: str) -> bool:
    for c in s:
        if c.isalpha():
            return c.islower()
        if c.isdigit():
            return False
    return False


def _publisher_match(line: str) -> str | None:
    """The publisher name a whole-line publisher credit gives, else None."""
    if len(line) > 160:
        return None
    m = _PUBLISHER_RE.match(line) or _WITH_AGENCY_RE.match(line)
    if m is None:
        return None
    name = " ".join(m.group("name").split()).strip(" .,;:")
    # A name, not a sentence: a letter, few words, no quotes or sentence punctuation inside
    # (dots stay allowed for acronyms and domains: "A.F.P.", "PressTV.com").
    if (
        not any(c.isalpha() for c in name)
        or len(name) > 80
        or len(name.split()) > _MAX_PUBLISHER_WORDS
        or ". " in name
        or any(c in name for c in "!?…«»\"“”:;")
    ):
        return None
    return name


_AGENCY_SLASH_PHOTOGRAPHER_RE = re.compile(
    r"^(?i:" + "|".join(re.escape(a) for a in sorted({*WIRE_AGENCIES, *PHOTO_AGENCIES}, key=len, reverse=True)) + r")"
    r"\s*/\s*[A-ZÀ-Ý][\w'’.\-]+(?:\s+[A-ZÀ-Ý][\w'’.\-]+)+\s*$"
)


def _is_caption(line: str, n_words: int) -> bool:
    if n_words > _MAX_CAPTION_WORDS:
        return False
    if "©" in line or "Ⓒ" in line:
        return True
    if _CAPTION_PREFIX_RE.match(line) or _PHOTO_BY_RE.match(line):
        return True
    if n_words <= 40 and agency_after_stop(line):
        return True  # "… derrière les barreaux. Getty Images"
    m = _CAPTION_PAREN_RE.search(line)
    if m and len(m.group("inner").split()) >= 2 and _PHOTO_WORD_RE.search(m.group("inner")):
        return True
    if _CAPTION_SLASH_PAREN_RE.search(line) or _CAPTION_PHOTO_TAIL_RE.search(line):
        return True
    if leading_credit(line) is not None:
        return True  # "BERTRAND GUAY / AFP Le ministre …": a credit run into its caption
    if _CAPTION_SQUARE_RE.search(line):
        return True  # "… en mai 2012 [ / AFP/Archives]"
    if n_words <= 12 and _CAPTION_DASH_AGENCY_RE.search(line):
        return True  # "Des policiers - Sputnik Afrique": a short line, then its agency
    if n_words <= 6 and _AGENCY_SLASH_PHOTOGRAPHER_RE.match(line):
        return True  # "KEYSTONE/LAURENT GILLIERON", "REUTERS/Mohamed Azakir": a picture's credit
    _, stop, tail = line.rpartition(". ")
    if stop and "/" in tail and credit_only(tail):
        return True  # "… (archives). KEYSTONE/PETER KLAUNZER": the caption's last sentence is its credit
    if stop and _CAPTION_PREFIX_RE.match(tail) and credit_only(tail):
        return True  # "… à Nasiriya. Crédit photo : Reuters"
    m = _CREDIT_AFTER_ASIDE_RE.search(line)
    if m and credit_only(m.group("tail") or m.group("run")):
        return True  # "… fait 40 morts. (image d'illustration) Photo: AFP"
    return bool(_CAPTION_TAIL_RE.search(line))


_WRITTEN_BY_RE = re.compile(
    r"^\(?\s*(?:rédigé|rédigée|écrit|écrite|édité|éditée|traduit|traduite|propos recueillis|avec la contribution de)"
    r"\b[^()]{0,120}\)?\s*\.?$",
    re.IGNORECASE,
)
# A wire's credits in brackets: "(Reportage Luiza Ilie, avec la contribution de …; version
# française Kate Entringer)", "(Jean Dupont et Paul Durand; édité par Henri André)".
_WIRE_CREDITS_RE = re.compile(
    r"^\(\s*[^()]{0,160}\b(?:reportage|rédigé|rédigée|édité|éditée|avec la contribution de|version française|pour le service français)\b[^()]{0,160}\)\s*\.?$",
    re.IGNORECASE,
)


# "Une citation de :Béatrice d'Orsainville, porte-parole à la Sûreté du Québec": a pull quote's
# speaker, set after the quote on its line (the quote itself carries no quotation marks).
_PULL_QUOTE_RE = re.compile(r"^\s*Une citation de\s*:\s*(?P<who>[A-ZÀ-Ý][^,:]{2,60}?)\s*(?:,[^:]*)?$")


_PULL_QUOTE_AFTER_RE = re.compile(r"[.!?…»\"”]\s+Une citation de\s*:")


# The signature an embedded post keeps in the page's text: "— Gérard Collomb (@gerardcollomb)
# 10 juin 2018", "— ANSM (@ansm) August 20, 2024": a dash, the author, the handle, the date.
_POST_SIGNATURE_RE = re.compile(
    r"(?:^|\s)[—–]\s*(?P<who>[^\s()@—–][^()@—–\n]{0,58}?)\s*\(@\w{1,30}\)\s*"
    r"(?:\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})?\s*$"
)


def post_signature(text: str) -> tuple[int, int, int] | None:
    """Where an embedded post's signature closing ``text`` starts, and the author's name in it
    (start, name start, name end), else None."""
    m = _POST_SIGNATURE_RE.search(text)
    return (m.start(), *m.span("who")) if m else None


def _signed_post(line: str) -> bool:
    """A post's words and its signature on one line ("Le site est sécurisé. — X (@x) 12 mars 2023")."""
    signed = post_signature(line)
    return signed is not None and bool(line[: signed[0]].strip())


def pull_quote_speaker(text: str) -> tuple[int, int] | None:
    """Where the speaker's name is in a pull quote's credit line, else None."""
    m = _PULL_QUOTE_RE.match(text)
    return m.span("who") if m else None


def is_editors_tag(text: str) -> bool:
    """ "[vs gp apr 27/04/2005 21:00]": the editors' initials and a time stamp closing a copy."""
    return bool(_EDITORS_TAG_RE.match(text.strip()))


def is_byline(text: str) -> bool:
    """A byline or a wire's credits in brackets, on a line or at the end of a paragraph."""
    text = text.strip()
    return bool(_WIRE_CREDITS_RE.match(text) or _WRITTEN_BY_RE.match(text) and len(text.split()) <= 16)


def _is_byline(words: list[str]) -> bool:
    """"Par Jean Dupont", "Par Marie Curie et Paul Durand, avec AFP": the author, not content."""
    if is_byline(" ".join(words)):
        return True  # "(Rédigé par Jean Dupont et Paul Durand)", "(Reportage X; édité par Y)"
    if len(words) < 2 or len(words) > _MAX_BYLINE_WORDS or words[0].casefold() not in ("par", "by"):
        return False
    for w in words[1:]:
        bare = w.strip(",;()")
        if not bare:
            continue
        if bare.casefold() in _BYLINE_CONNECTORS:
            continue
        if not bare[0].isupper():
            return False
    return True


def _is_boilerplate(line: str, words: list[str]) -> bool:
    n_words = len(words)
    if n_words <= 6:
        key = " ".join(line.casefold().replace("’", "'").split()).strip(_LINE_STRIP_PUNCT)
        if key in _BOILERPLATE_PHRASES:
            return True
    if n_words <= 10:
        bare = [w.casefold().strip(_LINE_STRIP_PUNCT) for w in words]
        bare = [w for w in bare if w]
        if bare and all(w in _SOCIAL_WORDS for w in bare):
            return True
    if n_words <= 40 and _BOILERPLATE_PREFIX_RE.match(line):
        return True
    if n_words <= 15 and (_DATELINE_RE.match(line) or _DATE_ONLY_RE.match(line) or _EDITORS_TAG_RE.match(line)):
        return True
    if _is_byline(words) and line[-1] not in _FINAL_PUNCT:
        return True
    # Very short non-sentence lines ("TV", "AFP", "2019", "•"): section labels and widgets.
    if n_words <= 2 and _letters(line) <= 3 and line.rstrip(_CLOSERS)[-1:] not in _FINAL_PUNCT:
        return True
    return False


def _is_headline(line: str, words: list[str]) -> bool:
    if not words or len(words) > _MAX_HEADLINE_WORDS or not any(c.isalpha() for c in line):
        return False
    # A headline starts with a capital or a digit; a lowercase start is a cut paragraph.
    if _first_letter_is_lower(line):
        return False
    # Headlines quote whole: an unbalanced « or » means a piece of a quote cut by a line break.
    if line.count("«") != line.count("»"):
        return False
    if line.endswith("»"):
        return bool(_QUOTE_HEADLINE_RE.match(line))
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in _FINAL_PUNCT:
        return False
    last = core.split()[-1].casefold().replace("’", "'")
    return last not in _DANGLING_WORDS


def classify_line(line: str) -> LineKind:
    """Kind of one line of an article (surrounding whitespace is ignored)."""
    try:
        return _classify_stripped(line.strip())
    except Exception:  # pragma: no cover - classification must never break an import
        return LineKind.BODY


def _classify_stripped(line: str) -> LineKind:
    if not line or not any(c.isalnum() for c in line):
        # Separators, bullets, emoji-only lines: nothing a claim can be made of.
        return LineKind.BOILERPLATE
    if _publisher_match(line) is not None:
        return LineKind.PUBLISHER
    words = line.split()
    if len(words) <= 30 and _COPYRIGHT_RE.search(line):
        return LineKind.BOILERPLATE
    if _is_caption(line, len(words)):
        return LineKind.CAPTION
    if _is_boilerplate(line, words):
        return LineKind.BOILERPLATE
    if _is_headline(line, words) and not _PULL_QUOTE_AFTER_RE.search(line) and not _signed_post(line):
        return LineKind.HEADLINE  # (a quote with its pull-quote credit, a signed post, is a paragraph)
    return LineKind.BODY


def publisher_name(line: str) -> str | None:
    """The publisher a publisher line names ("SOURCE: FRENCH PRESS TV" -> "FRENCH PRESS TV")."""
    try:
        stripped = line.strip()
        if _classify_stripped(stripped) is not LineKind.PUBLISHER:
            return None
        return _publisher_match(stripped)
    except Exception:  # pragma: no cover
        return None
