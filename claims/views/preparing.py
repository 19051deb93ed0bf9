"""The annotate page of a document whose sentences are still being found (after an import).

Sentences are written by a task after an annotation import (``claims.segmenting``); meanwhile
the page says the document is being prepared and polls this view, which has the page reload
itself once they exist.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from claims import segmenting, selectors


@require_GET
def document_prepared(request: HttpRequest, document_id: int) -> HttpResponse:
    """204 while the sentences are missing; once they exist, a reload of the page (htmx ``HX-Refresh``)."""
    document = selectors.document_get(user=request.user, document_id=document_id)
    if not segmenting.is_prepared(document):
        return HttpResponse(status=204)
    response = HttpResponse(status=200)
    response["HX-Refresh"] = "true"
    return response
