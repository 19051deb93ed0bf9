"""The source registry pages: search, filters, forms, permissions, merges, notes, query counts."""

from __future__ import annotations

import pytest

from claims import services
from claims import sources as source_services
from claims.models import Attribution, Claim, Source, SourceKind, SourceStatus
from tests.api.conftest import TEXT, chain_claim, document, sources  # noqa: F401  (fixtures)
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def approve(claim: Claim, reviewer) -> Claim:
    services.claim_submit(claim=claim, user=claim.annotator)
    services.claim_review(claim=Claim.objects.get(pk=claim.pk), reviewer=reviewer, decision="approve")
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def approved(chain_claim, reviewer):
    return approve(chain_claim, reviewer)


def test_registry_search_ignores_accents_case_and_word_order(client, analyst):
    SourceFactory(slug="mod-iraq", name="Ministère de la Défense irakien", kind=SourceKind.INSTITUTION, aliases=["MoD"])
    SourceFactory(slug="moi-iraq", name="Ministère de l’Intérieur", kind=SourceKind.INSTITUTION)
    client.force_login(analyst)
    for query in ("ministere defense", "DÉFENSE ministère", "defense de la ministere irakien"):
        page = client.get("/sources/", {"q": query}).content.decode()
        assert "Ministère de la Défense irakien" in page, query
        assert "Ministère de l’Intérieur" not in page, query


def test_registry_filters(client, analyst, reviewer):
    mehr = SourceFactory(slug="mehr", name="Mehr News Agency", country="IR", affiliation="state media, Iran")
    SourceFactory(slug="rudaw", name="Rudaw", country="IQ", affiliation="private, Kurdistan")
    source_services.credibility_note_add(source=mehr, user=reviewer, text="IIDO", rating="state_affiliated")
    client.force_login(analyst)
    assert "Rudaw" not in client.get("/sources/", {"country": "IR"}).content.decode()
    page = client.get("/sources/", {"affiliation": "state media"}).content.decode()
    assert "Mehr News Agency" in page and "Rudaw" not in page
    page = client.get("/sources/", {"rating": "state_affiliated"}).content.decode()
    assert "Mehr News Agency" in page and "Rudaw" not in page
    assert "Mehr News Agency" not in client.get("/sources/", {"rating": "none"}).content.decode()


def test_analyst_proposes_reviewer_confirms(client, analyst, reviewer):
    client.force_login(analyst)
    answer = client.post("/sources/new/", {"name": "Alsumaria", "kind": "news_outlet", "aliases": "Alsumaria TV\nAl Sumaria", "country": "iq"})
    assert answer.status_code == 302
    source = Source.objects.get(slug="alsumaria")
    assert (source.status, source.aliases, source.country, source.created_by) == (
        SourceStatus.PROPOSED, ["Alsumaria TV", "Al Sumaria"], "IQ", analyst
    )
    # The analyst can neither edit nor confirm nor merge.
    assert client.get(f"/sources/{source.slug}/edit/").status_code == 403
    assert client.post(f"/sources/{source.slug}/confirm/").status_code == 403
    assert client.post("/sources/merge/", {"source": source.pk, "into": SourceFactory().pk}).status_code == 403
    assert "Merge duplicates" not in client.get("/sources/").content.decode()
    client.force_login(reviewer)
    assert client.post(f"/sources/{source.slug}/confirm/").status_code == 302
    assert Source.objects.get(pk=source.pk).status == SourceStatus.CONFIRMED


def test_source_form_shows_errors_again(client, reviewer):
    SourceFactory(slug="mehr", name="Mehr News Agency", aliases=["Mehr"])
    client.force_login(reviewer)
    answer = client.post("/sources/new/", {"name": "Mehr 2", "kind": "news_outlet", "country": "IRN"})
    assert answer.status_code == 400 and "Ensure this value has at most 2 characters" in answer.content.decode()
    answer = client.post("/sources/new/", {"name": "Mehr", "kind": "news_outlet"})
    assert answer.status_code == 400 and "exists already" in answer.content.decode()
    answer = client.post("/sources/mehr/edit/", {"name": "", "kind": "planet"})
    assert answer.status_code == 400
    assert Source.objects.get(slug="mehr").name == "Mehr News Agency"


