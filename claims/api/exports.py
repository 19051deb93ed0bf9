"""Streamed claim exports: jsonl, json, csv, w3c (Web Annotation JSON-LD), doccano, labelstudio.

How it stays fast and flat whatever the size:

- PostgreSQL builds every line (a claim's JSON with its chain, a CSV row, a W3C annotation, a
  doccano line, a Label Studio task) with its JSON functions, in C; Python makes no model
  instance and runs no serializer per row, it only joins the text PostgreSQL sends. The
  chains are aggregated once per query (grouped by claim, merge-joined in id order), not
  in a subquery per claim.
- Rows come through a server-side cursor (``DECLARE ... CURSOR``, Django's ``chunked_cursor``)
  in batches of ``chunk_size``; each batch is written before the next one is fetched, so
  memory holds one batch, and the first bytes leave before the query has produced its last
  row.
- Everything is read in one ``REPEATABLE READ, READ ONLY`` transaction: one consistent
  snapshot while others write. Closing the generator (the server closes the response when a
  client disconnects) runs the ``finally`` blocks: the cursor is closed, the transaction ends.

Shapes: ``jsonl``/``json``: the contract's claim plus ``review`` (the latest, or null). ``csv``:
``CSV_COLUMNS``, the chain flattened with `` > ``. ``w3c``: see ``W3C_ANNOTATION``. ``doccano`` and
``labelstudio``: see ``claims.interchange``, which reads them back.
"""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring as encode_json_string  # C, keeps non-ASCII as is
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.models import QuerySet
from psycopg import sql as psql

from claims.models import Attribution, Claim, Document, Review, Source

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"
CHUNK_SIZE = 2000
# Characters of context kept on each side of a W3C TextQuoteSelector.
QUOTE_CONTEXT = 32
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Terms this project adds to the W3C vocabulary: chain order, source kinds, claim status.
PROJECT_CONTEXT: dict[str, Any] = {
    "ann": "urn:x-claim-annotator:",
    "status": "ann:status",
    "version": "ann:version",
    "slug": "ann:slug",
    "kind": "ann:kind",
    "position": {"@id": "ann:position", "@type": "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"},
    "mention": {"@id": "ann:mention", "@type": "@id"},
}
# Contexts shipped with the project, so that JSON-LD processing never needs the network.
SHIPPED_CONTEXTS = {ANNO_CONTEXT: "anno.jsonld", "https://www.w3.org/ns/anno.jsonld": "anno.jsonld"}


def jsonld_document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A pyld document loader serving the W3C Web Annotation context from ``contexts/``.

    ``pyld.jsonld.expand(doc, {"documentLoader": jsonld_document_loader})``; any other URL is
    refused rather than fetched.
    """
    name = SHIPPED_CONTEXTS.get(url)
    if name is None:
        raise ValueError(f"{url}: not a context shipped with the project (no network access)")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads((CONTEXTS_DIR / name).read_text(encoding="utf-8")),
    }


# --- SQL ---------------------------------------------------------------------------------------
# Every query takes the selected claim ids as a subquery ``{ids}`` (the caller's scoping and
# filters, compiled by Django) and is formatted with the table names of ``_tables()``.
#
# JSON text is built by concatenation (``obj``, ``arr``) with ``to_json`` escaping the strings:
# about twice as fast as ``json_build_object``, whose per-argument type handling dominates
# (measured on 50,000 claims).


def _tables() -> dict[str, str]:
    return {
        "claim": Claim._meta.db_table,
        "attribution": Attribution._meta.db_table,
        "source": Source._meta.db_table,
        "review": Review._meta.db_table,
        "document": Document._meta.db_table,
        "user": get_user_model()._meta.db_table,
    }


PLACEHOLDER = re.compile(r"\{(\w+)\}")


def render(query: str, **values: str) -> str:
    """Fill ``{name}`` placeholders (table names, ``{ids}``, ``{base}``); other braces, those of
    the JSON text the query builds, stay as they are."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), query)


