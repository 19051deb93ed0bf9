"""A large doccano file through the API, with the serving processes' memory watched.

    DATABASE_URL=postgres://... BENCH_DB=annotator_big .venv/bin/python bench/large_import.py [DOCUMENTS]

Writes a doccano JSONL file of DOCUMENTS fresh synthetic articles (57,000 make ~100 MiB, five
labelled spans each), serves the bench database with ``make serve`` and uploads the file to
``POST /api/v1/import/annotations/?format=doccano`` as one multipart request, sampling the RSS
of every serving process meanwhile. Prints the time to stored and the memory growth.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # noqa: E402


def main() -> None:
    import tempfile

    env = run.setup_django()
    from bench import setup
    from bench.annotations import _multipart, _worker_rss, doccano_file, importer, upload

    setup.prepare()
    _, token = importer("big")
    path = Path(tempfile.mkdtemp()) / "big.jsonl"
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 57000
    spans = doccano_file(path, documents, seed=5)
    print(f"file {path.stat().st_size / 2**20:.1f} MiB, {documents} documents, {spans} spans", flush=True)
    body, content_type = _multipart(path)
    with run.served(env) as master:
        time.sleep(3)  # the workers settled
        before = _worker_rss(master)
        client = run.Client({"Authorization": f"Token {token}"})
        answer = []
        seconds, peak = run.rss_while(master, lambda: answer.extend(upload(client, body, content_type)))
    print("status", answer[0], answer[1][:200], flush=True)
    print(f"stored in {seconds:.1f} s; serving processes' RSS before {before / 2**20:.0f} MiB, "
          f"peak {peak / 2**20:.0f} MiB, growth {(peak - before) / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
