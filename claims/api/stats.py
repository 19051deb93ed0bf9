"""``GET /api/v1/stats/``: the dashboard's figures as JSON, for researchers.

The figures come from ``claims.stats`` (the page and the API count alike); the serializers
below only describe and check their shape.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import permissions, stats
from claims.agreement import COHEN_KAPPA, KRIPPENDORFF_ALPHA

Share = lambda **kw: serializers.FloatField(allow_null=True, min_value=0, max_value=1, **kw)  # noqa: E731


class StatsTotalsSerializer(serializers.Serializer):
    claims = serializers.IntegerField()
    sourced = serializers.IntegerField()
    unsourced = serializers.IntegerField()
    sourced_share = Share()
    anonymous_or_vague_only = serializers.IntegerField(help_text="Sourced claims whose every source is anonymous or vague.")
    anonymous_or_vague_share = Share(help_text="Of the sourced claims.")


class StatsSourceRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.CharField()


class StatsSourceCountSerializer(serializers.Serializer):
    source = StatsSourceRefSerializer()
    claims = serializers.IntegerField(help_text="Claims whose chain names the source anywhere.")
    direct = serializers.IntegerField(help_text="Claims that cite it directly (position 0).")


class StatsPublisherRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class StatsDocumentRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()


class StatsSplitFields(serializers.Serializer):
    claims = serializers.IntegerField()
    sourced = serializers.IntegerField()
    unsourced = serializers.IntegerField()
    sourced_share = Share()
    unsourced_share = Share()


class StatsPublisherRowSerializer(StatsSplitFields):
    publisher = StatsPublisherRefSerializer(allow_null=True, help_text="null: documents without a publisher.")


class StatsDocumentRowSerializer(StatsSplitFields):
    document = StatsDocumentRefSerializer()


class StatsAnalystSerializer(serializers.Serializer):
    username = serializers.CharField()
    claims = serializers.IntegerField()
    recent_claims = serializers.IntegerField(help_text=f"Claims created in the last {stats.RECENT_DAYS} days.")
    active_days = serializers.IntegerField(help_text="Days on which the analyst created claims.")
    claims_per_active_day = serializers.FloatField(allow_null=True)
    approvals = serializers.IntegerField()
    rejections = serializers.IntegerField()
    approval_rate = Share(help_text="Approvals over all review decisions on the analyst's claims.")


class StatsAgreementSerializer(serializers.Serializer):
    document_id = serializers.IntegerField(required=False, help_text="Absent in the overall figure.")
    title = serializers.CharField(required=False)
    analysts = serializers.ListField(child=serializers.CharField())
    sentences = serializers.IntegerField(help_text="Body and headline sentences compared.")
    method = serializers.ChoiceField(choices=[COHEN_KAPPA, KRIPPENDORFF_ALPHA])
    value = serializers.FloatField(allow_null=True, help_text="null when undefined (the labels never vary).")
    observed = Share(help_text="Share of sentences labelled alike.")
    same_source = Share(help_text="Of the sentences all marked sourced, the share citing the same direct sources.")
    same_source_sentences = serializers.IntegerField()


class StatsAgreementReportSerializer(serializers.Serializer):
    documents = StatsAgreementSerializer(many=True)
    overall = StatsAgreementSerializer(allow_null=True)


class StatsSerializer(serializers.Serializer):
    totals = StatsTotalsSerializer()
    claims_per_source = StatsSourceCountSerializer(many=True)
    claims_per_publisher = StatsPublisherRowSerializer(many=True)
    claims_per_document = StatsDocumentRowSerializer(many=True)
    analysts = StatsAnalystSerializer(many=True)
    agreement = StatsAgreementReportSerializer()


SPLIT_EXAMPLE = {"claims": 12, "sourced": 9, "unsourced": 3, "sourced_share": 0.75, "unsourced_share": 0.25}
STATS_EXAMPLE = {
    "totals": {
        "claims": 12, "sourced": 9, "unsourced": 3, "sourced_share": 0.75,
        "anonymous_or_vague_only": 2, "anonymous_or_vague_share": 0.2222,
    },
    "claims_per_source": [
        {"source": {"id": 2, "slug": "mehr", "name": "Mehr News Agency", "kind": "news_outlet"}, "claims": 4, "direct": 3}
    ],
    "claims_per_publisher": [{"publisher": {"id": 40, "name": "French Press TV"}, **SPLIT_EXAMPLE}],
    "claims_per_document": [{"document": {"id": 3, "title": "Une colonne militaire américaine ..."}, **SPLIT_EXAMPLE}],
    "analysts": [
        {
            "username": "analyst", "claims": 12, "recent_claims": 5, "active_days": 2, "claims_per_active_day": 6.0,
            "approvals": 7, "rejections": 1, "approval_rate": 0.875,
        }
    ],
    "agreement": {"documents": [], "overall": None},
}  # fmt: skip


class StatsView(APIView):
    @extend_schema(
        tags=["stats"],
        summary="The dashboard's figures (reviewers and administrators)",
        description="Claims sent for review (drafts never count), per cited source, publisher, document "
        "and analyst; the share whose only sources are anonymous or vague; agreement between analysts "
        "(Cohen's kappa for two, Krippendorff's alpha for more). Shares are fractions in [0, 1].",
        parameters=[
            OpenApiParameter("status", str, enum=list(stats.STATUS_CHOICES), description="`approved`: approved claims only.")
        ],
        responses={200: StatsSerializer},
        examples=[OpenApiExample("Figures", value=STATS_EXAMPLE, response_only=True)],
    )
    def get(self, request: Request) -> Response:
        if not permissions.can_view_dashboard(request.user):
            raise PermissionDenied("The figures are for reviewers and administrators.")
        status = request.query_params.get("status", "")
        if status not in stats.STATUS_CHOICES:
            raise ValidationError({"status": [f"Unknown status {status!r}; leave it out, or `approved`."]})
        figures = stats.dashboard_figures(claims=stats.dashboard_claims(user=request.user, status=status))
        return Response(StatsSerializer(stats.figures_as_json(figures)).data)