def s(expression: str) -> str:
    """A JSON string (escaped by PostgreSQL) of a text, timestamp or JSON expression."""
    return f"to_json({expression})::text"


def n(expression: str) -> str:
    """A JSON number of an integer expression."""
    return f"({expression})::text"


def lit(value: str) -> str:
    """A JSON string of a constant (ASCII, no quotes: keys, labels, types)."""
    return f"'\"{value}\"'"


def obj(*pairs: tuple[str, str]) -> str:
    """SQL for the text of a JSON object from (key, SQL for the value's JSON text) pairs.

    A NULL value gives ``null``; a key ending in ``?`` is left out when its value is NULL
    (never the first key).
    """
    parts = []
    for i, (key, value) in enumerate(pairs):
        separator = "{" if i == 0 else ", "
        if key.endswith("?"):
            parts.append(f"""COALESCE('{separator}"{key[:-1]}": ' || {value}, '')""")
        else:
            parts.append(f"""'{separator}"{key}": ' || COALESCE({value}, 'null')""")
    return "(" + " || ".join(parts) + " || '}')"


def arr(*values: str) -> str:
    """SQL for the text of a JSON array of the given values' JSON texts."""
    return "('[' || " + " || ', ' || ".join(values) + " || ']')"


def agg(value: str, order: str, *, where: str = "") -> str:
    """The values' JSON texts of a group, comma-separated (NULL when none): wrap in ``'[' ... ']'``."""
    condition = f" FILTER (WHERE {where})" if where else ""
    return f"string_agg({value}, ', ' ORDER BY {order}){condition}"


def listed(fragments: str) -> str:
    """A JSON array of comma-separated fragments, ``[]`` when NULL."""
    return f"('[' || COALESCE({fragments}, '') || ']')"


def region_id(claim: str, position: str | None = None) -> str:
    """``"claim-17"`` or ``"claim-17-0"``: the doccano and Label Studio ids, stable between exports."""
    return f"""('"claim-' || {claim}{f" || '-' || {position}" if position else ""} || '"')"""


# The registry's JSON strings, made once per source rather than once per link (OFFSET 0 keeps
# PostgreSQL from folding the subquery into the join, which would evaluate them per row).
SOURCES = f"""
  SELECT id, slug, name, kind, rating,
         {s("slug")} AS slug_json, {s("name")} AS name_json, {s("kind")} AS kind_json,
         {obj(("id", n("id")), ("slug", s("slug")), ("name", s("name")), ("kind", s("kind")))} AS source_json
  FROM {{source}} OFFSET 0
"""

# One row per link of a selected claim. A mention's text is cut from the claim's own text when
# it lies inside it (nearly always), so the document text is only read for the others.
# ``previous_mentioned``: the position of the previous link that has a mention (the doccano
# and Label Studio relations run claim -> mention -> mention...).
LINKS = f"""
  SELECT a.claim_id, a.position, a.mention_start, a.mention_end, ac.document_id,
         s.id AS source_id, s.slug, s.name, s.kind, s.rating, s.slug_json, s.name_json, s.kind_json, s.source_json,
         CASE WHEN a.mention_start IS NULL THEN NULL
              WHEN a.mention_start >= ac.start AND a.mention_end <= ac."end"
                THEN substr(ac.text, a.mention_start - ac.start + 1, a.mention_end - a.mention_start)
              ELSE (SELECT substr(md.text, a.mention_start + 1, a.mention_end - a.mention_start)
                    FROM {{document}} md WHERE md.id = ac.document_id)
         END AS mention_text,
         lag(a.position) OVER (PARTITION BY a.claim_id, a.mention_start IS NULL ORDER BY a.position)
           AS previous_mentioned
  FROM {{attribution}} a
  JOIN ({SOURCES}) s ON s.id = a.source_id
  JOIN {{claim}} ac ON ac.id = a.claim_id
  WHERE a.claim_id IN ({{ids}})
"""

