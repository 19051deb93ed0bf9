"""Request body parsers: JSON objects only (multipart for file uploads), with a size limit.

Django checks ``DATA_UPLOAD_MAX_MEMORY_SIZE`` when ``request.body`` is read (DRF does so for
JSON), but a multipart upload is streamed to its parser and only its form fields count: the
parsers check the declared length first, so every body over the limit is a 413.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from claims.api.exceptions import PayloadTooLarge


def check_body_size(parser_context: dict[str, Any] | None, limit: int | None = None) -> None:
    """Refuse a body over ``limit`` (``DATA_UPLOAD_MAX_MEMORY_SIZE`` by default) before reading it (413)."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE if limit is None else limit
    request = (parser_context or {}).get("request")
    if request is None or limit is None:
        return
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise ParseError("Invalid Content-Length header.") from None
    if length > limit:
        raise PayloadTooLarge(f"The request body is {length:,} bytes, over the limit of {limit:,} bytes.")


class JSONObjectParser(parsers.JSONParser):
    """A JSON object, nothing else: ``null``, arrays and bare values are refused with 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        check_body_size(parser_context)
        data = super().parse(stream, media_type, parser_context)
        if not isinstance(data, dict):
            kind = "null" if data is None else type(data).__name__
            raise ParseError(f"The request body must be a JSON object, not {kind}.")
        return data


class LimitedMultiPartParser(parsers.MultiPartParser):
    """File uploads (annotation imports), under the same size limit as JSON bodies."""

    def parse(self, stream, media_type=None, parser_context=None):
        check_body_size(parser_context)
        return super().parse(stream, media_type, parser_context)


class AnnotationFileParser(parsers.MultiPartParser):
    """Annotation files: up to ``ANNOTATION_IMPORT_MAX_BYTES``, streamed by Django's upload
    handlers (a file over ``FILE_UPLOAD_MAX_MEMORY_SIZE`` goes to a temporary file)."""

    def parse(self, stream, media_type=None, parser_context=None):
        check_body_size(parser_context, settings.ANNOTATION_IMPORT_MAX_BYTES)
        return super().parse(stream, media_type, parser_context)
