"""``make screenshots``: the README's pictures of the project page, My queue and curation.

Serves the app (``runserver``) on the database of ``DATABASE_URL`` (or the embedded one) after
``make seed`` has loaded the demo data, logs in as the demo users in Debian's Chromium and
writes ``docs/project.png``, ``docs/queue.png`` and ``docs/curation.png``. Not part of the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PORT = int(os.environ.get("SCREENSHOT_PORT", "8011"))
BASE = f"http://127.0.0.1:{PORT}"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORDS = {"analyst": "analyst-demo", "reviewer": "reviewer-demo", "admin": "admin-demo"}


def wait_for_server(deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{BASE}/accounts/login/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server on port {PORT} did not answer")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "annotator.settings.base")
    os.environ["DJANGO_DEBUG"] = "1"
    import django

    django.setup()
    from claims.demo_project import DEMO_PROJECT
    from claims.models import Project
    from claims.project_selectors import project_agreement

    project = Project.objects.filter(name=DEMO_PROJECT).first()
    if project is None:
        raise SystemExit("no demo project: run `make seed` (with DEBUG on) first")
    shared = project_agreement(project=project).documents
    document_id = shared[0].document_id
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=ROOT, env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_server(time.monotonic() + 60)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            shots = (
                ("admin", f"/projects/{project.pk}/", "project.png"),
                ("analyst", "/queue/", "queue.png"),
                ("reviewer", f"/projects/{project.pk}/documents/{document_id}/curate/", "curation.png"),
            )
            for username, path, name in shots:
                context = browser.new_context(base_url=BASE, viewport={"width": 1400, "height": 900})
                page = context.new_page()
                page.set_default_timeout(120_000)  # the server's first pages import everything
                page.goto("/accounts/login/")
                page.get_by_label("Username").fill(username)
                page.get_by_label("Password").fill(PASSWORDS[username])
                page.get_by_role("button", name="Log in").click()
                page.wait_for_url(lambda url: "/accounts/login/" not in url)
                page.goto(path)
                page.wait_for_load_state("networkidle")
                if name == "curation.png":  # from the first sentence the analysts annotated
                    page.locator("table.curation tr.agree, table.curation tr.disagree").first.evaluate(
                        "row => row.previousElementSibling.scrollIntoView()"
                    )
                page.screenshot(path=str(ROOT / "docs" / name), full_page=name != "curation.png")
                print(f"docs/{name}")
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
