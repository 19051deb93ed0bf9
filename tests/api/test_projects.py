"""The projects API of the contract: projects, members, documents, assign, queue, done,
curation, and ``?project=`` / ``layer=curated`` on lists and exports."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from claims import services
from claims.models import Assignment, CuratedClaim, ProjectDocument
from tests.factories import DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db


def client_of(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def people(db):
    return {
        "boss": UserFactory(username="boss", groups=["Manager"]),
        "a0": UserFactory(username="a0", groups=["Analyst"]),
        "a1": UserFactory(username="a1", groups=["Analyst"]),
        "prev": UserFactory(username="prev"),
        "out": UserFactory(username="out", groups=["Reviewer"]),
    }


@pytest.fixture
def project(people):
    boss = client_of(people["boss"])
    answer = boss.post("/api/v1/projects/", {"name": "Iraq 2019", "description": "PressTV", "guidelines": "# Règles"}, format="json")
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    for name, role in (("a0", "analyst"), ("a1", "analyst"), ("prev", "reviewer")):
        assert boss.post(f"/api/v1/projects/{body['id']}/members/", {"user": name, "role": role}, format="json").status_code == 201
    return body


def test_create_list_and_members(people, project):
    assert project["name"] == "Iraq 2019" and project["role"] == "manager" and project["guidelines"] == "# Règles"
    listed = client_of(people["a0"]).get("/api/v1/projects/").json()
    assert [(p["name"], p["role"], p["member_count"]) for p in listed] == [("Iraq 2019", "analyst", 4)]
    assert client_of(people["out"]).get("/api/v1/projects/").json() == []
    members = client_of(people["a0"]).get(f"/api/v1/projects/{project['id']}/members/").json()
    assert {"user": "prev", "role": "reviewer"} in members


def test_creating_needs_a_manager_and_a_name(people):
    assert client_of(people["a0"]).post("/api/v1/projects/", {"name": "Mine"}, format="json").status_code == 403
    answer = client_of(people["boss"]).post("/api/v1/projects/", {"name": ""}, format="json")
    assert answer.status_code == 400 and "name" in answer.json()


def test_bad_member_and_assign_input_name_the_field(people, project):
    boss = client_of(people["boss"])
    url = f"/api/v1/projects/{project['id']}"
    answer = boss.post(f"{url}/members/", {"user": "nobody", "role": "analyst"}, format="json")
    assert answer.status_code == 400 and "user" in answer.json()
    answer = boss.post(f"{url}/members/", {"user": "a0", "role": "boss"}, format="json")
    assert answer.status_code == 400 and "role" in answer.json()
    answer = boss.post(f"{url}/assign/", {"auto": True, "overlap": 2}, format="json")
    assert answer.status_code == 400 and "overlap" in answer.json()
    answer = boss.post(f"{url}/assign/", {"documents": [1]}, format="json")
    assert answer.status_code == 400 and "analysts" in answer.json()
    answer = boss.post(f"{url}/documents/", {"documents": [999999]}, format="json")
    assert answer.status_code == 400 and "documents" in answer.json()


def test_documents_auto_assign_queue_done(people, project):
    boss = client_of(people["boss"])
    url = f"/api/v1/projects/{project['id']}"
    created = []
    for i in range(4):
        answer = boss.post(
            "/api/v1/documents/",
            {"title": f"Article {i}", "text": f"Le ministère n° {i} a parlé, selon l’agence Mehr.\nIl pleut.\n", "project": project["id"]},
            format="json",
        )
        assert answer.status_code == 201, answer.json()
        created.append(answer.json()["id"])
    existing = DocumentFactory()
    assert boss.post(f"{url}/documents/", {"documents": [existing.pk]}, format="json").json() == {"added": 1, "documents": [existing.pk]}
    assert ProjectDocument.objects.filter(project_id=project["id"]).count() == 5

    made = boss.post(f"{url}/assign/", {"auto": True, "overlap": 0.4}, format="json").json()
    assert len(made) == 7 and {row["analyst"] for row in made} == {"a0", "a1"}

    a0 = client_of(people["a0"])
    queue = a0.get("/api/v1/queue/").json()
    assert set(queue) == {"documents", "rejected", "drafts"}
    mine = {row["document"] for row in queue["documents"]}
    assert mine == set(Assignment.objects.filter(analyst=people["a0"]).values_list("document_id", flat=True))
    assert {row["id"] for row in a0.get(f"/api/v1/documents/?project={project['id']}").json()["results"]} == mine
    others = {d for d in [*created, existing.pk] if d not in mine}
    for document in others:
        assert a0.get(f"/api/v1/documents/{document}/").status_code == 404

    document = sorted(mine)[0]
    claim = a0.post("/api/v1/claims/", {"document": document, "start": 0, "end": 10, "tag": "unsourced"}, format="json").json()
    assert a0.get("/api/v1/queue/").json()["drafts"][0]["id"] == claim["id"]
    done = a0.post(f"{url}/documents/{document}/done/")
    assert done.status_code == 200 and done.json()["document"] == document
    assert a0.get(f"/api/v1/claims/{claim['id']}/").json()["status"] == "submitted"
    assert document not in {row["document"] for row in a0.get("/api/v1/queue/").json()["documents"]}


def test_an_analyst_cannot_create_claims_on_a_document_out_of_reach(people, project):
    boss = client_of(people["boss"])
    document = boss.post(
        "/api/v1/documents/", {"title": "T", "text": "Une phrase du projet.\n", "project": project["id"]}, format="json"
    ).json()["id"]
    answer = client_of(people["a0"]).post("/api/v1/claims/", {"document": document, "start": 0, "end": 5, "tag": "unsourced"}, format="json")
    assert answer.status_code == 404


def test_document_create_into_a_project_needs_its_manager(people, project):
    answer = client_of(people["a0"]).post(
        "/api/v1/documents/", {"title": "T", "text": "Une autre phrase.\n", "project": project["id"]}, format="json"
    )
    assert answer.status_code == 400 and "project" in answer.json()
    answer = client_of(people["boss"]).post(
        "/api/v1/documents/", {"title": "T", "text": "Une autre phrase.\n", "project": 999999}, format="json"
    )
    assert answer.status_code == 400 and "project" in answer.json()
    assert not ProjectDocument.objects.exists()


def test_curation_and_the_curated_export(people, project):
    boss = client_of(people["boss"])
    url = f"/api/v1/projects/{project['id']}"
    text = "Selon l’agence Mehr, le port est ouvert.\nLes combats continuent.\n"
    document = boss.post("/api/v1/documents/", {"title": "T", "text": text, "project": project["id"]}, format="json").json()
    boss.post(f"{url}/assign/", {"documents": [document["id"]], "analysts": ["a0", "a1"]}, format="json")
    first, second = (s for s in document["sentences"][:2])
    ids = {}
    for name in ("a0", "a1"):
        client = client_of(people[name])
        for sentence in (first, second):
            made = client.post(
                "/api/v1/claims/", {"document": document["id"], "start": sentence["start"], "end": sentence["end"], "tag": "unsourced"}, format="json"
            ).json()
            ids[(name, sentence["index"])] = made["id"]
        assert client.post(f"{url}/documents/{document['id']}/done/").status_code == 200

    prev = client_of(people["prev"])
    take_a0 = ids[("a0", first["index"])]
    take_a1 = ids[("a1", second["index"])]
    assert prev.post(f"{url}/curation/", {"claim": take_a0}, format="json").json() == {"claim": take_a0, "curated": True}
    assert prev.post(f"{url}/curation/", {"claim": ids[("a0", second["index"])]}, format="json").status_code == 200
    assert prev.post(f"{url}/curation/", {"claim": take_a1}, format="json").status_code == 200  # replaces a0's there
    assert set(CuratedClaim.objects.values_list("claim_id", flat=True)) == {take_a0, take_a1}

    export = prev.get(f"/api/v1/export/claims/?format=jsonl&project={project['id']}&layer=curated")
    lines = [json.loads(line) for line in b"".join(export.streaming_content).decode().splitlines()]
    assert sorted(line["id"] for line in lines) == sorted([take_a0, take_a1])
    everything = prev.get(f"/api/v1/export/claims/?format=json&project={project['id']}&layer=all")
    assert len(json.loads(b"".join(everything.streaming_content))) == 4
    listed = prev.get(f"/api/v1/claims/?project={project['id']}&layer=curated").json()["results"]
    assert sorted(claim["id"] for claim in listed) == sorted([take_a0, take_a1])

    assert prev.delete(f"{url}/curation/", {"claim": take_a1}, format="json").json() == {"claim": take_a1, "curated": False}
    assert set(CuratedClaim.objects.values_list("claim_id", flat=True)) == {take_a0}
    assert client_of(people["a0"]).post(f"{url}/curation/", {"claim": take_a0}, format="json").status_code == 403
    assert client_of(people["out"]).post(f"{url}/curation/", {"claim": take_a0}, format="json").status_code == 404
    answer = prev.post(f"{url}/curation/", {"claim": "x"}, format="json")
    assert answer.status_code == 400 and "claim" in answer.json()

    progress = prev.get(f"{url}/progress/").json()
    assert progress["agreement"]["documents"][0]["document"] == document["id"]
    assert client_of(people["a0"]).get(f"{url}/progress/").json()["agreement"] is None


def test_project_filter_names_an_unknown_project(people, project):
    answer = client_of(people["out"]).get(f"/api/v1/claims/?project={project['id']}")
    assert answer.status_code == 400 and "project" in answer.json()
