"""Article import: parse .txt / .json / .jsonl files and store each file in one transaction.

Used by ``manage.py import_articles``, the "Add articles" page and the seed command, so that
all three accept and refuse exactly the same files with the same messages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from claims import services
from claims.input_checks import JSONTooDeep, loads_json
from claims.models import Document, Source

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from claims.models import Project

SUPPORTED_SUFFIXES = (".txt", ".json", ".jsonl")
ARTICLE_FIELDS = {"title", "text", "publisher", "url", "published_at", "language"}


class ImportFileError(Exception):
    """A file that cannot be imported; the message says where and why, in one line."""


@dataclass(frozen=True, slots=True)
class ArticleInput:
    text: str
    title: str = ""
    publisher: str = ""  # a registry slug, name or alias
    url: str = ""
    published_at: datetime | None = None
    language: str = "fr"
    where: str = ""  # "line 3" in a JSONL file, "item 2" in a JSON array


@dataclass(slots=True)
class FileResult:
    name: str
    documents: list[Document] = field(default_factory=list)
    skipped: int = 0  # duplicates passed over with skip_duplicates
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def _decode(name: str, data: bytes) -> str:
    if not data.strip():
        raise ImportFileError("the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded)"
        ) from None
    if not text.strip():
        raise ImportFileError("the file holds only white space")
    return text


def _published_at(value: Any, where: str) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:  # well-formed but impossible ("9999-99-99") raises ValueError
            moment = parse_datetime(value)
            if moment is None and (day := parse_date(value)) is not None:
                moment = datetime.combine(day, time.min)
        except ValueError:
            raise ImportFileError(f"{where}: published_at {value[:40]!r} is not a possible date") from None
        if moment is not None:
            return moment if timezone.is_aware(moment) else timezone.make_aware(moment, timezone.UTC)
    raise ImportFileError(f"{where}: published_at {value!r} is not an ISO date or date-time")


def _article_from_object(obj: Any, where: str) -> ArticleInput:
    if not isinstance(obj, dict):
        raise ImportFileError(f"{where}: expected a JSON object with a \"text\" field")
    unknown = set(obj) - ARTICLE_FIELDS - {"id", "meta", "metadata"}
    if unknown:
        raise ImportFileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ImportFileError(f"{where}: \"text\" must be a non-empty string")
    for key in ("title", "publisher", "url", "language"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise ImportFileError(f"{where}: \"{key}\" must be a string")
    return ArticleInput(
        text=text,
        title=obj.get("title") or "",
        publisher=obj.get("publisher") or "",
        url=obj.get("url") or "",
        published_at=_published_at(obj.get("published_at"), where),
        language=obj.get("language") or "fr",
        where=where,
    )


def parse_article_file(name: str, data: bytes) -> list[ArticleInput]:
    """The articles in one file, or ``ImportFileError`` naming the first problem."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFileError(f"unsupported file type {suffix or '(none)'}; use .txt, .json or .jsonl")
    text = _decode(name, data)
    if suffix == ".txt":
        return [ArticleInput(text=text)]
    if suffix == ".json":
        try:
            payload = loads_json(text)
        except json.JSONDecodeError as exc:
            raise ImportFileError(f"line {exc.lineno}: invalid JSON ({exc.msg})") from None
        except JSONTooDeep as exc:
            raise ImportFileError(str(exc)) from None
        items = payload if isinstance(payload, list) else [payload]
        if not items:
            raise ImportFileError("the JSON array is empty")
        return [_article_from_object(item, f"item {i}") for i, item in enumerate(items, 1)]
    articles = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = loads_json(line)
        except json.JSONDecodeError as exc:
            raise ImportFileError(f"line {lineno}: invalid JSON ({exc.msg})") from None
        except JSONTooDeep as exc:
            raise ImportFileError(f"line {lineno}: {exc}") from None
        articles.append(_article_from_object(obj, f"line {lineno}"))
    return articles


def _resolve_publisher(article: ArticleInput) -> Source | None:
    if not article.publisher:
        return None
    source = Source.objects.filter(slug=article.publisher).first() or (
        Source.objects.search_exact(article.publisher).first()
    )
    if source is None:
        raise ImportFileError(f"{article.where or 'article'}: unknown publisher {article.publisher!r}")
    return source


def _message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{key}: {' '.join(msgs)}" for key, msgs in error.message_dict.items())
    return " ".join(error.messages)


# Up to this many articles a file is stored with its sentences at once (a pasted article is
# ready to annotate on the next page); a larger batch is stored first and its sentences, titles
# and search vectors follow from the tasks workers, on every core.
PREPARE_AT_ONCE_MAX = 200


def import_file(
    name: str,
    data: bytes,
    *,
    user: "AbstractBaseUser | None",
    skip_duplicates: bool = False,
    project: "Project | None" = None,
) -> FileResult:
    """Import every article of one file, or none of them (into ``project`` when given: the
    caller checked the right to, ``claims.projects.require_import``)."""
    result = FileResult(name=name)
    try:
        articles = parse_article_file(name, data)
        if skip_duplicates:
            known = set(
                Document.objects.filter(
                    content_hash__in=[services.content_hash(a.text) for a in articles]
                ).values_list("content_hash", flat=True)
            )
            kept = [a for a in articles if services.content_hash(a.text) not in known]
            result.skipped = len(articles) - len(kept)
            articles = kept
        publishers = {a.publisher: _resolve_publisher(a) for a in articles if a.publisher}
        new_documents = [
            services.NewDocument(
                text=a.text,
                title=a.title,
                publisher=publishers.get(a.publisher),
                url=a.url,
                published_at=a.published_at,
                language=a.language,
            )
            for a in articles
        ]
        try:
            with transaction.atomic():  # the documents and their project links, or nothing
                result.documents = services.documents_create(
                    documents=new_documents, created_by=user, prepare_later=len(new_documents) > PREPARE_AT_ONCE_MAX
                )
                if project is not None:
                    from claims.projects import documents_into_project

                    documents_into_project(project=project, documents=result.documents)
        except services.InvalidDocument as exc:
            where = articles[exc.index].where
            raise ImportFileError((f"{where}: " if where else "") + _message(exc)) from None
    except ImportFileError as exc:
        result.documents = []
        result.skipped = 0
        result.error = str(exc)
    return result


def import_files(
    files: Iterable[tuple[str, bytes]], *, user: "AbstractBaseUser | None", skip_duplicates: bool = False
) -> Iterator[FileResult]:
    """Import files one by one; a bad file is reported and the others still import."""
    for name, data in files:
        yield import_file(name, data, user=user, skip_duplicates=skip_duplicates)
