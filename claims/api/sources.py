"""Source records in the API: merge (and undo), credibility notes, confirm a proposal, the
citation network (JSON, GraphML, GEXF) and sourcing trends.

Views validate the input, call ``claims.sources`` (writes) or ``claims.network`` (reads) and
serialize; the services' ``ValidationError`` becomes 400/403 in ``claims.api.exceptions``.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import network, sources
from claims.api.serializers import SourceSerializer
from claims.api.views import FirstRenderer
from claims.models import CredibilityNote, Source, SourceMerge, SourceRating
from claims.project_selectors import project_get

MERGE_EXAMPLE = {
    "id": 4, "source": "alnahrain-tv", "into": "al-nahrain", "user": "reviewer", "created_at": "2026-03-02T09:00:00Z",
    "attributions": [311, 412], "documents": [], "aliases_added": ["Al Nahrain TV"], "undone_at": None,
}  # fmt: skip
NOTE_EXAMPLE = {
    "id": 7, "source": "mehr", "user": "reviewer", "created_at": "2026-03-02T09:00:00Z",
    "text": "Owned by the IIDO; relays IRGC statements.", "rating": "state_affiliated",
}  # fmt: skip
SOURCE_EXAMPLE = {
    "id": 9, "slug": "al-nahrain", "name": "al-Nahrain", "kind": "news_outlet", "aliases": ["Al Nahrain TV"],
    "country": "IQ", "affiliation": "", "language": "ar", "url": "", "description": "", "status": "confirmed",
    "rating": None, "created_at": "2026-03-01T08:00:00Z", "updated_at": "2026-03-02T09:00:00Z",
}  # fmt: skip
NETWORK_EXAMPLE = {
    "nodes": [
        {"slug": "mehr", "name": "Mehr News Agency", "kind": "news_outlet", "claims": 12, "rating": "state_affiliated",
         "country": "IR", "affiliation": "state media, Iran"},
        {"slug": "al-nahrain", "name": "al-Nahrain", "kind": "news_outlet", "claims": 5, "rating": "", "country": "IQ",
         "affiliation": ""},
    ],
    "edges": [{"source": "mehr", "target": "al-nahrain", "weight": 4, "type": "cites"}],
}  # fmt: skip
TRENDS_EXAMPLE = [
    {"publisher": {"slug": "presstv", "name": "Press TV"}, "months": [
        {"month": "2019-01", "claims": 40, "sourced": 30, "unsourced": 10, "anonymous_only": 12, "vague": 3,
         "sourced_share": 0.75, "unsourced_share": 0.25, "anonymous_only_share": 0.3, "vague_share": 0.075},
    ]},
]  # fmt: skip


def _response(name: str, value: Any) -> OpenApiExample:
    return OpenApiExample(name, value=value, response_only=True)


NETWORK_FORMATS = {
    "json": "application/json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
}


# --- serializers ---------------------------------------------------------------------------------


class MergeInputSerializer(serializers.Serializer):
    into = serializers.IntegerField(min_value=1, max_value=2**63 - 1, help_text="Id of the source that stays.")


class MergeSerializer(serializers.ModelSerializer):
    source = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    into = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    user = serializers.CharField(source="user.username")
    attributions = serializers.ListField(child=serializers.IntegerField(), help_text="Ids of the links that moved.")
    documents = serializers.ListField(child=serializers.IntegerField(), help_text="Documents whose publisher moved.")
    aliases_added = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = SourceMerge
        fields = ["id", "source", "into", "user", "created_at", "attributions", "documents", "aliases_added", "undone_at"]
        read_only_fields = fields


class MergeResultSerializer(serializers.Serializer):
    merge = MergeSerializer()
    into = SourceSerializer()


class NoteInputSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=sources.MAX_NOTE_CHARS)
    rating = serializers.ChoiceField(choices=SourceRating.choices)


class NoteSerializer(serializers.ModelSerializer):
    user = serializers.CharField(source="user.username")
    source = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = CredibilityNote
        fields = ["id", "source", "user", "created_at", "text", "rating"]
        read_only_fields = fields


class NetworkNodeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()
    claims = serializers.IntegerField(help_text="Claims whose chain names the source.")
    rating = serializers.CharField(allow_blank=True)
    country = serializers.CharField(allow_blank=True)
    affiliation = serializers.CharField(allow_blank=True)


class NetworkEdgeSerializer(serializers.Serializer):
    source = serializers.CharField(help_text="Slug of the citing source (or the publisher).")
    target = serializers.CharField(help_text="Slug of the cited source.")
    weight = serializers.IntegerField(help_text="Claims.")
    type = serializers.ChoiceField(
        choices=["cites", "publishes"],
        help_text='"cites": X at position i, Y at i + 1; "publishes" (only with ?publishers=true): '
        "the article's publisher -> position 0.",
    )


class NetworkSerializer(serializers.Serializer):
    nodes = NetworkNodeSerializer(many=True)
    edges = NetworkEdgeSerializer(many=True)


class NetworkQuerySerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=list(NETWORK_FORMATS), default="json", required=False)
    project = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)
    publisher = serializers.CharField(max_length=100, required=False, help_text="Publisher id or slug.")
    since = serializers.DateField(required=False, help_text="Articles published on or after (YYYY-MM-DD).")
    until = serializers.DateField(required=False, help_text="Articles published on or before (YYYY-MM-DD).")
    min_weight = serializers.IntegerField(min_value=1, max_value=2**31 - 1, default=1, required=False)
    publishers = serializers.BooleanField(default=False, required=False)

    def validate_publisher(self, value: str) -> Source:
        value = value.strip()
        found = Source.objects.filter(pk=int(value)) if value.isascii() and value.isdigit() else Source.objects.filter(slug=value)
        source = found.first()
        if source is None:
            raise serializers.ValidationError(f"Unknown publisher {value!r}.")
        return source

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise serializers.ValidationError({"until": "until comes before since."})
        return data

    def filters(self, user) -> network.NetworkFilters:
        """The filters; a project outside ``user``'s reach is a 404, as everywhere."""
        data = self.validated_data
        project = project_get(user=user, project_id=data["project"]) if data.get("project") else None
        return network.NetworkFilters(
            project=project,
            publisher=data.get("publisher"),
            since=data.get("since"),
            until=data.get("until"),
            min_weight=data.get("min_weight", 1),
            publishers=data.get("publishers", False),
        )


