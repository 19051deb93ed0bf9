"""The physical limits the benchmarks compare against."""

from __future__ import annotations

import time

from django.db import connection

# The same rows as the JSONL export (claim, chain with sources and mention text, review
# status), produced by PostgreSQL alone: nothing can stream them faster.
EXPORT_ROWS_SQL = """
WITH chains AS (
    SELECT a.claim_id, json_agg(json_build_object(
        'position', a.position,
        'source', json_build_object('id', s.id, 'slug', s.slug, 'name', s.name, 'kind', s.kind),
        'mention', CASE WHEN a.mention_start IS NULL THEN NULL ELSE json_build_object(
            'start', a.mention_start, 'end', a.mention_end,
            'text', substr(d.text, a.mention_start + 1, a.mention_end - a.mention_start)) END
    ) ORDER BY a.position) AS chain
    FROM claims_attribution a
    JOIN claims_source s ON s.id = a.source_id
    JOIN claims_claim c ON c.id = a.claim_id
    JOIN claims_document d ON d.id = c.document_id
    GROUP BY a.claim_id
)
SELECT json_build_object(
    'id', c.id, 'document', c.document_id, 'start', c.start, 'end', c."end", 'text', c.text,
    'tag', c.tag, 'status', c.status, 'annotator', u.username, 'version', c.version,
    'created_at', c.created_at, 'updated_at', c.updated_at,
    'attributions', COALESCE(ch.chain, '[]'::json))
FROM claims_claim c
JOIN auth_user u ON u.id = c.annotator_id
LEFT JOIN chains ch ON ch.claim_id = c.id
ORDER BY c.id
"""


def copy_export_seconds() -> float:
    """Seconds for ``COPY (SELECT ...) TO STDOUT`` of every claim, read to the last byte."""
    connection.ensure_connection()
    started = time.perf_counter()
    with connection.connection.cursor() as cursor:
        with cursor.copy(f"COPY ({EXPORT_ROWS_SQL}) TO STDOUT") as copy:
            for _ in copy:
                pass
    return time.perf_counter() - started
