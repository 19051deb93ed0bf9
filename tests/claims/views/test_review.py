"""The review queue page: what it lists, its filters, decisions one by one or in bulk, errors."""

from html.parser import HTMLParser

import pytest

from claims import services
from claims.models import Claim, ClaimStatus, Review, SourceKind
from claims.services import Link
from tests.factories import PASSWORD, DocumentFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Le ministère a annoncé l’ouverture du port, selon l’agence Mehr citant al-Nahrain. "
    "Les combats continuent 🚀 au nord. Une source a parlé.\n"
)
QUEUE = "/review/"


@pytest.fixture
def mehr():
    return SourceFactory(slug="mehr", name="Mehr News Agency")


@pytest.fixture
def nahrain():
    return SourceFactory(slug="al-nahrain", name="al-Nahrain")


@pytest.fixture
def presstv():
    return SourceFactory(slug="presstv", name="PressTV")


@pytest.fixture
def document(presstv):
    return DocumentFactory(title="Le port <b>ouvert</b>", text=TEXT, publisher=presstv)


def submitted(document, user, phrase, tag="unsourced", chain=()):
    start = document.text.index(phrase)
    claim = services.claim_create(
        document=document, user=user, start=start, end=start + len(phrase), tag=tag,
        chain=[Link(s, i) for i, s in enumerate(chain)],
    )
    return services.claim_submit(claim=claim, user=user)


@pytest.fixture
def claim(document, analyst, mehr, nahrain):
    return submitted(document, analyst, "le ministère a annoncé l’ouverture du port".capitalize(), "sourced", [mehr, nahrain])


@pytest.fixture
def as_reviewer(client, reviewer):
    client.force_login(reviewer)
    return client


def decide(client, claim, htmx=False, **data):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(f"/review/{claim.pk}/", {f"claim-{claim.pk}-{k}" if k not in ("decision", "next") else k: v for k, v in data.items()}, **headers)


def test_queue_shows_sentence_in_context_tag_chain_and_analyst(as_reviewer, claim, document, analyst):
    own = submitted(document, UserFactory(username="rev2", groups=["Reviewer"]), "Une source a parlé.")
    draft = services.claim_create(document=document, user=analyst, start=0, end=2, tag="unsourced")
    html = as_reviewer.get(QUEUE).content.decode()
    assert f'id="claim-{claim.pk}"' in html and f'id="claim-{draft.pk}"' not in html
    assert f'id="claim-{own.pk}"' in html  # another reviewer's claim: reviewable
    # The sentence around the claim, the claim marked, code points counted right past the emoji.
    assert '<mark class="q-claim">Le ministère a annoncé l’ouverture du port</mark>, selon l’agence Mehr citant al-Nahrain.' in html
    assert "Mehr News Agency" in html and "al-Nahrain" in html and ">ann<" in html
    assert "Sourced" in html
    assert "Le port &lt;b&gt;ouvert&lt;/b&gt;" in html  # user text escaped


def test_a_reviewer_never_sees_their_own_claims_in_the_queue(client, document, reviewer):
    mine = submitted(document, reviewer, "Une source a parlé.")
    client.force_login(reviewer)
    assert f'id="claim-{mine.pk}"' not in client.get(QUEUE).content.decode()


def test_context_of_a_claim_after_an_emoji(as_reviewer, document, analyst):
    later = submitted(document, analyst, "au nord")
    html = as_reviewer.get(QUEUE).content.decode()
    assert 'Les combats continuent 🚀 <mark class="q-claim">au nord</mark>.' in html


def test_queue_query_count_does_not_grow_with_claims(as_reviewer, document, analyst, other_analyst, mehr, nahrain, django_assert_num_queries):
    submitted(document, analyst, "Les combats continuent", "sourced", [mehr])
    # session, user, groups, count, claims, chains, reviews, four filter lists
    with django_assert_num_queries(11) as few:
        as_reviewer.get(QUEUE)
    for i in range(8):
        submitted(document, other_analyst if i % 2 else analyst, TEXT[i : i + 5], "sourced", [mehr, nahrain])
    with django_assert_num_queries(len(few)):
        response = as_reviewer.get(QUEUE)
    assert response.content.decode().count('class="review-item"') == 9


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag=sourced", {"a1", "b1"}),
        ("tag=unsourced", {"a2"}),
        ("analyst={bob}", {"b1"}),
        ("source={nahrain}", {"a1"}),
        ("source={mehr}", {"a1", "b1"}),
        ("document={document}", {"a1", "a2"}),
        ("publisher={presstv}", {"a1", "a2"}),
        ("publisher={presstv}&tag=unsourced", {"a2"}),
    ],
)
def test_queue_filters(as_reviewer, document, analyst, other_analyst, mehr, nahrain, presstv, query, expected):
    elsewhere = DocumentFactory(text="Ailleurs, selon Mehr, tout va bien.\n")
    claims = {
        "a1": submitted(document, analyst, "Le ministère", "sourced", [mehr, nahrain]),
        "a2": submitted(document, analyst, "Les combats", "unsourced"),
        "b1": submitted(elsewhere, other_analyst, "tout va bien", "sourced", [mehr]),
    }
    ids = {"bob": other_analyst.pk, "mehr": mehr.pk, "nahrain": nahrain.pk, "document": document.pk, "presstv": presstv.pk}
    html = as_reviewer.get(f"{QUEUE}?{query.format(**ids)}").content.decode()
    shown = {name for name, c in claims.items() if f'id="claim-{c.pk}"' in html}
    assert shown == expected


