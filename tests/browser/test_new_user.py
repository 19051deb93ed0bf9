"""What a new user tripped on, in a real browser: the Source box, the chain kept on Unsourced,
undo (delete, Ctrl+Z, keyboard approval), suggestions, keyboard, numbered mentions, the review
queue, and accessibility (axe-core, served to the tests only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from claims.models import Claim, Document, SentenceKind

from .test_annotate import FIRST_SENTENCE_000, article_000

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).with_name("axe.min.js")


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the browser's debugging protocol: the page's CSP forbids a script tag
        # of ours, and the tests keep the policy on.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def pick(page: Page, typed: str) -> None:
    """Type into the Source box and choose at once (↓ Enter), as fast as a keyboard user."""
    combobox = page.get_by_role("combobox", name="Source")
    combobox.click()
    combobox.press_sequentially(typed)
    combobox.press("ArrowDown")
    combobox.press("Enter")


def test_annotate_source_box_chain_undo_suggestions_keyboard_and_axe(page, seeded, login):
    login("analyst")
    document = article_000()
    page.goto(document.get_absolute_url())

    # 4. Only suggestions with a source (or a flag) are marked by default; "Show all" marks all.
    notable = page.locator("#suggestion-list .suggestion-card:not([data-minor])")
    every = page.locator("#suggestion-list .suggestion-card")
    assert 0 < notable.count() < every.count()
    expect(page.locator("#doc-text .sentence.suggested")).to_have_count(notable.count())
    page.get_by_label("Show all suggestions").check()
    expect(page.locator("#doc-text .sentence.suggested")).to_have_count(every.count())
    page.get_by_label("Show all suggestions").uncheck()
    first_suggested = page.locator('#doc-text .sentence[data-index="0"]')
    expect(first_suggested.locator(".sugg-badge")).to_have_count(1)
    assert "confidence" in (first_suggested.locator(".sugg-badge").get_attribute("title") or "")

    page.locator("#doc-text .sentence").first.click()
    expect(page.get_by_role("heading", name="New claim")).to_be_visible()
    # 15. The radios are named exactly, the glyphs beside them hidden.
    expect(page.get_by_role("radio", name="Sourced", exact=True)).to_have_accessible_name("Sourced")
    expect(page.get_by_role("radio", name="Unsourced", exact=True)).to_have_accessible_name("Unsourced")
    page.get_by_role("radio", name="Sourced", exact=True).check()

    # 1. Typed and chosen at once: the option chosen is one that matches what was typed.
    combobox = page.get_by_role("combobox", name="Source")
    pick(page, "Mehr")
    expect(combobox).to_have_value("Mehr News Agency")
    page.get_by_role("button", name="Add source").click()
    pick(page, "nahrain")
    expect(combobox).to_have_value("Al-Nahrain (Iraqi news outlet)")
    page.get_by_role("button", name="Add source").click()
    links = page.locator("#chain-list .chain-link")
    expect(links).to_have_count(2)
    # Accents, case and word order do not matter.
    combobox.fill("DEFENSE ministere")
    expect(page.get_by_role("option", name="Ministry of Defence of Iraq")).to_be_visible()
    expect(page.get_by_role("option", name="Ministry of Defence of Syria")).to_be_visible()
    combobox.fill("")
    combobox.press("Escape")

    # 14. Each source's mention is numbered in the text as in the chain.
    numbers = page.locator("#doc-text .mention-number")
    expect(numbers).to_have_text(["1", "2"])
    expect(links.locator(".link-number")).to_have_text(["1", "2"])
    mention = page.evaluate(
        """() => {
          const link = document.querySelector("#chain-list .chain-link");
          const [start, end] = ["start", "end"].map((k) => Number(link.querySelector(`[name=link_mention_${k}]`).value));
          const rect = ClaimOffsets.spanToRange(document.getElementById("doc-text"), start, end).getClientRects()[0];
          return {x: rect.left, y: rect.top, text: ClaimOffsets.textOf(document.getElementById("doc-text"), start, end)};
        }"""
    )
    number_box = numbers.first.bounding_box()
    assert mention["text"] == "l’agence de presse Mehr"
    assert abs(number_box["x"] - mention["x"]) < 20 and abs(number_box["y"] - mention["y"]) < 20

    # 3. Ctrl+Z undoes the last change of chain or tag.
    page.get_by_role("button", name="Remove Al-Nahrain (Iraqi news outlet) from the chain").click()
    expect(links).to_have_count(1)
    page.keyboard.press("Control+z")
    expect(links).to_have_count(2)
    expect(links.last).to_contain_text("Al-Nahrain")
    page.get_by_role("button", name="Save claim").click()
    expect(page.get_by_role("status").filter(has_text="Claim saved.")).to_be_visible()
    claim = Claim.objects.get(document=document)
    assert claim.attributions.count() == 2

    # 2. Unsourced greys the chain and says it would be lost; saving asks first, and the chain
    # comes back with Sourced.
    page.get_by_role("radio", name="Unsourced", exact=True).check()
    expect(page.locator("#chain-warning")).to_contain_text("loses its chain (Mehr News Agency → Al-Nahrain")
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Save claim").click()
    page.wait_for_timeout(300)
    assert asked and "remove its chain" in asked[0]
    claim.refresh_from_db()
    assert (claim.tag, claim.version, claim.attributions.count()) == ("sourced", 1, 2)
    page.keyboard.press("Control+z")
    expect(page.get_by_role("radio", name="Sourced", exact=True)).to_be_checked()
    expect(page.locator("#chain-warning")).to_be_hidden()
    expect(page.locator("#chain-editor")).to_be_enabled()

    # 4. Once claimed, the sentence's suggestion is gone.
    expect(first_suggested.locator(".sugg-badge")).to_have_count(0)

    # 15. No serious or critical accessibility violation on the annotate page.
    assert serious_violations(page) == []

    # 3. Delete, then Undo.
    page.get_by_role("button", name="Delete claim").click()
    expect(page.get_by_role("status").filter(has_text="Claim deleted —")).to_be_visible()
    expect(page.locator(f"#card-{claim.pk}")).to_have_count(0)
    assert not Claim.objects.filter(pk=claim.pk).exists()
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("status").filter(has_text="Claim restored.")).to_be_visible()
    expect(page.locator(f"#card-{claim.pk}")).to_have_count(1)
    assert Claim.objects.get(pk=claim.pk).attributions.count() == 2


def test_keyboard_skips_lines_that_are_not_body_text(page, seeded, login):
    login("analyst")
    document = Document.objects.get(text__contains="des militaires US font des va-et-vient")
    kinds = list(document.sentences.order_by("index").values_list("kind", flat=True))
    first_body = kinds.index(SentenceKind.BODY)
    assert first_body > 0
    page.goto(document.get_absolute_url())
    page.keyboard.press("j")
    expect(page.locator("#doc-text .sentence.focused")).to_have_attribute("data-index", str(first_body))
    page.keyboard.press("k")  # nothing but non-body lines before: it stays
    expect(page.locator("#doc-text .sentence.focused")).to_have_attribute("data-index", str(first_body))
    page.keyboard.press("Shift+K")
    previous = first_body - 1
    expect(page.locator("#doc-text .sentence.focused")).to_have_attribute("data-index", str(previous))
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("not body text: press Enter again")
    expect(page.get_by_role("heading", name="New claim")).to_have_count(0)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="New claim")).to_be_visible()


def test_review_queue_ten_rows_keyboard_undo_counter_and_axe_on_review_and_dashboard(page, seeded, login):
    from django.contrib.auth import get_user_model

    from claims import services
    from claims.models import Source

    analyst = get_user_model().objects.get(username="analyst")
    mehr = Source.objects.get(slug="mehr")
    made = []
    for document in Document.objects.order_by("pk"):
        for sentence in document.sentences.filter(kind=SentenceKind.BODY).order_by("index")[:3]:
            claim = services.claim_create(
                document=document, user=analyst, start=sentence.start, end=sentence.end, tag="sourced",
                chain=[services.Link(mehr, 0)],
            )
            made.append(services.claim_submit(claim=claim, user=analyst))
    assert len(made) >= 12

    login("reviewer")
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto("/review/")
    rows = page.locator(".review-item")
    expect(rows.first).to_be_visible()
    # Ten or more claims on a 900 px screen, each sentence shown once.
    bottoms = [box["y"] + box["height"] for box in (row.bounding_box() for row in rows.all()[:12])]
    assert sum(1 for bottom in bottoms if bottom <= 900) >= 10, bottoms
    expect(page.get_by_label("Analyst", exact=True)).to_contain_text("any analyst")
    count = page.locator("#queue-count")
    expect(count).to_have_text(f"{len(made)} claims waiting for review.")
    assert serious_violations(page) == []

    # "a" approves the current claim; Undo takes it back; the counter follows.
    first_id = rows.first.get_attribute("id")
    page.locator("h1").click()
    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(page.locator(f"#{first_id}")).to_contain_text("approved.")
    expect(count).to_have_text(f"{len(made) - 1} claims waiting for review.")
    page.locator(f"#{first_id}").get_by_role("button", name="Undo").click()
    expect(page.locator(f"#{first_id}").get_by_role("button", name="Approve")).to_be_visible()
    expect(count).to_have_text(f"{len(made)} claims waiting for review.")
    assert Claim.objects.get(pk=int(first_id.removeprefix("claim-"))).status == "submitted"

    # Search on the claim's text.
    page.get_by_label("Search claim text").fill("ministere defense")
    page.get_by_role("button", name="Filter").click()
    expect(count).to_contain_text("with these filters")

    page.goto("/dashboard/")
    expect(page.locator("svg[role=img]")).to_have_count(4)
    assert serious_violations(page) == []
