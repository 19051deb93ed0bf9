"""A large doccano file through the API, with the serving processes' memory watched.

    DATABASE_URL=postgres://... BENCH_DB=annotator_big .venv/bin/python bench/large_import.py [DOCUMENTS]

Writes a doccano JSONL file of DOCUMENTS fresh synthetic articles (57,000 make ~100 MiB, five
labelled spans each), serves the bench database with ``make serve`` and uploads the file to
``POST /api/v1/import/annotations/?format=doccano`` as one multipart request, sampling the RSS
of every serving process meanwhile. Prints the time to stored and the memory growth.
"""

import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import run
url = run.bench_database_url()
env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bench.settings", "DJANGO_DEBUG": "0",
       "DJANGO_SECRET_KEY": "bench-only-secret-key-" + "x" * 40, "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver"}
run.manage("migrate", "--noinput", env=env)
os.environ.update(env)
import django
django.setup()
from bench import setup
from bench.annotations import doccano_file, _multipart, _worker_rss
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from knox.models import AuthToken
fixture = setup.prepare()
user = get_user_model().objects.create_user(username=f"big-{uuid.uuid4().hex[:6]}")
user.groups.add(Group.objects.get(name="Analyst"))
token = AuthToken.objects.create(user=user, expiry=None)[1]
path = Path(tempfile.mkdtemp()) / "big.jsonl"
docs = int(sys.argv[1]) if len(sys.argv) > 1 else 57000
spans = doccano_file(path, docs, seed=5)
size = path.stat().st_size
print(f"file {size/2**20:.1f} MiB, {docs} documents, {spans} spans", flush=True)
body, ctype = _multipart(path)
with run.served(env) as master:
    time.sleep(3)
    before = _worker_rss(master)
    client = run.Client({"Authorization": f"Token {token}"})
    answer = {}
    def post():
        with open(body, "rb") as stream:
            r = client.request("POST", "/api/v1/import/annotations/?format=doccano", body=stream,
                               headers={"Content-Type": ctype, "Content-Length": str(body.stat().st_size)})
            answer["status"], answer["body"] = r.status, r.read()
    seconds, peak = run.rss_while(master, post)
    print("status", answer["status"], answer["body"][:200], flush=True)
    print(f"stored in {seconds:.1f} s; serving processes' RSS before {before/2**20:.0f} MiB, peak {peak/2**20:.0f} MiB, growth {(peak-before)/2**20:.0f} MiB")
