"""The annotate page in a real browser: selecting claims, chains, submitting, offsets with emoji."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from claims import services
from claims.models import Claim, ClaimStatus, Document, Source

pytestmark = pytest.mark.django_db(transaction=True)

FIRST_SENTENCE_000 = (
    "Une source de la sécurité irakienne a annoncé l’entrée d’une colonne militaire américaine dans la "
    "province d’al-Anbar, dans l’ouest du pays, selon l’agence de presse Mehr citant al-Nahrain."
)


def article_000() -> Document:
    return Document.objects.get(text__startswith=FIRST_SENTENCE_000)


def add_source(page: Page, typed: str, option: str) -> None:
    """Search the registry in the combobox, pick an option, add it as the chain's next link."""
    links = page.locator("#chain-list .chain-link")
    count = links.count()
    combobox = page.get_by_role("combobox", name="Source")
    combobox.fill(typed)
    page.get_by_role("option", name=option).click()
    expect(combobox).to_have_value(option)
    page.get_by_role("button", name="Add source").click()
    expect(links).to_have_count(count + 1)
    expect(links.last).to_contain_text(option)


def drag_select(page: Page, first: str, last: str | None = None) -> None:
    """Select with the mouse from the first letter of ``first`` to the last letter of ``last`` (or ``first``)."""
    box = page.evaluate(
        """([first, last]) => {
          const find = (target) => {
            const walker = document.createTreeWalker(document.getElementById("doc-text"), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const i = node.data.indexOf(target);
              if (i >= 0) return [node, i];
            }
            return [null, -1];
          };
          const rect = (node, a, b) => { const r = document.createRange(); r.setStart(node, a); r.setEnd(node, b); return r.getBoundingClientRect(); };
          const [startNode, i] = find(first), [endNode, j] = find(last);
          if (!startNode || !endNode) return null;
          const a = rect(startNode, i, i + 1), b = rect(endNode, j + last.length - 1, j + last.length);
          return {x0: a.left + 1, y0: a.top + a.height / 2, x1: b.right - 1, y1: b.top + b.height / 2};
        }""",
        [first, last or first],
    )
    assert box, f"{first!r} or {last!r} is not in one text node of the page"
    page.mouse.move(box["x0"], box["y0"])
    page.mouse.down()
    page.mouse.move(box["x1"], box["y1"], steps=8)
    page.mouse.up()


def test_analyst_tags_first_sentence_with_a_chain_saves_reloads_and_submits(page, seeded, login):
    login("analyst")
    document = article_000()
    page.goto(document.get_absolute_url())

    page.locator("#doc-text .sentence").first.click()
    expect(page.get_by_role("heading", name="New claim")).to_be_visible()
    expect(page.locator("#claim-span-text")).to_have_text(FIRST_SENTENCE_000)
    page.get_by_role("radio", name="Sourced", exact=True).check()
    add_source(page, "Mehr", "Mehr News Agency")
    add_source(page, "al-Nahrain", "Al-Nahrain (Iraqi news outlet)")
    # The mentions were found in the sentence: the longest alias wins.
    expect(page.locator("#chain-list .chain-link").first.locator("q")).to_have_text("l’agence de presse Mehr")
    page.get_by_role("button", name="Save claim").click()
    expect(page.get_by_role("status").filter(has_text="Claim saved.")).to_be_visible()

    claim = Claim.objects.get(document=document)
    assert (claim.start, claim.end, claim.tag, claim.status) == (0, len(FIRST_SENTENCE_000), "sourced", "draft")
    chain = list(claim.attributions.order_by("position").select_related("source"))
    assert [a.source.slug for a in chain] == ["mehr", "al-nahrain"]
    assert [document.text[a.mention_start : a.mention_end] for a in chain] == ["l’agence de presse Mehr", "al-Nahrain"]

    page.reload()
    card = page.locator(f"#card-{claim.pk}")
    expect(card).to_contain_text("Mehr News Agency → Al-Nahrain (Iraqi news outlet)")
    expect(card).to_contain_text("Sourced")
    expect(card).to_contain_text("Draft")
    expect(page.locator(f'#doc-text mark[data-claims~="{claim.pk}"]').first).to_be_visible()

    card.get_by_role("link").click()
    expect(page.get_by_role("heading", name=f"Claim {claim.pk}")).to_be_visible()
    expect(page.get_by_role("radio", name="Sourced", exact=True)).to_be_checked()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("status").filter(has_text="Claim submitted for review.")).to_be_visible()
    expect(page.locator(".readonly-note")).to_contain_text("read-only")
    expect(page.get_by_role("button", name="Save claim")).to_have_count(0)
    expect(page.get_by_role("button", name="Delete claim")).to_have_count(0)
    expect(page.get_by_role("radio", name="Sourced", exact=True)).to_be_disabled()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED

    # Still read-only after a reload, opened from its card.
    page.reload()
    expect(page.locator(f"#card-{claim.pk}")).to_contain_text("Submitted")
    page.locator(f"#card-{claim.pk}").get_by_role("link").click()
    expect(page.locator(".readonly-note")).to_be_visible()
    expect(page.get_by_role("button", name="Save claim")).to_have_count(0)


