"""The README's screenshots, taken by `make screenshots` (never by the test suite, which must
not rewrite files under docs/). Run with pytest on this file alone; it uses the browser fixtures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from claims import services
from claims.models import Claim, Document, SentenceKind

from .test_annotate import article_000, several_claims

pytestmark = pytest.mark.django_db(transaction=True)

DOCS = Path(settings.BASE_DIR) / "docs"


def shoot(page, name: str) -> None:
    page.mouse.move(0, 0)
    path = DOCS / name
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000, name


def test_readme_screenshots(page, seeded, login):
    from django.contrib.auth import get_user_model

    page.set_default_timeout(30_000)
    document = article_000()
    rejected = several_claims(document)
    analyst = get_user_model().objects.get(username="analyst")
    # More claims in the queue, from the other articles.
    for other in Document.objects.exclude(pk=document.pk).order_by("pk"):
        for sentence in other.sentences.filter(kind=SentenceKind.BODY).order_by("index")[:3]:
            claim = services.claim_create(
                document=other, user=analyst, start=sentence.start, end=sentence.end, tag="unsourced"
            )
            services.claim_submit(claim=claim, user=analyst)

    login("analyst")
    page.set_viewport_size({"width": 1400, "height": 1150})
    page.goto(document.get_absolute_url())
    first = Claim.objects.filter(document=document, start=0).order_by("pk").first()
    page.locator(f"#card-{first.pk}").get_by_role("link").click()
    expect(page.locator("#doc-text .mention-number")).to_have_count(3)
    page.locator("#doc-text").evaluate("el => el.closest('.doc').scrollTop = 0")
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, "annotate.png")
    assert rejected.pk

    login("reviewer")
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto("/review/")
    expect(page.locator(".review-item").first).to_be_visible()
    shoot(page, "review.png")

    page.set_viewport_size({"width": 1400, "height": 1400})
    page.goto("/dashboard/")
    expect(page.locator("svg[role=img]").first).to_be_visible()
    shoot(page, "dashboard.png")
