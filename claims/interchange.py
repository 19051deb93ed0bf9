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
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from claims import permissions, services
from claims.input_checks import JSONTooDeep, loads_json, parse_int_or_none
from claims.models import Claim, ClaimTag, Document, Source, SourceKind

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

IMPORT_FORMATS = ("doccano", "labelstudio")
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


def _check_string(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise LineError(f"{what} must be a string")
    if "\x00" in value:
        raise LineError(f"{what} contains a NUL character")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise LineError(f"{what} contains a lone surrogate (not valid Unicode)")
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


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineError(f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if not text.strip():
        raise LineError("the file is empty")
    return text


def parse_doccano(data: bytes) -> tuple[list[ParsedDocument], list[str]]:
    """The documents of a doccano JSONL file, and one message per bad line."""
    try:
        text = _decode(data)
    except LineError as exc:
        return [], [str(exc)]
    documents, errors = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            documents.append(_doccano_document(loads_json(line), f"line {number}"))
        except json.JSONDecodeError as exc:
            errors.append(f"line {number}: invalid JSON ({exc.msg})")
        except JSONTooDeep as exc:
            errors.append(f"line {number}: {exc}")
        except LineError as exc:
            errors.append(f"line {number}: {exc}")
    return documents, errors


def parse_labelstudio(data: bytes) -> tuple[list[ParsedDocument], list[str]]:
    """The documents of a Label Studio JSON export (a list of tasks), and one message per bad task."""
    try:
        payload = loads_json(_decode(data))
    except LineError as exc:
        return [], [str(exc)]
    except json.JSONDecodeError as exc:
        return [], [f"line {exc.lineno}: invalid JSON ({exc.msg})"]
    except JSONTooDeep as exc:
        return [], [str(exc)]
    tasks = payload if isinstance(payload, list) else [payload]
    documents, errors = [], []
    for number, task in enumerate(tasks, 1):
        try:
            documents.append(_labelstudio_document(task, f"task {number}"))
        except LineError as exc:
            errors.append(f"task {number}: {exc}")
    if not tasks:
        errors.append("the file holds no task")
    return documents, errors


PARSERS = {"doccano": parse_doccano, "labelstudio": parse_labelstudio}


# --- import ------------------------------------------------------------------------------------


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


def _message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{key}: {' '.join(msgs)}" for key, msgs in error.message_dict.items())
    return " ".join(error.messages)


def _slugs(document: ParsedDocument) -> set[str]:
    return {link.source for claim in document.claims for link in claim.chain}


def _unknown_sources(documents: list[ParsedDocument]) -> list[str]:
    """A message for each source neither in the registry nor described by the file."""
    known = set(Source.objects.filter(slug__in={s for d in documents for s in _slugs(d)}).values_list("slug", flat=True))
    return [
        f"{document.where}: unknown source {slug!r} (not in the registry, and the file does not describe it)"
        for document in documents
        for slug in sorted(_slugs(document) - known - set(document.sources))
    ]


def _resolve_sources(documents: list[ParsedDocument], report: ImportReport, errors: list[str]) -> dict[str, Source]:
    """The sources of the file by slug; those the registry lacks are created from the file's
    description of them. Call inside the import's transaction, after ``_unknown_sources``."""
    found = {s.slug: s for s in Source.objects.filter(slug__in={s for d in documents for s in _slugs(d)})}
    for document in documents:
        for slug in sorted(_slugs(document) - set(found)):
            name, kind = document.sources[slug]
            try:
                found[slug] = services.source_create(name=name, kind=kind, slug=slug)
                report.sources_created += 1
            except ValidationError as exc:
                errors.append(f"{document.where}: source {slug!r}: {_message(exc)}")
    return found


def _chain_key(chain: Iterable[Any]) -> tuple:
    return tuple((link.position, link.source_id, link.mention_start, link.mention_end) for link in chain)


def annotations_import(*, data: bytes, fmt: str, user: "AbstractBaseUser") -> ImportReport:
    """Import one doccano or Label Studio file as draft claims of ``user``: all of it or nothing.

    Documents are matched by content hash or created; sources by slug, or created when the
    file describes them. A claim identical to one ``user`` already has (span, tag and chain)
    is skipped, so importing a file twice changes nothing. Raises ``AnnotationImportError``
    listing every bad line, or ``ValidationError`` (code ``permission``).
    """
    if fmt not in PARSERS:
        raise ValidationError({"format": f"Unknown import format {fmt!r}; one of {', '.join(IMPORT_FORMATS)}."})
    if not permissions.can_annotate(user):
        raise ValidationError("Only analysts can import annotations.", code="permission")
    documents, errors = PARSERS[fmt](data)
    errors += _unknown_sources(documents)
    if not documents and not errors:
        errors.append("the file holds no document")
    if errors:
        raise AnnotationImportError(_in_file_order(errors))
    report = ImportReport()
    with transaction.atomic():
        sources = _resolve_sources(documents, report, errors)
        for parsed in documents:
            try:
                _import_document(parsed, sources, user, report)
            except ValidationError as exc:
                errors.append(f"{parsed.where}: {_message(exc)}")
            except LineError as exc:
                errors.append(f"{parsed.where}: {exc}")
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise AnnotationImportError(_in_file_order(errors))
    return report


def _in_file_order(errors: list[str]) -> list[str]:
    def line(error: str) -> int:
        where, _, _ = error.partition(":")
        number = where.rpartition(" ")[2]
        return parse_int_or_none(number) or 0

    return sorted(errors, key=line)


def _import_document(parsed: ParsedDocument, sources: dict[str, Source], user: "AbstractBaseUser", report: ImportReport) -> None:
    document = Document.objects.filter(content_hash=services.content_hash(parsed.text)).first()
    if document is None:
        document = services.document_create(text=parsed.text, title=parsed.title, created_by=user)
        report.documents_created += 1
        existing: set[tuple] = set()
    else:
        report.documents_matched += 1
        existing = {
            (c.start, c.end, c.tag, _chain_key(sorted(c.attributions.all(), key=lambda a: a.position)))
            for c in Claim.objects.filter(document=document, annotator=user).prefetch_related("attributions")
        }
    problems = []
    for number, claim in enumerate(parsed.claims, 1):
        if any(link.source not in sources for link in claim.chain):
            continue  # already reported by _resolve_sources
        chain = [
            services.Link(
                source=sources[link.source],
                position=link.position,
                mention_start=link.mention[0] if link.mention else None,
                mention_end=link.mention[1] if link.mention else None,
            )
            for link in claim.chain
        ]
        key = (claim.start, claim.end, claim.tag, tuple((l.position, l.source.pk, l.mention_start, l.mention_end) for l in chain))
        if key in existing:
            report.claims_skipped += 1
            continue
        try:
            services.claim_create(
                document=document, user=user, start=claim.start, end=claim.end, tag=claim.tag, chain=chain
            )
        except ValidationError as exc:
            problems.append(f"claim {number} [{claim.start}, {claim.end}): {_message(exc)}")
            continue
        existing.add(key)
        report.claims_created += 1
    if problems:
        raise LineError("; ".join(problems))
