"""Every role against every page action: the expected answer of each cell is written out below.

The claim belongs to ``analyst`` ("ann"). It is a draft for view / edit / delete / submit and
submitted for approve / reject / bulk-approve / history. Anonymous users are sent to the
login page (302 to /accounts/login/). Writes answer with a redirect (302) when they succeed,
as forms do without htmx. Besides the status, each cell checks whether the change happened,
so that a 302 or a 200 never hides a refusal, and a refusal never hides a write.
"""

from __future__ import annotations

import pytest

from claims import services
from claims.models import Claim
from tests.factories import PASSWORD, DocumentFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "analyst", "other_analyst", "reviewer", "admin")

# action: {role: expected status}
MATRIX = {
    #                 anonymous       analyst          other_analyst        reviewer             admin
    "view":          {"anonymous": 302, "analyst": 200, "other_analyst": 404, "reviewer": 404, "admin": 200},
    "create":        {"anonymous": 302, "analyst": 302, "other_analyst": 302, "reviewer": 302, "admin": 302},
    "edit":          {"anonymous": 302, "analyst": 302, "other_analyst": 404, "reviewer": 404, "admin": 302},
    "delete":        {"anonymous": 302, "analyst": 302, "other_analyst": 404, "reviewer": 404, "admin": 302},
    "submit":        {"anonymous": 302, "analyst": 302, "other_analyst": 404, "reviewer": 404, "admin": 422},
    "approve":       {"anonymous": 302, "analyst": 403, "other_analyst": 403, "reviewer": 302, "admin": 302},
    "reject":        {"anonymous": 302, "analyst": 403, "other_analyst": 403, "reviewer": 302, "admin": 302},
    "bulk-approve":  {"anonymous": 302, "analyst": 403, "other_analyst": 403, "reviewer": 302, "admin": 302},
    "view history":  {"anonymous": 302, "analyst": 200, "other_analyst": 404, "reviewer": 200, "admin": 200},
    "dashboard":     {"anonymous": 302, "analyst": 403, "other_analyst": 403, "reviewer": 200, "admin": 200},
}
# Whether the action took effect, for each role (reads: whether the page showed the claim).
EFFECT = {
    "view":          {"anonymous": False, "analyst": True, "other_analyst": False, "reviewer": False, "admin": True},
    "create":        {"anonymous": False, "analyst": True, "other_analyst": True, "reviewer": True, "admin": True},
    "edit":          {"anonymous": False, "analyst": True, "other_analyst": False, "reviewer": False, "admin": True},
    "delete":        {"anonymous": False, "analyst": True, "other_analyst": False, "reviewer": False, "admin": True},
    # The admin may edit any claim but submits only their own: the save is rolled back with it.
    "submit":        {"anonymous": False, "analyst": True, "other_analyst": False, "reviewer": False, "admin": False},
    "approve":       {"anonymous": False, "analyst": False, "other_analyst": False, "reviewer": True, "admin": True},
    "reject":        {"anonymous": False, "analyst": False, "other_analyst": False, "reviewer": True, "admin": True},
    "bulk-approve":  {"anonymous": False, "analyst": False, "other_analyst": False, "reviewer": True, "admin": True},
    "view history":  {"anonymous": False, "analyst": True, "other_analyst": False, "reviewer": True, "admin": True},
    "dashboard":     {"anonymous": False, "analyst": False, "other_analyst": False, "reviewer": True, "admin": True},
}
SUBMITTED_FOR = {"approve", "reject", "bulk-approve", "view history"}


@pytest.fixture
def users(analyst, other_analyst, reviewer, admin_user):
    return {"anonymous": None, "analyst": analyst, "other_analyst": other_analyst, "reviewer": reviewer, "admin": admin_user}


@pytest.fixture
def document():
    return DocumentFactory(text="Le port est ouvert, selon l’agence Mehr. Il pleut.\n")


def form(claim: Claim, **extra) -> dict:
    return {"start": claim.start, "end": claim.end, "version": claim.version, "tag": "unsourced", **extra}


def act(client, action: str, claim: Claim, document):
    """Do ``action`` through its page; return (response, did it take effect)."""
    pk = claim.pk
    if action == "view":
        response = client.get(f"/documents/{document.pk}/?claim={pk}")
        return response, response.status_code == 200 and f'id="card-{pk}"' in response.content.decode()
    if action == "create":
        before = Claim.objects.count()
        response = client.post(f"/documents/{document.pk}/claims/new/", {"start": 41, "end": 50, "tag": "unsourced"})
        return response, Claim.objects.count() == before + 1
    if action == "edit":
        response = client.post(f"/claims/{pk}/", form(claim, start=0, end=7))
        return response, Claim.objects.get(pk=pk).end == 7
    if action == "delete":
        response = client.post(f"/claims/{pk}/delete/")
        return response, not Claim.objects.filter(pk=pk).exists()
    if action == "submit":
        response = client.post(f"/claims/{pk}/", form(claim, action="submit"))
        return response, Claim.objects.get(pk=pk).status == "submitted"
    if action in ("approve", "reject"):
        response = client.post(f"/review/{pk}/", {"decision": action, f"claim-{pk}-comment": "Pourquoi pas"})
        return response, Claim.objects.get(pk=pk).status == {"approve": "approved", "reject": "rejected"}[action]
    if action == "bulk-approve":
        response = client.post("/review/bulk-approve/", {"claims": [pk]})
        return response, Claim.objects.get(pk=pk).status == "approved"
    if action == "view history":
        response = client.get(f"/claims/{pk}/history/")
        return response, response.status_code == 200 and f'id="history-{pk}"' in response.content.decode()
    if action == "dashboard":
        response = client.get("/dashboard/")
        return response, response.status_code == 200 and "<h1>Dashboard</h1>" in response.content.decode()
    raise AssertionError(action)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(MATRIX))
