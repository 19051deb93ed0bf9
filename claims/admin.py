"""Django admin for every model, with search and filters (history is audited by triggers)."""

from django.contrib import admin
from django.utils.dateparse import parse_datetime

from claims.models import Attribution, Claim, Document, Review, Sentence, Source, Suggestion


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "slug", "aliases", "description"]
    prepopulated_fields = {"slug": ["name"]}


class SentenceInline(admin.TabularInline):
    model = Sentence
    extra = 0
    fields = ["index", "start", "end", "kind"]
    readonly_fields = fields
    can_delete = False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_at", "language", "suggestion_state", "created_at"]
    list_filter = ["language", "publisher", "suggestion_state", "created_at"]
    search_fields = ["title", "url"]
    list_select_related = ["publisher"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["content_hash", "created_at", "suggestion_state"]

    def get_changeform_initial_data(self, request):
        # The add form takes initial values from the query string; a date there that does not
        # parse would reach the widget as a string and fail to render (a 500), so drop it.
        initial = super().get_changeform_initial_data(request)
        value = initial.get("published_at")
        if value is not None:
            try:
                parsed = parse_datetime(str(value))
            except ValueError:
                parsed = None
            if parsed is None:
                initial.pop("published_at")
        return initial
    inlines = [SentenceInline]

    def get_readonly_fields(self, request, obj=None):
        # The text is immutable once stored (a database trigger enforces it too).
        return [*self.readonly_fields, "text"] if obj else self.readonly_fields


class AttributionInline(admin.TabularInline):
    model = Attribution
    extra = 0
    autocomplete_fields = ["source"]


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0
    raw_id_fields = ["reviewer"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["id", "document", "tag", "status", "annotator", "version", "updated_at"]
    list_filter = ["tag", "status", "annotator", "document__publisher"]
    search_fields = ["text", "document__title", "annotator__username"]
    list_select_related = ["document", "annotator"]
    raw_id_fields = ["document", "annotator", "suggestion"]
    inlines = [AttributionInline, ReviewInline]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["id", "claim", "decision", "reason", "reviewer", "created_at"]
    list_filter = ["decision", "reason", "reviewer"]
    search_fields = ["comment", "claim__text"]
    raw_id_fields = ["claim", "reviewer"]


@admin.register(Sentence)
class SentenceAdmin(admin.ModelAdmin):
    list_display = ["document", "index", "start", "end", "kind"]
    list_filter = ["kind"]
    search_fields = ["document__title"]
    list_select_related = ["document"]
    raw_id_fields = ["document"]


@admin.register(Attribution)
class AttributionAdmin(admin.ModelAdmin):
    list_display = ["claim", "position", "source", "mention_start", "mention_end"]
    list_filter = ["source__kind", "position"]
    search_fields = ["source__name", "claim__text"]
    list_select_related = ["claim", "source"]
    raw_id_fields = ["claim"]
    autocomplete_fields = ["source"]


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["id", "document", "start", "end", "tag", "confidence"]
    list_filter = ["tag"]
    raw_id_fields = ["document"]
