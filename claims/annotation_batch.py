"""Annotation imports (doccano, Label Studio, our own JSONL), checked whole, then written set-wise.

One file is one transaction: all of it is stored, or nothing. The work runs in two passes over
the file, so that a file of any size is never held in memory whole:

1. **Check.** Every line is parsed (``claims.interchange``) and every claim is put through the
   rules of the single-claim service (``services.claim_check``, ``services.validate_text``),
   sources are looked up in the registry once. Every bad line is reported; nothing is written.
2. **Write.** In one transaction and one audit context (who imported, when, from which file),
   in chunks of documents: the new documents, their claims and their chains go in with COPY
   under ids taken from the sequences in one query, so that no row is read back. The audit
   triggers fire for COPY rows as for any insert. After commit, the sentences (``claims.segmenting``)
   and the suggestions are queued, each in one statement.

Documents are matched by content hash (our own JSONL names them by id); a claim that the user
already has (same span, tag and chain) is skipped, so importing a file twice changes nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pghistory
import pghistory.config
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from claims import permissions, services
from claims.interchange import (
    IMPORT_FORMATS,
    READERS,
    AnnotationImportError,
    ImportReport,
    Input,
    ParsedDocument,
    in_file_order,
)
from claims.models import Attribution, Claim, ClaimStatus, Document, Source, SuggestionState
from claims.querysets import search_vectors_later
from claims.signals import documents_stored
from claims.text.segmentation import provisional_title

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

CHUNK = 1000  # documents written per round: bounded memory, few statements
# Up to this many bytes of text (UTF-8) the check pass keeps what it parsed for the write pass,
# which then does not parse the file again; a larger file is read twice. The texts are kept
# encoded (a French text takes about a byte a character, against two or four as a str); with
# the parsed claims a kept file costs about 40 MB at most (at 48 MiB a 100 MiB upload grew the
# server by 112 MiB before letting go of what it had kept).
KEEP_BYTES = 24 * 2**20
# progress(phase, done, total): phase is "checking" or "storing"; total is None while unknown.
Progress = Callable[[str, int, int | None], None]


def _message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{key}: {' '.join(msgs)}" for key, msgs in error.message_dict.items())
    return " ".join(error.messages)


@dataclass(slots=True)
class _Plan:
    """What the check pass learnt about the file, small whatever the file's size."""

    items: int = 0  # documents (lines or tasks) read
    hashes: Counter = field(default_factory=Counter)  # content hash -> documents in the file
    used: set[str] = field(default_factory=set)  # source slugs the chains use
    described: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # slug -> (name, kind, where)
    # What the check pass parsed, each text as UTF-8 bytes (``kept``); None once the file is too large.
    kept: list[tuple[ParsedDocument, bytes]] | None = field(default_factory=list)
    kept_bytes: int = 0


def _chain_links(parsed_claim, sources: dict[str, Source]) -> list[services.Link]:
    return [
        services.Link(
            source=sources[link.source],
            position=link.position,
            mention_start=link.mention[0] if link.mention else None,
            mention_end=link.mention[1] if link.mention else None,
        )
        for link in parsed_claim.chain
    ]


def _check(items: Iterable, registry: dict[str, Source], progress: Progress | None) -> tuple[_Plan, list[str]]:
    """Pass 1: every line through the parsers and the single-claim rules; nothing written."""
    plan, errors = _Plan(), []
    for item in items:
        plan.items += 1
        if progress is not None and plan.items % 500 == 0:
            progress("checking", plan.items, None)
        if isinstance(item, str):
            errors.append(item)
            continue
        problems = _check_document(item, registry)
        if problems:
            errors.append(f"{item.where}: {'; '.join(problems)}")
            continue
        if item.document_id is None:
            plan.hashes[services.content_hash(item.text)] += 1
        for claim in item.claims:
            plan.used.update(link.source for link in claim.chain)
        for slug, (name, kind) in item.sources.items():
            plan.described.setdefault(slug, (name, kind, item.where))
        if plan.kept is not None:
            encoded = item.text.encode("utf-8")
            plan.kept_bytes += len(encoded)
            if plan.kept_bytes > KEEP_BYTES:
                plan.kept = None
            else:
                item.text = ""
                plan.kept.append((item, encoded))
    return plan, errors


def _kept_documents(plan: _Plan) -> Iterator[ParsedDocument]:
    """The documents the check pass kept, texts decoded again, each let go once handed out."""
    items = plan.kept
    items.reverse()
    while items:
        item, encoded = items.pop()
        item.text = encoded.decode("utf-8")
        yield item


@dataclass(frozen=True, slots=True)
class _TextOnly:
    """What the claim rules read of a document: its text (a model instance costs 50 µs to make)."""

    text: str


