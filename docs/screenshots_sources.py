"""``make screenshots-sources``: docs/source-page.png and docs/network.png, from the seed data.

In its own database (on DATABASE_URL's server, or the embedded one): the seed registry,
articles and demo users; the gold chains of the seed articles (tests/data/gold_suggestions.jsonl)
as claims of ``analyst``, approved by ``reviewer``; two credibility notes. Then the app is
served on SCREENSHOT_PORT and Chromium (/usr/bin/chromium) takes the two pictures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = "annotator_screenshots"
PORT = int(os.environ.get("SCREENSHOT_PORT", "8790"))
GOLD = ROOT / "tests" / "data" / "gold_suggestions.jsonl"


def database_url() -> str:
    """A fresh database beside DATABASE_URL's (or on the embedded server)."""
    import psycopg

    if os.environ.get("DATABASE_URL"):
        parts = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
        admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        url = urllib.parse.urlunsplit(parts._replace(path=f"/{DATABASE}"))
        connect = {"conninfo": admin}
    else:
        from annotator.embedded_db import embedded_database_settings

        params = embedded_database_settings(ROOT / ".pgdata", database="postgres")
        url = f"postgres://postgres@/{DATABASE}?host={params['HOST']}&port={params['PORT']}"
        connect = {"host": params["HOST"], "port": params["PORT"], "user": "postgres", "dbname": "postgres"}
    with psycopg.connect(**connect, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DATABASE}")
    return url


def approve_gold_chains() -> int:
    from django.contrib.auth import get_user_model

    from claims import services, sources
    from claims.models import Document, Source

    User = get_user_model()
    analyst, reviewer = User.objects.get(username="analyst"), User.objects.get(username="reviewer")
    registry = {s.slug: s for s in Source.objects.all()}
    made = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        document = Document.objects.filter(text=gold["text"]).first()
        if document is None:
            continue
        for sentence in gold["sentences"]:
            chain = [link for link in sentence.get("chain") or [] if link["source"]["slug"] in registry]
            if not sentence.get("claim") or (sentence["tag"] == "sourced" and not chain):
                continue
            links = [
                services.Link(registry[link["source"]["slug"]], i, *((link["mention"]["start"], link["mention"]["end"]) if link.get("mention") else (None, None)))
                for i, link in enumerate(chain)
            ]
            claim = services.claim_create(
                document=document, user=analyst, start=sentence["start"], end=sentence["end"], tag=sentence["tag"], chain=links
            )
            services.claim_submit(claim=claim, user=analyst)
            services.claim_review(claim=claim, reviewer=reviewer, decision="approve")
            made += 1
    sources.credibility_note_add(
        source=registry["mehr"], user=reviewer, rating="state_affiliated",
        text="Owned by the Islamic Ideology Dissemination Organization; relays official Iranian positions.",
    )  # fmt: skip
    sources.credibility_note_add(
        source=registry["afp"], user=reviewer, rating="reliable", text="International wire agency with corrections policy."
    )
    return made


def serve(env: dict) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{PORT}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/accounts/login/", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not answer within 60 s")


def shoot() -> None:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(base_url=f"http://127.0.0.1:{PORT}", viewport={"width": 1400, "height": 1000})
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill("reviewer")
        page.get_by_label("Password").fill("reviewer-demo")
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        page.goto("/sources/iraqi-security-source/")
        page.screenshot(path=str(ROOT / "docs" / "source-page.png"), full_page=True)
        page.goto("/sources/network/?publishers=on&min_weight=1")
        page.wait_for_function("document.getElementById('network').dataset.nodes !== undefined")
        page.wait_for_timeout(500)
        page.screenshot(path=str(ROOT / "docs" / "network.png"), full_page=True)
        browser.close()


def main() -> None:
    url = database_url()
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "annotator.settings.base"}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "seed"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    os.environ.update(env)
    import django

    django.setup()
    print(f"{approve_gold_chains()} gold claims approved")
    server = serve(env)
    try:
        shoot()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print("wrote docs/source-page.png and docs/network.png")


if __name__ == "__main__":
    main()
