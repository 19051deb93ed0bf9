"""Hardening probe: the bad inputs and abuse cases of the hardening issue, replayed in process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> .venv/bin/python bench/hardening_probe.py

It creates its own test database (``test_<db>``, dropped at the end), a few users, a document,
sources and claims, then sends each case through Django's test client with the test settings
(DEBUG off) and prints one table row per case: what came back, and whether that is a clean
refusal (a 4xx with a readable reason, nothing stored), an acceptable answer, or a failure
(a 5xx, a traceback, a weak answer). Run it on two commits to compare them.
"""

from __future__ import annotations

import base64
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "annotator.settings.test")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

RESULTS: list[tuple[str, str, str, str]] = []  # family, case, answer, verdict


def record(family: str, case: str, answer: str, ok: bool | None) -> None:
    verdict = {True: "refused cleanly", False: "FAILED", None: "answered"}[ok]
    RESULTS.append((family, case, answer, verdict))


def cursor(raw: bytes) -> str:
    return quote(base64.b64encode(raw).decode())


def deep(n: int) -> str:
    return "[" * n + "]" * n


def counts() -> tuple[int, ...]:
    from claims.models import Attribution, Claim, Document, Review, Source

    return tuple(m.objects.count() for m in (Claim, Attribution, Document, Source, Review))


def clean_json(response, field: str | None = None) -> bool:
    if not 400 <= response.status_code < 500:
        return False
    if not response.get("Content-Type", "").startswith("application/json"):
        return False
    if field is None:
        return True
    return field in json.dumps(response.json())


def clean_page(response, words: str = "") -> bool:
    if not 400 <= response.status_code < 500:
        return False
    body = response.content.decode(errors="replace")
    return "<form" in body and (words.lower() in body.lower())


def summary(response) -> str:
    ctype = response.get("Content-Type", "").split(";")[0]
    return f"{response.status_code} {ctype}"


def main() -> None:
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run_cases()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print_table()


def make_data():
    from claims import services
    from claims.models import Source, SourceKind
    from tests.factories import PASSWORD, UserFactory

    analyst = UserFactory(username="ann", groups=["Analyst"])
    reviewer = UserFactory(username="rev", groups=["Reviewer"])
    UserFactory(username="root", is_superuser=True, is_staff=True)
    mehr = Source.objects.create(slug="mehr", name="Mehr News Agency", kind=SourceKind.NEWS_OUTLET)
    text = "Une source a annoncé l’entrée d’une colonne, selon l’agence Mehr.\nLes combats continuent.\n"
    document = services.document_create(text=text, title="Probe", created_by=None)
    claim = services.claim_create(document=document, user=analyst, start=0, end=20, tag="unsourced")
    submitted = services.claim_create(document=document, user=analyst, start=text.index("Les"), end=len(text) - 1, tag="unsourced")
    services.claim_submit(claim=submitted, user=analyst)
    return {"analyst": analyst, "reviewer": reviewer, "password": PASSWORD, "mehr": mehr, "document": document,
            "claim": claim, "submitted": submitted}


