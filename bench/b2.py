"""B2 alone: the annotate page of the 200-sentence, 100-claim document against the bare view.

    .venv/bin/python bench/b2.py [--documents 1000] [--rounds 3]

The same fixture, server and measurement as ``make bench`` (``bench.run``: ``BENCH_DB``,
``BENCH_PORT``, ``BENCH_RUNS`` as there), on a corpus of ``--documents`` documents (size S by
default) instead of the whole suite: a minute instead of an hour. Each round measures the page
then the bare view (``run.b2_annotate``, at least 50 requests each); it prints every round, the
median of the rounds' p50s (and of their ratios) and the page's query count
(``run.b2_queries``), on the first view and on the next.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=run.SIZES["S"])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    env = run.setup_django()
    from bench import setup

    fixture = setup.prepare()
    setup.grow(args.documents, fixture)
    rounds = []
    with run.served(env):  # its collectstatic comes first: the page links the static files' manifest
        # The first view of the page in this process, then the next (its cached parts, if any, found).
        queries = [run.b2_queries(fixture.long_document_id, fixture.analyst) for _ in range(2)]
        cookie = run.session_cookie(fixture.analyst.username, setup.PASSWORD)
        # Every worker imports and connects on its first requests: keep that out of the figures.
        run.warm_up(run.Client({"Cookie": cookie}), [f"/documents/{fixture.long_document_id}/", "/bench/bare/"])
        for _ in range(args.rounds):
            results: dict = {}
            run.b2_annotate(cookie, fixture.long_document_id, results)
            rounds.append((results["B2 page"]["p50"], results["B2 bare"]["p50"]))
    page = statistics.median(p for p, _ in rounds)
    bare = statistics.median(b for _, b in rounds)
    # A round's page and bare view run a second apart: their ratio moves less with the load.
    ratio = statistics.median(p / b for p, b in rounds)
    print(
        f"B2 ({args.documents} documents, {len(rounds)} rounds, load {os.getloadavg()[0]:.2f}): "
        f"page p50 {page * 1000:.1f} ms, bare p50 {bare * 1000:.1f} ms, {page / bare:.1f}x "
        f"(median of the rounds' ratios {ratio:.1f}x); "
        f"queries a page {queries[0]} first, {queries[1]} next; rounds (page/bare ms): "
        + ", ".join(f"{p * 1000:.1f}/{b * 1000:.1f}" for p, b in rounds)
    )


if __name__ == "__main__":
    main()