def _query(request: Request) -> NetworkQuerySerializer:
    query = NetworkQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query


FILTER_PARAMETERS = [
    OpenApiParameter("project", OpenApiTypes.INT, description="Claims of this project's documents."),
    OpenApiParameter("publisher", OpenApiTypes.STR, description="Claims of this publisher's articles (id or slug)."),
    OpenApiParameter("since", OpenApiTypes.DATE, description="Articles published on or after this day."),
    OpenApiParameter("until", OpenApiTypes.DATE, description="Articles published on or before this day."),
]


# --- merge, notes, confirm -----------------------------------------------------------------------


def _source(pk: int) -> Source:
    return get_object_or_404(Source.objects.all(), pk=pk)  # merged sources are 404


class SourceMergeView(APIView):
    @extend_schema(
        tags=["sources"],
        summary="Merge this source into another (reviewers, managers, admins)",
        description="Its attributions, published documents and aliases (its name too) move to `into`; "
        "afterwards this source is 404. The merge is recorded and can be undone.",
        request=MergeInputSerializer,
        responses={200: MergeResultSerializer},
        examples=[
            OpenApiExample("Merge", {"into": 9}, request_only=True),
            _response("Merged", {"merge": MERGE_EXAMPLE, "into": SOURCE_EXAMPLE}),
        ],
    )
    def post(self, request: Request, pk: int) -> Response:
        source = _source(pk)
        data = MergeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        into = Source.objects.filter(pk=data.validated_data["into"]).first()
        if into is None:
            raise serializers.ValidationError({"into": [f"Unknown source {data.validated_data['into']}."]})
        merge = sources.source_merge(source=source, into=into, user=request.user)
        into.refresh_from_db()
        return Response({"merge": MergeSerializer(merge).data, "into": SourceSerializer(into).data})


class SourceMergesView(APIView):
    @extend_schema(
        tags=["sources"],
        summary="Merges into this source, newest first",
        responses={200: MergeSerializer(many=True)},
        examples=[_response("Merges", [MERGE_EXAMPLE])],
    )
    def get(self, request: Request, pk: int) -> Response:
        source = _source(pk)
        merges = SourceMerge.objects.filter(into=source).select_related("source", "into", "user")
        return Response(MergeSerializer(merges, many=True).data)


class SourceUnmergeView(APIView):
    @extend_schema(
        tags=["sources"],
        summary="Undo a merge (reviewers, managers, admins): the merged source comes back",
        request=None,
        responses={200: SourceSerializer},
        examples=[_response("Back", SOURCE_EXAMPLE | {"slug": "alnahrain-tv", "name": "Al Nahrain TV", "aliases": []})],
    )
    def post(self, request: Request, merge_id: int) -> Response:
        merge = get_object_or_404(SourceMerge.objects.all(), pk=merge_id)
        source = sources.source_unmerge(merge=merge, user=request.user)
        return Response(SourceSerializer(source).data)


class SourceNotesView(APIView):
    @extend_schema(
        tags=["sources"],
        summary="Credibility notes on a source, newest first",
        responses={200: NoteSerializer(many=True)},
        examples=[_response("Notes", [NOTE_EXAMPLE])],
    )
    def get(self, request: Request, pk: int) -> Response:
        source = _source(pk)
        notes = CredibilityNote.objects.filter(source=source).select_related("user", "source")
        return Response(NoteSerializer(notes, many=True).data)

    @extend_schema(
        tags=["sources"],
        summary="Add a credibility note (reviewers, managers, admins); its rating becomes the source's",
        request=NoteInputSerializer,
        responses={201: NoteSerializer},
        examples=[
            OpenApiExample("Note", {"text": "Owned by the IIDO; relays IRGC statements.", "rating": "state_affiliated"}, request_only=True),
            _response("Added", NOTE_EXAMPLE),
        ],
    )
    def post(self, request: Request, pk: int) -> Response:
        source = _source(pk)
        data = NoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        note = sources.credibility_note_add(source=source, user=request.user, **data.validated_data)
        return Response(NoteSerializer(note).data, status=status.HTTP_201_CREATED)


