"""``make bench``: build a synthetic corpus in its own database, serve it as production
would, measure B1-B7 against their physical limits and write ``bench/RESULTS.md``.

Sizes (``BENCH_SIZE``): S = 1k documents / 5k claims, M = 10k / 50k (default),
L = 100k / 1M. Every figure is the median of at least 3 runs (``BENCH_RUNS``).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = {"S": 1_000, "M": 10_000, "L": 100_000}
# At least 3 runs a figure; a size-L run may ask for fewer (BENCH_RUNS=1: an hour otherwise).
RUNS = max(1 if os.environ.get("BENCH_SIZE", "M").upper() == "L" else 3, int(os.environ.get("BENCH_RUNS", "3")))
PORT = int(os.environ.get("BENCH_PORT", "8799"))
BENCH_DB = os.environ.get("BENCH_DB", "annotator_bench")  # two runs at once need two names
FORMATS = ["jsonl", "json", "csv", "w3c", "doccano", "labelstudio"]
WORKERS_TO_WARM = 2 * (os.cpu_count() or 2) + 1
# Size L imports 100k documents (B5); S and M 10k.
IMPORT_DOCUMENTS = int(os.environ.get("BENCH_IMPORT_DOCUMENTS", "100000" if os.environ.get("BENCH_SIZE", "M").upper() == "L" else "10000"))
SERVE_TIMEOUT = int(os.environ.get("BENCH_SERVE_TIMEOUT", "300"))  # a loaded machine starts slower


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q / 100 * (len(values) - 1))))]


# --- the database -------------------------------------------------------------------------------


def bench_database_url(*, recreate: bool = True) -> str:
    """Its own database on DATABASE_URL's server, or on the embedded one; created afresh unless
    ``recreate`` is false (a database an earlier run loaded)."""
    import psycopg

    if os.environ.get("DATABASE_URL"):
        parts = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
        admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        url = urllib.parse.urlunsplit(parts._replace(path=f"/{BENCH_DB}"))
        connect = {"conninfo": admin}
    else:
        from annotator.embedded_db import embedded_database_settings

        params = embedded_database_settings(ROOT / ".pgdata", database="postgres")
        url = f"postgres://postgres@/{BENCH_DB}?host={params['HOST']}&port={params['PORT']}"
        connect = {"host": params["HOST"], "port": params["PORT"], "user": "postgres", "dbname": "postgres"}
    if not recreate:
        return url
    with psycopg.connect(**connect, autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [BENCH_DB],
        )
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        conn.execute(f"CREATE DATABASE {BENCH_DB}")
    return url


def setup_django(*, fresh: bool = True) -> dict:
    """A new bench database, migrated (or, not ``fresh``, the one an earlier run left), and this
    process set up on it with the bench settings; returns the environment that ``make serve``
    and the commands run with. (Every bench entry point starts here.)"""
    env = {**os.environ, "DATABASE_URL": bench_database_url(recreate=fresh), "DJANGO_SETTINGS_MODULE": "bench.settings",
           "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
           "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver"}
    if fresh:
        log(f"database {BENCH_DB}; migrating")
        manage("migrate", "--noinput", env=env)
    os.environ.update(env)
    import django

    django.setup()
    return env


def manage(*args: str, env: dict) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


# --- the server ---------------------------------------------------------------------------------


@contextmanager
def served(env: dict):
    """``make serve`` on the bench database; yields the gunicorn master's psutil.Process."""
    import socket

    import psutil

    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            raise RuntimeError(f"port {PORT} is taken: set BENCH_PORT to a free one")
    process = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={PORT}", "SETTINGS=bench.settings"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + SERVE_TIMEOUT
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
                conn.request("GET", "/accounts/login/")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"make serve did not answer within {SERVE_TIMEOUT} s")
        def is_gunicorn(p) -> bool:
            return any(part.endswith("/gunicorn") for part in p.cmdline()[:2])

        master = next(
            p for p in psutil.Process(process.pid).children(recursive=True)
            if is_gunicorn(p) and not is_gunicorn(p.parent())
        )
        yield master
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


