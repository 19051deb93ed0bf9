"""B8 and B9: importing annotations, and creating one claim with a chain.

- **B8**: 10,000 documents with 50,000 labelled spans (5 a document) in a doccano JSONL file,
  imported through the API (a multipart upload streamed from disk to the served app) and
  through ``manage.py import_annotations``. Measured: the time until the claims are stored and
  exportable (the answer, or the command's exit), the time until every imported document has
  its sentences (written by the tasks worker beside the server), and the memory the import
  adds (the serving workers' peak RSS over their RSS before; for the command, its peak RSS
  over the peak of the same command on a one-line file). Targets: <= 3.4 s (5x faster than
  doccano's 16.9 s on this machine), sentences <= 10 s, memory growth < 100 MB.
- **B9**: ``POST /api/v1/claims/`` with a 2-source chain at 1 client: p50 <= 10 ms, p95 <= 20 ms.

Each figure is the median of ``BENCH_RUNS`` runs (3 at least); the machine's load average is
written beside them. Called by ``bench/run.py`` inside its served app, or alone:
``BENCH_DB=... BENCH_PORT=... python bench/annotations.py`` (builds its own database).
Results go to the "B8/B9" section of ``bench/RESULTS.md``; the rest of the file is kept.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import RUNS, Client, log, pct, rss_while  # noqa: E402

DOCUMENTS = int(os.environ.get("BENCH_IMPORT_DOCUMENTS", "10000"))
SPANS_PER_DOCUMENT = 5
SECTION = "## B8/B9: importing annotations, creating a claim"
TARGETS = {"stored": 3.4, "sentences": 10.0, "memory_mb": 100, "b9_p50": 0.010, "b9_p95": 0.020}


def doccano_file(path: Path, documents: int, *, seed: int) -> int:
    """Write a doccano JSONL file of fresh synthetic articles; returns the number of spans."""
    from bench.corpus import Shapes, make_document

    rng = random.Random(seed)
    shapes = Shapes.from_seeds()
    spans = 0
    nonce = uuid.uuid4().hex[:8]  # fresh texts each run: nothing matches a stored document
    with open(path, "w", encoding="utf-8") as out:
        for i in range(documents):
            doc = make_document(shapes, rng, serial=i)
            text = doc.text.replace("\n", f" [{nonce}]\n", 1)
            shift = len(nonce) + 3
            body = [(s + shift, e + shift) for s, e, kind in doc.sentences if kind == "body"]
            picked = rng.sample(body, min(SPANS_PER_DOCUMENT, len(body)))
            labels = [[s, e, rng.choice(["SOURCED", "UNSOURCED"])] for s, e in sorted(picked)]
            spans += len(labels)
            out.write(json.dumps({"text": text, "label": labels}, ensure_ascii=False) + "\n")
    return spans


def _multipart(path: Path) -> tuple[Path, str]:
    """The upload's body in a file (the client streams it from disk, as a browser would)."""
    boundary = uuid.uuid4().hex
    body = path.with_suffix(".multipart")
    with open(body, "wb") as out, open(path, "rb") as src:
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
            "Content-Type: application/x-ndjson\r\n\r\n".encode()
        )
        while chunk := src.read(1 << 20):
            out.write(chunk)
        out.write(f"\r\n--{boundary}--\r\n".encode())
    return body, f"multipart/form-data; boundary={boundary}"


def _documents_without_sentences(after_id: int) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM claims_document d WHERE d.id > %s AND NOT EXISTS "
            "(SELECT 1 FROM claims_sentence s WHERE s.document_id = d.id)",
            [after_id],
        )
        return cursor.fetchone()[0]


def _last_document_id() -> int:
    from claims.models import Document

    return Document.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _wait_for_sentences(after_id: int, started: float, timeout: float = 120.0) -> float:
    while time.perf_counter() - started < timeout:
        if _documents_without_sentences(after_id) == 0:
            return time.perf_counter() - started
        time.sleep(0.05)
    return float("inf")