def test_permission_matrix(client, users, analyst, document, action, role):
    claim = services.claim_create(document=document, user=analyst, start=0, end=18, tag="unsourced")
    if action in SUBMITTED_FOR:
        claim = services.claim_submit(claim=claim, user=analyst)
    if users[role] is not None:
        client.login(username=users[role].username, password=PASSWORD)

    response, took_effect = act(client, action, claim, document)

    assert response.status_code == MATRIX[action][role], response.content.decode()[:3000]
    assert took_effect is EFFECT[action][role]
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/login/")


def test_the_matrix_covers_every_role_and_action():
    assert set(MATRIX) == set(EFFECT) == {
        "view", "create", "edit", "delete", "submit", "approve", "reject", "bulk-approve", "view history", "dashboard"
    }
    for row in (*MATRIX.values(), *EFFECT.values()):
        assert tuple(row) == ROLES
    assert 500 not in {status for row in MATRIX.values() for status in row.values()}


# --- projects: roles x membership x actions ------------------------------------------------------
# A project holds the document; "ann" is its analyst, assigned the document, with a submitted
# claim there. Outsiders (whatever their group) get 404 for all of it, pages and API alike;
# members get what their role in the project allows. API anonymous calls are 401.

PROJECT_ROLES = (
    "anonymous", "outsider", "outsider_reviewer", "analyst", "unassigned_analyst", "reviewer", "manager", "admin",
)  # fmt: skip

PROJECT_MATRIX = {
    #                      anonymous outsider out_rev analyst unassigned reviewer manager admin
    "page: project":       (302, 404, 404, 200, 200, 200, 200, 200),
    "page: document":      (302, 404, 404, 200, 404, 200, 200, 200),
    "page: curate":        (302, 404, 404, 403, 403, 200, 200, 200),
    "page: history":       (302, 404, 404, 200, 404, 200, 200, 200),
    "page: mark done":     (302, 404, 404, 302, 404, 422, 422, 422),
    "api: project":        (401, 404, 404, 200, 200, 200, 200, 200),
    "api: members":        (401, 404, 404, 200, 200, 200, 200, 200),
    "api: add member":     (401, 404, 404, 403, 403, 403, 201, 201),
    "api: document":       (401, 404, 404, 200, 404, 200, 200, 200),
    "api: claim":          (401, 404, 404, 200, 404, 200, 200, 200),
    "api: assign":         (401, 404, 404, 403, 403, 403, 200, 200),
    "api: curate":         (401, 404, 404, 403, 403, 200, 200, 200),
    "api: done":           (401, 404, 404, 200, 404, 400, 400, 400),
    "api: export":         (401, 200, 200, 200, 200, 200, 200, 200),
}
# Whether the action took effect (reads: whether the answer showed the project's document or claim).
PROJECT_EFFECT = {
    "page: project":       (False, False, False, True, True, True, True, True),
    "page: document":      (False, False, False, True, False, True, True, True),
    "page: curate":        (False, False, False, False, False, True, True, True),
    "page: history":       (False, False, False, True, False, True, True, True),
    "page: mark done":     (False, False, False, True, False, False, False, False),
    "api: project":        (False, False, False, True, True, True, True, True),
    "api: members":        (False, False, False, True, True, True, True, True),
    "api: add member":     (False, False, False, False, False, False, True, True),
    "api: document":       (False, False, False, True, False, True, True, True),
    "api: claim":          (False, False, False, True, False, True, True, True),
    "api: assign":         (False, False, False, False, False, False, True, True),
    "api: curate":         (False, False, False, False, False, True, True, True),
    "api: done":           (False, False, False, True, False, False, False, False),
    "api: export":         (False, False, False, True, False, True, True, True),
}


