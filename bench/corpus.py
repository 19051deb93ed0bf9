"""A synthetic French-news corpus for the benchmarks, loaded with COPY.

Documents of ~1,500 characters are made from the seed articles' sentence shapes (their
words reshuffled among names, places and numbers), with accents and some emoji; ~5 claims
per document with chains of 1-3 registry sources. Offsets are computed while the text is
built, so the load needs no segmentation (B5 measures that separately).
"""

from __future__ import annotations

import hashlib
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EMOJI = ["🚀", "🇮🇶", "📰", "🔥", "✅", "👍🏽", "🕊️"]
NAMES = [
    "al-Anbar", "Falloujah", "Mossoul", "Kirkouk", "Ninive", "Salaheddine", "Diyala", "Hassaké",
    "Deir ez-Zor", "Tal Afar", "Qayrawan", "Raqqa", "Bagdad", "Erbil", "Bassora", "Téhéran",
    "Yahya Rassoul", "Qassem Mosleh", "Joe Dunford", "Haider al-Abadi", "Ahmad Nasrallah",
    "Mehr", "Al-Sumaria", "PressTV", "l’AFP", "Reuters", "Al-Mayadeen", "CNN", "SANA",
]


@dataclass
class Shapes:
    """Sentence shapes taken from the seed articles' body sentences."""

    sentences: list[str] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)

    @classmethod
    def from_seeds(cls) -> "Shapes":
        from claims.text.segmentation import LineKind, segment_text

        shapes = cls()
        for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            for segment in segment_text(text):
                sentence = segment.text_of(text)
                if segment.kind == LineKind.BODY and 40 <= len(sentence) <= 400:
                    shapes.sentences.append(sentence)
                elif segment.kind == LineKind.HEADLINE:
                    shapes.headlines.append(sentence)
        return shapes


