"""Edge middleware: requests refused before any view runs, and the database being away.

``BadInputMiddleware``: a NUL or a lone surrogate in a query parameter or a posted
form field (names included) is a 400 at the edge, for every URL: JSON naming the field under
``/api/``, a page naming it elsewhere. PostgreSQL cannot store a NUL, and a lone surrogate has no
UTF-8 form, so neither may reach a query, a form or an answer that echoes it. A page's form
post with one comes back as the page with its form and the message (the view runs as for a GET). (JSON bodies are
checked by the API's parser, which names the field inside the body; multipart file contents
are checked by the importers.) A page form over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (a 10 MB paste)
comes back as the page with its form and a message, status 413, instead of Django's bare 400.

``PermissionsPolicyMiddleware``: the ``Permissions-Policy`` header (Django has the CSP one).

``DatabaseUnavailableMiddleware``: while PostgreSQL is down or the pool has no connection to
give, a view's ``OperationalError`` becomes a 503 (JSON under ``/api/``, a page elsewhere) with
``Retry-After``, not a 500. Errors raised outside views (the session or user lookup of another
middleware) reach ``handler500``, which gives the same answer (``claims.views.errors``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.utils.datastructures import MultiValueDict

from claims.input_checks import bad_character
from claims.views.errors import bad_input_response, database_unavailable_response, is_api

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
TOO_LARGE = (
    "What you sent is larger than the limit of {limit:,} bytes, so none of it was read or saved. "
    "Split a long article, or upload it as a .txt file."
)


def _bad_fields(data: QueryDict) -> list[tuple[str, str]]:
    found = []
    for key, values in data.lists():
        if (message := bad_character(key)) is not None:
            found.append(("(a parameter name)", message))
            continue
        for value in values:
            if isinstance(value, str) and (message := bad_character(value)) is not None:
                found.append((key, message))
                break
    return found


class BadInputMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        bad = _bad_fields(request.GET)
        # Under /api/ bodies are JSON (checked by the parser) or a file upload (checked by the
        # importer); reading request.POST here would also bypass the parsers' size check.
        if not bad and request.method == "POST" and request.content_type in FORM_TYPES and not is_api(request):
            try:
                bad = _bad_fields(request.POST)
            except RequestDataTooBig:
                return self._form_again(request, TOO_LARGE.format(limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE), status=413)
            except (TooManyFieldsSent, MultiPartParserError):
                bad = []  # Django's own 400 answers those when the view reads the form
        if bad and request.method == "POST" and not is_api(request):
            message = " ".join(f"{field}: {why}" for field, why in bad) + " Nothing was saved."
            return self._form_again(request, message, status=400)
        if bad:
            return bad_input_response(request, bad)
        return self.get_response(request)

    def _form_again(self, request: HttpRequest, message: str, *, status: int) -> HttpResponse:
        """A refused page form: the same page as a GET shows it (the form, empty), with ``message``
        on top (``request.input_error``, shown by base.html) and ``status``. Nothing of the body is
        acted on (CSRF is not even checked: nothing is done); a URL that only takes POST gets the
        plain error page."""
        request.method = "GET"
        request._post, request._files = QueryDict(), MultiValueDict()
        request.input_error = message
        response = self.get_response(request)
        if response.status_code != 200:
            return bad_input_response(request, [("form", message)], status=status)
        response.status_code = status
        return response


def is_database_unavailable(exc: BaseException) -> bool:
    """Connection-level trouble (server down, restarting, no pooled connection in time), not a
    bad query: Django wraps psycopg's ``OperationalError`` (and ``psycopg_pool.PoolTimeout``)."""
    if isinstance(exc, (OperationalError, InterfaceError)):
        return True
    return isinstance(exc, DatabaseError) and "connection" in str(exc).lower() and "closed" in str(exc).lower()


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if is_database_unavailable(exc):
            return database_unavailable_response(request)
        return None


def _origin(origin: str) -> str:
    return origin if origin in ("self", "*") else f'"{origin}"'


class PermissionsPolicyMiddleware:
    """``Permissions-Policy`` from ``settings.PERMISSIONS_POLICY`` (feature -> allowed origins; an
    empty list switches the feature off): ``camera=(), geolocation=(), ...``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        policy = getattr(settings, "PERMISSIONS_POLICY", {})
        self.header = ", ".join(
            f"{feature}=({' '.join(_origin(o) for o in origins)})" for feature, origins in policy.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response
