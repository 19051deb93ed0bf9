"""Credits: who a picture's caption and a whole dispatch are credited to.

Pure Python (no Django, no spaCy). Two readings, both from the text's shape alone:

- **caption credits**: « ©AFP », « (AFP photo) », « ( AFP / LUDOVIC MARIN ) »,
  « … - PHILIPPE HUGUEN / AFP », « Photo : CBC / Samantha Samson », « - Photo THX/TTXVN ». A
  caption is a claim about its picture and its credit is its source (docs/guidelines.md §5);
  a line that is only a credit ("HANDOUT / AFP") is no claim, but it credits the one-sentence
  line right before it, which is then that picture's caption.
- **dispatch credits**: a dateline « PARIS, 9 mars (Reuters) - », « WASHINGTON (AFP) — »,
  « (Belga) - » at the start of the body, or a wire credit line « avec AFP », « (Belga) »,
  « AFP », « Auteur : AFP », « information fournie par AFP … », « Par X (avec AFP) ». The
  dispatch is then the agency's: it is the outermost link of every chain in it, and the
  body sentences that attribute nothing are sourced to it.

Offsets are code points into the text given, end-exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Credit", "agency_after_stop", "caption_credit", "credit_only", "dispatch_credit", "full_agency_name", "is_wire_agency", "leading_credit", "WIRE_AGENCIES"]

# News agencies whose name on a line of its own, after "avec", in a dateline or as a photo
# credit credits the text or the picture. Photo-only agencies (Getty, EPA, Sipa...) credit
# pictures, never a dispatch.
WIRE_AGENCIES = (
    "AFP", "Agence France-Presse", "Agence France Presse", "Reuters", "AP", "Associated Press",
    "Belga", "ANSA", "DPA", "dpa", "EFE", "ATS", "Keystone-ATS", "Xinhua", "Chine nouvelle",
    "TASS", "ITAR-TASS", "RIA Novosti", "Anadolu", "APS", "MAP", "APMnews", "Kyodo", "Yonhap",
    "Agence Ecofin", "APA", "PANA", "Agence Anadolu", "AA", "KUNA", "WAM", "SPA", "MENA",
    "QNA", "Bernama", "Antara", "Notimex", "Lusa", "Europa Press", "Prensa Latina", "TTXVN",
    "VNA", "Belta", "Ukrinform", "Interfax", "PAP", "CTK", "AGI", "Adnkronos", "APM", "Sputnik",
    "AVI",  # Agence vietnamienne d'information, the VNA
    "SANA", "IRNA", "Mehr", "Tasnim", "Fars", "ISNA", "NNA", "INA",  # state agencies of the Middle East
    "La Presse Canadienne", "Presse Canadienne", "AWP", "TAP", "AIB", "AIP", "AMAP",
    "SDA-ATS", "sda-ats",  # the Swiss agency under its German and French initials
)
PHOTO_AGENCIES = (
    "Getty Images", "Getty", "EPA", "EPA-EFE", "Sipa", "Maxppp", "Abaca", "Hans Lucas",
    "Shutterstock", "Wikimedia Commons", "Pixabay", "Unsplash", "AFP PHOTO", "Reuters/Pool",
    "Pool", "Handout", "THX", "Keystone", "AP Photo", "Xinhua Photo", "Anadolu Images",
)
_ALL = sorted({*WIRE_AGENCIES, *PHOTO_AGENCIES}, key=len, reverse=True)
_WIRE_FOLDED = {a.casefold() for a in WIRE_AGENCIES}
_KNOWN_FOLDED = {a.casefold() for a in _ALL}
_WIRE_ALT = "|".join(re.escape(a) for a in sorted(WIRE_AGENCIES, key=len, reverse=True))
_ALL_ALT = "|".join(re.escape(a) for a in _ALL)  # wire and photo agencies, longest first
_PHOTO_WORDS = {"photo", "photos", "crédit", "crédits", "credit", "credits", "archives", "d'archives",
                "d’archives", "illustration", "d'illustration", "d’illustration", "image", "afp photo"}


@dataclass(frozen=True, slots=True)
class Credit:
    """The credited agency's name as the text writes it, and where (code points)."""

    name: str
    start: int
    end: int
    line: tuple[int, int] | None = None  # a credit line of its own: no claim
    # Where the dispatch starts: a dateline's line (a site's own lead above it is not the agency's).
    since: int = 0
    # "AFP/VNA/CVN": the agency the relaying one (VNA) had the dispatch from (AFP), if it says so.
    origin: "Credit | None" = None


# --- captions ------------------------------------------------------------------------------------