# The latest review of each selected claim.
REVIEWS = """
  SELECT DISTINCT ON (r.claim_id) r.claim_id, r.decision, r.reason, r.comment, r.correction,
         r.created_at, ru.username AS reviewer
  FROM {review} r JOIN {user} ru ON ru.id = r.reviewer_id
  WHERE r.claim_id IN ({ids})
  ORDER BY r.claim_id, r.created_at DESC, r.id DESC
"""


def _claims_query(
    select: str, chain_aggregates: str, *, order: str | None = "c.id", with_reviews: bool = False, joins: str = ""
) -> str:
    """``SELECT {select}`` over the selected claims ``c`` with annotator ``u``, their links
    aggregated once per claim as ``ch`` (``chain_aggregates`` over links ``l``), and their
    latest review ``rv`` when asked."""
    reviews = f"LEFT JOIN ({REVIEWS}) rv ON rv.claim_id = c.id" if with_reviews else ""
    return f"""
SELECT {select}
FROM {{claim}} c
JOIN {{user}} u ON u.id = c.annotator_id
{joins}
LEFT JOIN (
  SELECT l.claim_id, {chain_aggregates}
  FROM ({LINKS}) l
  GROUP BY l.claim_id
) ch ON ch.claim_id = c.id
{reviews}
WHERE c.id IN ({{ids}})
{f"ORDER BY {order}" if order else ""}"""


# jsonl / json: the contract's claim, plus its latest review.
LINK_JSON = obj(
    ("position", n("l.position")),
    ("source", "l.source_json"),
    (
        "mention",
        "CASE WHEN l.mention_start IS NOT NULL THEN "
        + obj(("start", n("l.mention_start")), ("end", n("l.mention_end")), ("text", s("l.mention_text")))
        + " END",
    ),
)
REVIEW_JSON = "CASE WHEN rv.claim_id IS NOT NULL THEN " + obj(
    ("decision", s("rv.decision")),
    ("reason", s("rv.reason")),
    ("comment", s("rv.comment")),
    ("reviewer", s("rv.reviewer")),
    ("created_at", s("rv.created_at")),
    ("correction", "rv.correction::text"),
) + " END"
FLAGS_JSON = "array_to_json(c.flags)::text"  # ["caption"], ["vague"] or []
CLAIM_JSON = obj(
    ("id", n("c.id")),
    ("document", n("c.document_id")),
    ("start", n("c.start")),
    ("end", n('c."end"')),
    ("text", s("c.text")),
    ("tag", s("c.tag")),
    ("flags", FLAGS_JSON),
    ("attributions", listed("ch.chain")),
    ("status", s("c.status")),
    ("annotator", s("u.username")),
    ("version", n("c.version")),
    ("created_at", s("c.created_at")),
    ("updated_at", s("c.updated_at")),
    ("review", REVIEW_JSON),
)
CLAIMS_JSON_QUERY = _claims_query(CLAIM_JSON, f"{agg(LINK_JSON, 'l.position')} AS chain", with_reviews=True)


# csv: one row a claim, the chain flattened.
def _csv_text(expression: str) -> str:
    """A CSV cell for a text: quoted, and neutralised against spreadsheet formulas (a cell that
    starts with = + - @, tab or CR gets a leading apostrophe)."""
    value = f"COALESCE({expression}, '')"
    return (
        f"('\"' || replace(CASE WHEN left({value}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') "
        f"THEN '''' || {value} ELSE {value} END, '\"', '\"\"') || '\"')"
    )


def _iso(expression: str) -> str:
    return f"COALESCE(to_json({expression}) #>> ARRAY[]::text[], '')"  # ISO 8601, as in the JSON exports


