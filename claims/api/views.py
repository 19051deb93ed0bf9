"""API views: validate the input, call a selector or a service, serialize the output.

Every queryset comes from ``claims.selectors`` (scoped to the caller: a claim out of reach is
a 404); every write goes through ``claims.services``, whose ``ValidationError`` and
``StaleVersion`` become 400 / 403 / 409 in ``claims.api.exceptions``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response

from claims import annotation_batch, history, interchange, permissions, selectors, services
from claims.api import exports
from claims.api import serializers as s
from claims import projects
from claims.api.projects import project_for_import
from claims.api.filters import ClaimFilter, DocumentFilter, SourceFilter
from claims.api.parsers import AnnotationFileParser, JSONObjectParser
from claims.api.renderers import SafeJSONRenderer as JSONRenderer
from claims.api.schema import ApiAutoSchema
from claims.suggestions import suggestion_overview
from claims.models import Claim, Document, Source

# --- examples for the schema ---------------------------------------------------------------------

CLAIM_EXAMPLE = {
    "id": 17,
    "document": 3,
    "start": 0,
    "end": 189,
    "text": "Une source de la sécurité irakienne a annoncé l’entrée d’une colonne militaire américaine dans la "
    "province d’al-Anbar, dans l’ouest du pays, selon l’agence de presse Mehr citant al-Nahrain.",
    "tag": "sourced",
    "attributions": [
        {
            "position": 0,
            "source": {"id": 2, "slug": "mehr", "name": "Mehr News Agency", "kind": "news_outlet"},
            "mention": {"start": 147, "end": 170, "text": "l’agence de presse Mehr"},
        },
        {
            "position": 1,
            "source": {"id": 9, "slug": "al-nahrain", "name": "al-Nahrain", "kind": "news_outlet"},
            "mention": {"start": 178, "end": 188, "text": "al-Nahrain"},
        },
        {
            "position": 2,
            "source": {"id": 31, "slug": "iraqi-security-source", "name": "Iraqi security source (unnamed)", "kind": "anonymous"},
            "mention": {"start": 0, "end": 35, "text": "Une source de la sécurité irakienne"},
        },
    ],
    "status": "draft",
    "annotator": "analyst",
    "version": 1,
    "created_at": "2026-03-02T09:15:00Z",
    "updated_at": "2026-03-02T09:15:00Z",
}
CLAIM_INPUT_EXAMPLE = {
    "document": 3,
    "start": 0,
    "end": 189,
    "tag": "sourced",
    "attributions": [
        {"position": 0, "source": "mehr", "mention": {"start": 147, "end": 170}},
        {"position": 1, "source": "al-nahrain", "mention": {"start": 178, "end": 188}},
        {"position": 2, "source": "iraqi-security-source", "mention": {"start": 0, "end": 35}},
    ],
}
SOURCE_EXAMPLE = {
    "id": 2,
    "slug": "mehr",
    "name": "Mehr News Agency",
    "kind": "news_outlet",
    "aliases": ["Mehr", "agence Mehr", "l’agence de presse Mehr"],
    "country": "IR",
    "affiliation": "state media, Iran",
    "language": "fa",
    "url": "https://en.mehrnews.com",
    "description": "Iranian state-affiliated news agency.",
    "status": "confirmed",
    "rating": "state_affiliated",
    "created_at": "2026-03-01T08:00:00Z",
    "updated_at": "2026-03-01T08:00:00Z",
}
DOCUMENT_EXAMPLE = {
    "id": 3,
    "title": "Une colonne militaire américaine entre dans la province d’al-Anbar",
    "language": "fr",
    "publisher": {"id": 40, "slug": "press-tv-fr", "name": "French Press TV", "kind": "news_outlet"},
    "url": "",
    "published_at": None,
    "created_at": "2026-03-01T08:00:00Z",
    "text": "Une source de la sécurité irakienne a annoncé ...",
    "sentences": [{"index": 0, "start": 0, "end": 189, "kind": "body", "text": "Une source de la sécurité irakienne ..."}],
}
SUGGESTIONS_EXAMPLE = {
    "document": 3,
    "state": "ready",
    "sentences": [
        {
            "id": 41,
            "start": 0,
            "end": 189,
            "text": CLAIM_EXAMPLE["text"],
            "tag": "sourced",
            "confidence": 0.85,
            "attributions": [
                {
                    "source": {"name": "Mehr News Agency", "kind": "news_outlet", "slug": "mehr", "new": False},
                    "mention": {"start": 147, "end": 170, "text": "l’agence de presse Mehr"},
                    "cue": {"start": 141, "end": 146, "text": "selon"},
                    "rule": "prep.selon",
                    "confidence": 0.9,
                    "vague": False,
                }
            ],
            "dismissed": False,
            "claim": None,
        }
    ],
}
REVIEW_EXAMPLE = {
    "id": 5,
    "claim": {**CLAIM_EXAMPLE, "status": "approved", "version": 3},
    "reviewer": "reviewer",
    "decision": "approve",
    "reason": "",
    "comment": "",
    "correction": None,
    "created_at": "2026-03-02T10:00:00Z",
}


def _example(name: str, value: Any, **kwargs: Any) -> OpenApiExample:
    return OpenApiExample(name, value=value, **kwargs)


def _paginated(item: Any) -> dict[str, Any]:
    return {"next": "http://127.0.0.1:8000/api/v1/claims/?cursor=cD0xNw%3D%3D", "previous": None, "results": [item]}


# --- permissions ------------------------------------------------------------------------------


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


# --- sources -----------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary="List the source registry",
        examples=[_example("Sources", _paginated(SOURCE_EXAMPLE), response_only=True)],
    ),
    retrieve=extend_schema(summary="One source", examples=[_example("Source", SOURCE_EXAMPLE, response_only=True)]),
    create=extend_schema(
        summary="Add a source to the registry",
        request=s.SourceCreateSerializer,
        responses={201: s.SourceSerializer},
        examples=[
            _example("New source", {"name": "Al-Sumaria", "kind": "news_outlet", "aliases": ["Alsumaria"]}, request_only=True),
            _example("Created", SOURCE_EXAMPLE, response_only=True),
        ],
    ),
    update=extend_schema(
        summary="Change a source (reviewers; the slug never changes)",
        request=s.SourceUpdateSerializer,
        examples=[
            _example("Change", {"name": "Mehr News Agency", "kind": "news_outlet", "aliases": ["Mehr"]}, request_only=True),
            _example("Changed", SOURCE_EXAMPLE, response_only=True),
        ],
    ),
    partial_update=extend_schema(
        summary="Change some fields of a source (reviewers)",
        request=s.SourceUpdateSerializer,
        examples=[
            _example("Add an alias", {"aliases": ["Mehr", "agence Mehr"]}, request_only=True),
            _example("Changed", SOURCE_EXAMPLE, response_only=True),
        ],
    ),
)
class SourceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The source registry: outlets, people, institutions, anonymous sources."""

    serializer_class = s.SourceSerializer
    filterset_class = SourceFilter
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[Source]:
        return selectors.source_search()

    def create(self, request: Request) -> Response:
        data = self._valid(s.SourceCreateSerializer, request)
        require(permissions.can_annotate(request.user), "Only analysts and reviewers can add sources.")
        source = services.source_create(**data, user=request.user)
        return Response(s.SourceSerializer(source).data, status=status.HTTP_201_CREATED)

    def update(self, request: Request, pk: str, partial: bool = False) -> Response:
        source = self.get_object()
        data = self._valid(s.SourceUpdateSerializer, request, partial=partial)
        source = services.source_update(source=source, user=request.user, **data)
        return Response(s.SourceSerializer(source).data)

    def partial_update(self, request: Request, pk: str) -> Response:
        return self.update(request, pk, partial=True)

    @staticmethod
    def _valid(serializer_class: type, request: Request, **kwargs: Any) -> dict[str, Any]:
        serializer = serializer_class(data=request.data, **kwargs)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


