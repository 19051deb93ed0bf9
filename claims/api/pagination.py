"""Cursor pagination for every list: stable under inserts, no OFFSET scans on big tables."""

from __future__ import annotations

from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination

from claims.input_checks import InputError, parse_int

INVALID_CURSOR = "Invalid cursor: use the `next` or `previous` link of an earlier page as it is."


class IdCursorPagination(CursorPagination):
    """Pages in id order (a view may set ``cursor_ordering``); ``?page_size=`` up to 1000.

    A cursor the server did not make (garbage, or well-formed base64 around a position that is
    not an id) is a 400 naming ``cursor``, not a 404 (the list exists) nor a 500 (the position
    would otherwise reach the query as it is).
    """

    ordering = "id"
    page_size_query_param = "page_size"
    max_page_size = 1000
    invalid_cursor_message = INVALID_CURSOR

    def get_ordering(self, request, queryset, view):
        ordering = getattr(view, "cursor_ordering", self.ordering)
        return (ordering,) if isinstance(ordering, str) else tuple(ordering)

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise ValidationError({"cursor": [INVALID_CURSOR]}) from None
        if cursor is not None and cursor.position is not None and self._orders_by_id():
            try:
                parse_int(cursor.position, field="cursor", min_value=0)
            except InputError:
                raise ValidationError({"cursor": [INVALID_CURSOR]}) from None
        return cursor

    def _orders_by_id(self) -> bool:
        return all(field.lstrip("-") in ("id", "pk") for field in self.ordering)
