"""How a proposed source is named and what kind it is guessed to be: "plusieurs sources locales"
is *sources locales*, "le groupe JNIM" *JNIM*, "une des sources proches de l'enquête" *source
proche de l'enquête*; a registry name counts inside a mention only when written as a name.

Pure Python (no Django). Used by ``claims.text.resolution``.
"""

from __future__ import annotations

import re

from claims.text import lexicon as lx
from claims.text.countries import is_place_name
from claims.text.names import is_acronym, is_ticker
from claims.text.registry import RegistryEntry, alias_key, fold
from claims.text.results import ProposedSource
from claims.text.sentence import WEBSITE, Mention, Sentence

# Titles of one office holder: "le gouverneur de la Banque de France", "le Premier ministre",
# "le chef du gouvernement" (not "le porte-parole", "le responsable": often someone new).
TITLE_ROLES = {
    "ministre", "premier", "president", "presidente", "chef", "gouverneur", "maire", "prefet",
    "prefete", "directeur", "directrice", "procureur", "procureure", "secretaire", "commandant",
    "general", "ambassadeur", "ambassadrice", "depute", "deputee", "senateur", "senatrice", "pdg",
    "patron", "dirigeant", "dirigeante", "fondateur", "fondatrice", "emir", "roi", "reine",
    "bourgmestre", "juge", "commissaire", "colonel", "capitaine", "lieutenant", "sergent", "avocat",
    "avocate", "cheffe", "patronne", "coordinateur", "coordinatrice", "recteur", "rectrice", "consul",
    "leader", "numero",  # "le numéro un de la CFDT"
}

_PLACE_NOUNS = {
    "banlieue", "ville", "quartier", "region", "village", "province", "localite", "commune",
    "zone", "secteur", "district", "departement", "capitale", "centre", "nord", "sud", "est",
    "ouest", "camp", "vallee", "ile", "frontiere",
}


# Quantifiers that make qualified sources a role of their own: "plusieurs sources locales".
_ROLE_QUANTIFIERS = frozenset({"plusieurs", "autres", "differentes", "diverses", "nombreuses", "de", "d'"})


def quantified_role(s: Sentence, m: Mention, entry: RegistryEntry | None) -> ProposedSource | None:
    """ "plusieurs sources locales", "d'autres sources locales", "de sources locales": a role,
    named by its words (guidelines §5), where the registry's plain unnamed source fits "des
    sources locales" (its alias) and "plusieurs sources" (nothing more said)."""
    head = s.head_of(m.i, m.j)
    words = [k for k in range(head, m.j) if not s.doc[k].is_space and not s.doc[k].is_punct]
    if entry is None or entry.slug != "unnamed-source" or len(words) != 2 or s.f[words[1]] not in {"locale", "locales"}:
        return None
    if not {s.f[k] for k in range(max(0, m.i - 1), head)} & _ROLE_QUANTIFIERS:
        return None
    return ProposedSource(display_name(" ".join(s.doc[k].text for k in words)), "anonymous")


