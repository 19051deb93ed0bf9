"""Token and session authentication, the OpenAPI schema and the Swagger UI served locally."""

from __future__ import annotations

import re

import pytest
import yaml
from knox.models import AuthToken

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_token_for_username_and_password(client, analyst, chain_claim):
    response = client.post(
        "/api/v1/auth/token/", {"username": "ann", "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200
    assert set(response.json()) == {"token", "expiry"}
    token = response.json()["token"]
    assert AuthToken.objects.get(user=analyst).token_key == token[:15]  # stored as a digest only
    listed = client.get("/api/v1/claims/", HTTP_AUTHORIZATION=f"Token {token}")
    assert [c["id"] for c in listed.json()["results"]] == [chain_claim.pk]


def test_token_refused_for_wrong_password(client, analyst):
    response = client.post("/api/v1/auth/token/", {"username": "ann", "password": "nope"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Unable to log in with provided credentials."]}
    assert not AuthToken.objects.exists()


def test_session_auth_for_the_browser_with_csrf(client, analyst, document):
    from django.test import Client

    client.force_login(analyst)
    assert client.get("/api/v1/documents/").status_code == 200
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(analyst)
    body = {"document": document.pk, "start": 0, "end": 10, "tag": "unsourced"}
    refused = strict.post("/api/v1/claims/", body, content_type="application/json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    strict.get("/")  # any page of the site sets the CSRF cookie
    token = strict.cookies["csrftoken"].value
    accepted = strict.post("/api/v1/claims/", body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 201


def test_the_api_root_lists_the_resources(api, analyst):
    body = api(analyst).get("/api/v1/").json()
    # The resources, and every other endpoint without a parameter (tests/claims/views/test_new_user_pages.py).
    assert {"sources", "documents", "claims", "projects", "queue", "export-claims", "stats", "token"} <= set(body)


def test_schema_needs_a_login(client):
    assert client.get("/api/schema/").status_code == 401


@pytest.fixture
def schema(api, analyst):
    response = api(analyst).get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_is_valid_openapi(schema):
    from drf_spectacular.validation import validate_schema

    validate_schema(schema)
    assert schema["openapi"].startswith("3.")


EXPECTED_OPERATIONS = {
    ("/api/v1/auth/token/", "post"), ("/api/v1/auth/logout/", "post"),
    ("/api/v1/sources/", "get"), ("/api/v1/sources/", "post"),
    ("/api/v1/sources/{id}/", "get"), ("/api/v1/sources/{id}/", "put"), ("/api/v1/sources/{id}/", "patch"),
    ("/api/v1/documents/", "get"), ("/api/v1/documents/", "post"), ("/api/v1/documents/{id}/", "get"),
    ("/api/v1/documents/{id}/suggestions/", "get"),
    ("/api/v1/claims/", "get"), ("/api/v1/claims/", "post"),
    ("/api/v1/claims/{id}/", "get"), ("/api/v1/claims/{id}/", "put"), ("/api/v1/claims/{id}/", "patch"),
    ("/api/v1/claims/{id}/", "delete"),
    ("/api/v1/claims/{id}/submit/", "post"), ("/api/v1/claims/{id}/review/", "post"),
    ("/api/v1/claims/{id}/history/", "get"), ("/api/v1/claims/{id}/restore/", "post"),
    ("/api/v1/export/claims/", "get"), ("/api/v1/import/annotations/", "post"),
    ("/api/v1/stats/", "get"),
    # projects, queue, curation
    ("/api/v1/projects/", "get"), ("/api/v1/projects/", "post"), ("/api/v1/projects/{id}/", "get"),
    ("/api/v1/projects/{id}/members/", "get"), ("/api/v1/projects/{id}/members/", "post"),
    ("/api/v1/projects/{id}/documents/", "get"), ("/api/v1/projects/{id}/documents/", "post"),
    ("/api/v1/projects/{id}/assign/", "post"), ("/api/v1/projects/{id}/progress/", "get"),
    ("/api/v1/projects/{id}/documents/{document_id}/done/", "post"),
    ("/api/v1/projects/{id}/curation/", "post"), ("/api/v1/projects/{id}/curation/", "delete"),
    ("/api/v1/queue/", "get"),
    # source records
    ("/api/v1/sources/{id}/merge/", "post"), ("/api/v1/sources/{id}/merges/", "get"),
    ("/api/v1/sources/merges/{merge_id}/undo/", "post"), ("/api/v1/sources/{id}/confirm/", "post"),
    ("/api/v1/sources/{id}/notes/", "get"), ("/api/v1/sources/{id}/notes/", "post"),
    ("/api/v1/network/", "get"), ("/api/v1/trends/", "get"),
}  # fmt: skip


def test_every_endpoint_is_documented_with_errors_and_an_example(schema):
    operations = {
        (path, method): operation
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    }
    assert set(operations) == EXPECTED_OPERATIONS
    for (path, method), operation in operations.items():
        responses = operation["responses"]
        assert "400" in responses, (path, method)
        if path != "/api/v1/auth/token/":
            assert {"401", "403"} <= set(responses), (path, method)
        if "{id}" in path:
            assert "404" in responses, (path, method)
        if method in ("put", "patch"):
            assert "409" in responses and "413" in responses and "415" in responses, (path, method)
        examples = [
            example
            for part in [operation.get("requestBody", {}), *responses.values()]
            for media in part.get("content", {}).values()
            for example in media.get("examples", {})
        ]
        if method != "delete":
            assert examples, f"{method} {path} has no example"


def test_filters_are_documented(schema):
    for path in ("/api/v1/claims/", "/api/v1/export/claims/"):
        names = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
        assert {
            "document", "publisher", "source", "direct_source", "source_kind", "tag", "status",
            "annotator", "reviewer", "created_after", "created_before", "updated_since",
        } <= names, path  # fmt: skip
    documents = {p["name"] for p in schema["paths"]["/api/v1/documents/"]["get"]["parameters"]}
    assert {"publisher", "published_after", "published_before", "search", "cursor"} <= documents
    formats = next(p for p in schema["paths"]["/api/v1/export/claims/"]["get"]["parameters"] if p["name"] == "format")
    assert set(formats["schema"]["enum"]) == {"jsonl", "json", "csv", "w3c", "doccano", "labelstudio"}


def test_swagger_ui_is_served_without_internet(client, analyst):
    assert client.get("/api/docs/")["Location"].startswith("/accounts/login/")  # a page: log in first
    client.force_login(analyst)
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any("swagger-ui-bundle.js" in a for a in assets)
    for asset in assets:
        assert not asset.startswith(("http:", "https:", "//")), f"remote asset {asset}"
        if asset.startswith("/static/"):
            response = client.get(asset)
            assert response.status_code == 200, asset
            b"".join(response.streaming_content) if response.streaming else response.content
