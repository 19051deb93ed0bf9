"""The answer to a locked-out login (django-axes calls ``lockout_response``).

The login page (and the admin's) comes back with its form and a message saying that logging in
is locked and for how long; the API token endpoint answers JSON. Both are 429 with
``Retry-After``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse

from claims.api.auth import locked_out_message, lockout_seconds
from claims.views.errors import is_api


def lockout_response(request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None) -> HttpResponse:
    if is_api(request):
        response: HttpResponse = JsonResponse({"detail": locked_out_message(), "code": "locked_out"}, status=429)
    else:
        context = {"form": AuthenticationForm(request), "locked_out": locked_out_message(), "failure_limit": settings.AXES_FAILURE_LIMIT, "next": request.POST.get("next", "")}
        response = TemplateResponse(request, "registration/login.html", context, status=429).render()
    response["Retry-After"] = str(lockout_seconds())
    return response


class LoginView(auth_views.LoginView):
    """Django's login page, saying after how many failures logging in locks."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "failure_limit": settings.AXES_FAILURE_LIMIT}
