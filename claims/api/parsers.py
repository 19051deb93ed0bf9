"""Request body parsers: JSON objects only (multipart for file uploads), with limits.

Django checks ``DATA_UPLOAD_MAX_MEMORY_SIZE`` when ``request.body`` is read (DRF does so for
JSON), but a multipart upload is streamed to its parser and only its form fields count: the
parsers check the declared length first, so every body over the limit is a 413.

A JSON body is also refused (400) when it nests deeper than ``MAX_JSON_DEPTH`` or when a key or
a string holds a NUL or a lone surrogate: the answer names the field, as serializer errors do,
and nothing downstream (serializers, services, PostgreSQL, the renderer that would echo the
value) ever sees such data.
"""

from __future__ import annotations

import codecs
from typing import Any

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.settings import api_settings

from claims.api.exceptions import PayloadTooLarge
from claims.input_checks import bad_strings, loads_json, nested_errors


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


def _strict_constant(name: str) -> None:
    raise ValueError(f"Out of range float value {name!r} is not valid JSON.")


class JSONObjectParser(parsers.JSONParser):
    """A JSON object, nothing else: ``null``, arrays and bare values are refused with 400, and so
    are bodies nested too deeply or carrying NUL characters or lone surrogates."""

    def parse(self, stream, media_type=None, parser_context=None):
        check_body_size(parser_context)
        encoding = parsers.get_encoding(parser_context or {})
        try:
            text = codecs.getreader(encoding)(stream).read()
            constant = _strict_constant if api_settings.STRICT_JSON else None
            data = loads_json(text, parse_constant=constant)
        except ValueError as exc:  # broken JSON, too deep (JSONTooDeep), not in the encoding
            raise ParseError(f"JSON parse error - {exc}") from None
        if not isinstance(data, dict):
            kind = "null" if data is None else type(data).__name__
            raise ParseError(f"The request body must be a JSON object, not {kind}.")
        errors = list(bad_strings(data))
        if errors:
            raise ValidationError(nested_errors(errors))
        return data


class AnnotationFileParser(parsers.MultiPartParser):
    """Annotation files: up to ``ANNOTATION_IMPORT_MAX_BYTES``, streamed by Django's upload
    handlers (a file over ``FILE_UPLOAD_MAX_MEMORY_SIZE`` goes to a temporary file)."""

    def parse(self, stream, media_type=None, parser_context=None):
        check_body_size(parser_context, settings.ANNOTATION_IMPORT_MAX_BYTES)
        return super().parse(stream, media_type, parser_context)
