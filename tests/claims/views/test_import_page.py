"""Importing annotations through the page: the upload becomes a job, a task imports it, the job's
page shows a progress bar (polled with htmx) and then the outcome; limits; who may see a job."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims import annotation_batch
from claims.models import Claim, Document, ImportJob
from tests.api.conftest import TEXT, client_for
from tests.factories import UserFactory


def doccano(*lines: dict) -> bytes:
    return "\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode()


GOOD = doccano({"text": TEXT, "label": [[0, TEXT.index("\n"), "UNSOURCED"]]})


@pytest.fixture
def page(client, analyst):
    client.force_login(analyst)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("in_memory", [True, False], ids=["small upload", "upload streamed to disk"])
def test_an_upload_is_imported_by_a_task_and_its_page_shows_the_outcome(
    page, analyst, django_capture_on_commit_callbacks, settings, in_memory
):
    if not in_memory:
        settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100  # Django's handlers write it to a temporary file
    assert "Annotation file" in page.get("/imports/annotations/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = page.post(
            "/imports/annotations/", {"file": SimpleUploadedFile("mine.jsonl", GOOD), "format": "doccano"}
        )
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/imports/{job.pk}/"
    assert job.state == "done" and job.report["claims_created"] == 1 and job.path == ""
    assert Claim.objects.get().annotator == analyst
    html = page.get(f"/imports/{job.pk}/").content.decode()
    assert "Imported: 1 claim created" in html and "<progress" in html
    assert 'hx-trigger="every' not in html  # finished: no more polling


@pytest.mark.django_db
def test_a_running_job_is_polled_with_a_progress_bar(page, analyst):
    job = ImportJob.objects.create(user=analyst, format="doccano", file_name="big.jsonl", state="running",
                                   phase="storing", done=4000, total=10000)  # fmt: skip
    fragment = page.get(f"/imports/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment
    assert 'hx-trigger="every 1s"' in fragment and f'hx-get="/imports/{job.pk}/"' in fragment
    assert 'max="10000" value="4000"' in fragment and "Storing: 4000 of 10000 documents." in fragment


@pytest.mark.django_db
def test_a_bad_file_is_refused_with_every_bad_line_on_the_job_page(page, django_capture_on_commit_callbacks):
    data = doccano({"text": "Court.", "label": [[0, 99, "UNSOURCED"]]}, {"text": "Bien.", "label": []}) + b"\n{oops"
    with django_capture_on_commit_callbacks(execute=True):
        page.post("/imports/annotations/", {"file": SimpleUploadedFile("bad.jsonl", data), "format": "doccano"})
    job = ImportJob.objects.get()
    assert job.state == "failed" and [e.split(":")[0] for e in job.errors] == ["line 1", "line 3"]
    html = page.get(f"/imports/{job.pk}/").content.decode()
    assert "Refused: nothing was imported" in html and "line 3: invalid JSON" in html
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_the_page_refuses_a_file_over_the_limit_and_a_missing_file(page, settings):
    settings.ANNOTATION_IMPORT_MAX_BYTES = 100
    response = page.post("/imports/annotations/", {"file": SimpleUploadedFile("big.jsonl", GOOD), "format": "doccano"})
    assert response.status_code == 413 and "too large" in response.content.decode()
    settings.ANNOTATION_IMPORT_MAX_BYTES = 10**9
    response = page.post("/imports/annotations/", {"format": "doccano"})
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_a_job_is_seen_only_by_its_user(client, analyst):
    job = ImportJob.objects.create(user=analyst, format="doccano", file_name="a.jsonl")
    client.force_login(UserFactory(username="other"))
    assert client.get(f"/imports/{job.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_api_reads_a_large_upload_from_its_temporary_file(analyst, settings, monkeypatch):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100  # anything larger is streamed to disk
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100  # the other bodies' limit does not apply to imports
    calls = []
    real = annotation_batch.annotations_import

    def spy(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(annotation_batch, "annotations_import", spy)
    response = client_for(analyst).post(
        "/api/v1/import/annotations/?format=doccano", {"file": SimpleUploadedFile("a.jsonl", GOOD)}, format="multipart"
    )
    assert response.status_code == 201, response.json()
    assert calls[0]["data"] is None and ".upload" in str(calls[0]["path"])
    settings.ANNOTATION_IMPORT_MAX_BYTES = 100
    response = client_for(analyst).post(
        "/api/v1/import/annotations/?format=doccano", {"file": SimpleUploadedFile("a.jsonl", GOOD)}, format="multipart"
    )
    assert response.status_code == 413