def anonymous_core(s: Sentence, i: int, j: int, head: int, complement: int | None) -> str:
    """An unnamed source's mention without a quantifier ("un autre habitant") and without a
    place complement ("des habitants de la banlieue nord de X"): what the registry lists."""
    end = j
    if complement is None:
        # "une source hospitalière de Kaya": the tagger may call the kind a noun, which hides
        # the "de" complement from ``de_complement``.
        for k in range(head + 1, j - 1):
            if s.f[k] in {"de", "d'"} and s.doc[s.next_word(k + 1)].ent_type_ in {"LOC", "GPE"}:
                complement = s.next_word(k + 1)
                break
    if complement is not None:
        place = any(
            s.doc[k].ent_type_ in {"LOC", "GPE"} or s.f[k] in _PLACE_NOUNS for k in range(complement, j)
        ) and not any(
            s.doc[k].ent_type_ in {"ORG", "INSTITUTION", "NEWS_OUTLET"} or s.f[k] in lx.INSTITUTION_HEADS | lx.OUTLET_HEADS
            for k in range(complement, j)
        )  # "de la police de Liucheng" names a body, not a place
        if place:
            end = s.prev_word(complement - 1)
            while end > head and s.f[end] in {"de", "d'", "du", "des", "la", "le", "les", "l'"}:
                end = s.prev_word(end - 1)
            end += 1
    for k in range(head + 1, end - 1):
        if s.f[k] in {"de", "d'"} and s.f[s.next_word(k + 1)] in {"un", "une"}:
            end = k  # "un diplomate d'un pays membre du Conseil": which one is left unsaid
            break
    for k in range(head + 1, end - 1):  # "des sources diplomatiques à Ankara": where they are
        if s.f[k] in {"a", "au", "aux", "en"} and s.doc[k].pos_ == "ADP" and s.doc[s.next_word(k + 1)].ent_type_ in {"LOC", "GPE"}:
            end = k
            break
    if s.f[head] in {"temoin", "temoins"} and complement is not None and s.doc[complement].text.islower():
        # "des témoins de l'accident": what they saw does not change who they are (not "les
        # Témoins de Jéhovah", a name).
        end = min(end, s.prev_word(complement - 1))
        while end > head + 1 and s.f[end - 1] in {"de", "d'", "du", "des", "la", "le", "les", "l'"}:
            end -= 1
    # "une source diplomatique française", "un diplomate occidental": where they come from does
    # not change what kind of source they are (a source's first adjective is its kind).
    first_adjective = head + 1 if s.f[head] in {"source", "sources"} else None
    origin = {k for k in range(head + 1, end) if k != first_adjective and s.doc[k].pos_ == "ADJ" and _ORIGIN.search(s.f[k])}
    words = [
        s.doc[k].text for k in range(i, end)
        if not s.doc[k].is_space and s.f[k] not in _QUANTIFIER_WORDS | _ORDINAL_WORDS and k not in origin and s.doc[k].pos_ != "NUM"
    ]  # "deux témoins", "une deuxième source": how many, and in which order, is not who
    if words and fold(words[0]) in {"nos", "notre", "mes", "ses", "leurs", "leur", "sa", "son"}:
        words = words[1:]  # "nos sources militaires": the paper's sources, the registry's military source
    return " ".join(words)


_DEMONYM_ENDINGS = r"iens?|iennes?|ais|aises?|ains?|aines?|ois|oises?|russes?|belges?|suisses?"
NATIONALITY = re.compile(rf"(?:{_DEMONYM_ENDINGS}|turcs?|turques?|grecs?|grecques?)$")
# Where an unnamed source comes from ("française", "occidental"): no part of its kind.
_ORIGIN = re.compile(rf"(?:{_DEMONYM_ENDINGS}|occidentale?s?|etrangere?s?|arabes?|europeen(?:ne)?s?|asiatiques?|onusiens?|onusiennes?)$")

_STOPWORDS = {"de", "d'", "du", "des", "la", "le", "les", "l'", "et", "a", "au", "aux", "en", "un", "une"}


_MEDIA_PREFIXES = tuple(sorted((m + " " for m in lx.MEDIA_NAMES), key=len, reverse=True))


def starts_with_medium(text: str) -> bool:
    """A known medium's name followed by more name words ("France Bleu Roussillon")."""
    key = alias_key(text)
    return any(key.startswith(prefix) and text.split()[-1][:1].isupper() for prefix in _MEDIA_PREFIXES)


# "Der Sonntag", "The Guardian", "Die Zeit": a title after a foreign article names a paper, not a person.
_FOREIGN_TITLE = re.compile(r"^(?:Der|Die|Das|The)\s+[A-ZÀ-Ý][\w'’-]+")


def foreign_title(text: str) -> bool:
    return bool(_FOREIGN_TITLE.match(text.strip()))


def written_as_a_name(text: str, entry: RegistryEntry) -> bool:
    """A registry name found inside a mention is that source only when the mention writes it as a
    name: "au monde" in "producteurs de pétrole au monde" is not Le Monde."""
    capitalised = {fold(w) for w in re.findall(r"[\w-]+", text) if w[:1].isupper()}
    for alias in (entry.name, *entry.aliases):
        proper = [fold(w) for w in re.findall(r"[\w-]+", alias) if w[:1].isupper() and len(w) > 2]
        if not proper or all(w in capitalised for w in proper):
            return True
    return False