def logged_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def run_cases() -> None:
    d = make_data()
    a, r = logged_in(d["analyst"]), logged_in(d["reviewer"])
    doc, claim, submitted, mehr = d["document"], d["claim"], d["submitted"], d["mehr"]
    anon = Client(raise_request_exception=False)

    def api(client, method, url, raw, family, case, field):
        before = counts()
        response = getattr(client, method)(url, raw, content_type="application/json")
        record(family, case, summary(response), clean_json(response, field) and counts() == before)

    # -- lone surrogates in choice fields ------------------------------------------------------
    s = '"\\ud800"'
    fam = "lone surrogate (API)"
    api(a, "post", "/api/v1/claims/", f'{{"document": {doc.pk}, "start": 0, "end": 5, "tag": {s}}}', fam, "POST claim tag", "tag")
    api(a, "patch", f"/api/v1/claims/{claim.pk}/", f'{{"version": 1, "tag": {s}}}', fam, "PATCH claim tag", "tag")
    api(r, "post", f"/api/v1/claims/{submitted.pk}/review/", f'{{"decision": {s}}}', fam, "POST review decision", "decision")
    api(r, "post", f"/api/v1/claims/{submitted.pk}/review/", f'{{"decision": "reject", "reason": {s}}}', fam, "POST review reason", "reason")
    api(a, "post", "/api/v1/sources/", f'{{"name": "X", "kind": {s}}}', fam, "POST source kind", "kind")
    api(r, "patch", f"/api/v1/sources/{mehr.pk}/", f'{{"kind": {s}}}', fam, "PATCH source kind", "kind")

    # -- deeply nested JSON --------------------------------------------------------------------
    fam = "deep JSON"
    api(anon, "post", "/api/v1/auth/token/", '{"username": ' + deep(10_000) + "}", fam, "token endpoint, 10,000 deep", None)
    api(a, "post", "/api/v1/claims/", '{"attributions": ' + deep(10_000) + "}", fam, "claim create, 10,000 deep", None)
    before = counts()
    upload = SimpleUploadedFile("deep.json", deep(10_000).encode())
    response = a.post("/api/v1/import/annotations/?format=labelstudio", {"file": upload})
    record(fam, "annotation import, 10,000 deep", summary(response), clean_json(response, "file") and counts() == before)
    before = counts()
    upload = SimpleUploadedFile("deep.json", deep(50_000).encode())
    response = a.post("/documents/add/", {"action": "upload", "upload-files": upload})
    record(fam, "Add articles upload, 50,000 deep", summary(response), clean_page(response, "deep.json") and counts() == before)

    # -- tampered cursors ----------------------------------------------------------------------
    fam = "pagination cursor"
    for path in ("claims", "documents", "sources"):
        response = a.get(f"/api/v1/{path}/?cursor={cursor(b'p=abc')}")
        record(fam, f"/{path}/ cursor p=abc", summary(response), response.status_code == 400 and clean_json(response, "cursor"))
    response = a.get(f"/api/v1/claims/?cursor={cursor(b'p=' + bytes([0]))}")
    record(fam, "/claims/ cursor p=NUL", summary(response), response.status_code == 400 and clean_json(response, "cursor"))
    response = a.get("/api/v1/claims/?cursor=not-a-cursor")
    record(fam, "/claims/ cursor garbage", summary(response), response.status_code == 400 and clean_json(response, "cursor"))

    # -- digits that isdigit() accepts and int() refuses ---------------------------------------
    fam = "non-ASCII digits (pages)"
    sup = "²"
    for case, url in [
        ("chain-link ?source=²", f"/documents/{doc.pk}/chain-link/?source={sup}"),
        ("chain-link ?start=²", f"/documents/{doc.pk}/chain-link/?source={mehr.pk}&start={sup}&end=9"),
        ("chain-link ?end=²", f"/documents/{doc.pk}/chain-link/?source={mehr.pk}&start=0&end={sup}"),
        ("new claim ?start=²", f"/documents/{doc.pk}/claims/new/?start={sup}&end=9"),
    ]:
        response = a.get(url)
        record(fam, case, summary(response), response.status_code < 500)
    for case, extra in [
        ("POST link_source=²", {"link_source": sup, "link_mention_start": "", "link_mention_end": ""}),
        ("POST link_mention_start=²", {"link_source": str(mehr.pk), "link_mention_start": sup, "link_mention_end": "3"}),
    ]:
        before = counts()
        response = a.post(f"/documents/{doc.pk}/claims/new/", {"start": "0", "end": "9", "tag": "sourced", **extra})
        record(fam, case, summary(response), clean_page(response) and counts() == before)
    before = counts()
    response = r.post("/review/bulk-approve/", {"claims": [sup]})
    record(fam, "bulk approve claims=²", summary(response), 400 <= response.status_code < 500 and counts() == before)

    # -- NUL in query strings and forms --------------------------------------------------------
    fam = "NUL in query/form"
    response = a.get("/sources/options/?q=%00")
    record(fam, "/sources/options/?q=%00", summary(response), 400 <= response.status_code < 500)
    response = a.get("/?q=%00")
    record(fam, "/?q=%00 (document list)", summary(response), 400 <= response.status_code < 500)
    response = a.get("/api/v1/sources/?search=%00")
    record(fam, "/api/v1/sources/?search=%00", summary(response), clean_json(response, "search"))
    response = a.get("/api/v1/claims/?annotator=%00")
    record(fam, "/api/v1/claims/?annotator=%00", summary(response), clean_json(response, "annotator"))
    response = a.get("/api/v1/documents/?search=%ED%A0%80")  # a UTF-8-encoded lone surrogate
    record(fam, "/api/v1/documents/?search=<surrogate bytes>", summary(response), response.status_code < 500)
    before = counts()
    response = a.post("/documents/add/", {"action": "paste", "paste-text": "Un texte\x00 avec NUL.", "paste-title": "t"})
    record(fam, "paste with NUL", summary(response), clean_page(response) and counts() == before)

    # -- impossible dates ----------------------------------------------------------------------
    fam = "impossible date"
    before = counts()
    upload = SimpleUploadedFile("bad-date.json", json.dumps({"text": "Un article.", "published_at": "9999-99-99"}).encode())
    response = a.post("/documents/add/", {"action": "upload", "upload-files": upload})
    record(fam, "Add articles upload published_at 9999-99-99", summary(response), clean_page(response, "published_at") and counts() == before)
    api(a, "post", "/api/v1/documents/", '{"text": "Un article.", "published_at": "9999-99-99"}', fam, "API document published_at 9999-99-99", "published_at")
    cli_case()

    # -- weak answers --------------------------------------------------------------------------
    fam = "weak answers"
    response = a.get("/api/v1/claims/?format=csv")
    record(fam, "/api/v1/claims/?format=csv", summary(response), None if response.status_code == 200 else False)
    response = a.get("/api/v1/export/claims/?format=csv")
    record(fam, "/api/v1/export/claims/?format=csv", summary(response), None if response.status_code == 200 else False)
    before = counts()
    response = a.post("/documents/add/", {"action": "paste", "paste-text": "x" * (11 * 1024 * 1024)})
    record(fam, "11 MB paste", summary(response), clean_page(response, "larger than the limit") and counts() == before)
    response = a.get("/api/v1/no-such-thing/")
    record(fam, "API 404 (DEBUG off)", summary(response), clean_json(response))
    response = anon.get("/api/v1/no-such-thing/")
    record(fam, "API 404 anonymous (DEBUG off)", summary(response), 400 <= response.status_code < 500 and response["Content-Type"].startswith("application/json"))

    # -- abuse ---------------------------------------------------------------------------------
    fam = "abuse"
    client = Client(raise_request_exception=False)
    codes = [client.post("/accounts/login/", {"username": "ann", "password": f"wrong{i}"}).status_code for i in range(30)]
    response = client.post("/accounts/login/", {"username": "ann", "password": d["password"]})
    locked = response.status_code != 302
    record(fam, "30 wrong passwords on the login page, then the right one", f"last {response.status_code}", locked)
    client = Client(raise_request_exception=False)
    codes = [client.post("/api/v1/auth/token/", {"username": "rev", "password": f"w{i}"}, content_type="application/json").status_code for i in range(30)]
    record(fam, "30 wrong passwords on the token endpoint", f"codes {sorted(set(codes))}", 429 in codes)
    client = Client(raise_request_exception=False)
    codes = [client.post("/admin/login/", {"username": "root", "password": f"w{i}"}).status_code for i in range(30)]
    response = client.post("/admin/login/", {"username": "root", "password": d["password"]})
    record(fam, "30 wrong passwords on the admin login, then the right one", f"last {response.status_code}", response.status_code != 302)
    from django.apps import apps

    if apps.is_installed("axes"):  # the failures above locked this address: start afresh
        from axes.utils import reset

        reset()
    response = Client().post("/api/v1/auth/token/", {"username": "ann", "password": d["password"]}, content_type="application/json")
    body = response.json() if response.status_code == 200 else {}
    record(fam, "token answer says when it expires", f"{response.status_code} keys {sorted(body)}", "expiry" in body)
    response = Client().post("/api/v1/auth/logout/", HTTP_AUTHORIZATION=f"Token {body.get('token', '')}")
    record(fam, "POST /api/v1/auth/logout/ revokes", summary(response), response.status_code in (200, 204))
    from rest_framework.throttling import SimpleRateThrottle

    rates = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = {"user": "100/min", "anon": "20/min"}  # what DRF reads
    try:
        codes = [a.get("/api/v1/sources/").status_code for _ in range(150)]
    finally:
        SimpleRateThrottle.THROTTLE_RATES = rates
    record(fam, "150 API requests in a row (user rate 100/min)", f"codes {sorted(set(codes))}", 429 in codes)
    response = a.get("/")
    record(fam, "Content-Security-Policy header", "present" if response.has_header("Content-Security-Policy") else "absent", response.has_header("Content-Security-Policy"))
    record(fam, "Permissions-Policy header", "present" if response.has_header("Permissions-Policy") else "absent", response.has_header("Permissions-Policy"))
    hash_case()


