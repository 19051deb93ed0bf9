"""Error answers: JSON under ``/api/`` (what an API client can read), pages elsewhere.

Django's ``handler400/403/404/500`` point here (``annotator/urls.py``), so that with DEBUG off an
unknown API URL is ``{"detail": "Not found."}`` and not an HTML page. A database outage (the
exception being handled is an ``OperationalError``) is a 503 with ``Retry-After`` instead of a
500. The 500 and 503 pages are rendered without the request context: their templates need no
database (no user, no session) when the page with the navigation cannot be rendered.
"""

from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.views.decorators.http import require_GET

RETRY_AFTER_SECONDS = 10
UNAVAILABLE = "The database is not reachable at the moment; nothing was changed. Try again in a few seconds."


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _standalone(template: str, status: int, context: dict | None = None) -> HttpResponse:
    return HttpResponse(loader.get_template(template).render(context or {}), status=status)


def database_unavailable_response(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        response: HttpResponse = JsonResponse({"detail": UNAVAILABLE, "code": "database_unavailable"}, status=503)
    else:
        response = _standalone("errors/503.html", 503, {"message": UNAVAILABLE})
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_input_response(request: HttpRequest, fields: list[tuple[str, str]], status: int = 400) -> HttpResponse:
    """400 for characters refused at the edge, naming each field."""
    if is_api(request):
        errors: dict[str, list[str]] = {}
        for field, message in fields:
            errors.setdefault(field, []).append(message)
        return JsonResponse(errors, status=status)
    messages = [f"{field}: {message}" for field, message in fields]
    back = request.path if request.method == "GET" else request.META.get("HTTP_REFERER", "") or request.path
    # Only go back to this site's own pages.
    if not back.startswith("/") or back.startswith("//"):
        back = "/"
    return _standalone("errors/400.html", status, {"messages": messages, "back": back})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": "Bad request."}, status=400)
    return _standalone("errors/400.html", 400, {"messages": ["The request could not be understood."], "back": "/"})


def _with_navigation(request: HttpRequest, template: str, status: int, context: dict, fallback: str) -> HttpResponse:
    """The error page inside the site's layout (the user's navigation), or, when even that
    cannot be rendered (no database, a broken session), the standalone page."""
    try:
        return TemplateResponse(request, template, context, status=status).render()
    except Exception:
        return _standalone(fallback, status, context)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception or "") or "You do not have permission to do this."
    if is_api(request):
        return JsonResponse({"detail": message}, status=403)
    return TemplateResponse(request, "403.html", {"message": message}, status=403).render()


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return _with_navigation(request, "404.html", 404, {"path": request.path}, "errors/404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    from claims.middleware import is_database_unavailable

    exc = sys.exc_info()[1]
    if exc is not None and is_database_unavailable(exc):
        return database_unavailable_response(request)
    if is_api(request):
        return JsonResponse({"detail": "Server error: it has been logged; nothing more to say here."}, status=500)
    return _with_navigation(request, "500.html", 500, {}, "errors/500.html")


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them to the icon."""
    return redirect(static("claims/favicon.svg"), permanent=True)
