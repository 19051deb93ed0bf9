"""Importing annotations through the page, in a real browser; the annotate page of a document
whose sentences are not written yet says so and reloads itself once they are."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Claim, Document, Sentence
from claims.segmenting import documents_segment

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "Le convoi est passé par Mossoul, selon l’agence Mehr.\nLes combats continuent. Aucun bilan n’est donné.\n"


def test_an_annotation_file_is_imported_through_the_page(page, seeded, login, tmp_path):
    path = tmp_path / "convoi.jsonl"
    path.write_text(json.dumps({"text": TEXT, "label": [[0, TEXT.index("\n"), "UNSOURCED"]]}, ensure_ascii=False))
    login("analyst")
    page.goto("/documents/add/")
    page.get_by_role("link", name="Import annotations").click()
    page.get_by_label("Annotation file").set_input_files(str(path))
    page.get_by_label("Format").select_option("doccano")
    page.get_by_role("button", name="Upload and import").click()

    expect(page.get_by_role("heading", name="Import of convoi.jsonl")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Imported: 1 claim created")
    expect(page.get_by_role("progressbar", name="Import progress")).to_have_attribute("value", "1")
    claim = Claim.objects.get(document__text=TEXT)
    assert claim.annotator.username == "analyst" and claim.tag == "unsourced"


def test_the_annotate_page_says_preparing_then_reloads_with_the_sentences(page, seeded, login):
    document = services.document_create(text=TEXT, title="Convoi", created_by=None)
    Sentence.objects.filter(document=document).delete()  # as just after an annotation import
    login("analyst")
    page.goto(document.get_absolute_url())
    expect(page.get_by_role("status").filter(has_text="Preparing this document")).to_be_visible()
    assert page.locator("#doc-text .sentence").count() == 0

    documents_segment(document_ids=[document.pk])  # the task's work
    expect(page.locator("#doc-text .sentence")).to_have_count(3, timeout=15_000)  # the page polled and reloaded
    expect(page.get_by_text("Preparing this document")).to_have_count(0)
    assert Document.objects.get(pk=document.pk).sentences.count() == 3
