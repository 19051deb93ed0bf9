"""``manage.py seed``: the source registry, the seed articles and (in DEBUG) the demo users.

Idempotent: sources are matched by slug, articles by content hash, users by username.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from claims.demo_project import seed_demo_project
from claims.importing import import_file, parse_article_file
from claims.models import Source
from claims.permissions import ANALYST_GROUP, MANAGER_GROUP, REVIEWER_GROUP
from claims.services import normalise_aliases

FIXTURES = Path(settings.BASE_DIR) / "fixtures"

# The contract's demo users: (username, password, group or None for a superuser).
DEMO_USERS = (
    ("analyst", "analyst-demo", ANALYST_GROUP),
    ("analyst2", "analyst-demo", ANALYST_GROUP),
    ("reviewer", "reviewer-demo", REVIEWER_GROUP),
    ("admin", "admin-demo", None),
)


def import_text(path: Path) -> str:
    """The text a seed file is stored with (as the import reads it)."""
    return parse_article_file(path.name, path.read_bytes())[0].text


class Command(BaseCommand):
    help = "Load the source registry, the seed articles and, when DEBUG is on, the demo users."

    def handle(self, *args, **options):
        for name in (ANALYST_GROUP, REVIEWER_GROUP, MANAGER_GROUP):
            Group.objects.get_or_create(name=name)
        created, updated = self.load_sources(FIXTURES / "sources.json")
        self.stdout.write(f"Sources: {created} created, {updated} updated.")
        imported = skipped = 0
        for path in sorted((FIXTURES / "articles").glob("*.txt")):
            result = import_file(path.name, path.read_bytes(), user=None, skip_duplicates=True)
            if not result.ok:
                raise CommandError(f"{path}: {result.error}")
            imported += len(result.documents)
            skipped += result.skipped
        self.stdout.write(f"Articles: {imported} imported, {skipped} already there.")
        if settings.SEED_DEMO_USERS:
            self.stdout.write(f"Demo users: {self.create_demo_users()} created.")
            texts = {path.name[:3]: import_text(path) for path in sorted((FIXTURES / "articles").glob("*.txt"))}
            project = seed_demo_project(texts=texts)
            self.stdout.write(f"Demo project: {project.name if project else 'not created'}.")
        else:
            self.stdout.write("Demo users: not created (DEBUG is off).")

    @transaction.atomic
    def load_sources(self, path: Path) -> tuple[int, int]:
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"{path}: {exc}") from None
        created = updated = 0
        for entry in entries:
            defaults = {
                "name": entry["name"],
                "kind": entry["kind"],
                "aliases": normalise_aliases(entry.get("aliases", [])),
                "country": entry.get("country", ""),
                "url": entry.get("url", ""),
                "description": entry.get("description", ""),
            }
            # Fields the registry pages added: only set when the fixture gives them.
            defaults.update({key: entry[key] for key in ("affiliation", "language") if key in entry})
            # all_objects: a source merged into another keeps its slug and must not come back.
            source, was_created = Source.all_objects.get_or_create(slug=entry["slug"], defaults=defaults)
            if was_created:
                created += 1
            elif any(getattr(source, key) != value for key, value in defaults.items()):
                Source.all_objects.filter(pk=source.pk).update(**defaults)
                updated += 1
        return created, updated

    def create_demo_users(self) -> int:
        User = get_user_model()
        created = 0
        for username, password, group in DEMO_USERS:
            if User.objects.filter(username=username).exists():
                continue
            if group is None:
                User.objects.create_superuser(username=username, password=password, email="")
            else:
                user = User.objects.create_user(username=username, password=password)
                user.groups.add(Group.objects.get(name=group))
            created += 1
        return created
