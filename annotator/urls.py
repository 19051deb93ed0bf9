"""URL map: the pages, the admin, the REST API and its schema."""

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularSwaggerView

from annotator.schema import CachedSpectacularAPIView

urlpatterns = [
    path("admin/", admin.site.urls),
    # REST API: DRF authenticates (session or token); the Swagger UI is a page behind the login.
    path("api/v1/", include("claims.api.urls")),
    path("api/schema/", CachedSpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", login_required(SpectacularSwaggerView.as_view(url_name="api-schema")), name="api-docs"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("claims.urls")),
]
