"""The attribution suggestions on the annotate page: the list beside the text (with dashed
highlights drawn by suggestions.js), and Accept / Edit / Dismiss / Accept all.

Thin: the rules are in ``claims.suggestions`` (which writes through ``claims.services``). The
claim panel, the claim list and the text are those of ``claims.views.annotate``: a decision
answers an htmx request with them swapped in, plus the suggestion list, out of band.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from claims import permissions, selectors, services, suggestions
from claims.forms import ClaimForm, SourceForm
from claims.models import ClaimStatus, Document, Source, Suggestion
from claims.views import annotate

LIST = "claims/partials/suggestions.html"
DECIDED = "claims/partials/suggestion_decided.html"

def _suggestion(request: HttpRequest, document_id: int, suggestion_id: int) -> tuple[Document, Suggestion]:
    document = selectors.document_get(user=request.user, document_id=document_id)
    return document, get_object_or_404(Suggestion, pk=suggestion_id, document=document)


def _decided(request: HttpRequest, document_id: int, panel: dict[str, Any], *, claim_id: int | None) -> HttpResponse:
    """After a decision: htmx gets the panel, claim list, text and suggestion list; a plain form
    post goes back to the page (with the new claim open)."""
    if not request.htmx:
        url = reverse("claims:document-annotate", args=[document_id])
        return HttpResponseRedirect(f"{url}?claim={claim_id}" if claim_id else url)
    document = selectors.document_for_annotation(user=request.user, document_id=document_id)
    if claim_id is not None:
        claim = next((c for c in document.visible_claims if c.pk == claim_id), None)
        panel = {**annotate._claim_panel(request, document=document, claim=claim), **panel}
    return annotate.page_response(request, DECIDED, annotate._page_context(request, document, panel))


def _refused(request: HttpRequest, document_id: int, message: str, *, status: int) -> HttpResponse:
    """A refused decision: the message in the claim panel (htmx: 200, see annotate's docstring)."""
    panel = {"message": message, "level": "error"}
    if request.htmx:
        return TemplateResponse(request, annotate.PANEL, panel)
    document = selectors.document_for_annotation(user=request.user, document_id=document_id)
    return annotate.page_response(request, annotate.PAGE, annotate._page_context(request, document, panel), status=status)


@require_POST
def suggestion_accept(request: HttpRequest, document_id: int, suggestion_id: int) -> HttpResponse:
    """Accept: a draft claim of the analyst, marked as coming from the suggestion."""
    _, suggestion = _suggestion(request, document_id, suggestion_id)
    try:
        claim = suggestions.suggestion_accept(suggestion=suggestion, user=request.user)
    except ValidationError as error:
        status = 403 if error.code == "permission" else 409
        return _refused(request, document_id, " ".join(error.messages), status=status)
    message = "Suggestion accepted: it is now a draft claim of yours."
    return _decided(request, document_id, {"message": message, "level": "success"}, claim_id=claim.pk)


@require_POST
def suggestion_dismiss(request: HttpRequest, document_id: int, suggestion_id: int) -> HttpResponse:
    """Dismiss: the suggestion no longer shows for this analyst."""
    _, suggestion = _suggestion(request, document_id, suggestion_id)
    try:
        suggestions.suggestion_dismiss(suggestion=suggestion, user=request.user)
    except ValidationError as error:
        return _refused(request, document_id, " ".join(error.messages), status=403)
    return _decided(request, document_id, {"message": "Suggestion dismissed.", "level": "info"}, claim_id=None)


@require_POST
def suggestions_accept_all(request: HttpRequest, document_id: int) -> HttpResponse:
    """Accept all: every suggestion of the document still pending, except over the analyst's claims."""
    document = selectors.document_get(user=request.user, document_id=document_id)
    try:
        created = suggestions.suggestions_accept_all(document=document, user=request.user)
    except ValidationError as error:
        status = 403 if error.code == "permission" else 409
        return _refused(request, document_id, " ".join(error.messages), status=status)
    count = len(created)
    message = f"{count} suggestion{'s' if count != 1 else ''} accepted as draft claims." if count else "No suggestion left to accept."
    return _decided(request, document_id, {"message": message, "level": "success"}, claim_id=None)


def _proposed_chain(suggestion: Suggestion) -> tuple[list[services.Link], list[dict[str, Any]]]:
    """The suggestion's links whose source is in the registry, and the proposed new sources."""
    slugs = [((link.get("source") or {}).get("slug")) for link in suggestion.attributions or ()]
    known = Source.objects.in_bulk([s for s in slugs if s], field_name="slug")
    chain: list[services.Link] = []
    new: list[dict[str, Any]] = []
    for link in suggestion.attributions or ():
        source = link.get("source") or {}
        mention = link.get("mention") or {}
        if source.get("slug") in known:
            chain.append(
                services.Link(known[source["slug"]], len(chain), mention.get("start"), mention.get("end"))
            )
        else:
            new.append({"name": source.get("name", ""), "kind": source.get("kind", ""), "mention": mention.get("text", "")})
    return chain, new


@require_http_methods(["GET", "POST"])
def suggestion_edit(request: HttpRequest, document_id: int, suggestion_id: int) -> HttpResponse:
    """Edit: the claim form prefilled with the suggestion (GET); saving it makes a claim marked as
    coming from the suggestion (POST), exactly as a new claim is saved otherwise."""
    document, suggestion = _suggestion(request, document_id, suggestion_id)
    if not permissions.can_annotate(request.user):
        return _refused(request, document_id, "Only analysts can accept suggestions.", status=403)
    action_url = reverse("claims:suggestion-edit", args=[document.pk, suggestion.pk])
    if request.method == "GET":
        chain, new_sources = _proposed_chain(suggestion)
        form = ClaimForm(initial={"start": suggestion.start, "end": suggestion.end, "tag": suggestion.tag})
        panel = annotate._claim_panel(request, document=document, form=form, links=annotate._links(document, chain))
        panel["action_url"] = action_url
        message = "A suggested claim: check the span, the tag and the chain, then save it."
        if new_sources:
            first = new_sources[0]
            names = ", ".join(f"{s['name']} ({s['kind']})" for s in new_sources)
            message += f" Not in the registry yet: {names}; “New source” below is filled in for the first."
            panel["source_form"] = SourceForm(
                prefix="new",
                use_required_attribute=False,
                initial={"name": first["name"], "kind": first["kind"], "aliases": first["mention"]},
            )
        panel.update(message=message, level="info")
        return annotate._respond(request, document_id, panel)
    form = ClaimForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        claim = annotate.save_then_submit(
            request,
            form,
            lambda: suggestions.suggestion_claim_create(
                suggestion=suggestion,
                user=request.user,
                start=data["start"],
                end=data["end"],
                tag=data["tag"],
                chain=data["attributions"],
            ),
        )
        if claim is not None:
            submitted = claim.status == ClaimStatus.SUBMITTED
            message = "Claim submitted for review." if submitted else "Claim saved from the suggestion."
            return _decided(request, document_id, {"message": message, "level": "success"}, claim_id=claim.pk)
    panel = annotate._claim_panel(request, document=document, form=form, links=annotate._posted_links(document, form))
    panel.update(action_url=action_url, message="The claim was not saved: see below.", level="error")
    return annotate._respond(request, document_id, panel, status=422)
