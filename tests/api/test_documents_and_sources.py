"""Documents (with sentences) and the source registry through the API."""

from __future__ import annotations

import pytest

from claims.models import Document, Source
from tests.api.conftest import TEXT

pytestmark = pytest.mark.django_db


def test_create_a_document_keeps_the_text_exactly(api, analyst, sources):
    text = "  Titre de l’article 🙂\nLe ministère a annoncé l’ouverture, selon l’agence Mehr.  \n"
    response = api(analyst).post(
        "/api/v1/documents/", {"title": "", "text": text, "publisher": "mehr", "published_at": "2026-03-01"}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["text"] == text
    assert body["publisher"]["slug"] == "mehr"
    assert body["published_at"].startswith("2026-03-01T00:00:00")
    assert body["sentences"] and all(text[s["start"] : s["end"]] == s["text"] for s in body["sentences"])
    assert Document.objects.get(pk=body["id"]).created_by == analyst


def test_a_duplicate_text_is_refused(api, analyst, document):
    response = api(analyst).post("/api/v1/documents/", {"text": TEXT}, format="json")
    assert response.status_code == 400
    assert f"already stored as document {document.pk}" in response.json()["text"][0]
    assert Document.objects.count() == 1


def test_a_user_without_role_cannot_add_documents(api, document):
    from tests.factories import UserFactory

    nobody = UserFactory(username="nobody")
    response = api(nobody).post("/api/v1/documents/", {"text": "Un autre texte."}, format="json")
    assert response.status_code == 403
    assert api(nobody).get(f"/api/v1/documents/{document.pk}/").status_code == 200


def test_document_list_counts_only_visible_claims(api, analyst, other_analyst, chain_claim, unsourced_claim):
    mine = api(analyst).get("/api/v1/documents/").json()["results"][0]
    theirs = api(other_analyst).get("/api/v1/documents/").json()["results"][0]
    assert (mine["sourced_count"], mine["unsourced_count"]) == (1, 1)
    assert (theirs["sourced_count"], theirs["unsourced_count"]) == (0, 0)
    assert "text" not in mine


def test_document_filters(api, analyst, document, sources):
    from claims import services

    other = services.document_create(
        text="Les inondations touchent Bassora, selon la télévision.", created_by=None, publisher=sources["mehr"]
    )
    client = api(analyst)

    def ids(query):
        response = client.get(f"/api/v1/documents/?{query}")
        assert response.status_code == 200, response.json()
        return [d["id"] for d in response.json()["results"]]

    assert ids("") == [other.pk, document.pk]  # newest first
    assert ids(f"publisher={sources['mehr'].pk}") == [other.pk]
    assert ids("search=inondation") == [other.pk]  # French stemming
    assert ids("search=americaine") == [document.pk]  # accents ignored
    assert ids("published_after=2000-01-01T00:00:00Z") == []
    assert client.get("/api/v1/documents/?search=%00").status_code == 400


def test_source_search_over_names_and_aliases(api, analyst, sources):
    client = api(analyst)
    found = client.get("/api/v1/sources/?search=presse").json()["results"]
    assert [s["slug"] for s in found] == ["mehr"]  # by alias « l’agence de presse Mehr »
    assert [s["slug"] for s in client.get("/api/v1/sources/?kind=person").json()["results"]] == ["coalition-spokesman"]


def test_analysts_add_sources_and_reviewers_change_them(api, analyst, reviewer, sources):
    created = api(analyst).post(
        "/api/v1/sources/", {"name": "Al-Sumaria", "kind": "news_outlet", "aliases": ["Alsumaria", " alsumaria "]}, format="json"
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["slug"], body["aliases"]) == ("al-sumaria", ["Alsumaria"])

    refused = api(analyst).patch(f"/api/v1/sources/{body['id']}/", {"name": "Sumaria"}, format="json")
    assert refused.status_code == 403

    changed = api(reviewer).patch(f"/api/v1/sources/{body['id']}/", {"name": "Al Sumaria TV", "country": "iq"}, format="json")
    assert changed.status_code == 200
    assert (changed.json()["name"], changed.json()["country"], changed.json()["slug"]) == ("Al Sumaria TV", "IQ", "al-sumaria")
    put = api(reviewer).put(f"/api/v1/sources/{body['id']}/", {"kind": "institution"}, format="json")
    assert put.status_code == 400 and "name" in put.json()


def test_a_source_slug_is_unique(api, analyst, sources):
    response = api(analyst).post("/api/v1/sources/", {"name": "Mehr", "kind": "news_outlet", "slug": "mehr"}, format="json")
    assert response.status_code == 400 and "slug" in response.json()
    assert Source.objects.filter(slug="mehr").count() == 1
