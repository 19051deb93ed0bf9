"""One place where errors of the core become HTTP answers.

Services raise Django's ``ValidationError`` (a message per field) and ``StaleVersion``; the
API never re-checks their rules, it only maps them:

- ``ValidationError`` with fields -> 400 ``{"field": ["message", ...]}``;
  without fields, by code: ``permission`` -> 403, ``locked``/``state`` -> 409, else 400
  ``{"non_field_errors": [...]}``;
- ``StaleVersion`` -> 409 ``{"detail", "code": "stale_version", "current": <claim>}``;
- a body over the size limit -> 413; ``IntegrityError`` (a race lost to another writer) -> 409.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from claims.services import StaleVersion

PERMISSION_CODES = {"permission"}
CONFLICT_CODES = {"locked", "state"}


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the object."
    default_code = "conflict"


def field_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    """``{"field": ["message", ...]}``; errors that name no field go under ``non_field_errors``."""
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if field == "__all__" else field): messages
            for field, messages in error.message_dict.items()
        }
    return {"non_field_errors": error.messages}


def _from_django(error: DjangoValidationError) -> exceptions.APIException:
    if hasattr(error, "error_dict"):
        return exceptions.ValidationError(field_errors(error))
    codes = {getattr(e, "code", None) for e in error.error_list}
    message = " ".join(error.messages)
    if codes & PERMISSION_CODES:
        return exceptions.PermissionDenied(message)
    if codes & CONFLICT_CODES:
        return Conflict(message, code=next(iter(codes & CONFLICT_CODES)))
    return exceptions.ValidationError(field_errors(error))


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, StaleVersion):
        return _stale_version_response(exc, context)
    if isinstance(exc, DjangoValidationError):
        exc = _from_django(exc)
    elif isinstance(exc, RequestDataTooBig):  # Django's check, when DRF reads request.body
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        exc = PayloadTooLarge(f"The request body is over the limit of {limit:,} bytes.")
    elif isinstance(exc, IntegrityError):
        exc = Conflict("Another request changed the same data at the same time; try again.")
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, Conflict):
        response.data["code"] = exc.get_codes()
    return response


def _stale_version_response(exc: StaleVersion, context: dict[str, Any]) -> Response:
    from claims import selectors
    from claims.api.serializers import ClaimSerializer

    request = context["request"]
    current = selectors.claim_list(user=request.user).filter(pk=exc.current.pk).first()
    return Response(
        {
            "detail": str(exc),
            "code": "stale_version",
            "current": ClaimSerializer(current).data if current is not None else None,
        },
        status=status.HTTP_409_CONFLICT,
    )
