"""The annotate page and its fragments: rendering, permissions, bad input, stale versions, query counts."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import services
from claims.models import Claim, ClaimStatus, Source
from claims.services import Link
from claims.views.annotate_html import text_html
from tests.factories import DocumentFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Frappes au nord 🚀\n"
    "Le ministère a annoncé l’ouverture du port, selon l’agence de presse Mehr citant al-Nahrain. "
    "Les combats continuent 🔥 au nord, a déclaré <b>le porte-parole</b>.\n"
    "Photo : AFP\n"
)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def mehr():
    return SourceFactory(slug="mehr", name="Mehr News Agency", aliases=["Mehr", "agence de presse Mehr", "l’agence de presse Mehr"])


@pytest.fixture
def nahrain():
    return SourceFactory(slug="al-nahrain", name="Al-Nahrain", aliases=["al-Nahrain"])


@pytest.fixture
def document():
    return DocumentFactory(title="Le port <i>ouvert</i>", text=TEXT)


@pytest.fixture
def as_analyst(client, analyst):
    client.force_login(analyst)
    return client


def span(document, phrase):
    start = document.text.index(phrase)
    return start, start + len(phrase)


def make_claim(document, user, phrase, tag="unsourced", chain=()):
    start, end = span(document, phrase)
    return services.claim_create(document=document, user=user, start=start, end=end, tag=tag, chain=list(chain))


def claim_count() -> int:
    return Claim.objects.count()


class Pieces(HTMLParser):
    """The text pieces (``.t``) of the rendered text, with their ``data-start``, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[list] = []
        self.depth = 0  # > 0 while inside a piece

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
        elif "t" in (attrs.get("class") or "").split():
            self.pieces.append([int(attrs["data-start"]), "", attrs.get("data-claims", "")])
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.pieces[-1][1] += data


# --- the rendered text -------------------------------------------------------------------------


def test_text_pieces_are_the_whole_text_in_code_points_with_overlaps(document, analyst, mehr):
    outer = make_claim(document, analyst, "Le ministère a annoncé l’ouverture du port, selon l’agence de presse Mehr citant al-Nahrain.")
    inner = make_claim(document, analyst, "l’ouverture du port")
    crossing = make_claim(document, analyst, "al-Nahrain. Les combats continuent 🔥", tag="sourced", chain=[Link(mehr, 0)])
    claims = sorted([outer, inner, crossing], key=lambda c: (c.start, c.end))
    parser = Pieces()
    parser.feed(text_html(document.text, list(document.sentences.all()), claims))
    assert "".join(text for _, text, _ in parser.pieces) == TEXT
    for start, text, _ in parser.pieces:
        assert TEXT[start : start + len(text)] == text  # data-start counts code points
    covering = {text: ids.split() for _, text, ids in parser.pieces}
    # The innermost claim comes first; the overlap lists every claim over the piece.
    assert covering["l’ouverture du port"] == [str(inner.pk), str(outer.pk)]
    assert set(covering["al-Nahrain."]) == {str(outer.pk), str(crossing.pk)}


def test_annotate_page_marks_sentence_kinds_claims_and_escapes_text(as_analyst, document, analyst, mehr):
    sourced = make_claim(document, analyst, "Le ministère a annoncé l’ouverture du port", "sourced", [Link(mehr, 0)])
    unsourced = make_claim(document, analyst, "Les combats continuent")
    html = as_analyst.get(document.get_absolute_url()).content.decode()
    assert '<span class="kind-label">Headline</span>' in html
    assert '<span class="kind-label">Caption</span>' in html
    assert "&lt;b&gt;le porte-parole&lt;/b&gt;" in html and "<b>le porte-parole</b>" not in html
    assert "Le port &lt;i&gt;ouvert&lt;/i&gt;" in html
    assert f'class="t hl hl-sourced" data-start="{sourced.start}" data-claims="{sourced.pk}"' in html
    assert f'class="t hl hl-unsourced" data-start="{unsourced.start}" data-claims="{unsourced.pk}"' in html
    # Not colour alone: a marker letter and the tag's name on the card.
    assert f'data-claim="{sourced.pk}" aria-hidden="true" title="Sourced claim, draft">S</span>' in html
    assert f'id="card-{unsourced.pk}"' in html and "Unsourced" in html
    assert "Mehr News Agency" in html  # the chain on the card
    assert 'href="/guidelines/"' in html


