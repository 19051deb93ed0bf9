"""``manage.py import_annotations FILE --format doccano|labelstudio|jsonl --user NAME``: each file
all or nothing, read line by line from disk, with a progress bar on a terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims.annotation_batch import annotations_import
from claims.interchange import IMPORT_FORMATS, AnnotationImportError


class _Bar:
    """A tqdm bar per phase (checking, storing) of one file; silent when stderr is not a terminal."""

    def __init__(self, name: str, stream):
        self.name, self.stream, self.bar, self.phase = name, stream, None, None
        self.enabled = hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        if phase != self.phase:
            self.close()
            self.phase = phase
            self.bar = tqdm(total=total, desc=f"{self.name}: {phase}", unit=" doc", file=self.stream, leave=False)
        self.bar.total = total
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class Command(BaseCommand):
    help = "Import doccano JSONL, Label Studio JSON or our own JSONL export as draft claims of a user."
    # The system checks import every URL and view (and the suggestions' modules with them) before
    # the import starts; `manage.py check` and the server run them.
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE")
        parser.add_argument("--format", required=True, choices=IMPORT_FORMATS)
        parser.add_argument("--user", required=True, help="The analyst the claims will belong to.")

    def handle(self, *args, paths, format: str, user, **options):
        account = get_user_model().objects.filter(username=user).first()
        if account is None:
            raise CommandError(f"--user: no user {user!r}")
        failed = 0
        for raw in paths:
            path = Path(raw)
            if not path.is_file():
                failed += 1
                self.stderr.write(f"error: {path}: cannot read (no such file)")
                continue
            bar = _Bar(path.name, sys.stderr)
            try:
                report = annotations_import(path=path, name=path.name, via="manage.py import_annotations", fmt=format, user=account, progress=bar)
            except OSError as exc:
                failed += 1
                self.stderr.write(f"error: {path}: cannot read ({exc.strerror})")
                continue
            except AnnotationImportError as exc:
                failed += 1
                self.stderr.write(f"error: {path}: refused, nothing imported from it ({len(exc.errors)} problem(s)):")
                for error in exc.errors:
                    self.stderr.write(f"error: {path}: {error}")
                continue
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from None
            finally:
                bar.close()
            self.stdout.write(
                f"{path}: {report.claims_created} claim(s) created, {report.claims_skipped} already there; "
                f"{report.documents_created} document(s) created, {report.documents_matched} matched; "
                f"{report.sources_created} source(s) created."
            )
        if failed:
            sys.exit(1)