_COPYRIGHT_RE = re.compile(r"[©Ⓒ]\s*(?P<who>[^\s©Ⓒ()][^©Ⓒ()]{0,60}?)\s*[)\].]*\s*$")
_PAREN_END_RE = re.compile(r"(?:\((?P<inner>[^()]{1,80})\)|\[(?P<square>[^\[\]]{1,80})\])\s*\.?\s*$")  # "(AFP photo)", "[ / AFP/Archives]"
_SLASH_TAIL_RE = re.compile(  # "… - PHILIPPE HUGUEN / AFP", "… Ludovic Marin/AFP"
    r"(?:^|[\s.,;–—-])(?P<inner>[A-Za-zÀ-ÖØ-öø-ÿ'’ .\-]{0,40}/\s*[A-Za-zÀ-ÖØ-öø-ÿ'’ .\-/]{1,40})\s*$"
)
_PHOTO_TAIL_RE = re.compile(  # "… - Photo THX/TTXVN", "… Photo : Reuters", "Photo AFP"
    r"(?:^|\s[-–—|]\s*|\.\s*|\s)(?i:photos?|crédits?\s+photos?|crédits?)\s*[:©]?\s*(?P<inner>[^\s:][^:]{0,40}?)\s*\.?\s*$"
)
_DASH_TAIL_RE = re.compile(
    r"\S\s+[-–—]\s+(?P<agency>" + _ALL_ALT + r")(?:\s+(?:Afrique|France|International|Photo|Images))?\s*$"
)
_AFTER_STOP_RE = re.compile(r"[.!?»]\s+(?P<agency>" + _ALL_ALT + r")\s*$")
_AGENCY_PHOTO_RE = re.compile(r"(?P<inner>\b(?:" + _ALL_ALT + r"))\s+(?i:photos?)\s*\.?\s*$")
# "… au Texas. REUTERS/Nick Oxford", "/Photo prise le 11 février 2019/REUTERS/Nick Oxford": an
# agency's picture credit with its photographer, closing the caption.
_AGENCY_SLASH_NAME_RE = re.compile(
    r"(?:^|[\s./(\[])(?P<agency>(?i:" + _ALL_ALT + r"))\s*/\s*[A-ZÀ-Ý][\w'’.\-]*(?:\s+[A-ZÀ-Ý][\w'’.\-]*){0,3}\s*[)\]]?\s*\.?\s*$"
)
# "© Reuters. Photo d'archives de …": the credit first, then the caption.
_LEADING_COPYRIGHT_RE = re.compile(r"^\s*[©Ⓒ]\s*(?P<who>[^.©Ⓒ]{2,40}?)\s*\.\s+\S")


_LEAD_RE = re.compile(r"^(?:(?i:photos?|crédits?|credits?|d['’]archives|d['’]illustration|archives|illustration|image)\b[\s:.,;()\-–—]*)+")
_TRAIL_RE = re.compile(r"(?:[\s:.,;()\-–—]*\b(?i:photos?|d['’]archives|d['’]illustration|archives|illustration))+$")


# Short names of agencies under which a registry may not know them ("AA / Bagdad").
_FULL_NAMES = {"sda ats": "Keystone-ATS", "aa": "Anadolu", "chine nouvelle": "Xinhua", "associated press": "AP", "agence france presse": "AFP", "avi": "VNA"}


def full_agency_name(name: str) -> str:
    """The name an agency is better known by ("AA" is Anadolu), else ``name``."""
    return _FULL_NAMES.get(name.casefold().replace("-", " "), name)


def is_wire_agency(name: str) -> bool:
    """ "AFP", "l'agence Reuters", "Agence France-Presse": a news agency's name."""
    name = name.strip()
    bracketed = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    if bracketed:  # "l'Agence France Presse (AFP)", "Agence France-Presse (AFP)"
        return is_wire_agency(bracketed.group(1)) or is_wire_agency(bracketed.group(2))
    name = re.sub(r"^(?i:l['’]agence\s+|agence\s+|l['’]\s*)", "", name)
    return name.casefold() in _WIRE_FOLDED


