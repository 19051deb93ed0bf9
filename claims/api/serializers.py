"""API serializers: one for each output shape, a separate one for each input.

Output shapes follow /work/shared/CONTRACT.md exactly. Inputs only parse and type-check; the
rules (spans inside the text, chain positions, who may do what) live in ``claims.services``.
DRF's ``CharField`` already refuses NUL characters and lone surrogates, so every string field
below, nested or not, answers 400 for them before anything reaches PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import (
    Attribution,
    Claim,
    ClaimFlag,
    ClaimTag,
    Document,
    RejectReason,
    Review,
    ReviewDecision,
    Sentence,
    Source,
    SourceKind,
    SourceRating,
    SuggestionState,
)
from claims.services import MAX_DOCUMENT_CHARS, Link

MAX_OFFSET = 2**31 - 1  # PostgreSQL integer columns
MAX_CHAIN_LENGTH = 50

# --- output ------------------------------------------------------------------------------------


class SourceRefSerializer(serializers.ModelSerializer):
    """A source as it appears inside a claim's chain."""

    class Meta:
        model = Source
        fields = ["id", "slug", "name", "kind"]
        read_only_fields = fields


class MentionSerializer(serializers.Serializer):
    start = serializers.IntegerField(help_text="Code point offset into the document text.")
    end = serializers.IntegerField(help_text="Exclusive.")
    text = serializers.CharField()


def mention_text(claim: Claim, start: int, end: int) -> str:
    """The mention's text; from the claim's own text when it lies inside it (most do)."""
    if claim.start <= start and end <= claim.end:
        return claim.text[start - claim.start : end - claim.start]
    return claim.document.text[start:end]


class AttributionSerializer(serializers.ModelSerializer):
    source = SourceRefSerializer()
    mention = serializers.SerializerMethodField()

    class Meta:
        model = Attribution
        fields = ["position", "source", "mention"]

    @extend_schema_field(MentionSerializer(allow_null=True))
    def get_mention(self, attribution: Attribution) -> dict[str, Any] | None:
        if attribution.mention_start is None:
            return None
        start, end = attribution.mention_start, attribution.mention_end
        return {"start": start, "end": end, "text": mention_text(attribution.claim, start, end)}


class ClaimSerializer(serializers.ModelSerializer):
    """The contract's claim. Expects ``selectors.claim_list()`` rows (chain prefetched)."""

    document = serializers.IntegerField(source="document_id")
    attributions = AttributionSerializer(many=True)
    annotator = serializers.CharField(source="annotator.username")

    class Meta:
        model = Claim
        fields = [
            "id", "document", "start", "end", "text", "tag", "flags", "attributions",
            "status", "annotator", "version", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def to_representation(self, claim: Claim) -> dict[str, Any]:
        # Built by hand, same shape as the declared fields: a page of 100 claims otherwise spends
        # most of its time in DRF's per-field machinery (B4 in bench/).
        return claim_json(claim, claim.attributions.all())


def claim_json(claim: Claim, chain) -> dict[str, Any]:
    """``ClaimSerializer``'s output with the chain given: ``Attribution`` rows, or the
    ``services.Link`` values a claim was just written with (so it need not be read back)."""
    return {
            "id": claim.pk,
            "document": claim.document_id,
            "start": claim.start,
            "end": claim.end,
            "text": claim.text,
            "tag": claim.tag,
            "flags": list(claim.flags or ()),
            "attributions": [attribution_json(claim, link) for link in sorted(chain, key=lambda link: link.position)],
            "status": claim.status,
            "annotator": claim.annotator.username,
            "version": claim.version,
            "created_at": _DATETIME.to_representation(claim.created_at),
            "updated_at": _DATETIME.to_representation(claim.updated_at),
        }


_DATETIME = serializers.DateTimeField()


def attribution_json(claim: Claim, attribution: Attribution) -> dict[str, Any]:
    """One link of the chain as ``AttributionSerializer`` renders it."""
    source = attribution.source
    mention = None
    if attribution.mention_start is not None:
        start, end = attribution.mention_start, attribution.mention_end
        mention = {"start": start, "end": end, "text": mention_text(claim, start, end)}
    return {
        "position": attribution.position,
        "source": {"id": source.pk, "slug": source.slug, "name": source.name, "kind": source.kind},
        "mention": mention,
    }


class ReviewSerializer(serializers.ModelSerializer):
    reviewer = serializers.CharField(source="reviewer.username")
    claim = ClaimSerializer(help_text="The claim after the review.")
    correction = serializers.JSONField(
        allow_null=True, help_text='What the reviewer changed: {"tag": [before, after], "chain": [before, after]}.'
    )

    class Meta:
        model = Review
        fields = ["id", "claim", "reviewer", "decision", "reason", "comment", "correction", "created_at"]
        read_only_fields = fields


class SourceSerializer(serializers.ModelSerializer):
    url = serializers.CharField(help_text="The source's site, or empty.")
    rating = serializers.SerializerMethodField(help_text="The latest credibility note's rating, or null.")

    class Meta:
        model = Source
        fields = [
            "id", "slug", "name", "kind", "aliases", "country", "affiliation", "language", "url", "description",
            "status", "rating", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=SourceRating.choices, allow_null=True))
    def get_rating(self, source: Source) -> str | None:
        return source.rating or None


