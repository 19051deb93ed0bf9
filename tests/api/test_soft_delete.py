"""Deleting a claim is soft: it leaves every list, export, count and the review queue, and
"Undo" (the page) or ``POST /claims/<id>/restore/`` (the API) brings it back as it was."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from claims import selectors, services
from claims.models import Attribution, Claim
from claims.history import claim_timeline
from claims.stats import dashboard_claims

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_api_delete_hides_the_claim_everywhere_and_restore_brings_it_back(api, analyst, reviewer, chain_claim, document):
    client = api(analyst)
    assert client.delete(f"/api/v1/claims/{chain_claim.pk}/").status_code == 204
    # The row and its chain are kept, out of sight.
    assert Claim.with_deleted.filter(pk=chain_claim.pk, deleted_at__isnull=False).exists()
    assert Attribution.objects.filter(claim_id=chain_claim.pk).count() == 3
    assert client.get(f"/api/v1/claims/{chain_claim.pk}/").status_code == 404
    assert client.get("/api/v1/claims/").json()["results"] == []
    export = client.get("/api/v1/export/claims/?format=jsonl")
    assert b"".join(export.streaming_content).strip() == b""
    listed = selectors.document_list(user=analyst).get(pk=document.pk)
    assert (listed.sourced_count, listed.unsourced_count) == (0, 0)

    restored = client.post(f"/api/v1/claims/{chain_claim.pk}/restore/")
    assert restored.status_code == 200, restored.content
    body = restored.json()
    assert (body["id"], body["version"], len(body["attributions"])) == (chain_claim.pk, 3, 3)  # delete and restore: one version each
    assert [c["id"] for c in client.get("/api/v1/claims/").json()["results"]] == [chain_claim.pk]
    # Not deleted: nothing to restore; someone else's claim: 404.
    assert client.post(f"/api/v1/claims/{chain_claim.pk}/restore/").status_code == 404


def test_deleted_claims_leave_the_queue_and_the_figures(analyst, reviewer, chain_claim):
    claim = services.claim_submit(claim=chain_claim, user=analyst)
    assert dashboard_claims(user=reviewer).count() == 1 and selectors.review_queue(user=reviewer).count() == 1
    Claim.objects.filter(pk=claim.pk).update(status="rejected")  # only drafts and rejected claims are deleted
    services.claim_delete(claim=claim, user=analyst)
    assert not Claim.objects.filter(pk=chain_claim.pk).exists()
    assert dashboard_claims(user=reviewer).count() == 0


def test_the_page_offers_undo_after_delete(analyst, chain_claim, document):
    client = Client()
    client.force_login(analyst)
    html = client.post(f"/claims/{chain_claim.pk}/delete/", **HTMX).content.decode()
    assert "Claim deleted —" in html
    assert f'hx-post="/claims/{chain_claim.pk}/restore/"' in html and ">Undo</button>" in html
    assert f'id="card-{chain_claim.pk}"' not in html
    html = client.post(f"/claims/{chain_claim.pk}/restore/", **HTMX).content.decode()
    assert "Claim restored." in html and f'id="card-{chain_claim.pk}"' in html
    steps = [s.action for s in claim_timeline(claim_id=chain_claim.pk)]
    assert steps == ["created", "deleted", "restored"]