def _agency_in(inner: str, offset: int) -> Credit | None:
    """The credited agency inside a credit ("AFP / LUDOVIC MARIN", "Photo : Reuters", "THX/TTXVN")."""
    cleaned: list[tuple[str, int]] = []
    pos = 0
    for piece in re.split(r"[/,]", inner):  # "AFP / LUDOVIC MARIN", "SURYO WIBOWO, ASSOCIATED PRESS"
        at = pos
        pos += len(piece) + 1
        lead = _LEAD_RE.match(piece.lstrip(" \t:.,;()-–—"))
        body = piece.lstrip(" \t:.,;()-–—")
        at += len(piece) - len(body)
        if lead:
            at += lead.end()
            body = body[lead.end() :]
        body = _TRAIL_RE.sub("", body).rstrip(" \t:.,;()-–—")
        if body:
            cleaned.append((body, offset + at))
    if not cleaned:
        return None
    for text, at in cleaned:
        if text.casefold() in _WIRE_FOLDED:
            return Credit(text, at, at + len(text))
    for text, at in cleaned:
        if text.casefold() in _KNOWN_FOLDED:
            return Credit(text, at, at + len(text))
    acronyms = [(t, a) for t, a in cleaned if _acronym(t)]
    if len(acronyms) > 1:  # "THX/TTXVN": one credit written with both agencies
        first, last = acronyms[0], acronyms[-1]
        return Credit(inner[first[1] - offset : last[1] - offset + len(last[0])], first[1], last[1] + len(last[0]))
    if acronyms:
        text, at = acronyms[0]
        return Credit(text, at, at + len(text))
    text, at = cleaned[0]
    if len(text.split()) > 3:
        return None
    return Credit(text, at, at + len(text))


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return " " not in text and 2 <= len(letters) <= 10 and all(c.isupper() for c in letters)


# "BERTRAND GUAY / AFP Le ministre …": a photographer and an agency in capitals glued before the
# caption they credit (a page's picture credit run into its caption).
_LEADING_CREDIT_RE = re.compile(
    r"^[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{2,40}?\s*/\s*(?P<agency>" + _ALL_ALT + r")\s+(?=[«\"“A-ZÀ-Ý][a-zà-ÿ'’ ])"
)


def leading_credit(line: str, offset: int = 0) -> Credit | None:
    """The credit glued before a caption ("BERTRAND GUAY / AFP Le ministre …"), if there is one."""
    m = _LEADING_CREDIT_RE.match(line)
    if m is None:
        return None
    return Credit(m.group("agency"), offset + m.start("agency"), offset + m.end("agency"))


def caption_credit(line: str, offset: int = 0) -> Credit | None:
    """The credit of a caption line, if it ends (or starts) with one and names someone; offsets
    shifted by ``offset``. "© D.R." (rights reserved) is a credit that names nobody."""
    credit = _any_caption_credit(line, offset)
    if credit is None or _NOBODY_RE.match(credit.name):
        return None
    courtesy = _COURTESY_RE.match(credit.name)
    if courtesy and courtesy.end() < len(credit.name):
        # "(Crédit photo: gracieuseté du SPVM)": whoever handed the picture out.
        credit = Credit(credit.name[courtesy.end() :], credit.start + courtesy.end(), credit.end, credit.line, credit.since, credit.origin)
    year = _YEAR_AFTER_RE.search(credit.name)
    if year:  # "© AFP 2019 / Ahmad al-Rubaye": the agency, not the year of its rights
        return Credit(credit.name[: year.start()], credit.start, credit.start + year.start(), credit.line, credit.since, credit.origin)
    return credit


_YEAR_AFTER_RE = re.compile(r"\s+(?:19|20)\d\d$")
_COURTESY_RE = re.compile(r"^(?i:gracieuset[ée]|courtoisie)\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?")
_NOBODY_RE = re.compile(r"^(?:D\s*\.?\s*R\.?|droits\s+réservés)$", re.IGNORECASE)


