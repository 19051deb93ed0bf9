"""``manage.py queue_suggestions [ID...] [--all]``: (re)compute attribution suggestions.

Imports queue their documents by themselves; this is for documents stored before suggestions
existed, for those whose computation failed, or after the registry changed (``--all``). The
worker (``manage.py db_worker``, started by ``make run``) does the work.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from claims.models import Document, SuggestionState
from claims.tasks import suggestions_queue


class Command(BaseCommand):
    help = "Queue attribution suggestions for documents (default: those never computed or failed)."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Document ids (default: every document not ready).")
        parser.add_argument("--all", action="store_true", help="Every document, computed or not.")

    def handle(self, *args, ids, all, **options):
        documents = Document.objects.all()
        if ids:
            documents = documents.filter(pk__in=ids)
            missing = sorted(set(ids) - set(documents.values_list("pk", flat=True)))
            if missing:
                raise CommandError(f"no document with id {', '.join(map(str, missing))}")
        elif not all:
            documents = documents.filter(suggestion_state__in=[SuggestionState.NONE, SuggestionState.FAILED])
        queued = list(documents.order_by("pk").values_list("pk", flat=True))
        suggestions_queue(document_ids=queued)
        self.stdout.write(f"Queued {len(queued)} document(s) for suggestions.")
