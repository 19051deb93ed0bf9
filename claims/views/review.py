"""The review queue: submitted claims, filters, approve or reject one (with a correction) or many.

Thin: the rules live in ``services.claim_review`` / ``services.claims_bulk_approve`` and who
may act in ``claims.permissions``; these views parse the forms and render.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from claims import permissions, selectors, services
from claims.models import Claim, ClaimStatus, ClaimTag, Document, RejectReason, ReviewDecision, Source
from claims.input_checks import parse_int
from claims.services import Link
from claims.views.review_rows import queue_sentence_html

CLAIMS_PER_PAGE = 25
TEMPLATE = "claims/review.html"


def _require_reviewer(request: HttpRequest) -> None:
    if not permissions.can_use_review_queue(request.user):
        raise PermissionDenied("Only reviewers can review claims.")


class ReviewQueueFilter(django_filters.FilterSet):
    """The queue's filters; each list only offers what is in the queue."""

    document = django_filters.ModelChoiceFilter(
        label="Document",
        queryset=lambda request: Document.objects.filter(
            pk__in=Claim.objects.visible_to(request.user).filter(status=ClaimStatus.SUBMITTED).values("document")
        ).only("pk", "title").order_by("title"),
        empty_label="any document",
    )
    publisher = django_filters.ModelChoiceFilter(
        label="Publisher",
        field_name="document__publisher",
        queryset=lambda request: Source.objects.filter(
            pk__in=Document.objects.filter(
                claims__in=Claim.objects.visible_to(request.user).filter(status=ClaimStatus.SUBMITTED)
            ).values("publisher")
        ).only("pk", "name"),
        empty_label="any publisher",
    )
    source = django_filters.ModelChoiceFilter(
        label="Cited source",
        method="filter_source",
        queryset=lambda request: Source.objects.filter(
            attributions__claim__in=Claim.objects.visible_to(request.user).filter(status=ClaimStatus.SUBMITTED)
        ).distinct().only("pk", "name"),
        empty_label="any source",
    )
    analyst = django_filters.ModelChoiceFilter(
        label="Analyst",
        field_name="annotator",
        queryset=lambda request: get_user_model().objects.filter(
            pk__in=Claim.objects.visible_to(request.user).filter(status=ClaimStatus.SUBMITTED).values("annotator")
        ).order_by("username"),
        empty_label="any analyst",
    )
    tag = django_filters.ChoiceFilter(label="Tag", choices=ClaimTag.choices, empty_label="any tag")
    q = django_filters.CharFilter(label="Search claim text", method="filter_text", max_length=200)

    class Meta:
        model = Claim
        fields = ["q", "document", "publisher", "source", "analyst", "tag"]

    def filter_source(self, queryset, name: str, value: Source):
        return queryset.cited_source(value.pk) if value else queryset

    def filter_text(self, queryset, name: str, value: str):
        """Claims whose text holds every word, in any order, ignoring case and accents."""
        for word in value.split():
            queryset = queryset.filter(text__unaccent__icontains=word)
        return queryset