class Client:
    """A keep-alive HTTP client for one thread, authenticated by token or session cookie."""

    def __init__(self, headers: dict[str, str]):
        self.headers = headers
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        self.conn.request(method, path, body=body, headers={**self.headers, **(headers or {})})
        response = self.conn.getresponse()
        return response

    def get(self, path: str) -> tuple[int, bytes]:
        response = self.request("GET", path)
        return response.status, response.read()


def session_cookie(username: str, password: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    conn.request("GET", "/accounts/login/")
    response = conn.getresponse()
    page = response.read().decode()
    csrf_cookie = response.getheader("Set-Cookie").split("csrftoken=")[1].split(";")[0]
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    body = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
    conn.request(
        "POST", "/accounts/login/", body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf_cookie}"},
    )
    response = conn.getresponse()
    response.read()
    cookies = [c.split(";")[0] for c in response.headers.get_all("Set-Cookie") or []]
    session = next(c for c in cookies if c.startswith("sessionid="))
    return session


# --- benchmarks ---------------------------------------------------------------------------------


def rss_while(master, action) -> tuple[float, int]:
    """Run ``action`` and sample the serving processes' RSS meanwhile; (seconds, peak bytes)."""
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            for child in master.children(recursive=True):
                try:
                    peak = max(peak, child.memory_info().rss)
                except Exception:  # a worker recycled meanwhile
                    pass
            time.sleep(0.005)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    try:
        action()
    finally:
        elapsed = time.perf_counter() - started
        done.set()
        sampler.join()
    return elapsed, peak


def warm_up(client: "Client", paths: list[str]) -> None:
    """Every worker imports and connects on its first requests: keep that out of the figures."""
    for _ in range(WORKERS_TO_WARM):
        for path in paths:
            response = client.request("GET", path)
            response.read()
            client.conn.close()  # a new connection may land on another worker


def b1_export(master, token: str, claims: int, results: dict, size: str) -> None:
    from bench.limits import copy_export_seconds

    client = Client({"Authorization": f"Token {token}"})
    # Warm every worker on a one-document export (the whole corpus each time costs an hour at L).
    warm_up(client, [f"/api/v1/export/claims/?format={fmt}&document=1" for fmt in FORMATS])
    for fmt in FORMATS:
        times, peaks, nbytes = [], [], 0
        for _ in range(RUNS):
            def fetch():
                nonlocal nbytes
                response = client.request("GET", f"/api/v1/export/claims/?format={fmt}")
                assert response.status == 200, (fmt, response.status, response.read()[:300])
                nbytes = 0
                while chunk := response.read(1 << 16):
                    nbytes += len(chunk)

            elapsed, peak = rss_while(master, fetch)
            times.append(elapsed)
            peaks.append(peak)
        seconds = statistics.median(times)
        results[f"B1 {fmt} {size}"] = {
            "seconds": seconds, "claims_per_s": claims / seconds, "bytes": nbytes, "peak_rss": max(peaks),
        }
        log(f"B1 {size} {fmt}: {claims / seconds:,.0f} claims/s, {seconds:.3f} s, peak RSS {max(peaks) / 2**20:.0f} MiB")
    copy_seconds = statistics.median(copy_export_seconds() for _ in range(RUNS))
    results[f"B1 COPY {size}"] = {"seconds": copy_seconds, "claims_per_s": claims / copy_seconds}
    log(f"B1 {size} COPY: {claims / copy_seconds:,.0f} claims/s")


