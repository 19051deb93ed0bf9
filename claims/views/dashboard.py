"""The dashboard: figures over the claims sent for review, two charts as server-rendered SVG."""

from __future__ import annotations

import math

import pygal
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET
from pygal.etree import etree
from pygal.style import Style

from claims import permissions, stats

TOP_SOURCES = 15
CHART_STYLE = Style(
    background="white",
    plot_background="white",
    font_family="system-ui, sans-serif",
    colors=("#1f6f43", "#9a3b00", "#20303f", "#7a7a7a"),
    # Readable at the page's width (the SVG scales down to about 80 %): 12 px and more.
    label_font_size=15,
    major_label_font_size=15,
    legend_font_size=15,
    title_font_size=18,
    value_font_size=14,
    tooltip_font_size=14,
    value_label_font_size=14,
    no_data_font_size=15,
)


def _count_axis(*series: list[int]) -> dict:
    """An integer axis for counts: whole-number ticks from 0, at most about ten of them."""
    top = max([0, *(v for values in series for v in values)])
    step = max(1, math.ceil(top / 10))
    top = max(step, math.ceil(top / step) * step)
    return {"range": (0, top), "y_labels": list(range(0, top + 1, step)), "value_formatter": lambda v: f"{v:.0f}"}


def _svg(chart: pygal.graph.graph.Graph, label: str) -> SafeString:
    """Inline SVG without pygal's scripts (they would load from a CDN and add nothing here).

    Safe to mark safe: pygal builds the SVG as an XML tree, so names from the source registry
    (user-controlled) are serialised as escaped text, never as markup.
    """
    tree = chart.render_tree()
    for parent in list(tree.iter()):
        for child in list(parent):
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    tree.set("role", "img")
    tree.set("aria-label", label)
    return mark_safe(etree.tostring(tree, encoding="unicode"))  # noqa: S308 - escaped by the XML serialiser


def _options(title: str, **extra) -> dict:
    return {
        "title": title,
        "style": CHART_STYLE,
        "js": [],
        "disable_xml_declaration": True,
        "width": 800,
        "height": 420,
        "legend_at_bottom": True,
        "truncate_label": 40,
        "print_values": False,
        **extra,
    }


def _charts(figures: stats.Figures, weeks: list) -> dict[str, SafeString]:
    sources = figures.sources[:TOP_SOURCES]
    by_source = pygal.HorizontalBar(
        **_options(
            f"Claims per cited source (top {len(sources)})",
            **_count_axis([s.direct for s in sources], [s.claims for s in sources]),
        )
    )
    by_source.x_labels = [s.name for s in sources]
    by_source.add("Cited directly", [s.direct for s in sources])
    by_source.add("Anywhere in the chain", [s.claims for s in sources])

    totals = [p.sourced + p.unsourced for p in figures.publishers]
    by_publisher = pygal.StackedBar(
        **_options("Sourced and unsourced claims per publisher", truncate_label=24, **_count_axis(totals))
    )
    by_publisher.x_labels = [p.name or "no publisher" for p in figures.publishers]
    by_publisher.add("Sourced", [p.sourced for p in figures.publishers])
    by_publisher.add("Unsourced", [p.unsourced for p in figures.publishers])

    t = figures.totals
    named = pygal.Pie(**_options("Sourced claims: who is the source?", inner_radius=0.4))
    named.add("Someone named", t.sourced - t.anonymous_or_vague_only)
    named.add("Anonymous or vague only", t.anonymous_or_vague_only)
    per_week = pygal.StackedBar(
        **_options("Claims per week by tag", **_count_axis([s + u for _, s, u in weeks]))
    )
    per_week.x_labels = [f"{monday:%d %b}" for monday, _, _ in weeks]
    per_week.add("Sourced", [s for _, s, _ in weeks])
    per_week.add("Unsourced", [u for _, _, u in weeks])
    charts = {
        "publishers": _svg(by_publisher, "Bar chart: sourced and unsourced claims per publisher; figures in the table below."),
        "weeks": _svg(per_week, "Bar chart: sourced and unsourced claims per week of creation."),
    }
    if t.sourced:  # with no sourced claim these two would be empty
        charts["sources"] = _svg(by_source, "Bar chart: claims per cited source; the same figures are in the table below.")
        charts["named"] = _svg(named, "Pie chart: sourced claims naming someone against anonymous or vague only.")
    return charts


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_dashboard(request.user):
        raise PermissionDenied("The dashboard is for reviewers and administrators.")
    status = request.GET.get("status", "")
    if status not in stats.STATUS_CHOICES:
        status = ""
    claims = stats.dashboard_claims(user=request.user, status=status)
    figures = stats.dashboard_figures(claims=claims)
    return TemplateResponse(
        request,
        "claims/dashboard.html",
        {
            "figures": figures,
            "charts": _charts(figures, stats.claims_per_week(claims)) if figures.totals.claims else {},
            "status": status,
            "status_choices": stats.STATUS_CHOICES.items(),
            "recent_days": stats.RECENT_DAYS,
        },
    )