def _any_caption_credit(line: str, offset: int = 0) -> Credit | None:
    line = line.rstrip()
    leading = leading_credit(line, offset)
    if leading is not None:
        return leading
    m = _AGENCY_SLASH_NAME_RE.search(line)
    if m:
        return Credit(m.group("agency"), offset + m.start("agency"), offset + m.end("agency"))
    m = _LEADING_COPYRIGHT_RE.match(line)
    if m and (m.group("who").casefold() in _KNOWN_FOLDED or _acronym(m.group("who"))):
        return Credit(m.group("who"), offset + m.start("who"), offset + m.end("who"))
    m = _COPYRIGHT_RE.search(line)
    if m:
        # "© Sputnik . Anton Denissov", "© AFP - Jean Dupont": the agency before its photographer.
        who = re.split(r"\s+[.\-–—]\s+", m.group("who").strip())[0]
        if "/" in who:
            credit = _agency_in(who, offset + m.start("who"))
            if credit is not None:
                return credit
        return Credit(who, offset + m.start("who"), offset + m.start("who") + len(who))
    m = _PAREN_END_RE.search(line)
    if m:
        group = "inner" if m.group("inner") is not None else "square"
        inner = m.group(group)
        if "/" in inner or any(w.casefold().strip(":") in _PHOTO_WORDS for w in inner.split()) or inner.strip() in _ALL:
            credit = _agency_in(inner, offset + m.start(group))
            if credit is not None and (
                "/" in inner or credit.name.casefold() in _KNOWN_FOLDED or _acronym(credit.name)
            ):
                return credit
    m = _PHOTO_TAIL_RE.search(line)
    if m:
        credit = _agency_in(m.group("inner"), offset + m.start("inner"))
        if credit is not None:
            return credit
    m = _AGENCY_PHOTO_RE.search(line)
    if m:
        return Credit(m.group("inner"), offset + m.start("inner"), offset + m.end("inner"))
    m = _SLASH_TAIL_RE.search(line)
    if m:
        inner = m.group("inner")
        credit = _agency_in(inner, offset + m.start("inner"))
        if credit is not None and (credit.name.casefold() in _KNOWN_FOLDED or _acronym(credit.name)):
            return credit
    m = _DASH_TAIL_RE.search(line)
    if m:  # "Des policiers - Sputnik Afrique": a known agency after a spaced dash
        return Credit(m.group("agency"), offset + m.start("agency"), offset + m.end("agency"))
    m = _AFTER_STOP_RE.search(line)
    if m:  # "… derrière les barreaux. Getty Images": a known agency after the caption's full stop
        return Credit(m.group("agency"), offset + m.start("agency"), offset + m.end("agency"))
    return None


def agency_after_stop(line: str) -> bool:
    """ "Les accusés … derrière les barreaux. Getty Images": a caption whose credit follows it."""
    return bool(_AFTER_STOP_RE.search(line.rstrip()))


def credit_only(line: str) -> bool:
    """A line that is a credit and nothing else ("HANDOUT / AFP", "Photo : CBC / Jean Dupont", "© D.R.")."""
    credit = _any_caption_credit(line)
    if credit is None:
        return False
    rest = line[: credit.start] + " " + line[credit.end :]
    rest = re.sub(r"(?i)\b(?:photos?|crédits?|credits?|d['’]archives|d['’]illustration|archives|illustration)\b", " ", rest)
    rest = re.sub(r"[/©Ⓒ():.,;\-–—|]", " ", rest)
    words = rest.split()
    # What is left is at most the photographer's name and an agency code ("sda-ats").
    return len(words) <= 4 and not any(w[:1].islower() and len(w) > 3 for w in words)


# --- dispatches ----------------------------------------------------------------------------------

