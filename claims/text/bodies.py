"""Bodies a mention names without their full name: "le syndicat" for the union the text named
last, "la BdF" for the Banque de France, "la police" for the story's country's police, "le
parquet de la ville" for the city's, an acronym the registry does not know by the name the text
spells out. A mixin of the source resolver (``claims.text.resolution``), which gives ``text``,
``registry``, ``docs``, ``memory``, ``named``, ``country``, ``entry_source`` and (from
``PeopleInText``) ``_organisation_before``.

Pure Python (no Django).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.countries import adjective_form, countries_in, is_place_name
from claims.text.cues import Mention, Sentence
from claims.text.names import expanded_acronym, is_acronym
from claims.text.registry import Registry, RegistryEntry, alias_key, fold, proper_name, spelled_alike, spelling_key
from claims.text.results import ProposedSource
from claims.text.source_names import NATIONALITY, content_words, display_name, head_word_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claims.text.people import _Memory


# Nouns that say what kind of body something is, said again for one the text named: "le
# syndicat", "l'entreprise", "le géant français du pneu", "le quotidien".
KINDS_OF_BODIES = frozenset({
    "syndicat", "entreprise", "societe", "compagnie", "firme", "groupe", "geant", "constructeur",
    "operateur", "mouvement", "organisation", "association", "federation", "formation", "direction",
    "transporteur", "assureur", "distributeur", "fabricant", "exploitant", "gestionnaire", "equipementier",
    "quotidien", "journal", "hebdomadaire", "magazine", "chaine", "station", "radio", "site",
})


# A sentence opening on where it happens: « En Israël, », « Au Mali, », « À Bagdad, ».
_LOCATIVE = re.compile(r"^\s*(?:en|au|aux|à|a)\s+[«\"“]?\s*[A-ZÀ-Ý][^,]{0,30}[»\"”]?\s*,", re.IGNORECASE)

# Police and security words: a source of either is the registry's security source of the country.
_SECURITY_WORDS = frozenset({"police", "policiere", "policieres", "policier", "policiers", "securite", "securitaire", "securitaires"})

# What a company is called once named: "l'entreprise", "le constructeur".
_COMPANY_WORDS = frozenset({
    "entreprise", "societe", "compagnie", "firme", "groupe", "geant", "constructeur", "operateur", "transporteur",
    "assureur", "distributeur", "fabricant", "exploitant", "gestionnaire", "equipementier",
})

# What a group is called once named: "l'organisation", "le syndicat".
_GROUP_WORDS = frozenset({"organisation", "association", "federation", "syndicat", "mouvement", "formation"})

# Bodies every country has, by folded noun: (feminine, plural).
_NATIONAL_BODIES = {
    "police": (True, False), "gouvernement": (False, False), "autorites": (True, True), "armee": (True, False),
    "pompiers": (False, True), "opposition": (True, False), "presidence": (True, False), "justice": (True, False),
    "gendarmerie": (True, False), "television": (True, False), "parquet": (False, False), "pouvoir": (False, False),
    "protection": (True, False), "secours": (False, True),  # "la protection civile", "les secours"
}


# Articles contracted with a preposition: the mention starts after them ("du gouvernement").
_CONTRACTED = {"du": "le", "au": "le", "aux": "les"}


def _of_a_place(word: str) -> bool:
    """ "burkinabè", "libanaise", "locales": a word that says where a body is from."""
    return bool(NATIONALITY.search(word) or countries_in(word)) or word.rstrip("s") in {"locale", "regionale", "municipale", "provinciale", "nationale"}


_BRACKETED_INITIALS = re.compile(r"(.+?)\s*\(([A-Z][A-Za-z]{1,7})\)")
_OF_THE_CITY = re.compile(r"\bde la ville$")

# Words a body's initials may leave out ("MPC": Ministère public de la Confédération).
_LINKING_WORDS = frozenset({"de", "du", "des", "d'", "et", "pour", "of", "the", "and"})


class BodiesInText:
    """Bodies said again, by kind, initials or country (a mixin: see the module docstring)."""

    text: str
    registry: Registry
    docs: dict[int, "Doc"]
    memory: list["_Memory"]
    named: dict[str, RegistryEntry]
    country: str | None
    registry_country: str | None
    # and, from the resolver and ``PeopleInText``: entry_source(entry), _organisation_before(at)

    def _acronym_named_before(self, s: Sentence, m: Mention, named: bool, determiner: str) -> ProposedSource | None:
        """ "l'ARS" after "l'ARS Ile-de-France": the body named in full with that acronym first;
        "ABC" after "Aboubacar Cissé (ABC)": the source whose mention gave it in brackets; "le
        JDD", "la BdF", "la BCE": the outlet or body whose initials it spells."""
        end = m.j
        while end - 1 > m.i and s.doc[end - 1].is_punct:
            end -= 1  # "selon la BdF." : the full stop, a token or glued to the last one
        last = s.doc[end - 1].text.rstrip(".")
        # "BdF", "CoE": capitals with a lowercase "de" or "of" between them.
        mixed = 2 <= len(last) <= 8 and last.isalpha() and last[0].isupper() and sum(c.isupper() for c in last) >= 2 and any(c.islower() for c in last) and not last[1:].istitle()
        if not ((named and is_acronym(last) or mixed) and end - m.i <= 2 and (m.j - m.i == 1 or determiner in lx.DEFINITES)):
            return None
        acronym = fold(last)
        for item in reversed(self.memory):
            words = fold(item.source.name).split()
            if item.source.kind in {"document", "other"} or len(words) < 2:
                continue
            given = item.at >= 0 and f"({s.doc[m.j - 1].text})" in self.text[item.at : item.at + 120]
            if words[0] == acronym or given and acronym in item.words and acronym not in words:
                return item.source
            initials = "".join(w[0] for w in words if w[:1].isalpha() and w not in lx.DEFINITES)
            if item.source.kind == "news_outlet" and initials == acronym:
                return item.source  # "le JDD" after "Le Journal du dimanche"
            core = "".join(w[0] for w in words if w[:1].isalpha() and w not in lx.DEFINITES | _LINKING_WORDS)
            if item.source.kind == "institution" and len(acronym) >= 3 and acronym in {initials, core}:
                return item.source  # "la BdF" after "La Banque de France", "la BCE"
        return None

    def by_name(self, name: str, kind: str) -> tuple[ProposedSource, str]:
        """A source the registry may know under what an acronym stands for in this text ("AA":
        "Agence Anadolu"), else a new one named "Full name (ACRONYM)" (guidelines §5)."""
        government = self._government_of(name)
        if government is not None:
            return self.entry_source(government), "registry"  # "l'Irak a annoncé": its government
        bracketed = _BRACKETED_INITIALS.fullmatch(name)
        known = self.registry.exact(bracketed.group(2)) if bracketed else None
        if known is not None and not known.is_vague and (
            known.kind == "news_outlet" and head_word_of(name) in lx.OUTLET_HEADS
            or known.kind == "institution" and head_word_of(name) in lx.INSTITUTION_HEADS
        ):
            return self.entry_source(known), "registry"  # "l'Agence de presse des Émirats (WAM)": the registry's WAM
        full = self.written_out(name)
        if full is not None:
            entry = self.registry.exact(full) or self.registry.loose(full)
            if entry is not None and not entry.is_vague:
                return self.entry_source(entry), "registry"
            name = f"{full} ({name})"
        elif kind in {"institution", "anonymous"} and self.registry_country is not None and not countries_in(name):
            # "le porte-parole des opérations conjointes" in a story about Iraq: the registry's
            # "opérations conjointes irakiennes".
            for feminine in (False, True):
                for plural in (False, True):
                    entry = self.registry.exact(f"{name} {adjective_form(self.registry_country, feminine=feminine, plural=plural)}")
                    if entry is not None and entry.kind == "institution":
                        return self.entry_source(entry), "registry"
        return ProposedSource(name, kind), "new"

    def with_the_city(self, name: str, at: int) -> str:
        """ "Parquet de la ville": of the first place the text names before offset ``at`` that is
        no country ("à Liège, dans l'est de la Belgique": "Parquet de Liège"), where the story is set."""
        if not _OF_THE_CITY.search(name):
            return name
        for start in sorted(self.docs):
            if start >= at:
                break
            for ent in self.docs[start].ents:
                if ent.label_ in {"LOC", "GPE"} and start + ent.start_char < at and not countries_in(ent.text) and ent.text[:1].isupper():
                    return _OF_THE_CITY.sub("de " + ent.text, name)
        return name

    def _spokesperson_body(self, at: int) -> tuple[ProposedSource, str] | None:
        """ "a déclaré le porte-parole" after "a déclaré un porte-parole de la banque centrale",
        "Le PPC a gagné, a déclaré son porte-parole": an unnamed spokesperson is the body they
        speak for (guidelines §4), the one said before with them, else the body named last."""
        for item in reversed(self.memory):
            if item.at < at and item.source.kind == "institution" and {"porte", "parole"} <= item.words:
                return item.source, "anaphora"
        found = self._organisation_before(at)
        if found is None:
            return None
        name = self.text[found[0] : found[1]]
        entry = self.registry.exact(name)
        if entry is not None:
            return (self.entry_source(entry), "registry") if entry.kind == "institution" else None
        return ProposedSource(display_name(name), "institution"), "coref"

    def _outlet_spelled_alike(self, source: ProposedSource) -> tuple[ProposedSource, str] | None:
        name = source.name
        if not proper_name(name):
            return None
        key = spelling_key(name)
        for item in reversed(self.memory):
            if source.kind == item.source.kind == "news_outlet" and item.source.name != name and spelled_alike(key, spelling_key(item.source.name)):
                return item.source, "coref"
        if is_place_name(alias_key(name)):
            return None  # "Le Vietnam a exprimé …" is the country, not the Vietnam News Agency
        entry = self.registry.spelled_like(name, "news_outlet")
        return (self.entry_source(entry), "registry") if entry is not None else None

    def _government_of(self, name: str) -> RegistryEntry | None:
        """A country named as a speaker ("l'Irak a déjà annoncé") speaks through its government:
        the registry's, when it lists one ("gouvernement irakien")."""
        key = alias_key(name)
        country = next(iter(countries_in(key)), None)
        if country is None or len(countries_in(key)) > 1 or fold(country) != key:
            return None
        entry = self.registry.exact(f"gouvernement {adjective_form(country, feminine=False, plural=False)}")
        return entry if entry is not None and entry.kind == "institution" else None

    def national_unnamed(self, core: str, said: str) -> RegistryEntry | None:
        """ "une source sécuritaire", "des sources sécuritaires" in a story about Iraq: the
        registry's unnamed source of that country (« source sécuritaire irakienne »), if any;
        of the country ``said`` names, if it names one (« une source sécuritaire syrienne »)."""
        named = countries_in(said)
        country = next(iter(named)) if len(named) == 1 else self.registry_country
        if country is None or country == "france" or countries_in(core) or len(named) > 1:
            return None
        words = [w for w in alias_key(core).split() if w not in {"un", "une", "des", "autre", "autres"}]
        singular = " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)
        forms = [singular]
        if words and words[0] in {"source", "sources", "responsable", "responsables"} and _SECURITY_WORDS & set(words[1:]):
            forms.append("source de securite")  # "une source policière", "un responsable de la sécurité"
        for form in forms:
            for feminine in (True, False):
                entry = self.registry.loose(f"{form} {adjective_form(country, feminine=feminine, plural=False)}")
                if entry is not None and entry.kind == "anonymous":
                    return entry
        return None

    def _national_body(self, s: Sentence, m: Mention, head_word: str, country: str | None) -> str | None:
        """ "la police" in a story about Japan is "police japonaise": a national body said
        without its country is named with the story's country (not for France, whose bodies
        French news names without it)."""
        words = [s.f[k] for k in range(m.i, m.j) if not s.doc[k].is_space]
        before = s.prev_word(m.i - 1)
        if words and words[0] not in lx.DEFINITES and before >= 0 and s.f[before] in _CONTRACTED:
            words = [_CONTRACTED[s.f[before]], *words]  # "un communiqué du gouvernement": the article is in "du"
        # The body as the text says it, from its head noun: "télévision publique".
        said = " ".join(s.doc[k].text.lower() for k in range(s.head_of(m.i, m.j), m.j) if not s.doc[k].is_space)
        if len(words) >= 2 and words[0] in lx.DEFINITES and words[1] in _NATIONAL_BODIES and not any(_of_a_place(w) for w in words[2:]):
            # "l'armée" after "libéré par l'armée libanaise": the country the text gave it before.
            earlier = re.findall(r"\b" + re.escape(words[1]) + r" ((?:\w+ ){0,2}?\w+)\b", fold(self.text[: s.seg.start + s.doc[m.i].idx]))
            adjectives = [a.split()[-1] for a in earlier if countries_in(a.split()[-1]) and a.split()[:-1] == words[2:]]
            if adjectives:
                return f"{said} {adjectives[-1]}"
        here = countries_in(self.text[s.seg.start : s.seg.start + s.doc[m.i].idx])
        if len(here) == 1 and _LOCATIVE.match(self.text[s.seg.start : s.seg.start + s.doc[m.i].idx]):
            country = next(iter(here))  # « En Israël, l'armée a dit … » in a story about Yemen
        if country is None or country == "france":
            return None
        if len(words) >= 3 and words[0] in lx.DEFINITES and words[1] == "ministere" and words[2] in {"de", "des", "du", "d'"} and not any(
            NATIONALITY.search(w) or countries_in(w) for w in words[3:]  # "de la Santé de l'Irak": it has one
        ):
            # "le ministère de la Santé" in a story about Libya: "ministère libyen de la Santé".
            ministry = s.next_word(m.i + 1)
            portfolio = self.text[s.char_span(s.next_word(ministry + 1), m.j)[0] : s.char_span(m.i, m.j)[1]]
            return f"{s.doc[ministry].text} {adjective_form(country, feminine=False, plural=False)} {portfolio}"
        gender_number = _NATIONAL_BODIES.get(head_word)
        if gender_number is None or len(words) < 2 or words[1] != head_word or words[0] not in lx.DEFINITES:
            return None
        described = [k for k in range(s.head_of(m.i, m.j) + 1, m.j) if not s.doc[k].is_space]
        if len(described) > 2 or any(s.doc[k].pos_ != "ADJ" or _of_a_place(s.f[k]) for k in described):
            return None  # "la télévision publique", "le parquet fédéral"; not "le parquet de Paris", "les autorités locales"
        feminine, plural = gender_number
        return f"{said} {adjective_form(country, feminine=feminine, plural=plural)}"

    def written_out(self, name: str) -> str | None:
        """What an acronym the registry does not know stands for in this text ("RDC": "République
        démocratique du Congo"), per the guidelines' "full name, acronym in brackets"."""
        if not is_acronym(name) or self.registry.exact(name) is not None:
            return None
        full = expanded_acronym(name, self.text)
        if full is not None:
            # "Le Parti des masses unies (PMU)" opening a sentence: the name, without its article.
            return re.sub(r"^(?:Les?|La|L['’])\s*(?=[A-ZÀ-Ý])", "", full)
        return lx.INTERNATIONAL_ACRONYMS.get(name.strip())

    def _body_named_before(self, s: Sentence, m: Mention, head_word: str) -> ProposedSource | None:
        """ "Le syndicat" after "la CGT n'appelle pas à cette grève", "le géant français du
        pneu" after "les usines Michelin": a kind of body said with the article, when no source
        fits, is the organisation the text named last, in this sentence or the one before."""
        at = s.seg.start + s.doc[m.i].idx
        found = self._organisation_before(at)
        entry = self.registry.exact(self.text[found[0] : found[1]]) if found is not None else None
        if head_word in lx.MEDIUM_HEADS and found is not None and (entry is None or entry.kind != "news_outlet"):
            # "relève le quotidien américain des affaires": a medium cited before, not any body.
            outlet = next((item.source for item in reversed(self.memory) if item.at < at and item.source.kind == "news_outlet"), None)
            return outlet  # a body that is no medium ("l'Intérieur") is never "la chaîne locale"
        if found is None:
            # "Renault a annoncé … Un porte-parole du constructeur a confirmé … L'entreprise a
            # précisé": the body that spoke last, two sentences back at most.
            if head_word not in _COMPANY_WORDS | _GROUP_WORDS or s.head_of(m.i, m.j) != s.prev_word(m.j - 1):
                return None  # "la direction" may be another body's; "le groupe 5+1" is a name
            since = self._sentence_before_start(at, 2)
            return next(
                (item.source for item in reversed(self.memory) if since <= item.at < at and item.source.kind == "institution"),
                None,
            )
        name = self.text[found[0] : found[1]]
        if entry is not None:
            return None if entry.is_vague or entry.kind not in {"institution", "news_outlet"} else self.entry_source(entry)
        return ProposedSource(display_name(name), "news_outlet" if head_word in lx.MEDIUM_HEADS else "institution")

    def _short_form(self, text: str) -> RegistryEntry | None:
        words = content_words(text)
        if len(words) < 2:
            return None  # "le ministère" alone could be any ministry
        found = []
        for entry in self.named.values():
            if entry.kind in {"other", "anonymous", "document"}:
                continue
            if any(words <= content_words(alias) for alias in (entry.name, *entry.aliases)):
                found.append(entry)
        return found[0] if len(found) == 1 else None
