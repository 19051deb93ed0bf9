"""Bad input answers 4xx with the field and the reason in JSON, and stores nothing."""

from __future__ import annotations

import json

import pytest

from claims.models import Attribution, Claim, Document, Review, Source
from tests.api.conftest import TEXT

pytestmark = pytest.mark.django_db


def stored() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Claim, Attribution, Document, Source, Review))


@pytest.fixture
def nothing_stored(db):
    """Fails the test if the counts of stored rows changed during it."""
    holder = {}

    def snapshot():
        holder["before"] = stored()

    yield snapshot
    assert stored() == holder["before"], "a refused request stored something"


def claim_body(document, **overrides):
    return {"document": document.pk, "start": 0, "end": 20, "tag": "sourced", "attributions": []} | overrides


@pytest.mark.parametrize(
    "overrides, field, words",
    [
        ({"start": 20, "end": 20}, "end", "after the start"),
        ({"start": 30, "end": 10}, "end", "after the start"),
        ({"end": len(TEXT) + 5}, "end", "beyond the document"),
        ({"start": -1}, "start", "greater than or equal to 0"),
        ({"start": "zero"}, "start", "valid integer"),
        ({"tag": "maybe"}, "tag", "not a valid choice"),
        ({"document": 999999}, "document", "does not exist"),
    ],
)
def test_bad_spans(api, analyst, document, nothing_stored, overrides, field, words):
    nothing_stored()
    response = api(analyst).post("/api/v1/claims/", claim_body(document) | overrides, format="json")
    assert response.status_code == 400
    assert words in " ".join(response.json()[field])


def test_unknown_source(api, analyst, document, sources, nothing_stored):
    nothing_stored()
    chain = [{"position": 0, "source": "mehr"}, {"position": 1, "source": "no-such-source"}]
    response = api(analyst).post("/api/v1/claims/", claim_body(document, attributions=chain), format="json")
    assert response.status_code == 400
    errors = response.json()["attributions"]
    assert errors == {"1": {"source": ["Unknown source 'no-such-source'."]}}


def test_chain_with_a_repeated_position(api, analyst, document, sources, nothing_stored):
    nothing_stored()
    chain = [{"position": 0, "source": "mehr"}, {"position": 0, "source": "al-nahrain"}]
    response = api(analyst).post("/api/v1/claims/", claim_body(document, attributions=chain), format="json")
    assert response.status_code == 400
    assert response.json() == {"attributions": ["Two links of the chain have the same position."]}


def test_mention_outside_the_text(api, analyst, document, sources, nothing_stored):
    nothing_stored()
    chain = [{"position": 0, "source": "mehr", "mention": {"start": 5, "end": len(TEXT) + 1}}]
    response = api(analyst).post("/api/v1/claims/", claim_body(document, attributions=chain), format="json")
    assert response.status_code == 400 and "outside the document" in response.json()["attributions"][0]


