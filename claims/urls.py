"""Page URLs. Each area's routes sit in its own block, next to its views module."""

from django.urls import path

from claims.views import annotate, dashboard, documents, history, imports, preparing, projects, review, sources, suggestions, suggestion_retry

app_name = "claims"
urlpatterns = [
    # Documents and annotation
    path("", documents.document_list, name="document-list"),
    path("documents/add/", documents.document_add, name="document-add"),
    path("imports/annotations/", imports.annotations_import_page, name="import-annotations"),
    path("imports/<int:job_id>/", imports.import_job, name="import-job"),
    path("documents/<int:document_id>/", annotate.document_annotate, name="document-annotate"),
    path("documents/<int:document_id>/claims/new/", annotate.claim_new, name="claim-new"),
    path("documents/<int:document_id>/prepared/", preparing.document_prepared, name="document-prepared"),
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
    path("documents/<int:document_id>/suggestions/queue/", suggestion_retry.suggestions_requeue, name="suggestions-requeue"),
    path("documents/<int:document_id>/suggestions/accept-all/", suggestions.suggestions_accept_all, name="suggestions-accept-all"),
    path("documents/<int:document_id>/suggestions/<int:suggestion_id>/accept/", suggestions.suggestion_accept, name="suggestion-accept"),
    path("documents/<int:document_id>/suggestions/<int:suggestion_id>/edit/", suggestions.suggestion_edit, name="suggestion-edit"),
    path("documents/<int:document_id>/suggestions/<int:suggestion_id>/dismiss/", suggestions.suggestion_dismiss, name="suggestion-dismiss"),
    # Projects, My queue, curation, notifications
    path("start/", projects.start, name="start"),
    path("queue/", projects.queue, name="queue"),
    path("projects/", projects.project_list, name="project-list"),
    path("projects/<int:project_id>/", projects.project_detail, name="project-detail"),
    path("projects/<int:project_id>/members/", projects.project_member_add, name="project-member-add"),
    path("projects/<int:project_id>/assign/", projects.project_assign, name="project-assign"),
    path("projects/<int:project_id>/import/", projects.project_import, name="project-import"),
    path("projects/<int:project_id>/guidelines/", projects.project_guidelines, name="project-guidelines"),
    path("projects/<int:project_id>/documents/<int:document_id>/done/", projects.mark_done, name="mark-done"),
    path("projects/<int:project_id>/documents/<int:document_id>/curate/", projects.curate, name="curate"),
    path("documents/<int:document_id>/guidelines/", projects.document_guidelines, name="document-guidelines"),
    path("notifications/", projects.notification_list, name="notifications"),
    path("notifications/badge/", projects.notification_badge, name="notification-badge"),
    # Source registry, source pages, network, trends (after sources/options/ above)
    path("sources/", sources.registry, name="source-registry"),
    path("sources/new/", sources.source_new, name="source-new"),
    path("sources/merge/", sources.source_merge, name="source-merge"),
    path("sources/merges/<int:merge_id>/undo/", sources.merge_undo, name="source-merge-undo"),
    path("sources/network/", sources.network_page, name="source-network"),
    path("sources/trends/", sources.trends_page, name="source-trends"),
    path("sources/<slug:slug>/", sources.source_detail, name="source-detail"),
    path("sources/<slug:slug>/edit/", sources.source_edit, name="source-edit"),
    path("sources/<slug:slug>/notes/", sources.note_add, name="source-note-add"),
    path("sources/<slug:slug>/confirm/", sources.source_confirm, name="source-confirm"),
]