def test_reviewer_edits_a_source(client, reviewer):
    SourceFactory(slug="mehr", name="Mehr News Agency", aliases=["Mehr"])
    client.force_login(reviewer)
    answer = client.post(
        "/sources/mehr/edit/",
        {"name": "Mehr News Agency", "kind": "news_outlet", "aliases": "Mehr\nMNA", "affiliation": "state media, Iran", "language": "FA"},
    )
    assert answer.status_code == 302
    source = Source.objects.get(slug="mehr")
    assert (source.aliases, source.affiliation, source.language) == (["Mehr", "MNA"], "state media, Iran", "fa")


def test_source_page_figures(client, approved, reviewer):
    client.force_login(reviewer)
    page = client.get("/sources/al-nahrain/").content.decode()
    assert "Mehr News Agency" in page  # who cites it
    assert "Iraqi security source (unnamed)" in page  # whom it cites
    assert "100 %</strong> of its chains end in an anonymous source" in page
    assert "<strong>1</strong> claim cite it, <strong>0</strong> directly" in page


def test_source_page_escapes_user_text(client, reviewer):
    SourceFactory(slug="evil", name="<script>alert(1)</script>", description="<img src=x onerror=alert(1)>")
    client.force_login(reviewer)
    page = client.get("/sources/evil/").content.decode()
    assert "<script>alert(1)" not in page and "<img src=x" not in page


def test_merged_source_page_is_404_and_undo_brings_it_back(client, approved, reviewer, sources):
    client.force_login(reviewer)
    duplicate, keeper = sources["al-nahrain"], sources["mehr"]
    answer = client.post("/sources/merge/", {"source": duplicate.pk, "into": keeper.pk})
    assert answer.status_code == 302 and answer["Location"] == "/sources/mehr/"
    assert client.get("/sources/al-nahrain/").status_code == 404
    page = client.get("/sources/mehr/").content.decode()
    assert "Merge history" in page and "al-Nahrain" in page
    merge_id = keeper.merges_in.get().pk
    assert client.post(f"/sources/merges/{merge_id}/undo/").status_code == 302
    assert client.get("/sources/al-nahrain/").status_code == 200
    assert Attribution.objects.get(claim=approved, position=1).source_id == duplicate.pk


def test_merge_form_errors_are_messages_not_500s(client, reviewer, sources):
    client.force_login(reviewer)
    mehr = sources["mehr"]
    answer = client.post("/sources/merge/", {"source": mehr.pk, "into": mehr.pk}, follow=True)
    assert "cannot be merged into itself" in answer.content.decode()
    answer = client.post("/sources/merge/", {"source": "x", "into": ""}, follow=True)
    assert "Not merged" in answer.content.decode()


def test_notes_from_the_page(client, reviewer, analyst, sources):
    client.force_login(reviewer)
    assert client.post("/sources/mehr/notes/", {"text": "", "rating": "bogus"}).status_code == 400
    assert client.post("/sources/mehr/notes/", {"text": "IIDO-owned", "rating": "state_affiliated"}).status_code == 302
    page = client.get("/sources/mehr/").content.decode()
    assert "IIDO-owned" in page and "State-affiliated" in page
    client.force_login(analyst)
    assert client.post("/sources/mehr/notes/", {"text": "x", "rating": "mixed"}).status_code == 403
    assert "Add note" not in client.get("/sources/mehr/").content.decode()


def test_pages_need_a_login(client, sources):
    for url in ("/sources/", "/sources/mehr/", "/sources/network/", "/sources/trends/", "/sources/new/"):
        answer = client.get(url)
        assert answer.status_code == 302 and "/accounts/login/" in answer["Location"], url