def test_claim_list_is_in_text_order_with_chain_status_and_review_comment(
    as_analyst, document, analyst, reviewer, mehr, nahrain
):
    later = make_claim(document, analyst, "Les combats continuent")
    first = make_claim(document, analyst, "Le ministère a annoncé", "sourced", [Link(mehr, 0), Link(nahrain, 1)])
    services.claim_submit(claim=later, user=analyst)
    services.claim_review(claim=later, reviewer=reviewer, decision="reject", comment="Cite <the> spokesman.")
    html = as_analyst.get(document.get_absolute_url()).content.decode()
    assert html.index(f'id="card-{first.pk}"') < html.index(f'id="card-{later.pk}"')
    assert 'Mehr News Agency</span> <span class="arrow" aria-hidden="true">→</span> <span class="chain-source kind-news_outlet">Al-Nahrain' in html
    assert "Rejected" in html and "Cite &lt;the&gt; spokesman." in html


def test_claim_cards_are_the_card_template_byte_for_byte(client, analyst, reviewer, mehr):
    """The page builds its cards in Python (claim_cards_html): the same HTML as claim_card.html."""
    from django.template.loader import render_to_string

    from claims import selectors
    from claims.views.annotate_html import claim_cards_html

    long_sentence = "Le ministe\u0300re a annoncé " + "la réouverture du port <b>& des routes</b> " * 6 + "selon Mehr."
    document = DocumentFactory(title="Cartes", text=f"Titre\n{long_sentence}\nLes combats continuent 🔥 au nord, a déclaré \"l'armée\".\nPhoto : AFP\n")
    odd = SourceFactory(slug="odd", name='<Agence "X" & fils>', kind="other")
    chained = make_claim(document, analyst, long_sentence, "sourced", [Link(odd, 0), Link(mehr, 1)])
    unsourced = make_claim(document, analyst, "Les combats continuent 🔥 au nord")
    make_claim(document, analyst, "Titre", "sourced")  # a draft sourced claim without a source yet
    approved = make_claim(document, analyst, "Photo : AFP", "sourced", [Link(mehr, 0)])
    for claim in (chained, unsourced, approved):
        services.claim_submit(claim=claim, user=analyst)
    services.claim_review(claim=chained, reviewer=reviewer, decision="reject", reason="wrong_source", comment="Cite <the> 'spokesman'.")
    services.claim_review(claim=unsourced, reviewer=reviewer, decision="reject", comment="Older & rejected.")
    unsourced.refresh_from_db()
    services.claim_submit(claim=unsourced, user=analyst, version=unsourced.version)
    services.claim_review(claim=unsourced, reviewer=reviewer, decision="approve", comment="Now <fine>.")  # the latest shows
    services.claim_review(claim=approved, reviewer=reviewer, decision="approve")  # no comment: no paragraph

    page_claims = selectors.document_for_annotation(user=analyst, document_id=document.pk).visible_claims
    template_claims = {c.pk: c for c in selectors.claim_list(user=analyst)}
    assert len(page_claims) == 4
    expected = "".join(
        "\n          <li>"
        + render_to_string("claims/partials/claim_card.html", {"claim": template_claims[c.pk], "link": True})
        + "</li>\n          "
        for c in page_claims
    )
    assert claim_cards_html(page_claims) == expected
    assert "&lt;Agence &quot;X&quot; &amp; fils&gt;" in expected and "Cite &lt;the&gt; &#x27;spokesman&#x27;." in expected
    assert "(wrong source)" in expected and "…" in expected and "Now &lt;fine&gt;." in expected and "Older" not in expected


