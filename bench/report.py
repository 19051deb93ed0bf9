"""Write ``bench/RESULTS.md`` from a run's figures: each with its limit, ratio and target."""

from __future__ import annotations

import datetime as dt
import os
import platform
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def results_path() -> Path:
    """``BENCH_RESULTS`` names another file (a size-L run, a second server) beside RESULTS.md."""
    name = os.environ.get("BENCH_RESULTS")
    return RESULTS.with_name(name) if name else RESULTS
MIB = 2**20


def _machine() -> str:
    import psutil
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
    return (
        f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB memory, PostgreSQL {pg}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def _row(rows: list, name: str, figure: str, limit: str, ratio: str, target: str, met: bool | None) -> None:
    verdict = "—" if met is None else ("met" if met else "**missed**")
    rows.append(f"| {name} | {figure} | {limit} | {ratio} | {target} | {verdict} |")


def write(r: dict) -> Path:
    size = r["size"]
    rows: list[str] = []
    for fmt in ("jsonl", "json", "csv", "w3c", "doccano", "labelstudio"):
        m, copy = r[f"B1 {fmt} {size}"], r[f"B1 COPY {size}"]
        ratio = m["claims_per_s"] / copy["claims_per_s"]
        s = r.get(f"B1 {fmt} S")
        growth = (m["peak_rss"] - s["peak_rss"]) / MIB if s and size != "S" else None
        _row(rows, f"B1 export {fmt} ({r[f'claims {size}']:,} claims)",
             f"{m['claims_per_s']:,.0f} claims/s ({m['seconds']:.2f} s, {m['bytes'] / MIB:.1f} MiB)",
             f"COPY {copy['claims_per_s']:,.0f} claims/s", f"{ratio:.2f}x", ">= 0.5x COPY", ratio >= 0.5)
        if growth is not None:
            _row(rows, f"B1 peak RSS {fmt}, S -> {size}", f"{s['peak_rss'] / MIB:.0f} -> {m['peak_rss'] / MIB:.0f} MiB",
                 "", f"+{growth:.0f} MiB", "< 50 MB growth", growth < 50)
    jsonl = r[f"B1 jsonl {size}"]
    per_50k = jsonl["seconds"] * 50_000 / r[f"claims {size}"]
    _row(rows, "B1 50k claims as JSONL", f"{per_50k:.2f} s", "", "", "<= 0.5 s", per_50k <= 0.5)
    page, bare = r["B2 page"], r["B2 bare"]
    _row(rows, "B2 annotate page (200 sentences, 100 claims)",
         f"p50 {page['p50'] * 1000:.1f} ms, p95 {page['p95'] * 1000:.1f} ms",
         f"bare view p50 {bare['p50'] * 1000:.1f} ms", f"{page['p50'] / bare['p50']:.1f}x", "<= 4x bare",
         page["p50"] <= 4 * bare["p50"])
    qs, qm = r.get("B2 queries S"), r.get(f"B2 queries {size}")
    _row(rows, "B2 queries, S vs " + size, f"{qs} vs {qm}", "", "", "equal", qs == qm)
    for clients in (1, 16):
        b3 = r[f"B3 {clients}"]
        _row(rows, f"B3 create claim + 2-source chain, {clients} client(s)",
             f"p50 {b3['p50'] * 1000:.1f} ms, p95 {b3['p95'] * 1000:.1f} ms ({b3['rps']:.0f} req/s)", "", "",
             "p95 <= 100 ms and >= 250 req/s at 16" if clients == 16 else "",
             b3["p95"] <= 0.1 and b3["rps"] >= 250 if clients == 16 else None)
    _row(rows, "B4 list 100 claims", f"p50 {r['B4']['p50'] * 1000:.1f} ms", "", "", "<= 30 ms", r["B4"]["p50"] <= 0.03)
    if "B12 json" in r:
        b12, graph = r["B12 json"], r["B12 graph"]
        _row(rows, f"B12 whole citation network ({graph['nodes']} nodes, {graph['edges']} edges)",
             f"JSON p50 {b12['p50'] * 1000:.0f} ms, GraphML p50 {r['B12 graphml']['p50'] * 1000:.0f} ms", "", "",
             "JSON <= 1 s", b12["p50"] <= 1.0)
    if b13 := r.get("B13"):
        _row(rows, "B13 /api/schema/ warm", f"p50 {b13['p50'] * 1000:.1f} ms, p95 {b13['p95'] * 1000:.1f} ms "
             f"(first answer {b13['first'] * 1000:.0f} ms)", "", "", "<= 50 ms warm", b13["p50"] <= 0.05)
    # B5 as B8: a large file is stored first (against the segmentation alone that the import
    # used to do inline: >= 0.8x its speed), its sentences follow from the workers (<= 10 s).
    b5 = r["B5"]
    ratio5 = b5["segment_seconds"] / b5["seconds"]
    _row(rows, f"B5 import {b5.get('documents', 10_000):,} documents, stored",
         f"{b5['seconds']:.1f} s ({b5.get('documents', 10_000) / b5['seconds']:,.0f} docs/s)",
         f"segmentation alone {b5['segment_seconds']:.1f} s", f"{ratio5:.2f}x", ">= 0.8x", ratio5 >= 0.8)
    if (ready5 := b5.get("ready_seconds")) is not None:
        _row(rows, "B5 the same, until every sentence is ready (tasks workers)", f"{ready5:.1f} s",
             f"segmentation alone {b5['segment_seconds']:.1f} s", f"{b5['segment_seconds'] / ready5:.2f}x",
             "<= 10 s (as B8)", ready5 <= 10)
    b6 = r["B6"]
    _row(rows, f"B6 full-text search over {size}", f"p95 {b6['p95'] * 1000:.1f} ms (p50 {b6['p50'] * 1000:.1f} ms)",
         "", "", "p95 < 50 ms; GIN index used (selective query)", b6["p95"] < 0.05 and b6["uses_index"])
    b7 = r.get("B7")
    if b7:
        ratio7 = b7["pipeline_sentences_per_s"] / b7["nlp_pipe_sentences_per_s"]
        _row(rows, "B7 suggestion pipeline", f"{b7['pipeline_sentences_per_s']:,.0f} sentences/s",
             f"nlp.pipe {b7['nlp_pipe_sentences_per_s']:,.0f} sentences/s", f"{ratio7:.2f}x", ">= 0.8x", ratio7 >= 0.8)
        if "cold_start_s" in b7:
            _row(rows, "B7 suggestions' cold start (fresh process to its first suggestion)",
                 f"{b7['cold_start_s']:.1f} s", "", "", "<= 2 s", b7["cold_start_s"] <= 2)
    from bench.projects import report_rows

    report_rows(r, lambda *cells: _row(rows, *cells))
    b10 = r.get("B10")
    if b10:
        one, two = b10["1 worker"], b10["2 worker"]
        _row(rows, f"B10 suggestions on Celery workers ({b10['documents']} documents, "
             f"{b10['body_sentences']:,} body sentences)",
             f"1 worker {one['docs_per_s']:.1f} docs/s, 2 workers {two['docs_per_s']:.1f} docs/s",
             f"{os.cpu_count()} cores", f"{two['docs_per_s'] / one['docs_per_s']:.2f}x with 2",
             "scales with workers up to the cores", None)
    text = f"""# Benchmark results

- Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}
- Machine: {_machine()}
- Command: `make bench` (BENCH_SIZE={size}, each figure the median of {r['runs']} runs or more;
  latencies over 50+ requests), served by `make serve` (gunicorn, production settings)
- Whole run: {r['total_seconds'] / 60:.1f} minutes; load average (1 min) at start {r.get('load_start', '?')},
  at end {r.get('load_end', '?')} (the machine is shared: read the ratios, not the absolute times)

| benchmark | figure | limit | ratio | target | verdict |
|---|---|---|---|---|---|
{chr(10).join(rows)}

B6 query plans (EXPLAIN ANALYZE):

```
{b6['plan']}
```
"""
    from bench.annotations import section

    if b8 := section(r):
        text += "\n" + b8
    path = results_path()
    notes = RESULTS.with_name("NOTES.md")
    if notes.exists() and path == RESULTS:
        text += "\n" + notes.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return path