def _drop_queued_suggestions() -> None:
    """The import queued spaCy suggestions for its documents: not measured here, and the worker
    running them would slow the next runs down."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(task_path="claims.tasks.suggest_for_documents", status="READY").delete()


def quiet_queue(timeout: float = 300.0) -> None:
    """Drop the suggestions an earlier run queued and wait for the tasks running to end: each run
    starts with idle workers (a suggestion task already running is not interrupted by the
    sentences, which only go first among the tasks waiting)."""
    from django_tasks_db.models import DBTaskResult

    _drop_queued_suggestions()
    deadline = time.perf_counter() + timeout
    while DBTaskResult.objects.filter(status="RUNNING").exists() and time.perf_counter() < deadline:
        time.sleep(0.2)


def _drop_imported(after_id: int) -> None:
    """Back to the corpus the other benchmarks measure (B6 and B11 run after this one)."""
    from django.db import connection

    from bench.corpus import drop_documents_after

    connection.ensure_connection()
    drop_documents_after(connection.connection, after_id)


def _worker_rss(master) -> int:
    rss = 0
    for child in master.children(recursive=True):
        try:
            rss = max(rss, child.memory_info().rss)
        except Exception:
            pass
    return rss


def _peak_rss_of(command: list[str], env: dict) -> tuple[float, int, subprocess.CompletedProcess]:
    import psutil

    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            peak = max(peak, watched.memory_info().rss)
        except Exception:
            pass
        time.sleep(0.005)
    seconds = time.perf_counter() - started
    out, err = process.communicate()
    return seconds, peak, subprocess.CompletedProcess(command, process.returncode, out, err)


def _check_exported(token: str, annotator: str, documents: int) -> float:
    """Export the imported claims (doccano, one document a line): their count, and the time."""
    client = Client({"Authorization": f"Token {token}"})
    started = time.perf_counter()
    status, body = client.get(f"/api/v1/export/claims/?format=doccano&annotator={annotator}")
    seconds = time.perf_counter() - started
    assert status == 200, status
    lines = body.count(b"\n")
    assert lines >= documents, (lines, documents)
    return seconds


def importer(name: str):
    """A new analyst ``name-<random>`` and an API token for them: ``(user, token)``."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from knox.models import AuthToken

    user = get_user_model().objects.create_user(username=f"{name}-{uuid.uuid4().hex[:6]}")
    user.groups.add(Group.objects.get(name="Analyst"))
    return user, AuthToken.objects.create(user=user, expiry=None)[1]


def upload(client: Client, body: Path, content_type: str) -> tuple[int, bytes]:
    """POST a multipart body made by ``_multipart`` to the doccano import endpoint, streamed from
    disk as a browser would send it; ``(status, answer)``."""
    with open(body, "rb") as stream:
        response = client.request(
            "POST", "/api/v1/import/annotations/?format=doccano", body=stream,
            headers={"Content-Type": content_type, "Content-Length": str(body.stat().st_size)},
        )
        return response.status, response.read()


def b8(master, fixture, env: dict, results: dict) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-b8-"))
    for via in ("api", "cli"):
        # Each way its own importer: the export check counts that user's documents.
        user, token = importer(f"bench-importer-{via}")
        runs = []
        baseline_cli = None
        if via == "cli":
            tiny = workdir / "tiny.jsonl"
            doccano_file(tiny, 1, seed=1)
            command = [sys.executable, "manage.py", "import_annotations", str(tiny), "--format", "doccano", "--user", user.username]
            _, baseline_cli, done = _peak_rss_of(command, env)
            assert done.returncode == 0, done.stderr
        for run in range(RUNS):
            path = workdir / f"b8-{via}-{run}.jsonl"
            spans = doccano_file(path, DOCUMENTS, seed=1000 + run)
            quiet_queue()
            size = path.stat().st_size
            after = _last_document_id()
            load = os.getloadavg()[0]
            if via == "api":
                body, content_type = _multipart(path)
                before = _worker_rss(master)
                client = Client({"Authorization": f"Token {token}"})
                answer = []
                started = time.perf_counter()
                seconds, peak = rss_while(master, lambda: answer.extend(upload(client, body, content_type)))
                assert answer[0] == 201, answer
                report = json.loads(answer[1])
                growth = max(0, peak - before)
                body.unlink()
            else:
                command = [sys.executable, "manage.py", "import_annotations", str(path), "--format", "doccano", "--user", user.username]
                started = time.perf_counter()
                seconds, peak, done = _peak_rss_of(command, env)
                assert done.returncode == 0, done.stderr
                report = {"claims_created": int(done.stdout.split(": ")[1].split(" ")[0])}
                growth = max(0, peak - baseline_cli)
            sentences = _wait_for_sentences(after, started)
            _drop_queued_suggestions()
            assert report["claims_created"] == spans, (report, spans)
            export = _check_exported(fixture.token, user.username, DOCUMENTS)
            runs.append({"stored": seconds, "sentences": sentences, "memory": growth, "export": export, "load": load,
                         "size": size, "spans": spans})
            log(f"B8 {via} run {run + 1}: stored {seconds:.2f} s, sentences {sentences:.2f} s, "
                f"memory +{growth / 2**20:.0f} MiB, export {export:.2f} s, load {load:.1f}")
            path.unlink()
            _drop_imported(after)
        results[f"B8 {via}"] = {
            "stored": statistics.median(r["stored"] for r in runs),
            "sentences": statistics.median(r["sentences"] for r in runs),
            "memory": statistics.median(r["memory"] for r in runs),
            "export": statistics.median(r["export"] for r in runs),
            "runs": runs,
        }


