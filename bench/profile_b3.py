"""Where B3's time goes: 16 clients creating claims with a 2-source chain, sampled by py-spy.

    pip install py-spy==0.4.3          # not a project dependency: a profiler, run by hand
    .venv/bin/python bench/profile_b3.py [--seconds 30] [--py-spy PATH]

Builds the size-S corpus in the bench database (``BENCH_DB``, as ``make bench``), serves it
with ``make serve``, samples every gunicorn worker with ``py-spy record --subprocesses`` (on-CPU
samples, 100 a second) while 16 clients post claims, and writes bench/PROFILE-B3.md: the
throughput and latencies of the run, the share of samples by layer (our code, DRF, Django,
psycopg, the audit triggers' context, the rest) and the heaviest functions by inclusive samples.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402

LAYERS = (  # first match wins, on the file of each frame (innermost first)
    ("psycopg (driver, waiting on PostgreSQL)", "/psycopg/"),
    ("pghistory (audit context)", "/pghistory/"),
    ("Django REST framework", "/rest_framework/"),
    ("knox (token check)", "/knox/"),
    ("Django ORM", "/django/db/"),
    ("Django (other)", "/django/"),
    ("gunicorn", "/gunicorn/"),
    ("our code (claims/, annotator/)", "/claims/"),
)


# The steps of a request worth naming (the middleware wraps everything: left out).
REQUEST_PATH = ("/claims/", "/annotator/", "/knox/", "/rest_framework/views.py", "/rest_framework/request.py",
                "/rest_framework/throttling.py", "/rest_framework/serializers.py", "/pghistory/")


def where(frame: str) -> str:
    """``"/" + file:line`` of a py-spy frame ``function (file:line)``; files under site-packages
    come relative to it (``rest_framework/mixins.py``), so every marker above can start with /."""
    _, _, place = frame.rpartition(" (")
    return "/" + place.rstrip(")").lstrip("/")


def layer(frames: list[str]) -> str:
    for name, marker in LAYERS:
        if any(marker in frame for frame in frames[-1:]):  # the innermost frame's file
            return name
    if any("/annotator/" in frame for frame in frames[-1:]):
        return "our code (claims/, annotator/)"
    return "Python and other libraries"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--py-spy", default=shutil.which("py-spy") or "py-spy")
    args = parser.parse_args()

    env = run.setup_django()
    from bench import setup

    fixture = setup.prepare()
    setup.grow(run.SIZES["S"], fixture)
    raw = Path(tempfile.mkdtemp()) / "b3.txt"
    with run.served(env) as master:
        body = (
            f'{{"document": {fixture.long_document_id}, "start": {fixture.span[0]}, "end": {fixture.span[1]}, '
            f'"tag": "sourced", "attributions": [{{"position": 0, "source": {fixture.source_ids[0]}}}, '
            f'{{"position": 1, "source": {fixture.source_ids[1]}}}]}}'
        ).encode()
        latencies: list[float] = []
        lock = threading.Lock()
        stop = 0.0

        def client() -> None:
            c = run.Client({"Authorization": f"Token {fixture.token}", "Content-Type": "application/json"})
            mine = []
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = c.request("POST", "/api/v1/claims/", body=body)
                response.read()
                assert response.status == 201, response.status
                mine.append(time.perf_counter() - started)
            with lock:
                latencies.extend(mine)

        # Warm up first: each gunicorn worker imports the URLconf and views on its first requests.
        stop = time.monotonic() + 5
        warm = [threading.Thread(target=client) for _ in range(16)]
        for t in warm:
            t.start()
        for t in warm:
            t.join()
        latencies.clear()
        stop = time.monotonic() + args.seconds + 1
        spy = subprocess.Popen(
            [args.py_spy, "record", "--pid", str(master.pid), "--subprocesses", "--rate", "100",
             "--duration", str(args.seconds), "--format", "raw", "--output", str(raw), "--nonblocking"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        time.sleep(1)
        started = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        _, err = spy.communicate(timeout=120)
        if spy.returncode != 0 or not raw.exists():
            sys.exit(f"py-spy failed: {err.decode(errors='replace')[-500:]}")

    layers: collections.Counter = collections.Counter()
    inclusive: collections.Counter = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        n = int(count)
        frames = [where(f) for f in stack.split(";")[1:]]  # the first is the process
        total += n
        layers[layer(frames)] += n
        names = [f for f in stack.split(";")[1:]]
        for frame in dict.fromkeys(
            name for name, place in zip(names, frames)
            if any(marker in place for marker in REQUEST_PATH) and "middleware" not in place
        ):
            inclusive[frame] += n

    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    lines = [
        "# B3 profile: 16 clients creating a claim with a 2-source chain",
        "",
        f"`.venv/bin/python bench/profile_b3.py --seconds {args.seconds}` (py-spy 0.4.3, on-CPU samples of every "
        f"gunicorn worker, 100 a second), size-S corpus, {os.cpu_count()} cores, load average at the end "
        f"{os.getloadavg()[0]:.2f}.",
        "",
        f"Run: {len(latencies):,} claims in {wall:.1f} s ({len(latencies) / wall:.0f} req/s), p50 "
        f"{statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms; {total:,} samples.",
        "",
        "| where the workers' CPU went (innermost frame) | samples | share |",
        "|---|---:|---:|",
        *(f"| {name} | {n:,} | {n / total:.0%} |" for name, n in layers.most_common()),
        "",
        "The request's steps, inclusive (a sample counts for every function on its stack; the",
        "middleware, which wraps everything, left out):",
        "",
        "| function (file:line) | share of samples |",
        "|---|---:|",
        *(f"| `{frame.replace('|', '/')}` | {n / total:.0%} |" for frame, n in inclusive.most_common(30)),
        "",
    ]
    out = ROOT / "bench" / "PROFILE-B3.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