CSV_COLUMNS = [
    "id", "document", "start", "end", "text", "tag", "status", "annotator", "version",
    "created_at", "updated_at", "chain_length", "chain_slugs", "chain_names", "chain_kinds",
    "chain_mentions", "review_decision", "review_reason", "review_comment", "reviewer", "reviewed_at",
    "chain_ratings",
    "flags",
]  # fmt: skip
FLAG_SEPARATOR = ";"
CHAIN_SEPARATOR = " > "
CSV_ROW = " || ',' || ".join(
    [
        "c.id", "c.document_id", "c.start", 'c."end"', _csv_text("c.text"), "c.tag", "c.status",
        _csv_text("u.username"), "c.version", _iso("c.created_at"), _iso("c.updated_at"),
        "COALESCE(ch.length, 0)", _csv_text("ch.slugs"), _csv_text("ch.names"), _csv_text("ch.kinds"),
        _csv_text("ch.mentions"), "COALESCE(rv.decision, '')", "COALESCE(rv.reason, '')",
        _csv_text("rv.comment"), _csv_text("rv.reviewer"), _iso("rv.created_at"),
        _csv_text("ch.ratings"),
        f"array_to_string(c.flags, '{FLAG_SEPARATOR}')",
    ]
)  # fmt: skip
CSV_CHAIN = f"""count(*) AS length,
  string_agg(l.slug, '{CHAIN_SEPARATOR}' ORDER BY l.position) AS slugs,
  string_agg(l.name, '{CHAIN_SEPARATOR}' ORDER BY l.position) AS names,
  string_agg(l.kind, '{CHAIN_SEPARATOR}' ORDER BY l.position) AS kinds,
  string_agg(COALESCE(l.mention_text, ''), '{CHAIN_SEPARATOR}' ORDER BY l.position) AS mentions,
  string_agg(l.rating, '{CHAIN_SEPARATOR}' ORDER BY l.position) AS ratings"""
CSV_QUERY = _claims_query(CSV_ROW, CSV_CHAIN, with_reviews=True)


# w3c: a claim as a W3C Web Annotation: the span as target (TextQuoteSelector with prefix and
# suffix, TextPositionSelector), the tag and each link of the chain as bodies. ``{base}`` is the
# API root as an SQL literal: ids are <base>claims/17/, <base>documents/3/, <base>sources/2/.
def _iri(kind: str, id_expression: str) -> str:
    return f"to_json({{base}} || '{kind}/' || {id_expression} || '/')::text"


W3C_SOURCE_TYPE = """CASE l.kind WHEN 'person' THEN '"Person"' WHEN 'news_outlet' THEN '"Organization"'
  WHEN 'institution' THEN '"Organization"' END"""