def _add_approved_claims(n: int, analyst, reviewer, chain_sources) -> None:
    for i in range(n):
        document = services.document_create(text=TEXT + f" {i}", title=f"Article {i}", created_by=None)
        extra = SourceFactory(slug=f"outlet-{i}", name=f"Outlet {i}")
        links = [services.Link(extra, 0, None, None), *(services.Link(s, p + 1, None, None) for p, s in enumerate(chain_sources))]
        approve(services.claim_create(document=document, user=analyst, start=0, end=30, tag="sourced", chain=links), reviewer)


def test_source_page_and_network_query_counts_do_not_grow(client, approved, analyst, reviewer, sources, django_assert_max_num_queries):
    client.force_login(reviewer)
    urls = ["/sources/al-nahrain/", "/sources/network/", "/sources/trends/", "/sources/", "/api/v1/network/?publishers=true"]
    counts = {}
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(50) as captured:
            assert client.get(url).status_code == 200
        counts[url] = len(captured.captured_queries)
    _add_approved_claims(5, analyst, reviewer, [sources["al-nahrain"], sources["iraqi-security-source"]])
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200


# --- the rating wherever the source appears ----------------------------------------------------


def test_rating_on_chain_chips_cards_and_review_queue(client, chain_claim, analyst, reviewer, sources):
    from django.template.loader import render_to_string

    from claims import selectors
    from claims.views.annotate_html import claim_cards_html

    source_services.credibility_note_add(source=sources["mehr"], user=reviewer, text="IIDO", rating="state_affiliated")
    services.claim_submit(claim=chain_claim, user=analyst)
    # The annotate page's cards (built in Python) are still claim_card.html byte for byte.
    page_claims = selectors.document_for_annotation(user=analyst, document_id=chain_claim.document_id).visible_claims
    template_claim = selectors.claim_list(user=analyst).get(pk=chain_claim.pk)
    expected = "\n          <li>" + render_to_string("claims/partials/claim_card.html", {"claim": template_claim, "link": True}) + "</li>\n          "
    assert claim_cards_html(page_claims) == expected
    chip = 'Mehr News Agency <small class="rating rating-state_affiliated" title="Credibility rating">State-affiliated</small>'
    assert chip in expected
    client.force_login(reviewer)
    assert chip in client.get("/review/").content.decode()


def test_a_new_rating_shows_on_the_annotate_page_at_once(client, chain_claim, analyst, reviewer, sources):
    # The page caches its claim cards per claim state: a rating is part of that state.
    client.force_login(analyst)
    url = f"/documents/{chain_claim.document_id}/"
    assert "State-affiliated" not in client.get(url).content.decode()
    source_services.credibility_note_add(source=sources["mehr"], user=reviewer, text="IIDO", rating="state_affiliated")
    assert 'title="Credibility rating">State-affiliated</small>' in client.get(url).content.decode()


def test_rating_on_suggestions(client, analyst, reviewer, sources, document):
    from claims.models import Suggestion

    source_services.credibility_note_add(source=sources["mehr"], user=reviewer, text="Wire copy", rating="mixed")
    Suggestion.objects.create(
        document=document, start=0, end=30, tag="sourced", confidence=0.9,
        attributions=[{"source": {"slug": "mehr", "name": "Mehr News Agency", "kind": "news_outlet"}, "mention": None}],
    )  # fmt: skip
    type(document).objects.filter(pk=document.pk).update(suggestion_state="ready")
    client.force_login(analyst)
    page = client.get(document.get_absolute_url()).content.decode()
    assert '<small class="rating rating-mixed" title="Credibility rating">Mixed</small>' in page


def test_rating_in_the_csv_export(client, approved, reviewer, sources):
    import csv
    import io

    source_services.credibility_note_add(source=sources["iraqi-security-source"], user=reviewer, text="Unverifiable", rating="unknown")
    source_services.credibility_note_add(source=sources["mehr"], user=reviewer, text="IIDO", rating="state_affiliated")
    client.force_login(reviewer)
    body = b"".join(client.get("/api/v1/export/claims/?format=csv").streaming_content).decode()
    (row,) = csv.DictReader(io.StringIO(body))
    assert row["chain_ratings"] == "state_affiliated >  > unknown"
