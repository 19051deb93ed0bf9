"""Attribution suggestions on the annotate page, in a real browser: dashed suggested highlights,
Accept, Edit, Dismiss (remembered), Accept all."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from claims.models import Claim, Document, Suggestion

pytestmark = pytest.mark.django_db(transaction=True)

FIRST_SENTENCE_000 = "Une source de la sécurité irakienne a annoncé l’entrée d’une colonne militaire américaine"


def article_000() -> Document:
    return Document.objects.get(text__startswith=FIRST_SENTENCE_000)


def open_article(page: Page, document: Document) -> None:
    page.goto(document.get_absolute_url())
    expect(page.locator("#suggestion-list")).to_be_visible()


def card_for(page: Page, suggestion: Suggestion):
    return page.locator(f"#suggestion-{suggestion.pk}")


def test_suggestions_are_dashed_highlights_and_accept_makes_a_draft_claim(page, seeded, login):
    document = article_000()
    assert document.suggestion_state == "ready"  # computed when the seed imported it
    first = document.suggestions.get(start=0)
    login("analyst")
    open_article(page, document)

    # The first sentence is drawn as a suggestion: dashed, and not as a claim.
    sentence = page.locator('#doc-text .sentence[data-start="0"]')
    expect(sentence).to_have_class(re.compile(r"\bsuggested\b"))
    style = sentence.evaluate("el => getComputedStyle(el).textDecorationStyle")
    assert style == "dashed"
    expect(sentence.locator("mark.hl")).to_have_count(0)
    expect(sentence.locator(".sugg-badge")).to_have_text("suggested ◆")

    card = card_for(page, first)
    expect(card).to_contain_text("Suggested")
    expect(card.locator(".suggested-chain li")).to_have_count(3)
    expect(card.locator(".suggested-chain li").nth(0)).to_contain_text("Mehr News Agency")
    expect(card.locator(".suggested-chain li").nth(1)).to_contain_text("al-Nahrain")
    expect(card.locator(".suggested-chain li").nth(2)).to_contain_text("Iraqi security source")

    card.get_by_role("button", name="Accept").click()
    expect(page.locator("#claim-panel")).to_contain_text("Suggestion accepted")
    expect(card_for(page, first)).to_have_count(0)
    expect(page.locator("#claim-list .claim-card")).to_have_count(1)
    expect(page.locator("#claim-list .claim-card")).to_contain_text("Sourced")
    # The text now shows the claim, and the other suggestions are drawn again after the swap.
    expect(page.locator('#doc-text .sentence[data-start="0"] mark.hl-sourced').first).to_be_visible()
    expect(page.locator("#doc-text .sentence.suggested").first).to_be_visible()
    claim = Claim.objects.get(document=document)  # the seed's demo project has claims on another article
    assert claim.suggestion_id == first.pk and claim.status == "draft" and claim.annotator.username == "analyst"
    assert [a.source.slug for a in claim.attributions.order_by("position")] == ["mehr", "al-nahrain", "iraqi-security-source"]


def test_dismiss_is_remembered_for_this_analyst_only(page, seeded, login):
    document = article_000()
    second = document.suggestions.order_by("start")[1]
    login("analyst")
    open_article(page, document)
    card_for(page, second).get_by_role("button", name="Dismiss").click()
    expect(page.locator("#claim-panel")).to_contain_text("Suggestion dismissed.")
    expect(card_for(page, second)).to_have_count(0)
    expect(page.locator(f'#doc-text .sentence[data-start="{second.start}"]')).not_to_have_class(
        re.compile(r"\bsuggested\b")
    )
    page.reload()
    expect(card_for(page, second)).to_have_count(0)
    assert not Claim.objects.filter(document=document).exists()
    login("analyst2")
    open_article(page, document)
    expect(card_for(page, second)).to_have_count(1)


def test_edit_opens_the_claim_form_prefilled_and_saves_a_claim_from_the_suggestion(page, seeded, login):
    document = article_000()
    suggestion = document.suggestions.get(start=0)
    login("analyst")
    open_article(page, document)
    card_for(page, suggestion).get_by_role("link", name="Edit").click()
    panel = page.locator("#claim-panel")
    expect(panel).to_contain_text("A suggested claim")
    expect(page.locator("#claim-span-text")).to_have_text(document.text[suggestion.start : suggestion.end])
    expect(panel.locator('input[name="tag"][value="sourced"]')).to_be_checked()
    links = panel.locator("#chain-list .chain-link")
    expect(links).to_have_count(3)
    expect(links.nth(0)).to_contain_text("Mehr News Agency")
    # The analyst drops the last link, then saves.
    links.nth(2).get_by_role("button", name="Remove").click()
    expect(links).to_have_count(2)
    panel.get_by_role("button", name="Save claim").click()
    expect(panel).to_contain_text("Claim saved from the suggestion.")
    claim = Claim.objects.get(document=document)  # the seed's demo project has claims on another article
    assert claim.suggestion_id == suggestion.pk
    assert [a.source.slug for a in claim.attributions.order_by("position")] == ["mehr", "al-nahrain"]
    expect(card_for(page, suggestion)).to_have_count(0)


def test_accept_all_turns_every_pending_suggestion_into_a_draft_claim(page, seeded, login):
    document = article_000()
    total = document.suggestions.count()
    login("analyst")
    open_article(page, document)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Accept all").click()
    expect(page.locator("#claim-panel")).to_contain_text(f"{total} suggestions accepted as draft claims.")
    expect(page.locator("#claim-list .claim-card")).to_have_count(total)
    expect(page.locator("#suggestion-list")).to_contain_text("No suggestion left")
    expect(page.locator("#doc-text .sentence.suggested")).to_have_count(0)
    assert Claim.objects.filter(suggestion__isnull=False, annotator__username="analyst").count() == total


def test_document_list_shows_the_suggestion_state(page, seeded, login):
    login("analyst")
    page.goto("/")
    row = page.get_by_role("row").filter(has_text="Une source de la sécurité irakienne")
    expect(row.locator("td.suggestion-state")).to_have_text("Ready")
