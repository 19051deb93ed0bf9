"""Countries, their adjectives and capitals: which country a story is about, and how a national
body said without its country is named ("la police" in a story from Japan is "police japonaise").

Pure Python: folded names (see ``registry.fold``), no model.
"""

from __future__ import annotations

import re
from collections import Counter

from claims.text.registry import fold

# Country (folded, without article) -> its adjective, masculine singular.
_ADJECTIVES = {
    "afghanistan": "afghan", "afrique du sud": "sud-africain", "albanie": "albanais", "algerie": "algérien",
    "allemagne": "allemand", "angola": "angolais", "arabie saoudite": "saoudien", "argentine": "argentin",
    "armenie": "arménien", "australie": "australien", "autriche": "autrichien", "azerbaidjan": "azerbaïdjanais",
    "bahrein": "bahreïni", "bangladesh": "bangladais", "belgique": "belge", "benin": "béninois",
    "bielorussie": "biélorusse", "birmanie": "birman", "bolivie": "bolivien", "bresil": "brésilien",
    "bulgarie": "bulgare", "burkina faso": "burkinabè", "burundi": "burundais", "cambodge": "cambodgien",
    "cameroun": "camerounais", "canada": "canadien", "centrafrique": "centrafricain", "chili": "chilien",
    "chine": "chinois", "chypre": "chypriote", "colombie": "colombien", "comores": "comorien",
    "congo": "congolais", "rdc": "congolais", "coree du sud": "sud-coréen", "coree du nord": "nord-coréen",
    "cote d'ivoire": "ivoirien", "croatie": "croate", "cuba": "cubain", "danemark": "danois",
    "djibouti": "djiboutien", "egypte": "égyptien", "emirats arabes unis": "émirien", "equateur": "équatorien",
    "erythree": "érythréen", "espagne": "espagnol", "etats-unis": "américain", "ethiopie": "éthiopien",
    "finlande": "finlandais", "france": "français", "gabon": "gabonais", "georgie": "géorgien",
    "ghana": "ghanéen", "grece": "grec", "guatemala": "guatémaltèque", "guinee": "guinéen", "haiti": "haïtien",
    "honduras": "hondurien", "hongrie": "hongrois", "inde": "indien", "indonesie": "indonésien", "irak": "irakien",
    "iran": "iranien", "irlande": "irlandais", "israel": "israélien", "italie": "italien", "japon": "japonais",
    "jordanie": "jordanien", "kazakhstan": "kazakh", "kenya": "kényan", "koweit": "koweïtien", "liban": "libanais",
    "liberia": "libérien", "libye": "libyen", "madagascar": "malgache", "malaisie": "malaisien", "mali": "malien",
    "maroc": "marocain", "mauritanie": "mauritanien", "mexique": "mexicain", "mozambique": "mozambicain",
    "nepal": "népalais", "nicaragua": "nicaraguayen", "niger": "nigérien", "nigeria": "nigérian",
    "norvege": "norvégien", "oman": "omanais", "ouganda": "ougandais", "pakistan": "pakistanais",
    "palestine": "palestinien", "panama": "panaméen", "paraguay": "paraguayen", "pays-bas": "néerlandais",
    "perou": "péruvien", "philippines": "philippin", "pologne": "polonais", "portugal": "portugais",
    "qatar": "qatari", "roumanie": "roumain", "royaume-uni": "britannique", "russie": "russe",
    "rwanda": "rwandais", "senegal": "sénégalais", "serbie": "serbe", "sierra leone": "sierra-léonais",
    "somalie": "somalien", "soudan": "soudanais", "soudan du sud": "sud-soudanais", "sri lanka": "sri-lankais",
    "suede": "suédois", "suisse": "suisse", "syrie": "syrien", "tanzanie": "tanzanien", "tchad": "tchadien",
    "thailande": "thaïlandais", "togo": "togolais", "tunisie": "tunisien", "turquie": "turc",
    "ukraine": "ukrainien", "uruguay": "uruguayen", "venezuela": "vénézuélien", "vietnam": "vietnamien",
    "yemen": "yéménite", "zambie": "zambien", "zimbabwe": "zimbabwéen",
}
# Capitals and large cities that open datelines -> country.
_CITIES = {
    "kaboul": "afghanistan", "alger": "algerie", "berlin": "allemagne", "riyad": "arabie saoudite",
    "buenos aires": "argentine", "bruxelles": "belgique", "cotonou": "benin", "brasilia": "bresil",
    "ouagadougou": "burkina faso", "yaounde": "cameroun", "ottawa": "canada", "bangui": "centrafrique",
    "pekin": "chine", "bogota": "colombie", "kinshasa": "rdc", "brazzaville": "congo", "seoul": "coree du sud",
    "abidjan": "cote d'ivoire", "le caire": "egypte", "madrid": "espagne", "washington": "etats-unis",
    "new york": "etats-unis", "addis abeba": "ethiopie", "athenes": "grece", "conakry": "guinee",
    "new delhi": "inde", "jakarta": "indonesie", "bagdad": "irak", "teheran": "iran", "jerusalem": "israel",
    "tel aviv": "israel", "rome": "italie", "milan": "italie", "tokyo": "japon", "amman": "jordanie",
    "nairobi": "kenya", "beyrouth": "liban", "tripoli": "libye", "antananarivo": "madagascar",
    "bamako": "mali", "rabat": "maroc", "casablanca": "maroc", "mexico": "mexique", "niamey": "niger",
    "abuja": "nigeria", "lagos": "nigeria", "kampala": "ouganda", "islamabad": "pakistan",
    "ramallah": "palestine", "gaza": "palestine", "manille": "philippines", "varsovie": "pologne",
    "lisbonne": "portugal", "doha": "qatar", "londres": "royaume-uni", "moscou": "russie", "kigali": "rwanda",
    "dakar": "senegal", "belgrade": "serbie", "mogadiscio": "somalie", "khartoum": "soudan",
    "stockholm": "suede", "damas": "syrie", "ndjamena": "tchad", "n'djamena": "tchad", "bangkok": "thailande",
    "lome": "togo", "tunis": "tunisie", "ankara": "turquie", "istanbul": "turquie", "kiev": "ukraine",
    "kyiv": "ukraine", "caracas": "venezuela", "hanoi": "vietnam", "sanaa": "yemen", "harare": "zimbabwe",
    # Provinces and cities that set a story in its country as surely as the capital does.
    "mossoul": "irak", "bassora": "irak", "kirkouk": "irak", "erbil": "irak", "falloujah": "irak", "fallouja": "irak",
    "ramadi": "irak", "tikrit": "irak", "samarra": "irak", "najaf": "irak", "kerbala": "irak", "nassiriya": "irak",
    "anbar": "irak", "ninive": "irak", "diyala": "irak", "salaheddine": "irak", "baqouba": "irak", "tal afar": "irak",
    "souleimaniye": "irak", "dohouk": "irak", "al qaim": "irak",
    "alep": "syrie", "homs": "syrie", "hama": "syrie", "idleb": "syrie", "deir ez zor": "syrie", "raqqa": "syrie",
    "lattaquie": "syrie", "deraa": "syrie", "hassake": "syrie", "palmyre": "syrie",
    "ispahan": "iran", "mashhad": "iran", "machhad": "iran", "chiraz": "iran", "tabriz": "iran", "qom": "iran",
    "ahvaz": "iran", "zahedan": "iran",
    "aden": "yemen", "hodeida": "yemen", "marib": "yemen", "taez": "yemen",
    "kharkiv": "ukraine", "odessa": "ukraine", "donetsk": "ukraine", "lviv": "ukraine", "marioupol": "ukraine",
    "kherson": "ukraine", "zaporijia": "ukraine",
    "kandahar": "afghanistan", "herat": "afghanistan", "karachi": "pakistan", "lahore": "pakistan", "peshawar": "pakistan",
    "gao": "mali", "tombouctou": "mali", "kidal": "mali", "mopti": "mali",
}