def test_source_list_stays_open_when_the_focus_comes_back_at_once(page, seeded, login):
    # The list closes a moment after the combobox loses the focus; typing again within that
    # moment (a fast "Add source", then the next name) must keep the new list open.
    login("analyst")
    page.goto(article_000().get_absolute_url())
    page.locator("#doc-text .sentence").first.click()
    page.get_by_role("radio", name="Sourced", exact=True).check()
    combobox = page.get_by_role("combobox", name="Source")
    combobox.focus()
    page.get_by_role("button", name="Add source").focus()
    combobox.fill("al-Nah")
    page.wait_for_timeout(400)  # past the closing delay
    expect(page.get_by_role("listbox", name="Source")).to_be_visible()
    page.get_by_role("option", name="Al-Nahrain (Iraqi news outlet)").click()
    expect(combobox).to_have_value("Al-Nahrain (Iraqi news outlet)")


def test_mouse_selection_after_emoji_stores_code_point_offsets(page, seeded, login):
    text = "Le ministre 🎉🎉 a annoncé que 😀 la trêve tient 👍, selon l’agence Mehr.\nUne autre phrase 🙂 ici.\n"
    document = services.document_create(text=text, created_by=None, title="Emoji 🎉")
    target = "la trêve tient"
    start = text.index(target)
    # The browser's UTF-16 index of the same span is further on: three emoji before it.
    assert len(text[:start].encode("utf-16-le")) // 2 == start + 3

    login("analyst")
    page.goto(document.get_absolute_url())
    drag_select(page, target)
    expect(page.locator("#claim-span-text")).to_have_text(target)
    page.get_by_role("radio", name="Unsourced", exact=True).check()
    page.get_by_role("button", name="Save claim").click()
    expect(page.get_by_role("status").filter(has_text="Claim saved.")).to_be_visible()

    claim = Claim.objects.get(document=document)
    assert (claim.start, claim.end) == (start, start + len(target))
    assert claim.text == target == document.text[claim.start : claim.end]

    # A span across two sentences, with emoji before it and inside it.
    drag_select(page, "selon l’agence", "phrase 🙂 ici")
    across = text.index("selon l’agence"), text.index("phrase 🙂 ici") + len("phrase 🙂 ici")
    expect(page.get_by_role("heading", name="New claim")).to_be_visible()
    page.get_by_role("radio", name="Unsourced", exact=True).check()
    page.get_by_role("button", name="Save claim").click()
    expect(page.locator(".claim-card")).to_have_count(2)
    second = Claim.objects.exclude(pk=claim.pk).get(document=document)
    assert (second.start, second.end) == across
    assert second.text == "selon l’agence Mehr.\nUne autre phrase 🙂 ici"


