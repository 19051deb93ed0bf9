"""``manage.py suggest_claims FILE --format json|text``: attribution suggestions for a raw text
file, written to stdout. Nothing is stored.

Offsets are code points into the file's text exactly as read: UTF-8, line ends untouched.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.text import attribution
from claims.text.registry import Registry, entries_from_json


def read_text(path: Path) -> str:
    """The file's text, or ``CommandError`` saying in one line why it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise CommandError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise CommandError(f"{path}: the file is empty")
    return text


FALLBACK_REGISTRY = "fixtures/sources.json"


def load_registry(path: str | None, warn=None) -> Registry:
    """The registry from a sources JSON file (``fixtures/sources.json`` shape), else the
    database; a database whose registry is empty falls back to ``fixtures/sources.json``
    (``warn`` is told so in one line), or stops with one line saying what to do."""
    if path:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return Registry(entries_from_json(data))
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: cannot read the registry ({exc})") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise CommandError(f"{path}: not a registry file ({exc})") from None
    from django.db import DatabaseError

    from claims.suggestions import registry

    try:
        found = registry()
    except DatabaseError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CommandError(
            f"cannot read the source registry from the database ({first_line}); "
            "pass --registry fixtures/sources.json to use the file"
        ) from None
    if len(found):
        return found
    # Without sources every chain would be made of new sources: say so rather than go on quietly.
    fallback = Path(settings.BASE_DIR) / FALLBACK_REGISTRY
    if not fallback.is_file():
        raise CommandError(
            "the source registry in the database is empty; load the seed data or pass --registry FILE"
        )
    if warn is not None:
        warn(f"the source registry in the database is empty: using {FALLBACK_REGISTRY} instead")
    return load_registry(str(fallback))


class Command(BaseCommand):
    help = "Print attribution suggestions for a UTF-8 text file (nothing is stored)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A UTF-8 text file: one article.")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument(
            "--registry",
            metavar="SOURCES_JSON",
            help="Read the source registry from this file (fixtures/sources.json shape) instead of the database.",
        )

    def handle(self, *args, file, format, registry, **options):
        text = read_text(Path(file))
        sources = load_registry(registry, warn=lambda line: self.stderr.write(line))
        sentences = attribution.suggest(text, sources)
        if format == "json":
            self.stdout.write(json.dumps(to_json(sentences), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(to_text(sentences))


def to_json(sentences: list[attribution.SentenceSuggestion]) -> dict:
    """The contract's shape: claim sentences under "sentences", the other segments under "skipped"."""
    return {
        "sentences": [s.to_dict() for s in sentences if s.is_claim],
        "skipped": [
            {"start": s.start, "end": s.end, "text": s.text, "kind": s.kind} for s in sentences if not s.is_claim
        ],
    }


def to_text(sentences: list[attribution.SentenceSuggestion]) -> str:
    lines = []
    for s in sentences:
        if not s.is_claim:
            lines.append(f"[{s.start}-{s.end}] ({s.kind}, not a claim) {s.text}")
            continue
        flags = f" [{', '.join(s.flags)}]" if s.flags else ""
        lines.append(f"[{s.start}-{s.end}] {s.tag.upper()}{flags} {s.confidence:.2f}  {s.text}")
        for position, link in enumerate(s.links):
            source = link.source
            known = source.slug if source.slug else "new source"
            mention = f"«{link.mention.text}» [{link.mention.start}-{link.mention.end}]" if link.mention else "-"
            cue = f" cue «{link.cue.text}»" if link.cue else ""
            vague = " VAGUE" if link.vague else ""
            lines.append(
                f"    {position}. {source.name} ({source.kind}, {known}){vague}  {mention}{cue}"
                f"  {link.rule} {link.confidence:.2f}"
            )
    return "\n".join(lines)
