"""``/api/v1/``: the DRF router (API root, sources, documents, claims), token, export, import.

DRF views are exempt from the login-redirect middleware: DRF authenticates them itself
(session or token) and answers 401/403 in JSON.
"""

from django.urls import path
from django.urls.resolvers import RoutePattern
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView, DefaultRouter

from claims.api import auth, sources, views
from claims.api.projects import ProjectViewSet, QueueView
from claims.api.stats import StatsView

app_name = "api"

class ApiRootView(APIRootView):
    """The API root: the resources, and every other endpoint (token, exports, stats, imports)."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        namespace = request.resolver_match.namespace
        # Every named path of this module without parameters (the router's lists are there already).
        for pattern in urlpatterns:
            if pattern.name and isinstance(pattern.pattern, RoutePattern) and not pattern.pattern.converters:
                response.data[pattern.name] = reverse(f"{namespace}:{pattern.name}", request=request)
        for name in ("api-schema", "api-docs"):
            response.data[name.removeprefix("api-")] = reverse(name, request=request)
        return response


class Router(DefaultRouter):
    APIRootView = ApiRootView


router = Router()
router.register("sources", views.SourceViewSet, basename="source")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("projects", ProjectViewSet, basename="project")

urlpatterns = [
    path("auth/token/", auth.TokenView.as_view(), name="token"),
    path("auth/logout/", auth.LogoutView.as_view(), name="logout"),
    path("export/claims/", views.ClaimExportView.as_view(), name="export-claims"),
    path("stats/", StatsView.as_view(), name="stats"),
    path("queue/", QueueView.as_view(), name="queue"),
    path("import/annotations/", views.AnnotationImportView.as_view(), name="import-annotations"),
    # Source records: merges, credibility notes, proposals, the citation network, trends
    path("sources/<int:pk>/merge/", sources.SourceMergeView.as_view(), name="source-merge"),
    path("sources/<int:pk>/merges/", sources.SourceMergesView.as_view(), name="source-merges"),
    path("sources/merges/<int:merge_id>/undo/", sources.SourceUnmergeView.as_view(), name="source-unmerge"),
    path("sources/<int:pk>/notes/", sources.SourceNotesView.as_view(), name="source-notes"),
    path("sources/<int:pk>/confirm/", sources.SourceConfirmView.as_view(), name="source-confirm"),
    path("network/", sources.NetworkView.as_view(), name="network"),
    path("trends/", sources.TrendsView.as_view(), name="trends"),
    *router.urls,
]