_DATELINE_RE = re.compile(
    # "(Corrige coquille dans le titre) JENINE, Cisjordanie (Reuters) -": a wire's note first.
    r"^(?:\([^()\n]{1,60}\)\s*)?"
    # "par Gopal Sharma KATMANDOU (Reuters) -": the reporter's byline glued to the dateline.
    r"(?:(?i:par)\s+)?"
    # "BAUCHI/KADUNA, 18 juin (Reuters) -": one place or two.
    # "EL ARISH (Egypte), 27 avril (Xinhua) --": the place's country in brackets after it.
    r"(?:[A-ZÀ-Ý][\w'’.\-/ ]{1,40}?(?:\s*\([A-ZÀ-Ý][^()\n]{1,30}\))?(?:\s*,\s*[^()\n]{1,40}?)?\s*)?"
    # "P-au-P., 27 avr. 05 [AlterPresse] ---": the agency in square brackets, three dashes.
    r"[(\[](?P<agency>[^()\[\]\n]{2,40})[)\]]\s*(?:[-–—]{1,3}|:)\s*\S"
)
# "PARIS (AFP) La Bourse …", "[16/04/2007 16:24:01] PARIS (AFP) La Bourse …": a place in
# capitals and a known wire, no dash before the first words (a time stamp may come first).
_CAPITALS_DATELINE_RE = re.compile(
    r"^(?:\[[\d/:.\s-]{6,25}\]\s*)?[A-ZÀ-Ý][A-ZÀ-Ý'’.\-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’.\-]+){0,3}(?:\s*,\s*[^()\n]{1,30}?)?"
    r"\s*\(\s*(?P<agency>" + _WIRE_ALT + r")\s*\)\s*[-–—:]{0,3}\s*[A-ZÀ-Ý«\"“]"
)
_CREDIT_LINE_RES = (
    re.compile(r"^\(?\s*(?P<agency>" + _WIRE_ALT + r")(?:\s+(?:FR|fr|Photo|photo))?\s*\)?\s*\.?$"),
    # "AFP Agence France-Presse", "ATS Agence télégraphique suisse": the initials and the full name.
    re.compile(r"^(?P<agency>" + _WIRE_ALT + r")\s+(?i:agence)\s+[\w'’\- ]{3,40}$"),
    # "Belga – Photo : Belga": the dispatch's agency, then the picture's credit.
    re.compile(r"^(?P<agency>" + _WIRE_ALT + r")\s*[-–—|]\s*(?i:photos?|crédit\s+photo)\s*:?\s*[^\n]{1,40}$"),
    re.compile(r"(?:^|\(|\s)(?i:avec)\s+(?:l['’]\s*)?(?P<agency>" + _WIRE_ALT + r")\b"),
    re.compile(r"^[^()]{2,60}?\s&\s*(?P<agency>" + _WIRE_ALT + r")\s*\.?$"),  # "Eléanor Douet & AFP"
    re.compile(r"^(?i:et)\s+(?P<agency>" + _WIRE_ALT + r")\s*\.?$"),  # "et AFP": a byline's tail on its own line
    # "AA / Bagdad", "AA / Istanbul / Mohammad Sio": the agency, its desk, its reporter
    # ("AA / Soudan et Istanbul / Adel Abdelrahim et Lina Altawell": two reporters)
    re.compile(r"^(?P<agency>" + _WIRE_ALT + r")\s*/\s*[A-ZÀ-Ý][\w'’.\- ]{1,30}(?:/\s*[A-ZÀ-Ý][\w'’.\- ]{1,45}){0,2}$"),
    # "13 avril 2013 | La Presse canadienne | Justice": the agency in a byline's fields.
    re.compile(r"^[^|\n]{1,40}\|\s*(?P<agency>(?i:" + _WIRE_ALT + r"))\s*\|[^|\n]{0,30}$"),
    # "- Agence QMI" on the line after the reporter's name: the agency of the byline.
    re.compile(r"^[-–—]\s*(?P<agency>" + _WIRE_ALT + r"|Agence\s+[A-Z]{2,8})\s*$"),
    # "Tunis (AFP)": a dateline alone on its line, before the body.
    re.compile(r"^[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,2}\s*\(\s*(?P<agency>" + _WIRE_ALT + r")\s*\)\s*$"),
    re.compile(r"^[A-ZÀ-Ý][\w'’.\- ]{0,30}\s*/\s*(?P<agency>" + _WIRE_ALT + r")\s*$"),  # "LQ / AFP", "Jean Dupont / AFP"
    re.compile(r"^[\w'’.\- ]{2,30}?\s*\+\s*(?P<agency>" + _WIRE_ALT + r")\s*$"),  # "Medi1news+MAP": the site and its agency
    re.compile(r"^(?P<agency>" + _WIRE_ALT + r")\s+(?:et|&)\s+(?:" + _WIRE_ALT + r")\s*$"),  # "ATS et AFP": the first named
    # "afp/ther", "ats/afp/vj": the agencies, then the editor's initials, in lower case.
    # "ats/tmun/olhor": two editors.
    re.compile(r"^(?P<agency>(?i:" + _WIRE_ALT + r"))(?:\s*/\s*(?i:" + _WIRE_ALT + r"))*(?:\s*/\s*[a-z]{2,5}){1,3}\s*$"),
    # "MOO/od/APA", "SY/ls/APA": the writer's and the editor's initials, then the agency.
    re.compile(r"^(?:(?!(?i:" + _WIRE_ALT + r")\s*/)[A-Za-z]{2,5}\s*/\s*){1,3}(?P<agency>" + _WIRE_ALT + r")\s*$"),
    # "kut, ats": the editor's initials, then the agency, a byline in lower case.
    re.compile(r"^[a-z]{2,5}\s*,\s*(?P<agency>(?i:" + _WIRE_ALT + r"))\s*$"),
    # "Source: French.xinhuanet.com": the agency's own site.
    re.compile(r"^(?i:sources?\s*:?)\s*(?:[\w-]+\.)?(?P<agency>(?i:" + _WIRE_ALT + r"))(?:net)?\.(?:com|net|org|fr|ma|ir|ru|cn)\s*$"),
    # "(acu avec ats)": the editor's initials and the agency, lower case, in brackets of their own.
    re.compile(r"^\((?:[^()\s]{1,12}\s+)?(?i:avec)\s+(?P<agency>(?i:" + _WIRE_ALT + r"))\s*\)\s*$"),
    re.compile(
        r"^(?i:information\s+fournie\s+par|informations?\s+de|auteurs?\s*:|par|sources?\s*:?)\s*"
        r"(?:l['’]\s*)?(?P<agency>" + _WIRE_ALT + r")\b"
    ),
    # "Source: xinhua": the agency named in lower case, the whole line.
    re.compile(r"^(?i:sources?\s*:)\s*(?P<agency>(?i:" + _WIRE_ALT + r"))\s*\.?$"),
    # "Agence QMI" alone on its line: an agency by its initials, credited as a byline.
    re.compile(r"^(?P<agency>Agence\s+[A-Z]{2,8})\s*$"),
    # "Source: (EUROPA PRESS)": the agency in brackets, in capitals.
    re.compile(r"^(?i:sources?\s*:)\s*\(\s*(?P<agency>(?i:" + _WIRE_ALT + r"))\s*\)\s*\.?$"),
)
_MAX_CREDIT_LINE_WORDS = 12
# "AFP/VNA/CVN", "APS/VNA/CVN": a wire agency, the agency that relayed it, the site's initials.
_RELAYED_CREDIT_RE = re.compile(r"^\s*(?P<origin>" + _WIRE_ALT + r")\s*/\s*(?P<agency>[A-Z]{2,6})\s*/\s*[A-Z]{2,6}\s*$")
_PLACE_OPENING_RE = re.compile(r"\(\s*[A-ZÀ-Ý][\w'’.\- ]{1,30}\)\s+[A-ZÀ-Ý«\"“]")
# "Pékin, Chine | AFP | jeudi 22/05/2025 - Au moins …", "DUBAÏ, 13 novembre. /TASS/. Le …": a
# dateline in fields or between slashes.
_PIPED_DATELINE_RE = re.compile(r"^[A-ZÀ-Ý][^|/\n]{1,40}(?:\|\s*(?P<agency>" + _WIRE_ALT + r")\s*\||/(?P<slashed>" + _WIRE_ALT + r")/)")
# "Bakou, 28 octobre, AZERTAC", "PÉKIN, 3 mai 2024 (XINHUA)": a place, a date and an agency, a
# line of their own.
_DATELINE_LINE_RE = re.compile(
    r"^[A-ZÀ-Ý][\w'’\- ]{1,30},\s*\d{1,2}(?:er)?\s+[a-zéèûôA-ZÉÈÛÔ]+(?:\s+\d{4})?\s*[,.]?\s*"
    r"[(/]?\s*(?P<agency>[A-Za-z][\w\-]{1,15})\s*[)/]?\s*\.?\s*$"
)
# "AFP - Un double attentat …", "(Keystone-ATS) La Maison des cantons …": a known agency opening
# a body line, bare before a dash or in brackets before the first word.
# "Islamabad (AFP). Puissant séisme …": a dateline opening the headline line, a full stop after it.
_HEADLINE_DATELINE_RE = re.compile(
    r"^[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+)?\s*\(\s*(?P<agency>" + _WIRE_ALT + r")\s*\)\.\s+[A-ZÀ-Ý«\"]"
)
_AGENCY_DATELINE_RE = re.compile(
    r"^(?:(?P<bare>" + _WIRE_ALT + r")\s*[-–—]{1,2}\s*|\(\s*(?P<bracketed>" + _WIRE_ALT + r")\s*\)\s*(?=[«\"“A-ZÀ-Ý]))"
)
# "ANI - (AFP) - …": an agency's initials, then the wire it carries, before the first words.
_RELAYED_DATELINE_RE = re.compile(r"^(?P<agency>[A-Z]{2,6})\s*[-–—]\s*\(\s*(?P<origin>" + _WIRE_ALT + r")\s*\)\s*[-–—]")
# "… qui avait fait 14 morts. (Belga)", "… l'an dernier. -AP", "… dimanche soir. (ats/jsa/nxp)",
# "… sous surveillance. (chl/ats)": the agency closing the last paragraph.
_END_CREDIT_RE = re.compile(
    r"(?:\(\s*(?P<agency>" + _WIRE_ALT + r"|(?i:" + _WIRE_ALT + r")(?=(?:\s*/\s*[a-z]{2,5}){0,3}\s*\)))(?:\s*/\s*[a-z]{2,5}){0,3}\s*\)"
    r"|(?<=[.»”\"])\s+[-–—/]\s?(?P<dashed>" + _WIRE_ALT + r")"
    r"|(?<=[.»”\"])\s*\(\s*(?:[a-z]{2,5}\s*/\s*){1,2}(?P<last>(?i:" + _WIRE_ALT + r"))\s*\))\s*$"
)

