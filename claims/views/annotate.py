"""The annotate page and its htmx fragments: the claim form, chain links, source search, guidelines.

Thin: the rules are in ``claims.services`` (writes) and ``claims.selectors`` (reads, scoped to the
user). Offsets are code points everywhere here; annotate.js converts the browser's UTF-16 once.

htmx requests get fragments with status 200 even when the input is refused (the form comes back
with its message: a 4xx would make htmx drop it and the browser log an error); plain form posts
get the whole page with a 4xx status.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget
from markdown_it import MarkdownIt

from claims import permissions, selectors, services
from claims.forms import ClaimForm, SourceForm, add_service_errors
from claims.input_checks import parse_int_or_none
from claims.models import Claim, ClaimStatus, Document, Review, Source
from claims.views.annotate_html import claim_cards_html, text_html
from claims.views.fragments import cached_fragments, placeholder, splice_into
from claims.views.suggestion_list import suggestions_context

PAGE = "claims/annotate.html"
FRAGMENTS = "fragments"  # the context's cached parts, for page_response
PANEL = "claims/annotate.html#claim-panel"
SOURCE_OPTIONS = 12

STALE_MESSAGE = (
    "Someone changed this claim while you were editing it (it is now at version {version}). "
    "Your changes were not saved; this is its current state."
)


# --- context for the page and the claim panel --------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One row of the chain editor."""

    source: Source
    mention_start: int | None
    mention_end: int | None
    mention_text: str


def _links(document: Document, links: Sequence[services.Link]) -> list[ChainLink]:
    def mention(link: services.Link) -> str:
        if link.mention_start is None or link.mention_end is None:
            return ""
        return document.text[link.mention_start : link.mention_end]

    return [ChainLink(link.source, link.mention_start, link.mention_end, mention(link)) for link in links]


def save_then_submit(request: HttpRequest, form: forms.Form, save: Callable[[], Claim]) -> Claim | None:
    """Run ``save()`` and, when the analyst pressed "Submit for review", submit the claim in the
    same transaction (both or neither), as one version: one user action, one version. Service
    errors go into ``form`` and give None; ``StaleVersion`` reaches the caller."""
    try:
        with transaction.atomic():
            claim = save()
            if request.POST.get("action") == "submit":
                claim = services.claim_submit(
                    claim=claim, user=request.user, version=claim.version, new_version=False
                )
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    return claim


def _posted_links(document: Document, form: ClaimForm) -> list[ChainLink]:
    """The chain as the user sent it, to show it again beside an error (unknown sources left out)."""
    if "attributions" in form.cleaned_data:
        return _links(document, form.cleaned_data["attributions"])
    data = form.data
    posted = [parse_int_or_none(v, min_value=1) for v in data.getlist("link_source")]
    sources = Source.objects.in_bulk([pk for pk in posted if pk is not None])
    links = []
    for i, pk in enumerate(posted):
        if pk not in sources:
            continue
        start, end = (data.getlist(key)[i : i + 1] for key in ("link_mention_start", "link_mention_end"))
        start_value = parse_int_or_none(start[0], min_value=0) if start else None
        end_value = parse_int_or_none(end[0], min_value=0) if end else None
        if start_value is None or end_value is None:
            start_value = end_value = None
        links.append(services.Link(sources[pk], len(links), start_value, end_value))
    return _links(document, links)


def _chain(claim: Claim) -> list[services.Link]:
    """``services.chain_of``, also for a claim of ``document_for_annotation`` (chain not prefetched)."""
    if not hasattr(claim, "chain_sources"):
        return services.chain_of(claim)
    attributions = selectors.claim_attributions(claim=claim)
    return [services.Link(a.source, a.position, a.mention_start, a.mention_end) for a in attributions]


def _latest_review(claim: Claim) -> Review | None:
    if hasattr(claim, "latest_review"):  # a claim of document_for_annotation
        return claim.latest_review
    return next(iter(claim.reviews.all()), None)