def _check_document(parsed: ParsedDocument, registry: dict[str, Source]) -> list[str]:
    """The problems of one parsed document under the services' rules (empty: none)."""
    if parsed.document_id is None:
        try:
            services.validate_text(parsed.text)
        except ValidationError as exc:
            return [_message(exc)]
    cited = {link.source for claim in parsed.claims for link in claim.chain}
    unknown = sorted(slug for slug in cited if slug not in registry and slug not in parsed.sources)
    if unknown:
        return [
            f"unknown source {slug!r} (not in the registry, and the file does not describe it)" for slug in unknown
        ]
    sources = registry
    if parsed.sources:  # sources the file describes stand in, unsaved, for the rules (which only need a name)
        sources = {**{slug: Source(slug=slug, name=name, kind=kind) for slug, (name, kind) in parsed.sources.items()}, **registry}
    document = _TextOnly(parsed.text)
    problems = []
    for number, claim in enumerate(parsed.claims, 1):
        try:
            services.claim_check(
                document=document, start=claim.start, end=claim.end, tag=claim.tag, chain=_chain_links(claim, sources)
            )
        except ValidationError as exc:
            problems.append(f"claim {number} [{claim.start}, {claim.end}): {_message(exc)}")
    return problems


def _create_sources(plan: _Plan, registry: dict[str, Source], report: ImportReport) -> list[str]:
    """The sources the chains use that the registry lacks, from the file's description."""
    errors = []
    for slug in sorted(plan.used - set(registry)):
        name, kind, where = plan.described[slug]
        try:
            registry[slug] = services.source_create(name=name, kind=kind, slug=slug)
            report.sources_created += 1
        except ValidationError as exc:
            errors.append(f"{where}: source {slug!r}: {_message(exc)}")
    return errors


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        if isinstance(item, str):  # cannot happen after a clean check pass
            raise AnnotationImportError([item])
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _next_ids(cursor, table: str, count: int) -> list[int]:
    """``count`` fresh primary keys of ``table`` in one query: rows go in by COPY with their ids,
    so nothing has to be read back to link claims to documents and chains to claims."""
    if not count:
        return []
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count]
    )
    return [row[0] for row in cursor.fetchall()]


def _claim_key(start: int, end: int, tag: str, chain: Iterable[tuple[int, int, int | None, int | None]]) -> tuple:
    return (start, end, tag, tuple(sorted(chain)))


class _Writer:
    """Pass 2: the chunks of a checked file into the database (inside the import's transaction)."""

    def __init__(self, *, user: "AbstractBaseUser", plan: _Plan, sources: dict[str, Source], report: ImportReport):
        self.user, self.plan, self.sources, self.report = user, plan, sources, report
        self.now = None
        # Documents that may be met more than once (stored before, or twice in the file): the
        # keys of the user's claims on them, so that the same claim is never stored twice.
        self.known: dict[int, set[tuple]] = {}
        self.by_hash: dict[str, int | None] = {}  # content hash -> id, documents matched or made so far
        self.created: list[int] = []

    def write(self, chunk: list[ParsedDocument]) -> None:
        with connection.cursor() as cursor:
            if self.now is None:
                cursor.execute("SELECT now()")  # the transaction's time: one timestamp for the import
                self.now = cursor.fetchone()[0]
            document_ids = self._documents(cursor, chunk)
            self._load_known([i for i in set(document_ids) if i in self.known and self.known[i] is None])
            claims, links = [], []
            for parsed, document_id in zip(chunk, document_ids):
                seen = self.known.get(document_id)
                local: set[tuple] = set() if seen is None else seen
                for claim in parsed.claims:
                    chain = [(l.position, self.sources[l.source].pk, *(l.mention or (None, None))) for l in claim.chain]
                    key = _claim_key(claim.start, claim.end, claim.tag, chain)
                    if key in local:
                        self.report.claims_skipped += 1
                        continue
                    local.add(key)
                    claims.append((document_id, claim.start, claim.end, parsed.text[claim.start : claim.end], claim.tag))
                    links.append(chain)
            claim_ids = _next_ids(cursor, Claim._meta.db_table, len(claims))
            user_id, now, draft = self.user.pk, self.now, ClaimStatus.DRAFT
            with cursor.cursor.copy(
                'COPY claims_claim (id, document_id, start, "end", text, tag, status, annotator_id, version,'
                " created_at, updated_at, flags) FROM STDIN"
            ) as copy:
                for claim_id, (document_id, start, end, text, tag) in zip(claim_ids, claims):
                    copy.write_row((claim_id, document_id, start, end, text, tag, draft, user_id, 1, now, now, "{}"))
            with cursor.cursor.copy(
                f"COPY {Attribution._meta.db_table} (claim_id, position, source_id, mention_start, mention_end) FROM STDIN"
            ) as copy:
                for claim_id, chain in zip(claim_ids, links):
                    for link in chain:
                        copy.write_row((claim_id, *link))
            self.report.claims_created += len(claims)

    def _documents(self, cursor, chunk: list[ParsedDocument]) -> list[int]:
        """The id of each parsed document: matched by id or content hash, or made (COPY)."""
        hashes = [None if p.document_id is not None else services.content_hash(p.text) for p in chunk]
        wanted = {h for h in hashes if h is not None and h not in self.by_hash}
        if wanted:
            for digest, pk in Document.objects.filter(content_hash__in=wanted).values_list("content_hash", "pk"):
                self.by_hash[digest] = pk
                self.known[pk] = None  # stored before: its claims are read when first met
        ids: list[int | None] = []  # None: made in this chunk, its id known below
        new: list[tuple[ParsedDocument, str]] = []
        for parsed, digest in zip(chunk, hashes):
            if parsed.document_id is not None:
                ids.append(parsed.document_id)
                self.known.setdefault(parsed.document_id, None)
                self.report.documents_matched += 1
            elif digest in self.by_hash:
                ids.append(self.by_hash[digest])  # None if made earlier in this chunk
                self.report.documents_matched += 1
            else:
                ids.append(None)
                new.append((parsed, digest))
                self.by_hash[digest] = None
        new_ids = iter(_next_ids(cursor, Document._meta.db_table, len(new)))
        creator = self.user.pk
        rows = []
        for parsed, digest in new:
            pk = next(new_ids)
            self.by_hash[digest] = pk
            if self.plan.hashes[digest] > 1:
                self.known[pk] = set()  # met again later in this file
            # The title found by the segmenter, the publisher (from a "SOURCE: ..." line) and the
            # search vector come with the sentences, after commit.
            title = services.stored_title(parsed.title, provisional_title(parsed.text))
            rows.append((pk, title, parsed.text, "fr", None, "", None, digest, creator,
                         self.now, SuggestionState.QUEUED))
            self.created.append(pk)
        if rows:
            with cursor.cursor.copy(
                "COPY claims_document (id, title, text, language, publisher_id, url, published_at, content_hash,"
                " created_by_id, created_at, suggestion_state) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
            self.report.documents_created += len(rows)
        return [pk if pk is not None else self.by_hash[digest] for pk, digest in zip(ids, hashes)]

    def _load_known(self, document_ids: list[int]) -> None:
        """The keys of the user's claims on documents stored before the import (two queries)."""
        if not document_ids:
            return
        for pk in document_ids:
            self.known[pk] = set()
        claims = Claim.objects.filter(document_id__in=document_ids, annotator=self.user).prefetch_related("attributions")
        for claim in claims:
            chain = [(a.position, a.source_id, a.mention_start, a.mention_end) for a in claim.attributions.all()]
            self.known[claim.document_id].add(_claim_key(claim.start, claim.end, claim.tag, chain))


def _set_audit_context(context) -> None:
    """Name the import's audit context for the whole transaction. pghistory adds it to each
    statement Django runs; COPY bypasses that, so it is set once here (``SET LOCAL``)."""
    metadata = json.dumps(context.metadata, cls=pghistory.config.json_encoder())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pghistory.context_id', %s, true), set_config('pghistory.context_metadata', %s, true)",
            [str(context.id), metadata],
        )