def b9(fixture, results: dict) -> None:
    """One client creates claims with a 2-source chain, one after the other."""
    from knox.models import AuthToken

    token = AuthToken.objects.create(user=fixture.analyst, expiry=None)[1]
    body = json.dumps({
        "document": fixture.long_document_id, "start": fixture.span[0], "end": fixture.span[1], "tag": "sourced",
        "attributions": [{"position": 0, "source": fixture.source_ids[0]}, {"position": 1, "source": fixture.source_ids[1]}],
    }).encode()  # fmt: skip
    client = Client({"Authorization": f"Token {token}", "Content-Type": "application/json"})
    rounds = []
    for _ in range(RUNS):
        for _ in range(20):  # warm: every worker connects and loads the token's user once
            response = client.request("POST", "/api/v1/claims/", body=body)
            response.read()
        latencies = []
        load = os.getloadavg()[0]
        for _ in range(300):
            started = time.perf_counter()
            response = client.request("POST", "/api/v1/claims/", body=body)
            response.read()
            latencies.append(time.perf_counter() - started)
            assert response.status == 201, response.status
        rounds.append({"p50": statistics.median(latencies), "p95": pct(latencies, 95), "load": load})
        log(f"B9: p50 {rounds[-1]['p50'] * 1000:.1f} ms, p95 {rounds[-1]['p95'] * 1000:.1f} ms, load {load:.1f}")
    results["B9"] = {
        "p50": statistics.median(r["p50"] for r in rounds),
        "p95": statistics.median(r["p95"] for r in rounds),
        "runs": rounds,
    }


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def section(results: dict) -> str:
    """This benchmark's section of the results file (Markdown), or "" without B8/B9 figures."""
    import platform

    if not any(key in results for key in ("B8 api", "B8 cli", "B9")):
        return ""

    lines = [
        SECTION,
        "",
        f"- Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; machine: {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; command: `make bench` (or `python bench/annotations.py`), "
        f"{RUNS} runs each, medians; the load average (1 min) at the start of each run is given, the machine "
        "being shared with other work.",
        "",
        "| benchmark | figure | target | verdict |",
        "|---|---|---|---|",
    ]
    for via in ("api", "cli"):
        figures = results.get(f"B8 {via}")
        if not figures:
            continue
        runs = figures["runs"]
        name = "API (multipart upload)" if via == "api" else "command line"
        lines += [
            f"| B8 {name}: {DOCUMENTS:,} documents, {runs[0]['spans']:,} spans, {runs[0]['size'] / 2**20:.1f} MiB, stored and exportable "
            f"| {figures['stored']:.2f} s ({', '.join(f'{r['stored']:.2f}' for r in runs)}) | <= {TARGETS['stored']} s | {_verdict(figures['stored'] <= TARGETS['stored'])} |",
            f"| B8 {name}: every sentence ready | {figures['sentences']:.2f} s ({', '.join(f'{r['sentences']:.2f}' for r in runs)}) "
            f"| <= {TARGETS['sentences']:.0f} s | {_verdict(figures['sentences'] <= TARGETS['sentences'])} |",
            f"| B8 {name}: memory growth | {figures['memory'] / 2**20:.0f} MiB | < {TARGETS['memory_mb']} MB "
            f"| {_verdict(figures['memory'] < TARGETS['memory_mb'] * 10**6)} |",
            f"| B8 {name}: export of the imported claims (doccano) | {figures['export']:.2f} s | | — |",
            f"| B8 {name}: load average at each run | {', '.join(f'{r['load']:.1f}' for r in runs)} | | |",
        ]
    if figures := results.get("B9"):
        lines += [
            f"| B9 create a claim with a 2-source chain, 1 client (300 requests a run) | p50 {figures['p50'] * 1000:.1f} ms, "
            f"p95 {figures['p95'] * 1000:.1f} ms (runs: {', '.join(f'{r['p50'] * 1000:.1f}/{r['p95'] * 1000:.1f}' for r in figures['runs'])}) "
            f"| p50 <= 10 ms, p95 <= 20 ms | {_verdict(figures['p50'] <= TARGETS['b9_p50'] and figures['p95'] <= TARGETS['b9_p95'])} |",
            f"| B9 load average at each run | {', '.join(f'{r['load']:.1f}' for r in figures['runs'])} | | |",
        ]
    return "\n".join(lines) + "\n"


def write_section(results: dict) -> Path:
    """Replace (or add) this benchmark's section of the results file; the rest stays as it is."""
    from bench.report import results_path

    path = results_path()
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    if SECTION in text:
        head, _, rest = text.partition(SECTION)
        following = rest.find("\n## ")
        text = head + section(results) + (rest[following + 1 :] if following >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section(results)
    path.write_text(text, encoding="utf-8")
    return path


def run(master, fixture, env: dict) -> dict:
    """B9 then B8 against the running server; the figures, for the report of the whole run."""
    results: dict = {}
    b9(fixture, results)
    b8(master, fixture, env, results)
    return results


def main() -> None:
    from bench import run as bench_run

    env = bench_run.setup_django()
    from bench import setup

    fixture = setup.prepare()
    with bench_run.served(env) as master:
        path = write_section(run(master, fixture, env))
    log(f"B8/B9 written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