W3C_LINK_BODY = obj(
    ("type", lit("SpecificResource")),
    ("purpose", lit("identifying")),
    (
        "source",
        obj(
            ("id", _iri("sources", "l.source_id")),
            ("type?", W3C_SOURCE_TYPE),
            ("name", "l.name_json"),
            ("slug", "l.slug_json"),
            ("kind", "l.kind_json"),
        ),
    ),
    ("position", n("l.position")),
    (
        "mention?",
        "CASE WHEN l.mention_start IS NOT NULL THEN "
        + obj(
            ("type", lit("SpecificResource")),
            ("source", _iri("documents", "l.document_id")),
            (
                "selector",
                arr(
                    obj(("type", lit("TextQuoteSelector")), ("exact", s("l.mention_text"))),
                    obj(("type", lit("TextPositionSelector")), ("start", n("l.mention_start")), ("end", n("l.mention_end"))),
                ),
            ),
        )
        + " END",
    ),
)
W3C_ANNOTATION = obj(
    ("id", _iri("claims", "c.id")),
    ("type", lit("Annotation")),
    ("motivation", lit("classifying")),
    ("created", s("c.created_at")),
    ("modified", s("c.updated_at")),
    ("creator", obj(("type", lit("Person")), ("nickname", s("u.username")))),
    ("status", s("c.status")),
    ("version", n("c.version")),
    (
        "body",
        "('[' || "
        + obj(("type", lit("TextualBody")), ("purpose", lit("tagging")), ("value", s("c.tag")))
        # Each flag a tagging body of its own after the tag's: {"value": "caption"}.
        + " || COALESCE((SELECT string_agg(', ' || "
        + obj(("type", lit("TextualBody")), ("purpose", lit("tagging")), ("value", "to_json(f)::text"))
        + ", '' ORDER BY f) FROM unnest(c.flags) f), '')"
        + " || COALESCE(', ' || ch.bodies, '') || ']')",
    ),
    (
        "target",
        obj(
            ("source", _iri("documents", "c.document_id")),
            (
                "selector",
                arr(
                    # The prefix and suffix go where chr(1) stands (see _write_w3c).
                    obj(("type", lit("TextQuoteSelector")), ("exact", s("c.text") + " || chr(1)")),
                    obj(("type", lit("TextPositionSelector")), ("start", n("c.start")), ("end", n('c."end"'))),
                ),
            ),
        ),
    ),
)
W3C_QUERY = _claims_query(
    f'c.document_id, c.start, c."end", {W3C_ANNOTATION}',
    f"{agg(W3C_LINK_BODY, 'l.position')} AS bodies",
    order="c.document_id, c.id",
)
# The texts of the documents holding a selected claim, in the order of W3C_QUERY.
DOCUMENT_TEXTS = """
SELECT d.id, d.text FROM {document} d
WHERE d.id IN (SELECT sc.document_id FROM {claim} sc WHERE sc.id IN ({ids}))
ORDER BY d.id"""

# doccano: per claim, its label, its entity and those of its mentions, its relations and its
# unmentioned links, as JSON text fragments; per document, the fragments joined into a line.
DOCCANO_CHAIN = ", ".join(
    [
        agg(
            obj(
                ("id", region_id("l.claim_id", "l.position")),
                ("label", "l.slug_json"),
                ("start_offset", n("l.mention_start")),
                ("end_offset", n("l.mention_end")),
            ),
            "l.position",
            where="l.mention_start IS NOT NULL",
        )
        + " AS entities",
        agg(
            obj(
                ("id", """('"cites-' || l.claim_id || '-' || l.position || '"')"""),
                ("from_id", """('"claim-' || l.claim_id || COALESCE('-' || l.previous_mentioned, '') || '"')"""),
                ("to_id", region_id("l.claim_id", "l.position")),
                ("type", lit("cites")),
            ),
            "l.position",
            where="l.mention_start IS NOT NULL",
        )
        + " AS relations",
        agg(
            obj(("claim", region_id("l.claim_id")), ("position", n("l.position")), ("source", "l.slug_json")),
            "l.position",
            where="l.mention_start IS NULL",
        )
        + " AS unmentioned",
        "string_agg(l.source_id::text, ',') AS source_ids",
    ]
)
DOCCANO_CLAIM = f"""c.document_id, c.start, c."end", c.id,
  {arr(n("c.start"), n('c."end"'), s("upper(c.tag)"))} AS label,
  {obj(("id", region_id("c.id")), ("label", s("upper(c.tag)")), ("start_offset", n("c.start")), ("end_offset", n('c."end"')))}
    || COALESCE(', ' || ch.entities, '') AS entities,
  ch.relations, ch.unmentioned, ch.source_ids"""
DOCCANO_SOURCES = f"""(
    SELECT {agg(obj(("slug", s("ds.slug")), ("name", s("ds.name")), ("kind", s("ds.kind"))), "ds.slug")}
    FROM {{source}} ds
    WHERE ds.id IN (SELECT DISTINCT x::bigint FROM unnest(string_to_array(g.source_ids, ',')) x))"""
