"""Query filters (django-filter). The claim filters serve the claim list and the exports alike."""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from claims.models import ClaimStatus, ClaimTag, Document, Project, Source, SourceKind, SourceRating, SourceStatus


class SourceIdOrSlugField(forms.ModelChoiceField):
    """A registry source given by its id or by its slug (chains, exports and corrections name
    sources by slug; the lists took only ids)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()
        lookup = {"pk": int(value)} if value.isdigit() else {"slug": value}
        source = self.queryset.filter(**lookup).first()
        if source is None:
            # The value goes in as a parameter: django-filter formats the message with ``%``, and
            # a "%u" the client sent must not be read as a conversion.
            raise ValidationError("No source has the id or slug %(value)r.", code="invalid_choice", params={"value": value})
        return source


class SourceRefFilter(django_filters.ModelChoiceFilter):
    field_class = SourceIdOrSlugField


def _projects(request) -> QuerySet:
    """The projects the caller is in; the command line (no request) names any project."""
    if request is None:
        return Project.objects.all()
    return Project.objects.visible_to(request.user)


class ProjectFilterMixin(django_filters.FilterSet):
    project = django_filters.ModelChoiceFilter(
        queryset=_projects, method="filter_project", help_text="Only this project's documents (id)."
    )

    def filter_project(self, queryset: QuerySet, name: str, value: Project) -> QuerySet:
        return queryset.in_project(value.pk)


class ClaimFilter(ProjectFilterMixin):
    layer = django_filters.ChoiceFilter(
        choices=[("all", "all"), ("curated", "curated")],
        method="filter_layer",
        help_text="`curated`: only the claims in the curated layer (of `project`, or of any project); `all` (default): every claim.",
    )
    document = django_filters.ModelChoiceFilter(
        queryset=Document.objects.only("pk"), help_text="Claims of this document (id)."
    )
    publisher = SourceRefFilter(
        field_name="document__publisher",
        queryset=Source.objects.only("pk", "slug"),
        help_text="Claims in documents of this publisher (source id or slug).",
    )
    source = SourceRefFilter(
        queryset=Source.objects.only("pk", "slug"),
        method="filter_source",
        help_text="Claims whose chain cites this source (id or slug) at any position.",
    )
    direct_source = SourceRefFilter(
        queryset=Source.objects.only("pk", "slug"),
        method="filter_direct_source",
        help_text="Claims that cite this source (id or slug) directly: position 0 of the chain.",
    )
    source_kind = django_filters.ChoiceFilter(
        choices=SourceKind.choices,
        field_name="attributions__source__kind",
        distinct=True,
        help_text="Claims whose chain holds a source of this kind.",
    )
    tag = django_filters.ChoiceFilter(choices=ClaimTag.choices)
    status = django_filters.ChoiceFilter(choices=ClaimStatus.choices)
    annotator = django_filters.CharFilter(
        field_name="annotator__username", max_length=150, help_text="The analyst's username."
    )
    reviewer = django_filters.CharFilter(
        field_name="reviews__reviewer__username",
        max_length=150,
        distinct=True,
        help_text="Claims reviewed by this username.",
    )
    created_after = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = django_filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="lt")
    updated_after = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")
    updated_before = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="lt")
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Incremental pulls: claims changed at or after this moment (ISO 8601).",
    )

    def filter_source(self, queryset: QuerySet, name: str, value: Source) -> QuerySet:
        return queryset.cited_source(value.pk)

    def filter_layer(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value != "curated":
            return queryset
        project = self.form.cleaned_data.get("project")
        return queryset.curated(project.pk if project else None)

    def filter_direct_source(self, queryset: QuerySet, name: str, value: Source) -> QuerySet:
        return queryset.cited_source(value.pk, direct_only=True)


class DocumentFilter(ProjectFilterMixin):
    publisher = SourceRefFilter(queryset=Source.objects.only("pk", "slug"), help_text="Source id or slug.")
    published_after = django_filters.IsoDateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = django_filters.IsoDateTimeFilter(field_name="published_at", lookup_expr="lt")
    search = django_filters.CharFilter(
        method="filter_search", max_length=500, help_text="French full-text search over title and text."
    )

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.search(value)


class SourceFilter(django_filters.FilterSet):
    search = django_filters.CharFilter(
        method="filter_search", max_length=200, help_text="Name, slug or alias contains this (accents ignored)."
    )
    kind = django_filters.ChoiceFilter(choices=SourceKind.choices)
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact", max_length=2, help_text="ISO code.")
    affiliation = django_filters.CharFilter(
        field_name="affiliation", lookup_expr="unaccent__icontains", max_length=200, help_text="Contains this."
    )
    rating = django_filters.ChoiceFilter(choices=SourceRating.choices, help_text="The latest credibility rating.")
    status = django_filters.ChoiceFilter(choices=SourceStatus.choices, help_text="proposed or confirmed.")

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.search(value)