# --- documents ---------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary="List documents",
        examples=[
            _example(
                "Documents",
                _paginated({k: v for k, v in DOCUMENT_EXAMPLE.items() if k not in ("text", "sentences")}
                           | {"sentence_count": 12, "sourced_count": 3, "unsourced_count": 1, "submitted_count": 2, "reviewed_count": 0}),
                response_only=True,
            )
        ],
    ),
    retrieve=extend_schema(
        summary="One document with its text and sentences",
        examples=[_example("Document", DOCUMENT_EXAMPLE, response_only=True)],
    ),
    create=extend_schema(
        summary="Add an article (the text is stored exactly as sent)",
        request=s.DocumentCreateSerializer,
        responses={201: s.DocumentSerializer},
        examples=[
            _example(
                "Article",
                {"title": "Une colonne militaire américaine ...", "text": "Une source de la sécurité irakienne a annoncé ...", "publisher": "press-tv-fr"},
                request_only=True,
            ),
            _example("Created", DOCUMENT_EXAMPLE, response_only=True),
        ],
    ),
)
class DocumentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Articles. Every signed-in user reads every document; counts cover the claims you may see."""

    filterset_class = DocumentFilter
    lookup_value_regex = "[0-9]+"
    cursor_ordering = "-id"

    def get_queryset(self) -> QuerySet[Document]:
        return selectors.document_list(user=self.request.user)

    def get_serializer_class(self) -> type:
        return s.DocumentSerializer if self.action != "list" else s.DocumentListSerializer

    def retrieve(self, request: Request, pk: str) -> Response:
        document = selectors.document_get(user=request.user, document_id=int(pk))
        return Response(s.DocumentSerializer(document).data)

    def create(self, request: Request) -> Response:
        serializer = s.DocumentCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        require(permissions.can_annotate(request.user), "Only analysts and reviewers can add documents.")
        fields = dict(serializer.validated_data)
        project = project_for_import(request.user, fields.pop("project", None))
        document = projects.document_create_in_project(project=project, user=request.user, **fields)
        document = selectors.document_get(user=request.user, document_id=document.pk)
        return Response(s.DocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=["documents"],
        summary="Attribution suggestions for a document",
        description="Machine-suggested claims, one per body sentence: the tag and the attribution chain in "
        "contract order, each link with its mention, cue, rule and confidence. Computed in the background "
        "after import (`state`); `dismissed` and `claim` say what you did with each.",
        responses={200: s.DocumentSuggestionsSerializer},
        examples=[_example("Suggestions", SUGGESTIONS_EXAMPLE, response_only=True)],
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def suggestions(self, request: Request, pk: str) -> Response:
        document = selectors.document_get(user=request.user, document_id=int(pk))
        payload = {
            "document": document.pk,
            "state": document.suggestion_state,
            "sentences": suggestion_overview(document=document, user=request.user),
        }
        return Response(s.DocumentSuggestionsSerializer(payload).data)


# --- claims ------------------------------------------------------------------------------------


def _document_for_claim(user, document_id: int) -> Document:
    """The document a new claim goes on: 400 if there is none with that id (the field's error),
    404 if the user may not see it."""
    try:
        return selectors.document_get(user=user, document_id=document_id)
    except Http404:
        if not Document.objects.filter(pk=document_id).exists():
            raise ValidationError({"document": [f'Invalid pk "{document_id}" - object does not exist.']}) from None
        raise


@extend_schema_view(
    list=extend_schema(
        summary="List the claims you may see",
        description="Analysts see their own claims; reviewers theirs and every claim sent to review; "
        "administrators all. Use `updated_since` for incremental pulls.",
        examples=[_example("Claims", _paginated(CLAIM_EXAMPLE), response_only=True)],
    ),
    retrieve=extend_schema(summary="One claim", examples=[_example("Claim", CLAIM_EXAMPLE, response_only=True)]),
    create=extend_schema(
        summary="Create a draft claim with its attribution chain",
        request=s.ClaimCreateSerializer,
        responses={201: s.ClaimSerializer},
        examples=[
            _example("Sourced claim with a chain", CLAIM_INPUT_EXAMPLE, request_only=True),
            _example("Created", CLAIM_EXAMPLE, response_only=True),
        ],
    ),
    update=extend_schema(
        summary="Replace a draft or rejected claim's span, tag and chain",
        description="Send the `version` you read: a stale one answers 409 with the current claim.",
        request=s.ClaimUpdateSerializer,
        examples=[
            _example("Change", {"version": 1, "start": 0, "end": 189, "tag": "unsourced", "attributions": []}, request_only=True),
            _example("Changed", {**CLAIM_EXAMPLE, "version": 2}, response_only=True),
        ],
    ),
    partial_update=extend_schema(
        summary="Change some of a draft or rejected claim's span, tag and chain",
        description="Send the `version` you read: a stale one answers 409 with the current claim.",
        request=s.ClaimUpdateSerializer,
        examples=[
            _example("Change the tag", {"version": 1, "tag": "unsourced"}, request_only=True),
            _example("Changed", {**CLAIM_EXAMPLE, "version": 2}, response_only=True),
        ],
    ),
    destroy=extend_schema(
        summary="Delete a draft or rejected claim",
        description="The claim leaves every list and export; `POST /claims/<id>/restore/` brings it back.",
    ),
)
class ClaimViewSet(viewsets.ModelViewSet):
    """Claims and their attribution chains, their submission, review and history."""

    serializer_class = s.ClaimSerializer
    filterset_class = ClaimFilter
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[Claim]:
        # The document's text is only read for mentions outside their claim: fetched once per
        # document (prefetch), not joined into every claim row.
        return (
            selectors.claim_list(user=self.request.user)
            .select_related(None)
            .select_related("annotator")
            .prefetch_related(Prefetch("document", queryset=Document.objects.defer("search_vector")))
        )

    def _claim(self, claim: Claim) -> dict[str, Any]:
        return s.ClaimSerializer(self.get_queryset().get(pk=claim.pk)).data

    def create(self, request: Request) -> Response:
        serializer = s.ClaimCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        chain = s.links_of(data["attributions"])
        claim = services.claim_create(
            document=_document_for_claim(request.user, data["document"]),
            user=request.user,
            start=data["start"],
            end=data["end"],
            tag=data["tag"],
            chain=chain,
            flags=data["flags"],
        )
        # Serialized from what was written: nothing is read back.
        return Response(s.claim_json(claim, chain), status=status.HTTP_201_CREATED)

    def update(self, request: Request, pk: str, partial: bool = False) -> Response:
        claim = self.get_object()
        serializer = s.ClaimUpdateSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "version" not in data:
            raise ValidationError({"version": ["Send the version you read."]})
        # PUT replaces the chain (none given: no chain); PATCH keeps it unless given.
        chain = data.get("attributions", None if partial else [])
        claim = services.claim_update(
            claim=claim,
            user=request.user,
            version=data["version"],
            start=data.get("start"),
            end=data.get("end"),
            tag=data.get("tag"),
            chain=s.links_of(chain),
            flags=data.get("flags"),  # absent: kept (older clients do not send them)
        )
        return Response(self._claim(claim))

    def partial_update(self, request: Request, pk: str) -> Response:
        return self.update(request, pk, partial=True)

    def destroy(self, request: Request, pk: str) -> Response:
        services.claim_delete(claim=self.get_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Bring back a deleted claim (undo a DELETE)",
        request=None,
        responses={200: s.ClaimSerializer},
    )
    @action(detail=True, methods=["post"])
    def restore(self, request: Request, pk: str) -> Response:
        claim = selectors.deleted_claim_get(user=request.user, claim_id=int(pk))
        if claim is None:
            raise Http404
        claim = services.claim_restore(claim=claim, user=request.user)
        return Response(self._claim(claim))

    @extend_schema(
        summary="Send a draft or rejected claim to review",
        description="A sourced claim needs at least one attribution first.",
        request=s.ClaimSubmitSerializer,
        responses={200: s.ClaimSerializer},
        examples=[
            _example("Submit version 1", {"version": 1}, request_only=True),
            _example("Submitted", {**CLAIM_EXAMPLE, "status": "submitted", "version": 2}, response_only=True),
        ],
    )
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        serializer = s.ClaimSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        claim = services.claim_submit(claim=claim, user=request.user, version=serializer.validated_data.get("version"))
        return Response(self._claim(claim))

    @extend_schema(
        summary="Approve or reject a submitted claim (reviewers, not on their own claims)",
        description="An approval may correct the tag or the chain; a rejection needs a comment or a reason.",
        request=s.ClaimReviewSerializer,
        responses={201: s.ReviewSerializer},
        examples=[
            _example("Approve", {"decision": "approve"}, request_only=True),
            _example("Reject", {"decision": "reject", "reason": "wrong_source", "comment": "Mehr cites al-Nahrain."}, request_only=True),
            _example("Review", REVIEW_EXAMPLE, response_only=True),
        ],
    )
    @action(detail=True, methods=["post"])
    def review(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        serializer = s.ClaimReviewSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        review = services.claim_review(
            claim=claim,
            reviewer=request.user,
            decision=data["decision"],
            comment=data["comment"],
            reason=data["reason"],
            tag=data.get("tag"),
            chain=s.links_of(data.get("attributions")),
        )
        review.claim = self.get_queryset().get(pk=claim.pk)
        return Response(s.ReviewSerializer(review).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="The claim's history: every change, by whom and when",
        responses={200: s.HistoryStepSerializer(many=True)},
        examples=[
            _example(
                "History",
                [
                    {"when": "2026-03-02T09:15:00Z", "user": "analyst", "action": "created", "changes": [], "comment": "", "reason": "", "via": "/api/v1/claims/"},
                    {
                        "when": "2026-03-02T09:20:00Z", "user": "analyst", "action": "submitted",
                        "changes": [{"field": "status", "before": "draft", "after": "submitted"}],
                        "comment": "", "reason": "", "via": "/api/v1/claims/17/submit/",
                    },
                ],
                response_only=True,
            )
        ],
    )
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def history(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        steps = history.claim_timeline(claim_id=claim.pk)
        return Response(s.HistoryStepSerializer(steps, many=True).data)


# --- export and import -------------------------------------------------------------------------


class FirstRenderer(DefaultContentNegotiation):
    """For the export and import views, whose ``?format=`` names a file format (jsonl, doccano...),
    not a DRF renderer: their answers (and errors) are rendered by their first renderer, whatever
    ``?format=`` or the Accept header say. Parsers are chosen as usual (by Content-Type)."""

    def select_renderer(self, request: Request, renderers: list, format_suffix: str | None = None) -> tuple:
        return renderers[0], renderers[0].media_type


class ExportSchema(ApiAutoSchema):
    def get_filter_backends(self) -> list:
        return getattr(self.view, "filter_backends", [])  # the claim filters, though not a list view


EXPORT_TEXT = {"type": "string"}
EXPORT_ARRAY = {"type": "array", "items": {"type": "object"}}


@extend_schema(
    tags=["export"],
    summary="Export the claims you may see, streamed",
    description="Takes the same filters as the claim list. `jsonl`: one claim a line (with its "
    "latest review); `json`: one array; `csv`: one row a claim, chain flattened with ` > `; `w3c`: "
    "W3C Web Annotation JSON-LD (AnnotationCollection); `doccano`: doccano JSONL, one document a "
    "line; `labelstudio`: Label Studio tasks. Read from one consistent snapshot.",
    parameters=[
        OpenApiParameter(
            "format", OpenApiTypes.STR, enum=list(exports.FORMATS), default="jsonl", description="The export format."
        )
    ],
    responses={
        (200, "application/x-ndjson"): OpenApiResponse(EXPORT_TEXT, description="jsonl, doccano"),
        (200, "application/json"): OpenApiResponse(EXPORT_ARRAY, description="json, labelstudio"),
        (200, "text/csv"): OpenApiResponse(EXPORT_TEXT, description="csv"),
        (200, "application/ld+json"): OpenApiResponse({"type": "object"}, description="w3c"),
    },
    examples=[
        _example(
            "jsonl line",
            {**CLAIM_EXAMPLE, "review": None},
            response_only=True,
            media_type="application/x-ndjson",
        )
    ],
)
class ClaimExportView(GenericAPIView):
    filterset_class = ClaimFilter
    content_negotiation_class = FirstRenderer
    renderer_classes = [JSONRenderer]
    schema = ExportSchema()
    pagination_class = None

    def get_queryset(self) -> QuerySet[Claim]:
        return selectors.claim_list(user=self.request.user)

    def get(self, request: Request) -> StreamingHttpResponse:
        fmt = request.query_params.get("format", "jsonl")
        if fmt not in exports.FORMATS:
            raise ValidationError({"format": [f"Unknown format {fmt!r}; one of {', '.join(exports.FORMATS)}."]})
        claims = self.filter_queryset(self.get_queryset())
        # The database is chosen now, while the request's routing applies (annotator.replica):
        # the rows are read later, as the response streams.
        claims = claims.using(claims.db)
        export_format = exports.FORMATS[fmt]
        response = StreamingHttpResponse(
            exports.export_claims(claims=claims, fmt=fmt, base_url=request.build_absolute_uri(reverse("api:api-root"))),
            content_type=f"{export_format.content_type}; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="claims-{fmt}.{export_format.extension}"'
        return response


@extend_schema(
    tags=["import"],
    summary="Import a doccano or Label Studio file as your draft claims (all or nothing)",
    description="Documents are matched by content hash or created; sources by slug (or created when "
    "the file describes them); claims you already have are skipped. A bad file is refused whole, "
    'with one message per bad line or task under "file".',
    parameters=[OpenApiParameter("format", OpenApiTypes.STR, enum=list(interchange.IMPORT_FORMATS), required=True)],
    request={"multipart/form-data": s.ImportSerializer},
    responses={201: s.ImportResultSerializer},
    examples=[
        _example(
            "Imported",
            {"documents_created": 1, "documents_matched": 4, "claims_created": 37, "claims_skipped": 0, "sources_created": 0},
            response_only=True,
        ),
    ],
)
class AnnotationImportView(GenericAPIView):
    parser_classes = [AnnotationFileParser]
    content_negotiation_class = FirstRenderer
    renderer_classes = [JSONRenderer]
    serializer_class = s.ImportSerializer
    pagination_class = None
    filter_backends: list = []

    def post(self, request: Request) -> Response:
        fmt = request.query_params.get("format", "")
        if fmt not in interchange.IMPORT_FORMATS:
            raise ValidationError({"format": [f"Give ?format= one of {', '.join(interchange.IMPORT_FORMATS)}."]})
        serializer = s.ImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            upload = serializer.validated_data["file"]
            # A large upload is on disk already (Django's upload handlers): read it from there,
            # line by line, rather than into memory.
            on_disk = getattr(upload, "temporary_file_path", None)
            report = annotation_batch.annotations_import(
                data=None if on_disk else upload.read(),
                path=on_disk() if on_disk else None,
                name=upload.name,
                fmt=fmt,
                user=request.user,
                via=request.path,
            )
        except interchange.AnnotationImportError as exc:
            raise ValidationError({"file": exc.errors}) from None
        return Response(s.ImportResultSerializer(report).data, status=status.HTTP_201_CREATED)
