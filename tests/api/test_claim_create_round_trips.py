"""Creating a claim with a chain through the API: few round trips, and the answer (built from what
was written, not read back) is the claim exactly as a later read gives it."""

from __future__ import annotations

import pytest

from claims import services
from tests.api.conftest import TEXT, client_for, span_of
from tests.factories import SourceFactory


@pytest.mark.django_db
def test_create_with_a_two_source_chain_in_six_queries(analyst, django_assert_num_queries):
    mehr = SourceFactory(slug="mehr", name="Mehr News Agency")
    SourceFactory(slug="al-nahrain", name="al-Nahrain")
    document = services.document_create(text=TEXT, title="al-Anbar", created_by=None)
    client = client_for(analyst)
    mention = span_of(TEXT, "l’agence de presse Mehr")
    body = {
        "document": document.pk, "start": 0, "end": TEXT.index("\n"), "tag": "sourced",
        "attributions": [
            {"position": 0, "source": mehr.pk, "mention": {"start": mention[0], "end": mention[1]}},
            {"position": 1, "source": "al-nahrain"},
        ],
    }  # fmt: skip
    client.post("/api/v1/claims/", body, format="json")  # the user's groups are cached from here on
    # the token with its user, the throttle (one upsert), both sources at once, the user's roles,
    # the document as they may see it, then the claim with its chain and the audit context in
    # one statement: nothing is read back after the write.
    with django_assert_num_queries(6):
        response = client.post("/api/v1/claims/", body, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created == client.get(f"/api/v1/claims/{created['id']}/").json()
    assert [(a["position"], a["source"]["slug"], a["mention"]) for a in created["attributions"]] == [
        (0, "mehr", {"start": mention[0], "end": mention[1], "text": "l’agence de presse Mehr"}),
        (1, "al-nahrain", None),
    ]


@pytest.mark.django_db
def test_an_unknown_source_in_a_chain_is_still_a_400_on_its_field(analyst):
    document = services.document_create(text=TEXT, title="al-Anbar", created_by=None)
    SourceFactory(slug="mehr")
    body = {"document": document.pk, "start": 0, "end": 20, "tag": "sourced",
            "attributions": [{"position": 0, "source": "mehr"}, {"position": 1, "source": 999999}]}  # fmt: skip
    response = client_for(analyst).post("/api/v1/claims/", body, format="json")
    assert response.status_code == 400
    assert "Unknown source 999999" in str(response.json()["attributions"])
