"""The dashboard page: figures, server-rendered SVG charts with escaped names, who may see it."""

import re

import pytest

from claims import services
from claims.models import SourceKind
from claims.services import Link
from tests.factories import PASSWORD, DocumentFactory, SourceFactory

pytestmark = pytest.mark.django_db

EVIL = '<script>alert("x")</script> & Co'


@pytest.fixture
def data(analyst, other_analyst, reviewer):
    evil = SourceFactory(slug="evil", name=EVIL)
    anonymous = SourceFactory(slug="unnamed-source", name="Unnamed source", kind=SourceKind.ANONYMOUS)
    publisher = SourceFactory(slug="evil-tv", name=f"TV {EVIL}")
    text = "Selon Evil, la ville est tombée. Une source affirme le contraire. Il pleut.\n"
    document = DocumentFactory(title="La ville <i>tombée</i>", text=text, publisher=publisher)
    for user in (analyst, other_analyst):
        for phrase, tag, chain in [
            ("la ville est tombée", "sourced", [evil]),
            ("Une source affirme le contraire.", "sourced", [anonymous]),
        ]:
            start = text.index(phrase)
            claim = services.claim_create(
                document=document, user=user, start=start, end=start + len(phrase), tag=tag,
                chain=[Link(s, i) for i, s in enumerate(chain)],
            )
            claim = services.claim_submit(claim=claim, user=user)
    services.claim_review(claim=claim, reviewer=reviewer, decision="approve")
    return document


def login(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def test_dashboard_shows_figures_and_at_least_two_svg_charts(client, reviewer, data, django_assert_max_num_queries):
    login(client, reviewer)
    with django_assert_max_num_queries(12):
        response = client.get("/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    svgs = re.findall(r"<svg\b.*?</svg>", html, flags=re.S)
    assert len(svgs) >= 2
    for svg in svgs:
        assert 'role="img"' in svg and "aria-label=" in svg
        assert "<script" not in svg and "kozea.github.io" not in svg  # no CDN script
    # User-controlled names are escaped everywhere: in the SVG text and in the tables.
    assert EVIL not in html
    assert "&lt;script&gt;alert(" in html
    assert "La ville &lt;i&gt;tombée&lt;/i&gt;" in html
    assert "Cohen&#x27;s kappa" in html or "Cohen's kappa" in html
    assert "of sourced claims name no one" in html


def test_dashboard_counts_only_approved_when_asked(client, reviewer, data):
    login(client, reviewer)
    html = client.get("/dashboard/?status=approved").content.decode()
    assert re.search(r"<strong>1</strong> claims", html)
    html = client.get("/dashboard/?status=whatever").content.decode()  # unknown: the default
    assert re.search(r"<strong>4</strong> claims", html)


def test_empty_dashboard_has_no_charts_and_no_error(client, admin_user):
    login(client, admin_user)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert "<svg" not in response.content.decode()
    assert "No document was annotated by two analysts yet." in response.content.decode()


def test_analysts_and_anonymous_users_cannot_see_the_dashboard(client, analyst, data):
    assert client.get("/dashboard/").status_code == 302  # to the login page
    login(client, analyst)
    assert client.get("/dashboard/").status_code == 403