def _vary(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    for i, word in enumerate(words):
        if word[:1].isupper() and i and rng.random() < 0.3:
            words[i] = rng.choice(NAMES)
        elif word.isdigit():
            words[i] = str(rng.randint(2, 999))
    if rng.random() < 0.08:
        words.insert(rng.randrange(1, len(words)), rng.choice(EMOJI))
    return " ".join(words)


@dataclass
class SyntheticDocument:
    title: str
    text: str
    sentences: list[tuple[int, int, str]]  # (start, end, kind), code points


def make_document(shapes: Shapes, rng: random.Random, *, target_chars: int = 1500, serial: int = 0) -> SyntheticDocument:
    title = f"{_vary(rng.choice(shapes.headlines), rng)} ({serial})"
    text = title + "\n"
    sentences = [(0, len(title), "headline")]
    in_paragraph = 0
    while len(text) < target_chars:
        sentence = _vary(rng.choice(shapes.sentences), rng)
        if in_paragraph == 3:
            text = text.rstrip(" ") + "\n"
            in_paragraph = 0
        start = len(text)
        text += sentence + " "
        sentences.append((start, start + len(sentence), "body"))
        in_paragraph += 1
    return SyntheticDocument(title=title, text=text.rstrip(" ") + "\n", sentences=sentences)


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _reserve_ids(cursor, table: str, count: int) -> list[int]:
    cursor.execute(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)", [count])
    return [row[0] for row in cursor.fetchall()]


def load(
    connection,
    *,
    documents: int,
    claims_per_document: int = 5,
    annotator_ids: list[int],
    source_ids: list[int],
    seed: int = 7,
    sentences_per_document: int | None = None,
    target_chars: int = 1500,
) -> list[int]:
    """COPY ``documents`` synthetic documents with their sentences, claims and chains.

    ``connection`` is a psycopg connection. Audit triggers are skipped during the load
    (session_replication_role) since this is bulk fixture data, not user edits.
    Returns the new document ids.
    """
    rng = random.Random(seed + documents)
    shapes = Shapes.from_seeds()
    target = target_chars if sentences_per_document is None else 10**9
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        doc_ids = _reserve_ids(cursor, "claims_document", documents)
        docs, sentence_rows, claim_rows, attribution_rows = [], [], [], []
        claim_specs = []
        for doc_id in doc_ids:
            if sentences_per_document is None:
                doc = make_document(shapes, rng, target_chars=target, serial=doc_id)
            else:
                doc = make_document_with_sentences(shapes, rng, sentences_per_document, serial=doc_id)
            docs.append((doc_id, doc))
            for index, (start, end, kind) in enumerate(doc.sentences):
                sentence_rows.append((doc_id, index, start, end, kind))
            body = [s for s in doc.sentences if s[2] == "body"]
            for start, end, _ in rng.sample(body, min(claims_per_document, len(body))):
                claim_specs.append((doc_id, doc, start, end))
        claim_ids = _reserve_ids(cursor, "claims_claim", len(claim_specs))
        statuses = ["draft", "draft", "submitted", "approved", "rejected"]
        for claim_id, (doc_id, doc, start, end) in zip(claim_ids, claim_specs):
            sourced = rng.random() < 0.7
            claim_rows.append(
                (claim_id, doc_id, start, end, doc.text[start:end], "sourced" if sourced else "unsourced",
                 rng.choice(statuses), rng.choice(annotator_ids), 1)
            )
            if sourced:
                for position, source_id in enumerate(rng.sample(source_ids, rng.randint(1, 3))):
                    mention = (start, start + min(10, end - start)) if position == 0 else (None, None)
                    attribution_rows.append((claim_id, position, source_id, *mention))
        _copy(
            cursor, "claims_document",
            ["id", "title", "text", "language", "url", "content_hash", "created_at", "suggestion_state"],
            ((i, d.title, d.text, "fr", "", hashlib.sha256(d.text.encode()).hexdigest(), "now", "none") for i, d in docs),
        )
        _copy(cursor, "claims_sentence", ["document_id", "index", "start", '"end"', "kind"], sentence_rows)
        _copy(
            cursor, "claims_claim",
            ["id", "document_id", "start", '"end"', "text", "tag", "status", "annotator_id", "version",
             "created_at", "updated_at", "flags"],
            (row + ("now", "now", "{}") for row in claim_rows),
        )
        _copy(
            cursor, "claims_attribution",
            ["claim_id", "position", "source_id", "mention_start", "mention_end"], attribution_rows,
        )
        cursor.execute("SET session_replication_role = DEFAULT")
    connection.commit()
    return doc_ids


def make_document_with_sentences(shapes: Shapes, rng: random.Random, count: int, *, serial: int) -> SyntheticDocument:
    """A long document (B2's annotate page): exactly ``count`` sentences after the title."""
    doc = make_document(shapes, rng, target_chars=0, serial=serial)
    text, sentences = doc.title + "\n", [(0, len(doc.title), "headline")]
    for i in range(count):
        if i and i % 3 == 0:
            text = text.rstrip(" ") + "\n"
        sentence = _vary(rng.choice(shapes.sentences), rng)
        sentences.append((len(text), len(text) + len(sentence), "body"))
        text += sentence + " "
    return SyntheticDocument(title=doc.title, text=text.rstrip(" ") + "\n", sentences=sentences)


def texts_for_import(count: int, *, seed: int = 11) -> list[str]:
    """Fresh article texts (not in the corpus) for the import benchmark."""
    rng = random.Random(seed)
    shapes = Shapes.from_seeds()
    return [make_document(shapes, rng, serial=10**8 + i).text for i in range(count)]


def jsonl(texts: list[str]) -> bytes:
    import json

    buffer = io.StringIO()
    for text in texts:
        buffer.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return buffer.getvalue().encode("utf-8")


def drop_documents_after(connection, last_id: int) -> int:
    """Delete the documents with an id above ``last_id`` and every row that refers to them, at
    any depth (found in the catalog), so that an import measurement leaves the corpus at its
    size for the measurements after it. Triggers are skipped, as for the load. Returns the
    number of documents deleted."""
    references = """
        SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1
    """
    with connection.cursor() as cursor:
        cursor.execute(references)
        referring: dict[str, list[tuple[str, str]]] = {}
        for table, column, target in cursor.fetchall():
            referring.setdefault(target.strip('"'), []).append((table.strip('"'), column))

        def drop(table: str, where: str, params: list, depth: int = 0) -> int:
            for child, column in referring.get(table, []):
                if child != table and depth < 6:  # no cycle among these tables; a guard anyway
                    drop(child, f'"{column}" IN (SELECT id FROM {table} WHERE {where})', params, depth + 1)
            cursor.execute(f"DELETE FROM {table} WHERE {where}", params)
            return cursor.rowcount

        cursor.execute("SET session_replication_role = replica")
        deleted = drop("claims_document", "id > %s", [last_id])
        cursor.execute("SET session_replication_role = DEFAULT")
    connection.commit()
    # The deleted rows' dead tuples and index entries would otherwise be scanned by what is
    # measured next (B6's search read 15,000 heap blocks for two live rows after B8 and B5).
    autocommit, connection.autocommit = connection.autocommit, True
    try:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) claims_document, claims_claim, claims_attribution, claims_sentence")
    finally:
        connection.autocommit = autocommit
    return deleted