# "(Reportage de Reuters Version française Jean Dupont)": the wire's reporting line closing the text.
_REPORTING_LINE_RE = re.compile(
    r"\(\s*(?i:reportage|rédigé|rédaction|version\s+française)\b[^()]*?\b(?P<agency>" + _WIRE_ALT + r")\b[^()]*\)\s*$"
)


_CLOSING_AGENCY_RE = re.compile(r"[.!?»”\"]\s+(?P<agency>" + _WIRE_ALT + r")\s*$")
# "… placé en détention provisoire. (par AFP)": the agency credited at the end of the standfirst
# or of the last paragraph, for the whole text.
_BY_AGENCY_RE = re.compile(r"\(\s*(?i:par|avec)\s+(?P<agency>" + _WIRE_ALT + r")\s*\)\s*$")


def dispatch_credit(text: str, lines: list[tuple[int, int]]) -> Credit | None:
    """The agency a whole dispatch is credited to: a dateline at the start of one of the first
    body lines, or a wire credit on a line of its own. ``lines`` are (start, end) of the
    text's non-blank lines, in order."""
    for n, (start, end) in enumerate(lines):
        line = text[start:end]
        words = line.split()
        by_agency = _BY_AGENCY_RE.search(line) if n < 4 or n == len(lines) - 1 else None
        if by_agency:
            # The credit's own words are no claim; what it closes at the top is the standfirst
            # (the dispatch runs from there), at the bottom the whole text.
            return Credit(
                by_agency.group("agency"), start + by_agency.start("agency"), start + by_agency.end("agency"),
                (start + by_agency.start(), end), start + by_agency.start() if n < len(lines) - 1 else 0,
            )
        relayed = _RELAYED_CREDIT_RE.match(line)
        if relayed:
            # "AFP/VNA/CVN" on its own line: the site (CVN) had it from VNA, which had it from AFP.
            origin = Credit(relayed.group("origin"), start + relayed.start("origin"), start + relayed.end("origin"))
            return Credit(relayed.group("agency"), start + relayed.start("agency"), start + relayed.end("agency"), (start, end), 0, origin)
        if len(words) <= _MAX_CREDIT_LINE_WORDS and not _picture_credit_line(line, n):
            for pattern in _CREDIT_LINE_RES:
                m = pattern.search(line)
                if m:
                    # A byline near the top credits the body under it, not the standfirst above it
                    # (unless that line opens with the dispatch's place: "(Jakarta) Au moins …").
                    since = start if n < len(lines) // 2 else 0
                    if since and n > 0 and _PLACE_OPENING_RE.match(text, lines[n - 1][0], lines[n - 1][1]):
                        since = lines[n - 1][0]
                    return Credit(
                        m.group("agency"), start + m.start("agency"), start + m.end("agency"), (start, end), since
                    )
        if n < 6:
            m = _DATELINE_LINE_RE.match(line)
            if m and (m.group("agency").isupper() or m.group("agency").casefold() in _WIRE_FOLDED):
                # "Bakou, 28 octobre, AZERTAC": a dateline on a line of its own, no claim.
                return Credit(m.group("agency"), start + m.start("agency"), start + m.end("agency"), (start, end), since=start)
        if n < 6 and len(words) > 4:
            m = _PIPED_DATELINE_RE.match(line)
            if m:
                group = "agency" if m.group("agency") else "slashed"
                # The dateline's own words ("DUBAÏ, 13 novembre. /TASS/.") are no claim.
                end_of_dateline = start + m.end() + (text[start + m.end() : start + m.end() + 1] == ".")
                return Credit(m.group(group), start + m.start(group), start + m.end(group), (start, end_of_dateline), since=start)
            m = _RELAYED_DATELINE_RE.match(line)
            if m:  # "ANI - (AFP) - La chaîne …": ANI carries AFP's dispatch
                origin = Credit(m.group("origin"), start + m.start("origin"), start + m.end("origin"))
                return Credit(m.group("agency"), start + m.start("agency"), start + m.end("agency"), since=start, origin=origin)
            m = _HEADLINE_DATELINE_RE.match(line) if n == 0 else None
            if m:
                return Credit(m.group("agency"), start + m.start("agency"), start + m.end("agency"), since=start)
            m = _AGENCY_DATELINE_RE.match(line)
            if m:
                group = "bare" if m.group("bare") else "bracketed"
                return Credit(m.group(group), start + m.start(group), start + m.end(group), since=start)
            m = _CAPITALS_DATELINE_RE.match(line)
            if m:
                return Credit(m.group("agency"), start + m.start("agency"), start + m.end("agency"), since=start)
            m = _DATELINE_RE.match(line)
            if m:
                agency = m.group("agency").strip()
                at = start + m.start("agency") + m.group("agency").index(agency)
                relayed_by = _relaying_pair(agency)
                if relayed_by is not None:
                    # "WASHINGTON (awp/afp) -": AWP carries AFP's dispatch.
                    first, second = relayed_by
                    origin_at = at + agency.index(second, agency.index("/"))
                    origin = Credit(second, origin_at, origin_at + len(second))
                    return Credit(first, at, at + len(first), since=start, origin=origin)
                # "[Vidéo] - …" opening a line is a label: square brackets only after a place.
                labelled = line[m.start("agency") - 1] == "[" and not line[: m.start("agency") - 1].strip()
                if _dateline_agency(agency) and not labelled:
                    return Credit(agency, at, at + len(agency), since=start)
    # "… qui avait fait 14 morts. (Belga)": the agency closing the last paragraph.
    if lines:
        start, end = lines[-1]
        if text[start:end].strip().casefold() in _WIRE_FOLDED:
            # "aa", "afp" alone on the last line: the agency, in whatever case.
            word = text[start:end].strip()
            at = text.index(word, start)
            return Credit(word, at, at + len(word), (start, end))
        m = _END_CREDIT_RE.search(text, start, end) or _REPORTING_LINE_RE.match(text, start, end)
        if m:
            return Credit(m.group(m.lastgroup), m.start(m.lastgroup), m.end(m.lastgroup))  # the one alternative that matched
        m = _CLOSING_AGENCY_RE.search(text, start, end)
        if m and len(lines) >= 2 and len(re.findall(r"[.!?]\s", text[start : m.start("agency")])) >= 2:
            # "… repêchés. Sur la même période, … interceptés. APS": the wire after the last
            # paragraph's full stop (a paragraph of two sentences at least: a caption is one).
            return Credit(m.group("agency"), m.start("agency"), m.end("agency"))
    return None