def hash_case() -> None:
    from django.contrib.auth.hashers import make_password

    import annotator.settings.base as base

    hashers = getattr(base, "PASSWORD_HASHERS", None) or ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    with override_settings(PASSWORD_HASHERS=hashers):
        make_password("warm-up")
        cpu = []
        for _ in range(5):
            started = time.process_time()
            make_password("correct horse battery staple")
            cpu.append((time.process_time() - started) * 1000)
        ms = sorted(cpu)[2]
    name = hashers[0].rsplit(".", 1)[-1]
    record("abuse", "one password hash (the configured hasher, CPU time)", f"{name} {ms:.0f} ms", ms <= 100)


def cli_case() -> None:
    from django.core.management import call_command

    from claims.models import Document

    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp, "good.json")
        good.write_text(json.dumps({"text": "Un article valable et unique pour la sonde."}))
        bad = Path(tmp, "bad.json")
        bad.write_text(json.dumps({"text": "Un autre article.", "published_at": "9999-99-99"}))
        before = Document.objects.count()
        err = io.StringIO()
        code = 0
        try:
            call_command("import_articles", str(bad), str(good), stdout=io.StringIO(), stderr=err)
        except SystemExit as exc:
            code = exc.code or 0
        except Exception as exc:  # a traceback on the command line
            code = f"traceback {type(exc).__name__}"
        imported = Document.objects.count() - before
        lines = [line for line in err.getvalue().splitlines() if line.strip()]
        ok = code == 1 and imported == 1 and len(lines) == 1 and "bad.json" in lines[0]
        record("impossible date", "CLI import_articles bad.json good.json", f"exit {code}, {imported} imported", ok)


def print_table() -> None:
    width = max(len(c) for _, c, _, _ in RESULTS)
    family = None
    for fam, case, answer, verdict in RESULTS:
        if fam != family:
            print(f"\n## {fam}")
            family = fam
        print(f"{case:<{width}}  {answer:<32}  {verdict}")
    tried = len(RESULTS)
    clean = sum(v == "refused cleanly" for *_, v in RESULTS)
    failed = sum(v == "FAILED" for *_, v in RESULTS)
    print(f"\ntried {tried}, refused cleanly {clean}, answered {tried - clean - failed}, failed {failed}")


if __name__ == "__main__":
    main()
