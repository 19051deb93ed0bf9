"""The set-wise annotation import: history of imported claims, our own JSONL round trip, sentences
written after the import (the annotate page says "preparing" until then), a bad line anywhere in
a large file, and a number of queries that does not grow with the file."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import annotation_batch
from claims.models import Claim, ClaimEvent, Document, Sentence, Source
from claims.models import AttributionEvent
from tests.api.conftest import TEXT, client_for, span_of
from tests.claims.test_interchange import corpus, exported, import_through_api, snapshot  # noqa: F401
from claims.text.segmentation import provisional_title, title_of
from tests.factories import DocumentFactory, SourceFactory


def doccano_line(text: str, labels: list) -> str:
    return json.dumps({"text": text, "label": labels}, ensure_ascii=False)


def sourced_line(text: str, n: int) -> str:
    """A relation-project doccano line: one sourced claim citing Mehr (named in the text)."""
    mehr = span_of(text, "Mehr")
    return json.dumps({"text": text, "entities": [
        {"id": f"c{n}", "label": "SOURCED", "start_offset": 0, "end_offset": len(text)},
        {"id": f"m{n}", "label": "mehr", "start_offset": mehr[0], "end_offset": mehr[1]},
    ], "relations": [{"id": n, "from_id": f"c{n}", "to_id": f"m{n}", "type": "cites"}]}, ensure_ascii=False)  # fmt: skip


@pytest.mark.django_db
def test_the_history_of_imported_claims_says_who_imported_them_and_when(analyst):
    SourceFactory(slug="mehr", name="Mehr News Agency")
    data = "\n".join(sourced_line(f"Selon l’agence Mehr, le convoi {n} est passé.", n) for n in range(3)).encode()
    response = import_through_api(analyst, "doccano", data, name="convois.jsonl")
    assert response.status_code == 201, response.json()

    claims = list(Claim.objects.order_by("pk"))
    assert len(claims) == 3
    # One audit context for the whole file, naming the user, the endpoint and the file.
    events = list(ClaimEvent.objects.filter(pgh_obj_id__in=[c.pk for c in claims]).select_related("pgh_context"))
    link_events = list(AttributionEvent.objects.filter(claim_id__in=[c.pk for c in claims]))
    assert len(events) == 3 and len(link_events) == 3
    assert len({e.pgh_context_id for e in events} | {e.pgh_context_id for e in link_events}) == 1
    metadata = events[0].pgh_context.metadata
    assert metadata["user"] == analyst.pk and metadata["file"] == "convois.jsonl"
    assert metadata["url"] == "/api/v1/import/annotations/"

    history = client_for(analyst).get(f"/api/v1/claims/{claims[0].pk}/history/").json()
    assert [(step["user"], step["action"]) for step in history] == [("ann", "created")]
    assert history[0]["when"] and history[0]["via"] == "/api/v1/import/annotations/"


@pytest.mark.django_db
def test_our_own_jsonl_export_round_trips(corpus, admin_user, analyst):  # noqa: F811
    data = exported(admin_user, "jsonl")
    Claim.objects.all().delete()
    Source.objects.all().delete()  # the export describes its sources: they are made again

    response = import_through_api(analyst, "jsonl", data)
    assert response.status_code == 201, response.json()
    assert set(snapshot()) == set(corpus)
    assert sum(snapshot().values()) == sum(corpus.values()) - 1  # two analysts' same claim: one of ann's
    assert response.json()["documents_matched"] == sum(corpus.values())
    # Importing it again changes nothing.
    again = import_through_api(analyst, "jsonl", data).json()
    assert again["claims_created"] == 0 and Claim.objects.count() == sum(corpus.values()) - 1


@pytest.mark.django_db
def test_jsonl_lines_must_match_the_stored_text(corpus, admin_user, analyst):  # noqa: F811
    lines = exported(admin_user, "jsonl").decode().splitlines()
    first, second = json.loads(lines[0]), json.loads(lines[1])
    first["start"] += 1  # the claim's text no longer matches the offsets
    second["document"] = 987654
    data = "\n".join([json.dumps(first), json.dumps(second), *lines[2:]]).encode()
    before = Claim.objects.count()
    response = import_through_api(analyst, "jsonl", data)
    assert response.status_code == 400
    errors = response.json()["file"]
    assert errors[0].startswith("line 1: claim [") and "offsets must count code points" in errors[0]
    assert errors[1] == "line 2: document 987654 does not exist"
    assert Claim.objects.count() == before


@pytest.mark.django_db
def test_sentences_are_written_after_the_import_and_the_page_says_preparing(
    analyst, client, django_capture_on_commit_callbacks
):
    data = doccano_line(TEXT, [[0, TEXT.index("\n"), "UNSOURCED"]]).encode()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert import_through_api(analyst, "doccano", data).status_code == 201
    document = Document.objects.get()
    assert not Sentence.objects.exists()  # stored and exportable before any segmentation
    client.force_login(analyst)
    page = client.get(f"/documents/{document.pk}/").content.decode()
    assert "Preparing this document" in page and f'hx-get="/documents/{document.pk}/prepared/"' in page
    assert client.get(f"/documents/{document.pk}/prepared/", HTTP_HX_REQUEST="true").status_code == 204

    for callback in callbacks:  # the commit: sentences (and suggestions) are queued, run inline here
        callback()
    assert Sentence.objects.filter(document=document).count() == 3
    response = client.get(f"/documents/{document.pk}/prepared/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response["HX-Refresh"] == "true"
    assert "Preparing this document" not in client.get(f"/documents/{document.pk}/").content.decode()


@pytest.mark.django_db
def test_a_bad_line_anywhere_in_a_large_file_refuses_it_with_every_bad_line(analyst):
    lines = [doccano_line(f"Le convoi numéro {n} est passé.", [[0, 9, "UNSOURCED"]]) for n in range(2500)]
    lines[5] = "{oops"
    lines[1700] = doccano_line("Court.", [[0, 99, "UNSOURCED"]])
    lines[2499] = doccano_line("Un blanc.", [[2, 3, "UNSOURCED"]])  # found by the service's rules
    response = import_through_api(analyst, "doccano", "\n".join(lines).encode())
    assert response.status_code == 400
    assert [e.split(":")[0] for e in response.json()["file"]] == ["line 6", "line 1701", "line 2500"]
    assert "white space" in response.json()["file"][2]
    assert not Document.objects.exists() and not Claim.objects.exists()


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_file(analyst):
    SourceFactory(slug="mehr", name="Mehr News Agency")

    def queries(count: int, tag: str) -> int:
        data = "\n".join(sourced_line(f"Selon Mehr, le convoi {tag}{n} est passé.", n) for n in range(count)).encode()
        with CaptureQueriesContext(connection) as captured:
            report = annotation_batch.annotations_import(data=data, fmt="doccano", user=analyst)
        assert report.claims_created == count
        return len(captured)

    queries(1, "warm")  # the user's groups are read once, then cached on the user
    assert queries(3, "a") == queries(300, "b") <= 10
    assert Claim.objects.count() == 304 and Document.objects.count() == 304


@pytest.mark.django_db
def test_tasks_are_queued_in_one_statement_with_the_database_backend(settings, django_assert_num_queries):
    from django_tasks_db.models import DBTaskResult

    from claims.task_batches import enqueue_each
    from claims.tasks import segment_documents

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # Django resets the backends
    with django_assert_num_queries(1):
        enqueue_each(segment_documents, [([1, 2],), ([3],), ([4],)])
    rows = list(DBTaskResult.objects.all())
    assert sorted(r.args_kwargs["args"] for r in rows) == [[[1, 2]], [[3]], [[4]]]
    assert all(r.task_path == "claims.tasks.segment_documents" and r.priority == 10 for r in rows)
    assert DBTaskResult.objects.ready().count() == 3  # "no delay", as enqueue() writes it


@pytest.mark.django_db
def test_the_title_and_the_search_vector_come_with_the_sentences(analyst, django_capture_on_commit_callbacks):
    text = "Partager Cet Article\n" + TEXT  # a share line first: the segmenter's title skips it
    data = doccano_line(text, [[text.index("Une"), text.index("\n", 30), "UNSOURCED"]]).encode()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert import_through_api(analyst, "doccano", data).status_code == 201
    document = Document.objects.get()
    assert document.title == provisional_title(text) == "Partager Cet Article"
    assert not Document.objects.search("colonne").exists()  # the French stemming is left for later

    for callback in callbacks:
        callback()
    document.refresh_from_db()
    assert document.title == title_of(text) != "Partager Cet Article"
    assert list(Document.objects.search("colonnes militaires")) == [document]


@pytest.mark.django_db
def test_documents_stored_one_by_one_are_searchable_at_once_and_follow_their_title(analyst):
    document = DocumentFactory(title="Un convoi à Falloujah", text="Le ministère a annoncé la reprise des combats.")
    assert list(Document.objects.search("ministère")) == [document]
    assert list(Document.objects.search("Falloujah")) == [document]
    Document.objects.filter(pk=document.pk).update(title="Une colonne à Ramadi")
    assert list(Document.objects.search("Ramadi")) == [document]
    assert not Document.objects.search("Falloujah").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("keep_bytes", [annotation_batch.KEEP_BYTES, 0], ids=["kept from the check", "read again"])
def test_a_file_is_written_the_same_whether_the_check_pass_kept_it_or_not(analyst, monkeypatch, keep_bytes):
    monkeypatch.setattr(annotation_batch, "KEEP_BYTES", keep_bytes)
    lines = [
        doccano_line("Le convoi est passé. Il est reparti.", [[0, 20, "UNSOURCED"]]),
        doccano_line("Un autre texte.", [[0, 15, "UNSOURCED"]]),
        doccano_line("Le convoi est passé. Il est reparti.", [[0, 20, "UNSOURCED"], [21, 36, "UNSOURCED"]]),
    ]
    response = import_through_api(analyst, "doccano", "\n".join(lines).encode())
    assert response.status_code == 201, response.json()
    report = response.json()
    assert (report["documents_created"], report["documents_matched"]) == (2, 1)
    assert (report["claims_created"], report["claims_skipped"]) == (3, 1)  # the repeated span once
    assert sorted(Claim.objects.values_list("text", flat=True)) == ["Il est reparti.", "Le convoi est passé.", "Un autre texte."]
