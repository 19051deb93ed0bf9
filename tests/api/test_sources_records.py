"""Source records in the API: merge and undo, credibility notes, proposals, network, trends."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from rest_framework.test import APIClient

from claims import services
from claims.models import Attribution, Claim, Source, SourceKind, SourceMerge
from tests.api.conftest import TEXT, contract_chain, span_of
from tests.factories import SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


def as_user(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def approve(claim: Claim, reviewer) -> Claim:
    services.claim_submit(claim=claim, user=claim.annotator)
    services.claim_review(claim=Claim.objects.get(pk=claim.pk), reviewer=reviewer, decision="approve")
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def approved_chain(chain_claim, reviewer):
    return approve(chain_claim, reviewer)


# --- merge --------------------------------------------------------------------------------------


def test_merge_moves_attributions_and_aliases_and_hides_the_merged_source(approved_chain, reviewer, sources):
    duplicate = sources["al-nahrain"]
    keeper = SourceFactory(slug="alnahrain-tv", name="Al Nahrain TV", kind=SourceKind.NEWS_OUTLET, aliases=["Al Nahrain TV"])
    version = approved_chain.version

    answer = as_user(reviewer).post(f"/api/v1/sources/{duplicate.pk}/merge/", {"into": keeper.pk}, format="json")

    assert answer.status_code == 200, answer.content
    assert Attribution.objects.get(claim=approved_chain, position=1).source_id == keeper.pk
    assert "al-Nahrain" in answer.json()["into"]["aliases"]
    assert Claim.objects.get(pk=approved_chain.pk).version == version + 1  # open forms go stale
    assert as_user(reviewer).get(f"/api/v1/sources/{duplicate.pk}/").status_code == 404
    assert duplicate.slug not in [s["slug"] for s in as_user(reviewer).get("/api/v1/sources/?search=nahrain").json()["results"]]
    claim = as_user(reviewer).get(f"/api/v1/claims/{approved_chain.pk}/").json()
    assert [link["source"]["slug"] for link in claim["attributions"]] == ["mehr", "alnahrain-tv", "iraqi-security-source"]


def test_merge_can_be_undone(approved_chain, reviewer, sources):
    duplicate, keeper = sources["al-nahrain"], sources["mehr"]
    client = as_user(reviewer)
    merge_id = client.post(f"/api/v1/sources/{duplicate.pk}/merge/", {"into": keeper.pk}, format="json").json()["merge"]["id"]
    assert client.get(f"/api/v1/sources/{keeper.pk}/merges/").json()[0]["attributions"]

    answer = client.post(f"/api/v1/sources/merges/{merge_id}/undo/")

    assert answer.status_code == 200, answer.content
    assert answer.json()["slug"] == "al-nahrain"
    assert Attribution.objects.get(claim=approved_chain, position=1).source_id == duplicate.pk
    assert "al-Nahrain" not in Source.objects.get(pk=keeper.pk).aliases
    assert client.get(f"/api/v1/sources/{duplicate.pk}/").status_code == 200
    assert SourceMerge.objects.get(pk=merge_id).undone_at is not None
    assert client.post(f"/api/v1/sources/merges/{merge_id}/undo/").status_code == 400  # once


def test_merge_refuses_itself_unknown_targets_and_analysts(chain_claim, analyst, reviewer, sources):
    mehr = sources["mehr"]
    client = as_user(reviewer)
    assert client.post(f"/api/v1/sources/{mehr.pk}/merge/", {"into": mehr.pk}, format="json").json() == {
        "into": ["A source cannot be merged into itself."]
    }
    assert "into" in client.post(f"/api/v1/sources/{mehr.pk}/merge/", {"into": 10**9}, format="json").json()
    assert "into" in client.post(f"/api/v1/sources/{mehr.pk}/merge/", {"into": "x"}, format="json").json()
    assert client.post(f"/api/v1/sources/{10**9}/merge/", {"into": mehr.pk}, format="json").status_code == 404
    assert client.post(f"/api/v1/sources/{10**30}/merge/", {"into": mehr.pk}, format="json").status_code == 404
    assert client.post(f"/api/v1/sources/merges/{10**30}/undo/").status_code == 404
    assert client.post(f"/api/v1/sources/{mehr.pk}/merge/", {"into": 10**30}, format="json").status_code == 400
    answer = as_user(analyst).post(f"/api/v1/sources/{mehr.pk}/merge/", {"into": sources["al-nahrain"].pk}, format="json")
    assert answer.status_code == 403
    assert Attribution.objects.filter(source=mehr).exists()


def test_a_merged_source_cannot_be_merged_into(reviewer, sources):
    client = as_user(reviewer)
    a, b, c = sources["mehr"], sources["al-nahrain"], sources["spokesman"]
    assert client.post(f"/api/v1/sources/{a.pk}/merge/", {"into": b.pk}, format="json").status_code == 200
    assert client.post(f"/api/v1/sources/{c.pk}/merge/", {"into": a.pk}, format="json").status_code == 400


# --- notes and proposals ---------------------------------------------------------------------------


def test_notes_set_the_rating_and_keep_their_history(reviewer, sources):
    mehr = sources["mehr"]
    client = as_user(reviewer)
    assert client.get(f"/api/v1/sources/{mehr.pk}/").json()["rating"] is None
    first = client.post(f"/api/v1/sources/{mehr.pk}/notes/", {"text": "Wire copy, mostly.", "rating": "mixed"}, format="json")
    assert first.status_code == 201, first.content
    client.post(f"/api/v1/sources/{mehr.pk}/notes/", {"text": "IIDO-owned.", "rating": "state_affiliated"}, format="json")

    assert client.get(f"/api/v1/sources/{mehr.pk}/").json()["rating"] == "state_affiliated"
    notes = client.get(f"/api/v1/sources/{mehr.pk}/notes/").json()
    assert [(n["rating"], n["user"]) for n in notes] == [("state_affiliated", "rev"), ("mixed", "rev")]


def test_bad_notes_name_the_field(reviewer, analyst, sources):
    url = f"/api/v1/sources/{sources['mehr'].pk}/notes/"
    assert "rating" in as_user(reviewer).post(url, {"text": "x", "rating": "great"}, format="json").json()
    assert "text" in as_user(reviewer).post(url, {"text": "  ", "rating": "mixed"}, format="json").json()
    assert as_user(analyst).post(url, {"text": "x", "rating": "mixed"}, format="json").status_code == 403


def test_analysts_propose_and_reviewers_confirm(analyst, reviewer):
    proposal = as_user(analyst).post(
        "/api/v1/sources/",
        {"name": "Alsumaria", "kind": "news_outlet", "country": "iq", "affiliation": "private TV, Iraq"},
        format="json",
    )
    assert proposal.status_code == 201, proposal.content
    body = proposal.json()
    assert (body["status"], body["country"], body["affiliation"]) == ("proposed", "IQ", "private TV, Iraq")
    # Analysts neither edit nor confirm; reviewers do.
    assert as_user(analyst).patch(f"/api/v1/sources/{body['id']}/", {"name": "X"}, format="json").status_code == 403
    assert as_user(analyst).post(f"/api/v1/sources/{body['id']}/confirm/").status_code == 403
    assert as_user(reviewer).post(f"/api/v1/sources/{body['id']}/confirm/").json()["status"] == "confirmed"
    created = as_user(reviewer).post("/api/v1/sources/", {"name": "Rudaw", "kind": "news_outlet"}, format="json").json()
    assert created["status"] == "confirmed"


# --- network --------------------------------------------------------------------------------------


@pytest.fixture
def network_corpus(document, analyst, reviewer, sources):
    """Two approved claims with Mehr -> al-Nahrain, one of them going on to the anonymous source;
    a draft with the same chain, which must not count."""
    publisher = SourceFactory(slug="presstv", name="Press TV", kind=SourceKind.NEWS_OUTLET)
    document.publisher = publisher
    document.save(update_fields=["publisher"])
    first = approve(
        services.claim_create(document=document, user=analyst, start=0, end=30, tag="sourced", chain=contract_chain(sources)),
        reviewer,
    )
    start, end = span_of(TEXT, "« Tout va bien »")
    chain = contract_chain(sources)[:2]
    second = approve(services.claim_create(document=document, user=analyst, start=start, end=end, tag="sourced", chain=chain), reviewer)
    start, end = span_of(TEXT, "Les combats continuent.")
    services.claim_create(document=document, user=analyst, start=start, end=end, tag="sourced", chain=chain)
    return first, second


def test_network_json_counts_consecutive_links_of_approved_claims(network_corpus, reviewer):
    data = as_user(reviewer).get("/api/v1/network/").json()
    edges = {(e["source"], e["target"]): e["weight"] for e in data["edges"]}
    assert edges == {("mehr", "al-nahrain"): 2, ("al-nahrain", "iraqi-security-source"): 1}
    nodes = {n["slug"]: (n["claims"], n["kind"]) for n in data["nodes"]}
    assert nodes == {"mehr": (2, "news_outlet"), "al-nahrain": (2, "news_outlet"), "iraqi-security-source": (1, "anonymous")}
    assert set(data["nodes"][0]) >= {"slug", "name", "kind", "claims"}


def test_network_filters(network_corpus, reviewer):
    client = as_user(reviewer)
    heavy = client.get("/api/v1/network/?min_weight=2").json()
    assert [(e["source"], e["target"]) for e in heavy["edges"]] == [("mehr", "al-nahrain")]
    assert {n["slug"] for n in heavy["nodes"]} == {"mehr", "al-nahrain"}
    assert client.get("/api/v1/network/?publisher=presstv").json()["edges"]
    other = SourceFactory(slug="fars", name="Fars")
    assert client.get(f"/api/v1/network/?publisher={other.pk}").json() == {"nodes": [], "edges": []}
    assert client.get("/api/v1/network/?until=2000-01-01").json()["edges"] == []
    assert client.get("/api/v1/network/?since=2000-01-01").json()["edges"]
    with_publishers = client.get("/api/v1/network/?publishers=true").json()
    assert {"source": "presstv", "target": "mehr", "weight": 2, "type": "publishes"} in with_publishers["edges"]


@pytest.mark.parametrize(
    "query, field",
    [("format=pdf", "format"), ("min_weight=0", "min_weight"), ("since=yesterday", "since"),
     ("publisher=nobody", "publisher"), ("since=2024-02-01&until=2024-01-01", "until")],
)  # fmt: skip
def test_network_bad_parameters_name_the_field(reviewer, query, field):
    answer = as_user(reviewer).get(f"/api/v1/network/?{query}")
    assert answer.status_code == 400
    assert field in answer.json()


def test_network_respects_who_sees_what(network_corpus, other_analyst):
    # Another analyst sees none of these claims, so none of their links.
    assert as_user(other_analyst).get("/api/v1/network/").json() == {"nodes": [], "edges": []}
    assert APIClient().get("/api/v1/network/").status_code == 401


def _edges_of(graph: nx.Graph) -> set[tuple[str, str, int]]:
    return {(u, v, int(d["weight"])) for u, v, d in graph.edges(data=True)}


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_load_with_networkx_and_match_the_json(network_corpus, reviewer, fmt, read):
    client = as_user(reviewer)
    data = client.get("/api/v1/network/").json()
    answer = client.get(f"/api/v1/network/?format={fmt}")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith(f"application/{fmt}")
    graph = read(io.BytesIO(answer.content))
    assert set(graph.nodes) == {n["slug"] for n in data["nodes"]}
    assert _edges_of(graph) == {(e["source"], e["target"], e["weight"]) for e in data["edges"]}
    for node in data["nodes"]:
        assert int(graph.nodes[node["slug"]]["claims"]) == node["claims"]
        assert graph.nodes[node["slug"]]["kind"] == node["kind"]
    ET.fromstring(answer.content)  # well-formed XML


def test_graph_files_with_publisher_edges(network_corpus, reviewer):
    client = as_user(reviewer)
    data = client.get("/api/v1/network/?publishers=1").json()
    graph = nx.read_graphml(io.BytesIO(client.get("/api/v1/network/?publishers=1&format=graphml").content))
    assert {(u, v, d["type"], int(d["weight"])) for u, v, d in graph.edges(data=True)} == {
        (e["source"], e["target"], e["type"], e["weight"]) for e in data["edges"]
    }


def test_network_query_count_does_not_grow(network_corpus, reviewer, analyst, sources, document, django_assert_max_num_queries):
    client = as_user(reviewer)
    client.get("/api/v1/network/?publishers=1")  # warm the user's groups cache path
    with django_assert_max_num_queries(4) as few:
        client.get("/api/v1/network/?publishers=1")
    for n in range(6):
        extra = SourceFactory(slug=f"extra-{n}", name=f"Extra {n}")
        start, end = span_of(TEXT, "Les combats continuent.")
        claim = services.claim_create(
            document=services.document_create(text=TEXT + f" {n}", title=f"t{n}", created_by=None),
            user=analyst, start=start, end=end, tag="sourced",
            chain=[services.Link(extra, 0, None, None), services.Link(sources["mehr"], 1, None, None)],
        )  # fmt: skip
        approve(claim, reviewer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        data = client.get("/api/v1/network/?publishers=1").json()
    assert len(data["nodes"]) == 3 + 6 + 1


# --- trends ---------------------------------------------------------------------------------------


def test_trends_per_publisher_and_month(network_corpus, document, analyst, reviewer, sources):
    start, end = span_of(TEXT, "Les combats continuent.")
    Claim.objects.filter(document=document, start=start).delete()
    approve(services.claim_create(document=document, user=analyst, start=start, end=end, tag="unsourced"), reviewer)
    anonymous_only = services.claim_create(
        document=document, user=analyst, start=1, end=20, tag="sourced",
        chain=[services.Link(sources["iraqi-security-source"], 0, None, None)],
    )  # fmt: skip
    approve(anonymous_only, reviewer)

    data = as_user(reviewer).get("/api/v1/trends/").json()

    assert len(data) == 1 and data[0]["publisher"]["slug"] == "presstv"
    (month,) = data[0]["months"]
    assert (month["claims"], month["sourced"], month["unsourced"], month["anonymous_only"]) == (4, 3, 1, 1)
    assert month["sourced_share"] == 0.75 and month["anonymous_only_share"] == 0.25
    assert month["month"] == document.created_at.strftime("%Y-%m")


# --- projects: the filter, curated claims, who sees what ----------------------------------------


def test_network_of_a_project_counts_its_curated_claims_and_hides_it_from_outsiders(
    network_corpus, document, analyst, reviewer, admin_user, sources, other_analyst
):
    from claims import projects
    from claims.models import CuratedClaim

    project = projects.project_create(user=admin_user, name="Iran on Iraq")
    projects.project_documents_add(project=project, user=admin_user, document_ids=[document.pk])
    projects.member_set(project=project, user=admin_user, username=reviewer.username, role="reviewer")
    # A submitted (not approved) claim curated into the project counts in its network.
    start, end = span_of(TEXT, "Les combats continuent.")
    pending = Claim.objects.get(document=document, start=start)
    services.claim_submit(claim=pending, user=analyst)
    CuratedClaim.objects.create(project=project, document=document, claim=pending, curated_by=admin_user)

    data = as_user(admin_user).get(f"/api/v1/network/?project={project.pk}").json()
    assert {(e["source"], e["target"]): e["weight"] for e in data["edges"]}[("mehr", "al-nahrain")] == 3
    # Without the project filter the curated claim counts too (curated somewhere, visible here).
    assert {(e["source"], e["target"]): e["weight"] for e in as_user(admin_user).get("/api/v1/network/").json()["edges"]}[
        ("mehr", "al-nahrain")
    ] == 3
    assert as_user(other_analyst).get(f"/api/v1/network/?project={project.pk}").status_code == 404
    assert as_user(admin_user).get("/api/v1/network/?project=999999").status_code == 404
    assert as_user(admin_user).get(f"/api/v1/trends/?project={project.pk}").status_code == 200


def test_source_list_filters(reviewer, analyst):
    mehr = SourceFactory(slug="mehr-x", name="Mehr X", country="IR", affiliation="state média, Iran")
    SourceFactory(slug="rudaw-x", name="Rudaw X", country="IQ")
    from claims import sources as source_services

    source_services.credibility_note_add(source=mehr, user=reviewer, text="IIDO", rating="state_affiliated")
    client = as_user(analyst)
    slugs = lambda q: {s["slug"] for s in client.get(f"/api/v1/sources/?{q}").json()["results"]}  # noqa: E731
    assert slugs("country=ir") == {"mehr-x"}
    assert slugs("affiliation=state media") == {"mehr-x"}
    assert slugs("rating=state_affiliated") == {"mehr-x"}
    assert "rating" in client.get("/api/v1/sources/?rating=great").json()