class SentenceSerializer(serializers.ModelSerializer):
    text = serializers.SerializerMethodField()

    class Meta:
        model = Sentence
        fields = ["index", "start", "end", "kind", "text"]

    def get_text(self, sentence: Sentence) -> str:
        return self.context["document"].text[sentence.start : sentence.end]


class DocumentListSerializer(serializers.ModelSerializer):
    """A document in a list: no text; counts cover the claims the caller may see."""

    publisher = SourceRefSerializer(allow_null=True)
    url = serializers.CharField(help_text="Where the article was published, or empty.")
    sentence_count = serializers.IntegerField()
    sourced_count = serializers.IntegerField()
    unsourced_count = serializers.IntegerField()
    submitted_count = serializers.IntegerField()
    reviewed_count = serializers.IntegerField()

    class Meta:
        model = Document
        fields = [
            "id", "title", "language", "publisher", "url", "published_at", "created_at",
            "sentence_count", "sourced_count", "unsourced_count", "submitted_count", "reviewed_count",
        ]  # fmt: skip
        read_only_fields = fields


class DocumentSerializer(serializers.ModelSerializer):
    """One document with its text and its sentences (offsets are code points)."""

    publisher = SourceRefSerializer(allow_null=True)
    url = serializers.CharField(help_text="Where the article was published, or empty.")
    sentences = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = ["id", "title", "language", "publisher", "url", "published_at", "created_at", "text", "sentences"]
        read_only_fields = fields

    @extend_schema_field(SentenceSerializer(many=True))
    def get_sentences(self, document: Document) -> list[dict[str, Any]]:
        return SentenceSerializer(document.sentences.all(), many=True, context={"document": document}).data


class HistoryChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="status, tag, span, chain or correction.")
    before = serializers.JSONField(allow_null=True)
    after = serializers.JSONField(allow_null=True)


class HistoryStepSerializer(serializers.Serializer):
    """One action on a claim, read back from the audit triggers (``claims.history``)."""

    when = serializers.DateTimeField()
    user = serializers.CharField(allow_null=True, help_text="Who did it; null when made outside the app.")
    action = serializers.CharField(help_text="created, submitted, approved, rejected, edited...")
    changes = HistoryChangeSerializer(many=True)
    comment = serializers.CharField(allow_blank=True)
    reason = serializers.CharField(allow_blank=True)
    via = serializers.CharField(allow_blank=True, help_text="The page or endpoint, when made through the web.")


class ImportResultSerializer(serializers.Serializer):
    documents_created = serializers.IntegerField()
    documents_matched = serializers.IntegerField()
    claims_created = serializers.IntegerField()
    claims_skipped = serializers.IntegerField(help_text="Identical claims of yours already stored.")
    sources_created = serializers.IntegerField()


class SuggestedSourceSerializer(serializers.Serializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=SourceKind.choices)
    slug = serializers.CharField(allow_null=True, help_text="The registry source's slug; null for a proposed new source.")
    new = serializers.BooleanField(help_text="Not in the registry: accepting the suggestion adds it.")