# "Andrew Harnik/AP", "HANDOUT / AFP" under the headline: who took or handed out the picture,
# not who wrote the text ("LQ / AFP" closing it is the text's credit).
_PICTURE_BY_RE = re.compile(
    r"^(?:(?i:handout|pool|archives?)|[A-ZÀ-Ý][a-zà-ÿ'’\-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ'’\-]+)+)\s*/\s*(?:" + _WIRE_ALT + r")\s*$"
)


def _picture_credit_line(line: str, n: int) -> bool:
    return n <= 3 and bool(_PICTURE_BY_RE.match(line.strip()))


# "Avec Press TV", "(avec Al-Manar)": the medium a site had the text from, on its last line.
_CLOSING_WITH_RE = re.compile(r"^\(?\s*(?:(?i:source)\s*:\s*)?(?i:avec)\s+(?P<name>[A-ZÀ-Ý][\w'’.\- ]{1,40}?)\s*\)?\s*\.?\s*$")


# "Almanar" alone on the last line: the medium the site had the text from.
_CLOSING_NAME_RE = re.compile(r"^\s*(?P<name>[A-ZÀ-Ý][\w'’.\-]{1,30}(?: [A-ZÀ-Ý][\w'’.\-]{1,20}){0,2})\s*\.?\s*$")


