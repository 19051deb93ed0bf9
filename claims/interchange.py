"""doccano and Label Studio: export mapping, import parsing, and the all-or-nothing import.

Both tools get the same picture of a claim and its attribution chain:

- the claim is a span labelled ``SOURCED`` or ``UNSOURCED``;
- each link of the chain whose source is named in the text is a span over that mention,
  labelled with the source's slug (doccano) or ``SOURCE`` with ``meta.source`` = slug
  (Label Studio);
- the chain is a path of ``cites`` relations: claim -> mention of position 0 -> mention of
  position 1 -> ...; a mention belongs to one claim, so paths never merge;
- links whose source is not named in the text (``mention`` null) cannot be spans: they are
  listed with their position, under ``unmentioned_sources`` (doccano: on the line;
  Label Studio: in the claim region's ``meta``).

Offsets are Unicode code points into the text, end-exclusive, as everywhere in this project
(current doccano and Label Studio count code points too). Files made by the tools themselves,
without our extra keys, import as well: the relations give the chain, a mention's label (or
``meta.source``) gives its source by slug.

Region and entity ids are ``claim-<claim id>`` and ``claim-<claim id>-<position>``: stable
from one export to the next. The exports are written by PostgreSQL (``claims.api.exports``,
``DOCCANO_*`` and ``LS_*``) for speed; the parsing functions here are pure, and
``annotations_import`` stores one file, all or nothing.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any

from claims.models import ClaimTag, Document, SourceKind

from claims.input_checks import JSONTooDeep, loads_json, parse_int_or_none

IMPORT_FORMATS = ("doccano", "labelstudio", "jsonl")
CITES = "cites"
TAG_LABELS = {"SOURCED": ClaimTag.SOURCED, "UNSOURCED": ClaimTag.UNSOURCED}
LS_SOURCE_LABEL = "SOURCE"
MAX_ERRORS = 100  # a report longer than this says "and N more"


# --- import parsing ----------------------------------------------------------------------------


class LineError(Exception):
    """One problem in one line (doccano) or task (Label Studio) of a file."""


@dataclass(frozen=True, slots=True)
class ParsedLink:
    position: int
    source: str  # a slug
    mention: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class ParsedClaim:
    start: int
    end: int
    tag: str
    chain: tuple[ParsedLink, ...]


@dataclass(slots=True)
class ParsedDocument:
    where: str  # "line 3", "task 2"
    text: str
    title: str = ""
    claims: list[ParsedClaim] = field(default_factory=list)
    # Sources the file describes (slug -> name, kind): created when the registry lacks them.
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Our own JSONL export names stored documents by id instead of carrying their text.
    document_id: int | None = None


def _check_string(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise LineError(f"{what} must be a string")
    if "\x00" in value:
        raise LineError(f"{what} contains a NUL character")
    try:
        value.encode("utf-8")  # in C; a lone surrogate cannot be encoded
    except UnicodeEncodeError:
        raise LineError(f"{what} contains a lone surrogate (not valid Unicode)") from None
    return value


def _check_int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LineError(f"{what} must be an integer")
    return value


def _check_span(text: str, start: Any, end: Any, what: str, expected: Any = None) -> tuple[int, int]:
    start, end = _check_int(start, f"{what} start"), _check_int(end, f"{what} end")
    if not 0 <= start < end <= len(text):
        raise LineError(f"{what} [{start}, {end}) is not a span of the {len(text)}-character text")
    if expected is not None and expected != text[start:end]:
        raise LineError(
            f"{what} [{start}, {end}) says {expected!r} but the text there is {text[start:end]!r} "
            "(offsets must count code points)"
        )
    return start, end


def _tag_of(label: Any) -> str | None:
    return TAG_LABELS.get(label.upper()) if isinstance(label, str) else None


def _slug(value: Any, what: str) -> str:
    value = _check_string(value, what).strip()
    if not value or len(value) > 100 or not all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in value):
        raise LineError(f"{what} {value!r} is not a source slug")
    return value


def _described_sources(items: Any, what: str) -> dict[str, tuple[str, str]]:
    """``[{"slug", "name", "kind"}]`` -> ``{slug: (name, kind)}``."""
    described: dict[str, tuple[str, str]] = {}
    for item in items or ():
        if not isinstance(item, dict):
            raise LineError(f"{what}: each source must be an object")
        slug = _slug(item.get("slug"), f"{what} slug")
        name = _check_string(item.get("name", ""), f"{what} name").strip()[:200]
        kind = item.get("kind")
        if kind not in SourceKind.values:
            raise LineError(f"{what} {slug!r}: unknown kind {kind!r}")
        described[slug] = (name or slug, kind)
    return described


def build_claims(
    claims: dict[Hashable, tuple[int, int, str]],
    mentions: dict[Hashable, tuple[int, int, str]],
    edges: Iterable[tuple[Hashable, Hashable]],
    unmentioned: Iterable[tuple[Hashable, int, str]] = (),
) -> list[ParsedClaim]:
    """Claims with their chains from spans and ``cites`` relations.

    ``claims``: key -> (start, end, tag); ``mentions``: key -> (start, end, slug); ``edges``:
    (from key, to key); ``unmentioned``: (claim key, position, slug) for links without a span.
    """
    if not mentions and not edges and not unmentioned:  # spans only (doccano's sequence labelling)
        return [ParsedClaim(start, end, tag, ()) for start, end, tag in claims.values()]
    following: dict[Hashable, Hashable] = {}
    for source_key, target_key in edges:
        if not isinstance(source_key, int | str) or not isinstance(target_key, int | str):
            raise LineError("a relation's from_id and to_id must be region ids")
        if source_key not in claims and source_key not in mentions:
            raise LineError(f"relation from unknown region {source_key!r}")
        if target_key not in mentions:
            raise LineError(f"relation to {target_key!r}, which is not a source mention")
        if following.setdefault(source_key, target_key) != target_key:
            raise LineError(f"region {source_key!r} cites two mentions; a chain cites one at each step")
    extra: dict[Hashable, dict[int, str]] = defaultdict(dict)
    for claim_key, position, slug in unmentioned:
        if not isinstance(claim_key, int | str) or claim_key not in claims:
            raise LineError(f"unmentioned source {slug!r} refers to unknown claim {claim_key!r}")
        if position in extra[claim_key]:
            raise LineError(f"claim {claim_key!r} has two links at position {position}")
        extra[claim_key][position] = slug
    parsed = []
    for key, (start, end, tag) in claims.items():
        path, seen, current = [], {key}, key
        while current in following:
            current = following[current]
            if current in seen:
                raise LineError(f"the chain of claim {key!r} runs in a circle")
            seen.add(current)
            path.append(current)
        length = len(path) + len(extra[key])
        if any(not 0 <= position < length for position in extra[key]):
            raise LineError(f"claim {key!r}: an unmentioned source's position is outside its {length}-link chain")
        mentioned = iter(path)
        chain = []
        for position in range(length):
            if position in extra[key]:
                chain.append(ParsedLink(position, extra[key][position], None))
            else:
                m_start, m_end, slug = mentions[next(mentioned)]
                chain.append(ParsedLink(position, slug, (m_start, m_end)))
        parsed.append(ParsedClaim(start, end, tag, tuple(chain)))
    return parsed


def _doccano_document(obj: Any, where: str) -> ParsedDocument:
    if not isinstance(obj, dict):
        raise LineError("expected a JSON object with a \"text\" field")
    text = _check_string(obj.get("text"), '"text"')
    if not text.strip():
        raise LineError('"text" is empty')
    title = _check_string(obj.get("title") or "", '"title"')[:500]
    claims: dict[Hashable, tuple[int, int, str]] = {}
    mentions: dict[Hashable, tuple[int, int, str]] = {}
    entities = obj.get("entities")
    if entities:  # relation projects: entities (claims and mentions) and relations
        if not isinstance(entities, list):
            raise LineError('"entities" must be a list')
        for entity in entities:
            if not isinstance(entity, dict) or "id" not in entity:
                raise LineError("each entity must be an object with an id")
            key = entity["id"]
            if not isinstance(key, int | str) or key in claims or key in mentions:
                raise LineError(f"entity id {key!r} is missing or repeated")
            span = _check_span(text, entity.get("start_offset"), entity.get("end_offset"), f"entity {key!r}")
            label = entity.get("label")
            if tag := _tag_of(label):
                claims[key] = (*span, tag)
            else:
                mentions[key] = (*span, _slug(label, f"entity {key!r} label"))
    else:  # sequence labelling: [[start, end, label], ...]
        labels = obj.get("label") or []
        if not isinstance(labels, list):
            raise LineError('"label" must be a list of [start, end, label]')
        for number, item in enumerate(labels):
            if not isinstance(item, list) or len(item) != 3:
                raise LineError(f"label {number + 1} must be [start, end, label]")
            tag = _tag_of(item[2])
            if tag is None:
                raise LineError(f"label {number + 1}: unknown label {item[2]!r}; SOURCED or UNSOURCED")
            claims[number] = (*_check_span(text, item[0], item[1], f"label {number + 1}"), tag)
    relations = obj.get("relations") or []
    if not isinstance(relations, list):
        raise LineError('"relations" must be a list')
    edges = []
    for relation in relations:
        if not isinstance(relation, dict):
            raise LineError("each relation must be an object")
        if str(relation.get("type", CITES)).lower() == CITES:
            edges.append((relation.get("from_id"), relation.get("to_id")))
    unmentioned = []
    for item in obj.get("unmentioned_sources") or ():
        if not isinstance(item, dict):
            raise LineError('"unmentioned_sources" must hold objects')
        position = _check_int(item.get("position"), "unmentioned source position")
        unmentioned.append((item.get("claim"), position, _slug(item.get("source"), "unmentioned source")))
    return ParsedDocument(
        where=where,
        text=text,
        title=title,
        claims=build_claims(claims, mentions, edges, unmentioned),
        sources=_described_sources(obj.get("sources"), "source"),
    )


def _labelstudio_document(task: Any, where: str) -> ParsedDocument:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise LineError('expected a task object with "data"')
    text = _check_string(task["data"].get("text"), "data.text")
    if not text.strip():
        raise LineError("data.text is empty")
    title = _check_string(task["data"].get("title") or "", "data.title")[:500]
    annotations = task.get("annotations") or []
    if not isinstance(annotations, list):
        raise LineError('"annotations" must be a list')
    document = ParsedDocument(where=where, text=text, title=title)
    for number, annotation in enumerate(annotations, 1):
        results = annotation.get("result") if isinstance(annotation, dict) else None
        if not isinstance(results, list):
            raise LineError(f"annotation {number}: \"result\" must be a list")
        claims: dict[Hashable, tuple[int, int, str]] = {}
        mentions: dict[Hashable, tuple[int, int, str]] = {}
        edges, unmentioned = [], []
        for result in results:
            if not isinstance(result, dict):
                raise LineError(f"annotation {number}: each result must be an object")
            kind = result.get("type")
            if kind == "relation":
                edges.append((result.get("from_id"), result.get("to_id")))
                continue
            if kind != "labels":
                continue  # choices, textareas...: nothing of ours
            key = result.get("id")
            if not isinstance(key, int | str) or key in claims or key in mentions:
                raise LineError(f"annotation {number}: region id {key!r} is missing or repeated")
            value = result.get("value")
            if not isinstance(value, dict) or not isinstance(value.get("labels"), list) or not value["labels"]:
                raise LineError(f"annotation {number}, region {key!r}: value.labels is missing")
            span = _check_span(text, value.get("start"), value.get("end"), f"region {key!r}", value.get("text"))
            meta = result.get("meta") if isinstance(result.get("meta"), dict) else {}
            label = value["labels"][0]
            if tag := _tag_of(label):
                claims[key] = (*span, tag)
                for item in meta.get("unmentioned_sources") or ():
                    if not isinstance(item, dict):
                        raise LineError(f"region {key!r}: meta.unmentioned_sources must hold objects")
                    slug = _slug(item.get("slug"), "unmentioned source")
                    unmentioned.append((key, _check_int(item.get("position"), "unmentioned position"), slug))
                    document.sources.update(_described_sources([item], "unmentioned source"))
            else:
                slug = _slug(meta.get("source") or (None if label == LS_SOURCE_LABEL else label), f"region {key!r} source")
                mentions[key] = (*span, slug)
                if meta.get("kind"):
                    document.sources.update(_described_sources([{"slug": slug, **meta}], f"region {key!r} source"))
        try:
            document.claims += build_claims(claims, mentions, edges, unmentioned)
        except LineError as exc:
            raise LineError(f"annotation {number}: {exc}") from None
    return document


# --- reading files, line by line ----------------------------------------------------------------

# What the readers yield: a parsed document, or the message for a bad line or task.
Item = ParsedDocument | str
# An import's input: the file's bytes, or the path of a file (an upload spooled to disk).
Input = bytes | str | os.PathLike


def _raw_lines(source: Input) -> Iterator[bytes]:
    """The file's lines as bytes, without holding a file on disk in memory."""
    if isinstance(source, bytes):
        yield from source.splitlines()
        return
    with open(source, "rb") as handle:
        yield from handle


