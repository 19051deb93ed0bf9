"""Cursor pagination for every list: stable under inserts, no OFFSET scans on big tables."""

from __future__ import annotations

from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    """Pages in id order (a view may set ``cursor_ordering``); ``?page_size=`` up to 1000."""

    ordering = "id"
    page_size_query_param = "page_size"
    max_page_size = 1000

    def get_ordering(self, request, queryset, view):
        ordering = getattr(view, "cursor_ordering", self.ordering)
        return (ordering,) if isinstance(ordering, str) else tuple(ordering)