class SuggestedLinkSerializer(serializers.Serializer):
    """One link of a suggested chain, with how the rules found it."""

    source = SuggestedSourceSerializer()
    mention = MentionSerializer(allow_null=True, help_text="Where the text names the source.")
    cue = MentionSerializer(allow_null=True, help_text="The words that attribute: « selon », « a déclaré »…")
    rule = serializers.CharField(help_text="The cue rule: prep.selon, verb.subject, verb.incise, nominal…")
    confidence = serializers.FloatField(min_value=0, max_value=1)
    vague = serializers.BooleanField(help_text="Vague attribution (« on estime », « selon des informations »): a red flag, not a source.")


class SuggestionSerializer(serializers.Serializer):
    """A machine-suggested claim: a sentence, its tag and its chain in contract order."""

    id = serializers.IntegerField()
    start = serializers.IntegerField(help_text="Code point offset into the document text.")
    end = serializers.IntegerField(help_text="Exclusive.")
    text = serializers.CharField()
    tag = serializers.ChoiceField(choices=ClaimTag.choices)
    confidence = serializers.FloatField(min_value=0, max_value=1)
    attributions = SuggestedLinkSerializer(many=True)
    flags = serializers.ListField(
        child=serializers.ChoiceField(choices=ClaimFlag.choices),
        help_text='"caption": a picture\'s caption, sourced to its credit; "vague": the text points at nobody.',
    )
    dismissed = serializers.BooleanField(help_text="You dismissed it.")
    claim = serializers.IntegerField(allow_null=True, help_text="Your claim made from it, if any.")


class DocumentSuggestionsSerializer(serializers.Serializer):
    document = serializers.IntegerField()
    state = serializers.ChoiceField(
        choices=SuggestionState.choices, help_text="none, queued, running, ready or failed: suggestions are computed in the background."
    )
    sentences = SuggestionSerializer(many=True)


# --- input -------------------------------------------------------------------------------------


@extend_schema_field(
    {
        "oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"}],
        "description": "A registry source: its id or its slug.",
        "example": "mehr",
    }
)
class SourceRefField(serializers.Field):
    """A source given by id (``2``) or slug (``"mehr"``); an unknown one is a 400 on this field."""

    default_error_messages = {
        "invalid": "Give a source id (integer) or slug (string).",
        "unknown": "Unknown source {value!r}.",
    }

    def to_internal_value(self, data: Any) -> Source:
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("invalid")
        source = None
        found = getattr(self.root, "_chain_sources", None)  # ChainInputSerializer read the chain's at once
        if found is not None:
            source = found.get(data)
        elif isinstance(data, int):
            source = Source.objects.filter(pk=data).first() if data > 0 else None
        elif _is_slug(data):
            source = Source.objects.filter(slug=data).first()
        if source is None:
            self.fail("unknown", value=data)
        return source

    def to_representation(self, value: Source) -> int:
        return value.pk


def _is_slug(value: str) -> bool:
    # Checked before any query: NUL or surrogates must never reach the database driver.
    return 0 < len(value) <= 100 and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in value)


class MentionInputSerializer(serializers.Serializer):
    start = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)
    end = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)


class ChainInputSerializer(serializers.ListSerializer):
    """A chain: the sources of all its links are read in one query (by id or slug), not one each."""

    def to_internal_value(self, data: Any) -> list:
        if isinstance(data, list):
            refs = [item.get("source") for item in data if isinstance(item, dict)]
            ids = {r for r in refs if isinstance(r, int) and not isinstance(r, bool) and 0 < r <= 2**63 - 1}
            slugs = {r for r in refs if isinstance(r, str) and _is_slug(r)}
            found: dict[Any, Source] = {}
            if ids or slugs:
                for source in Source.objects.filter(Q(pk__in=ids) | Q(slug__in=slugs)):
                    if source.pk in ids:
                        found[source.pk] = source
                    if source.slug in slugs:
                        found[source.slug] = source
            self.root._chain_sources = found
        return super().to_internal_value(data)


class LinkInputSerializer(serializers.Serializer):
    position = serializers.IntegerField(min_value=0, max_value=MAX_CHAIN_LENGTH - 1)
    source = SourceRefField()
    mention = MentionInputSerializer(required=False, allow_null=True, default=None)

    class Meta:
        list_serializer_class = ChainInputSerializer

    def to_link(self, data: dict[str, Any]) -> Link:
        mention = data.get("mention") or {}
        return Link(
            source=data["source"],
            position=data["position"],
            mention_start=mention.get("start"),
            mention_end=mention.get("end"),
        )


