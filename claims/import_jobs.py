"""Annotation imports started from the page: the upload is spooled to disk, a task imports it
(``claims.tasks.run_import_job``) and records its progress, which the page polls.

The import itself is ``claims.annotation_batch.annotations_import``: one transaction, so its
progress is written through a second, autocommit connection (otherwise nobody would see it
before the end).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction

from claims import permissions
from claims.annotation_batch import annotations_import
from claims.interchange import IMPORT_FORMATS, AnnotationImportError
from claims.models import ImportJob, ImportJobState

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

logger = logging.getLogger(__name__)

PROGRESS_EVERY = 1.0  # seconds between two progress writes


def import_job_get(*, user: "AbstractBaseUser", job_id: int) -> ImportJob | None:
    """A job its user (or an administrator) may see; None for anyone else, as for a missing one."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or (job.user_id != user.pk and not permissions.is_admin(user)):
        return None
    return job


def spool_dir() -> Path:
    path = Path(settings.IMPORT_SPOOL_DIR or Path(tempfile.gettempdir()) / "annotator-imports")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _spool(upload: UploadedFile) -> Path:
    """Keep the upload where the worker can read it: a streamed upload's temporary file is moved
    (no copy), a small in-memory one written out."""
    fd, name = tempfile.mkstemp(prefix="import-", suffix=".upload", dir=spool_dir())
    os.close(fd)
    target = Path(name)
    temporary = getattr(upload, "temporary_file_path", None)
    if temporary is not None:
        # Renamed while open, as Django's storage does: closing a temporary upload deletes it.
        shutil.move(temporary(), target)
        upload.file.close()
    else:
        with open(target, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    return target


def import_job_create(*, user: "AbstractBaseUser", upload: UploadedFile, fmt: str) -> ImportJob:
    """Spool the upload and queue its import; the job is returned at once (state queued)."""
    if not permissions.can_annotate(user):
        raise ValidationError("Only analysts can import annotations.", code="permission")
    if fmt not in IMPORT_FORMATS:
        raise ValidationError({"format": f"Unknown import format {fmt!r}; one of {', '.join(IMPORT_FORMATS)}."})
    if upload.size > settings.ANNOTATION_IMPORT_MAX_BYTES:
        raise ValidationError({"file": f"The file is {upload.size:,} bytes, over the limit of {settings.ANNOTATION_IMPORT_MAX_BYTES:,}."})
    path = _spool(upload)
    job = ImportJob.objects.create(user=user, format=fmt, file_name=upload.name[:255], size=upload.size, path=str(path))
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    from claims.tasks import run_import_job

    run_import_job.enqueue(job_id)


class _ProgressWriter:
    """Writes a job's progress through its own autocommit connection, at most once a second."""

    def __init__(self, job_id: int):
        self.job_id, self.last, self.conn = job_id, 0.0, None
        try:
            params = connection.get_connection_params()
            params.pop("cursor_factory", None)
            params.pop("context", None)
            self.conn = psycopg.connect(**params, autocommit=True)
        except Exception:  # progress is a nicety: the import goes on without it
            logger.warning("no progress connection for import job %s", job_id, exc_info=True)

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if self.conn is None or now - self.last < PROGRESS_EVERY:
            return
        self.last = now
        self.conn.execute(
            "UPDATE claims_importjob SET phase = %s, done = %s, total = %s, updated_at = now() WHERE id = %s",
            [phase, done, total, self.job_id],
        )

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def import_job_run(*, job_id: int) -> str:
    """Import a spooled upload and record the outcome on its job; returns the final state."""
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    if job.finished:
        return job.state
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJobState.RUNNING, phase="checking")
    progress = _ProgressWriter(job.pk)
    try:
        report = annotations_import(
            path=job.path, name=job.file_name, via="/imports/annotations/", fmt=job.format, user=job.user, progress=progress
        )
    except AnnotationImportError as exc:
        state, fields = ImportJobState.FAILED, {"errors": exc.errors}
    except ValidationError as exc:
        state, fields = ImportJobState.FAILED, {"errors": exc.messages}
    except OSError as exc:
        state, fields = ImportJobState.FAILED, {"errors": [f"cannot read the upload ({exc.strerror})"]}
    except Exception:  # recorded on the job (the page says so), and in the task's result
        ImportJob.objects.filter(pk=job.pk).update(
            state=ImportJobState.FAILED, phase="", path="", errors=["the import failed on the server; nothing was imported"]
        )
        raise
    else:
        state = ImportJobState.DONE
        fields = {"report": {name: getattr(report, name) for name in report.__slots__}, "done": report.documents_created + report.documents_matched}
    finally:
        progress.close()
        Path(job.path).unlink(missing_ok=True)
    ImportJob.objects.filter(pk=job.pk).update(state=state, phase="", path="", **fields)
    return state
