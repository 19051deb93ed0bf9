"""Page URLs. Each area's routes sit in its own block, next to its views module."""

from django.urls import path

from claims.views import dashboard, documents, history, review

app_name = "claims"
urlpatterns = [
    # Documents and annotation
    path("", documents.document_list, name="document-list"),
    # Review
    path("review/", review.review_queue, name="review-queue"),
    path("review/<int:claim_id>/", review.review_decide, name="review-decide"),
    path("review/bulk-approve/", review.review_bulk_approve, name="review-bulk-approve"),
    path("claims/<int:claim_id>/history/", history.claim_history, name="claim-history"),
    # Dashboard
    path("dashboard/", dashboard.dashboard, name="dashboard"),
]