DOCCANO_QUERY = f"""
SELECT {obj(
    ("id", n("d.id")),
    ("title", s("d.title")),
    ("text", s("d.text")),
    ("label", listed("g.labels")),
    ("entities", listed("g.entities")),
    ("relations", listed("g.relations")),
    ("unmentioned_sources", listed("g.unmentioned")),
    ("sources", listed(DOCCANO_SOURCES)),
)}
FROM (
  SELECT pc.document_id,
         string_agg(pc.label, ', ' ORDER BY pc.start, pc."end", pc.id) AS labels,
         string_agg(pc.entities, ', ' ORDER BY pc.start, pc."end", pc.id) AS entities,
         string_agg(pc.relations, ', ' ORDER BY pc.start, pc."end", pc.id) AS relations,
         string_agg(pc.unmentioned, ', ' ORDER BY pc.start, pc."end", pc.id) AS unmentioned,
         string_agg(pc.source_ids, ',') AS source_ids
  FROM ({_claims_query(DOCCANO_CLAIM, DOCCANO_CHAIN, order=None)}) pc
  GROUP BY pc.document_id
) g
JOIN {{document}} d ON d.id = g.document_id
ORDER BY d.id"""

# Label Studio: per claim, its region, its mentions' regions and the relations between them;
# per document and annotator, one annotation; per document, one task.
LS_CHAIN = ", ".join(
    [
        agg(
            obj(
                ("id", region_id("l.claim_id", "l.position")),
                ("from_name", lit("source")),
                ("to_name", lit("text")),
                ("type", lit("labels")),
                (
                    "value",
                    obj(
                        ("start", n("l.mention_start")),
                        ("end", n("l.mention_end")),
                        ("text", s("l.mention_text")),
                        ("labels", "'[\"SOURCE\"]'"),
                    ),
                ),
                ("meta", obj(("source", "l.slug_json"), ("name", "l.name_json"), ("kind", "l.kind_json"))),
            )
            + " || ', ' || "
            + obj(
                ("type", lit("relation")),
                ("from_id", """('"claim-' || l.claim_id || COALESCE('-' || l.previous_mentioned, '') || '"')"""),
                ("to_id", region_id("l.claim_id", "l.position")),
                ("direction", lit("right")),
                ("labels", "'[\"cites\"]'"),
            ),
            "l.position",
            where="l.mention_start IS NOT NULL",
        )
        + " AS results",
        agg(
            obj(("position", n("l.position")), ("slug", "l.slug_json"), ("name", "l.name_json"), ("kind", "l.kind_json")),
            "l.position",
            where="l.mention_start IS NULL",
        )
        + " AS unmentioned",
    ]
)
LS_CLAIM = f"""c.document_id, u.username, c.start, c."end", c.id,
  {obj(
    ("id", region_id("c.id")),
    ("from_name", lit("tag")),
    ("to_name", lit("text")),
    ("type", lit("labels")),
    ("value", obj(("start", n("c.start")), ("end", n('c."end"')), ("text", s("c.text")), ("labels", arr(s("upper(c.tag)"))))),
    (
        "meta?",
        "CASE WHEN ch.unmentioned IS NOT NULL OR cardinality(c.flags) > 0 THEN "
        + obj(("unmentioned_sources", listed("ch.unmentioned")), ("flags", FLAGS_JSON))
        + " END",
    ),
  )} || COALESCE(', ' || ch.results, '') AS results"""
LS_QUERY = f"""
SELECT {obj(
    ("id", n("d.id")),
    ("data", obj(("text", s("d.text")), ("title", s("d.title")), ("document", n("d.id")))),
    ("annotations", listed("g.annotations")),
)}
FROM (
  SELECT pa.document_id, string_agg(pa.annotation, ', ' ORDER BY pa.username) AS annotations
  FROM (
    SELECT pc.document_id, pc.username,
           {obj(("created_username", s("pc.username")), ("result", listed('string_agg(pc.results, \', \' ORDER BY pc.start, pc."end", pc.id)')))}
             AS annotation
    FROM ({_claims_query(LS_CLAIM, LS_CHAIN, order=None)}) pc
    GROUP BY pc.document_id, pc.username
  ) pa
  GROUP BY pa.document_id
) g
JOIN {{document}} d ON d.id = g.document_id
ORDER BY d.id"""