# Capitalised words that may open a mention before a registry name without being part of it.
_NAME_PREFIXES = frozenset({
    "le", "la", "les", "l", "du", "de", "des", "d", "au", "aux", "selon", "m", "mme", "general", "president",
    "presidente", "colonel", "commandant", "ministre", "premier", "sayyed", "sayed", "cheikh", "imam",
    "ayatollah", "dr", "docteur", "chef", "porte", "parole", "agence", "chaine", "television", "site", "journal",
    # a sentence's first word: "Plusieurs médias irakiens"
    "plusieurs", "certains", "certaines", "un", "une", "deux", "trois", "ces", "cette", "ce", "son", "sa", "ses",
    "leur", "leurs", "notre", "nos", "tous", "toutes", "d'apres", "apres", "pour", "mais", "et", "dans",
})


def inside_a_longer_name(text: str, start: int) -> bool:
    """ "Hezbollah" in "Kataëb Hezbollah": a registry name found after another capitalised word
    of the mention is part of a longer name (``start`` is an offset into ``fold(text)``)."""
    before = len(re.findall(r"\w+", fold(text)[:start]))
    words = re.findall(r"\w+", text)
    if before == 0 or before > len(words):
        return False
    previous = words[before - 1]
    return previous[:1].isupper() and fold(previous) not in _NAME_PREFIXES


def head_word_of(name: str) -> str:
    """The first word of a name without its article ("Police provinciale de l'Ontario": "police")."""
    words = [w for w in fold(name).replace("'", "' ").split() if w not in _STOPWORDS]
    return words[0] if words else ""


def content_words(text: str) -> frozenset[str]:
    words = set()
    for w in fold(text).replace("'", "' ").split():
        w = w.strip(",;:.!?()[]«»\"“”")  # "Iran," in "…d'Iran, Saeed Khatibzadeh" is "iran"
        if w not in _STOPWORDS and len(w) > 1:
            words.add(w)
    return frozenset(words)


_QUANTIFIERS = ("autre ", "autres ", "plusieurs ", "certains ", "certaines ", "quelques ", "nombreux ",
                "nombreuses ", "divers ", "diverses ", "multiples ",
                "haute ", "hautes ")  # "une haute source militaire" is the military source (rank, not who)
# The same, as folded words: "un autre habitant", "de multiples sources" are who the registry lists.
_QUANTIFIER_WORDS = {q.strip() for q in _QUANTIFIERS}
_ORDINAL_WORDS = {"deuxieme", "troisieme", "quatrieme", "second", "seconde"}
# "le groupe JNIM", "la station de radio française RTL", "le réseau CBC", "le syndicat Force
# ouvrière": the name after the noun.
_GENERIC_HEADS = (
    r"(?:groupe|mouvement|agence(?: de presse)?|quotidien|journal|hebdomadaire|magazine|site(?: d'information)?|portail(?: d'informations?)?"
    r"|chaîne|chaine|télévision|television|radio|station(?: de radio)?|réseau|reseau|média|media"
    r"|chaînes|chaines|télévisions|televisions|radios|quotidiens|journaux|agences(?: de presse)?|sites|groupes"
    r"|syndicat|parti|collectif|association|organisation|ONG|ong"
    r"|société|societe|entreprise|compagnie|firme|opérateur|operateur|constructeur|banque|club"
    r"|organisme|observatoire|plateforme|service|gestionnaire|fournisseur|distributeur|institut|cabinet|fédération|federation"
    r"|géant|geant|laboratoire|assureur|transporteur|exploitant|fabricant|producteur|équipementier|equipementier|enseigne|chaîne de magasins"
    r"|sondage|baromètre|barometre|direction(?: du| de la| de l'| des)?)"
)
# "le groupe JNIM", "la chaîne de télévision locale WFAA": a generic noun, a few lower-case words
# (not ending with "de", "à": "la société de conseil de Paris" is no "Paris"), then the name.
_GENERIC_BEFORE_NAME = re.compile(
    "^" + _GENERIC_HEADS
    # ("la chaîne Telegram Sabereen News": the platform is no part of the name)
    + r"(?:\s+(?:[a-zàâçéèêëîïôûùüÿœ'’-]+|d['’][ÉE]tat|Telegram|YouTube|Facebook|Twitter|Instagram|TikTok|WhatsApp)){0,8}(?<!\bde)(?<!\bà)(?<!\ben)"
    r"\s+(?P<name>(?:[A-ZÀ-Ý0-9]|(?:al|el|an|ar|as|ad|at)-)[^,()]*(?:\s*\([^()]*\))?)$"
)
_GENERIC_HEAD = re.compile("^" + _GENERIC_HEADS + r"\b")

