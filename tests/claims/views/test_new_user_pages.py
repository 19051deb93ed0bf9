"""Pages a new user tripped on: versions, labels, error pages, Add articles, the document list,
the dashboard's charts (the browser-side ones are in tests/browser/test_new_user.py)."""

from __future__ import annotations

import re

import pytest

from claims import history, services
from claims.models import Claim, SourceKind
from tests.factories import DocumentFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
TEXT = "Le ministère a annoncé l’ouverture du port, selon l’agence de presse Mehr.\nLes combats continuent au nord.\n"


@pytest.fixture
def document():
    return DocumentFactory(title="Le port", text=TEXT)


@pytest.fixture
def mehr():
    return SourceFactory(slug="mehr", name="Mehr News Agency", kind=SourceKind.NEWS_OUTLET, aliases=["Mehr"])


@pytest.fixture
def as_analyst(client, analyst):
    client.force_login(analyst)
    return client


# --- 7. one user action, one version -----------------------------------------------------------


def test_submit_for_review_is_one_version_for_a_new_claim_and_an_edit(as_analyst, document, analyst, mehr):
    end = TEXT.index("\n")
    response = as_analyst.post(
        f"/documents/{document.pk}/claims/new/",
        {"start": 0, "end": end, "tag": "sourced", "link_source": [mehr.pk], "link_mention_start": [""],
         "link_mention_end": [""], "action": "submit"},
        **HTMX,
    )
    assert "Claim submitted for review." in response.content.decode()
    claim = Claim.objects.get(document=document)
    assert (claim.status, claim.version) == ("submitted", 1)
    steps = history.claim_timeline(claim_id=claim.pk)
    assert [s.action for s in steps] == ["created"]
    shown = {c.field: c.shown_after for c in steps[0].changes}
    assert shown["tag"] == "sourced" and "selon l’agence de presse Mehr" in shown["span"]

    second = services.claim_create(document=document, user=analyst, start=end + 1, end=len(TEXT) - 1, tag="unsourced")
    response = as_analyst.post(
        f"/claims/{second.pk}/",
        {"start": second.start, "end": second.end, "version": 1, "tag": "unsourced", "action": "submit"},
        **HTMX,
    )
    assert "Claim submitted for review." in response.content.decode()
    second.refresh_from_db()
    assert (second.status, second.version) == ("submitted", 2)


# --- 9. error pages with the navigation, favicon, API docs ---------------------------------------


def test_403_and_404_pages_carry_the_navigation(as_analyst):
    for url, status, words in (("/review/", 403, "Not allowed"), ("/dashboard/", 403, "Not allowed"), ("/documents/999999/", 404, "Not found")):
        response = as_analyst.get(url)
        html = response.content.decode()
        assert response.status_code == status, url
        assert words in html and '<nav aria-label="Main">' in html and 'href="/api/docs/">API docs</a>' in html, url


def test_500_page_carries_the_navigation(rf, analyst):
    from claims.views.errors import server_error

    request = rf.get("/")
    request.user = analyst
    response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html and '<nav aria-label="Main">' in html


def test_favicon_and_the_way_back_from_swagger(client, as_analyst):
    from django.test import Client

    response = Client().get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("claims/favicon.svg")
    html = as_analyst.get("/api/docs/").content.decode()
    assert '<a href="/"><span aria-hidden="true">←</span> Back to the Attribution annotator</a>' in html


# --- 10. the API: sources by id or slug, a root that lists every endpoint -----------------------


def test_source_filters_take_ids_and_slugs_and_the_root_lists_every_endpoint(analyst, document, mehr):
    from rest_framework.test import APIClient

    other = SourceFactory(slug="al-nahrain", name="Al-Nahrain")
    cited = services.claim_create(
        document=document, user=analyst, start=0, end=TEXT.index("\n"), tag="sourced",
        chain=[services.Link(mehr, 0), services.Link(other, 1)],
    )
    client = APIClient()
    client.force_authenticate(analyst)

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/v1/claims/?{query}")
        assert response.status_code == 200, response.json()
        return [c["id"] for c in response.json()["results"]]

    assert ids("source=mehr") == ids(f"source={mehr.pk}") == [cited.pk]
    assert ids("direct_source=mehr") == [cited.pk] and ids("direct_source=al-nahrain") == []
    assert ids("source=al-nahrain") == [cited.pk]
    refused = client.get("/api/v1/claims/?source=no-such-source")
    assert refused.status_code == 400 and "source" in refused.json()
    # a "%u" in the value is the client's text, not a format the error message may apply
    refused = client.get("/api/v1/claims/?source=%25ud800")
    assert refused.status_code == 400 and "%ud800" in refused.json()["source"][0]
    export = client.get("/api/v1/export/claims/?format=jsonl&direct_source=mehr")
    assert export.status_code == 200 and len(b"".join(export.streaming_content).splitlines()) == 1

    root = client.get("/api/v1/").json()
    for name in ("sources", "documents", "claims", "token", "export-claims", "stats", "import-annotations", "docs", "schema"):
        assert name in root, name
    assert root["export-claims"].endswith("/api/v1/export/claims/") and root["docs"].endswith("/api/docs/")


# --- 11. Add articles: a redirect after the POST, a pasted article named by its title ----------