def ids_subquery(claims: QuerySet) -> tuple[str, tuple[Any, ...]]:
    """The SQL (and parameters) selecting the ids of ``claims``, filters and scoping included."""
    query = claims.order_by().values("pk").query
    try:
        sql, params = query.get_compiler(using=claims.db).as_sql()
    except EmptyResultSet:  # e.g. .none(): nothing can match
        return "SELECT NULL::bigint WHERE false", ()
    return sql, tuple(params)


# --- reading -----------------------------------------------------------------------------------


@contextmanager
def read_snapshot(using: str = "default") -> Iterator[Any]:
    """A read-only transaction that sees one snapshot of the database from its first query on.

    Inside an outer transaction (tests, a caller's ``atomic``) that transaction's snapshot is used.
    """
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            if outermost:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            # JIT compiling these row-building queries costs more than it saves (0.23 s of
            # 1.05 s for 50,000 claims, measured); the per-document formats sort every claim,
            # which spills to disk under the default 4 MB.
            cursor.execute("SET LOCAL jit = off")
            cursor.execute("SET LOCAL work_mem = '64MB'")
        yield connection


def fetch_batches(connection: Any, sql: str, params: tuple[Any, ...], chunk_size: int) -> Iterator[list[tuple]]:
    """Rows of ``sql`` from a server-side cursor, ``chunk_size`` at a time; the cursor is closed
    however the iteration ends (exhausted, error, or the generator closed early)."""
    cursor = connection.chunked_cursor()
    try:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(chunk_size):
            yield rows
    finally:
        cursor.close()


# --- formats -----------------------------------------------------------------------------------


@dataclass(slots=True)
class ExportContext:
    connection: Any
    ids_sql: str
    ids_params: tuple[Any, ...]
    base_url: str
    chunk_size: int

    def rows(self, query: str, *, chunk_size: int | None = None, **values: str) -> Iterator[list[tuple]]:
        """Batches of rows of ``query`` (formatted with the tables, the selected ids and ``values``)."""
        sql = render(query, ids=self.ids_sql, **_tables(), **values)
        # Each {ids} takes the subquery's parameters again, in order.
        params = self.ids_params * query.count("{ids}")
        return fetch_batches(self.connection, sql, params, chunk_size or self.chunk_size)

    def lines(
        self, query: str, *, chunk_size: int | None = None, separator: str = "\n", **values: str
    ) -> Iterator[str]:
        """The single text column of ``query``, one batch joined by ``separator`` per chunk."""
        for rows in self.rows(query, chunk_size=chunk_size, **values):
            yield separator.join(row[0] for row in rows)

    def count(self) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({self.ids_sql}) ids", self.ids_params)
            return cursor.fetchone()[0]

    def literal(self, value: str) -> str:
        """``value`` as an SQL string literal, quoted by psycopg (``%`` doubled for the
        client-side parameter binding of the query it goes into)."""
        self.connection.ensure_connection()
        return psql.Literal(value).as_string(self.connection.connection).replace("%", "%%")



def _write_jsonl(ctx: ExportContext) -> Iterator[str]:
    for lines in ctx.lines(CLAIMS_JSON_QUERY):
        yield lines + "\n"


def _json_array(chunks: Iterator[str], head: str = "[", tail: str = "\n]\n") -> Iterator[str]:
    """A JSON array of items given as chunks of items already joined by ",\\n"."""
    yield head
    separator = "\n"
    for items in chunks:
        yield separator + items
        separator = ",\n"
    yield tail


def _write_json(ctx: ExportContext) -> Iterator[str]:
    return _json_array(ctx.lines(CLAIMS_JSON_QUERY, separator=",\n"))


