"""The source registry and the citation network in a real browser, on the seed data.

A reviewer merges a duplicate from the registry page (its claims move, then the merge is
undone from the history); claims of the seed articles are approved in the review queue and
the network page draws their chains.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from claims import services
from claims.models import Attribution, Claim, ClaimStatus, Document, Source
from tests.browser.test_annotate import FIRST_SENTENCE_000, article_000

pytestmark = pytest.mark.django_db(transaction=True)


def user(username: str):
    return get_user_model().objects.get(username=username)


def submitted(document: Document, start: int, end: int, slugs: list[str], analyst: str = "analyst") -> Claim:
    chain = [services.Link(Source.objects.get(slug=slug), i) for i, slug in enumerate(slugs)]
    claim = services.claim_create(document=document, user=user(analyst), start=start, end=end, tag="sourced", chain=chain)
    return services.claim_submit(claim=claim, user=user(analyst))


def test_merging_two_sources_from_the_registry_moves_their_claims(page, seeded, login):
    # An analyst proposed a duplicate of al-Nahrain and used it in a chain, now approved.
    duplicate = services.source_create(name="Al Nahrain TV", kind="news_outlet", aliases=["Nahrain TV"], user=user("analyst"))
    document = article_000()
    claim = submitted(document, 0, len(FIRST_SENTENCE_000), ["mehr", duplicate.slug])
    services.claim_review(claim=claim, reviewer=user("reviewer"), decision="approve")

    page.set_default_timeout(30_000)  # a loaded machine can take more than 10 s for a first page
    login("reviewer")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sources").click()
    # Search ignores accents, case and word order.
    page.get_by_label("Search").fill("tv nahrain")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("row").filter(has_text="Al Nahrain TV")).to_contain_text("Proposed")
    page.get_by_label("Merge this source").select_option(label=f"Al Nahrain TV ({duplicate.slug})")
    page.get_by_label("into", exact=True).select_option(label="Al-Nahrain (Iraqi news outlet) (al-nahrain)")
    page.get_by_role("button", name="Merge").click()

    expect(page.get_by_role("status").filter(has_text="Al Nahrain TV merged into")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Al-Nahrain (Iraqi news outlet)")
    expect(page.locator(".source-claims")).to_contain_text(FIRST_SENTENCE_000[:60])
    assert Attribution.objects.get(claim=claim, position=1).source.slug == "al-nahrain"
    assert "Nahrain TV" in Source.objects.get(slug="al-nahrain").aliases
    assert page.request.get(f"/sources/{duplicate.slug}/").status == 404

    # Undone from the merge history: the duplicate comes back with its link.
    page.goto("/sources/al-nahrain/")
    page.get_by_role("button", name="Undo the merge of Al Nahrain TV").click()
    expect(page.get_by_role("status").filter(has_text="Merge undone")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Al Nahrain TV")
    assert Attribution.objects.get(claim=claim, position=1).source_id == duplicate.pk


def test_network_draws_the_seed_chains_after_approval(page, seeded, login):
    document = article_000()
    mehr_chain = ["mehr", "al-nahrain", "iraqi-security-source"]
    first = submitted(document, 0, len(FIRST_SENTENCE_000), mehr_chain)
    other = Document.objects.exclude(pk=document.pk).order_by("pk").first()
    second = submitted(other, 0, 40, ["al-sumaria", "iraqi-security-source"])

    page.set_default_timeout(30_000)
    login("reviewer")
    # (The seed's demo project already has approved claims; the seed articles' chains come next.)

    page.goto("/review/")
    for claim in (first, second):
        page.locator(f"#claim-{claim.pk}").get_by_role("button", name="Approve").click()
        expect(page.locator(f"#claim-{claim.pk}")).to_contain_text(f"Claim {claim.pk} approved.")
    assert set(Claim.objects.values_list("status", flat=True)) == {ClaimStatus.APPROVED}

    # The page draws what the API gives (the seed's demo project adds its own approved chains).
    graph = page.request.get("/api/v1/network/?format=json").json()
    nodes, edges = len(graph["nodes"]), len(graph["edges"])
    assert nodes >= 4 and edges >= 3
    page.goto("/sources/network/")
    expect(page.get_by_role("status")).to_contain_text(f"{nodes} sources and {edges} links drawn")
    canvas = page.locator("#network")
    expect(canvas).to_have_attribute("data-nodes", str(nodes))
    expect(canvas.locator("canvas").first).to_be_visible()
    page.get_by_text("The links as a table").click()
    rows = page.locator("#network-edges tr")
    expect(rows).to_have_count(edges)
    expect(rows.filter(has_text="Mehr News Agency")).to_contain_text("Al-Nahrain")
    # Cytoscape holds the drawn graph: the edges are the chains' consecutive links.
    edges = page.evaluate("window.citationNetwork.edges().map(e => e.source().id() + '>' + e.target().id()).sort()")
    assert edges == ["al-nahrain>iraqi-security-source", "al-sumaria>iraqi-security-source", "mehr>al-nahrain"]

    # With publishers: Press TV (the seed articles' publisher) -> the first links, dashed.
    page.get_by_label("Publishers too").check()
    page.get_by_label("Colour by").select_option(label="Rating")
    page.get_by_role("button", name="Draw").click()
    expect(page.get_by_role("status")).to_contain_text("links drawn")
    kinds = page.evaluate("window.citationNetwork.edges().map(e => e.data('type'))")
    assert "publishes" in kinds
