"""Page URLs. Each area's routes sit in its own block, next to its views module."""

from django.urls import path

from claims.views import annotate, dashboard, documents, history, review, suggestions

app_name = "claims"
urlpatterns = [
    # Documents and annotation
    path("", documents.document_list, name="document-list"),
    path("documents/add/", documents.document_add, name="document-add"),
    path("documents/<int:document_id>/", annotate.document_annotate, name="document-annotate"),
    path("documents/<int:document_id>/claims/new/", annotate.claim_new, name="claim-new"),
    path("documents/<int:document_id>/chain-link/", annotate.chain_link, name="chain-link"),
    path("claims/<int:claim_id>/", annotate.claim_edit, name="claim-edit"),
    path("claims/<int:claim_id>/delete/", annotate.claim_delete, name="claim-delete"),
    path("claims/<int:claim_id>/restore/", annotate.claim_restore, name="claim-restore"),
    path("sources/options/", annotate.source_options, name="source-options"),
    path("guidelines/", annotate.guidelines, name="guidelines"),
    # Review
    path("review/", review.review_queue, name="review-queue"),
    path("review/<int:claim_id>/", review.review_decide, name="review-decide"),
    path("review/<int:claim_id>/undo/", review.review_undo, name="review-undo"),
    path("review/bulk-approve/", review.review_bulk_approve, name="review-bulk-approve"),
    path("claims/<int:claim_id>/history/", history.claim_history, name="claim-history"),
    # Dashboard
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    # Suggestions (attribution suggestions on the annotate page)
    path("documents/<int:document_id>/suggestions/accept-all/", suggestions.suggestions_accept_all, name="suggestions-accept-all"),
    path("documents/<int:document_id>/suggestions/<int:suggestion_id>/accept/", suggestions.suggestion_accept, name="suggestion-accept"),
    path("documents/<int:document_id>/suggestions/<int:suggestion_id>/edit/", suggestions.suggestion_edit, name="suggestion-edit"),
    path("documents/<int:document_id>/suggestions/<int:suggestion_id>/dismiss/", suggestions.suggestion_dismiss, name="suggestion-dismiss"),
]