def _write_csv(ctx: ExportContext) -> Iterator[str]:
    yield ",".join(CSV_COLUMNS) + "\r\n"
    for lines in ctx.lines(CSV_QUERY):
        yield lines.replace("\n", "\r\n") + "\r\n"


def _write_w3c(ctx: ExportContext) -> Iterator[str]:
    collection = f"{ctx.base_url}export/claims/?format=w3c"
    head = {
        "@context": [ANNO_CONTEXT, PROJECT_CONTEXT],
        "id": collection,
        "type": "AnnotationCollection",
        "label": "Claims and their attribution chains",
        "total": ctx.count(),
    }
    page = {"id": f"{collection}#page-1", "type": "AnnotationPage", "partOf": collection, "startIndex": 0}
    # The collection's head, then the page's head, then the annotations as they come.
    start = json.dumps(head, ensure_ascii=False)[:-1] + ', "first": ' + json.dumps(page)[:-1] + ', "items": ['
    return _json_array(_w3c_items(ctx), head=start, tail="\n]}}\n")


def _w3c_items(ctx: ExportContext) -> Iterator[str]:
    """The annotations, a batch per chunk, each quote given its prefix and suffix here: Python
    slices the text in constant time, where PostgreSQL's substr() walks the UTF-8 from the
    start (half the export's time, measured). Claims and document texts come in document
    order from two cursors of the same snapshot."""
    documents = (row for rows in ctx.rows(DOCUMENT_TEXTS, chunk_size=max(1, ctx.chunk_size // 10)) for row in rows)
    document_id, text = None, ""
    for rows in ctx.rows(W3C_QUERY, base=ctx.literal(ctx.base_url)):
        items = []
        for claim_document, claim_start, claim_end, annotation in rows:
            while document_id != claim_document:
                document_id, text = next(documents)
            quote, rest = annotation.split("\x01", 1)
            items += (
                quote,
                ', "prefix": ',
                encode_json_string(text[max(0, claim_start - QUOTE_CONTEXT) : claim_start]),
                ', "suffix": ',
                encode_json_string(text[claim_end : claim_end + QUOTE_CONTEXT]),
                rest,
                ",\n",
            )
        yield "".join(items[:-1])


def _write_doccano(ctx: ExportContext) -> Iterator[str]:
    for lines in ctx.lines(DOCCANO_QUERY, chunk_size=max(1, ctx.chunk_size // 10)):
        yield lines + "\n"


def _write_labelstudio(ctx: ExportContext) -> Iterator[str]:
    return _json_array(ctx.lines(LS_QUERY, chunk_size=max(1, ctx.chunk_size // 10), separator=",\n"))


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    content_type: str
    extension: str
    write: Callable[[ExportContext], Iterator[str]]


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("jsonl", "application/x-ndjson", "jsonl", _write_jsonl),
        ExportFormat("json", "application/json", "json", _write_json),
        ExportFormat("csv", "text/csv", "csv", _write_csv),
        ExportFormat("w3c", "application/ld+json", "jsonld", _write_w3c),
        ExportFormat("doccano", "application/x-ndjson", "jsonl", _write_doccano),
        ExportFormat("labelstudio", "application/json", "json", _write_labelstudio),
    )
}


def export_claims(
    *, claims: QuerySet, fmt: str, base_url: str = "http://127.0.0.1:8000/api/v1/", chunk_size: int | None = None
) -> Iterator[str]:
    """The claims of ``claims`` (already scoped and filtered) in format ``fmt``, as text chunks.

    A generator: nothing runs until the first chunk is asked for, and closing it early frees
    the cursor and ends the transaction. ``base_url`` (the API root, ending in ``/``) prefixes
    the ids of the W3C export.
    """
    export_format = FORMATS[fmt]
    ids_sql, ids_params = ids_subquery(claims)
    with read_snapshot(claims.db) as connection:
        yield from export_format.write(ExportContext(connection, ids_sql, ids_params, base_url, chunk_size or CHUNK_SIZE))
