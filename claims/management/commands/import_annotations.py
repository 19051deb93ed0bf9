"""``manage.py import_annotations FILE --format doccano|labelstudio --user NAME``: each file all or nothing."""

from __future__ import annotations

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from claims.interchange import IMPORT_FORMATS, AnnotationImportError, annotations_import


class Command(BaseCommand):
    help = "Import doccano JSONL or Label Studio JSON annotations as draft claims of a user."

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
            try:
                data = path.read_bytes()
            except OSError as exc:
                failed += 1
                self.stderr.write(f"error: {path}: cannot read ({exc.strerror})")
                continue
            try:
                report = annotations_import(data=data, fmt=format, user=account)
            except AnnotationImportError as exc:
                failed += 1
                self.stderr.write(f"error: {path}: refused, nothing imported from it ({len(exc.errors)} problem(s)):")
                for error in exc.errors:
                    self.stderr.write(f"error: {path}: {error}")
                continue
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from None
            self.stdout.write(
                f"{path}: {report.claims_created} claim(s) created, {report.claims_skipped} already there; "
                f"{report.documents_created} document(s) created, {report.documents_matched} matched; "
                f"{report.sources_created} source(s) created."
            )
        if failed:
            sys.exit(1)
