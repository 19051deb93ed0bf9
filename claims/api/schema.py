"""OpenAPI generation (drf-spectacular): the error answers every operation can give, documented once."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(required=False)


class StaleVersionSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField(help_text='"stale_version", or "locked" / "state" when the claim cannot change now.')
    current = serializers.JSONField(required=False, allow_null=True, help_text="The claim as stored now.")


# 400 bodies name the field and say why, nested like the input: {"attributions": [{}, {"source": [...]}]}.
VALIDATION_ERROR = {
    "type": "object",
    "additionalProperties": {},
    "description": 'Field -> list of messages; "non_field_errors" or "detail" when no single field is at fault.',
}


def _error(body: Any, description: str, example: dict[str, Any]) -> OpenApiResponse:
    return OpenApiResponse(
        body, description=description, examples=[OpenApiExample(description, value=example, response_only=True)]
    )


ERRORS = {
    "400": _error(
        VALIDATION_ERROR,
        "Invalid input",
        {"end": ["The span ends at 5000, beyond the document's 1834 characters."]},
    ),
    "401": _error(ErrorSerializer, "Not authenticated", {"detail": "Authentication credentials were not provided."}),
    "403": _error(ErrorSerializer, "Not allowed", {"detail": "Only reviewers can review claims."}),
    "404": _error(ErrorSerializer, "Not found, or out of your reach", {"detail": "No Claim matches the given query."}),
    "409": _error(
        StaleVersionSerializer,
        "Conflict: stale version or locked claim",
        {"detail": "Claim 17 is at version 3; reload it and edit again.", "code": "stale_version", "current": {}},
    ),
    "413": _error(ErrorSerializer, "Body too large", {"detail": "The request body is too large."}),
    "415": _error(ErrorSerializer, "Wrong content type", {"detail": 'Unsupported media type "text/plain" in request.'}),
}


class ApiAutoSchema(AutoSchema):
    """Adds the error answers that apply to each operation to whatever its view declares."""

    def _error_codes(self) -> list[str]:
        codes = ["400", "401", "403"]
        if "{" in self.path:
            codes.append("404")
        if self.method in ("PUT", "PATCH", "POST", "DELETE"):
            codes.append("409")
        if self.method in ("PUT", "PATCH", "POST"):
            codes += ["413", "415"]
        if not getattr(self.view, "permission_classes", None):  # public endpoints (token)
            codes = [c for c in codes if c not in ("401", "403")]
        return codes

    def _get_response_bodies(self, direction: str = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(ERRORS[code], code, direction=direction)
        return responses