def test_filtering_with_htmx_returns_the_queue_fragment(as_reviewer, claim):
    response = as_reviewer.get(f"{QUEUE}?tag=sourced", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and html.strip().startswith('<div id="queue">')
    assert f'id="claim-{claim.pk}"' in html


def test_unknown_filter_values_are_ignored_with_a_message(as_reviewer, claim):
    response = as_reviewer.get(f"{QUEUE}?document=999999&tag=nonsense")
    assert response.status_code == 200
    assert "Some filters were not understood" in response.content.decode()


def test_approve_redirects_back_to_the_filtered_queue(as_reviewer, claim):
    response = decide(as_reviewer, claim, decision="approve", next="/review/?tag=sourced")
    assert response.status_code == 302 and response["Location"] == "/review/?tag=sourced"
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert f"Claim {claim.pk} approved." in as_reviewer.get(QUEUE).content.decode()


def test_next_never_leaves_the_site(as_reviewer, claim):
    response = decide(as_reviewer, claim, decision="approve", next="https://evil.example/")
    assert response["Location"] == "/review/"


def test_approve_with_htmx_swaps_the_row(as_reviewer, claim):
    response = decide(as_reviewer, claim, htmx=True, decision="approve")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f"Claim {claim.pk} approved." in html and "decided" in html


def test_reject_needs_a_comment_or_reason_and_shows_the_form_again(as_reviewer, claim):
    response = decide(as_reviewer, claim, decision="reject", comment="  ")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Say why the claim is rejected" in html and 'aria-invalid="true"' in html
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED and not Review.objects.exists()

    fragment = decide(as_reviewer, claim, htmx=True, decision="reject").content.decode()
    assert "<html" not in fragment and "Say why the claim is rejected" in fragment
    assert fragment.strip().startswith(f'<li class="review-item" id="claim-{claim.pk}"')


def test_reject_with_a_reason_returns_the_claim_to_its_analyst_with_the_comment(client, as_reviewer, claim, analyst):
    decide(as_reviewer, claim, decision="reject", reason="wrong_chain_order", comment="Mehr cite <al-Nahrain>, pas l’inverse")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED
    review = claim.reviews.get()
    assert (review.decision, review.reason) == ("reject", "wrong_chain_order")
    client.login(username=analyst.username, password=PASSWORD)
    page = client.get(f"/documents/{claim.document_id}/").content.decode()
    assert "Mehr cite &lt;al-Nahrain&gt;, pas l’inverse" in page


def test_approving_with_a_corrected_chain_and_tag_records_the_correction(as_reviewer, claim, mehr):
    decide(as_reviewer, claim, decision="approve", tag="sourced", chain="al-nahrain, mehr")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert [a.source.slug for a in claim.attributions.order_by("position")] == ["al-nahrain", "mehr"]
    assert claim.reviews.get().correction == {"chain": [["mehr", "al-nahrain"], ["al-nahrain", "mehr"]]}

    other = submitted(claim.document, claim.annotator, "Une source a parlé.", "sourced", [mehr])
    decide(as_reviewer, other, decision="approve", tag="unsourced", chain="mehr")
    other.refresh_from_db()
    assert (other.tag, other.attributions.count()) == ("unsourced", 0)
    assert other.reviews.get().correction == {"tag": ["sourced", "unsourced"], "chain": [["mehr"], []]}


def test_a_correction_to_sourced_needs_a_source(as_reviewer, document, analyst):
    claim = submitted(document, analyst, "Les combats")
    response = decide(as_reviewer, claim, decision="approve", tag="sourced", chain="")
    assert response.status_code == 400
    assert "A sourced claim needs at least one source." in response.content.decode()
    claim.refresh_from_db()
    assert (claim.status, claim.tag) == ("submitted", "unsourced")


def test_an_unknown_source_in_the_correction_changes_nothing(as_reviewer, claim):
    response = decide(as_reviewer, claim, decision="approve", chain="mehr, nobody-knows")
    assert response.status_code == 400 and "Unknown source: nobody-knows." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED and claim.attributions.count() == 2


def test_rejecting_ignores_the_correction_fields(as_reviewer, claim):
    decide(as_reviewer, claim, decision="reject", comment="Non", tag="unsourced", chain="")
    claim.refresh_from_db()
    assert (claim.status, claim.tag, claim.attributions.count()) == ("rejected", "sourced", 2)


def test_a_missing_decision_is_a_form_error(as_reviewer, claim):
    response = decide(as_reviewer, claim, decision="maybe")
    assert response.status_code == 400 and "Choose Approve or Reject." in response.content.decode()


def test_a_claim_already_reviewed_says_so(as_reviewer, claim, admin_user):
    services.claim_review(claim=claim, reviewer=admin_user, decision="approve")
    response = decide(as_reviewer, claim, decision="approve")
    assert response.status_code == 400
    assert "Only submitted claims can be reviewed; this one is approved." in response.content.decode()


def test_bulk_approve_approves_what_it_may_and_says_why_not_the_rest(client, document, analyst, reviewer):
    a = submitted(document, analyst, "Le ministère")
    b = submitted(document, analyst, "Les combats")
    own = submitted(document, reviewer, "Une source")
    client.force_login(reviewer)
    response = client.post("/review/bulk-approve/", {"claims": [a.pk, b.pk, own.pk, 999999]}, follow=True)
    html = response.content.decode()
    assert "2 claims approved." in html
    assert f"Claim {own.pk} not approved: You cannot review a claim you annotated." in html
    assert "Claim 999999 not approved: No such claim." in html
    assert set(Claim.objects.filter(status="approved").values_list("pk", flat=True)) == {a.pk, b.pk}


@pytest.mark.parametrize("data", [{}, {"claims": ["abc"]}])
def test_bulk_approve_with_nothing_or_garbage_is_a_400(as_reviewer, claim, data):
    response = as_reviewer.post("/review/bulk-approve/", data)
    assert response.status_code == 400
    assert response.content.decode().count('role="alert"') >= 1
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_analysts_cannot_review_even_by_posting(client, claim, other_analyst):
    client.login(username=other_analyst.username, password=PASSWORD)
    assert client.get(QUEUE).status_code == 403
    assert decide(client, claim, decision="approve").status_code == 403
    assert client.post("/review/bulk-approve/", {"claims": [claim.pk]}).status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_keyboard_help_documents_the_shortcuts(as_reviewer, claim):
    html = as_reviewer.get(QUEUE).content.decode()
    assert '<dialog id="keyboard-help"' in html
    for key, meaning in [("j", "next claim"), ("k", "previous claim"), ("a", "approve"), ("r", "reject")]:
        assert f"<dt><kbd>{key}</kbd></dt><dd>{meaning}" in html


class Controls(HTMLParser):
    """Collects form controls and what names them (label for=, wrapping label, aria-label, text)."""

    def __init__(self):
        super().__init__()
        self.controls, self.label_for, self.stack, self.texts = [], set(), [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.label_for.add(attrs.get("for"))
        if tag in ("input", "select", "textarea", "button") and attrs.get("type") != "hidden":
            wrapped = "label" in [t for t, _ in self.stack]
            self.controls.append((tag, attrs, wrapped))
        if tag not in ("input", "br", "meta", "link", "img"):
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        for tag, attrs in self.stack:
            if tag == "button":
                self.texts[id(attrs)] = self.texts.get(id(attrs), "") + data


def test_every_control_of_the_queue_has_an_accessible_name(as_reviewer, claim, analyst, document):
    submitted(document, analyst, "Les combats")
    parser = Controls()
    parser.feed(as_reviewer.get(QUEUE).content.decode())
    assert len(parser.controls) > 10
    for tag, attrs, wrapped in parser.controls:
        named = wrapped or attrs.get("aria-label") or attrs.get("id") in parser.label_for
        if tag == "button":
            named = named or parser.texts.get(id(attrs), "").strip()
        assert named, (tag, attrs)


def test_the_main_menu_offers_review_and_dashboard_to_reviewers_only(client, analyst, reviewer):
    client.force_login(reviewer)
    html = client.get("/").content.decode()
    assert '<a href="/review/">Review</a>' in html and '<a href="/dashboard/">Dashboard</a>' in html
    client.login(username=analyst.username, password=PASSWORD)
    html = client.get("/").content.decode()
    assert '<a href="/review/">' not in html and '<a href="/dashboard/">' not in html