# A capital speaking for its government ("Pékin dénonce", "Washington a averti") is the country,
# by its name.
_CAPITAL_OF = {
    "kaboul": "Afghanistan", "alger": "Algérie", "berlin": "Allemagne", "riyad": "Arabie saoudite",
    "buenos aires": "Argentine", "cotonou": "Bénin", "brasilia": "Brésil", "ouagadougou": "Burkina Faso",
    "yaounde": "Cameroun", "ottawa": "Canada", "bangui": "Centrafrique", "pekin": "Chine", "bogota": "Colombie",
    "kinshasa": "RDC", "brazzaville": "Congo", "seoul": "Corée du Sud", "pyongyang": "Corée du Nord",
    "le caire": "Égypte", "madrid": "Espagne", "washington": "États-Unis", "addis abeba": "Éthiopie",
    "athenes": "Grèce", "conakry": "Guinée", "new delhi": "Inde", "jakarta": "Indonésie", "bagdad": "Irak",
    "teheran": "Iran", "rome": "Italie", "tokyo": "Japon", "amman": "Jordanie", "nairobi": "Kenya",
    "beyrouth": "Liban", "bamako": "Mali", "rabat": "Maroc", "mexico": "Mexique", "niamey": "Niger",
    "abuja": "Nigeria", "kampala": "Ouganda", "islamabad": "Pakistan", "manille": "Philippines",
    "varsovie": "Pologne", "lisbonne": "Portugal", "doha": "Qatar", "londres": "Royaume-Uni", "moscou": "Russie",
    "kigali": "Rwanda", "dakar": "Sénégal", "belgrade": "Serbie", "mogadiscio": "Somalie", "khartoum": "Soudan",
    "damas": "Syrie", "ndjamena": "Tchad", "n'djamena": "Tchad", "tunis": "Tunisie", "ankara": "Turquie",
    "kiev": "Ukraine", "kyiv": "Ukraine", "caracas": "Venezuela", "hanoi": "Vietnam", "sanaa": "Yémen",
    "paris": "France", "pretoria": "Afrique du Sud", "canberra": "Australie", "vienne": "Autriche",
    "minsk": "Biélorussie", "la havane": "Cuba", "tbilissi": "Géorgie", "budapest": "Hongrie",
    "dublin": "Irlande", "nouakchott": "Mauritanie", "oslo": "Norvège", "lima": "Pérou", "bucarest": "Roumanie",
    "stockholm": "Suède", "berne": "Suisse", "bangkok": "Thaïlande", "lome": "Togo", "abou dhabi": "Émirats arabes unis",
    "bakou": "Azerbaïdjan", "erevan": "Arménie", "tripoli": "Libye",
}