def test_every_page_needs_a_login(client, document):
    for url in ("/", document.get_absolute_url(), "/documents/add/", "/guidelines/", "/sources/options/?q=m", "/claims/1/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
    start, end = span(document, "Le ministère")
    response = client.post(f"/documents/{document.pk}/claims/new/", {"start": start, "end": end, "tag": "unsourced"})
    assert response.status_code == 302
    assert claim_count() == 0


# --- query counts ------------------------------------------------------------------------------


def document_with(sentences: int, claims: int, user, sources) -> tuple:
    text = "".join(f"Phrase {i} : le ministère a annoncé l’ouverture du port n° {i}, selon Mehr.\n" for i in range(sentences))
    document = DocumentFactory(title=f"{sentences} phrases", text=text)
    for i, sentence in enumerate(list(document.sentences.all())[:claims]):
        chain = [Link(sources[0], 0, sentence.start, sentence.start + 6), Link(sources[1], 1)]
        claim = services.claim_create(
            document=document, user=user, start=sentence.start, end=sentence.end,
            tag="sourced" if i % 2 else "unsourced", chain=chain if i % 2 else [],
        )
        if i % 3 == 0:
            services.claim_submit(claim=claim, user=user)
    return document, list(Claim.objects.filter(document=document).values_list("pk", flat=True))


@pytest.mark.parametrize("path, cached", [("", 4), ("?claim={claim}", 9)])
def test_annotate_page_queries_do_not_grow_with_sentences_or_claims(
    client, analyst, mehr, nahrain, django_assert_max_num_queries, path, cached
):
    """The first view renders the text, the claim list and the registry (and caches them); the
    next ones read the document with the state of those parts in one query, and without an
    open claim, no claim at all: session, user, groups, document."""
    from claims.views import fragments

    small, small_claims = document_with(3, 1, analyst, [mehr, nahrain])
    large, large_claims = document_with(60, 40, analyst, [mehr, nahrain])
    client.force_login(analyst)
    counts = []
    for document, claims in ((small, small_claims), (large, large_claims)):
        url = document.get_absolute_url() + path.format(claim=claims[-1])
        fragments.cache.clear()
        for most in (11, cached):
            # 11 at most: the open claim's form adds one, the Source box's registry (sent with the
            # page) one, reading the state again before caching what was rendered one.
            with django_assert_max_num_queries(most), CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200
            assert response.content.decode().count('class="claim-card') == len(claims)
            counts.append(len(queries))
    assert counts[:2] == counts[2:]


# --- new claims, and bad input -----------------------------------------------------------------


def new_url(document):
    return f"/documents/{document.pk}/claims/new/"


def test_new_claim_form_for_a_span_shows_its_text(as_analyst, document):
    start, end = span(document, "Les combats continuent 🔥 au nord")
    response = as_analyst.get(new_url(document), {"start": start, "end": end}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert '<blockquote class="span-text" id="claim-span-text">Les combats continuent 🔥 au nord</blockquote>' in html
    assert 'role="combobox"' in html and 'id="source-label">Source</label>' in html
    for button in ("Add source", "Save claim", "Submit for review"):
        assert f">{button}</button>" in html


def test_create_sourced_claim_with_chain(as_analyst, document, analyst, mehr, nahrain):
    start, end = span(document, "Le ministère a annoncé l’ouverture du port, selon l’agence de presse Mehr citant al-Nahrain.")
    m_start, m_end = span(document, "l’agence de presse Mehr")
    response = as_analyst.post(
        new_url(document),
        {"start": start, "end": end, "tag": "sourced", "action": "save",
         "link_source": [mehr.pk, nahrain.pk], "link_mention_start": [m_start, ""], "link_mention_end": [m_end, ""]},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Claim saved." in html
    assert 'id="claim-list" class="claim-list" hx-swap-oob="true"' in html and 'id="doc-text"' in html
    claim = Claim.objects.get()
    assert (claim.start, claim.end, claim.tag, claim.annotator) == (start, end, "sourced", analyst)
    assert [(a.source, a.mention_start, a.mention_end) for a in claim.attributions.all()] == [
        (mehr, m_start, m_end), (nahrain, None, None)
    ]


def test_create_and_submit_at_once(as_analyst, document, mehr):
    start, end = span(document, "Le ministère a annoncé")
    response = as_analyst.post(
        new_url(document),
        {"start": start, "end": end, "tag": "sourced", "action": "submit",
         "link_source": [mehr.pk], "link_mention_start": [""], "link_mention_end": [""]},
    )
    claim = Claim.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"?claim={claim.pk}")
    assert claim.status == ClaimStatus.SUBMITTED


def test_submitting_a_sourced_claim_without_source_stores_nothing(as_analyst, document):
    start, end = span(document, "Le ministère a annoncé")
    response = as_analyst.post(new_url(document), {"start": start, "end": end, "tag": "sourced", "action": "submit"})
    assert response.status_code == 422
    assert "needs at least one source before it is submitted" in response.content.decode()
    assert claim_count() == 0  # the create is rolled back with the refused submit


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (0, len(TEXT) + 5, "beyond the document"),
        (10, 4, "must be after the start"),
        (-3, 4, "Ensure this value is greater than or equal to 0"),
        ("x", 4, "Enter a whole number"),
    ],
)
def test_span_outside_the_document_is_refused(as_analyst, document, start, end, message):
    data = {"start": start, "end": end, "tag": "unsourced", "action": "save"}
    page = as_analyst.post(new_url(document), data)
    assert page.status_code == 422 and message in page.content.decode() and "<html" in page.content.decode()
    fragment = as_analyst.post(new_url(document), data, **HTMX)
    assert fragment.status_code == 200
    assert message in fragment.content.decode() and "<html" not in fragment.content.decode()
    assert claim_count() == 0


