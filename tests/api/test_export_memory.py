"""200,000 claims through the export API: memory stays flat, and the first bytes come early.

The claims are made in SQL (INSERT ... SELECT generate_series), not one by one; the audit
triggers are switched off for that bulk load only (session_replication_role), as for fixtures.
"""

from __future__ import annotations

import json
import tracemalloc

import psutil
from django.db import connection

from claims.models import Claim
from tests.api.conftest import TEXT

MIB = 2**20
BIG = 200_000
SMALL = 1_000


def _bulk_claims(document_id: int, annotator_id: int, count: int, source_id: int) -> None:
    """``count`` claims over ``TEXT``, every other one sourced with a mention inside its span."""
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            """
            INSERT INTO claims_claim (document_id, start, "end", text, tag, status, annotator_id, version, created_at, updated_at, flags)
            SELECT %(document)s, g %% 150, g %% 150 + 40, substr(%(text)s, g %% 150 + 1, 40),
                   CASE WHEN g %% 2 = 0 THEN 'sourced' ELSE 'unsourced' END, 'draft', %(annotator)s, 1, now(), now(), '{}'
            FROM generate_series(1, %(count)s) AS g
            """,
            {"document": document_id, "text": TEXT, "annotator": annotator_id, "count": count},
        )
        cursor.execute(
            """
            INSERT INTO claims_attribution (claim_id, position, source_id, mention_start, mention_end)
            SELECT id, 0, %(source)s, start, start + 10 FROM claims_claim
            WHERE document_id = %(document)s AND tag = 'sourced'
            """,
            {"document": document_id, "source": source_id},
        )
        cursor.execute("SET session_replication_role = DEFAULT")
        cursor.execute("ANALYZE claims_claim")
        cursor.execute("ANALYZE claims_attribution")


def _export(client, query: str) -> dict:
    """Stream one export to the end, keeping nothing; measure the process's memory meanwhile."""
    process = psutil.Process()
    rss_before = rss_peak = process.memory_info().rss
    tracemalloc.reset_peak()
    heap_before = tracemalloc.get_traced_memory()[0]
    response = client.get(f"/api/v1/export/claims/?format=jsonl{query}")
    assert response.status_code == 200
    lines = nbytes = 0
    first = last = b""
    cursor_open_after_first_chunk = None
    for chunk in response.streaming_content:
        if cursor_open_after_first_chunk is None:
            first = chunk.split(b"\n", 1)[0]
            with connection.cursor() as cursor:  # the export's own session and transaction
                cursor.execute("SELECT count(*) FROM pg_cursors")
                cursor_open_after_first_chunk = (cursor.fetchone()[0], chunk.count(b"\n"))
        lines += chunk.count(b"\n")
        nbytes += len(chunk)
        last = chunk.rstrip(b"\n").rsplit(b"\n", 1)[-1]
        rss_peak = max(rss_peak, process.memory_info().rss)
    response.close()
    return {
        "lines": lines,
        "bytes": nbytes,
        "heap_peak": tracemalloc.get_traced_memory()[1] - heap_before,
        "rss_growth": rss_peak - rss_before,
        "first": json.loads(first),
        "last": json.loads(last),
        "after_first_chunk": cursor_open_after_first_chunk,
    }


def test_exporting_200000_claims_keeps_memory_flat(transactional_db, api, analyst, sources):
    from claims import services

    small = services.document_create(text=TEXT, title="small", created_by=None)
    big = services.document_create(text=TEXT + "\nEncore.", title="big", created_by=None)
    _bulk_claims(small.pk, analyst.pk, SMALL, sources["mehr"].pk)
    _bulk_claims(big.pk, analyst.pk, BIG - SMALL, sources["mehr"].pk)
    assert Claim.objects.count() == BIG
    client = api(analyst)

    _export(client, f"&document={small.pk}")  # warm up: imports and caches of a first request
    tracemalloc.start()
    try:
        one_thousand = _export(client, f"&document={small.pk}")
        everything = _export(client, "")
    finally:
        tracemalloc.stop()

    assert one_thousand["lines"] == SMALL and everything["lines"] == BIG
    assert everything["last"]["id"] - everything["first"]["id"] == BIG - 1
    assert everything["first"]["attributions"] == [] or everything["first"]["attributions"][0]["source"]["slug"] == "mehr"
    # The first chunk came while the query still had rows to give: its cursor was open, and
    # the chunk held one batch, not the result.
    cursors, first_lines = everything["after_first_chunk"]
    assert cursors == 1 and 0 < first_lines < BIG // 10
    growth_heap = everything["heap_peak"] - one_thousand["heap_peak"]
    growth_rss = everything["rss_growth"] - one_thousand["rss_growth"]
    print(
        f"\n200k vs 1k claims: {everything['bytes'] / MIB:.0f} MiB streamed; Python heap peak "
        f"{one_thousand['heap_peak'] / MIB:.1f} -> {everything['heap_peak'] / MIB:.1f} MiB; "
        f"RSS growth {one_thousand['rss_growth'] / MIB:.1f} -> {everything['rss_growth'] / MIB:.1f} MiB"
    )
    assert everything["bytes"] > 50 * MIB  # far more than the growth allowed below
    assert growth_heap < 50 * MIB
    assert growth_rss < 50 * MIB