def _claim_panel(
    request: HttpRequest,
    *,
    document: Document,
    claim: Claim | None = None,
    form: ClaimForm | None = None,
    links: list[ChainLink] | None = None,
    message: str = "",
    level: str = "info",
) -> dict[str, Any]:
    """What the claim panel shows: a new claim's form, an existing claim's, or only a message."""
    if claim is not None:
        if form is None:
            form = ClaimForm(
                initial={"start": claim.start, "end": claim.end, "version": claim.version, "tag": claim.tag}
            )
        if links is None:
            links = _links(document, _chain(claim))
        action_url = reverse("claims:claim-edit", args=[claim.pk])
        editable = permissions.can_edit_claim(request.user, claim)
        span = (claim.start, claim.end)
        review = _latest_review(claim)
    else:
        action_url = reverse("claims:claim-new", args=[document.pk])
        editable = permissions.can_annotate(request.user)
        span = (form["start"].value(), form["end"].value()) if form is not None else (None, None)
        review = None
    try:
        start, end = int(span[0]), int(span[1])
        span_text = document.text[start:end] if 0 <= start < end <= len(document.text) else ""
    except (TypeError, ValueError):
        span_text = ""
    return {
        "document": document,
        "claim": claim,
        "form": form,
        "links": links or [],
        "span_text": span_text,
        "action_url": action_url,
        "editable": editable,
        "can_submit": claim is None or permissions.can_submit_claim(request.user, claim),
        "review": review,
        "message": message,
        "level": level,
        "source_form": SourceForm(prefix="new", use_required_attribute=False),
    }


def _page_context(request: HttpRequest, document: Document, panel: dict[str, Any] | None) -> dict[str, Any]:
    """The page around ``panel``; ``document`` from ``selectors.document_for_annotation`` (with
    or without its claims: the cached parts need them only when they are not cached)."""
    state = document.annotation_state

    def claims() -> list[Claim]:
        if not hasattr(document, "visible_claims"):
            selectors.annotation_claims(user=request.user, document=document)
        return document.visible_claims

    fragments = cached_fragments(
        document, state,
        state_now=lambda: selectors.annotation_state(user=request.user, document=document),
        claim_cards=lambda: claim_cards_html(claims()),
        text=lambda: text_html(document.text, document.sentence_spans, claims()),
        # The Source box filters this list on each keystroke: what is listed is what was typed.
        registry=lambda: json_script(selectors.source_registry(), "source-registry"),
    )
    return {
        **(panel or {"document": document}),
        "document": document,
        "sentence_count": state.sentences,
        # The count of the claims shown when they were read (after the state), else the state's.
        "claim_count": len(document.visible_claims) if hasattr(document, "visible_claims") else state.claims,
        # Placeholders, the parts themselves spliced in after rendering (page_response).
        "claim_cards": placeholder("claim_cards"),
        "text": placeholder("text"),
        "source_registry": placeholder("registry"),
        FRAGMENTS: fragments,
        # The attribution suggestions (issue 6): the suggestions block of the page.
        **_suggestions_context(request, document),
    }


def page_response(request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200) -> TemplateResponse:
    """``template`` rendered with a ``_page_context``: its cached parts spliced in."""
    return splice_into(TemplateResponse(request, template, context, status=status), context[FRAGMENTS])


def _suggestions_context(request: HttpRequest, document: Document) -> dict[str, Any]:
    return suggestions_context(request, document)


