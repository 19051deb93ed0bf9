"""A claim's history page: shown to whoever may see the claim, escaped, with the web user."""

import pytest

from claims import services
from tests.factories import PASSWORD, DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(analyst):
    document = DocumentFactory(text="Le port est ouvert, selon l’agence Mehr.\n")
    claim = services.claim_create(document=document, user=analyst, start=0, end=18, tag="unsourced")
    return services.claim_submit(claim=claim, user=analyst)


def url(claim):
    return f"/claims/{claim.pk}/history/"


def login(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def test_history_lists_steps_with_users_and_escapes_comments(client, claim, reviewer, analyst):
    login(client, reviewer)
    client.post(f"/review/{claim.pk}/", {"decision": "reject", f"claim-{claim.pk}-comment": "<script>x()</script> non"})
    login(client, analyst)
    response = client.get(url(claim))
    html = response.content.decode()
    assert response.status_code == 200 and "<html" in html
    assert html.count('class="step"') == 3
    assert 'data-action="rejected"' in html
    # The review came through a web page: the middleware named the reviewer and the page.
    assert '<span class="who">rev</span>' in html and f"(via /review/{claim.pk}/)" in html
    assert "&lt;script&gt;x()&lt;/script&gt; non" in html and "<script>x()" not in html
    assert "<td>submitted</td><td>rejected</td>" in html


def test_history_fragment_for_htmx(client, claim, analyst):
    login(client, analyst)
    html = client.get(url(claim), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html and html.strip().startswith("<section")
    assert f'id="history-{claim.pk}"' in html


def test_history_follows_the_claims_visibility(client, claim, other_analyst, reviewer, admin_user, analyst):
    assert client.get(url(claim)).status_code == 302  # anonymous: to the login page
    assert login(client, other_analyst).get(url(claim)).status_code == 404
    assert login(client, reviewer).get(url(claim)).status_code == 200
    assert login(client, admin_user).get(url(claim)).status_code == 200
    draft = services.claim_create(document=claim.document, user=analyst, start=0, end=2, tag="unsourced")
    assert login(client, reviewer).get(url(draft)).status_code == 404  # someone else's draft
    assert login(client, analyst).get(url(draft)).status_code == 200
