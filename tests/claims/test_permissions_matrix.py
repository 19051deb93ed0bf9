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
