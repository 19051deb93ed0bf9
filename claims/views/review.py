"""The review queue: submitted claims, filters, approve or reject one (with a correction) or many.

Thin: the rules live in ``services.claim_review`` / ``services.claims_bulk_approve`` and who
may act in ``claims.permissions``; these views parse the forms and render.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from claims import permissions, selectors, services
from claims.models import Claim, ClaimStatus, ClaimTag, Document, RejectReason, ReviewDecision, Source
from claims.input_checks import parse_int
from claims.services import Link

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
    )
    publisher = django_filters.ModelChoiceFilter(
        label="Publisher",
        field_name="document__publisher",
        queryset=lambda request: Source.objects.filter(
            pk__in=Document.objects.filter(
                claims__in=Claim.objects.visible_to(request.user).filter(status=ClaimStatus.SUBMITTED)
            ).values("publisher")
        ).only("pk", "name"),
    )
    source = django_filters.ModelChoiceFilter(
        label="Cited source",
        method="filter_source",
        queryset=lambda request: Source.objects.filter(
            attributions__claim__in=Claim.objects.visible_to(request.user).filter(status=ClaimStatus.SUBMITTED)
        ).distinct().only("pk", "name"),
    )
    analyst = django_filters.ModelChoiceFilter(
        label="Analyst",
        field_name="annotator",
        queryset=lambda request: get_user_model().objects.filter(
            pk__in=Claim.objects.visible_to(request.user).filter(status=ClaimStatus.SUBMITTED).values("annotator")
        ).order_by("username"),
    )
    tag = django_filters.ChoiceFilter(label="Tag", choices=ClaimTag.choices, empty_label="any")

    class Meta:
        model = Claim
        fields = ["document", "publisher", "source", "analyst", "tag"]

    def filter_source(self, queryset, name: str, value: Source):
        return queryset.cited_source(value.pk) if value else queryset


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
                return TemplateResponse(request, TEMPLATE + "#decided", {"claim": claim, "review": review, "verb": verb, "note": note})
            messages.success(request, f"Claim {claim.pk} {verb}{note}.")
            return HttpResponseRedirect(_back(request))
    # The form again, with what is wrong: the row alone for htmx, else the whole queue.
    if request.htmx:
        claim = selectors.review_queue(user=request.user).filter(pk=claim.pk).first() or claim
        return TemplateResponse(request, TEMPLATE + "#item", {"claim": claim, "form": form, "reasons": RejectReason.choices})
    return TemplateResponse(request, TEMPLATE, _queue_context(request, forms={claim.pk: form}), status=400)


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