def test_new_claim_form_for_a_span_outside_the_document(as_analyst, document):
    response = as_analyst.get(new_url(document), {"start": 5, "end": len(TEXT) + 1})
    assert response.status_code == 400 and "beyond the document" in response.content.decode()
    response = as_analyst.get(new_url(document), {"start": "", "end": ""}, **HTMX)
    assert response.status_code == 200 and "needs a start and an end" in response.content.decode()


@pytest.mark.parametrize("source", ["999999", "abc", ""])
def test_unknown_source_is_refused(as_analyst, document, mehr, source):
    start, end = span(document, "Le ministère a annoncé")
    response = as_analyst.post(
        new_url(document),
        {"start": start, "end": end, "tag": "sourced", "action": "save",
         "link_source": [mehr.pk, source], "link_mention_start": ["", ""], "link_mention_end": ["", ""]},
    )
    html = response.content.decode()
    assert response.status_code == 422 and "Unknown source" in html
    assert "Mehr News Agency" in html  # the known link is shown again
    assert claim_count() == 0 and Source.objects.count() == 1


def test_malformed_chain_and_mention_outside_the_document(as_analyst, document, mehr):
    start, end = span(document, "Le ministère a annoncé")
    base = {"start": start, "end": end, "tag": "sourced", "action": "save", "link_source": [mehr.pk]}
    response = as_analyst.post(new_url(document), {**base, "link_mention_start": ["1"]})
    assert response.status_code == 422 and "Every link of the chain needs" in response.content.decode()
    response = as_analyst.post(
        new_url(document), {**base, "link_mention_start": ["5"], "link_mention_end": [str(len(TEXT) + 9)]}
    )
    assert response.status_code == 422 and "is outside the document" in response.content.decode()
    assert claim_count() == 0


def test_user_without_a_role_cannot_create_claims(client, document):
    client.force_login(UserFactory(username="visitor"))
    start, end = span(document, "Le ministère")
    response = client.post(new_url(document), {"start": start, "end": end, "tag": "unsourced"})
    assert response.status_code == 403 and "Only analysts can create claims." in response.content.decode()
    assert claim_count() == 0


def test_unknown_document_is_a_404(as_analyst):
    assert as_analyst.get("/documents/999999/").status_code == 404
    assert as_analyst.post("/documents/999999/claims/new/", {"start": 0, "end": 2, "tag": "unsourced"}).status_code == 404


# --- other analysts' claims --------------------------------------------------------------------


