"""A claim's audit history: every change to it, its chain and its reviews, with who and when."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from claims import history, permissions
from claims.models import Claim


@require_GET
def claim_history(request: HttpRequest, claim_id: int) -> HttpResponse:
    """Whoever may see the claim may see its history; others get a 404, as for the claim."""
    claims = Claim.objects.visible_to(request.user).select_related("document", "annotator")
    claim = get_object_or_404(claims.defer("document__text", "document__search_vector"), pk=claim_id)
    context = {
        "claim": claim,
        "steps": history.claim_timeline(claim_id=claim.pk),
        "show_queue_link": permissions.can_use_review_queue(request.user),
    }
    template = "claims/partials/history.html" if request.htmx else "claims/review_history.html"
    return TemplateResponse(request, template, context)
