"""Error pages with the site's navigation, and /favicon.ico.

Django renders 403.html and 404.html with the request (so base.html shows the user's
navigation); the 500 handler below does the same when it can, and falls back to a page
without the user's details when even that fails.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.http import require_GET


def server_error(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """The 500 page, with the navigation when the request can still be rendered."""
    try:
        return HttpResponseServerError(loader.render_to_string("500.html", request=request))
    except Exception:  # the error may come from what the full page needs (database, session)
        return HttpResponseServerError(loader.render_to_string("500.html", {"plain": True}))


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: send them to the icon."""
    return redirect(static("claims/favicon.svg"), permanent=True)