# "nos confrères de X", "notre confrère X", "le confrère X": the outlet X.
_COLLEAGUES = re.compile(r"^(?:nos|notre|le|les|la|leurs?)\s+(?:confrères|confrère|consœurs|consœur|consoeurs|consoeur)\s+(?:(?:de|du|d['’])\s*)?", re.I)
# "deux sources du groupe", "trois témoins": how many, not who.
_NUMBERS = re.compile(r"^(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+)\s+", re.I)
# "une des sources …", "l'un des conseillers …", "un de ses proches": one of a group.
_PARTITIVE = re.compile(r"^(?:l['’]\s*)?(?:un|une)\s+(?:des|de\s+(?:ses|leurs|nos|vos)|d['’]entre\s+(?:eux|elles))\s+", re.I)
_SINGULAR_STOP = {"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "sur", "pour", "chez", "dans", "qui", "que"}


def _singular(text: str) -> str:
    """The words before the first preposition in the singular ("sources proches de l'enquête" ->
    "source proche de l'enquête"); French plurals by their common endings."""
    words = text.split(" ")
    for n, word in enumerate(words):
        low = word.lower()
        if low in _SINGULAR_STOP or low.startswith(("d'", "d’")):
            break
        if low.endswith("aux") and len(low) > 4:
            words[n] = word[:-3] + "al"
        elif low.endswith(("s", "x")) and not low.endswith(("ss", "us", "is")) and len(low) > 3:
            words[n] = word[:-1]
    return " ".join(words)


def display_name(text: str) -> str:
    """A name for a proposed source: the mention without its leading article or quantifier
    ("plusieurs sources locales" -> "sources locales"), and a medium or group by its own name
    ("le groupe JNIM" -> "JNIM")."""
    if fold(text) in lx.MEDIA_NAMES:
        return " ".join(text.split())  # "Le Parisien", "La Dépêche": the article is part of the name
    site = next((w.strip(",;:.()") for w in text.split() if WEBSITE.search(w.strip(",;:.()").lower())), None)
    if site:
        return site  # "le journaldupays.com proche du mouvement": the site by its address
    titled = _QUOTED_TITLE.search(text)
    if titled and any(w in lx.OUTLET_HEADS for w in fold(text[: titled.start()]).split()):
        return titled.group(1).strip()  # "le journal local de Haute-Savoie “Le Messager”": its title
    name = " ".join(text.replace("«", " ").replace("»", " ").replace("“", " ").replace("”", " ").replace('"', " ").split()).strip(" ,;:.")
    colleagues = _COLLEAGUES.match(name)
    if colleagues and len(name) > colleagues.end():
        name = name[colleagues.end() :]  # "nos confrères de France Bleu Toulouse", "le confrère RFI"
    one_of_them = _ONE_OF_THEM.match(name)
    if one_of_them:
        name = one_of_them.group("name")  # "L'une d'elles, les Brigades du Hezbollah": the one named
    partitive = _PARTITIVE.match(name)
    if partitive and len(name) > partitive.end():
        name = _singular(name[partitive.end() :])  # "une des sources proches de l'enquête"
    lowered = name.lower().replace("’", "'")
    for article in ("l'", "d'", "le ", "la ", "les ", "du ", "des ", "de la ", "de l'", "un ", "une ", "son ", "sa ", "ses ", "leur ", "leurs "):
        if lowered.startswith(article) and len(name) > len(article):
            name = name[len(article) :].lstrip()
            break
    number = _NUMBERS.match(name)
    if number and len(name) > number.end():
        name = name[number.end() :]
    for quantifier in _QUANTIFIERS:
        if name.lower().startswith(quantifier) and len(name) > len(quantifier):
            name = name[len(quantifier) :].lstrip()
            break
    m = _GENERIC_BEFORE_NAME.match(name)
    if m:
        name = m.group("name").strip()
    management = re.match(r"^direction\s+(?:de\s+|d['’])(?P<name>[A-ZÀ-Ý][^,()]*)$", name)
    if management:
        name = management.group("name")  # "la direction de Michelin": the company
    name = _AGE.sub("", name) or name  # "un retraité de 70 ans": the role, not the age
    name = _ATTACHED_TO.sub("", name) or name  # "la cellule … affiliée au ministère": whose it is, no part of the name
    stock_code = re.search(r"\s*\(([^()]+)\)$", name)
    if stock_code and is_ticker(stock_code.group(1)) and stock_code.start():
        name = name[: stock_code.start()]  # "Stellantis (STLA.MI)": the stock code is no part of the name
    joined = _TWO_NAMES.match(name)
    if joined:
        name = joined.group(1)  # "la CGT et FO": two bodies in one phrase are named by the first
    head, comma, rest = name.partition(", ")
    if comma and _GENERIC_HEAD.match(head) and _NAME_START.match(rest) and "," not in rest:
        name = rest  # "la chaîne des Houthis, al-Masirah": the medium by its own name
    elif comma and rest[:1].islower():
        name = head  # "ministère de la Santé de Gaza, dirigé par le Hamas": the name is before
        m = _GENERIC_BEFORE_NAME.match(name)
        if m:
            name = m.group("name").strip()  # "La chaîne X, proche de …": the medium by its name
    # "l'armée et les paramilitaires": one article each is none at all in a name (two heads joined,
    # not "pour le contrôle et la prévention" inside one name).
    joined = _ARTICLE_AFTER_ET.search(name)
    if joined and not _PREPOSITION.search(name[: joined.start()]):
        name = _ARTICLE_AFTER_ET.sub(" et ", name)
    # "le Soudan du Sud voisin": where it lies is no part of the name.
    words = name.split()
    if len(words) >= 2 and _NEIGHBOURING.fullmatch(words[-1]) and words[-2][:1].isupper():
        name = " ".join(words[:-1])
    return name[:1].upper() + name[1:] if name else text


_ONE_OF_THEM = re.compile(r"^(?:l['’]\s*)?une?\s+d['’]\s*(?:eux|elles|entre\s+eux|entre\s+elles),\s*(?P<name>\S.*)$", re.I)
_ATTACHED_TO = re.compile(r"\s+(?:affilié|rattaché|basé|installé)e?s?\s+(?:à|au|aux|en)\s.*$")
_AGE = re.compile(r",?\s+(?:âgée?s?\s+)?de\s+\d+\s+ans$")
_TWO_NAMES = re.compile(r"^([A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3})\s+et\s+(?:(?:le|la|les)\s+|l['’])?[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3}$")
_QUOTED_TITLE = re.compile(r"[«“\"]\s*([^«»“”\"]{2,60}?)\s*[»”\"]\s*$")
_NAME_START = re.compile(r"(?:[A-ZÀ-Ý0-9]|(?:al|el|an|ar|as|ad|at)-)")
_ARTICLE_AFTER_ET = re.compile(r"\s+et\s+(?:les|le|la|l['’])\s*(?=\w)", re.I)
_PREPOSITION = re.compile(r"(?:^|\s)(?:(?:de|du|des|pour|à|au|aux|en|sur|contre)\s|d['’])", re.I)
_NEIGHBOURING = re.compile(r"voisine?s?")


def titled(s: Sentence, m: Mention) -> bool:
    """A mention whose head noun is capitalised inside the sentence: a name or a title."""
    head = s.head_of(m.i, m.j)
    return head != s.next_word(0) and s.doc[head].text[:1].isupper()


OUTLET_RULES = {"verb.to_outlet", "nominal.to_outlet", "prep.medium", "prep.interview"}


# Words that make a name a body's, not a person's.
_BODY_NAME_WORDS = frozenset({
    "international", "internationale", "watch", "foundation", "fondation", "institute", "association",
    "federation", "council", "union", "party", "group", "organization", "organisation", "committee",
    "comite", "ligue", "league", "reporters", "frontieres", "medecins", "croix-rouge", "croissant-rouge",
    "inc", "sa", "ltd", "corporation", "holding", "bank", "banque", "airlines", "airways",
})


def body_name(s: Sentence, m: Mention) -> bool:
    """A name with a word only bodies' names have ("Amnesty International", "Human Rights Watch")."""
    return any(s.f[k] in _BODY_NAME_WORDS for k in range(m.i, m.j))


def guess_kind(s: Sentence, m: Mention, head: str) -> str:
    labels = {s.doc[k].ent_type_ for k in range(m.i, m.j)}
    named = " ".join(s.f[k] for k in range(m.i, m.j) if not s.doc[k].is_space and s.f[k] not in lx.DEFINITES)
    whole = " ".join(s.f[k] for k in range(m.i, m.j) if not s.doc[k].is_space)
    spelled = fold(s.doc[m.i : m.j].text).replace("’", "'")
    if named in lx.MEDIA_NAMES or whole in lx.MEDIA_NAMES or spelled in lx.MEDIA_NAMES or re.sub(r"^(?:le |la |les )", "", spelled) in lx.MEDIA_NAMES:
        return "news_outlet"  # "citée par Libération", "L'Est républicain"
    if head in lx.DOCUMENT_HEADS:
        return "document"
    if is_place_name(named):
        return "institution"  # "Israël a appelé": the state
    if any(WEBSITE.search(s.doc[k].text.lower()) for k in range(m.i, m.j)):
        return "news_outlet"
    if head == "agence" and "presse" not in whole.split() and re.search(r"\b(?:de|du|des|d')\b", whole):
        return "institution"  # "l'Agence nationale de sécurité du médicament", "l'agence régionale de santé"
    if head in lx.OUTLET_HEADS or "NEWS_OUTLET" in labels:
        return "news_outlet"
    if "LOC" in labels and "PER" not in labels and s.f[m.i] in lx.DEFINITES and s.has_name(m.i, m.j) and head not in lx.PERSON_ROLE_HEADS:
        return "institution"  # "La Russie a revendiqué": a country (with its article) speaks through its state
    first = s.next_word(m.i + 1) if s.f[m.i] in lx.DEFINITES else m.i
    if first < m.j and s.f[m.i] in lx.DEFINITES and is_acronym(s.doc[first].text):
        return "institution"  # "l'ARS Ile-de-France", "la CGT": no person takes an article and an acronym
    if body_name(s, m) and head not in lx.PERSON_ROLE_HEADS:
        return "institution"  # "Amnesty International", "Human Rights Watch": a body, whatever the tagger says
    if "PER" in labels or "PERSON" in labels:
        return "person"
    if head in lx.INSTITUTION_HEADS or "INSTITUTION" in labels:
        return "institution"
    if head in lx.ANONYMOUS_HEADS:
        return "anonymous"
    if head in lx.PERSON_ROLE_HEADS:
        return "person" if s.has_name(m.i, m.j) else "anonymous"
    if "ORG" in labels:
        return "institution"
    if s.has_name(m.i, m.j):
        words = [t for t in s.doc[m.i : m.j] if not t.is_space and not t.is_punct and s.f[t.i] not in lx.DEFINITES]
        # A bare one-word name after "selon", "rapporte", "citant" ("al-Nahrain", "AlManar")
        # is most often a medium; people come with a first name or a title.
        return "news_outlet" if len(words) == 1 else "person"
    return "anonymous"
