"""Queue a document's suggestions again after they failed (a worker killed mid-task, after its
retries; a pipeline error): the "Compute suggestions again" button of the annotate page."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from claims import permissions, selectors
from claims.models import SuggestionState
from claims.tasks import suggestions_queue


@require_POST
def suggestions_requeue(request: HttpRequest, document_id: int) -> HttpResponse:
    document = selectors.document_get(user=request.user, document_id=document_id)
    if not permissions.can_annotate(request.user):
        raise PermissionDenied("Only analysts and reviewers can queue suggestions.")
    if document.suggestion_state == SuggestionState.FAILED:
        suggestions_queue(document_ids=[document.pk])
    return HttpResponseRedirect(reverse("claims:document-annotate", args=[document.pk]) + "#suggestions")
