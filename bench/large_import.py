"""A large doccano file through the API, or through the import page, with memory watched.

    DATABASE_URL=postgres://... BENCH_DB=annotator_big .venv/bin/python bench/large_import.py [DOCUMENTS] [--page]

Writes a doccano JSONL file of DOCUMENTS fresh synthetic articles (57,000 make ~100 MiB, five
labelled spans each) and serves the bench database with ``make serve``. Through the API
(default) the file goes to ``POST /api/v1/import/annotations/?format=doccano`` as one multipart
request and the RSS of every serving process is sampled meanwhile; prints the time to stored
and the memory growth. With ``--page`` an analyst signed in uploads it through the import page
(``/imports/annotations/``), the job's progress is polled as the page polls it (once a second),
and the RSS of the serving and the tasks workers' processes is sampled until the job is done;
prints the progress seen, the time and the memory growth of each kind of process.
"""

import re
import sys
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # noqa: E402


def _processes(master) -> dict[str, list]:
    """The serving processes (gunicorn's workers) and the tasks workers (run_worker)."""
    import psutil

    group = psutil.Process(master.ppid())  # the shell that `make serve` runs them from
    kinds: dict[str, list] = {"serving": [], "tasks": []}
    for process in group.children(recursive=True):
        try:
            line = " ".join(process.cmdline())
        except Exception:
            continue
        if "run_worker" in line:
            kinds["tasks"].append(process)
        elif process.ppid() == master.pid:
            kinds["serving"].append(process)
    return kinds


def _rss(processes) -> int:
    total = 0
    for process in processes:
        try:
            total = max(total, process.memory_info().rss)
        except Exception:
            pass
    return total


def _page_upload(path: Path, username: str) -> None:
    import http.client

    from bench.setup import PASSWORD

    cookie = run.session_cookie(username, PASSWORD)
    conn = http.client.HTTPConnection("127.0.0.1", run.PORT, timeout=600)
    conn.request("GET", "/imports/annotations/", headers={"Cookie": cookie})
    response = conn.getresponse()
    page = response.read().decode()
    csrf = response.getheader("Set-Cookie", "").split("csrftoken=")[-1].split(";")[0] or None
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    cookies = f"{cookie}; csrftoken={csrf}" if csrf else cookie
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\ndoccano\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
        "Content-Type: application/x-ndjson\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    size = len(head) + path.stat().st_size + len(tail)
    conn.putrequest("POST", "/imports/annotations/")
    for name, value in (("Cookie", cookies), ("Content-Type", f"multipart/form-data; boundary={boundary}"),
                        ("Content-Length", str(size)), ("Referer", f"http://127.0.0.1:{run.PORT}/imports/annotations/")):
        conn.putheader(name, value)
    conn.endheaders()
    started = time.perf_counter()
    conn.send(head)
    with open(path, "rb") as stream:
        while block := stream.read(1 << 20):
            conn.send(block)
    conn.send(tail)
    response = conn.getresponse()
    response.read()
    assert response.status == 302, response.status
    job_url = response.getheader("Location")
    print(f"uploaded in {time.perf_counter() - started:.1f} s; job {job_url}", flush=True)
    seen = []
    while True:
        conn.request("GET", job_url, headers={"Cookie": cookies, "HX-Request": "true"})
        fragment = conn.getresponse().read().decode()
        status = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()
        if not seen or seen[-1][1] != status:
            seen.append((time.perf_counter() - started, status))
            print(f"  {seen[-1][0]:6.1f} s  {status[:110]}", flush=True)
        if "Imported" in status or "Refused" in status:
            assert "Imported" in status, status
            return
        time.sleep(1.0)


def main() -> None:
    import tempfile

    env = run.setup_django()
    from bench import setup
    from bench.annotations import _multipart, _worker_rss, doccano_file, importer, upload

    fixture = setup.prepare()
    _, token = importer("big")
    path = Path(tempfile.mkdtemp()) / "big.jsonl"
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    documents = int(numbers[0]) if numbers else 57000
    spans = doccano_file(path, documents, seed=5)
    print(f"file {path.stat().st_size / 2**20:.1f} MiB, {documents} documents, {spans} spans", flush=True)
    with run.served(env) as master:
        time.sleep(3)  # the workers settled
        if "--page" in sys.argv:
            kinds = _processes(master)
            before = {kind: _rss(processes) for kind, processes in kinds.items()}
            peak = dict(before)
            done = threading.Event()

            def sample():
                while not done.is_set():
                    for kind, processes in kinds.items():
                        peak[kind] = max(peak[kind], _rss(processes))
                    time.sleep(0.05)

            sampler = threading.Thread(target=sample)
            sampler.start()
            started = time.perf_counter()
            try:
                _page_upload(path, fixture.analyst.username)
            finally:
                done.set()
                sampler.join()
            print(f"through the page: imported in {time.perf_counter() - started:.1f} s; " + "; ".join(
                f"{kind} processes' RSS before {before[kind] / 2**20:.0f} MiB, peak {peak[kind] / 2**20:.0f} MiB "
                f"(+{(peak[kind] - before[kind]) / 2**20:.0f} MiB)" for kind in kinds))
            return
        body, content_type = _multipart(path)
        before = _worker_rss(master)
        client = run.Client({"Authorization": f"Token {token}"})
        answer = []
        seconds, peak = run.rss_while(master, lambda: answer.extend(upload(client, body, content_type)))
    print("status", answer[0], answer[1][:200], flush=True)
    print(f"stored in {seconds:.1f} s; serving processes' RSS before {before / 2**20:.0f} MiB, "
          f"peak {peak / 2**20:.0f} MiB, growth {(peak - before) / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