def test_mention_marked_by_selection_and_keyboard_tagging(page, seeded, login):
    login("analyst")
    document = article_000()
    page.goto(document.get_absolute_url())
    # Keyboard: j/k move between sentences, Enter makes the current one a claim, "s" tags it sourced.
    for key in ("j", "j", "j", "k"):
        page.keyboard.press(key)
    expect(page.locator("#doc-text .sentence.focused")).to_have_attribute("data-index", "1")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="New claim")).to_be_visible()
    second = document.sentences.order_by("index")[1]
    expect(page.locator("#claim-span-text")).to_have_text(document.text[second.start : second.end])
    page.keyboard.press("s")
    expect(page.get_by_role("radio", name="Sourced", exact=True)).to_be_checked()
    add_source(page, "security source", "Iraqi security source (unnamed)")
    page.get_by_role("button", name="Mark mention of Iraqi security source (unnamed) in the text").click()
    drag_select(page, "a indiqué la source")
    expect(page.locator("#chain-list .chain-link q")).to_have_text("a indiqué la source")
    page.keyboard.press("Control+Enter")
    expect(page.get_by_role("status").filter(has_text="Claim saved.")).to_be_visible()
    claim = Claim.objects.get(document=document)
    link = claim.attributions.get()
    assert document.text[link.mention_start : link.mention_end] == "a indiqué la source"
    assert (claim.start, claim.end) == (second.start, second.end)

    # The help dialog opens with "?".
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()


def test_new_source_inline_and_chain_reordering(page, seeded, login):
    login("analyst")
    document = article_000()
    page.goto(document.get_absolute_url())
    page.locator("#doc-text .sentence").first.click()
    page.get_by_role("radio", name="Sourced", exact=True).check()
    add_source(page, "Mehr", "Mehr News Agency")
    page.get_by_text("New source").click()
    page.get_by_label("Name", exact=True).fill("Colonne de test")
    page.get_by_label("Kind").select_option("other")
    page.get_by_label("Aliases").fill("colonne militaire américaine")
    page.get_by_role("button", name="Create source and add it").click()
    links = page.locator("#chain-list .chain-link")
    expect(links).to_have_count(2)
    expect(links.last.locator("q")).to_have_text("colonne militaire américaine")
    page.get_by_role("button", name="Move Colonne de test up").click()
    expect(links.first).to_contain_text("Colonne de test")
    page.get_by_role("button", name="Remove Mehr News Agency from the chain").click()
    expect(links).to_have_count(1)
    page.get_by_role("button", name="Save claim").click()
    expect(page.get_by_role("status").filter(has_text="Claim saved.")).to_be_visible()
    claim = Claim.objects.get(document=document)
    assert [a.source.name for a in claim.attributions.all()] == ["Colonne de test"]
    assert Source.objects.filter(name="Colonne de test", kind="other").exists()


def several_claims(document: Document) -> Claim:
    """Claims of every kind on article 000 (sourced with a chain, submitted, rejected with a
    comment, overlapping); returns the rejected one."""
    from django.contrib.auth import get_user_model

    analyst = get_user_model().objects.get(username="analyst")
    reviewer = get_user_model().objects.get(username="reviewer")
    sentences = list(document.sentences.order_by("index"))
    text = document.text
    mehr, nahrain, iraqi, rassoul = (
        Source.objects.get(slug=slug) for slug in ("mehr", "al-nahrain", "iraqi-security-source", "yahya-rassoul")
    )

    def link(source, position, words, sentence):
        start = text.index(words, sentence.start)
        return services.Link(source, position, start, start + len(words))

    first, second, third, fourth = sentences[0], sentences[1], sentences[2], sentences[4]
    services.claim_create(
        document=document, user=analyst, start=first.start, end=first.end, tag="sourced",
        chain=[link(mehr, 0, "l’agence de presse Mehr", first), link(nahrain, 1, "al-Nahrain", first),
               link(iraqi, 2, "Une source de la sécurité irakienne", first)],
    )
    submitted = services.claim_create(
        document=document, user=analyst, start=second.start, end=second.end, tag="sourced",
        chain=[link(iraqi, 0, "a indiqué la source", second)],
    )
    services.claim_submit(claim=submitted, user=analyst)
    rejected = services.claim_create(
        document=document, user=analyst, start=third.start, end=third.end, tag="unsourced"
    )
    services.claim_submit(claim=rejected, user=analyst)
    services.claim_review(
        claim=rejected, reviewer=reviewer, decision="reject", reason="wrong_tag",
        comment="« circulent dans les médias irakiens » is a vague attribution: tag it sourced.",
    )
    words = "les forces de sécurité avaient réussi à identifier l’une des bases de Daech"
    inner = text.index(words)
    services.claim_create(
        document=document, user=analyst, start=inner, end=inner + len(words), tag="sourced",
        chain=[link(rassoul, 0, "Yahya Rassoul", sentences[3])],
    )
    services.claim_create(
        document=document, user=analyst, start=sentences[3].start, end=sentences[3].end, tag="unsourced"
    )
    services.claim_create(
        document=document, user=analyst, start=fourth.start, end=fourth.end, tag="sourced",
        chain=[link(rassoul, 0, "Yahya Rassoul", fourth)],
    )
    return rejected