@pytest.fixture
def project_world(db):
    from claims import projects
    from claims.models import Membership, Project
    from tests.factories import UserFactory

    people = {
        "outsider": UserFactory(username="out", groups=["Analyst"]),
        "outsider_reviewer": UserFactory(username="outrev", groups=["Reviewer"]),
        "analyst": UserFactory(username="ann", groups=["Analyst"]),
        "unassigned_analyst": UserFactory(username="una", groups=["Analyst"]),
        "reviewer": UserFactory(username="prev"),
        "manager": UserFactory(username="boss"),
        "admin": UserFactory(username="root", is_superuser=True, is_staff=True),
        "newcomer": UserFactory(username="newcomer"),
    }
    project = Project.objects.create(name="Iraq 2019")
    for role, name in (("analyst", "analyst"), ("analyst", "unassigned_analyst"), ("reviewer", "reviewer"), ("manager", "manager")):
        Membership.objects.create(project=project, user=people[name], role=role)
    document = DocumentFactory(text="Le port est ouvert, selon l’agence Mehr. Il pleut.\n")
    projects.project_documents_add(project=project, user=people["admin"], document_ids=[document.pk])
    projects.assignments_create(project=project, user=people["admin"], document_ids=[document.pk], analysts=["ann"])
    claim = services.claim_create(document=document, user=people["analyst"], start=0, end=18, tag="unsourced")
    claim = services.claim_submit(claim=claim, user=people["analyst"])
    return {"people": people, "project": project, "document": document, "claim": claim}


def project_act(client, api, action: str, world) -> tuple[int, bool]:
    from claims.models import Assignment, CuratedClaim, Membership

    project, document, claim = world["project"], world["document"], world["claim"]
    p, d, c = project.pk, document.pk, claim.pk
    if action == "page: project":
        r = client.get(f"/projects/{p}/")
        return r.status_code, r.status_code == 200 and "Iraq 2019" in r.content.decode()
    if action == "page: document":
        r = client.get(f"/documents/{d}/")
        return r.status_code, r.status_code == 200 and 'id="doc-text"' in r.content.decode()
    if action == "page: curate":
        r = client.get(f"/projects/{p}/documents/{d}/curate/")
        return r.status_code, r.status_code == 200 and f'id="curation-claim-{c}"' in r.content.decode()
    if action == "page: history":
        r = client.get(f"/claims/{c}/history/")
        return r.status_code, r.status_code == 200 and f'id="history-{c}"' in r.content.decode()
    if action == "page: mark done":
        r = client.post(f"/projects/{p}/documents/{d}/done/")
        return r.status_code, Assignment.objects.filter(document=document, done_at__isnull=False).exists()
    if action == "api: project":
        r = api.get(f"/api/v1/projects/{p}/")
        return r.status_code, r.status_code == 200 and r.json()["name"] == "Iraq 2019"
    if action == "api: members":
        r = api.get(f"/api/v1/projects/{p}/members/")
        return r.status_code, r.status_code == 200 and {"user": "ann", "role": "analyst"} in r.json()
    if action == "api: add member":
        r = api.post(f"/api/v1/projects/{p}/members/", {"user": "newcomer", "role": "reviewer"}, format="json")
        return r.status_code, Membership.objects.filter(project=project, user__username="newcomer").exists()
    if action == "api: document":
        r = api.get(f"/api/v1/documents/{d}/")
        return r.status_code, r.status_code == 200 and r.json()["id"] == d
    if action == "api: claim":
        r = api.get(f"/api/v1/claims/{c}/")
        return r.status_code, r.status_code == 200 and r.json()["id"] == c
    if action == "api: assign":
        r = api.post(f"/api/v1/projects/{p}/assign/", {"documents": [d], "analysts": ["una"]}, format="json")
        return r.status_code, Assignment.objects.filter(document=document, analyst__username="una").exists()
    if action == "api: curate":
        r = api.post(f"/api/v1/projects/{p}/curation/", {"claim": c}, format="json")
        return r.status_code, CuratedClaim.objects.filter(project=project, claim=claim).exists()
    if action == "api: done":
        r = api.post(f"/api/v1/projects/{p}/documents/{d}/done/")
        return r.status_code, Assignment.objects.filter(document=document, done_at__isnull=False).exists()
    if action == "api: export":
        r = api.get("/api/v1/export/claims/?format=jsonl")
        body = b"".join(r.streaming_content).decode() if r.status_code == 200 else ""
        return r.status_code, f'"id": {c},' in body
    raise AssertionError(action)


@pytest.mark.parametrize("role", PROJECT_ROLES)
@pytest.mark.parametrize("action", list(PROJECT_MATRIX))
def test_project_permission_matrix(client, project_world, action, role):
    from rest_framework.test import APIClient

    api = APIClient()
    if role != "anonymous":
        user = project_world["people"][role]
        client.force_login(user)
        api.force_authenticate(user)
    column = PROJECT_ROLES.index(role)

    status, took_effect = project_act(client, api, action, project_world)

    assert status == PROJECT_MATRIX[action][column]
    assert took_effect is PROJECT_EFFECT[action][column]


def test_the_project_matrix_covers_every_role_and_action():
    assert set(PROJECT_MATRIX) == set(PROJECT_EFFECT)
    for row in (*PROJECT_MATRIX.values(), *PROJECT_EFFECT.values()):
        assert len(row) == len(PROJECT_ROLES)
    assert 500 not in {status for row in PROJECT_MATRIX.values() for status in row}
