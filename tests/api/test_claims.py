"""Claims through the API: the contract's JSON, scoping, the write rules, submit, review, history."""

from __future__ import annotations

import pytest

from claims.models import Attribution, Claim, Review
from tests.api.conftest import FIRST_SENTENCE_END, TEXT, span_of

pytestmark = pytest.mark.django_db


def contract_input(document, **overrides):
    body = {
        "document": document.pk,
        "start": 0,
        "end": FIRST_SENTENCE_END,
        "tag": "sourced",
        "attributions": [
            {"position": 0, "source": "mehr", "mention": dict(zip(("start", "end"), span_of(TEXT, "l’agence de presse Mehr")))},
            {"position": 1, "source": "al-nahrain", "mention": dict(zip(("start", "end"), span_of(TEXT, "al-Nahrain")))},
            {"position": 2, "source": "iraqi-security-source", "mention": None},
        ],
    }
    return body | overrides


def test_create_returns_the_contract_claim(api, analyst, document, sources):
    response = api(analyst).post("/api/v1/claims/", contract_input(document), format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert list(body) == [
        "id", "document", "start", "end", "text", "tag", "flags", "attributions",
        "status", "annotator", "version", "created_at", "updated_at",
    ]  # fmt: skip
    assert body["flags"] == []
    assert body["text"] == TEXT[0:FIRST_SENTENCE_END]
    assert body["status"] == "draft" and body["version"] == 1 and body["annotator"] == "ann"
    mehr = sources["mehr"]
    assert body["attributions"][0] == {
        "position": 0,
        "source": {"id": mehr.pk, "slug": "mehr", "name": "Mehr News Agency", "kind": "news_outlet"},
        "mention": {"start": 147, "end": 170, "text": "l’agence de presse Mehr"},
    }
    assert body["attributions"][2]["mention"] is None
    assert [a["source"]["slug"] for a in body["attributions"]] == ["mehr", "al-nahrain", "iraqi-security-source"]
    assert Attribution.objects.filter(claim_id=body["id"]).count() == 3


def test_sources_may_be_given_by_id(api, analyst, document, sources):
    body = contract_input(document, attributions=[{"position": 0, "source": sources["mehr"].pk}])
    response = api(analyst).post("/api/v1/claims/", body, format="json")
    assert response.status_code == 201
    assert response.json()["attributions"][0]["source"]["slug"] == "mehr"


def test_mention_text_outside_the_claim_is_cut_from_the_document(api, analyst, quote_claim):
    body = api(analyst).get(f"/api/v1/claims/{quote_claim.pk}/").json()
    # The mention lies after the span and after an emoji: code points, not UTF-16 units.
    assert body["attributions"][0]["mention"]["text"] == "le porte-parole 🙂 de la coalition"
    start = body["attributions"][0]["mention"]["start"]
    assert TEXT[start : body["attributions"][0]["mention"]["end"]] == "le porte-parole 🙂 de la coalition"


def test_analysts_see_only_their_own_claims(api, analyst, other_analyst, chain_claim):
    assert api(other_analyst).get("/api/v1/claims/").json()["results"] == []
    for method in ("get", "patch", "put", "delete"):
        response = getattr(api(other_analyst), method)(f"/api/v1/claims/{chain_claim.pk}/", {"version": 1}, format="json")
        assert response.status_code == 404, method
    assert api(other_analyst).post(f"/api/v1/claims/{chain_claim.pk}/submit/", {}, format="json").status_code == 404
    assert api(other_analyst).get(f"/api/v1/claims/{chain_claim.pk}/history/").status_code == 404
    assert Claim.objects.get(pk=chain_claim.pk).version == 1


def test_reviewers_see_submitted_claims_but_not_drafts(api, analyst, reviewer, chain_claim, unsourced_claim):
    api(analyst).post(f"/api/v1/claims/{chain_claim.pk}/submit/", {"version": 1}, format="json")
    ids = [c["id"] for c in api(reviewer).get("/api/v1/claims/").json()["results"]]
    assert ids == [chain_claim.pk]
    assert api(reviewer).get(f"/api/v1/claims/{unsourced_claim.pk}/").status_code == 404


def test_stale_version_answers_409_with_the_current_claim(api, analyst, chain_claim):
    client = api(analyst)
    first = client.patch(f"/api/v1/claims/{chain_claim.pk}/", {"version": 1, "tag": "unsourced"}, format="json")
    assert first.status_code == 200 and first.json()["version"] == 2
    assert first.json()["attributions"] == []  # unsourced drops the chain

    stale = client.patch(f"/api/v1/claims/{chain_claim.pk}/", {"version": 1, "end": 20}, format="json")

    assert stale.status_code == 409
    body = stale.json()
    assert body["code"] == "stale_version"
    assert body["current"]["version"] == 2 and body["current"]["tag"] == "unsourced"
    claim = Claim.objects.get(pk=chain_claim.pk)
    assert (claim.end, claim.version) == (FIRST_SENTENCE_END, 2)


def test_put_replaces_span_tag_and_chain(api, analyst, chain_claim, sources):
    start, end = span_of(TEXT, "Une source de la sécurité irakienne a annoncé")
    response = api(analyst).put(
        f"/api/v1/claims/{chain_claim.pk}/",
        {"version": 1, "start": start, "end": end, "tag": "sourced", "attributions": [{"position": 0, "source": "iraqi-security-source"}]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["text"] == "Une source de la sécurité irakienne a annoncé"
    assert [(a["position"], a["source"]["slug"], a["mention"]) for a in body["attributions"]] == [
        (0, "iraqi-security-source", None)
    ]


def test_put_needs_the_whole_claim(api, analyst, chain_claim):
    response = api(analyst).put(f"/api/v1/claims/{chain_claim.pk}/", {"version": 1, "tag": "unsourced"}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"start", "end"}


def test_update_without_version_is_refused(api, analyst, chain_claim):
    response = api(analyst).patch(f"/api/v1/claims/{chain_claim.pk}/", {"tag": "unsourced"}, format="json")
    assert response.status_code == 400 and "version" in response.json()
    assert Claim.objects.get(pk=chain_claim.pk).tag == "sourced"


def test_delete_a_draft(api, analyst, chain_claim):
    assert api(analyst).delete(f"/api/v1/claims/{chain_claim.pk}/").status_code == 204
    assert not Claim.objects.filter(pk=chain_claim.pk).exists()  # soft: see test_soft_delete.py


def test_submit_then_locked(api, analyst, chain_claim):
    client = api(analyst)
    response = client.post(f"/api/v1/claims/{chain_claim.pk}/submit/", {"version": 1}, format="json")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["version"]) == ("submitted", 2)

    edit = client.patch(f"/api/v1/claims/{chain_claim.pk}/", {"version": 2, "tag": "unsourced"}, format="json")
    assert edit.status_code == 409 and edit.json()["code"] == "locked"
    assert client.delete(f"/api/v1/claims/{chain_claim.pk}/").status_code == 409
    again = client.post(f"/api/v1/claims/{chain_claim.pk}/submit/", {}, format="json")
    assert again.status_code == 409
    assert Claim.objects.get(pk=chain_claim.pk).tag == "sourced"


def test_a_sourced_claim_without_source_cannot_be_submitted(api, analyst, document):
    created = api(analyst).post("/api/v1/claims/", contract_input(document, attributions=[]), format="json").json()
    response = api(analyst).post(f"/api/v1/claims/{created['id']}/submit/", {}, format="json")
    assert response.status_code == 400
    assert "attributions" in response.json()
    assert Claim.objects.get(pk=created["id"]).status == "draft"


def test_review_approve_with_a_correction(api, analyst, reviewer, chain_claim, sources):
    api(analyst).post(f"/api/v1/claims/{chain_claim.pk}/submit/", {}, format="json")
    response = api(reviewer).post(
        f"/api/v1/claims/{chain_claim.pk}/review/",
        {"decision": "approve", "attributions": [{"position": 0, "source": "mehr"}]},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["decision"] == "approve" and body["reviewer"] == "rev"
    assert body["correction"] == {"chain": [["mehr", "al-nahrain", "iraqi-security-source"], ["mehr"]]}
    assert body["claim"]["status"] == "approved"
    assert [a["source"]["slug"] for a in body["claim"]["attributions"]] == ["mehr"]


def test_review_reject_needs_a_reason(api, analyst, reviewer, chain_claim):
    api(analyst).post(f"/api/v1/claims/{chain_claim.pk}/submit/", {}, format="json")
    response = api(reviewer).post(f"/api/v1/claims/{chain_claim.pk}/review/", {"decision": "reject"}, format="json")
    assert response.status_code == 400 and "comment" in response.json()
    ok = api(reviewer).post(
        f"/api/v1/claims/{chain_claim.pk}/review/", {"decision": "reject", "reason": "wrong_source"}, format="json"
    )
    assert ok.status_code == 201 and ok.json()["claim"]["status"] == "rejected"


def test_an_analyst_cannot_review(api, analyst, chain_claim):
    api(analyst).post(f"/api/v1/claims/{chain_claim.pk}/submit/", {}, format="json")
    response = api(analyst).post(f"/api/v1/claims/{chain_claim.pk}/review/", {"decision": "approve"}, format="json")
    assert response.status_code == 403
    assert "detail" in response.json()
    assert not Review.objects.exists()
    assert Claim.objects.get(pk=chain_claim.pk).status == "submitted"


def test_a_reviewer_cannot_edit_someone_elses_claim(api, analyst, reviewer, chain_claim):
    client = api(analyst)
    client.post(f"/api/v1/claims/{chain_claim.pk}/submit/", {}, format="json")
    api(reviewer).post(f"/api/v1/claims/{chain_claim.pk}/review/", {"decision": "reject", "comment": "no"}, format="json")
    response = api(reviewer).patch(f"/api/v1/claims/{chain_claim.pk}/", {"version": 3, "tag": "unsourced"}, format="json")
    assert response.status_code == 403
    assert Claim.objects.get(pk=chain_claim.pk).tag == "sourced"


def test_history_lists_each_step_with_its_user(api, analyst, reviewer, chain_claim):
    api(analyst).post(f"/api/v1/claims/{chain_claim.pk}/submit/", {}, format="json")
    api(reviewer).post(f"/api/v1/claims/{chain_claim.pk}/review/", {"decision": "approve"}, format="json")

    steps = api(analyst).get(f"/api/v1/claims/{chain_claim.pk}/history/").json()

    assert [(s["action"], s["user"]) for s in steps] == [("created", "ann"), ("submitted", "ann"), ("approved", "rev")]
    assert {"field": "status", "before": "draft", "after": "submitted"} in steps[1]["changes"]


def test_filters(api, admin_user, analyst, other_analyst, reviewer, chain_claim, quote_claim, unsourced_claim, sources, document):
    from claims import services

    theirs = services.claim_create(document=document, user=other_analyst, start=0, end=10, tag="unsourced")
    services.claim_submit(claim=chain_claim, user=analyst)
    services.claim_review(claim=chain_claim, reviewer=reviewer, decision="approve")
    client = api(admin_user)

    def ids(query):
        response = client.get(f"/api/v1/claims/?{query}")
        assert response.status_code == 200, response.json()
        return sorted(c["id"] for c in response.json()["results"])

    assert ids("") == sorted([chain_claim.pk, quote_claim.pk, unsourced_claim.pk, theirs.pk])
    assert ids(f"source={sources['al-nahrain'].pk}") == [chain_claim.pk]
    assert ids(f"direct_source={sources['al-nahrain'].pk}") == []
    assert ids(f"direct_source={sources['mehr'].pk}") == [chain_claim.pk]
    assert ids("source_kind=person") == [quote_claim.pk]
    assert ids("tag=unsourced") == sorted([unsourced_claim.pk, theirs.pk])
    assert ids("status=approved") == [chain_claim.pk]
    assert ids("annotator=bob") == [theirs.pk]
    assert ids("reviewer=rev") == [chain_claim.pk]
    assert ids(f"document={document.pk}&tag=sourced") == sorted([chain_claim.pk, quote_claim.pk])
    chain_claim.refresh_from_db()
    since = chain_claim.updated_at.isoformat().replace("+00:00", "Z")
    assert ids(f"updated_since={since}") == [chain_claim.pk]
    assert ids("created_after=2999-01-01T00:00:00Z") == []
    # A bad filter value is a 400 that names the filter.
    for query, field in (("status=lost", "status"), ("source=999999", "source"), ("updated_since=yesterday", "updated_since")):
        response = client.get(f"/api/v1/claims/?{query}")
        assert response.status_code == 400 and field in response.json()


def test_cursor_pagination(api, analyst, document):
    from claims import services

    made = [services.claim_create(document=document, user=analyst, start=i, end=i + 5, tag="unsourced").pk for i in range(5)]
    client = api(analyst)
    page = client.get("/api/v1/claims/?page_size=2").json()
    seen = [c["id"] for c in page["results"]]
    while page["next"]:
        page = client.get(page["next"]).json()
        seen += [c["id"] for c in page["results"]]
    assert seen == made


def test_list_queries_do_not_grow_with_the_page(api, analyst, document, sources, django_assert_max_num_queries):
    from claims import services

    chain = [services.Link(sources["mehr"], 0, 0, 5), services.Link(sources["al-nahrain"], 1)]
    for i in range(30):
        services.claim_create(document=document, user=analyst, start=i, end=i + 10, tag="sourced", chain=chain)
    client = api(analyst)
    client.get("/api/v1/claims/?page_size=2")  # warm the token and group caches
    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/claims/?page_size=30")
    assert len(response.json()["results"]) == 30


@pytest.mark.django_db
def test_hand_built_claim_json_matches_the_declared_serializers(analyst):
    """ClaimSerializer renders by hand for speed; its shape must stay the declared one."""
    from rest_framework import serializers as drf

    from claims import selectors, services
    from claims.api.serializers import AttributionSerializer, ClaimSerializer
    from tests.factories import DocumentFactory, SourceFactory

    document = DocumentFactory(text="Selon l’agence Mehr citant al-Nahrain, 🚀 la colonne est arrivée.\n")
    mehr, nahrain = SourceFactory(slug="mehr"), SourceFactory(slug="al-nahrain")
    services.claim_create(
        document=document, user=analyst, start=0, end=len(document.text) - 1, tag="sourced",
        chain=[services.Link(mehr, 0, 6, 19), services.Link(nahrain, 1)],
    )
    claim = selectors.claim_list(user=analyst).get()
    data = ClaimSerializer(claim).data
    assert data["attributions"] == AttributionSerializer(claim.attributions.all(), many=True).data
    assert data["attributions"][0]["mention"]["text"] == "l’agence Mehr"
    generic = drf.ModelSerializer.to_representation(ClaimSerializer(), claim)
    assert {k: v for k, v in data.items() if k != "attributions"} == {
        k: v for k, v in generic.items() if k != "attributions"
    }