def test_other_analysts_claims_are_hidden_and_untouchable(as_analyst, document, other_analyst):
    theirs = make_claim(document, other_analyst, "Les combats continuent")
    page = as_analyst.get(document.get_absolute_url()).content.decode()
    assert f'id="card-{theirs.pk}"' not in page and f'data-claims="{theirs.pk}"' not in page
    assert "No claims on this document yet." in page

    response = as_analyst.get(f"/claims/{theirs.pk}/", **HTMX)
    assert response.status_code == 200 and f"Claim {theirs.pk} does not exist or is not yours to see." in response.content.decode()
    response = as_analyst.get(f"{document.get_absolute_url()}?claim={theirs.pk}")
    assert response.status_code == 404 and "not yours to see" in response.content.decode()

    response = as_analyst.post(
        f"/claims/{theirs.pk}/",
        {"start": theirs.start, "end": theirs.end, "version": theirs.version, "tag": "sourced", "action": "submit"},
    )
    assert response.status_code == 404 and "not yours to see" in response.content.decode()
    response = as_analyst.post(f"/claims/{theirs.pk}/delete/")
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.tag, theirs.status, theirs.version) == ("unsourced", "draft", 1)


# --- editing, read-only states, stale versions -------------------------------------------------


def edit(client, claim, **data):
    payload = {"start": claim.start, "end": claim.end, "version": claim.version, "tag": claim.tag, "action": "save"}
    payload.update(data)
    return client.post(f"/claims/{claim.pk}/", payload, **HTMX)


def test_edit_own_draft_claim(as_analyst, document, analyst, mehr):
    claim = make_claim(document, analyst, "Les combats continuent")
    response = as_analyst.get(f"/claims/{claim.pk}/", **HTMX)
    assert f"Claim {claim.pk}" in response.content.decode() and ">Delete claim</button>" in response.content.decode()
    response = edit(as_analyst, claim, tag="sourced", link_source=[mehr.pk], link_mention_start=[""], link_mention_end=[""])
    assert "Claim saved." in response.content.decode()
    claim.refresh_from_db()
    assert (claim.tag, claim.version, [a.source for a in claim.attributions.all()]) == ("sourced", 2, [mehr])


def test_stale_version_shows_the_current_state_and_overwrites_nothing(as_analyst, document, analyst, mehr):
    claim = make_claim(document, analyst, "Les combats continuent")
    read_version = claim.version
    # Meanwhile (another tab, the API...) the claim becomes sourced.
    services.claim_update(claim=claim, user=analyst, version=read_version, tag="sourced", chain=[Link(mehr, 0)])
    data = {"start": claim.start, "end": claim.end, "version": read_version, "tag": "unsourced", "action": "save"}
    page = as_analyst.post(f"/claims/{claim.pk}/", data)
    assert page.status_code == 409
    html = as_analyst.post(f"/claims/{claim.pk}/", data, **HTMX).content.decode()
    assert "Someone changed this claim while you were editing it (it is now at version 2)" in html
    assert 'name="version" value="2"' in html  # the current state, ready to edit again
    assert 'value="sourced" checked' in html and "Mehr News Agency" in html
    claim.refresh_from_db()
    assert (claim.tag, claim.version, claim.attributions.count()) == ("sourced", 2, 1)


def test_submitted_claim_is_read_only_for_its_analyst(as_analyst, document, analyst):
    claim = services.claim_submit(claim=make_claim(document, analyst, "Les combats continuent"), user=analyst)
    html = as_analyst.get(f"/claims/{claim.pk}/", **HTMX).content.decode()
    assert "is submitted and read-only" in html
    assert "Save claim" not in html and "Delete claim" not in html
    assert '<fieldset class="editable" disabled>' in html
    response = edit(as_analyst, claim, tag="sourced")
    assert "This claim is submitted and cannot be edited." in response.content.decode()
    response = as_analyst.post(f"/claims/{claim.pk}/delete/")
    assert response.status_code == 403
    claim.refresh_from_db()
    assert (claim.tag, claim.status, claim.version) == ("unsourced", "submitted", 2)


def test_rejected_claim_shows_the_comment_and_can_be_submitted_again(as_analyst, document, analyst, reviewer, mehr):
    claim = services.claim_submit(claim=make_claim(document, analyst, "Les combats continuent"), user=analyst)
    services.claim_review(claim=claim, reviewer=reviewer, decision="reject", reason="wrong_tag", comment="A spokesman speaks: sourced.")
    claim.refresh_from_db()
    html = as_analyst.get(f"/claims/{claim.pk}/", **HTMX).content.decode()
    assert "Rejected by rev" in html and "A spokesman speaks: sourced." in html and "Save claim" in html
    response = edit(
        as_analyst, claim, tag="sourced", action="submit",
        link_source=[mehr.pk], link_mention_start=[""], link_mention_end=[""],
    )
    assert "Claim submitted for review." in response.content.decode()
    claim.refresh_from_db()
    assert (claim.tag, claim.status) == ("sourced", "submitted")