def _decoded_lines(source: Input) -> Iterator[tuple[int, str | None, str]]:
    """(line number, text or None if not UTF-8, error). Blank lines are skipped."""
    for number, raw in enumerate(_raw_lines(source), 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, None, f"line {number}: not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})"
            continue
        if line.strip():
            yield number, line, ""


def read_doccano(source: Input) -> Iterator[Item]:
    """The documents of a doccano JSONL file, one line at a time; a message for each bad line."""
    for number, line, error in _decoded_lines(source):
        if line is None:
            yield error
            continue
        try:
            yield _doccano_document(loads_json(line), f"line {number}")
        except json.JSONDecodeError as exc:
            yield f"line {number}: invalid JSON ({exc.msg})"
        except JSONTooDeep as exc:
            yield f"line {number}: {exc}"
        except LineError as exc:
            yield f"line {number}: {exc}"


def read_labelstudio(source: Input) -> Iterator[Item]:
    """The documents of a Label Studio JSON export (a list of tasks); a message per bad task."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        payload = loads_json(_decode(data))
    except LineError as exc:
        yield str(exc)
        return
    except json.JSONDecodeError as exc:
        yield f"line {exc.lineno}: invalid JSON ({exc.msg})"
        return
    except JSONTooDeep as exc:
        yield str(exc)
        return
    tasks = payload if isinstance(payload, list) else [payload]
    if not tasks:
        yield "the file holds no task"
    for number, task in enumerate(tasks, 1):
        try:
            yield _labelstudio_document(task, f"task {number}")
        except LineError as exc:
            yield f"task {number}: {exc}"


def _jsonl_claim(obj: Any) -> tuple[int, dict]:
    """A line of our own JSONL export: (document id, the claim's fields), shapes checked."""
    if not isinstance(obj, dict):
        raise LineError("expected a JSON object (a claim)")
    document = _check_int(obj.get("document"), '"document"')
    tag = obj.get("tag")
    if not isinstance(tag, str) or tag.lower() not in ClaimTag.values:
        raise LineError(f'"tag" must be one of {", ".join(ClaimTag.values)}')
    attributions = obj.get("attributions") or []
    if not isinstance(attributions, list):
        raise LineError('"attributions" must be a list')
    links, sources = [], {}
    for number, item in enumerate(attributions, 1):
        if not isinstance(item, dict):
            raise LineError(f"attribution {number} must be an object")
        source = item.get("source")
        if isinstance(source, dict):
            slug = _slug(source.get("slug"), f"attribution {number} source slug")
            if source.get("kind") is not None:
                sources.update(_described_sources([{"slug": slug, "name": source.get("name") or slug, "kind": source["kind"]}], f"attribution {number} source"))
        else:
            slug = _slug(source, f"attribution {number} source")
        mention = item.get("mention")
        if mention is not None and not isinstance(mention, dict):
            raise LineError(f"attribution {number}: mention must be an object or null")
        links.append((_check_int(item.get("position"), f"attribution {number} position"), slug, mention))
    return document, {
        "start": obj.get("start"), "end": obj.get("end"), "text": obj.get("text"),
        "tag": tag.lower(), "links": links, "sources": sources,
    }


def _jsonl_document(number: int, document_id: int, fields: dict, text: str) -> ParsedDocument:
    """One claim line of our own export as a ``ParsedDocument`` over the stored document's text."""
    span = _check_span(text, fields["start"], fields["end"], "claim", fields["text"])
    chain = []
    for position, slug, mention in fields["links"]:
        at = None
        if mention is not None:
            at = _check_span(text, mention.get("start"), mention.get("end"), f"mention of {slug!r}", mention.get("text"))
        chain.append(ParsedLink(position, slug, at))
    claim = ParsedClaim(*span, fields["tag"], tuple(sorted(chain, key=lambda link: link.position)))
    return ParsedDocument(
        where=f"line {number}", text=text, claims=[claim], sources=fields["sources"], document_id=document_id
    )


JSONL_BLOCK = 500  # claims whose documents' texts are fetched in one query


def read_jsonl(source: Input) -> Iterator[Item]:
    """Our own JSONL export (one claim a line, documents by id): the documents must be stored."""
    block: list[tuple[int, int, dict]] = []

    def flush() -> Iterator[Item]:
        # The texts of the block's documents in one query; a document's text is shared by its lines.
        texts = dict(Document.objects.filter(pk__in={d for _, d, _ in block}).values_list("pk", "text"))
        for number, document_id, fields in block:
            if document_id not in texts:
                yield f"line {number}: document {document_id} does not exist"
                continue
            try:
                yield _jsonl_document(number, document_id, fields, texts[document_id])
            except LineError as exc:
                yield f"line {number}: {exc}"
        block.clear()

    for number, line, error in _decoded_lines(source):
        if line is None:
            yield error
            continue
        try:
            document_id, fields = _jsonl_claim(loads_json(line))
        except json.JSONDecodeError as exc:
            yield f"line {number}: invalid JSON ({exc.msg})"
            continue
        except JSONTooDeep as exc:
            yield f"line {number}: {exc}"
            continue
        except LineError as exc:
            yield f"line {number}: {exc}"
            continue
        block.append((number, document_id, fields))
        if len(block) >= JSONL_BLOCK:
            yield from flush()
    if block:
        yield from flush()


READERS = {"doccano": read_doccano, "labelstudio": read_labelstudio, "jsonl": read_jsonl}


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineError(f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if not text.strip():
        raise LineError("the file is empty")
    return text


def _split(items: Iterable[Item]) -> tuple[list[ParsedDocument], list[str]]:
    documents, errors = [], []
    for item in items:
        (errors if isinstance(item, str) else documents).append(item)
    return documents, errors


def parse_doccano(data: bytes) -> tuple[list[ParsedDocument], list[str]]:
    """The documents of a doccano JSONL file, and one message per bad line."""
    return _split(read_doccano(data))


def parse_labelstudio(data: bytes) -> tuple[list[ParsedDocument], list[str]]:
    """The documents of a Label Studio JSON export (a list of tasks), and one message per bad task."""
    return _split(read_labelstudio(data))


# --- the import's outcome ----------------------------------------------------------------------


class AnnotationImportError(Exception):
    """The file was refused whole; ``errors`` says where and why, one message per line or task."""

    def __init__(self, errors: list[str]):
        if len(errors) > MAX_ERRORS:
            errors = [*errors[:MAX_ERRORS], f"... and {len(errors) - MAX_ERRORS} more"]
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass(slots=True)
class ImportReport:
    documents_created: int = 0
    documents_matched: int = 0
    claims_created: int = 0
    claims_skipped: int = 0
    sources_created: int = 0


def in_file_order(errors: list[str]) -> list[str]:
    def line(error: str) -> int:
        where, _, _ = error.partition(":")
        number = where.rpartition(" ")[2]
        return parse_int_or_none(number) or 0

    return sorted(errors, key=line)