def country_of_capital(name: str) -> str | None:
    """ "Pékin" -> "Chine": the country a capital's name stands for, else None."""
    return _CAPITAL_OF.get(fold(name).strip())


def _feminine(adjective: str) -> str:
    if adjective.endswith(("e", "è")) and not adjective.endswith(("é", "ée")):
        return adjective  # "russe", "belge", "burkinabè"
    if adjective.endswith(("ien", "éen")):
        return adjective + "ne"
    if adjective == "turc":
        return "turque"
    if adjective == "grec":
        return "grecque"
    if adjective.endswith("i") and adjective in {"qatari", "bahreïni"}:
        return adjective
    return adjective + "e"


def _plural(adjective: str) -> str:
    return adjective if adjective.endswith(("s", "x")) else adjective + "s"


def adjective_form(country: str, *, feminine: bool, plural: bool) -> str:
    """The country's adjective agreed with a noun ("japonaise" for "police")."""
    adjective = _ADJECTIVES[country]
    if feminine:
        adjective = _feminine(adjective)
    return _plural(adjective) if plural else adjective


# Every folded form that points at a country: its name, its adjective's four forms, its capital.
_FORMS: dict[str, str] = {}
for _country, _adjective in _ADJECTIVES.items():
    _FORMS.setdefault(fold(_country), _country)
    for _fem in (False, True):
        for _pl in (False, True):
            _FORMS.setdefault(fold(adjective_form(_country, feminine=_fem, plural=_pl)), _country)
