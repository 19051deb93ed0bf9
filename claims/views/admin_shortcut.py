"""The admin's "view on site" redirect (``/admin/r/<content type>/<id>/``), refused with a 404
for models without a table of their own: pghistory's ``Events`` and ``MiddlewareEvents`` are
unmanaged models read through a query, and Django's lookup of one of their rows by id fails in
the database (a 500) instead of saying "not found"."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404, HttpRequest, HttpResponse


def _view_on_site(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type is not None else None
    if model is None or not model._meta.managed:
        raise Http404("No such object.")
    return shortcut(request, content_type_id, object_id)


view_on_site = admin.site.admin_view(_view_on_site)