def b2_annotate(cookie: str, document_id: int, results: dict) -> None:
    client = Client({"Cookie": cookie})
    for label, path in (("page", f"/documents/{document_id}/"), ("bare", "/bench/bare/")):
        status, _ = client.get(path)
        assert status == 200, (path, status)
        times = []
        for _ in range(max(RUNS, 50)):
            started = time.perf_counter()
            status, _ = client.get(path)
            times.append(time.perf_counter() - started)
        results[f"B2 {label}"] = {"p50": statistics.median(times), "p95": pct(times, 95)}
        log(f"B2 {label}: p50 {statistics.median(times) * 1000:.1f} ms, p95 {pct(times, 95) * 1000:.1f} ms")


def b2_queries(document_id: int, user) -> int:
    """Queries the annotate page makes when nothing of it is cached (the first view after a
    change), counted in-process with Django's test client."""
    from django.db import connection
    from django.test import Client as DjangoClient
    from django.test.utils import CaptureQueriesContext

    from claims.views.fragments import cache

    client = DjangoClient()
    client.force_login(user)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/documents/{document_id}/")
    assert response.status_code == 200, response.status_code
    return len(queries)


def b3_create(token: str, document_id: int, span: tuple[int, int], source_ids: list[int], results: dict) -> None:
    body = json.dumps({
        "document": document_id, "start": span[0], "end": span[1], "tag": "sourced",
        "attributions": [{"position": 0, "source": source_ids[0]}, {"position": 1, "source": source_ids[1]}],
    }).encode()
    for clients in (1, 16):
        per_client = max(RUNS * 10, 400 // clients)
        latencies: list[float] = []
        lock = threading.Lock()

        def worker():
            client = Client({"Authorization": f"Token {token}", "Content-Type": "application/json"})
            mine = []
            for _ in range(per_client):
                started = time.perf_counter()
                response = client.request("POST", "/api/v1/claims/", body=body)
                response.read()
                mine.append(time.perf_counter() - started)
                assert response.status == 201, response.status
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=worker) for _ in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        results[f"B3 {clients}"] = {"p50": statistics.median(latencies), "p95": pct(latencies, 95),
                                    "rps": len(latencies) / wall}
        log(f"B3 {clients} clients: p50 {statistics.median(latencies) * 1000:.1f} ms, "
            f"p95 {pct(latencies, 95) * 1000:.1f} ms, {len(latencies) / wall:.0f} req/s")


def b4_list(token: str, results: dict) -> None:
    client = Client({"Authorization": f"Token {token}"})
    times = []
    for _ in range(max(RUNS, 50)):
        started = time.perf_counter()
        status, body = client.get("/api/v1/claims/?page_size=100")
        times.append(time.perf_counter() - started)
        assert status == 200
    assert len(json.loads(body)["results"]) == 100
    results["B4"] = {"p50": statistics.median(times), "p95": pct(times, 95)}
    log(f"B4: p50 {statistics.median(times) * 1000:.1f} ms")


def b12_network(token: str, results: dict) -> None:
    """The whole citation network (every approved chain, publisher edges in) as an administrator:
    JSON and GraphML. The server's answer time, median of the runs (the target: <= 1 s)."""
    client = Client({"Authorization": f"Token {token}"})
    for fmt in ("json", "graphml"):
        times = []
        for _ in range(max(RUNS, 5)):
            started = time.perf_counter()
            status, body = client.get(f"/api/v1/network/?format={fmt}&publishers=true")
            times.append(time.perf_counter() - started)
            assert status == 200, body[:200]
        results[f"B12 {fmt}"] = {"p50": statistics.median(times), "max": max(times), "bytes": len(body)}
        if fmt == "json":
            data = json.loads(body)
            results["B12 graph"] = {"nodes": len(data["nodes"]), "edges": len(data["edges"])}
        log(f"B12 network {fmt}: p50 {statistics.median(times) * 1000:.0f} ms, {len(body):,} bytes")


