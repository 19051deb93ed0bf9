"""A desk's workflow in a real browser (the issue's first acceptance test).

A manager creates a project, imports ten articles into it and assigns them automatically with
an overlap of 0.3 to two analysts; each analyst sees only their documents in My queue,
annotates one and marks it done; a reviewer curates a document both analysts read, taking the
first analyst's claim on one sentence and the second's on another; the curated export holds
exactly those two claims, and the project page shows agreement for that document.
"""

from __future__ import annotations

import json
import urllib.request

import pytest
from django.db.models import Count
from playwright.sync_api import Page, expect

from claims.models import Assignment, Claim, Document, Project
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLES = "\n".join(
    json.dumps(
        {
            "title": f"Dépêche {i:02d} sur al-Anbar",
            "text": f"Le ministère n° {i} a annoncé l’ouverture du port de Falloujah. "
            f"Les combats continuent dans la province n° {i}.\n",
        },
        ensure_ascii=False,
    )
    for i in range(10)
).encode("utf-8")


@pytest.fixture
def desk(transactional_db, settings):
    # The ten imported articles' suggestions are queued, not computed inside the import request
    # (the suggestions have their own browser tests).
    settings.TASKS = {"default": {**settings.TASKS["default"], "BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    return {
        "manager": UserFactory(username="manon", groups=["Manager"]),
        "ana": UserFactory(username="ana", groups=["Analyst"]),
        "bea": UserFactory(username="bea", groups=["Analyst"]),
        "rev": UserFactory(username="rev", groups=["Reviewer"]),
    }


def sign_in(login, username: str) -> None:
    login(username, PASSWORD, then=None)


def add_member(page: Page, username: str, role: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Role").select_option(role)
    page.get_by_role("button", name="Add member").click()
    expect(page.get_by_role("status").filter(has_text=f"{username} is {role} of the project.")).to_be_visible()


def make_claim(page: Page, sentence: int) -> None:
    # Reached through a link, not page.goto: wait for the page's scripts before clicking a
    # sentence (the server-rendered text is there before its click handler is).
    page.wait_for_load_state("load")
    page.locator("#doc-text .sentence").nth(sentence).click()
    expect(page.get_by_role("heading", name="New claim")).to_be_visible()
    page.get_by_role("radio", name="Unsourced", exact=True).check()
    page.get_by_role("button", name="Save claim").click()
    expect(page.get_by_role("status").filter(has_text="Claim saved.")).to_be_visible()


def test_manager_assigns_analysts_annotate_reviewer_curates(page: Page, live_server, login, desk):
    page.set_default_timeout(30_000)  # a long flow on a shared machine; each step still waits for its result
    # The server's first request imports every view module (scikit-learn among them): done
    # here, so that the first navigation below measures the page, not the imports.
    with urllib.request.urlopen(f"{live_server.url}/accounts/login/", timeout=120) as response:
        assert response.status == 200
    # 1. The manager creates the project, adds the members, imports ten articles, assigns them.
    sign_in(login, "manon")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Projects").click()
    page.get_by_label("Name").fill("Irak 2019")
    page.get_by_label("Description").fill("Dépêches sur al-Anbar")
    page.get_by_role("button", name="Create project").click()
    expect(page.get_by_role("heading", name="Irak 2019")).to_be_visible()
    for username, role in (("ana", "analyst"), ("bea", "analyst"), ("rev", "reviewer")):
        add_member(page, username, role)
    page.get_by_label("Files").set_input_files(files=[{"name": "batch.jsonl", "mimeType": "application/json", "buffer": ARTICLES}])
    page.get_by_role("button", name="Import into project").click()
    expect(page.get_by_role("status").filter(has_text="10 article(s) imported into the project.")).to_be_visible()
    page.get_by_label("Overlap").fill("0.3")
    page.get_by_role("button", name="Assign automatically").click()
    expect(page.get_by_role("status").filter(has_text="10 document(s) assigned automatically (13 assignments).")).to_be_visible()

    project = Project.objects.get(name="Irak 2019")
    counts = Assignment.objects.filter(project=project).values("document").annotate(n=Count("pk"))
    shared = sorted(row["document"] for row in counts if row["n"] == 2)
    assert len(shared) == 3
    document = Document.objects.get(pk=shared[0])

    # 2. Each analyst lands on My queue, sees only their documents, annotates the shared one, marks it done.
    for username in ("ana", "bea"):
        sign_in(login, username)
        expect(page.get_by_role("heading", name="My queue")).to_be_visible()
        mine = set(Assignment.objects.filter(project=project, analyst__username=username).values_list("document_id", flat=True))
        rows = page.locator("table.queue-documents tbody tr")
        expect(rows).to_have_count(len(mine))
        shown = {int(rows.nth(i).get_attribute("id").removeprefix("queue-document-")) for i in range(len(mine))}
        assert shown == mine
        other = Document.objects.filter(assignments__project=project).exclude(pk__in=mine).first()
        assert page.request.get(f"/documents/{other.pk}/").status == 404
        assert page.request.get(f"/api/v1/documents/{other.pk}/").status == 404

        page.locator(f"#queue-document-{document.pk}").get_by_role("link", name=document.title).click()
        make_claim(page, 0)
        make_claim(page, 1)
        page.get_by_role("navigation", name="Main").get_by_role("link", name="My queue").click()
        page.locator(f"#queue-document-{document.pk}").get_by_role("button", name="Mark done").click()
        expect(page.get_by_role("status").filter(has_text="is done: its drafts went to review.")).to_be_visible()
        expect(page.locator(f"#queue-document-{document.pk}")).to_have_count(0)

    claims = {
        (c.annotator.username, i): c
        for i, c in enumerate(Claim.objects.filter(document=document, annotator__username="ana").order_by("start"))
    } | {
        (c.annotator.username, i): c
        for i, c in enumerate(Claim.objects.filter(document=document, annotator__username="bea").order_by("start"))
    }
    assert {c.status for c in claims.values()} == {"submitted"}

    # 3. The reviewer sees agreement on the project page, curates: ana's claim on sentence 1, bea's on sentence 2.
    sign_in(login, "rev")
    page.goto(f"/projects/{project.pk}/")
    agreement = page.get_by_role("region", name="Agreement")
    expect(agreement.get_by_role("row").filter(has_text=document.title)).to_contain_text("Cohen's kappa")
    page.get_by_role("link", name=f"Curate {document.title}").click()
    expect(page.get_by_role("heading", name=f"Curate: {document.title}")).to_be_visible()
    expect(page.locator("#sentence-0")).to_contain_text("= agree")
    page.get_by_role("button", name="Take ana's claim on sentence 1").click()
    expect(page.locator("#sentence-0 .curated-cell")).to_contain_text("from ana")
    page.get_by_role("button", name="Take bea's claim on sentence 2").click()
    expect(page.locator("#sentence-1 .curated-cell")).to_contain_text("from bea")
    expect(page.get_by_role("status")).to_contain_text("2 claims in the curated layer.")

    # 4. The curated export holds exactly those two claims.
    answer = page.request.get(f"/api/v1/export/claims/?format=jsonl&project={project.pk}&layer=curated")
    assert answer.status == 200
    exported = [json.loads(line) for line in answer.text().splitlines()]
    assert sorted(line["id"] for line in exported) == sorted([claims[("ana", 0)].pk, claims[("bea", 1)].pk])
    assert {line["annotator"] for line in exported} == {"ana", "bea"}

    # 5. The project page shows the agreement figures and the curated document.
    page.goto(f"/projects/{project.pk}/")
    expect(page.get_by_role("region", name="Agreement")).to_contain_text("Overall")
    expect(page.locator(f"#document-{document.pk}")).to_contain_text("ana ✓ done")