for _city, _country in _CITIES.items():
    _FORMS.setdefault(fold(_city), _country)
# Second adjectives the press uses for a country ("le ministère nippon des Finances").
for _form, _country in {"nippon": "japon", "nippone": "japon", "nippons": "japon", "nippones": "japon",
                        "helvetique": "suisse", "helvetiques": "suisse"}.items():
    _FORMS.setdefault(_form, _country)
_LONGEST = max(len(form.split()) for form in _FORMS)
# Names of countries and cities only (no adjective), for ``place_country``.
_PLACE_FORMS: dict[str, str] = {fold(c): c for c in _ADJECTIVES} | {fold(city): c for city, c in _CITIES.items()}
_WORD = re.compile(r"[\w']+")
# "la menace russe", "l'ingérence étrangère": a country acting on the story's one from outside,
# which does not set the story there (a French story about "la menace russe" is French news).
_FROM_OUTSIDE = {
    "menace", "menaces", "invasion", "agression", "ingerence", "ingerences", "propagande", "desinformation",
    "cyberattaque", "cyberattaques", "espionnage", "influence",
}
_ELIDED = re.compile(r"^(?:l|d|qu|jusqu|lorsqu|puisqu)'")


def _words(folded: str) -> list[str]:
    """The words of a folded text, an elided article cut off ("l'irak" is "irak")."""
    return [_ELIDED.sub("", w) for w in _WORD.findall(folded)]


def is_place_name(word: str) -> bool:
    """ "Israël", "Cuba", "Washington": a country's or a capital's name (no adjective)."""
    return fold(word) in _PLACE_FORMS


def countries_in(text: str) -> frozenset[str]:
    """The countries ``text`` names by one word (name, adjective or capital): "le ministre
    iranien" -> {"iran"}."""
    return frozenset(c for c in (_FORMS.get(w) for w in _words(fold(text))) if c is not None)


def place_country(text: str) -> str | None:
    """The country whose places (its name, its cities) a text names most, adjectives left out:
    a story set in Iraq about American forces names "américain" often and Iraq's places more.
    None when no country's places stand out."""
    return _most_named(text, _PLACE_FORMS, lead=1.5)


def story_country(text: str) -> str | None:
    """The country a news text is about: the one named most (by name, adjective or capital),
    the headline and the first lines counting twice; None when no country stands out (named
    once or twice, or as often as another country)."""
    return _most_named(text, _FORMS, lead=2)


def _most_named(text: str, forms: dict[str, str], *, lead: float) -> str | None:
    """The country ``forms`` point at most often in ``text`` (three times at least, the first
    three lines counting twice), if it is named ``lead`` times as often as the next one."""
    counts: Counter[str] = Counter()
    for n, line in enumerate(line for line in text.split("\n") if line.strip()):
        weight = 2 if n < 3 else 1
        for country in _countries_named(_words(fold(line)), forms):
            counts[country] += weight
    if not counts:
        return None
    (best, top), *rest = counts.most_common(2)
    if top < 3 or rest and rest[0][1] * lead > top:
        return None
    return best


def _countries_named(words: list[str], forms: dict[str, str]) -> list[str]:
    """The country of each form in ``words``, the longest form first ("Soudan du Sud" before
    "Soudan", "Burkina Faso" as one)."""
    found = []
    k = 0
    while k < len(words):
        for size in range(min(_LONGEST, len(words) - k), 0, -1):
            form = " ".join(words[k : k + size])
            country = forms.get(form)
            if country is not None:
                if not (k and words[k - 1] in _FROM_OUTSIDE and form not in _PLACE_FORMS):
                    found.append(country)
                k += size
                break
        else:
            k += 1
    return found