@pytest.mark.parametrize(
    "url, body, field",
    [
        ("/api/v1/documents/", {"title": "Titre\x00", "text": "Un texte."}, "title"),
        ("/api/v1/documents/", {"text": "Un texte \x00 avec NUL."}, "text"),
        ("/api/v1/sources/", {"name": "Agence\x00", "kind": "news_outlet"}, "name"),
        ("/api/v1/sources/", {"name": "Agence", "kind": "news_outlet", "aliases": ["ok", "pas\x00ok"]}, "aliases"),
        ("/api/v1/auth/token/", {"username": "ann\x00", "password": "x"}, "username"),
    ],
)
def test_nul_bytes_are_refused(api, analyst, nothing_stored, url, body, field):
    nothing_stored()
    response = api(analyst).post(url, body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert "Null characters are not allowed" in json.dumps(response.json())


def test_nul_in_a_review_comment(api, analyst, reviewer, chain_claim):
    from claims import services

    services.claim_submit(claim=chain_claim, user=analyst)
    response = api(reviewer).post(
        f"/api/v1/claims/{chain_claim.pk}/review/", {"decision": "reject", "comment": "faux\x00"}, format="json"
    )
    assert response.status_code == 400 and "comment" in response.json()
    assert not Review.objects.exists()


@pytest.mark.parametrize(
    "url, raw, field",
    [
        ("/api/v1/documents/", '{"title": "a\\ud800b", "text": "Un texte."}', "title"),
        ("/api/v1/documents/", '{"text": "Un \\udfff texte."}', "text"),
        ("/api/v1/sources/", '{"name": "\\ud83d", "kind": "person"}', "name"),
    ],
)
def test_lone_surrogates_are_refused(api, analyst, nothing_stored, url, raw, field):
    nothing_stored()
    response = api(analyst).post(url, raw, content_type="application/json")
    assert response.status_code == 400
    assert "Surrogate characters are not allowed" in response.json()[field][0]


def test_a_lone_surrogate_as_a_source_slug(api, analyst, document, nothing_stored):
    nothing_stored()
    raw = json.dumps(claim_body(document)).replace('"attributions": []', '"attributions": [{"position": 0, "source": "\\ud800"}]')
    response = api(analyst).post("/api/v1/claims/", raw, content_type="application/json")
    assert response.status_code == 400 and "source" in response.json()["attributions"]["0"]


def test_a_body_over_the_size_limit(api, analyst, settings, nothing_stored):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000
    nothing_stored()
    response = api(analyst).post("/api/v1/documents/", {"text": "x" * 5_000}, format="json")
    assert response.status_code == 413
    assert "limit of 2,000 bytes" in response.json()["detail"]


def test_the_default_limit_is_ten_megabytes(api, analyst, nothing_stored):
    nothing_stored()
    response = api(analyst).post("/api/v1/documents/", {"text": "é" * (6 * 1024 * 1024)}, format="json")
    assert response.status_code == 413


def test_an_upload_over_the_size_limit(api, analyst, settings, nothing_stored):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.ANNOTATION_IMPORT_MAX_BYTES = 2_000
    nothing_stored()
    upload = SimpleUploadedFile("big.jsonl", b'{"text": "' + b"x" * 5_000 + b'"}\n')
    response = api(analyst).post("/api/v1/import/annotations/?format=doccano", {"file": upload}, format="multipart")
    assert response.status_code == 413


@pytest.mark.parametrize("raw", ["null", "[]", "42", '"text"'])
def test_a_body_that_is_not_an_object(api, analyst, document, nothing_stored, raw):
    nothing_stored()
    response = api(analyst).post("/api/v1/claims/", raw, content_type="application/json")
    assert response.status_code == 400
    assert "must be a JSON object" in response.json()["detail"]


def test_broken_json(api, analyst, nothing_stored):
    nothing_stored()
    response = api(analyst).post("/api/v1/claims/", '{"start": 1,', content_type="application/json")
    assert response.status_code == 400 and "JSON parse error" in response.json()["detail"]


@pytest.mark.parametrize(
    "content_type, raw",
    [("text/plain", "start=0"), ("application/x-www-form-urlencoded", "start=0&end=4"), ("application/xml", "<claim/>")],
)
def test_a_wrong_content_type(api, analyst, document, nothing_stored, content_type, raw):
    nothing_stored()
    response = api(analyst).post("/api/v1/claims/", raw, content_type=content_type)
    assert response.status_code == 415
    assert "Unsupported media type" in response.json()["detail"]


def test_another_analysts_claim(api, other_analyst, chain_claim):
    response = api(other_analyst).patch(
        f"/api/v1/claims/{chain_claim.pk}/", {"version": 1, "tag": "unsourced"}, format="json"
    )
    assert response.status_code == 404 and "detail" in response.json()
    assert api(other_analyst).delete(f"/api/v1/claims/{chain_claim.pk}/").status_code == 404
    assert Claim.objects.get(pk=chain_claim.pk).tag == "sourced"


def test_an_analyst_posting_a_review(api, analyst, other_analyst, chain_claim):
    from claims import services

    services.claim_submit(claim=chain_claim, user=analyst)
    own = api(analyst).post(f"/api/v1/claims/{chain_claim.pk}/review/", {"decision": "approve"}, format="json")
    assert own.status_code == 403 and "review" in own.json()["detail"]
    # Another analyst does not even see the claim.
    other = api(other_analyst).post(f"/api/v1/claims/{chain_claim.pk}/review/", {"decision": "approve"}, format="json")
    assert other.status_code == 404
    assert not Review.objects.exists()
    assert Claim.objects.get(pk=chain_claim.pk).status == "submitted"


def test_an_anonymous_call(client, chain_claim):
    response = client.get("/api/v1/claims/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert client.get("/api/v1/export/claims/?format=jsonl").status_code == 401
    assert client.post("/api/v1/claims/", {}, content_type="application/json").status_code == 401


def test_a_bad_token(client, chain_claim):
    response = client.get("/api/v1/claims/", HTTP_AUTHORIZATION="Token not-a-token")
    assert response.status_code == 401 and response.json()["detail"] == "Invalid token."


def test_non_numeric_and_huge_ids(api, analyst):
    client = api(analyst)
    assert client.get("/api/v1/claims/abc/").status_code == 404
    assert client.get(f"/api/v1/claims/{10**30}/").status_code == 404
    assert client.get(f"/api/v1/claims/?document={10**30}").status_code == 400