def b13_schema(token: str, results: dict) -> None:
    """``/api/schema/`` once warm (the first answer builds and caches it): target <= 50 ms."""
    client = Client({"Authorization": f"Token {token}"})
    started = time.perf_counter()
    status, body = client.get("/api/schema/")
    first = time.perf_counter() - started
    assert status == 200, body[:200]
    times = []
    for _ in range(max(RUNS, 20)):
        started = time.perf_counter()
        status, body = client.get("/api/schema/")
        times.append(time.perf_counter() - started)
    results["B13"] = {"first": first, "p50": statistics.median(times), "p95": pct(times, 95), "bytes": len(body)}
    log(f"B13 schema: first {first * 1000:.0f} ms, warm p50 {statistics.median(times) * 1000:.1f} ms")


def b5_import(results: dict) -> None:
    """Articles without annotations (``import_file``, as ``import_articles`` does) while the
    served app's tasks workers run: the time until the documents are stored, and until every
    one has its sentences (a file this large is prepared by the workers), against segmenting
    the same texts in this process alone."""
    from bench.annotations import _drop_imported, _drop_queued_suggestions, _last_document_id, _wait_for_sentences, quiet_queue
    from bench.corpus import jsonl, texts_for_import
    from claims.importing import import_file
    from claims.text.segmentation import segment_text

    texts = texts_for_import(IMPORT_DOCUMENTS)
    seg_times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        for text in texts:
            segment_text(text)
        seg_times.append(time.perf_counter() - started)
    stored_times, ready_times = [], []
    for run in range(RUNS):
        # Each run imports fresh texts: the same text is never stored twice.
        nonce = f"{time.time_ns()}-{run}"
        batch = [f"{text}Dépêche {nonce}.\n" for text in texts]
        data = jsonl(batch)
        after = _last_document_id()
        quiet_queue()
        started = time.perf_counter()
        result = import_file("bench.jsonl", data, user=None)
        stored_times.append(time.perf_counter() - started)
        assert result.ok, result.error
        ready_times.append(_wait_for_sentences(after, started, timeout=600.0))
        _drop_queued_suggestions()
        _drop_imported(after)  # the corpus stays at its size for what follows
    seconds, ready, limit = (statistics.median(x) for x in (stored_times, ready_times, seg_times))
    results["B5"] = {"seconds": seconds, "ready_seconds": ready, "docs_per_s": len(texts) / ready,
                     "segment_seconds": limit, "documents": len(texts)}
    log(f"B5: stored {seconds:.1f} s, every sentence ready {ready:.1f} s ({len(texts) / ready:,.0f} docs/s), "
        f"segmentation alone {limit:.1f} s")


def b6_search(results: dict) -> None:
    from django.db import connection

    from claims.models import Document

    queries = ["colonne militaire", "ministère de la défense", "Mossoul", "source sécurité irakienne",
               "forces irakiennes opération", "Daech Syrie frontière", "Hachd", "armée de l'air",
               "convoi américain", "terroristes"]
    times = []
    for _ in range(RUNS):
        for query in queries:
            started = time.perf_counter()
            list(Document.objects.search(query).values_list("pk", flat=True)[:20])
            times.append(time.perf_counter() - started)
    # The synthetic corpus reuses the seeds' words, so the phrases above match most documents and
    # the planner rightly reads the table; a selective query (a title's serial number) shows the
    # index at work.
    selective = Document.objects.order_by("-pk").values_list("title", flat=True).first().rsplit("(", 1)[-1].strip(")")
    plans = []
    for query in ("colonne militaire", selective):
        sql, params = Document.objects.search(query).values("pk")[:20].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN ANALYZE " + sql, params)
            plans.append(f"-- search({query!r})\n" + "\n".join(row[0] for row in cursor.fetchall()))
    plan = "\n\n".join(plans)
    results["B6"] = {"p50": statistics.median(times), "p95": pct(times, 95), "plan": plan,
                     "uses_index": "document_search_gin" in plan}
    log(f"B6: p95 {pct(times, 95) * 1000:.1f} ms, index used: {'document_search_gin' in plan}")


