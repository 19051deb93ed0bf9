"""Page views: thin, they call selectors and services and render templates."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from claims import selectors


def document_list(request: HttpRequest) -> HttpResponse:
    documents = selectors.document_list(user=request.user)
    return TemplateResponse(request, "claims/document_list.html", {"documents": documents})
