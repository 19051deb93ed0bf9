"""``/api/schema/``: the OpenAPI document, generated once per process and format.

drf-spectacular walks every view and serializer on each request (about 2 s here); the schema
only changes with the code, i.e. with a deploy, which starts new processes. The permission
check still runs on every request; only the generated and rendered bytes are reused.
"""

from __future__ import annotations

import threading

from django.conf import settings
from django.http import HttpResponse
from drf_spectacular.views import SpectacularAPIView
from rest_framework.response import Response

_rendered: dict[tuple, tuple[bytes, str, str | None]] = {}
_lock = threading.Lock()


class CachedSpectacularAPIView(SpectacularAPIView):
    def _key(self, request) -> tuple:
        lang = request.GET.get("lang")
        languages = {code for code, _ in settings.LANGUAGES}
        return (request.accepted_media_type, lang if lang in languages else None,
                request.version, request.GET.get("version") if self.versioning_class else None)

    def _get_schema_response(self, request):  # called by get(), which keeps its schema decorator
        hit = _rendered.get(self._key(request))
        if hit is not None:
            content, content_type, disposition = hit
            response = HttpResponse(content, content_type=content_type)
            if disposition:
                response["Content-Disposition"] = disposition
            return response
        with _lock:  # one generation at a time: concurrent first requests wait for it
            if self._key(request) in _rendered:
                return self._get_schema_response(request)
            return super()._get_schema_response(request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code == 200:
            response.render()
            _rendered[self._key(request)] = (response.content, response["Content-Type"],
                                             response.get("Content-Disposition"))
        return response