def b7_suggestions(results: dict) -> None:
    """bench/suggestions.py (pure Python, no database) writes its own report; take its table."""
    report = ROOT / "bench" / "RESULTS-suggestions.md"
    subprocess.run(
        [sys.executable, "bench/suggestions.py", "--repeat", "10", "--runs", str(RUNS)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    results["B7"] = b7_figures(report.read_text(encoding="utf-8"))
    log(f"B7: {results['B7']}")


def b7_figures(report: str) -> dict | None:
    """The throughput of nlp.pipe and of the whole pipeline, and the cold start, from the report."""
    rates: dict = {}
    for line in report.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 4 and cells[2].replace(",", "").isdigit():
            if "the limit" in cells[0]:
                rates["nlp_pipe_sentences_per_s"] = float(cells[2].replace(",", ""))
            elif cells[0].startswith("whole pipeline"):
                rates["pipeline_sentences_per_s"] = float(cells[2].replace(",", ""))
    if len(rates) != 2:
        return None
    cold = re.search(r"^Cold start, .*?median of 3: ([0-9.]+) s", report, re.MULTILINE)
    if cold:
        rates["cold_start_s"] = float(cold.group(1))
    return rates


def b10_workers(results: dict) -> None:
    """Suggestion throughput with one and two Celery worker processes (bench/workers.py)."""
    import socket

    from bench import workers

    host, port = "127.0.0.1", 5672
    with socket.socket() as probe:
        if probe.connect_ex((host, port)) != 0:
            log("B10: no RabbitMQ on 127.0.0.1:5672, skipped")
            return
    results["B10"] = workers.measure(int(os.environ.get("BENCH_WORKER_DOCUMENTS", "400")))
    log(f"B10: {results['B10']}")


# --- orchestration ------------------------------------------------------------------------------


def main() -> None:
    size = os.environ.get("BENCH_SIZE", "M").upper()
    if size not in SIZES:
        sys.exit(f"BENCH_SIZE must be one of {', '.join(SIZES)}")
    started = time.perf_counter()
    env = setup_django()
    from bench import setup

    fixture = setup.prepare()
    results: dict = {"size": size, "runs": RUNS, "load_start": f"{os.getloadavg()[0]:.2f}"}
    steps = ["S", size] if size != "S" else ["S"]
    loaded = 0
    with served(env) as master:
        token = fixture.token
        cookie = session_cookie(fixture.analyst.username, setup.PASSWORD)
        for step in dict.fromkeys(steps):
            log(f"loading corpus up to {SIZES[step]:,} documents")
            t0 = time.perf_counter()
            # Size L: 100k documents with ~10.5 claims each, just over 1M claims.
            loaded += setup.grow(SIZES[step] - loaded, fixture, claims_per_document=11 if step == "L" else 5)
            log(f"loaded in {time.perf_counter() - t0:.1f} s")
            claims = setup.claim_count()
            results[f"claims {step}"] = claims
            b1_export(master, token, claims, results, step)
            results[f"B2 queries {step}"] = b2_queries(fixture.long_document_id, fixture.analyst)
        b2_annotate(cookie, fixture.long_document_id, results)
        b3_create(token, fixture.long_document_id, fixture.span, fixture.source_ids, results)
        b4_list(token, results)
        b12_network(token, results)
        b13_schema(token, results)
        from bench import annotations  # B8 (annotation import) and B9 (one claim): their own section

        results.update(annotations.run(master, fixture, env))
        from bench.projects import b11_projects  # last: it puts the corpus into a project

        b11_projects(fixture, results, size, RUNS)
        b5_import(results)  # with the served app's tasks workers, which prepare large files
    b6_search(results)
    b7_suggestions(results)
    b10_workers(results)
    results["total_seconds"] = time.perf_counter() - started
    results["load_end"] = f"{os.getloadavg()[0]:.2f}"
    from bench.report import write

    path = write(results)
    log(f"wrote {path.relative_to(ROOT)} in {results['total_seconds'] / 60:.1f} min")


if __name__ == "__main__":
    main()