def annotations_import(
    *,
    fmt: str,
    user: "AbstractBaseUser",
    data: bytes | None = None,
    path: Input | None = None,
    name: str = "",
    via: str = "",
    progress: Progress | None = None,
) -> ImportReport:
    """Import one file (``data``, or the file at ``path``) as draft claims of ``user``: all or nothing.

    ``name`` (the file's) and ``via`` (the endpoint or command) go into the audit context with the
    user. Raises ``AnnotationImportError`` listing every bad line (or task), or ``ValidationError``
    (code ``permission``, or for an unknown format).
    """
    if fmt not in READERS:
        raise ValidationError({"format": f"Unknown import format {fmt!r}; one of {', '.join(IMPORT_FORMATS)}."})
    if not permissions.can_annotate(user):
        raise ValidationError("Only analysts can import annotations.", code="permission")
    source = data if data is not None else path
    read = READERS[fmt]
    registry = {s.slug: s for s in Source.objects.only("pk", "slug", "name", "kind")}
    plan, errors = _check(read(source), registry, progress)
    if plan.items == 0 and not errors:
        errors.append("the file holds no document")
    if errors:
        raise AnnotationImportError(in_file_order(errors))
    report = ImportReport()
    with transaction.atomic(), pghistory.context(
        user=user.pk, url=via, operation="import annotations", file=name, format=fmt
    ) as context:
        _set_audit_context(context)
        errors = _create_sources(plan, registry, report)
        if errors:
            transaction.set_rollback(True)
        else:
            writer = _Writer(user=user, plan=plan, sources=registry, report=report)
            done = 0
            with search_vectors_later():  # the segmentation task computes them
                for chunk in _chunks(_kept_documents(plan) if plan.kept is not None else read(source), CHUNK):
                    writer.write(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress("storing", done, plan.items)
            created = writer.created
            transaction.on_commit(lambda: _after_import(created))
    if errors:
        raise AnnotationImportError(in_file_order(errors))
    return report


def _after_import(document_ids: list[int]) -> None:
    """Announce the new documents, stored without their sentences: the tasks queue those, then
    the suggestions (``claims.tasks``)."""
    documents_stored.send(sender=Document, document_ids=document_ids, prepared=False)
