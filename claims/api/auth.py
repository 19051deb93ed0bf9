"""API tokens: trade a username and password for an expiring token; revoke it.

Tokens are django-rest-knox's: stored as a digest (a leaked table gives no usable token), one
per login, each with its expiry (``REST_KNOX["TOKEN_TTL"]``, from ``DJANGO_TOKEN_TTL_HOURS``);
``POST /api/v1/auth/logout/`` deletes the one in use. ``Authorization: Token <token>`` as before.

Password guessing is stopped by django-axes, as on the login page and the admin: after
``AXES_FAILURE_LIMIT`` failures for one username, or from one address, the endpoint answers 429
with ``Retry-After`` until the cool-off has passed, whatever the password.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from drf_spectacular.utils import OpenApiExample, extend_schema
from django.utils import timezone
from knox import views as knox_views
from knox.models import get_token_model
from knox.settings import knox_settings
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.api.authentication import TokenAuthentication
from claims.api.parsers import JSONObjectParser
from claims.api.renderers import SafeJSONRenderer


def lockout_seconds() -> int:
    cooloff = settings.AXES_COOLOFF_TIME
    return int(cooloff.total_seconds()) if cooloff else 3600


def locked_out_message() -> str:
    minutes = max(1, lockout_seconds() // 60)
    return (
        f"Too many failed logins for this username or from this address: logging in is locked "
        f"for {minutes} minute{'s' if minutes != 1 else ''}."
    )


class LockedOut(Throttled):
    default_code = "locked_out"


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)
    expiry = serializers.DateTimeField(read_only=True, allow_null=True)


@extend_schema(
    tags=["auth"],
    request=AuthTokenSerializer,
    responses={200: TokenSerializer},
    examples=[
        OpenApiExample("Credentials", {"username": "analyst", "password": "analyst-demo"}, request_only=True),
        OpenApiExample(
            "Token",
            {"token": "0f2c4a0e9b7d4c1e8a6f5b3d2c1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e", "expiry": "2026-03-02T19:15:00Z"},
            response_only=True,
        ),
    ],
    auth=[],
)
class TokenView(APIView):
    """Trade a username and password for an API token that expires (the answer says when); then
    send ``Authorization: Token <token>``. Repeated failures lock the username and the address
    (429 with ``Retry-After``)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = (JSONObjectParser,)
    renderer_classes = (SafeJSONRenderer,)

    def post(self, request: Request) -> Response:
        django_request = request._request  # axes reads and flags the Django request
        serializer = AuthTokenSerializer(data=request.data, context={"request": django_request})
        if not serializer.is_valid():
            if getattr(django_request, "axes_locked_out", False):
                raise LockedOut(wait=lockout_seconds(), detail=locked_out_message())
            raise ValidationError(serializer.errors)
        user = serializer.validated_data["user"]
        get_token_model().objects.filter(user=user, expiry__lt=timezone.now()).delete()
        instance, token = get_token_model().objects.create(user=user, expiry=knox_settings.TOKEN_TTL)
        user_logged_in.send(sender=user.__class__, request=django_request, user=user)
        return Response(TokenSerializer({"token": token, "expiry": instance.expiry}).data)


@extend_schema(
    tags=["auth"],
    summary="Revoke the token this request is made with",
    request=None,
    responses={204: None},
    examples=[OpenApiExample("No body", None, request_only=True)],
)
class LogoutView(knox_views.LogoutView):
    """Delete the token in the ``Authorization`` header: it no longer authenticates anything."""

    authentication_classes = (TokenAuthentication,)
    renderer_classes = (SafeJSONRenderer,)
