"""Dashboard figures: right numbers, a fixed number of queries, and a JSON-ready dict."""

import json

import pytest

from claims import services, stats
from claims.models import SourceKind
from claims.services import Link
from tests.factories import DocumentFactory, SourceFactory

pytestmark = pytest.mark.django_db

TEXT = "Mehr annonce une attaque. Le ministre dément. On estime que dix sont morts. Selon une source, rien.\n"


@pytest.fixture
def world(analyst, other_analyst, reviewer, admin_user):
    mehr = SourceFactory(slug="mehr", name="Mehr News Agency")
    anonymous = SourceFactory(slug="unnamed-source", name="Unnamed source", kind=SourceKind.ANONYMOUS)
    vague = SourceFactory(slug="vague-attribution", name="Vague attribution", kind=SourceKind.OTHER)
    presstv = SourceFactory(slug="presstv", name="PressTV")
    document = DocumentFactory(title="Attaque", text=TEXT, publisher=presstv)
    other = DocumentFactory(title="Sans éditeur", text="Rien à signaler. Il pleut.\n")

    def claim(user, document, sentence, tag, chain=(), submit=True):
        start = document.text.index(sentence)
        made = services.claim_create(
            document=document, user=user, start=start, end=start + len(sentence), tag=tag,
            chain=[Link(s, i) for i, s in enumerate(chain)],
        )
        return services.claim_submit(claim=made, user=user) if submit else made

    a1 = claim(analyst, document, "Mehr annonce une attaque.", "sourced", [mehr, anonymous])
    a2 = claim(analyst, document, "On estime que dix sont morts.", "sourced", [vague])
    a3 = claim(analyst, document, "Selon une source, rien.", "sourced", [anonymous])
    a4 = claim(analyst, other, "Il pleut.", "unsourced")
    b1 = claim(other_analyst, document, "Mehr annonce une attaque.", "sourced", [mehr])
    b2 = claim(other_analyst, document, "Le ministre dément.", "unsourced")
    claim(other_analyst, other, "Rien à signaler.", "unsourced", submit=False)  # a draft: not counted
    services.claim_review(claim=a1, reviewer=reviewer, decision="approve")
    services.claim_review(claim=a2, reviewer=reviewer, decision="reject", reason="wrong_source")
    services.claim_review(claim=b1, reviewer=reviewer, decision="approve")
    services.claim_review(claim=b2, reviewer=reviewer, decision="reject", comment="Pas une affirmation")
    return {"document": document, "other": other, "a3": a3, "a4": a4}


def test_figures_count_what_the_issue_asks(world, admin_user, django_assert_num_queries):
    claims = stats.dashboard_claims(user=admin_user)
    with django_assert_num_queries(8):
        figures = stats.dashboard_figures(claims=claims)

    t = figures.totals
    assert (t.claims, t.sourced, t.unsourced) == (6, 4, 2)
    # a2 (vague only) and a3 (anonymous only); a1 names Mehr before the anonymous source.
    assert t.anonymous_or_vague_only == 2 and t.anonymous_or_vague_share == pytest.approx(0.5)

    assert [(s.slug, s.claims, s.direct) for s in figures.sources] == [
        ("mehr", 2, 2),
        ("unnamed-source", 2, 1),
        ("vague-attribution", 1, 1),
    ]
    assert [(p.name, p.claims, p.sourced, p.unsourced) for p in figures.publishers] == [
        ("PressTV", 5, 4, 1),
        ("", 1, 0, 1),
    ]
    assert figures.publishers[0].sourced_share == pytest.approx(0.8)
    assert [(d.name, d.claims, d.sourced, d.unsourced) for d in figures.documents] == [
        ("Attaque", 5, 4, 1),
        ("Sans éditeur", 1, 0, 1),
    ]
    ann, bob = figures.analysts
    assert (ann.username, ann.claims, ann.recent, ann.active_days, ann.approvals, ann.rejections) == ("ann", 4, 4, 1, 1, 1)
    assert ann.approval_rate == pytest.approx(0.5) and ann.per_active_day == 4
    assert (bob.username, bob.claims, bob.approvals, bob.rejections) == ("bob", 2, 1, 1)

    [agreement] = figures.agreement.documents
    assert agreement.title == "Attaque" and agreement.analysts == ["ann", "bob"]
    assert agreement.method == "cohen_kappa"


def test_approved_only_and_the_reviewers_view(world, reviewer):
    approved = stats.dashboard_figures(claims=stats.dashboard_claims(user=reviewer, status="approved"))
    assert approved.totals.claims == 2
    # The reviewer sees every claim sent for review: the same figures as an administrator.
    assert stats.dashboard_figures(claims=stats.dashboard_claims(user=reviewer)).totals.claims == 6


def test_figures_as_json_is_plain_json(world, admin_user):
    data = stats.figures_as_json(stats.dashboard_figures(claims=stats.dashboard_claims(user=admin_user)))
    assert json.loads(json.dumps(data)) == data
    assert data["totals"] == {
        "claims": 6, "sourced": 4, "unsourced": 2, "sourced_share": pytest.approx(4 / 6),
        "anonymous_or_vague_only": 2, "anonymous_or_vague_share": 0.5,
    }
    assert data["claims_per_publisher"][1]["publisher"] is None
    assert data["claims_per_source"][0]["source"]["slug"] == "mehr"
    assert data["analysts"][0]["approval_rate"] == 0.5
    assert data["agreement"]["documents"][0]["document_id"] == world["document"].pk
    assert set(data["agreement"]["overall"]) == {
        "analysts", "sentences", "method", "value", "observed", "same_source", "same_source_sentences"
    }


def test_no_claims_no_division_by_zero(admin_user):
    figures = stats.dashboard_figures(claims=stats.dashboard_claims(user=admin_user))
    assert figures.totals.claims == 0 and figures.totals.sourced_share is None
    assert stats.figures_as_json(figures)["agreement"] == {"documents": [], "overall": None}


def test_api_serves_the_figures_to_reviewers_with_a_token(client, world, reviewer):
    from tests.factories import PASSWORD

    token = client.post("/api/v1/auth/token/", {"username": reviewer.username, "password": PASSWORD}, content_type="application/json").json()["token"]
    response = client.get("/api/v1/stats/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200
    data = response.json()
    assert data["totals"]["claims"] == 6 and data["totals"]["anonymous_or_vague_share"] == 0.5
    assert data["analysts"][0] == {
        "username": "ann", "claims": 4, "recent_claims": 4, "active_days": 1, "claims_per_active_day": 4.0,
        "approvals": 1, "rejections": 1, "approval_rate": 0.5,
    }
    assert data["agreement"]["documents"][0]["method"] == "cohen_kappa"
    assert client.get("/api/v1/stats/?status=approved", HTTP_AUTHORIZATION=f"Token {token}").json()["totals"]["claims"] == 2


def test_api_stats_errors_are_json(client, world, analyst, reviewer):
    from tests.factories import PASSWORD

    assert client.get("/api/v1/stats/").status_code in (401, 403)
    client.login(username=analyst.username, password=PASSWORD)
    response = client.get("/api/v1/stats/")
    assert response.status_code == 403 and "reviewers" in response.json()["detail"]
    client.login(username=reviewer.username, password=PASSWORD)
    response = client.get("/api/v1/stats/?status=draft")
    assert response.status_code == 400 and "status" in response.json()


def test_api_stats_is_in_the_schema(client, reviewer):
    from tests.factories import PASSWORD

    client.login(username=reviewer.username, password=PASSWORD)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/stats/" in schema and "anonymous_or_vague_share" in schema