def test_annotate_page_with_several_claims_opens_one_from_its_card(page, seeded, login):
    """Several claims of every kind, one opened from its card. (The README's screenshots are
    taken by `make screenshots`, not by the test suite.)"""
    document = article_000()
    rejected = several_claims(document)
    login("analyst")
    page.goto(document.get_absolute_url())
    page.locator(f"#card-{rejected.pk}").get_by_role("link").click()
    expect(page.locator(".review-note")).to_contain_text("vague attribution")
    # Opening a claim from its card scrolls the text to it and outlines it.
    current = page.locator(f'#doc-text mark.current[data-claims~="{rejected.pk}"]').first
    expect(current).to_be_in_viewport()
    expect(page.locator("#doc-text .hl-overlap").first).to_be_visible()
    expect(page.locator("#doc-text .hl-sourced").first).to_be_visible()
    expect(page.locator("#doc-text .hl-unsourced").first).to_be_visible()


def test_bad_input_in_the_editor_shows_messages_without_console_errors(page, seeded, login):
    login("analyst")
    document = article_000()
    page.goto(document.get_absolute_url())
    page.locator("#doc-text .sentence").nth(2).click()
    page.get_by_role("button", name="Save claim").click()
    expect(page.get_by_role("alert").filter(has_text="Tag: This field is required.")).to_be_visible()
    page.get_by_role("radio", name="Sourced", exact=True).check()
    page.get_by_role("button", name="Add source").click()
    expect(page.locator("#chain-errors")).to_contain_text("Choose a source from the list first")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("alert").filter(has_text="needs at least one source")).to_be_visible()
    page.get_by_text("New source").click()
    page.get_by_label("Name", exact=True).fill("Mehr")  # an alias of Mehr News Agency
    page.get_by_role("button", name="Create source and add it").click()
    expect(page.locator("#new-source-errors")).to_contain_text("exists already")
    assert not Claim.objects.filter(document=document).exists()
    # The page fixture fails the test if anything reached the browser console as an error.


CONTROL_WITHOUT_NAME = re.compile(
    r"^\s*- (button|link|textbox|searchbox|combobox|listbox|radio|checkbox|option|spinbutton|slider|dialog)(?: \[[^\]]*\])?(?::.*)?$",
    re.MULTILINE,
)


def unnamed_controls(page: Page) -> list[str]:
    return CONTROL_WITHOUT_NAME.findall(page.locator("body").aria_snapshot())


def test_every_control_has_an_accessible_name(page, seeded, login):
    login("analyst")
    document = article_000()
    for url in ("/", "/documents/add/", "/guidelines/"):
        page.goto(url)
        assert unnamed_controls(page) == [], url
    page.goto(document.get_absolute_url())
    page.locator("#doc-text .sentence").first.click()
    page.get_by_role("radio", name="Sourced", exact=True).check()
    add_source(page, "Mehr", "Mehr News Agency")
    page.get_by_role("combobox", name="Source").fill("al-Nah")
    expect(page.get_by_role("option", name="Al-Nahrain (Iraqi news outlet)")).to_be_visible()
    assert unnamed_controls(page) == []
    page.keyboard.press("Escape")
    expect(page.get_by_role("listbox", name="Source")).to_be_hidden()
    page.get_by_text("New source").click()
    expect(page.get_by_label("Kind")).to_be_visible()
    assert unnamed_controls(page) == []
    page.get_by_label("Name", exact=True).click()
    page.keyboard.press("?")  # typed into the field, not a shortcut
    expect(page.get_by_label("Name", exact=True)).to_have_value("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_hidden()
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    assert unnamed_controls(page) == []
