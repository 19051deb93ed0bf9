"""``manage.py import_articles PATH...``: import .txt, .json and .jsonl articles."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims.importing import SUPPORTED_SUFFIXES, import_file
from claims.models import Project

# Below this many files a progress bar is noise.
PROGRESS_BAR_FROM = 10


class Command(BaseCommand):
    help = "Import articles from .txt, .json or .jsonl files (each file all-or-nothing)."
    # The system checks import every URL and view (and the suggestions' modules with them) before
    # the import starts; `manage.py check` and the server run them.
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, or folders whose .txt/.json/.jsonl files to import.")
        parser.add_argument(
            "--skip-duplicates", action="store_true", help="Pass over articles already stored instead of refusing the file."
        )
        parser.add_argument("--project", type=int, metavar="ID", help="Put the articles in this project (its id).")

    def handle(self, *args, paths, skip_duplicates, project=None, **options):
        target = None
        if project is not None:
            target = Project.objects.filter(pk=project).first()
            if target is None:
                raise CommandError(f"--project: no project with id {project}")
        files = list(self._expand(paths))
        imported = skipped = failed = 0
        progress = tqdm(files, unit="file", disable=len(files) < PROGRESS_BAR_FROM, file=sys.stderr)
        for path in progress:
            try:
                data = path.read_bytes()
            except OSError as exc:
                failed += 1
                self.stderr.write(f"error: {path}: cannot read ({exc.strerror})")
                continue
            result = import_file(str(path), data, user=None, skip_duplicates=skip_duplicates, project=target)
            if result.ok:
                imported += len(result.documents)
                skipped += result.skipped
            else:
                failed += 1
                progress.write(f"error: {path}: {result.error}", file=self.stderr._out)
        summary = f"Imported {imported} document(s) from {len(files) - failed} file(s)"
        if skipped:
            summary += f", skipped {skipped} duplicate(s)"
        if failed:
            summary += f"; {failed} file(s) rejected, nothing stored from them"
        self.stdout.write(summary + ".")
        if failed:
            sys.exit(1)

    def _expand(self, paths):
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                yield from sorted(p for p in path.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES)
            elif path.exists():
                yield path
            else:
                raise CommandError(f"{raw}: no such file or folder")