class SourceConfirmView(APIView):
    @extend_schema(
        tags=["sources"],
        summary="Confirm an analyst's proposed source (reviewers, managers, admins)",
        request=None,
        responses={200: SourceSerializer},
        examples=[_response("Confirmed", SOURCE_EXAMPLE)],
    )
    def post(self, request: Request, pk: int) -> Response:
        source = sources.source_confirm(source=_source(pk), user=request.user)
        return Response(SourceSerializer(source).data)


# --- network and trends --------------------------------------------------------------------------


def network_graph(data: dict[str, Any]) -> nx.DiGraph:
    """The JSON network as a networkx graph: a MultiDiGraph (keyed by edge type) when
    publisher edges are in, since a publisher may also cite the same source in chains."""
    multi = any(edge["type"] != "cites" for edge in data["edges"])
    graph: nx.DiGraph = nx.MultiDiGraph() if multi else nx.DiGraph()
    for node in data["nodes"]:
        graph.add_node(
            node["slug"],
            label=node["name"],
            kind=node["kind"],
            claims=node["claims"],
            rating=node["rating"],
            country=node["country"],
            affiliation=node["affiliation"],
        )
    for edge in data["edges"]:
        attributes = {"weight": edge["weight"], "type": edge["type"]}
        if multi:
            graph.add_edge(edge["source"], edge["target"], key=edge["type"], **attributes)
        else:
            graph.add_edge(edge["source"], edge["target"], **attributes)
    return graph


def network_file(data: dict[str, Any], fmt: str) -> bytes:
    graph = network_graph(data)
    out = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8")
    else:
        nx.write_gexf(graph, out, encoding="utf-8")
    return out.getvalue()


class NetworkView(APIView):
    """The citation network of the approved claims you may see."""

    content_negotiation_class = FirstRenderer
    renderer_classes = [JSONRenderer]

    @extend_schema(
        tags=["sources"],
        summary="Citation network (JSON, GraphML or GEXF for Gephi)",
        description="An edge X -> Y counts the approved claims whose chain has X at position i and Y at i + 1. "
        "Nodes: sources named by at least min_weight claims, and those on an edge kept.",
        parameters=[
            OpenApiParameter("format", OpenApiTypes.STR, enum=list(NETWORK_FORMATS), description="Default json."),
            *FILTER_PARAMETERS,
            OpenApiParameter("min_weight", OpenApiTypes.INT, description="Leave out edges (and nodes) under this many claims."),
            OpenApiParameter("publishers", OpenApiTypes.BOOL, description='Add "publishes" edges: publisher -> first link.'),
        ],
        responses={
            200: OpenApiResponse(NetworkSerializer, description="JSON; GraphML or GEXF as files with the same nodes and edges."),
        },
        examples=[_response("Network", NETWORK_EXAMPLE)],
    )
    def get(self, request: Request) -> Response | HttpResponse:
        query = _query(request)
        data = network.citation_network(user=request.user, filters=query.filters(request.user)).as_json()
        fmt = query.validated_data.get("format", "json")
        if fmt == "json":
            return Response(data)
        response = HttpResponse(network_file(data, fmt), content_type=f"{NETWORK_FORMATS[fmt]}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="network.{fmt}"'
        return response


class TrendMonthSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM of the article's publication (or storage) date.")
    claims = serializers.IntegerField()
    sourced = serializers.IntegerField()
    unsourced = serializers.IntegerField()
    anonymous_only = serializers.IntegerField(help_text="Sourced claims whose every link is anonymous.")
    vague = serializers.IntegerField()
    sourced_share = serializers.FloatField()
    unsourced_share = serializers.FloatField()
    anonymous_only_share = serializers.FloatField()
    vague_share = serializers.FloatField()


class TrendPublisherSerializer(serializers.Serializer):
    publisher = serializers.DictField(help_text='{"slug", "name"}; slug null for articles without a publisher.')
    months = TrendMonthSerializer(many=True)


class TrendsView(APIView):
    @extend_schema(
        tags=["sources"],
        summary="Sourcing per publisher and month: sourced, unsourced, anonymous-only and vague shares",
        parameters=FILTER_PARAMETERS,
        responses={200: TrendPublisherSerializer(many=True)},
        examples=[_response("Trends", TRENDS_EXAMPLE)],
    )
    def get(self, request: Request) -> Response:
        query = _query(request)
        return Response(network.sourcing_trends(user=request.user, filters=query.filters(request.user)))