def test_edit_without_version_is_refused(as_analyst, document, analyst):
    claim = make_claim(document, analyst, "Les combats continuent")
    response = as_analyst.post(f"/claims/{claim.pk}/", {"start": claim.start, "end": claim.end, "tag": "sourced"})
    assert response.status_code == 422 and "lacks the claim&#x27;s version" in response.content.decode()


def test_delete_own_draft(as_analyst, document, analyst):
    claim = make_claim(document, analyst, "Les combats continuent")
    response = as_analyst.post(f"/claims/{claim.pk}/delete/", **HTMX)
    html = response.content.decode()
    assert "Claim deleted" in html and ">Undo<" in html  # a soft delete, undone from the message
    assert claim_count() == 0


# --- the chain editor's fragments --------------------------------------------------------------


def test_chain_link_finds_the_mention_in_the_claims_sentence(as_analyst, document, mehr):
    start, end = span(document, "Le ministère a annoncé l’ouverture du port")  # the alias is later in the sentence
    html = as_analyst.get(f"/documents/{document.pk}/chain-link/", {"source": mehr.pk, "start": start, "end": end}, **HTMX).content.decode()
    m_start, m_end = span(document, "l’agence de presse Mehr")
    assert f'name="link_mention_start" value="{m_start}"' in html and f'name="link_mention_end" value="{m_end}"' in html
    assert "<q>l’agence de presse Mehr</q>" in html


def test_chain_link_for_an_unknown_source_says_so_in_place(as_analyst, document):
    response = as_analyst.get(f"/documents/{document.pk}/chain-link/", {"source": "424242"}, **HTMX)
    assert response["HX-Retarget"] == "#chain-errors"
    assert "Choose a source from the list first" in response.content.decode()


def test_new_source_inline(as_analyst, document):
    start, end = span(document, "Les combats continuent 🔥 au nord, a déclaré <b>le porte-parole</b>.")
    data = {"new-name": "Porte-parole", "new-kind": "person", "new-aliases": "le porte-parole\nporte-parole", "start": start, "end": end}
    html = as_analyst.post(f"/documents/{document.pk}/chain-link/", data, **HTMX).content.decode()
    source = Source.objects.get(name="Porte-parole")
    assert source.kind == "person" and source.aliases == ["le porte-parole", "porte-parole"]
    assert f'name="link_source" value="{source.pk}"' in html and "<q>le porte-parole</q>" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [({"new-name": "", "new-kind": "person"}, "Name: This field is required."),
     ({"new-name": "X", "new-kind": "wizard"}, "Kind: Select a valid choice."),
     ({"new-name": "Mehr News Agency", "new-kind": "news_outlet"}, "exists already")],
)
def test_new_source_with_bad_fields_creates_nothing(as_analyst, document, mehr, data, message):
    response = as_analyst.post(f"/documents/{document.pk}/chain-link/", data, **HTMX)
    assert response["HX-Retarget"] == "#new-source-errors"
    assert message in response.content.decode()
    assert Source.objects.count() == 1


def test_source_options_search_names_and_aliases_without_accents(as_analyst, mehr):
    SourceFactory(slug="sec", name="Sécurité <irakienne>", aliases=["la sécurité irakienne"])
    html = as_analyst.get("/sources/options/", {"q": "securite"}).content.decode()
    assert 'role="option"' in html and "Sécurité &lt;irakienne&gt;" in html and "Mehr" not in html
    html = as_analyst.get("/sources/options/", {"q": "agence de presse"}).content.decode()
    assert f'data-source-id="{mehr.pk}"' in html
    html = as_analyst.get("/sources/options/", {"q": "zzzz"}).content.decode()
    assert "No source matches" in html


def test_guidelines_page(as_analyst):
    html = as_analyst.get("/guidelines/").content.decode()
    for heading in ("What counts as a claim", "Sourced or unsourced", "Vague attributions", "How to order a chain", "Captions, photo credits"):
        assert heading in html
    assert "<table>" in html