class ReviewForm(forms.Form):
    """One decision on one claim; on approval the tag and chain fields may carry a correction."""

    comment = forms.CharField(label="Comment", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.ChoiceField(label="Reason", required=False, choices=[("", "—"), *RejectReason.choices])
    tag = forms.ChoiceField(label="Tag", required=False, choices=ClaimTag.choices)
    chain = forms.CharField(
        label="Chain",
        required=False,
        help_text="Source slugs in order, the directly cited source first, separated by commas.",
    )

    def __init__(self, *args: Any, claim: Claim, **kwargs: Any) -> None:
        self.claim = claim
        kwargs.setdefault("prefix", f"claim-{claim.pk}")
        kwargs.setdefault("initial", {"tag": claim.tag, "chain": ", ".join(_chain_slugs(claim))})
        super().__init__(*args, **kwargs)

    def clean_chain(self) -> list[Link] | None:
        """The chain as typed, or None when unchanged; links that stay keep their mentions."""
        if self.add_prefix("chain") not in self.data:
            return None
        slugs = [s.strip() for s in self.cleaned_data.get("chain", "").split(",") if s.strip()]
        if slugs == _chain_slugs(self.claim):
            return None
        sources = {s.slug: s for s in Source.objects.filter(slug__in=slugs)}
        unknown = [s for s in slugs if s not in sources]
        if unknown:
            raise ValidationError(f"Unknown source: {', '.join(unknown)}.")
        kept = {link.source.slug: link for link in services.chain_of(self.claim)}
        return [
            Link(sources[slug], i, kept[slug].mention_start, kept[slug].mention_end)
            if slug in kept
            else Link(sources[slug], i)
            for i, slug in enumerate(slugs)
        ]

    def clean_tag(self) -> str | None:
        tag = self.cleaned_data.get("tag")
        return tag if tag and tag != self.claim.tag else None


def _chain_slugs(claim: Claim) -> list[str]:
    return [a.source.slug for a in sorted(claim.attributions.all(), key=lambda a: a.position)]


def _queue_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    queue = ReviewQueueFilter(request.GET, queryset=selectors.review_queue(user=request.user), request=request)
    page = Paginator(queue.qs, CLAIMS_PER_PAGE).get_page(request.GET.get("page"))
    forms_by_claim = extra.pop("forms", {})
    items = [(claim, forms_by_claim.pop(claim.pk, None) or ReviewForm(claim=claim)) for claim in page.object_list]
    for claim, _ in items:
        claim.sentence_html = queue_sentence_html(claim)
    # A decision on a claim that has left the queue (reviewed meanwhile): its errors go on top.
    stray_errors = [
        f"Claim {pk}: {error}" for pk, form in forms_by_claim.items() for errors in form.errors.values() for error in errors
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter": queue,
        "page": page,
        "items": items,
        "query": query.urlencode(),
        "filtered": any(request.GET.get(name) for name in ReviewQueueFilter.base_filters),
        "reasons": RejectReason.choices,
        "stray_errors": stray_errors,
        **extra,
    }


@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    """Submitted claims with their sentence, tag, chain and analyst; filters; pages."""
    _require_reviewer(request)
    template = TEMPLATE + "#queue" if request.htmx and not request.htmx.boosted else TEMPLATE
    return TemplateResponse(request, template, _queue_context(request))


def _back(request: HttpRequest) -> str:
    """Where to return after a decision: the queue as it was filtered."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("claims:review-queue")


@require_POST
def review_decide(request: HttpRequest, claim_id: int) -> HttpResponse:
    """Approve (optionally correcting tag or chain) or reject one claim."""
    _require_reviewer(request)
    claim = get_object_or_404(selectors.claim_list(user=request.user), pk=claim_id)
    form = ReviewForm(request.POST, claim=claim)
    decision = request.POST.get("decision", "")
    if decision not in ReviewDecision.values:
        form.add_error(None, "Choose Approve or Reject.")
    elif form.is_valid():
        data = form.cleaned_data
        try:
            review = services.claim_review(
                claim=claim,
                reviewer=request.user,
                decision=decision,
                comment=data["comment"],
                reason=data["reason"],
                tag=data["tag"] if decision == ReviewDecision.APPROVE else None,
                chain=data["chain"] if decision == ReviewDecision.APPROVE else None,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            verb = "approved" if review.decision == ReviewDecision.APPROVE else "rejected"
            note = " with a correction" if review.correction else ""
            if request.htmx:
                context = {"claim": claim, "review": review, "verb": verb, "note": note, **_count_context(request)}
                return TemplateResponse(request, TEMPLATE + "#decided", context)
            messages.success(request, f"Claim {claim.pk} {verb}{note}.")
            return HttpResponseRedirect(_back(request))
    # The form again, with what is wrong: the row alone for htmx, else the whole queue.
    if request.htmx:
        return _row(request, claim, form)
    return TemplateResponse(request, TEMPLATE, _queue_context(request, forms={claim.pk: form}), status=400)


def _row(request: HttpRequest, claim: Claim, form: ReviewForm | None = None, **extra: Any) -> HttpResponse:
    """One queue row (htmx), e.g. with a form's errors or back after an undo."""
    claim = selectors.review_queue(user=request.user).filter(pk=claim.pk).first() or claim
    if hasattr(claim, "context_before"):
        claim.sentence_html = queue_sentence_html(claim)
    context = {"claim": claim, "form": form or ReviewForm(claim=claim), "reasons": RejectReason.choices, **extra}
    return TemplateResponse(request, TEMPLATE + "#item", context)


def _count_context(request: HttpRequest) -> dict[str, Any]:
    """The queue's counter as the page it came from filters it (``next``), swapped out of band."""
    target = request.POST.get("next", "")
    params = QueryDict(urlsplit(target).query) if target else QueryDict()
    queue = ReviewQueueFilter(params, queryset=selectors.review_queue(user=request.user), request=request)
    filtered = any(params.get(name) for name in ReviewQueueFilter.base_filters)
    return {"waiting": queue.qs.count(), "filtered": filtered, "count_oob": True}


@require_POST
def review_undo(request: HttpRequest, claim_id: int) -> HttpResponse:
    """"Undo" a decision just made (a single key approves): the claim is back in the queue."""
    _require_reviewer(request)
    claim = get_object_or_404(selectors.claim_list(user=request.user), pk=claim_id)
    try:
        services.claim_review_undo(claim=claim, reviewer=request.user)
    except ValidationError as error:
        if request.htmx:
            return TemplateResponse(request, "claims/partials/message.html", {"message": " ".join(error.messages), "level": "error"})
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(_back(request))
    if request.htmx:
        return _row(request, claim, **_count_context(request))
    messages.success(request, f"Claim {claim.pk} is back in the queue.")
    return HttpResponseRedirect(_back(request))


# The services' field names that the review form calls otherwise.
SERVICE_FIELDS = {"attributions": "chain"}


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            name = SERVICE_FIELDS.get(name, name)
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@require_POST
def review_bulk_approve(request: HttpRequest) -> HttpResponse:
    """Approve the selected claims in one transaction; say which were refused and why."""
    _require_reviewer(request)
    try:
        ids = [parse_int(pk, field="claims", min_value=1) for pk in request.POST.getlist("claims")]
        result = services.claims_bulk_approve(claim_ids=ids, reviewer=request.user, comment=request.POST.get("comment", ""))
    except ValueError:
        return TemplateResponse(request, TEMPLATE, _queue_context(request, bulk_error="Claims are chosen by their numbers."), status=400)
    except ValidationError as error:
        return TemplateResponse(request, TEMPLATE, _queue_context(request, bulk_error=" ".join(error.messages)), status=400)
    if result.approved:
        messages.success(request, f"{len(result.approved)} claim{'s' if len(result.approved) != 1 else ''} approved.")
    for pk, reason in result.refused.items():
        messages.error(request, f"Claim {pk} not approved: {reason}")
    return HttpResponseRedirect(_back(request))
