"""The source registry pages: the list with search and filters, create and edit, a page per
source (its claims, publishers, neighbours, notes, merges), merging and undoing, the citation
network and the sourcing trends. Thin: forms parse, ``claims.sources`` / ``claims.services``
write, ``claims.source_selectors`` / ``claims.network`` read."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from claims import network, permissions, selectors, services, source_selectors, sources
from claims.forms import add_service_errors
from claims.models import ClaimStatus, Project, SourceMerge
from claims.source_forms import MergeForm, NetworkFilterForm, NoteForm, RegistryFilterForm, SourceForm

SOURCES_PER_PAGE = 50
# Bars of the trends chart (SVG user units).
CHART_BAR_WIDTH, CHART_HEIGHT = 40, 120


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def registry(request: HttpRequest) -> HttpResponse:
    """``/sources/``: search (accents, case and word order ignored), filters, pages; merge form."""
    choices = source_selectors.registry_choices()
    form = RegistryFilterForm(request.GET or None, countries=choices["countries"])
    filters = form.cleaned_data if form.is_valid() else {}
    found = source_selectors.source_registry(
        user=request.user,
        query=filters.get("q", ""),
        kind=filters.get("kind", ""),
        country=filters.get("country", ""),
        affiliation=filters.get("affiliation", ""),
        rating=filters.get("rating", ""),
        status=filters.get("status", ""),
    )
    page = Paginator(found, SOURCES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    can_merge = permissions.can_merge_source(request.user)
    return TemplateResponse(
        request,
        "claims/sources/registry.html",
        {
            "form": form,
            "page": page,
            "sources": page.object_list,
            "query": query.urlencode(),
            "filtered": any(filters.values()),
            "affiliations": choices["affiliations"],
            "merge_form": MergeForm() if can_merge else None,
            "can_propose": permissions.can_propose_source(request.user),
            "can_edit": permissions.can_edit_source(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def source_new(request: HttpRequest) -> HttpResponse:
    """Reviewers add a source to the registry; an analyst's is a proposal a reviewer confirms."""
    _require(permissions.can_propose_source(request.user), "Only analysts and reviewers can add sources.")
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            source = services.source_create(**form.cleaned_data, user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if source.status == "proposed":
                messages.success(request, f"{source.name} proposed: a reviewer will confirm it or merge it into an existing source.")
            else:
                messages.success(request, f"{source.name} added to the registry.")
            return HttpResponseRedirect(source.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "claims/sources/form.html", {"form": form, "source": None}, status=status)


@require_http_methods(["GET", "POST"])
def source_edit(request: HttpRequest, slug: str) -> HttpResponse:
    source = source_selectors.source_get(slug=slug)
    _require(permissions.can_edit_source(request.user), "Only reviewers, managers and admins can edit sources.")
    form = SourceForm(request.POST) if request.method == "POST" else SourceForm.for_source(source)
    if request.method == "POST" and form.is_valid():
        try:
            services.source_update(source=source, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{source.name} saved.")
            return HttpResponseRedirect(source.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "claims/sources/form.html", {"form": form, "source": source}, status=status)


def source_detail(request: HttpRequest, slug: str, note_form: NoteForm | None = None, status: int = 200) -> HttpResponse:
    """A source's page. ``?claims=all`` counts claims under review too (approved by default)."""
    source = source_selectors.source_get(slug=slug)
    include_submitted = request.GET.get("claims") == "all"
    statuses = (ClaimStatus.APPROVED, ClaimStatus.SUBMITTED) if include_submitted else (ClaimStatus.APPROVED,)
    page = source_selectors.source_page(user=request.user, source=source, statuses=statuses)
    can_rate = permissions.can_rate_source(request.user)
    return TemplateResponse(
        request,
        "claims/sources/detail.html",
        {
            "source": source,
            "page": page,
            "include_submitted": include_submitted,
            "note_form": (note_form or NoteForm()) if can_rate else None,
            "can_edit": permissions.can_edit_source(request.user),
            "can_merge": permissions.can_merge_source(request.user),
            "month_bars": _month_bars(page.months, page.month_max),
            "month_chart_width": max(1, len(page.months)) * CHART_BAR_WIDTH,
        },
        status=status,
    )


def _month_bars(months: list[dict], top: int) -> list[dict]:
    return [
        {
            "label": month["month"].strftime("%Y-%m"),
            "claims": month["claims"],
            "x": i * CHART_BAR_WIDTH,
            "height": round(CHART_HEIGHT * month["claims"] / top) if top else 0,
            "y": CHART_HEIGHT - (round(CHART_HEIGHT * month["claims"] / top) if top else 0),
        }
        for i, month in enumerate(months)
    ]


@require_POST
def note_add(request: HttpRequest, slug: str) -> HttpResponse:
    source = source_selectors.source_get(slug=slug)
    _require(permissions.can_rate_source(request.user), "Only reviewers, managers and admins can add credibility notes.")
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            sources.credibility_note_add(source=source, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Note added: {source.name} is now rated {source.get_rating_display().lower()}.")
            return HttpResponseRedirect(source.get_absolute_url())
    return source_detail(request, slug, note_form=form, status=400)


@require_POST
def source_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    source = source_selectors.source_get(slug=slug)
    try:
        sources.source_confirm(source=source, user=request.user)
    except ValidationError as error:
        raise PermissionDenied(" ".join(error.messages)) from None
    messages.success(request, f"{source.name} confirmed.")
    return HttpResponseRedirect(source.get_absolute_url())


@require_POST
def source_merge(request: HttpRequest) -> HttpResponse:
    """Merge the duplicate chosen in the registry's form into the source that stays."""
    _require(permissions.can_merge_source(request.user), "Only reviewers, managers and admins can merge sources.")
    form = MergeForm(request.POST)
    if form.is_valid():
        duplicate, into = form.cleaned_data["source"], form.cleaned_data["into"]
        try:
            merge = sources.source_merge(source=duplicate, into=into, user=request.user)
        except ValidationError as error:
            messages.error(request, f"Not merged: {' '.join(error.messages)}")
        else:
            moved = len(merge.attributions)
            messages.success(
                request,
                f"{duplicate.name} merged into {into.name}: {moved} chain link{'s' if moved != 1 else ''} moved. "
                "Undo it from the merge history below.",
            )
            return HttpResponseRedirect(into.get_absolute_url())
    else:
        messages.error(request, "Not merged: " + " ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()))
    return HttpResponseRedirect(reverse("claims:source-registry"))


@require_POST
def merge_undo(request: HttpRequest, merge_id: int) -> HttpResponse:
    _require(permissions.can_merge_source(request.user), "Only reviewers, managers and admins can undo merges.")
    merge = get_object_or_404(SourceMerge.objects.select_related("into"), pk=merge_id)
    try:
        source = sources.source_unmerge(merge=merge, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(merge.into.get_absolute_url())
    messages.success(request, f"Merge undone: {source.name} is back with its chain links.")
    return HttpResponseRedirect(source.get_absolute_url())


def network_page(request: HttpRequest) -> HttpResponse:
    """The citation network, drawn in the browser from the API's JSON (static/claims/network.js)."""
    form = NetworkFilterForm(
        request.GET or None,
        publishers=selectors.publisher_list().order_by("name"),
        projects=Project.objects.visible_to(request.user).only("pk", "name").order_by("name"),
    )
    params: dict[str, str] = {}  # by default the contract's network: chain links only
    colour = "kind"
    if form.is_valid():
        data = form.cleaned_data
        params = {
            key: value
            for key, value in {
                "project": str(data["project"].pk) if data.get("project") else "",
                "publisher": data["publisher"].slug if data.get("publisher") else "",
                "since": data["since"].isoformat() if data.get("since") else "",
                "until": data["until"].isoformat() if data.get("until") else "",
                "min_weight": str(data["min_weight"]) if data.get("min_weight") else "",
                "publishers": "true" if data.get("publishers") else "",
            }.items()
            if value
        }
        colour = data.get("colour") or "kind"
    api_query = urlencode(params)
    return TemplateResponse(
        request,
        "claims/sources/network.html",
        {
            "form": form,
            "network_url": f"{reverse('api:network')}?{api_query}",
            "graphml_url": f"{reverse('api:network')}?{urlencode({**params, 'format': 'graphml'})}",
            "gexf_url": f"{reverse('api:network')}?{urlencode({**params, 'format': 'gexf'})}",
            "colour": colour,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def trends_page(request: HttpRequest) -> HttpResponse:
    """Sourcing per publisher and month, as stacked bars (SVG, drawn on the server)."""
    form = NetworkFilterForm(
        request.GET or None,
        publishers=selectors.publisher_list().order_by("name"),
        projects=Project.objects.visible_to(request.user).only("pk", "name").order_by("name"),
    )
    filters = network.NetworkFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = network.NetworkFilters(
            project=data.get("project"), publisher=data.get("publisher"), since=data.get("since"), until=data.get("until")
        )
    series = network.sourcing_trends(user=request.user, filters=filters)
    return TemplateResponse(
        request,
        "claims/sources/trends.html",
        {"form": form, "series": [_trend_chart(entry) for entry in series], "trends_url": reverse("api:trends")},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


TREND_PARTS = (("sourced", "Sourced"), ("unsourced", "Unsourced"), ("anonymous_only", "Anonymous only"), ("vague", "Vague"))
TREND_BAR = 8  # one thin bar per share, four per month


def _trend_chart(entry: dict) -> dict:
    """One publisher's months as groups of four bars: the sourced, unsourced, anonymous-only
    and vague shares of that month's claims (the last two overlap the first two)."""
    groups = []
    step = TREND_BAR * len(TREND_PARTS) + 10
    for i, month in enumerate(entry["months"]):
        bars = []
        for j, (key, label) in enumerate(TREND_PARTS):
            height = round(CHART_HEIGHT * month[f"{key}_share"], 2)
            bars.append(
                {"key": key, "label": label, "count": month[key], "share": month[f"{key}_share"],
                 "x": i * step + j * TREND_BAR, "y": round(CHART_HEIGHT - height, 2), "height": height}
            )  # fmt: skip
        groups.append({"month": month, "x": i * step, "bars": bars})
    return {**entry, "groups": groups, "width": max(1, len(groups)) * step}