def links_of(validated: list[dict[str, Any]] | None) -> list[Link] | None:
    if validated is None:
        return None
    return [LinkInputSerializer().to_link(item) for item in validated]


def chain_field(**kwargs: Any) -> LinkInputSerializer:
    return LinkInputSerializer(
        many=True,
        max_length=MAX_CHAIN_LENGTH,
        help_text="The chain in order: position 0 is the source the text cites directly.",
        **kwargs,
    )


def flags_field(**kwargs) -> serializers.ListField:
    """ "flags": ["caption"] / ["vague"]: each known value at most once."""
    return serializers.ListField(
        child=serializers.ChoiceField(choices=ClaimFlag.choices),
        max_length=len(ClaimFlag.values),
        validators=[_no_repeats],
        help_text='Marks besides the tag: "caption" (a picture\'s caption, sourced to its credit), '
        '"vague" (the text points at nobody; the claim is unsourced).',
        **kwargs,
    )


def _no_repeats(values: list[str]) -> None:
    if len(set(values)) != len(values):
        raise serializers.ValidationError("Give each flag once.")


class ClaimCreateSerializer(serializers.Serializer):
    # An id only: the view reads the document once, as its user may see it (``document_for_claim``).
    document = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="The document's id.")
    start = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET, help_text="Code point offset.")
    end = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET, help_text="Exclusive.")
    tag = serializers.ChoiceField(choices=ClaimTag.choices)
    flags = flags_field(required=False, default=list)
    attributions = chain_field(required=False, default=list)


class ClaimUpdateSerializer(serializers.Serializer):
    """PUT sends the whole claim (no ``attributions``: no chain); PATCH only what changes.
    Both carry the ``version`` read."""

    version = serializers.IntegerField(
        min_value=1, max_value=MAX_OFFSET, help_text="The version you read; a stale one answers 409."
    )
    start = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)
    end = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)
    tag = serializers.ChoiceField(choices=ClaimTag.choices)
    flags = flags_field(required=False)
    attributions = chain_field(required=False)


class ClaimSubmitSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1, max_value=MAX_OFFSET, required=False, help_text="If given, a stale version answers 409."
    )


class ClaimReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=ReviewDecision.choices)
    comment = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")
    reason = serializers.ChoiceField(choices=RejectReason.choices, required=False, allow_blank=True, default="")
    tag = serializers.ChoiceField(
        choices=ClaimTag.choices, required=False, help_text="Approve with this tag instead (a correction)."
    )
    attributions = chain_field(required=False)


class SourceCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=SourceKind.choices)
    slug = serializers.SlugField(max_length=100, required=False, allow_blank=True, default="")
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, default=list, max_length=200
    )
    country = serializers.RegexField(r"^[A-Za-z]{2}$", required=False, allow_blank=True, default="")
    url = serializers.URLField(max_length=500, required=False, allow_blank=True, default="")
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")
    affiliation = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    language = serializers.CharField(required=False, allow_blank=True, max_length=10, default="")


class SourceUpdateSerializer(serializers.Serializer):
    """Everything but the slug, which is a stable id. PUT needs the name and kind; PATCH does
    not; fields left out keep their value."""

    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=SourceKind.choices)
    aliases = serializers.ListField(child=serializers.CharField(max_length=200), required=False, max_length=200)
    country = serializers.RegexField(r"^[A-Za-z]{2}$", required=False, allow_blank=True)
    url = serializers.URLField(max_length=500, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    affiliation = serializers.CharField(required=False, allow_blank=True, max_length=200)
    language = serializers.CharField(required=False, allow_blank=True, max_length=10)


class DocumentCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    # Kept exactly as sent: every offset points into this text.
    text = serializers.CharField(trim_whitespace=False, max_length=MAX_DOCUMENT_CHARS)
    publisher = SourceRefField(required=False, allow_null=True, default=None)
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    published_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    language = serializers.CharField(max_length=10, required=False, allow_blank=True, default="fr")
    project = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Put the article in this project (its managers)."
    )


class ImportSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A doccano JSONL or Label Studio JSON export.")
