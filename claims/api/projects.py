"""API of a desk's workflow: projects, members, documents, assignments, the queue, done, curation.

Thin views: validate the input (each with its own serializer), call ``claims.projects`` (writes)
or ``claims.project_selectors`` (reads), serialize. A project the caller is not in is a 404;
the services' ``ValidationError`` becomes 400/403 in ``claims.api.exceptions``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from claims import project_selectors as ps
from claims import permissions, projects, selectors
from claims.models import Project, ProjectRole

# --- serializers -------------------------------------------------------------------------------


class ProjectSerializer(serializers.ModelSerializer):
    role = serializers.CharField(source="my_role", allow_null=True, read_only=True, help_text="Your role in it.")
    document_count = serializers.IntegerField(read_only=True, required=False)
    member_count = serializers.IntegerField(read_only=True, required=False)

    class Meta:
        model = Project
        fields = ["id", "name", "description", "guidelines", "role", "document_count", "member_count", "created_at"]


class ProjectCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    guidelines = serializers.CharField(
        required=False, allow_blank=True, default="", trim_whitespace=False, help_text="Markdown; empty: the default guidelines."
    )


class MemberSerializer(serializers.Serializer):
    user = serializers.CharField(source="user.username")
    role = serializers.CharField()


class MemberInputSerializer(serializers.Serializer):
    user = serializers.CharField(max_length=150, help_text="A username.")
    role = serializers.ChoiceField(choices=ProjectRole.choices)


class DocumentIdsSerializer(serializers.Serializer):
    documents = serializers.ListField(child=serializers.IntegerField(min_value=1), allow_empty=False, max_length=10_000)


class AssignInputSerializer(serializers.Serializer):
    documents = serializers.ListField(child=serializers.IntegerField(min_value=1), required=False, max_length=10_000)
    analysts = serializers.ListField(child=serializers.CharField(max_length=150), required=False, max_length=1000)
    auto = serializers.BooleanField(required=False, default=False)
    overlap = serializers.FloatField(required=False, default=0.0, min_value=0.0, max_value=1.0)
    replace = serializers.BooleanField(
        required=False, default=False, help_text="By hand: the documents' other analysts lose them (their claims stay)."
    )

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if not data["auto"]:
            if not data.get("documents"):
                raise ValidationError({"documents": ["Give the documents to assign, or \"auto\": true."]})
            if not data.get("analysts"):
                raise ValidationError({"analysts": ["Name the analysts to assign them to, or \"auto\": true."]})
        return data


class AssignmentSerializer(serializers.Serializer):
    document = serializers.IntegerField(source="document_id")
    analyst = serializers.SerializerMethodField()
    done_at = serializers.DateTimeField(allow_null=True)

    def get_analyst(self, assignment) -> str:
        return self.context["usernames"].get(assignment.analyst_id, "")


class CurationInputSerializer(serializers.Serializer):
    claim = serializers.IntegerField(min_value=1)


class QueueDocumentSerializer(serializers.Serializer):
    project = serializers.IntegerField(source="project_id")
    project_name = serializers.CharField(source="project.name")
    document = serializers.IntegerField(source="document_id")
    title = serializers.CharField(source="document_title")
    assigned_at = serializers.DateTimeField()
    body_sentences = serializers.IntegerField()
    covered_sentences = serializers.IntegerField()


class QueueClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    document = serializers.IntegerField(source="document_id")
    title = serializers.CharField(source="document_title")
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()
    tag = serializers.CharField()
    status = serializers.CharField()
    updated_at = serializers.DateTimeField()


class QueueRejectedSerializer(QueueClaimSerializer):
    comment = serializers.CharField(source="review_comment", allow_null=True)
    reason = serializers.CharField(source="review_reason", allow_null=True)
    reviewer = serializers.CharField(source="reviewer_name", allow_null=True)


class QueueSerializer(serializers.Serializer):
    documents = QueueDocumentSerializer(many=True)
    rejected = QueueRejectedSerializer(many=True)
    drafts = QueueClaimSerializer(many=True)


PROJECT_EXAMPLE = {
    "id": 2,
    "name": "Iranian state media on Iraq, 2019–2021",
    "description": "3,000 articles of PressTV, Mehr and al-Alam.",
    "guidelines": "",
    "role": "manager",
    "document_count": 3000,
    "member_count": 8,
    "created_at": "2026-03-01T08:00:00Z",
}


def _project_from(user, value: Any) -> Project:
    """The project named by a body field, or a 400 naming the field."""
    try:
        return ps.project_get(user=user, project_id=int(value))
    except Exception:  # noqa: BLE001  (a bad id, a string, a project out of reach: all the same answer)
        raise ValidationError({"project": [f"No project {value!r} of yours."]}) from None


# --- views -------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="Your projects", examples=[OpenApiExample("Projects", value=[PROJECT_EXAMPLE], response_only=True)]),
    retrieve=extend_schema(summary="One project"),
    create=extend_schema(
        summary="Create a project (managers, administrators); you become its manager",
        request=ProjectCreateSerializer,
        responses={201: ProjectSerializer},
        examples=[
            OpenApiExample("New project", value={"name": "Iraq 2019", "description": "", "guidelines": ""}, request_only=True)
        ],
    ),
)
class ProjectViewSet(viewsets.GenericViewSet):
    """Projects: documents, members with a role each, assignments, curation."""

    serializer_class = ProjectSerializer
    lookup_value_regex = "[0-9]+"
    pagination_class = None
    filter_backends: list = []

    def get_queryset(self):
        return ps.project_list(user=self.request.user)

    def _project(self, pk: str) -> Project:
        return ps.project_get(user=self.request.user, project_id=int(pk))

    def list(self, request: Request) -> Response:
        return Response(ProjectSerializer(self.get_queryset(), many=True).data)

    def retrieve(self, request: Request, pk: str) -> Response:
        return Response(ProjectSerializer(self._listed(pk)).data)

    def _listed(self, pk: str) -> Project:
        project = self.get_queryset().filter(pk=int(pk)).first()
        if project is None:
            self._project(pk)  # 404
        return project

    def create(self, request: Request) -> Response:
        serializer = ProjectCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        project = projects.project_create(user=request.user, **serializer.validated_data)
        return Response(ProjectSerializer(self._listed(str(project.pk))).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Members of the project; POST adds one or changes their role (managers)",
        request=MemberInputSerializer,
        responses={200: MemberSerializer(many=True), 201: MemberSerializer},
        examples=[OpenApiExample("Add an analyst", value={"user": "analyst2", "role": "analyst"}, request_only=True)],
    )
    @action(detail=True, methods=["get", "post"])
    def members(self, request: Request, pk: str) -> Response:
        project = self._project(pk)
        if request.method == "GET":
            return Response(MemberSerializer(ps.project_members(project=project), many=True).data)
        serializer = MemberInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        membership = projects.member_set(project=project, user=request.user, username=data["user"], role=data["role"])
        return Response(MemberSerializer(membership).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="The project's documents you see (GET: ids); POST puts existing documents in it (managers)",
        request=DocumentIdsSerializer,
        responses={200: inline_serializer("ProjectDocumentsAdded", {"added": serializers.IntegerField(), "documents": serializers.ListField(child=serializers.IntegerField())})},
        examples=[OpenApiExample("Add documents", value={"documents": [3, 4, 5]}, request_only=True)],
    )
    @action(detail=True, methods=["get", "post"])
    def documents(self, request: Request, pk: str) -> Response:
        project = self._project(pk)
        if request.method == "GET":
            ids = list(ps.project_documents(project=project, user=request.user).values_list("pk", flat=True))
            return Response({"documents": ids})
        serializer = DocumentIdsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ids = serializer.validated_data["documents"]
        added = projects.project_documents_add(project=project, user=request.user, document_ids=ids)
        return Response({"added": added, "documents": ids})

    @extend_schema(
        summary="Assign documents to analysts, by hand or automatically (managers)",
        description="By hand: `{\"documents\": [ids], \"analysts\": [usernames]}` gives each document to each "
        "analyst (`\"replace\": true` takes them from their other analysts; claims stay). Automatic: "
        "`{\"auto\": true, \"overlap\": 0.3}` gives the project's unassigned documents to its analysts, "
        "balanced, that share of them to two analysts (for agreement). Answers the new assignments.",
        request=AssignInputSerializer,
        responses={200: AssignmentSerializer(many=True)},
        examples=[
            OpenApiExample("By hand", value={"documents": [3, 4], "analysts": ["analyst", "analyst2"]}, request_only=True),
            OpenApiExample("Automatic", value={"auto": True, "overlap": 0.3}, request_only=True),
        ],
    )
    @action(detail=True, methods=["post"])
    def assign(self, request: Request, pk: str) -> Response:
        project = self._project(pk)
        serializer = AssignInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data["auto"]:
            made = projects.assignments_auto(
                project=project, user=request.user, overlap=data["overlap"], analysts=data.get("analysts") or None
            )
        else:
            made = projects.assignments_create(
                project=project,
                user=request.user,
                document_ids=data["documents"],
                analysts=data["analysts"],
                replace=data["replace"],
            )
        usernames = dict(ps.project_members(project=project).values_list("user_id", "user__username"))
        return Response(AssignmentSerializer(made, many=True, context={"usernames": usernames}).data)

    @extend_schema(
        summary="Mark your work on a document done: your drafts there are submitted",
        description="Refused with 400 `{\"claims\": [...]}` listing what stops it (a sourced draft without a "
        "source, a rejected claim not fixed); nothing changes then.",
        request=None,
        responses={200: inline_serializer("Done", {"document": serializers.IntegerField(), "done_at": serializers.DateTimeField()})},
    )
    @action(detail=True, methods=["post"], url_path=r"documents/(?P<document_id>[0-9]+)/done")
    def done(self, request: Request, pk: str, document_id: str) -> Response:
        project = self._project(pk)
        document = ps.project_document_get(user=request.user, project=project, document_id=int(document_id))
        assignment = projects.assignment_done(project=project, document=document, user=request.user)
        return Response({"document": document.pk, "done_at": assignment.done_at})

    @extend_schema(
        summary="Take a claim into the project's curated layer (POST) or out of it (DELETE)",
        description="POST replaces any curated claim overlapping it. Reviewers and managers of the project.",
        request=CurationInputSerializer,
        responses={200: inline_serializer("Curated", {"claim": serializers.IntegerField(), "curated": serializers.BooleanField()})},
        examples=[OpenApiExample("Take claim 17", value={"claim": 17}, request_only=True)],
    )
    @action(detail=True, methods=["post", "delete"])
    def curation(self, request: Request, pk: str) -> Response:
        project = self._project(pk)
        if not permissions.can_curate(request.user, project.my_role):
            raise PermissionDenied("Only the project's reviewers and managers can curate.")
        serializer = CurationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        claim = selectors.claim_list(user=request.user).filter(pk=serializer.validated_data["claim"]).first()
        if claim is None:
            raise ValidationError({"claim": ["No such claim."]})
        if request.method == "DELETE":
            projects.curation_remove(project=project, claim=claim, user=request.user)
            return Response({"claim": claim.pk, "curated": False})
        projects.curation_take(project=project, claim=claim, user=request.user)
        return Response({"claim": claim.pk, "curated": True})

    @extend_schema(
        summary="Progress and agreement: per analyst (assigned, done, sentences covered) and on the overlapping documents",
        responses={200: inline_serializer("ProjectProgress", {"documents": serializers.IntegerField()})},
    )
    @action(detail=True, methods=["get"])
    def progress(self, request: Request, pk: str) -> Response:
        project = self._project(pk)
        progress = ps.project_progress(project=project)
        agreement = ps.project_agreement(project=project) if permissions.can_curate(request.user, project.my_role) else None
        return Response(
            {
                "documents": progress.documents,
                "assigned_documents": progress.assigned_documents,
                "assignments": progress.assignments,
                "done": progress.done,
                "curated_documents": progress.curated_documents,
                "analysts": [
                    {
                        "analyst": a.username,
                        "assigned": a.assigned,
                        "done": a.done,
                        "body_sentences": a.body_sentences,
                        "covered_sentences": a.covered_sentences,
                    }
                    for a in progress.analysts
                ],
                "agreement": None
                if agreement is None
                else {
                    "documents": [
                        {"document": a.document_id, "analysts": a.analysts, "method": a.method, "value": a.value, "observed": a.observed}
                        for a in agreement.documents
                    ],
                    "overall": None
                    if agreement.overall is None
                    else {"analysts": agreement.overall.analysts, "method": agreement.overall.method, "value": agreement.overall.value, "observed": agreement.overall.observed},
                },
            }
        )


@extend_schema(
    tags=["projects"],
    summary="Your queue: documents assigned and not done, rejected claims to fix, drafts",
    responses={200: QueueSerializer},
)
class QueueView(GenericAPIView):
    pagination_class = None
    filter_backends: list = []
    serializer_class = QueueSerializer

    def get(self, request: Request) -> Response:
        queue = ps.analyst_queue(user=request.user)
        return Response(QueueSerializer(queue).data)


def project_for_import(user, value: Any) -> Project | None:
    """``"project"`` of a document import: a project ``user`` manages, or a 400 naming it."""
    if value in (None, ""):
        return None
    project = _project_from(user, value)
    try:
        projects.require_import(project=project, user=user)
    except DjangoValidationError as exc:
        raise ValidationError({"project": exc.messages}) from None
    return project

