"""The review cycle in a real browser, with the demo users of the seed data.

``analyst`` submits a claim, ``reviewer`` rejects it with a comment, ``analyst`` sees the
comment, fixes the tag and resubmits, ``reviewer`` approves it (from the keyboard), and the
claim's history shows every step with its user.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from claims.models import Claim, ClaimStatus, Source
from tests.browser.test_annotate import FIRST_SENTENCE_000, add_source, article_000

pytestmark = pytest.mark.django_db(transaction=True)

COMMENT = "Mehr et al-Nahrain sont cités : la phrase est sourcée <b>pas</b> non sourcée."


def test_submit_reject_fix_resubmit_approve_and_history(page, seeded, login):
    document = article_000()

    # 1. The analyst tags the first sentence (wrongly) unsourced and submits it.
    login("analyst")
    page.goto(document.get_absolute_url())
    page.locator("#doc-text .sentence").first.click()
    page.get_by_role("radio", name="Unsourced", exact=True).check()
    page.get_by_role("button", name="Save claim").click()
    expect(page.get_by_role("status").filter(has_text="Claim saved.")).to_be_visible()
    claim = Claim.objects.get(document=document)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("status").filter(has_text="Claim submitted for review.")).to_be_visible()

    # 2. The reviewer finds it in the queue, in its sentence, and rejects it with a comment.
    login("reviewer")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Review").click()
    item = page.locator(f"#claim-{claim.pk}")
    expect(item.locator("mark")).to_have_text(FIRST_SENTENCE_000)
    expect(item).to_contain_text("analyst")
    expect(item).to_contain_text("Unsourced")
    # Reject with neither comment nor reason opens the row's comment and reason fields.
    item.get_by_role("button", name="Reject").click()
    expect(item.get_by_label("Comment")).to_be_focused()
    item.get_by_label("Comment").fill(COMMENT)
    item.get_by_label("Reason").select_option(label="Wrong tag")
    item.get_by_role("button", name="Reject").click()
    expect(page.locator(f"#claim-{claim.pk}")).to_contain_text(f"Claim {claim.pk} rejected.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED

    # 3. The analyst sees the comment on the claim's card, fixes the tag and resubmits.
    login("analyst")
    page.goto(document.get_absolute_url())
    card = page.locator(f"#card-{claim.pk}")
    expect(card).to_contain_text("Rejected")
    expect(card).to_contain_text(COMMENT)  # shown as text, not markup
    expect(card.locator("b")).to_have_count(0)
    card.get_by_role("link").click()
    page.get_by_role("radio", name="Sourced", exact=True).check()
    add_source(page, "Mehr", "Mehr News Agency")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("status").filter(has_text="Claim submitted for review.")).to_be_visible()
    claim.refresh_from_db()
    assert (claim.status, claim.tag) == (ClaimStatus.SUBMITTED, "sourced")

    # 4. The reviewer approves it with the keyboard: j selects the first claim, a approves.
    login("reviewer")
    page.goto("/review/")
    item = page.locator(f"#claim-{claim.pk}")
    expect(item).to_contain_text("Mehr News Agency")
    expect(item).to_contain_text(f"Rejected by reviewer (wrong tag): {COMMENT}")  # the last review
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_hidden()
    page.keyboard.press("j")
    expect(item).to_be_focused()
    page.keyboard.press("a")
    expect(page.locator(f"#claim-{claim.pk}")).to_contain_text(f"Claim {claim.pk} approved.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED

    # 5. The history shows every step, who took it, and what changed.
    page.locator(f"#claim-{claim.pk}").get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name=f"History of claim {claim.pk}")).to_be_visible()
    steps = page.locator(".timeline .step")
    expected = [
        ("created", "analyst"),
        ("submitted", "analyst"),
        ("rejected", "reviewer"),
        ("edited", "analyst"),
        ("submitted", "analyst"),
        ("approved", "reviewer"),
    ]
    expect(steps).to_have_count(len(expected))
    for step, (action, user) in zip(steps.all(), expected, strict=True):
        expect(step.locator(".action")).to_have_text(action.capitalize())
        expect(step.locator(".who")).to_have_text(user)
    expect(steps.nth(2)).to_contain_text(COMMENT)
    expect(steps.nth(2)).to_contain_text("Reason: Wrong tag")
    expect(steps.nth(3).get_by_role("row", name="Tag unsourced sourced")).to_be_visible()
    expect(steps.nth(3).get_by_role("row", name="Chain no source Mehr News Agency")).to_be_visible()
    expect(steps.nth(5).get_by_role("row", name="Status submitted approved")).to_be_visible()


def test_queue_filters_and_dashboard_charts_in_the_browser(page, seeded, login):
    """Two analysts' claims: filter by analyst, reject by keyboard, bulk-approve; the dashboard's charts."""
    from claims import services

    document = article_000()
    end = len(FIRST_SENTENCE_000)
    analyst, analyst2 = (services_user(name) for name in ("analyst", "analyst2"))
    chain = [services.Link(Source.objects.get(slug=slug), i) for i, slug in enumerate(["mehr", "al-nahrain"])]
    for user, tag, links in ((analyst, "unsourced", []), (analyst2, "sourced", chain)):
        made = services.claim_create(document=document, user=user, start=0, end=end, tag=tag, chain=links)
        services.claim_submit(claim=made, user=user)

    login("reviewer")
    page.goto("/review/")
    expect(page.locator(".review-item")).to_have_count(2)
    page.get_by_label("Analyst", exact=True).select_option(label="analyst2")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".review-item")).to_have_count(1)
    expect(page.locator(".review-item")).to_contain_text("analyst2")

    # Back to the whole queue: reject the first claim from the keyboard, bulk-approve the other.
    page.get_by_role("link", name="Clear filters").click()
    items = page.locator(".review-item")
    expect(items).to_have_count(2)
    first_id, second_id = items.nth(0).get_attribute("id"), items.nth(1).get_attribute("id")
    page.locator("h1").click()  # focus outside any field
    page.keyboard.press("j")
    page.keyboard.press("r")
    comment = page.locator(f"#{first_id}").get_by_label("Comment")
    expect(comment).to_be_focused()
    page.keyboard.type("Pas une affirmation.")
    page.keyboard.press("Control+Enter")
    expect(page.locator(f"#{first_id}")).to_contain_text("rejected.")
    expect(page.locator(f"#{second_id}")).to_be_focused()  # on to the next claim
    page.keyboard.press("x")
    expect(page.locator(f"#{second_id}").get_by_role("checkbox")).to_be_checked()
    page.get_by_role("button", name="Approve selected").click()
    expect(page.get_by_role("status").filter(has_text="1 claim approved.")).to_be_visible()
    expect(page.locator(".review-item")).to_have_count(0)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    expect(page.locator("svg[role=img]")).to_have_count(3)
    expect(page.locator("svg[role=img]").first).to_contain_text("Mehr News Agency")
    expect(page.locator(".dashboard")).to_contain_text("analyst, analyst2")


def services_user(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