def _respond(
    request: HttpRequest, document_id: int, panel: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    """The claim panel for htmx (always 200, see the module docstring), else the page with ``status``."""
    if request.htmx:
        return TemplateResponse(request, PANEL, panel)
    document = selectors.document_for_annotation(user=request.user, document_id=document_id)
    return page_response(request, PAGE, _page_context(request, document, panel), status=status)


def _saved(
    request: HttpRequest, document_id: int, claim_id: int | None, message: str, *, undo_url: str = ""
) -> HttpResponse:
    """After a write: the panel, plus the claim list and the text swapped out of band (htmx).

    ``undo_url``: the message carries an "Undo" button that posts there (after a delete)."""
    if not request.htmx:
        url = reverse("claims:document-annotate", args=[document_id])
        return HttpResponseRedirect(f"{url}?claim={claim_id}" if claim_id else url)
    document = selectors.document_for_annotation(user=request.user, document_id=document_id)
    claim = next((c for c in document.visible_claims if c.pk == claim_id), None)
    panel = _claim_panel(request, document=document, claim=claim, message=message, level="success")
    panel["undo_url"] = undo_url
    if claim is None:
        panel["form"] = None
    return page_response(request, "claims/partials/claim_saved.html", _page_context(request, document, panel))


def _visible_claim(request: HttpRequest, claim_id: int) -> Claim | None:
    return selectors.claim_list(user=request.user).filter(pk=claim_id).first()


def _claim_not_found(request: HttpRequest, claim_id: int) -> HttpResponse:
    message = f"Claim {claim_id} does not exist or is not yours to see."
    if request.htmx:
        return TemplateResponse(request, PANEL, {"message": message, "level": "error"})
    return TemplateResponse(request, "claims/message.html", {"message": message, "level": "error"}, status=404)


def _span_from(request: HttpRequest) -> tuple[int | None, int | None]:
    return parse_int_or_none(request.GET.get("start")), parse_int_or_none(request.GET.get("end"))


# --- pages and fragments -----------------------------------------------------------------------


@require_GET
def document_annotate(request: HttpRequest, document_id: int) -> HttpResponse:
    """The annotate page; ``?claim=<id>`` opens one of the user's claims in the panel."""
    claim_id = request.GET.get("claim", "")
    # Without an open claim the claims are read only if the page's cached parts are not there.
    document = selectors.document_for_annotation(user=request.user, document_id=document_id, claims=bool(claim_id))
    panel = None
    status = 200
    if claim_id:
        claim = next((c for c in document.visible_claims if str(c.pk) == claim_id), None)
        if claim is None:
            panel = {"message": f"Claim {claim_id} is not on this document or not yours to see.", "level": "error"}
            status = 404
        else:
            panel = _claim_panel(request, document=document, claim=claim)
    return page_response(request, PAGE, _page_context(request, document, panel), status=status)


@require_http_methods(["GET", "POST"])
def claim_new(request: HttpRequest, document_id: int) -> HttpResponse:
    """GET ``?start=&end=``: the form for a new claim over that span. POST: create it (and submit it)."""
    document = selectors.document_get(user=request.user, document_id=document_id)
    if not permissions.can_annotate(request.user):
        return _respond(
            request,
            document_id,
            {"document": document, "message": "Only analysts can create claims.", "level": "error"},
            status=403,
        )
    if request.method == "GET":
        start, end = _span_from(request)
        form = ClaimForm(initial={"start": start, "end": end})
        try:
            services.validate_span(document=document, start=start, end=end)
        except ValidationError as error:
            message = " ".join(error.messages)
            return _respond(request, document_id, {"document": document, "message": message, "level": "error"}, status=400)
        return _respond(request, document_id, _claim_panel(request, document=document, form=form))
    form = ClaimForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        claim = save_then_submit(
            request,
            form,
            lambda: services.claim_create(
                document=document,
                user=request.user,
                start=data["start"],
                end=data["end"],
                tag=data["tag"],
                chain=data["attributions"],
            ),
        )
        if claim is not None:
            submitted = claim.status == ClaimStatus.SUBMITTED
            return _saved(request, document_id, claim.pk, "Claim submitted for review." if submitted else "Claim saved.")
    panel = _claim_panel(request, document=document, form=form, links=_posted_links(document, form))
    panel.update(message="The claim was not saved: see below.", level="error")
    return _respond(request, document_id, panel, status=422)


@require_http_methods(["GET", "POST"])
def claim_edit(request: HttpRequest, claim_id: int) -> HttpResponse:
    """GET: one of the user's claims in the panel. POST: save it (``action=submit`` also submits it)."""
    claim = _visible_claim(request, claim_id)
    if claim is None:
        return _claim_not_found(request, claim_id)
    document = claim.document
    if request.method == "GET":
        if not request.htmx:
            url = reverse("claims:document-annotate", args=[document.pk])
            return HttpResponseRedirect(f"{url}?claim={claim.pk}")
        return _respond(request, document.pk, _claim_panel(request, document=document, claim=claim))
    form = ClaimForm(request.POST)
    if form.is_valid() and form.cleaned_data["version"] is None:
        form.add_error(None, "The form lacks the claim's version; reload the page.")
    if form.is_valid():
        data = form.cleaned_data
        edited = claim
        try:
            saved = save_then_submit(
                request,
                form,
                lambda: services.claim_update(
                    claim=edited,
                    user=request.user,
                    version=data["version"],
                    tag=data["tag"],
                    chain=data["attributions"],
                    start=data["start"],
                    end=data["end"],
                ),
            )
        except services.StaleVersion as stale:
            current = _visible_claim(request, claim.pk)
            if current is None:
                return _claim_not_found(request, claim_id)
            panel = _claim_panel(
                request,
                document=document,
                claim=current,
                message=STALE_MESSAGE.format(version=stale.current.version),
                level="error",
            )
            panel["stale"] = True
            return _respond(request, document.pk, panel, status=409)
        if saved is not None:
            submitted = saved.status == ClaimStatus.SUBMITTED
            return _saved(request, document.pk, saved.pk, "Claim submitted for review." if submitted else "Claim saved.")
    panel = _claim_panel(request, document=document, claim=claim, form=form, links=_posted_links(document, form))
    panel.update(message="The claim was not saved: see below.", level="error")
    return _respond(request, document.pk, panel, status=422)


@require_POST
def claim_delete(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _visible_claim(request, claim_id)
    if claim is None:
        return _claim_not_found(request, claim_id)
    try:
        services.claim_delete(claim=claim, user=request.user)
    except ValidationError as error:
        panel = _claim_panel(request, document=claim.document, claim=claim, message=" ".join(error.messages), level="error")
        return _respond(request, claim.document_id, panel, status=403)
    return _saved(
        request, claim.document_id, None, "Claim deleted —", undo_url=reverse("claims:claim-restore", args=[claim.pk])
    )


@require_POST
def claim_restore(request: HttpRequest, claim_id: int) -> HttpResponse:
    """"Undo" after "Delete claim": the claim comes back, open in the panel."""
    claim = selectors.deleted_claim_get(user=request.user, claim_id=claim_id)
    if claim is None:
        return _claim_not_found(request, claim_id)
    try:
        services.claim_restore(claim=claim, user=request.user)
    except ValidationError as error:
        return _respond(request, claim.document_id, {"message": " ".join(error.messages), "level": "error"}, status=403)
    return _saved(request, claim.document_id, claim.pk, "Claim restored.")


@require_http_methods(["GET", "POST"])
def chain_link(request: HttpRequest, document_id: int) -> HttpResponse:
    """One row of the chain editor for a source, its mention found near the claim's span.

    GET ``?source=<id>``: a registry source. POST: "New source": create it first. ``start`` and
    ``end`` (the claim's span) say where to look for the mention.
    """
    document = selectors.document_get(user=request.user, document_id=document_id)
    params = request.POST if request.method == "POST" else request.GET
    if request.method == "POST":
        if not permissions.can_annotate(request.user):
            raise PermissionDenied("Only analysts can add sources.")
        form = SourceForm(request.POST, prefix="new")
        source = None
        if form.is_valid():
            try:
                source = services.source_create(
                    name=form.cleaned_data["name"], kind=form.cleaned_data["kind"], aliases=form.cleaned_data["aliases"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
        if source is None:
            messages = [f"{form[f].label}: {' '.join(e)}" if f in form.fields else " ".join(e) for f, e in form.errors.items()]
            return _chain_error(request, "new-source-errors", "The source was not created. " + " ".join(messages))
    else:
        source_id = parse_int_or_none(params.get("source"), min_value=1)
        source = selectors.source_search().filter(pk=source_id).first() if source_id is not None else None
        if source is None:
            return _chain_error(request, "chain-errors", "Choose a source from the list first (type a name, then pick it).")
    mention = None
    start = parse_int_or_none(params.get("start"), min_value=0)
    end = parse_int_or_none(params.get("end"), min_value=0)
    if start is not None and end is not None and start < end <= len(document.text):
        mention = selectors.source_mention(document=document, source=source, start=start, end=end)
    link = ChainLink(source, *(mention or (None, None)), document.text[mention[0] : mention[1]] if mention else "")
    return TemplateResponse(request, "claims/partials/chain_link.html", {"link": link, "editable": True})


def _chain_error(request: HttpRequest, target: str, message: str) -> HttpResponse:
    response = TemplateResponse(request, "claims/partials/message.html", {"message": message, "level": "error"})
    if request.htmx:
        return reswap(retarget(response, f"#{target}"), "innerHTML")
    response.status_code = 422
    return response


@require_GET
def source_options(request: HttpRequest) -> HttpResponse:
    """The combobox's options: registry sources whose name, slug or alias contains ``q``."""
    query = request.GET.get("q", "")[:200]
    sources = list(selectors.source_search(query=query)[:SOURCE_OPTIONS])
    return TemplateResponse(request, "claims/partials/source_options.html", {"sources": sources, "query": query})


# --- guidelines --------------------------------------------------------------------------------

GUIDELINES = Path(settings.BASE_DIR) / "docs" / "guidelines.md"


@functools.lru_cache(maxsize=4)
def _guidelines_html(path: Path, mtime: float) -> str:
    # "js-default": CommonMark without raw HTML, so the page only shows what Markdown produces.
    return MarkdownIt("js-default").enable("table").render(path.read_text(encoding="utf-8"))


@require_GET
def guidelines(request: HttpRequest) -> HttpResponse:
    html = _guidelines_html(GUIDELINES, GUIDELINES.stat().st_mtime)
    return TemplateResponse(request, "claims/guidelines.html", {"guidelines": mark_safe(html)})