def closing_with(text: str, lines: list[tuple[int, int]]) -> Credit | None:
    """The medium named by an "Avec X" line, or a name alone on its line, closing the text
    (whether X is a medium is for the registry to say), else None."""
    if not lines:
        return None
    start, end = lines[-1]
    m = _CLOSING_WITH_RE.match(text[start:end]) or _CLOSING_NAME_RE.match(text[start:end])
    if m is None:
        return None
    return Credit(m.group("name"), start + m.start("name"), start + m.end("name"), (start, end))


def _relaying_pair(name: str) -> tuple[str, str] | None:
    """ "awp/afp" in a dateline's brackets: a short agency name, then the wire it carries."""
    parts = [p.strip() for p in name.split("/")]
    if len(parts) != 2 or not all(parts) or parts[1].casefold() not in _WIRE_FOLDED:
        return None
    if not parts[0].isalpha() or len(parts[0]) > 8 or parts[0].casefold() == parts[1].casefold():
        return None
    return parts[0], parts[1]


_SITE_ADDRESS = re.compile(r"\.(?:com|fr|net|org|info|ma|dz|tn|sn|ci|cd|be|ch|ca)$", re.IGNORECASE)


def _dateline_agency(name: str) -> bool:
    """ "(Reuters)", "(APMnews)", "(VOVWORLD)": a name, not a remark in brackets."""
    words = name.split()
    if not words or len(words) > 4 or any(c.isdigit() for c in name):
        return False
    if name.casefold() in _WIRE_FOLDED:
        return True
    if _SITE_ADDRESS.search(name):
        return False  # "(Boursier.com) — …": the site's own mark, no agency's dispatch
    # One or two capitalised words: an agency or an outlet's wire ("(Belga)", "(APMnews)").
    return all(w[:1].isupper() for w in words) and len(words) <= 2