def test_add_articles_redirects_after_the_post_and_names_a_pasted_article_by_its_title(as_analyst):
    from claims.models import Document

    text = "Le port rouvre à Hodeïda\n\nLe ministère a annoncé la réouverture du port, selon l’agence Mehr.\n"
    response = as_analyst.post("/documents/add/", {"action": "paste", "paste-text": text})
    assert response.status_code == 302 and response["Location"] == "/documents/add/"
    html = as_analyst.get("/documents/add/").content.decode()
    document = Document.objects.get()
    assert document.title == "Le port rouvre à Hodeïda"
    assert "<strong>Le port rouvre à Hodeïda</strong>: 1 article imported" in html
    assert "pasted article.json" not in html
    # Reloading the page after the redirect posts nothing and shows the results no more.
    again = as_analyst.get("/documents/add/").content.decode()
    assert "Import results" not in again and Document.objects.count() == 1


# --- 5 and 3. the review queue: compact rows, labelled filters, search, counter, undo ----------


def test_review_queue_rows_filters_search_counter_and_undo(client, document, analyst, reviewer, mehr):
    start = TEXT.index("selon")
    first = services.claim_create(
        document=document, user=analyst, start=0, end=TEXT.index(","), tag="sourced",
        chain=[services.Link(mehr, 0, TEXT.index("l’agence de presse Mehr"), TEXT.index("Mehr.") + 4)],
    )
    services.claim_submit(claim=first, user=analyst)
    second = services.claim_create(document=document, user=analyst, start=TEXT.index("Les combats"), end=len(TEXT) - 2, tag="unsourced")
    services.claim_submit(claim=second, user=analyst)
    client.force_login(reviewer)

    html = client.get("/review/").content.decode()
    assert "---------" not in html and "any analyst" in html and "Search claim text" in html
    # The sentence once: the claim marked, the source's mention numbered as in the chain.
    assert html.count("Le ministère a annoncé l’ouverture du port") == 1
    assert '<mark class="q-claim">Le ministère a annoncé l’ouverture du port</mark>' in html
    assert '<span class="q-mention" data-position="0"><sup class="q-number" aria-hidden="true">1</sup>l’agence de presse Mehr</span>' in html
    assert start > 0

    found = client.get("/review/?q=COMBATS+continuent").content.decode()
    assert f'id="claim-{second.pk}"' in found and f'id="claim-{first.pk}"' not in found

    decided = client.post(f"/review/{first.pk}/", {"decision": "approve", "next": "/review/"}, **HTMX).content.decode()
    assert f"Claim {first.pk} approved." in decided and ">Undo</button>" in decided
    assert '<p class="count" id="queue-count" role="status" hx-swap-oob="true">1 claim waiting for review.' in decided
    undone = client.post(f"/review/{first.pk}/undo/", {"next": "/review/"}, **HTMX).content.decode()
    assert f'id="claim-{first.pk}"' in undone and "2 claims waiting for review." in undone
    first.refresh_from_db()
    assert (first.status, first.reviews.count()) == ("submitted", 0)
    # Someone else's decision, or none, cannot be undone.
    assert "no decision on this claim to undo" in client.post(f"/review/{first.pk}/undo/", **HTMX).content.decode()


# --- 13. the dashboard's charts ------------------------------------------------------------------


def test_dashboard_charts_have_integer_axes_readable_labels_a_legend_and_claims_per_week(client, document, analyst, reviewer, mehr):
    for phrase, tag, chain in (("Le ministère", "sourced", [services.Link(mehr, 0)]), ("Les combats", "unsourced", [])):
        start = TEXT.index(phrase)
        claim = services.claim_create(document=document, user=analyst, start=start, end=start + len(phrase), tag=tag, chain=chain)
        services.claim_submit(claim=claim, user=analyst)
    client.force_login(reviewer)
    html = client.get("/dashboard/").content.decode()
    charts = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(charts) == 4
    assert "Claims per week by tag" in html
    for svg in charts:
        # Font sizes of every label: 12 px or more.
        sizes = [float(size) for size in re.findall(r"font-size:\s*([\d.]+)px", svg)]
        assert sizes and min(sizes) >= 12, sizes
        assert 'class="legends"' in svg or "class=\"legend" in svg
    for svg in charts[:3]:  # the bar charts count claims: whole-number ticks only
        ticks = re.findall(r'<g class="guides"><path[^>]*/><text[^>]*>([^<]+)</text>', svg)
        numbers = [t for t in ticks if re.fullmatch(r"[\d.,]+", t)]
        assert numbers and all(re.fullmatch(r"\d+", t) for t in numbers), ticks


# --- 12. the document list: rejected claims, dates, one "Add articles" -------------------------


def test_document_list_shows_rejected_claims_dates_and_one_add_articles(as_analyst, document, analyst, reviewer):
    for phrase, decision in (("Le ministère", "reject"), ("Les combats", "approve")):
        start = TEXT.index(phrase)
        claim = services.claim_create(document=document, user=analyst, start=start, end=start + len(phrase), tag="unsourced")
        services.claim_submit(claim=claim, user=analyst)
        services.claim_review(claim=claim, reviewer=reviewer, decision=decision, comment="Non.")
    html = as_analyst.get("/").content.decode()
    assert "2 of 2 reviewed" not in html
    assert "1 of 2 approved" in html and f'<a class="rejected" href="/documents/{document.pk}/">1 rejected</a>' in html
    assert '<progress max="2" value="1"' in html
    assert html.count(">Add articles<") == 1
    assert f"added <time datetime=\"{document.created_at.isoformat()}" in html or "added <time" in html
