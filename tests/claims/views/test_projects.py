"""Project pages: the project page, My queue, curation, notifications; their query counts do
not grow with the number of documents, claims or sentences."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import projects, services
from claims.models import CuratedClaim, Project
from tests.factories import DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(db):
    manager = UserFactory(username="boss", groups=["Manager"])
    analysts = [UserFactory(username=f"a{i}") for i in range(2)]
    reviewer = UserFactory(username="prev")
    project = projects.project_create(user=manager, name="Iraq 2019", guidelines="## Règle du projet\n\nTout citer.")
    for analyst in analysts:
        projects.member_set(project=project, user=manager, username=analyst.username, role="analyst")
    projects.member_set(project=project, user=manager, username="prev", role="reviewer")
    return {"manager": manager, "analysts": analysts, "reviewer": reviewer, "project": project}


def grow(desk, documents: int) -> None:
    """``documents`` more documents, both analysts on each, with drafts, rejected and submitted claims."""
    project, manager = desk["project"], desk["manager"]
    made = [DocumentFactory() for _ in range(documents)]
    projects.project_documents_add(project=project, user=manager, document_ids=[d.pk for d in made])
    projects.assignments_create(project=project, user=manager, document_ids=[d.pk for d in made], analysts=["a0", "a1"])
    for document in made:
        for analyst in desk["analysts"]:
            services.claim_create(document=document, user=analyst, start=0, end=10, tag="unsourced")
            claim = services.claim_create(document=document, user=analyst, start=12, end=30, tag="unsourced")
            claim = services.claim_submit(claim=claim, user=analyst)
            if analyst == desk["analysts"][0]:
                services.claim_review(claim=claim, reviewer=desk["reviewer"], decision="reject", comment="Trop court")


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:2000]
    return len(queries)


@pytest.mark.parametrize("who, url", [("a0", "/queue/"), ("boss", "/projects/{p}/"), ("prev", "/projects/{p}/")])
def test_queue_and_project_page_queries_do_not_grow_with_documents(client, desk, who, url, django_assert_max_num_queries):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=who))
    url = url.format(p=desk["project"].pk)
    grow(desk, 2)
    few = count_queries(client, url)
    grow(desk, 9)
    with django_assert_max_num_queries(16):
        many = count_queries(client, url)
    assert few == many


def test_curation_page_queries_do_not_grow_with_claims(client, desk, django_assert_max_num_queries):
    grow(desk, 1)
    document = desk["project"].documents.get()
    client.force_login(desk["reviewer"])
    url = f"/projects/{desk['project'].pk}/documents/{document.pk}/curate/"
    few = count_queries(client, url)
    for analyst in desk["analysts"]:
        for start in (31, 45, 60, 80, 100):
            claim = services.claim_create(document=document, user=analyst, start=start, end=start + 10, tag="unsourced")
            services.claim_submit(claim=claim, user=analyst)
    with django_assert_max_num_queries(12):
        many = count_queries(client, url)
    assert few == many


def test_my_queue_lists_documents_rejected_claims_with_the_comment_and_drafts(client, desk):
    grow(desk, 1)
    client.force_login(desk["analysts"][0])
    page = client.get("/queue/").content.decode()
    assert "<h1>My queue</h1>" in page
    assert page.count("Mark done") == 1
    assert "Trop court" in page  # the reviewer's comment on the rejected claim
    assert "Drafts not submitted" in page and 'id="queue-claim-' in page


def test_mark_done_lists_what_stops_it_then_goes(client, desk):
    grow(desk, 1)
    document = desk["project"].documents.get()
    client.force_login(desk["analysts"][0])
    url = f"/projects/{desk['project'].pk}/documents/{document.pk}/done/"
    response = client.post(url)
    assert response.status_code == 422
    assert "rejected; fix it and submit it again, or delete it." in response.content.decode()
    client.force_login(desk["analysts"][1])
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == "/queue/"
    assert "Nothing assigned to you is waiting." in client.get("/queue/").content.decode()


def test_curation_page_take_and_remove(client, desk):
    grow(desk, 1)
    document = desk["project"].documents.get()
    client.force_login(desk["reviewer"])
    url = f"/projects/{desk['project'].pk}/documents/{document.pk}/curate/"
    page = client.get(url).content.decode()
    assert "Take a0's claim on sentence 1" in page and "Take a1's claim on sentence 1" in page
    submitted = document.claims.filter(annotator__username="a1", status="submitted").get()
    assert client.post(url, {"action": "take", "claim": submitted.pk}).status_code == 302
    assert CuratedClaim.objects.filter(claim=submitted).exists()
    assert client.post(url, {"action": "remove", "claim": submitted.pk}).status_code == 302
    assert not CuratedClaim.objects.exists()
    response = client.post(url, {"action": "take", "claim": "nope"})
    assert response.status_code == 422 and "Choose a claim and an action." in response.content.decode()


def test_project_pages_bad_input_shows_the_form_again(client, desk):
    client.force_login(desk["manager"])
    response = client.post("/projects/", {"name": "iraq 2019"})
    assert response.status_code == 422 and "exists already" in response.content.decode()
    response = client.post(f"/projects/{desk['project'].pk}/assign/", {"auto": "1", "overlap": "3"})
    assert response.status_code == 422 and "Ensure this value is less than or equal to 1" in response.content.decode()
    response = client.post(f"/projects/{desk['project'].pk}/members/", {"user": "ghost", "role": "analyst"})
    assert response.status_code == 422 and "No user named" in response.content.decode()


def test_manager_assigns_ticked_documents_by_hand_and_automatically(client, desk):
    documents = [DocumentFactory() for _ in range(4)]
    project = desk["project"]
    projects.project_documents_add(project=project, user=desk["manager"], document_ids=[d.pk for d in documents])
    client.force_login(desk["manager"])
    page = client.get(f"/projects/{project.pk}/").content.decode()
    assert 'form="assign-form"' in page and "Assign selected" in page and "Assign automatically" in page
    response = client.post(f"/projects/{project.pk}/assign/", {"documents": [documents[0].pk, documents[1].pk], "analysts": ["a1"]})
    assert response.status_code == 302
    assert set(project.assignments.values_list("document_id", "analyst__username")) == {(documents[0].pk, "a1"), (documents[1].pk, "a1")}
    client.post(f"/projects/{project.pk}/assign/", {"auto": "1", "overlap": "0.5"})
    assert project.assignments.count() == 2 + 3


def test_guidelines_of_the_project_on_the_annotate_page_and_notifications(client, desk):
    grow(desk, 1)
    document = desk["project"].documents.get()
    client.force_login(desk["analysts"][0])
    fragment = client.get(f"/documents/{document.pk}/guidelines/").content.decode()
    assert "Guidelines of Iraq 2019" in fragment and "<h2>Règle du projet</h2>" in fragment and "<html" not in fragment
    assert "/documents/%d/guidelines/" % document.pk in client.get(f"/documents/{document.pk}/").content.decode()
    assert ">2<" in client.get("/notifications/badge/").content.decode()  # an assignment and a rejection
    page = client.get("/notifications/").content.decode()
    assert "New assignment" in page and "Trop court" in page
    assert 'class="badge"' not in client.get("/notifications/badge/").content.decode()  # read now


def test_start_page_is_my_queue_for_project_analysts(client, desk, reviewer):
    client.force_login(desk["analysts"][0])
    assert client.get("/start/")["Location"] == "/queue/"
    client.force_login(reviewer)
    assert client.get("/start/")["Location"] == "/"


def test_outsiders_see_no_project_in_the_list(client, desk, analyst):
    client.force_login(analyst)
    page = client.get("/projects/").content.decode()
    assert "Iraq 2019" not in page and "You are in no project yet." in page
    assert Project.objects.visible_to(analyst).count() == 0


def test_document_list_filters_by_project_and_refuses_outsiders(client, desk, analyst):
    grow(desk, 2)
    loose = DocumentFactory(title="Hors projet")
    client.force_login(desk["reviewer"])
    page = client.get(f"/?project={desk['project'].pk}").content.decode()
    assert "2 documents found." in page and "Hors projet" not in page
    client.force_login(analyst)
    assert client.get(f"/?project={desk['project'].pk}").status_code == 404
    assert "Hors projet" in client.get("/").content.decode()
    assert loose.pk


def test_review_queue_filters_offer_only_the_reviewer_s_projects(client, desk, reviewer):
    grow(desk, 1)
    client.force_login(reviewer)  # the Reviewer group, not in the project
    page = client.get("/review/").content.decode()
    assert ">a1<" not in page and not re.search(r">Article \d+<", page)


def test_my_queue_shows_a_page_of_each_section_and_counts_the_rest(client, desk, monkeypatch):
    from claims import project_selectors

    monkeypatch.setattr(project_selectors, "QUEUE_LIMIT", 3)
    grow(desk, 5)  # a0: 5 open documents, 5 drafts, 5 rejected claims
    client.force_login(desk["analysts"][0])
    page = client.get("/queue/").content.decode()
    assert len(re.findall(r'id="queue-document-\d+"', page)) == 3
    assert len(re.findall(r'<li id="queue-claim-\d+"', page)) == 6  # 3 rejected + 3 drafts
    assert page.count("And 2 more after these.") == 3
    monkeypatch.setattr(project_selectors, "MORE_COUNT_CAP", 1)  # counting stops after one more
    assert client.get("/queue/").content.decode().count("And over 1 more after these.") == 3


def test_project_page_lists_the_documents_that_agree_least_and_counts_the_rest(client, desk, monkeypatch):
    from claims.views import projects as project_views

    monkeypatch.setattr(project_views, "AGREEMENT_ROWS", 2)
    grow(desk, 3)  # 3 documents, both analysts on each, submitted claims
    client.force_login(desk["manager"])
    page = client.get(f"/projects/{desk['project'].pk}/").content.decode()
    table = page.split('<table class="agreement">')[1].split("</table>")[0]
    assert table.count(">Curate</a>") == 2
    assert "The 2 documents that agree least, of 3" in page
    assert f'href="/api/v1/projects/{desk["project"].pk}/progress/"' in page
